"""Arguments of a trigger: its subject (through control, conjunction and passives), objects and targets."""
from __future__ import annotations

from spacy.tokens import Token

from ..codebook import Pattern
from .event_anchors import sentence_place
from .event_context import VIOLENT, VISIT, Draft, EventContext, chain, statement_at, violent
from .event_modality import HYPOTHETICAL_MARKS
from .event_participants import (
    NP_PREPS,
    TARGET_NP_PREPS,
    by_agents,
    described,
    in_own_words,
    np_actors,
    others_of_ours,
    participants,
    place_of,
    relation_parties,
)
from .event_patterns import complements, is_frame_word, relation_noun, shared_object
from .paragraphs import footer_start
from .roles import meeting_group, person_like, principal
from .syntax import PLEASED, SUBJECT_DEPS, bare_participle, by_phrases, is_infinitive

__all__ = ["VICTIM_PREPS", "arguments", "attended", "clause_targets", "fill_target", "subject", "targets"]

PLACE_PREPS = {"in", "at", "into", "near", "outside", "throughout"}  # where a coercive act lands
# Verbs whose object controls the subject of their clause ("urged Iran to release").
OBJECT_CONTROL = {"urge", "ask", "press", "pressure", "call", "tell", "force", "persuade", "order", "allow", "help",
                  "invite", "encourage", "convince", "produce", "push", "appeal", "request"}


def subject(ctx: EventContext, verb: Token) -> tuple[Token | None, bool]:
    """The subject token of `verb` (inherited through control and conjunction) and whether it is passive."""
    bare = bare_participle(verb)  # "Now 220 children killed!"
    passive = bare or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child, bare or child.dep_ == "nsubjpass"
    head = verb.head
    if head.i == verb.i:
        return None, passive
    if verb.dep_ == "xcomp" and _tough(ctx, head):
        return None, passive  # "Berlin would be difficult to reject": Berlin is rejected, not rejecting
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
        if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
            return obj, False
        subj, _ = subject(ctx, head)
        return subj, passive
    infinitive = is_infinitive(verb)
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "conj"} and any(c.dep_ == "agent" for c in verb.children):
        return None, True  # "prisoners, illegally detained by Russia": its agent did it, not the clause's subject
    if verb.dep_ in {"acomp", "conj"} or verb.dep_ == "advcl" and (verb.tag_ in {"VBG", "VBN"} or infinitive):
        subj, head_passive = subject(ctx, head)
        return subj, passive or (verb.dep_ == "conj" and head_passive and verb.tag_ == "VBN")
    if verb.dep_ == "relcl" and not (infinitive and head.dep_ in {"dobj", "attr"} and head.head.pos_ == "VERB"):
        return head, passive  # "measures to help the families" (an infinitive misread as a relative): below
    if verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBN" and head.pos_ in {"NOUN", "PROPN"}:
        return head, True  # "the atrocities committed by the troops", "destroyed equipment": what it was done to
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        subj, _ = subject(ctx, head.head)  # "Putin sent a message congratulating Aliyev": Putin congratulates
        return subj, passive
    owner = _owner(ctx, head) if verb.dep_ in {"acl", "relcl"} and infinitive and head.pos_ == "NOUN" else None
    if owner is not None:  # "welcomed Turkey's readiness to host the talks": Turkey would host them
        return owner, passive
    if verb.dep_ in {"acl", "relcl"} and infinitive and head.dep_ in {"dobj", "attr"} and head.head.pos_ == "VERB":
        subj, _ = subject(ctx, head.head)  # "Putin stressed the need to resume talks": Putin would resume them
        return subj, passive
    return None, passive


def _owner(ctx: EventContext, noun: Token) -> Token | None:
    """Whose intention, readiness or effort a noun is, when it names them: "Turkey's readiness", "the initiatives
    of the French side", "the efforts of the mediators" (an actor or people, not "the need of the hour")."""
    for c in noun.children:
        owners = [c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"] if (
            c.dep_ == "prep" and c.lower_ == "of") else []
        for o in owners:
            if o.pos_ != "PRON" and (o.i in ctx.tok_actor or person_like(o)):
                return o
    return None


# Adjectives whose subject does the act of their clause: "glad to see you", "able to help", "proud to serve".
SUBJECT_ADJECTIVES = PLEASED | frozenset({
    "able", "unable", "willing", "unwilling", "eager", "keen", "determined", "proud", "sorry", "grateful", "thankful",
    "prepared", "sure", "certain", "likely", "unlikely", "afraid", "reluctant", "quick", "free", "obliged", "honoured",
    "honored"})


def _tough(ctx: EventContext, head: Token) -> bool:
    """"X would be difficult to reject": an adjective (not a frame like "ready", nor one whose subject acts, like
    "glad to see you") whose clause has X as object."""
    adjs = [head] if head.pos_ == "ADJ" else [c for c in head.children if c.dep_ == "acomp"]
    return any(a.pos_ == "ADJ" and not is_frame_word(ctx, a) and a.lemma_.lower() not in SUBJECT_ADJECTIVES
               and a.lower_ not in SUBJECT_ADJECTIVES for a in adjs)


def _displaced_subject(ctx: EventContext, verb: Token, exclude: list[str], links: frozenset[str]) -> list[str]:
    """A broken parse's subject: an appositive naming an actor ("On Wednesday, Trump, ... accused"), never one on
    the object of the act's own preposition ("Meeting with Governor of Tula Region Alexei Dyumin")."""
    for tok in verb.subtree:
        if tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.sent == verb.sent and \
                tok.head.head.lower_ not in links:
            found = [a for a in np_actors(ctx, tok) if a not in exclude
                     and ctx.actors[a].kind in {"person", "country", "organization"}]
            if found:
                return found
    return []


def arguments(ctx: EventContext, tok: Token, p: Pattern) -> tuple[list[str], list[str]]:
    """Source and target actors of trigger `tok` under pattern `p` (a passive's agent is its source)."""
    if "relation_subject" in p.frames:  # "our relations are developing": both sides, with each other
        noun = relation_noun(ctx, tok)
        sides = relation_parties(ctx, noun) if noun is not None else []
        return sides, list(sides)
    subj, passive = subject(ctx, tok)
    misread = passive and tok.tag_ == "VBD" and bare_participle(tok)  # "crimes committed by X", read as a past tense
    agent = next((g for c in tok.children if c.dep_ == "agent" or misread and c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"), None)
    subjects = participants(ctx, subj, meeting=not violent(ctx, p.cameo)) if subj is not None else []
    if subj is None and tok.tag_ == "VBG" and tok.dep_ == "pobj":  # "the intensification of shelling … by X"
        subjects = by_agents(ctx, tok)
    found = targets(ctx, tok, p)
    if not subjects and not passive and (subj is None or subj.lower_ in {"this", "that"}):
        subjects = _displaced_subject(ctx, tok, found, p.preps)
    if passive and "stative" not in p.frames:
        source = participants(ctx, agent) if agent is not None else []
        if not subjects and subj is not None and _strikes_places(ctx, p):  # "Mariupol was destroyed"
            subjects = [a for a in np_actors(ctx, subj, True) if ctx.actors[a].kind in {"location", "country"}]
        return source, subjects + [t for t in found if t not in subjects]
    if "recipient_subject" in p.frames:  # "Ukraine received tanks from Poland": Poland gives, Ukraine receives
        holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "received support from the US" hangs
        givers = [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"  # on the noun
                  for g in c.children if g.dep_ == "pobj" for a in participants(ctx, g) if a not in subjects]
        return givers, subjects
    if "victim_subject" in p.frames:  # "got under the shelling by the occupiers", "came under Russian fire"
        if not subjects and subj is not None:  # "Kharkiv came under shelling": a place is struck too
            subjects = np_actors(ctx, subj, True)
        owners = [a for a in participants(ctx, agent) if a not in subjects] if agent is not None else []
        return owners + [a for a in _weapon_owners(ctx, tok, p, subjects) if a not in owners], subjects
    return subjects, [t for t in found if t not in subjects]  # "we met our partners": not ourselves


def _weapon_owners(ctx: EventContext, tok: Token, p: Pattern, victims: list[str]) -> list[str]:
    """Whose fire or wounds a victim-subject verb reports: the actors that own or modify its object noun ("came
    under Russian fire", "wounds from the occupiers' shelling"), never the victims themselves."""
    out: list[str] = []
    for obj in complements(tok):
        if obj.lemma_.lower() in p.objects or obj.lower_ in p.objects:
            for c in obj.subtree:
                if c.i != obj.i and c.dep_ in {"poss", "amod", "compound", "pobj"}:
                    out += [a for a in participants(ctx, c) if a not in victims and a not in out
                            and ctx.actors[a].kind != "location"]
    return out


def _strikes_places(ctx: EventContext, p: Pattern) -> bool:
    """Whether the pattern's act can be done to a place: a visit ("042") or an act of violence ("shelled Mariupol")."""
    return p.cameo == VISIT or violent(ctx, p.cameo)


def targets(ctx: EventContext, tok: Token, p: Pattern) -> list[str]:
    """Target actors of `tok`: its objects and the objects of the pattern's prepositions (places for a visit, "042",
    and for acts of violence: "shelled Mariupol")."""
    out: list[str] = []
    places = _strikes_places(ctx, p)
    for child in tok.children:
        if _is_target_link(tok, child, p):
            heads = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for head in heads:
                _add_head_targets(ctx, head, p, places, out)
    adjective = tok.pos_ == "ADJ" and not out  # "I am grateful that Denmark reopens its embassy": Denmark is thanked
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and (adjective or c.pos_ == "NOUN" and c.i > tok.i)):
        for head in (g for g in clause.children if g.dep_ == "nsubj"):  # "wished Pashinyan a happy birthday"
            _add_head_targets(ctx, head, p, places, out)
    shared = shared_object(tok) if not p.preps or "needs_object" in p.frames else None
    if shared is not None:  # "kills and maims our people", not "arrived and met Macron"
        _add_head_targets(ctx, shared, p, places, out)
    if places:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in p.preps:
                for g in child.children:
                    out += [a for a in np_actors(ctx, g, True) if a not in out]
    if tok.lemma_.lower() in TOPIC_VERBS:  # "discussed the return of refugees": the refugees are the topic
        out = [a for a in out if not (ctx.actors[a].kind == "group" and ctx.actors[a].sector in PUBLIC_SECTORS)]
    return out


TOPIC_VERBS = frozenset({"discuss", "review", "consider", "examine", "debate"})
PUBLIC_SECTORS = frozenset({"CVL", "REF", "BUS"})  # civilians, refugees, businessmen as a group


def _is_target_link(tok: Token, child: Token, p: Pattern) -> bool:
    """Whether `child` of `tok` leads to a target: an object, or a preposition of the pattern or "against"."""
    called = child.dep_ == "oprd" and "actor_object" in p.frames and not any(
        c.dep_ == "dobj" for c in tok.children)  # "would call Trump" parsed as a predicate
    return child.dep_ in {"dobj", "dative", "iobj"} or called or child.dep_ == "prep" and (
        child.lower_ in p.preps or child.lower_ in p.particles or child.lower_ == "against")  # "called on X"


def _done_to_in_reason(ctx: EventContext, head: Token) -> set[str]:
    """The actors the reason for thanks or blame names as done to ("gratitude for the EU's sanctions policy
    against Russia": Russia is not thanked)."""
    out: set[str] = set()
    for reason in (t for t in head.subtree if t.dep_ == "prep" and t.lower_ == "for"):
        for inner in (t for t in reason.subtree if t.dep_ == "prep" and t is not reason and t.lower_ not in NP_PREPS):
            out |= {ctx.tok_actor[t.i] for t in inner.subtree if t.i in ctx.tok_actor}
    return out


def _add_head_targets(ctx: EventContext, head: Token, p: Pattern, places: bool, out: list[str]) -> None:
    """Add to `out` the actors `head` names, then those of its "with"/"between" phrases ("talks between X and Y")."""
    named = head.i in ctx.tok_actor and not meeting_group(head)  # "the President of Poland": the actors stage knows
    found = [] if head.pos_ == "PRON" else np_actors(ctx, head, places, preps=TARGET_NP_PREPS) if named else (
        described(ctx, head) or np_actors(ctx, head, places, preps=TARGET_NP_PREPS))
    found = found or participants(ctx, head) or _ours(ctx, head)
    if p.cameo is not None and ctx.book.plover(p.cameo) in {"SUPPORT", "ACCUSE"}:
        outside = _done_to_in_reason(ctx, head)
        found = [a for a in found if a not in outside]
    out += [a for a in found if a not in out]
    for sub in head.children:  # "a meeting with Witkoff", "talks between X and Y", "… between the two countries"
        if sub.dep_ == "prep" and sub.lower_ in p.preps | {"with", "between"}:
            for g in sub.children:
                if g.dep_ == "pobj":
                    found = described(ctx, g) if meeting_group(g) else np_actors(ctx, g, places)
                    out += [a for a in found if a not in out]


def _ours(ctx: EventContext, head: Token) -> list[str]:
    """Whose "our" a noun phrase names ("shelled our cities", "support for our integration"): the speaker of the
    words it is in, or the author of an address."""
    return [a for c in head.children if c.dep_ == "poss" and c.lower_ == "our" and not others_of_ours(head, c)
            for a in participants(ctx, c)]  # "our partners" are others


def clause_targets(ctx: EventContext, tok: Token, source: list[str]) -> list[str]:
    """Targets inside the clause a frame word takes: its subject, else its objects."""
    # "demanded that Hamas renounce" (its subject), "offered to hand over to Britain" (its objects)
    for clause in tok.children:
        if clause.dep_ not in {"ccomp", "xcomp"}:
            continue
        subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        found = [a for a in (participants(ctx, subj) if subj is not None else []) if a not in source]
        for child in clause.children:
            if child.dep_ in {"dobj", "dative"} or child.dep_ == "prep" and child.lower_ in {"to", "with", "for"}:
                heads = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
                found += [a for h in heads for a in np_actors(ctx, h, preps=TARGET_NP_PREPS)
                          if a not in source and a not in found]
        if found:
            return found
    return []


def fill_target(ctx: EventContext, d: Draft) -> None:
    """Targets the clause leaves implicit: a threat's condition, or where a coercive or conceding act is done."""
    # whoever a threat's condition names ("unless Baghdad accepts"), else the country or place of a coercive or
    # conceding act ("lifted the curfew in Montenegro")
    if d.target:
        return
    if "to_principal" in d.pattern.frames:  # "the minister reported on the budget": to the one holding the meeting
        own = principal(ctx.actors.values(), ctx.doc)
        meets = own is not None and own.id in ctx.index.get("consulting", ())  # the account is of his meeting
        d.target = [own.id] if meets and own is not None and d.source and own.id not in d.source else []
        return
    if "symmetric" in d.pattern.frames and len(d.source) > 1 and not violent(ctx, d.code):
        d.target = list(d.source)  # "the two leaders continued their contacts": with each other
        return
    if ctx.book.plover(d.code) == "THREATEN":
        found = _condition_target(ctx, d)
        if found:
            d.target = found
            return
    act = ctx.book.plover(d.base or d.code)
    if act in VIOLENT and (struck := _struck_past_agent(ctx, d)):
        d.target = struck
        return
    if ctx.book.quad(act) in {2, 4} or act == "CONCEDE":
        place = _place_target(ctx, d)
        if place is None and act in VIOLENT:  # "In Kharkiv, buildings were destroyed by missiles"
            place = sentence_place(ctx, d)
        if place is None and act in THEATRE_ACTS:
            place = _theatre(ctx, d)
        if place is not None:
            d.target = [place]


THEATRE_ACTS = frozenset({"AID", "ASSAULT", "COERCE"})


def _theatre(ctx: EventContext, d: Draft) -> str | None:
    """The one foreign state the act's sentence says things happen "in", when its doers are another state's: the
    Russian military's "efforts to provide humanitarian aid" beside "the operation in Ukraine" go to Ukraine,
    "UNICEF officials in Ukraine … the assistance from UNICEF" too."""
    own = {ctx.actors[a].country for a in d.source} - {None}
    if not own:
        return None
    clause = _clause_of(d.token)
    found = {place_of(ctx, tok, {"country"}, d.source, preps=frozenset({"in"})) for tok in d.token.sent
             if tok.dep_ == "prep" and _clause_of(tok) == clause} - {None}  # not "while talks in Turkey went on"
    found = {a for a in found if a is not None and ctx.actors[a].country not in own}
    return found.pop() if len(found) == 1 else None


def _clause_of(tok: Token) -> int:
    """The index of the verb heading the clause `tok` is in: the nearest verb above it with a subject of its own,
    else the sentence's root."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            return t.i
    return tok.sent.root.i


VICTIM_PREPS = frozenset({"against", "on", "upon"})  # whom an act of force hits


def _struck_past_agent(ctx: EventContext, d: Draft) -> list[str]:
    """What an attack struck when the parser hung it on the attacker ("strikes by the US and its allies on
    Syria": "on Syria" under "allies")."""
    bys = by_phrases(d.token) + [c for c in d.token.children if c.dep_ == "agent"]  # "carried out by"
    agents = [g for by in bys for g in by.children if g.dep_ == "pobj"]
    agents += [c for g in agents for c in g.conjuncts]
    return [a for g in agents for c in g.children if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS
            for w in c.children if w.dep_ == "pobj" for a in np_actors(ctx, w, places=True) if a not in d.source]


def _condition_target(ctx: EventContext, d: Draft) -> list[str]:
    """The actors named by the subject of an "if"/"unless" clause on the draft's verbs, less its sources."""
    verbs = chain(d) + [c for t in chain(d) for c in t.children if c.dep_ == "xcomp"]
    for clause in (c for t in verbs for c in t.children if c.dep_ == "advcl"):
        if any(m.lower_ in HYPOTHETICAL_MARKS for m in clause.children if m.dep_ == "mark"):
            subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            found = [a for a in participants(ctx, subj) if a not in d.source] if subj is not None else []
            if found:
                return found
    return []


def _place_target(ctx: EventContext, d: Draft) -> str | None:
    """The country or place ("in Montenegro") on the draft's tokens that is not one of its sources."""
    preps = PLACE_PREPS | {"on"} if ctx.book.plover(d.code) in VIOLENT else PLACE_PREPS  # "a blast on the metro"
    if ctx.book.plover(d.base or d.code) == "AID":
        preps = preps | {"to"}  # "sent humanitarian aid to Kharkiv": the place it goes to
    for tok in d.tokens:
        for child in tok.children:
            place = place_of(ctx, child, {"location", "country"}, d.target, with_country=True, preps=preps)
            if place is not None and place not in d.source:
                return place
    return None


# The acts a party of a meeting or call does to the others when the clause names nobody else: "the conversation
# focused on…", "they discussed the situation in Syria", "agreed to continue contacts", "expressed condolences".
COUNTERPART_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST"})
ONE_WAY_ACTS = frozenset({"SUPPORT", "REQUEST"})  # done by all the parties to a thing they name: to none of them
PARTY_KINDS = frozenset({"person", "country", "organization"})
OPENING_SENTENCES = 3  # a readout names its meeting in its title or its first sentences
TALK_CODES = frozenset({"040", "041"})  # discussing a topic with the other party ("discussed the situation in Syria")


# Verbs of taking part in a gathering ("took part in a meeting of the board", "addressed the congress"): the
# gathering's members are no parties of a meeting between sides.
ATTENDING = frozenset({"attend", "participate", "take part", "join", "speak", "address"})


def meeting_parties(ctx: EventContext, drafts: list[Draft]) -> list[str]:
    """The parties of the meeting or call the article reports: those of its first consultation with a source and a
    target, in its opening sentences ("Putin had a telephone conversation with Macron"), the people among them
    when there are two or more (a topic is no party: "Rubio and Fidan discuss Syria"), none when it opens with
    no such meeting."""
    opening = [s.end for _, s in zip(range(OPENING_SENTENCES), ctx.doc.sents)]
    for d in drafts:
        if ctx.book.plover(d.code) != "CONSULT" or not d.source or not d.target or d.pattern.lemma in ATTENDING \
                or _session_of_body(ctx, d):
            continue
        if not opening or d.token.i >= opening[-1]:
            continue
        parties = [a for a in dict.fromkeys(d.source + d.target) if ctx.actors[a].kind in PARTY_KINDS]
        people = [a for a in parties if ctx.actors[a].kind == "person"]
        if len(people) > 1:
            return people
        if len(parties) > 1:
            return parties
    return []


def _session_of_body(ctx: EventContext, d: Draft) -> bool:
    """Whether a consultation is a session of a body its source chairs ("held a meeting of the Security Council",
    "a meeting of the Government"): the body's members are no other side of a meeting."""
    nouns = [n for n in (d.token, *(c for c in d.token.children if c.dep_ == "dobj")) if n.i not in ctx.tok_actor]
    bodies = [g for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.i in ctx.tok_actor]
    return any(ctx.actors[ctx.tok_actor[g.i]].kind == "organization" for g in bodies)


def implicit_subject(ctx: EventContext, d: Draft) -> bool:
    """Whether the draft's verb leaves its doer to the account: an agentless passive ("It was agreed", "issues were
    touched upon"), no subject at all ("In discussing…"), "they"/"we", or the meeting's group ("the parties")."""
    if d.token.pos_ not in {"VERB", "AUX"}:
        return False
    if d.token.dep_ in {"amod", "acl"} and d.token.tag_ == "VBN":
        return False  # a participle on its noun ("the plan agreed last week") says nothing of who did it
    subj, passive = subject(ctx, d.token)
    if subj is None:  # not a modifier ("the agreed plan") nor a bare infinitive, unless it is a clause's verb
        return d.token.dep_ == "xcomp" or (d.token.dep_ not in {"amod", "acl", "relcl"} and d.token.tag_ != "VB")
    if passive:  # "the session was attended" says only that someone came, not who
        return not any(c.dep_ == "agent" for c in d.token.children) and d.pattern.lemma not in ATTENDING
    return subj.lower_ == "we" or subj.lower_ == "they" and not in_own_words(ctx, subj) or meeting_group(subj)


# Words that make a noun's act the meeting parties' own: "bilateral cooperation", "mutual trade", "joint efforts".
MUTUAL_WORDS = frozenset({"bilateral", "mutual", "joint", "reciprocal", "two-way", "shared"})


def mutual(tok: Token) -> bool:
    """Whether an event noun is marked as done by both sides ("bilateral cooperation in the energy sector")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in MUTUAL_WORDS for c in tok.children)


def parties_as_source(ctx: EventContext, drafts: list[Draft], parties: list[str]) -> None:
    """The meeting's parties as the doers of a cooperative act whose clause leaves its doer implicit, or of one
    the text marks as both sides' own ("bilateral cooperation")."""
    for d in drafts:
        act = ctx.book.plover(d.code)
        if d.source or act not in COUNTERPART_ACTS | AIMS:
            continue
        if act in COUNTERPART_ACTS and (implicit_subject(ctx, d) or not d.target and (
                mutual(d.token) or _took_place(d.token))) or \
                not d.target and _parties_aim(ctx, d, parties):
            states = {ctx.actors[a].country for a in d.target if ctx.actors[a].kind == "country"} if act in {
                "SUPPORT", "AID"} else set()  # "supporting our state": not the state's own leader
            d.source = [p for p in parties if p not in d.target and ctx.actors[p].country not in states] or list(
                parties)


def _took_place(tok: Token) -> bool:
    """A noun of an act the account says simply happened, naming no one: "There was an exchange of opinions on…",
    "An exchange of views took place"."""
    if tok.pos_ != "NOUN" or any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"with", "between", "by"}
                                 for c in tok.children):
        return False
    head = tok.head
    there = tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    return there or tok.dep_ == "nsubj" and head.lemma_ == "take" and any(c.lower_ == "place" for c in head.children)


# What the meeting's parties may set themselves as an aim in their own words, naming no doer: "the importance of
# coordination", "to preserve the truce", "ensure providing humanitarian assistance".
AIMS = frozenset({"COOPERATE", "CONSULT", "AID", "RETREAT"})


def _parties_aim(ctx: EventContext, d: Draft, parties: list[str]) -> bool:
    """A cooperative act naming no one in the words of one of the meeting's parties ("the leaders stressed the
    importance of strengthening cooperation against terrorism", "Putin noted the need for coordination", "…to
    preserve the truce"): the parties' own aim."""
    act = ctx.book.plover(d.code)
    if act not in AIMS or not (d.token.pos_ == "NOUN" or _subjectless(ctx, d.token)):
        return False
    if d.topic is not None and (act not in {"COOPERATE", "CONSULT"} or d.token.pos_ != "NOUN"):
        return False  # "ready to talk about de-escalation": the talkers' (`topics_of_talks`)
    if any(c.dep_ in {"relcl", "acl"} or c.dep_ == "prep" and c.lower_ in {"of", "with", "between", "among"}
           for c in d.token.children):
        return False  # "the meeting of foreign ministers", "talks he had with…": someone else's
    if d.token.dep_ == "dobj" and any(c.dep_ in SUBJECT_DEPS for c in d.token.head.children):
        return False  # "you had a meeting in Orenburg": its clause names who
    st = statement_at(ctx, d.token.idx)
    return st is not None and st.speaker in parties


def _subjectless(ctx: EventContext, tok: Token) -> bool:
    """A verb whose clause names no doer at all: an infinitive or a gerund ("to preserve the truce", "ensure
    providing assistance"), not a finite verb, a participle on a noun or an imperative."""
    if tok.pos_ != "VERB" or tok.tag_ not in {"VB", "VBG"} or tok.dep_ in {"ROOT", "amod", "acl", "relcl"} and \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return subject(ctx, tok)[0] is None and _on_noun(tok)


def _on_noun(tok: Token) -> bool:
    """Whether a verb without a subject hangs on a noun ("the importance of… to preserve the truce", "the need
    for providing aid"), not on a verb whose subject is its doer ("ready to contribute by providing equipment")."""
    head = tok
    while head.dep_ in {"xcomp", "acl", "advcl", "pcomp", "conj", "prep", "pobj", "ccomp"} and head.head is not head:
        head = head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            return True
        if head.pos_ in {"VERB", "AUX", "ADJ"} and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return False
    return False


def _talked_with(ctx: EventContext, d: Draft) -> bool:
    """Whether the talk names, "with" its own words, a person it was held with ("had a telephone conversation with
    Zelensky"), not only a topic ("discussed the results of his talks with Assad")."""
    return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} and ctx.tok_actor.get(g.i) in d.target
               and ctx.actors[ctx.tok_actor[g.i]].kind == "person"
               for t in d.tokens for c in t.children for g in c.children if g.dep_ == "pobj")


ATTENDED = frozenset({"attend", "participate", "take part"})
THE_MEETING = frozenset({"meeting", "talks", "session", "event", "negotiations", "conversation", "consultations"})


def _this_meeting(d: Draft) -> bool:
    """Whether the draft attends the account's own meeting, told again as "the meeting" ("The meeting was attended
    by…", "Taking part in the talks were…"), not some other gathering ("to participate in this event")."""
    nouns = [t for t in d.tokens if t.pos_ == "NOUN"] + [g for t in d.tokens for c in t.children
                                                         if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nouns += [c for t in d.tokens for c in t.children if c.dep_ == "nsubjpass"]
    return any(n.lower_ in THE_MEETING and any(c.dep_ == "det" and c.lower_ == "the" for c in n.children)
               for n in nouns)


def attended(ctx: EventContext, drafts: list[Draft], parties: list[str]) -> None:
    """Those who attended a meeting met with its other parties, else with the one who held it: "The talks were
    attended by Lavrov and Cayetano" (the two leaders' talks), "The meeting was attended by the Prime Minister" (the
    President's meeting)."""
    own = principal(ctx.actors.values(), ctx.doc)
    for d in drafts:
        if d.target or not d.source or ctx.book.plover(d.code) != "CONSULT" or d.pattern.lemma not in ATTENDED or \
                not _this_meeting(d):
            continue
        hosts = [p for p in parties if p not in d.source] or (
            [own.id] if own is not None and own.id not in d.source and own.kind == "person" else [])
        d.target = hosts


def fill_counterparts(ctx: EventContext, drafts: list[Draft], parties: list[str]) -> None:
    """The other parties of the meeting as the target of a party's act that names no one else (PLOVER's
    convention: all of them when all the parties act together; a criticism is of the others only: "Macron and Scholz
    expressed disappointment" in their call with Putin)."""
    footer = footer_start(ctx.doc)
    for d in drafts:
        act = ctx.book.plover(d.code)
        if act not in COUNTERPART_ACTS | {"ACCUSE"} or not d.source or not set(d.source) <= set(parties) or \
                d.token.idx >= footer:
            continue  # a link to another story ("See also: Telephone conversation with…") is not this meeting
        if any(t in parties for t in d.target) or d.target and d.code not in TALK_CODES:
            continue
        if _talked_with(ctx, d):
            continue  # a talk with someone else ("Putin also spoke with Zelensky"): no topic of this meeting
        others = [p for p in parties if p not in d.source]
        if not others and (act == "ACCUSE" or act in ONE_WAY_ACTS and complements(d.token)):
            continue  # the parties' shared concern, praise or call is about something else, never each other
        others = others or list(parties)
        d.target = others + [t for t in d.target if t not in others]

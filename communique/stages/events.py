"""Events: who did what to whom, coded in PLOVER (with CAMEO beside it) from codebook patterns over the parse.

A trigger is a word whose lemma has a pattern in `data/event_patterns.csv` (with its object words, particles and
target prepositions). Complement frames ("threatened to", "ready to", "refused to", "is expected to") take the event
of their clause and turn it into another event or set its modality. Sources are subjects (or the "by" agent of a
passive), targets are objects and the objects of the pattern's prepositions; both are actors of the record, never
invented. Reciprocal events ("X and Y met") list every participant as source and as target (PLOVER's convention).

The coding is split by concern: `event_context` (the document context and the draft event), `event_patterns`
(trigger patterns), `event_participants` and `event_arguments` (who: actors, pronouns, subjects, targets),
`event_frames` (complement frames, obligations, announced intent), `event_modality` (modality and condition) and
`event_anchors` (date, place, statement). This module turns drafts into `Event` records and registers the component.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..codebook import MODALITIES, Codebook, Pattern, load_codebook
from ..places import location_precision
from ..records import Event
from .event_anchors import date, location, statement_of
from .event_arguments import attended, fill_counterparts, fill_target, meeting_parties, parties_as_source, subject
from .event_context import VIOLENT, Draft, EventContext, make_context, violent
from .event_frames import as_intent, draft, obligations
from .event_modality import modality
from .event_nominal import OCCUR_VERBS, called_violence
from .event_participants import names_victim, participants
from .event_patterns import complements, relation_noun, split_prefix
from .event_sides import ARMED_SECTORS, fill_sides, harm, known_operations, sides, spoken_help
from .extensions import register_extensions
from .roles import person_like
from .spans import doc_text
from .syntax import SUBJECT_DEPS, is_infinitive, text_span

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["MAX_PER_SENTENCE", "MODALITIES", "EventsComponent", "find_events", "make_events_component"]

MAX_PER_SENTENCE = 8


def find_events(doc: Doc, codebook: Codebook | None = None) -> list[Event]:
    """Events in `doc`, in text order (needs `doc._.actors`; uses `doc._.statements` and `doc._.dates`)."""
    if doc._.actors is None:
        return []
    ctx = make_context(doc, codebook or load_codebook())
    drafts, inferred = _drafts(ctx)
    text = doc_text(doc)
    sentences = _sentence_index(doc)
    out: list[Event] = []
    for d in _by_sentence(drafts):
        out.append(_event(ctx, d, f"e{len(out) + 1}", text, sentences, inferred.get(d.token.i, ())))
    return out


def _drafts(ctx: EventContext) -> tuple[list[Draft], dict[int, tuple[str, ...]]]:
    """The document's drafts with a source, recoded as intent and with implicit targets, in trigger order; and
    trigger token -> the roles the article's sides gave (`event_sides`)."""
    drafts = [d for d in (draft(ctx, tok) for tok in ctx.doc) if d is not None]
    drafts += obligations(ctx)
    drafts = [d for d in drafts if not d.consumed]
    withdrawn_forces(ctx, drafts)
    reached_at_talks(ctx, drafts)
    parties = meeting_parties(ctx, [d for d in drafts if d.source])  # a readout's meeting, when it reports one
    if parties:
        parties_as_source(ctx, drafts, parties)
    topics_of_talks(ctx, drafts)
    drafts += asked_for_by(ctx, drafts, parties)
    thanked_for(ctx, drafts)
    for d in drafts:  # "It was agreed to step up cooperation": those who agreed will cooperate
        if not d.source and d.committed is not None and d.committed.source:
            d.source = list(d.committed.source)
            d.target = d.target or list(d.committed.target)
    known = known_operations(ctx, drafts)  # "the special military operation": its state wages it
    at_war = sides(ctx, drafts) is not None  # harm told without its doer has one ("as the shelling goes on")
    drafts = [d for d in drafts if d.source or d.named_only and not d.bare or _unknown_perpetrator(ctx, d)
              or _unknown_doer(ctx, d) or at_war and harm(ctx, d) and d.pattern.lemma != "war"]
    told = {t.i for d in drafts if d.token.pos_ != "NOUN" for t in d.tokens if t.i != d.token.i}
    told |= {n.i for d in drafts if "relation_subject" in d.pattern.frames
             and (n := relation_noun(ctx, d.token)) is not None}  # "our relations are developing": one act
    drafts = [d for d in drafts if not ((d.token.pos_ == "NOUN" or d.token.tag_ == "VBG") and d.token.i in told)]
    # "had a conversation", "destroyed by shelling": the noun is told by its verb
    drafts = [d for d in drafts if not (d.named_only and _retold(ctx, d, drafts))]
    ctx.index["consulting"] = {a for d in drafts if ctx.book.plover(d.code) == "CONSULT" for a in d.source}
    for d in drafts:
        as_intent(ctx, d)
        fill_target(ctx, d)
    if parties:
        fill_counterparts(ctx, drafts, parties)
    attended(ctx, drafts, parties)
    # an announced act of violence is a threat, which needs the one who makes it
    drafts = [d for d in drafts if d.source or d.named_only or ctx.book.plover(d.code) in VIOLENT
              or _unknown_doer(ctx, d)]
    drafts = [d for d in drafts if not _no_act(ctx, d, at_war)]
    helped = spoken_help(ctx, drafts)
    inferred = fill_sides(ctx, drafts)
    _add_roles(inferred, helped)
    accuse_doers(ctx, drafts)
    drafts += called_violence(ctx, drafts)
    acts_backed(ctx, drafts, inferred)
    _add_roles(inferred, known)
    for d in drafts:
        if len(d.source) == 1 and d.target == d.source and violent(ctx, d.code) and "symmetric" not in d.pattern.frames:
            d.target = []  # one actor doing violence to itself ("detained by Russia" struck Russia): no victim known
    drafts.sort(key=_trigger)
    return drafts, inferred


def _add_roles(inferred: dict[int, tuple[str, ...]], more: dict[int, tuple[str, ...]]) -> None:
    """Add the roles another pass filled from the context to those already recorded, trigger by trigger."""
    for i, roles in more.items():
        inferred[i] = tuple(sorted(set(inferred.get(i, ())) | set(roles)))


# Prepositions that place an agreement at the talks that reached it: "the agreements reached at the talks",
# "decisions taken during the Ukrainian-Russian negotiations".
AT_TALKS = frozenset({"at", "during", "in", "following"})


def reached_at_talks(ctx: EventContext, drafts: list[Draft]) -> None:
    """Talks told again as "the talks" with no sides of their own are the article's talks told before with their
    sides ("the Ukrainian-Russian talks on March 3 … the agreements reached at the talks"); an agreement that
    names no one who reached it, reached at talks with sides, was reached by those sides with each other."""
    consults = sorted((d for d in drafts if ctx.book.plover(d.code) == "CONSULT"), key=lambda d: d.token.i)
    sided: Draft | None = None
    for d in consults:
        if d.source and d.target:
            sided = d
        elif sided is not None and not d.source and not d.target and _the_talks(d.token):
            d.source, d.target = list(sided.source), list(sided.target)
    talks = [d for d in consults if d.source and d.target]
    for d in drafts:
        if d.source or ctx.book.plover(d.code) != "AGREE":
            continue
        at = [g for c in d.token.children if c.dep_ == "prep" and c.lower_ in AT_TALKS for g in c.children
              if g.dep_ == "pobj"]
        held = [t for g in at for t in talks if t.token.i == g.i] or [
            t for g in at if _the_talks(g) for t in talks if t.token.i < g.i][-1:]  # "reached at the talks"
        if held:
            d.source, d.target = list(held[0].source), list(held[0].target)


TALKS_NOUNS = frozenset({"talks", "negotiations", "consultations"})


def _the_talks(tok: Token) -> bool:
    """"the talks", "the March 3 talks": talks the article has told of, not new ones ("talks with Chile")."""
    return tok.lower_ in TALKS_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
        all(_told_again(c) for c in tok.children)


def _told_again(mod: Token) -> bool:
    """Whether a modifier of "the talks" leaves them the talks told before: a date, "upcoming", "on Syria"; not a
    place or sides of their own ("the Sochi talks", "talks with Chile")."""
    if mod.dep_ == "prep":
        return mod.lower_ not in {"with", "between", "among", "in"}
    return mod.dep_ in {"det", "nummod", "punct"} or mod.ent_type_ == "DATE" or mod.lower_ in TALKS_AGAIN


TALKS_AGAIN = frozenset({"upcoming", "recent", "last", "latest", "previous", "current", "ongoing", "today", "these",
                         "those"})


WITHDRAWING = frozenset({"withdraw", "withdrawal", "pull", "pullout", "redeploy", "redeployment", "disengage",
                         "disengagement", "retreat"})


def withdrawn_forces(ctx: EventContext, drafts: list[Draft]) -> None:
    """Forces withdrawn by no one named withdraw themselves: "the troops were withdrawn from Syria", "a decision
    to withdraw the Russian military group" is a retreat by those forces from the place, not against them."""
    for d in drafts:
        if d.source or ctx.book.plover(d.code) != "RETREAT" or d.token.lemma_.lower() not in WITHDRAWING:
            continue  # "surrender to the Armed Forces": to them, not by them
        forces = [a for a in d.target if ctx.actors[a].sector in ARMED_SECTORS]
        if forces:
            d.source = forces
            d.target = [a for a in d.target if a not in forces]


def accuse_doers(ctx: EventContext, drafts: list[Draft]) -> None:
    """Condemning an act of force accuses whoever did it, not those it struck ("Russia condemns the attack against
    Syria", the attack being the United States'): the act's doers become the accusation's target."""
    acts = {d.token.i: d for d in drafts if ctx.book.plover(d.code) in VIOLENT and d.source}
    for d in drafts:
        if ctx.book.plover(d.code) != "ACCUSE" or "accusation" in d.pattern.frames:
            continue  # "This is genocide" names the act itself
        doers = [a for o in complements(d.token) if o.i in acts for a in acts[o.i].source if a not in d.source]
        if doers:
            d.target = list(dict.fromkeys(doers))


BACKED_PREPS = frozenset({"for", "of"})  # "support for the talks", "called for a ceasefire"


def acts_backed(ctx: EventContext, drafts: list[Draft], inferred: dict[int, tuple[str, ...]]) -> None:
    """Support for an act that names its parties goes to them ("expressed support for the talks between the
    government and the opposition"; backing an attack backs the attackers); a call for a peaceful act is made of
    those who are to do it ("called for talks between Baku and Yerevan"). Parties the article's sides lent an act
    (`inferred`) are not named by it."""
    acts = {d.token.i: d for d in drafts if d.token.i not in inferred}
    for d in drafts:
        kind = ctx.book.plover(d.code)
        if d.target or kind not in {"SUPPORT", "REQUEST"}:
            continue
        for o in (o for t in d.tokens for o in complements(t) if o.i in acts and acts[o.i] is not d
                  and (o.head in d.tokens or o.head.lower_ in BACKED_PREPS)):  # not "in a conversation"
            act = acts[o.i]
            if kind == "REQUEST" and ctx.book.plover(act.code) in VIOLENT:
                continue  # "we need weapons for the offensive": the offensive is no one's to be asked for
            doers = act.source if kind == "REQUEST" or ctx.book.plover(act.code) in VIOLENT else act.source + act.target
            found = [a for a in dict.fromkeys(doers) if a not in d.source]
            if found:
                d.target = found
                break


# "at the request of Bennett", "upon the request of the Turkish side": the act was asked for
REQUESTED = Pattern("request", "NOUN", frozenset(), frozenset(), frozenset(), frozenset({"of"}), "100", frozenset(),
                    "events.py")


def asked_for_by(ctx: EventContext, drafts: list[Draft], parties: list[str]) -> list[Draft]:
    """A REQUEST by whoever an act was done at the request of, of its doer ("At the request of Bennett, the
    President of Russia briefed him": Bennett asked Putin), else of the meeting's other parties ("The call was held
    at the request of the Turkish side")."""
    out = []
    acts = {d.token.i: d for d in drafts}
    for tok in ctx.doc:
        if tok.lemma_.lower() != "request" or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or \
                tok.head.lower_ not in {"at", "upon", "on"}:
            continue
        askers = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj" for a in ([ctx.tok_actor[g.i]] if g.i in ctx.tok_actor else participants(ctx, g))
                  if ctx.actors[a].kind != "location"]  # "of Bennett, the President of Russia": Bennett alone
        if not askers:
            continue
        act = acts.get(tok.head.head.i)
        asked = [a for a in (act.source if act is not None and act.source else parties) if a not in askers]
        if asked:
            out.append(Draft(tok, REQUESTED, "100", askers, asked, [tok], [tok], base="100"))
    return out


THANKS_WORDS = frozenset({"thank", "grateful", "thankful", "gratitude", "thanks"})
# what thanks are given for that the thanked did for the thanker ("thanked Russia for the aid it sent")
GOOD_TURNS = frozenset({"SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT", "YIELD"})


def thanked_for(ctx: EventContext, drafts: list[Draft]) -> None:
    """An act thanks are given for was done by the thanked for the thanker: "Erdogan thanked Russia for the aid sent
    to the affected regions" is Russia's aid to Erdogan, "thanked Putin for his support" Putin's support of him."""
    for thanks in drafts:
        if thanks.token.lemma_.lower() not in THANKS_WORDS or not thanks.source or not thanks.target or \
                _own_state_thanked(ctx, thanks):
            continue
        heads = [*thanks.tokens, *(t.head for t in thanks.tokens if t.dep_ == "acomp")]  # "is grateful … for"
        reasons = {t.i for tok in heads for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                   for t in c.subtree}
        acts = {d.token.i for d in drafts if d.token.i in reasons}
        for act in drafts:
            if act is thanks or act.token.i not in reasons or violent(ctx, act.code) or _met_with(act) or any(
                    a.i in acts for a in act.token.ancestors if a.i in reasons):
                continue  # "for the invitation to visit Kazakhstan": the visit is the invitee's; "for a position
                # against the war", "for Lend-Lease in the fight against Russia": not the thanked one's fight
            act.source = act.source or list(thanks.target)
            if ctx.book.plover(act.code) in GOOD_TURNS and not act.target and \
                    not set(thanks.source) <= set(act.source):
                act.target = list(thanks.source)


def _met_with(act: Draft) -> bool:
    """A meeting "with" someone thanks are given for ("for this opportunity to meet with you") is the thanker's."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for t in act.tokens for c in t.children)


def _own_state_thanked(ctx: EventContext, thanks: Draft) -> bool:
    """Whether thanks go to the thanker's own state, which is the parse's slip ("thanked the partner countries of
    Ukraine" read as thanking Ukraine), not someone who did something for him."""
    countries = {ctx.actors[a].country for a in thanks.source}
    return any(ctx.actors[a].kind == "country" and ctx.actors[a].country in countries for a in thanks.target)


def topics_of_talks(ctx: EventContext, drafts: list[Draft]) -> None:
    """A cooperative act that is the topic of a talk ("discussed the withdrawal of forces", "when speaking about
    trade cooperation, Putin told Macron") is done by those who talked (to those they talked with), once the talk
    has its doers, else by the talk verb's subject."""
    talks = {d.token.i: d for d in drafts if d.topic is None and d.source}
    for d in drafts:
        if d.topic is None or d.source:
            continue
        talk = talks.get(d.topic.i)
        if talk is not None:
            d.source, d.target = list(talk.source), d.target or list(talk.target)
        else:
            subj, passive = subject(ctx, d.topic)
            d.source = participants(ctx, subj) if subj is not None and not passive else []
        d.named_only = d.named_only and not d.source


def _no_act(ctx: EventContext, d: Draft, at_war: bool = False) -> bool:
    """Whether the pattern's frames make the draft no event: steps taken against no one that nobody threatens with
    (`threat_or_target`: "we have taken a number of measures"; "will take all necessary measures" threatens), or
    an appeal by no one (`needs_source`: "weapons are needed"); in a war report, harm done to someone or somewhere
    needs no doer of its own ("There were strikes at the Kharkiv region": the war's attacker, `fill_sides`)."""
    frames = d.pattern.frames
    measures = "threat_or_target" in frames and not d.target and ctx.book.plover(d.code) != "THREATEN"
    unowned = "needs_source" in frames and not d.source and not (
        at_war and d.target and harm(ctx, d) and not _no_attack(d.token))
    return measures or unowned


def _no_attack(tok: Token) -> bool:
    """A harm noun that tells no attack: a walkout ("went on strike at the factory") or a bare word read as one
    ("Strike at their habit!")."""
    walkout = tok.dep_ == "pobj" and tok.head.lower_ == "on"
    bare = tok.tag_ == "NN" and not any(c.dep_ in {"det", "amod", "compound", "nummod", "poss"} for c in tok.children)
    return walkout or bare


def _retold(ctx: EventContext, d: Draft, drafts: list[Draft]) -> bool:
    """Whether a noun without participants names the act of the verb it hangs on ("met in Helsinki for a summit",
    "agreed on a ceasefire"): the verb's event already tells it."""
    head = d.token.head.head if d.token.dep_ == "pobj" else d.token.head
    if head.pos_ not in {"VERB", "AUX"}:
        return False  # "the withdrawal of weapons and the disengagement of forces" are two acts
    kind = ctx.book.plover(d.code)
    return any(e is not d and e.token.i == head.i and ctx.book.plover(e.code) == kind for e in drafts)


def _unknown_doer(ctx: EventContext, d: Draft) -> bool:
    """An act whose doer the text leaves unnamed or names in words that are no actor of ours. Kept with an empty
    source when the act has a target and is a noun ("the disengagement of forces from the line of contact"), an
    agentless passive ("weapons were delivered to Kyiv") or an infinitive ("a decision was made to withdraw"), or
    when its doer is people we cannot resolve ("the city authorities will take measures to help the families", "the
    head of the regional administration informed the President"). So is an act with an object whose clause has no
    doer ("the decision to hand over two demining systems", "the talks were cancelled"; not an aside, `_aside`) or
    names people we cannot resolve ("our law enforcement agencies are working to provide their assessment"), or a
    pronoun we cannot resolve doing a peaceful act to someone ("We are calling on the West", "those who help us"). A
    thing ("the meeting can provide answers") is no doer, and an imperative ("Thank God") is no event."""
    tok = d.token
    agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if d.target and (tok.pos_ == "NOUN" or is_infinitive(tok) or "recipient_subject" in d.pattern.frames
                     or agent is None and any(c.dep_ == "auxpass" for c in tok.children)):
        return True  # "Ukraine has received 100,000 tons of aid": from someone it does not name
    if tok.pos_ == "NOUN":
        return False
    doer, passive = subject(ctx, tok)
    if agent is not None:
        doer = agent
    elif doer is None or passive:  # "the decision to hand over X", "the talks were cancelled"
        return bool(d.target) or bool(complements(tok)) and not _aside(tok)
    unresolved = doer.lower_ in PEOPLE_PRONOUNS and bool(d.target) and not violent(ctx, d.code) and \
        ctx.book.plover(d.code) != "THREATEN"  # "We are calling on the West"
    return bool(d.target or complements(tok)) and person_like(doer) or unresolved


PEOPLE_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "those"})  # never "it", "this"


def _aside(tok: Token) -> bool:
    """A verb with neither doer nor target that tells no act: an imperative or a plea ("Please forgive me"), a
    quality ("demanding work") or an occasion ("the opportunity to meet with you")."""
    imperative = tok.tag_ in {"VB", "VBP"} and tok.dep_ == "ROOT" and not any(  # "Thank you" is tagged VBP
        c.dep_ == "aux" or c.dep_ in SUBJECT_DEPS for c in tok.children)
    occasion = tok.dep_ == "acl" and tok.head.lemma_.lower() in OCCASIONS
    return imperative or occasion or tok.dep_ == "amod"


OCCASIONS = frozenset({"opportunity", "chance", "honour", "honor", "pleasure", "privilege", "time", "possibility"})


def _unknown_perpetrator(ctx: EventContext, d: Draft) -> bool:
    """A material-conflict act with a target or a place but no named perpetrator ("a colonel was killed by a
    roadside bomb"): kept with an empty source, never given an invented one."""
    struck_things = ctx.book.classes.get("structures", frozenset()) | STRUCK_PLACES
    own = frozenset(t.i for t in d.tokens if t.lemma_.lower() not in struck_things)  # "hit a city": the city is struck
    struck = names_victim(d.token, own) or "victim_subject" in d.pattern.frames and any(
        c.dep_ == "nsubj" for c in d.token.children)  # "the car came under fire"
    told = d.token.pos_ == "NOUN" and d.token.dep_ == "nsubj" and d.token.head.lemma_.lower() in OCCUR_VERBS
    return ctx.book.plover(d.code) in VIOLENT and bool(d.target or location(ctx, d) or struck or told)


STRUCK_PLACES = frozenset({"city", "town", "village", "district", "area", "region", "territory", "settlement",
                           "neighbourhood", "neighborhood", "street", "land", "position", "convoy", "train", "yard"})


def _event(ctx: EventContext, d: Draft, event_id: str, text: str, sentences: dict[int, int],
           inferred: tuple[str, ...]) -> Event:
    """The `Event` record of draft `d`: type, participants, trigger, modality, date, place and statement."""
    mood, condition = modality(d)
    statement = statement_of(ctx, d)
    plover = ctx.book.plover(d.code)
    when, when_from = date(ctx, d, statement, mood)
    place = location(ctx, d)
    return Event(
        id=event_id, type=plover, cameo=d.code, quad=ctx.book.quad(plover),
        source=tuple(d.source), target=tuple(d.target), trigger=text_span(text, *_trigger(d)),
        sentence=sentences.get(d.token.sent.start, 0), date=when, date_source=when_from, location=place,
        location_precision=_precision(ctx, place), goldstein=ctx.book.goldstein(d.code),
        modality=mood, condition=text_span(text, *condition) if condition else None,
        statement=statement.id if statement is not None else None, inferred=inferred)


def _precision(ctx: EventContext, place: str | None) -> str | None:
    if place is None:
        return None
    actor = ctx.actors[place]
    return location_precision(actor.kind, actor.geo.feature if actor.geo else None)


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Token index of each kept sentence's first token -> its index in `Record.sentences` (blank ones skipped)."""
    out: dict[int, int] = {}
    for s in doc.sents:
        if s.text.strip():
            out[s.start] = len(out)
    return out


def _trigger(d: Draft) -> tuple[int, int]:
    """The characters from the first to the last of the draft's tokens."""
    first = min(d.tokens, key=lambda t: t.i)
    last = max(d.tokens, key=lambda t: t.i)
    first = split_prefix(first) or first  # "de-escalation", which the tokenizer split in three
    return first.idx, last.idx + len(last)


def _by_sentence(drafts: list[Draft]) -> list[Draft]:
    """At most `MAX_PER_SENTENCE` events per sentence, one per trigger and participants."""
    out: list[Draft] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    count: dict[int, int] = {}
    for d in drafts:
        key = (d.token.i, d.code, tuple(d.source), tuple(d.target))
        sent = d.token.sent.start
        if key in seen or count.get(sent, 0) >= MAX_PER_SENTENCE:
            continue
        seen.add(key)
        count[sent] = count.get(sent, 0) + 1
        out.append(d)
    return out


class EventsComponent:
    """spaCy component: fill `doc._.events` (add after `communique_actors` and `communique_statements`)."""

    def __init__(self, codebook: Codebook) -> None:
        """Code events with `codebook`."""
        self.codebook = codebook

    def __call__(self, doc: Doc) -> Doc:
        """Fill `doc._.events`."""
        doc._.events = find_events(doc, self.codebook)
        return doc


@Language.factory("communique_events", assigns=["doc._.events"],
                  requires=["doc._.actors", "doc._.mention_actor", "doc._.statements", "doc._.dates"],
                  default_config={"data_dir": None})
def make_events_component(nlp: Language, name: str, data_dir: str | None) -> EventsComponent:
    """spaCy factory: the events stage, with the shipped codebooks plus the user's folder `data_dir`."""
    return EventsComponent(load_codebook(Path(data_dir) if data_dir else None))


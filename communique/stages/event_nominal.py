"""Events named by nouns: "the shelling of Vinnytsia by the invaders", "Russia's invasion", "a Russian missile
strike on Kyiv", "a telephone conversation with Macron".

The trigger is a noun with a NOUN row in `event_patterns.csv` (whose object words, when given, are the noun's
modifiers: "missile strike", "telephone call"). The source is the agent ("by the invaders"), the owner
("Russia's"), an actor among its modifiers ("Russian shelling"), else the subject of the light verb that carries
the noun ("Putin had a conversation", "the army launched an attack"). Targets are the objects of the row's
prepositions ("of Vinnytsia", "on Kyiv", "with Macron").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..codebook import Pattern
from .event_arguments import VICTIM_PREPS, mutual
from .event_context import VIOLENT, VISIT, Draft, EventContext, statement_at, violent
from .event_participants import by_agents, described, names_victim, np_actors, participants, place_of
from .event_patterns import ENDING_NOUNS, against_nature, pattern
from .roles import author, meeting_group, principal
from .spans import doc_text

__all__ = ["LIGHT_VERBS", "OCCUR_VERBS", "called_violence", "nominal_draft"]

# Verbs that carry an event noun without adding their own: "held talks", "launched an attack".
LIGHT_VERBS = {"have", "hold", "conduct", "carry", "launch", "make", "stage", "mount", "start", "begin", "continue",
               "pay", "undertake", "resume", "organise", "organize", "host", "put", "bring",
               # who steps an act up does it: "intensify the negotiation process", "strengthen cooperation"
               "intensify", "accelerate", "deepen", "strengthen", "expand", "develop", "boost", "step", "pursue",
               "renew"}
TRAVEL_VERBS = {"be", "arrive", "come", "go", "travel", "fly"}  # "is on a visit to Kyiv"
ENGAGING_VERBS = {"engage"}  # "engaged in a discussion"
MODIFIER_DEPS = {"compound", "amod", "nmod"}
PROCESS_HEADS = frozenset({"process", "round", "track", "session", "format"})  # "the negotiation process"
PLACE_PREPS = frozenset({"in", "at", "near", "outside"})


def _agent(ctx: EventContext, tok: Token, p: Pattern) -> list[str]:
    """The perpetrator or host named on the noun itself: "by the invaders", "Russia's", "Russian"; for a
    cooperative act, the owners of the efforts it joins."""
    found = by_agents(ctx, tok) or (_effort_owners(ctx, tok) if not violent(ctx, p.cameo) else [])
    if not found and tok.lemma_.lower() in EFFORT_NOUNS:  # "the actions of the Russian army": the army acts
        found = _of_owners(ctx, tok)
    if not found and violent(ctx, p.cameo) and _victim_named(tok):  # "the aggression of Kiev against Donbass"
        found = _of_owners(ctx, tok)
    if not found and p.cameo is not None and ctx.book.plover(p.cameo) == "CONSULT" and _gathering(ctx, tok):
        found = [a for a in _of_owners(ctx, tok) if ctx.actors[a].kind == "organization"]  # "a session of the Council"
    if not found and p.cameo == VISIT:
        found = _of_owners(ctx, tok)  # "the visit of Erdogan to Moscow": the visitor
    if not found and tok.lemma_.lower() in BACKING_NOUNS:
        found = _givers(ctx, tok)
    if found:
        return found
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ in MODIFIER_DEPS and c.i < tok.i and not any(
                t.tag_ in {",", ":"} for t in tok.doc[c.i + 1:tok.i]):  # "Syria, Ukraine... Massacres.": a list
            found = [a for a in participants(ctx, c) if ctx.actors[a].kind != "location"]
            if found:
                return found + [a for a in _paired(ctx, c) if a not in found]
    return []


BACKING_NOUNS = frozenset({"support", "help", "assistance", "backing"})


def _givers(ctx: EventContext, tok: Token) -> list[str]:
    """Who gives the support a noun names: its "from" phrase ("support from Russia's Aerospace Forces"), or, with
    "with", its "of" phrase ("with the support of the coalition"), never "in support of Ukraine"."""
    given = _of_owners(ctx, tok, "from")
    if given or not (tok.dep_ == "pobj" and tok.head.lower_ == "with"):
        return given  # "support of our initiatives", "the support of Ukrainians" are for them
    return _of_owners(ctx, tok)


def _backed(ctx: EventContext, tok: Token, source: list[str]) -> list[str]:
    """Whom support "with" which something was done goes to: the doer of that ("the Syrian army liberated Palmyra
    with support from Russia": the Syrian army)."""
    if tok.lemma_.lower() not in BACKING_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ != "with":
        return []
    verb = tok.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [a for d in doers for a in participants(ctx, d) if a not in source]


def _gathering(ctx: EventContext, tok: Token) -> bool:
    """Whether the noun is a gathering a body holds (the `gatherings` class): "the meeting of the Security
    Council", "a session of the State Council"."""
    return tok.lower_ in ctx.book.classes.get("gatherings", frozenset())


def _of_owners(ctx: EventContext, tok: Token, prep: str = "of") -> list[str]:
    """The actors (not places) the noun's "of" (or other `prep`) phrase names: "the actions of the army", "the
    crimes of the occupiers", "support from Russia"."""
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children
            if g.dep_ == "pobj" for a in participants(ctx, g) if ctx.actors[a].kind != "location"]


def _victim_named(tok: Token) -> bool:
    """Whether an act noun names whom it hits ("against Donbass", "on the town"): its "of" is then the doer."""
    return any(c.dep_ == "prep" and c.lower_ in VICTIM_PREPS and any(g.dep_ == "pobj" for g in c.children)
               for c in tok.children)


# Nouns of what someone does whose owners do the act of the noun they complete: "the coordination of the Russian
# and Turkish efforts", "the synchronisation of their actions".
EFFORT_NOUNS = frozenset({"effort", "action", "step", "move", "work", "activity", "approach", "policy"})


def _effort_owners(ctx: EventContext, tok: Token) -> list[str]:
    """Whose efforts an act of coordination joins ("coordination of the Russian and Turkish efforts")."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for g in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in EFFORT_NOUNS):
            mods = [c for c in g.children if c.dep_ == "poss" or c.dep_ in MODIFIER_DEPS and c.i < g.i]
            mods += [cc for m in mods for cc in m.conjuncts]
            found = [a for m in mods for a in participants(ctx, m) if ctx.actors[a].kind != "location"]
            if found:
                return list(dict.fromkeys(found))
    return []


def _paired(ctx: EventContext, modifier: Token) -> list[str]:
    """The other side of a hyphenated pair on an event noun: "US-Russia talks", "Russian-Azerbaijani talks"."""
    out: list[str] = []
    for c in modifier.children:
        if c.i < modifier.i and c.dep_ in MODIFIER_DEPS and any(h.tag_ == "HYPH" for h in ctx.doc[c.i + 1:modifier.i]):
            out += [a for a in participants(ctx, c) if ctx.actors[a].kind != "location"]
    return out


def _carrier_subject(ctx: EventContext, tok: Token, p: Pattern) -> list[str]:
    """The subject of the light verb whose object the noun is ("Putin had a conversation with…")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in TRAVEL_VERBS:
        head = head.head  # "Wallace, who is on a working visit to Kyiv", "arrived on a state visit"
    elif tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in ENGAGING_VERBS:
        head = head.head  # "the Presidents engaged in a discussion"
    elif tok.dep_ not in {"dobj", "attr"} or head.lemma_.lower() not in LIGHT_VERBS:
        return []
    subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and head.dep_ in {"conj", "advcl", "xcomp"}:
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.pos_ == "NOUN" and pattern(ctx, subj) is not None:
        return []  # "the destruction of the garrison can put an end to the talks": an act, not who ends them
    # "they continue the missile terror": not the leaders who talked
    return participants(ctx, subj, meeting=not violent(ctx, p.cameo)) if subj is not None else []


OCCASION_PREPS = frozenset({"during", "after", "following", "before", "at"})


def _occasion_subject(ctx: EventContext, tok: Token, p: Pattern) -> list[str]:
    """Who took part in the meeting a clause happens on: the subject of that clause ("During a video meeting at
    Chatham House, Zelenskyy said…", "Following talks with Scholz, Macron announced…"). Only meetings: "after the
    attack on Kyiv, Zelenskyy called…" is not his attack."""
    if ctx.book.plover(p.cameo or "") != "CONSULT" or tok.dep_ != "pobj" or tok.head.lower_ not in OCCASION_PREPS:
        return []
    if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not _specific(tok):
        return []  # "during the meeting": the one already told, with its own parties
    verb = tok.head.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb.pos_ in {
        "VERB", "AUX"} else None
    if subj is None or subj.lemma_.lower() in ctx.book.classes.get("munitions", frozenset()):
        return []  # "after our talks, Russian missiles hit the city": no missile takes part in talks
    return participants(ctx, subj)


def _targets(ctx: EventContext, tok: Token, p: Pattern, source: list[str]) -> list[str]:
    """Objects of the row's prepositions, places included ("the shelling of Vinnytsia")."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in p.preps:
            for g in c.children:
                if g.dep_ == "pobj":  # "cooperation between the two countries": the meeting's parties
                    found = described(ctx, g) if meeting_group(g) else np_actors(ctx, g, places=True)
                    out += [a for a in found if a not in out and a not in source]
    return out or _backed(ctx, tok, source)


def _accusation(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """A copular accusation ("This is genocide", "these are war crimes", "recognised as an act of aggression"):
    the speaker of the words (else the account's principal) accuses whoever the subject or the noun names."""
    copular = tok.dep_ in {"attr", "oprd"} or tok.dep_ == "acomp" and tok.pos_ == "ADJ" or tok.dep_ == "pobj" and tok.head.lower_ == "as" or (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in {"attr", "oprd"}) or (  # "an act of…"
        tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_ == "be")  # "are in violation of…"
    if not copular or p.cameo is None:
        return None
    st = statement_at(ctx, tok.idx)
    own = principal(ctx.actors.values(), ctx.doc)
    source = list(st.speakers) if st is not None and st.speaker else [own.id] if own is not None else []
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    target = [a for a in (participants(ctx, subj) if subj is not None else []) + _agent(ctx, tok, p)
              + _targets(ctx, tok, p, []) if a not in source]
    if not target and subj is None:  # "what the occupiers did to the town is genocide": who did it
        target = [a for c in verb.children if c.dep_ == "csubj" and c.lemma_.lower() not in UNDERGOING
                  for d in c.children if d.dep_ == "nsubj" for a in participants(ctx, d, meeting=False)
                  if a not in source]
    if not target and subj is not None and subj.lower_ in DEMONSTRATIVES:
        target = [a for a in _perpetrators_before(ctx, tok) if a not in source]
    if not target and subj is not None and (act := ctx.memo.get(subj.i)) is not None:
        target = [a for a in act.source if a not in source]  # "the strikes were a violation": the strikers
    if not source:
        return None
    return Draft(tok, p, p.cameo, source, list(dict.fromkeys(target)), [tok], [verb], base=p.cameo)


# Calling an act of force by its name in one's own words accuses its doer ("This is an unjustified invasion", "what
# they did is an act of aggression"): CAMEO's "criticize or denounce", beside the act itself.
DENOUNCE = Pattern("be", "VERB", frozenset(), frozenset(), frozenset(), frozenset(), "111", frozenset({"accusation"}),
                   "event_nominal.py")
NAMING_SUBJECTS = frozenset({"this", "that", "it", "these", "those", "what"})
INSTANCE_NOUNS = frozenset({"act", "case", "example", "manifestation", "form", "kind"})  # "an act of aggression"


def called_violence(ctx: EventContext, drafts: list[Draft]) -> list[Draft]:
    """The accusations made by calling an act of force by its name: the violent noun is the attribute of "be"
    whose subject points at what was done ("This is an unjustified invasion"), in someone's words (a statement's
    speaker, else the author of an address); the accused are the act's doers."""
    out = []
    for d in drafts:
        tok = d.token
        attr = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in INSTANCE_NOUNS else tok  # "an act of aggression"
        if not violent(ctx, d.code) or not d.source or tok.pos_ != "NOUN" or attr.dep_ != "attr" or \
                attr.head.lemma_ != "be" or "accusation" in d.pattern.frames:
            continue
        verb = attr.head
        damning = ctx.book.classes.get("damning", frozenset())  # "an unjustified invasion", "a deliberate…"
        judged = any(c.dep_ == "amod" and c.lower_ in damning for c in (*tok.children, *attr.children))
        if not judged and not any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
            continue  # "This is a war of two worldviews": no one is accused
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subj is None or not (subj.lower_ in NAMING_SUBJECTS or any(t.lower_ == "what" for t in subj.subtree)):
            continue
        st = statement_at(ctx, tok.idx)
        own = author(ctx.actors.values())
        speakers = list(st.speakers) if st is not None and st.speaker else [own.id] if own is not None else []
        speakers = [a for a in speakers if a not in d.source]
        if speakers:
            said = [subj, verb] if len(list(subj.subtree)) == 1 else [verb]  # "This is": the words that call it so
            out.append(Draft(verb, DENOUNCE, "111", speakers, list(d.source), said, [verb], base="111"))
    return out


# Accusation nouns whose "of" names who committed them ("the crimes of the occupiers"; "genocide of" names victims).
CRIMES = frozenset({"crime", "atrocity"})
CRIME_CODE = "180"  # CAMEO: use unconventional violence (ASSAULT)


def _crimes_of(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """Crimes told with who committed them, not called so by anyone ("Russia's war crimes", "the crimes of the
    occupiers"): the violence itself, done by them."""
    if tok.lemma_.lower() not in CRIMES:
        return None
    doers = _agent(ctx, tok, p) or _of_owners(ctx, tok)
    if not doers:
        return None
    # crimes are told as done, whatever the verb they are the object of ("will investigate the crimes")
    return Draft(tok, p, CRIME_CODE, doers, _targets(ctx, tok, p, doers), [tok], [tok], base=CRIME_CODE)


# Verbs whose subject undergoes what is judged ("what our cities experienced are war crimes"): not the doer.
UNDERGOING = frozenset({"experience", "suffer", "undergo", "endure", "see", "witness", "face", "feel", "go", "live",
                        "survive", "happen"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it"})
LOOK_BACK = 2  # sentences before an accusation where what "this" points to may be told


def _perpetrators_before(ctx: EventContext, tok: Token) -> list[str]:
    """Who did the acts of violence that "this" in "This is genocide" points back to: the sources of the violent
    events told in the accusation's sentence or the `LOOK_BACK` sentences before it, latest first."""
    first = tok.sent.start
    for _ in range(LOOK_BACK):
        if first == 0:
            break
        first = ctx.doc[first - 1].sent.start
    out: list[str] = []
    for i in sorted((i for i in ctx.memo if first <= i < tok.i), reverse=True):
        d = ctx.memo[i]
        if d is not None and ctx.book.plover(d.code) in VIOLENT:
            out += [a for a in d.source if a not in out]
    return out


def _placed(ctx: EventContext, tok: Token) -> bool:
    """Whether the noun says where it happened ("the blast in the St Petersburg metro"), also when the parser hung
    the place on the verb instead ("was briefed on the blast | in the metro")."""
    after = tok.right_edge.i + 1
    hung = [ctx.doc[after]] if after < len(ctx.doc) and ctx.doc[after].head.i != tok.i else []
    return any(place_of(ctx, c, {"location", "country"}, [], preps=PLACE_PREPS) for c in [*tok.children, *hung])


def _body_gathers(ctx: EventContext, p: Pattern, source: list[str]) -> bool:
    """Whether a meeting noun's only party is an organisation ("the CIS summit", "a NATO meeting"): its members meet
    one another."""
    return p.cameo is not None and ctx.book.plover(p.cameo) == "CONSULT" and ctx.actors[source[0]].kind == "organization"


def _campaign(ctx: EventContext, tok: Token) -> bool:
    """Whether a noun of fighting is fought "against" or "on" something that is no actor and no place, or "for" a
    cause rather than a place ("the battle against corruption", "the war on drugs", "the battle for the freedom
    of Ukraine"): a campaign, not combat ("the battle for Kyiv" is one)."""
    found = False
    for c in tok.children:
        for g in (g for g in c.children if g.dep_ == "pobj") if c.dep_ == "prep" else ():
            if c.lower_ in {"against", "on"}:
                found = found or not (np_actors(ctx, g, True) or described(ctx, g) or g.pos_ == "PRON"
                                      or g.i in ctx.tok_actor)
            elif c.lower_ == "for":
                found = found or not (g.i in ctx.tok_actor or g.ent_type_ in {"GPE", "LOC"})
    return found


def _between(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)


def _reported_as_such(tok: Token) -> bool:
    """Whether an agentless noun is what its sentence reports ("The conversation focused on…", a title
    "Telephone conversation with…"), not a passing reference ("to revive the talks")."""
    title = tok.sent.start == 0 and "\n" in doc_text(tok.doc)[: tok.sent.end_char + 1]  # a headline line of its own
    return tok.dep_ in {"nsubj", "nsubjpass", "ROOT"} or title


def _visited(ctx: EventContext, tok: Token, source: list[str]) -> list[str]:
    """Where a visit told as the purpose of being somewhere goes: "is in Russia on a working visit", "came to
    Ankara on an official visit"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "on" or tok.head.head.pos_ not in {"VERB", "AUX"}:
        return []
    for prep in tok.head.head.children:
        found = place_of(ctx, prep, {"country", "location"}, source, with_country=True, preps={"in", "to"})
        if found is not None:
            return [found]
    return []


def _under_fire(ctx: EventContext, tok: Token) -> list[str]:
    """Who or what is "under" the violence a noun names: the subject of its clause ("the city was under
    devastating airstrikes", "Kharkiv came under shelling")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return []
    subj = next((c for c in tok.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return np_actors(ctx, subj, places=True) if subj is not None else []


def _account_party(ctx: EventContext, tok: Token, target: list[str]) -> list[str]:
    """Whose cooperative act an agentless noun reports: the speaker of the words it is in, else the account's
    principal ("Telephone conversation with X", "the discussion focused on…")."""
    st = statement_at(ctx, tok.idx)
    if st is not None and st.speaker:  # "talks with Kyiv will resume, Putin said"; "the meeting will…" names no one
        return [a for a in st.speakers if a not in target] if target and st.speaker not in target else []
    own = principal(ctx.actors.values(), ctx.doc)
    return [own.id] if own is not None and own.id not in target else []


def nominal_draft(ctx: EventContext, tok: Token, p: Pattern, framed: bool = False) -> Draft | None:
    """The event a noun names, or None when it is only a modifier ("strike force") or names nobody. A `framed`
    noun is the object of a frame's clause ("readiness to continue contacts"): the frame supplies its doer."""
    if framed and p.cameo is not None and "accusation" not in p.frames:
        target, source = _targets(ctx, tok, p, []), _agent(ctx, tok, p)
        if "symmetric" in p.frames and not target and len(source) > 1:
            target = list(source)  # "agreed to continue their contacts": with each other
        return Draft(tok, p, p.cameo, source, target, [tok], [tok.head], base=p.cameo)
    if p.cameo is not None and ctx.book.plover(p.cameo) in VIOLENT | {"CONSULT", "COOPERATE"} and _ended(tok):
        return None  # "an end to hostilities", "the cessation of hostilities", "the severance of ties": the ending
    if tok.dep_ in {"compound", "amod"} and tok.head.lemma_.lower() in PROCESS_HEADS and p.cameo is not None:
        found = nominal_draft(ctx, tok.head, p, framed)  # "the negotiation process": the talks, told by "process"
        return replace(found, tokens=[tok, tok.head]) if found is not None else None
    if tok.dep_ == "compound" or p.cameo is None:
        return None
    if "carried" in p.frames and not _tended(tok):
        return None  # "the sale that has strained relations": ties told, not tended
    if "accusation" in p.frames:
        return _accusation(ctx, tok, p) or _crimes_of(ctx, tok, p)
    if violent(ctx, p.cameo) and against_nature(ctx, [g for c in tok.children if c.dep_ == "prep"
                                                     and c.lower_ in p.preps | {"against"} for g in c.children
                                                     if g.dep_ == "pobj"]):
        return None  # "the fight against the pandemic"
    if violent(ctx, p.cameo) and "symmetric" in p.frames and _campaign(ctx, tok):
        return None  # "the battle against corruption", "the war on poverty": no one is fought
    source = _agent(ctx, tok, p) or _carrier_subject(ctx, tok, p) or _occasion_subject(ctx, tok, p)
    target = _targets(ctx, tok, p, source) or (_under_fire(ctx, tok) if violent(ctx, p.cameo) else []) or (
        _visited(ctx, tok, source) if p.cameo == VISIT else [])
    if not source and "symmetric" in p.frames and len(target) > 1 and _between(tok):
        source = list(target)  # "cooperation between Russia and the United States": both do it
    own = "own_agent" in p.frames
    specific = _specific(tok, own) or bool(p.objects) and not violent(ctx, p.cameo) and (
        not own or _moved(ctx, tok, p))  # "the delivery of food", "humanitarian corridors"; harm: `bare`
    if own and not source and not mutual(tok) and not specific:
        return None  # "support for Ukraine" with nobody's name on it is a topic, not an act
    talk = _talk_of(tok) if not source and ctx.book.quad(ctx.book.plover(p.cameo)) in {1, 2} else None
    if not source and talk is None and ctx.book.quad(ctx.book.plover(p.cameo)) in {1, 2} and (
            target or _reported_as_such(tok)) and not mutual(tok):  # both sides' own act, once they are known
        source = _account_party(ctx, tok, target)
    if "symmetric" in p.frames and not target and (len(source) > 1 or len(source) == 1 and (
            violent(ctx, p.cameo) or _body_gathers(ctx, p, source))):
        target = list(source)  # "the Russian-Georgian war"; "the Syrian conflict" is fought in Syria; "the CIS summit"
    # a topic of talks is done by those who talked, once the talk is drafted (`events.topics_of_talks`)
    talk = talk if not source else None
    conflict = ctx.book.plover(p.cameo) in VIOLENT
    named_only = not source and not target and not (conflict and (names_victim(tok) or _placed(ctx, tok)
                                                                     or _reported_as_such(tok)))  # "shelling goes on"
    if named_only and not mutual(tok) and not specific:
        if talk is not None:
            return Draft(tok, p, p.cameo, [], target, [tok], [talk], base=p.cameo, topic=talk)
        # kept in case the account's parties turn out to be its doers ("such assistance", "the talks")
        return Draft(tok, p, p.cameo, [], [], [tok], [tok], base=p.cameo, named_only=True, bare=True)
    verbs = [tok.head] if tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"} and _tells(tok) else [tok]
    return Draft(tok, p, p.cameo, source, target, [tok], verbs, base=p.cameo, named_only=named_only, topic=talk)


ENDINGS = ENDING_NOUNS | {"cessation", "termination", "suspension", "severance", "severing", "rupture"}  # these take what they end through "of"


def _ended(tok: Token) -> bool:
    """Whether the noun (or the first of its list) is what an ending noun ends: "an end to the war and the
    occupation", "the cessation of hostilities"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in {"to", "of"}:
        return False
    owner = prep.head  # the ending noun, or the verb whose object it is ("put an end to the fighting")
    if owner.lemma_.lower() == "end" and prep.lower_ == "of":
        return False  # "at the end of the war": a time
    return owner.lemma_.lower() in ENDINGS or prep.lower_ == "to" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ENDINGS for c in owner.children)


TALK_VERBS = frozenset({"discuss", "speak", "talk", "focus", "touch", "exchange", "consider", "review", "address",
                        "note", "emphasise", "emphasize", "stress", "underline", "highlight"})
TOPIC_DEPS = frozenset({"pobj", "dobj", "conj", "appos", "prep"})
TOPIC_PREPS = frozenset({"about", "on", "upon", "of", "over", "regarding", "concerning", "to"})  # "touch upon"
TOPIC_STEPS = 4  # "discussed the prospects for a political settlement in Syria": settlement, for, prospects, discussed


# Verbs and nouns that tend ties between states: "develop relations", "the strengthening of the partnership".
TENDING_VERBS = frozenset({"have", "maintain", "develop", "strengthen", "expand", "deepen", "promote", "build",
                           "boost", "enhance", "improve", "advance", "continue", "intensify", "establish", "restore",
                           "normalise", "normalize", "value", "enjoy", "step", "raise", "bring", "take", "steer",
                           "revive", "rebuild", "reset", "upgrade", "elevate", "reinforce", "broaden", "consolidate",
                           "diversify", "foster", "nurture", "cement", "renew", "resume", "preserve", "keep"})
TENDING_NOUNS = frozenset({"development", "strengthening", "expansion", "deepening", "promotion", "advancement",
                           "level", "state", "prospects", "prospect", "issues", "matters", "progress", "future",
                           "potential", "improvement", "normalisation", "normalization", "restoration", "quality"})


SOURED = frozenset({"tense", "poor", "bad", "hostile", "difficult", "troubled", "uneasy", "cold", "strained", "frozen",
                    "broken", "damaged", "soured", "severed", "worsened", "deteriorated", "deteriorating"})


def _tended(tok: Token) -> bool:
    """Whether ties are told as tended ("develop our relations", "the strengthening of the partnership"), as a
    meeting's topic ("discussed bilateral relations") or as their own subject ("our partnership continues to
    develop"), not only named ("the sale has strained relations")."""
    if any(c.dep_ == "amod" and c.lower_ in SOURED for c in tok.children):
        return False  # "strained relations", "frozen ties", "tense relations"
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in TENDING_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in {"of", "in"} and head.head.lemma_.lower() in TENDING_NOUNS:
        return True
    return tok.dep_ in {"nsubj", "ROOT"} or _talk_of(tok) is not None


def _talk_of(tok: Token) -> Token | None:
    """The verb of the talk (or the stress) whose topic the noun is: "discussed the withdrawal of forces",
    "speaking about trade and investment cooperation", "stressed the importance of the ceasefire"."""
    for _ in range(TOPIC_STEPS):
        while tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i != tok.i:
            tok = tok.head  # "the evacuation of civilians and the delivery of food": one list
        if tok.dep_ not in TOPIC_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "prep" and tok.head.pos_ == "VERB" and tok.lower_ not in TOPIC_PREPS:
            return None  # "discuss Syria in a phone call": the occasion, no topic
        if tok.pos_ == "VERB":
            return tok if tok.lemma_.lower() in TALK_VERBS else None
    return None


SPECIFIC_PREPS = frozenset({"of", "in", "on", "at", "between", "with", "from", "against", "over"})
OWN_AGENT_PREPS = frozenset({"of", "in", "at", "against"})


# Verbs that tell an event noun, their subject, as happening ("an attack took place"); with the verbs of its course,
# those whose tense and negation are the event's: "the talks did not take place", "the shelling continues", "the
# meeting will be held". Others say something about it: "the massacres have not been commented on" does not deny them.
OCCUR_VERBS = frozenset({"occur", "happen", "take", "continue", "resume", "erupt", "break"})
HAPPENING = OCCUR_VERBS | frozenset({"begin", "start", "go", "last", "hold", "conduct", "carry", "end", "stop", "cease",
                                     "finish", "come", "be", "become", "remain", "proceed", "intensify", "escalate",
                                     "stall", "collapse", "fail", "succeed", "work", "function", "operate", "open",
                                     "close"})


def _tells(tok: Token) -> bool:
    """Whether the verb over an event noun tells the event itself (its object, or its subject under a verb of
    happening), so that its tense and negation are the event's."""
    return tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.lemma_.lower() in HAPPENING


def _moved(ctx: EventContext, tok: Token, p: Pattern) -> bool:
    """Whether a noun of a transfer says what it moves or where ("the delivery of food", "arms supplies to
    Ukraine"), not only the kind of thing it supplies ("the water supply"); other acts need their doer ("the use
    of weapons by the police")."""
    return ctx.book.plover(p.cameo or "") == "AID" and any(c.dep_ == "prep" and c.lower_ in {"of", "to"}
                                                             for c in tok.children)


def _says_where_or_of_what(prep: Token) -> bool:
    """"in Tbilisi", "against the reform", "of the Minsk agreements" (an "of" must name something proper)."""
    if prep.dep_ != "prep" or prep.lower_ not in OWN_AGENT_PREPS:
        return False
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return any(prep.lower_ != "of" or any(t.pos_ == "PROPN" for t in g.subtree) for g in objects)


def _specific(tok: Token, own_agent: bool = False) -> bool:
    """Whether a noun names one particular event ("the ninth meeting on Syria in Astana", "the withdrawal of heavy
    weapons", "the Easter ceasefire"), not a bare mention that points back to one already told ("the meeting").
    A noun that is only an act with its doer named (`own_agent`: "protests", "implementation") must say where or
    of what ("protests in the Palestinian territories"); "support for Ukraine" is a topic."""
    if own_agent:  # "protests in Tbilisi", "the implementation of the Minsk agreements", not "of the law"
        return any(_says_where_or_of_what(c) for c in tok.children)
    described = any(c.dep_ == "prep" and c.lower_ in SPECIFIC_PREPS and any(g.dep_ == "pobj" for g in c.children)
                    for c in tok.children)
    named = any(c.dep_ in {"compound", "amod", "nmod", "poss"} and c.pos_ in {"PROPN", "NUM"} or c.dep_ == "poss"
                for c in tok.children)
    return described or named

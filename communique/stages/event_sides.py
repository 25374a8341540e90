"""The sides of an article's violence: who attacks whom, when the article tells it with one voice.

War reporting names the perpetrator once ("Russian troops shelled Kharkiv") and then tells the damage without it
("225 houses were destroyed", "thousands of people killed"). When every act of violence whose doer the article names
comes from one country (or nearly every one, `_one_attacker`), an act told without its doer takes that country, and one told without its victim takes the
country the violence struck (its targets', else its places'). An accusation with no one accused accuses that doer.
Violence anywhere with a place and no victim struck the place's country, and an act done to people named without a
country ("instructed the city authorities") is done at home. The parties so given come from the context, never from
the text: `fill_sides` says which roles of which drafts it filled (`Event.inferred`). An operation the article
calls by a known name ("the special military operation", `operations.csv`) is waged by the state the file names.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Token

from ..codebook import Operation
from .event_anchors import dateline, location, sentence_place
from .event_context import VISIT, Draft, EventContext, violent
from .event_modality import modality
from .event_participants import state_of, words_of
from .event_patterns import complements
from .roles import person_like, principal

__all__ = ["ARMED_SECTORS", "Sides", "fill_sides", "harm", "known_operations", "sides", "spoken_help"]

PLACES = frozenset({"country", "location"})
HARM = ("18", "19", "20", "171")  # CAMEO: assault, fight, mass violence; destroying property
Sides = tuple[str, str | None]  # the doer's actor id, the victim's actor id (None when the article names none)


def sides(ctx: EventContext, drafts: list[Draft]) -> Sides | None:
    """The article's one attacker and its victim, or None when the harm it asserts done has no doer or several."""
    violent = [d for d in drafts if harm(ctx, d)]
    # "will not conduct hostilities" is not told done; "repelled the invaders" is the victim's defence
    # an operation's doer comes from the operations file, not the text; freeing one's own towns is a defence
    told = [d for d in violent if d.source and modality(d)[0] == "asserted" and "defensive" not in d.pattern.frames
            and _operation(ctx, d.token) is None and not _freed_own(ctx, d)]
    doer = _one_attacker(Counter(c for d in told for c in {ctx.actors[a].country for a in d.source} if c))
    if doer is None:  # "the terrorists": no side
        return None
    struck = [a for d in violent for a in d.target if ctx.actors[a].country not in {None, doer}]
    if not struck:
        struck = [p for p in (_place(ctx, d) for d in violent) if p and ctx.actors[p].country not in {None, doer}]
    victims = Counter(ctx.actors[a].country for a in struck)
    if not victims:  # "thousands of people killed": the country the sentences of its violence name, not the doer's
        struck = _named_with(ctx, drafts, violent, doer)
        victims = Counter(ctx.actors[a].country for a in struck)
    victim = victims.most_common(1)[0][0] if victims else None
    doer_id = _actor_of(ctx, doer, [a for d in told for a in d.source])
    victim_id = _actor_of(ctx, victim, struck) if victim else None
    return (doer_id, victim_id) if doer_id else None


# An article tells one attacker when all the harm it names a doer for is that state's, or nearly all: a war report
# may tell one strike back ("our forces destroyed a column") among many of the invader's.
ONE_SIDE_SHARE = 0.75
ONE_SIDE_LEAD = 3  # acts more than all the others together


def _one_attacker(doers: Counter[str]) -> str | None:
    """The country that does (nearly) all the harm told with its doer, else None."""
    if not doers:
        return None
    (top, n), total = doers.most_common(1)[0], sum(doers.values())
    if len(doers) == 1 or n / total >= ONE_SIDE_SHARE and n - (total - n) >= ONE_SIDE_LEAD:
        return top
    return None


def harm(ctx: EventContext, d: Draft) -> bool:
    """Whether the draft is one side harming another: an assault, a fight, mass violence or destroyed property (a
    sanction or an arrest may be a court's or the UN's), not one that takes two ("fight", "clash": the text names
    both, or it is a figure of speech, "fighting corruption")."""
    rows = [r for r in ctx.book.patterns.get(d.pattern.lemma, ()) if r.cameo == d.pattern.cameo]  # as the verb
    return d.code.startswith(HARM) and not any("symmetric" in r.frames for r in (d.pattern, *rows))


def _named_with(ctx: EventContext, drafts: list[Draft], violent: list[Draft], doer: str) -> list[str]:
    """The places of another country than `doer` that the sentences telling violence name, once per sentence;
    a state doing something else in the sentence ("Turkey will escort ships if Russia resumes attacks") is none."""
    out: list[str] = []
    for start in sorted({d.token.sent.start for d in violent}):
        sent = ctx.doc[start].sent
        doing = {a for d in drafts if d.token.sent.start == start for a in d.source}
        named = {ctx.tok_actor[t.i] for t in sent if t.i in ctx.tok_actor} - doing
        out += sorted(a for a in named if ctx.actors[a].kind in PLACES and ctx.actors[a].country not in {None, doer})
    return out


def _place(ctx: EventContext, d: Draft) -> str | None:
    """Where the act happened when its own phrase says so ("killed in Lyon"); a town elsewhere in its sentence or
    the dateline may be where it was told."""
    place = location(ctx, d)
    return None if place in {dateline(ctx), sentence_place(ctx, d)} else place


def _actor_of(ctx: EventContext, country: str, seen: list[str]) -> str | None:
    """The state of `country` when the article names it, else its actor met most often in these roles."""
    state = next((a.id for a in ctx.actors.values() if a.kind == "country" and a.country == country), None)
    if state:
        return state
    counts = Counter(a for a in seen if ctx.actors[a].country == country)
    return counts.most_common(1)[0][0] if counts else None


def fill_sides(ctx: EventContext, drafts: list[Draft]) -> dict[int, tuple[str, ...]]:
    """Give drafts without a doer or a victim the article's sides: trigger token -> the roles so filled."""
    found = sides(ctx, drafts)
    filled: dict[int, tuple[str, ...]] = {}
    for d in drafts:
        roles: list[str] = []
        kind, harms = ctx.book.plover(d.code), harm(ctx, d)
        if harms and not d.target:
            place = _place(ctx, d)
            country = ctx.actors[place].country if place else None
            if place and country:
                d.target = [_actor_of(ctx, country, [place]) or place]  # "two people were killed in Lyon"
                roles.append("target")
        if found is not None and harms:
            roles += _fill_violent(ctx, d, *found)
        elif found is not None and kind == "ACCUSE" and not d.target and d.source and ctx.actors[
                found[0]].country not in {ctx.actors[a].country for a in d.source}:
            d.target = [found[0]]  # "These are war crimes"
            roles.append("target")
        if not roles and not harms and kind != "ACCUSE" and _home_addressee(ctx, d):
            roles.append("target")
        if _freed_at_home(ctx, d, found):
            roles.append("target")
        if roles:
            filled[d.token.i] = tuple(sorted(set(roles)))
    return filled


FREEING = frozenset({"liberate", "liberation", "free", "recapture", "retake", "de-occupy", "de-occupation"})


def _freer(ctx: EventContext, d: Draft, doer: str, victim: str) -> list[str]:
    """Who frees the victim's towns when the text does not say: the side whose account it is ("the liberation of
    the Kharkiv region" in Kyiv's words is Ukraine's, "the liberation of Mariupol" in Moscow's is Russia's, done to
    Ukraine); no one when the account is neither side's."""
    own = principal(ctx.actors.values(), ctx.doc)
    side = own.country if own is not None else None
    if side == ctx.actors[victim].country and (defender := _defender(ctx, victim)):
        d.source, d.target = [defender], [doer]
        return ["source", "target"]
    if side == ctx.actors[doer].country:
        d.source, d.target = [doer], d.target or [victim]
        return ["source", "target"]
    return []


def _freed_own(ctx: EventContext, d: Draft) -> set[str]:
    """The doers' countries when the draft frees towns of their own ("Ukrainian forces liberated Kherson": a
    defence), else none."""
    own = {c for a in d.source if (c := ctx.actors[a].country) is not None}
    frees_own = d.pattern.lemma in FREEING and bool(d.target) and all(ctx.actors[a].country in own for a in d.target)
    return own if frees_own else set()


def _freed_at_home(ctx: EventContext, d: Draft, found: Sides | None) -> bool:
    """Freeing one's own country's towns strikes the occupier, not the towns ("our forces liberated Kherson", "the
    liberation of Kharkiv", by Ukraine in a report of Russia's war): the target is the article's attacker."""
    own = _freed_own(ctx, d)
    if found is None or not own or ctx.actors[found[0]].country in own:
        return False
    d.target = [found[0]]
    return True


def _home_addressee(ctx: EventContext, d: Draft) -> bool:
    """An act done to people the text names without a country ("instructed the city authorities", "talked to
    local residents", "help the families of the victims"), or a visit to a place it names so ("visited a hospital"),
    is done at home: to the doer's own state, when the sentence names no place of another country: the state when
    the article names it, else the article's town of that country it names most ("the city authorities" of St
    Petersburg)."""
    if d.target or len(d.source) != 1:
        return False
    home = ctx.actors[d.source[0]].country
    unnamed = [c for c in complements(d.token) if c.i not in ctx.tok_actor and c.pos_ in {"NOUN", "PROPN"}
               and not any(g.lower_ == "your" for g in c.children)]  # "visit your university": the listeners'
    visited = d.code == VISIT and bool(unnamed)  # "paid a visit to the hospital": a place of no other country
    if not home or not (visited or any(person_like(c) for c in unnamed)):
        return False
    named = {ctx.actors[ctx.tok_actor[t.i]].country for t in d.token.sent if t.i in ctx.tok_actor}
    if named - {home, None}:
        return False
    homes = sorted((a for a in ctx.actors.values() if a.kind in PLACES and a.country == home),
                   key=lambda a: (a.kind != "country", -len(a.mentions)))  # the state, else its town told most
    if not homes:
        return False
    d.target = [homes[0].id]
    return True


def _fill_violent(ctx: EventContext, d: Draft, doer: str, victim: str | None) -> list[str]:
    """The roles of violent draft `d` filled from the article's doer and victim."""
    hit = {ctx.actors[a].country for a in d.target}
    roles = []
    if not d.source and d.pattern.lemma in FREEING and victim is not None and (
            not hit or ctx.actors[victim].country in hit):
        return _freer(ctx, d, doer, victim)
    if not d.source and ctx.actors[doer].country not in hit:
        d.source = [doer]
        roles.append("source")
    elif not d.source and victim is not None and _armed_of(ctx, d.target, ctx.actors[doer].country) and \
            ctx.actors[victim].country not in hit | {None} and (defender := _defender(ctx, victim)):
        d.source = [defender]  # "the town was liberated from the Russian invaders": the other side struck back
        roles.append("source")
        return roles
    own = {ctx.actors[a].country for a in d.source} == {ctx.actors[doer].country}  # "the Russian occupiers"
    if victim is not None and own and not d.target:
        d.target = [victim]
        roles.append("target")
    return roles


ARMED_SECTORS = frozenset({"MIL", "REB"})


def _defender(ctx: EventContext, victim: str) -> str | None:
    """Who strikes back for the article's victim: the victim itself unless it is a town, else its state."""
    if ctx.actors[victim].kind != "location":
        return victim
    state = _actor_of(ctx, ctx.actors[victim].country or "", [])
    return state if state is not None and ctx.actors[state].kind != "location" else None


def _armed_of(ctx: EventContext, targets: list[str], country: str | None) -> bool:
    """Whether every target is a force of `country` (or a force of no named country: "the occupiers")."""
    return bool(targets) and all(ctx.actors[a].sector in ARMED_SECTORS and ctx.actors[a].country in {country, None}
                                 for a in targets)


def known_operations(ctx: EventContext, drafts: list[Draft]) -> dict[int, tuple[str, ...]]:
    """An act of force named as a known operation ("the special military operation", `operations.csv`) is waged by
    its state on its target, when the article's date falls in it: trigger token -> the roles so given."""
    out: dict[int, tuple[str, ...]] = {}
    for d in drafts:
        op = _operation(ctx, d.token)
        if op is None or not violent(ctx, d.code):
            continue
        roles: list[str] = []
        source, target = _state_or_army(ctx, op.source), _state_or_army(ctx, op.target)
        if source is not None and [ctx.actors[a].country for a in d.source] != [op.source]:
            d.source, roles = [source], roles + ["source"]
        if target is not None and op.target not in {ctx.actors[a].country for a in d.target}:
            d.target, roles = [target], roles + ["target"]
        if roles:
            out[d.token.i] = tuple(roles)
    return out


def _operation(ctx: EventContext, tok: Token) -> Operation | None:
    """The known operation `tok` names in an article of its time, if any."""
    if not ctx.book.operations:
        return None
    published = ctx.doc._.published
    day = published.isoformat() if isinstance(published, date) else published
    return next((o for o in ctx.book.operations if o.covers(day) and _named_as(tok, o.words)), None)


def _named_as(tok: Token, words: tuple[str, ...]) -> bool:
    """Whether `tok` ends the words of a name ("special military operation(s)")."""
    start = tok.i - len(words) + 1
    if start < 0:
        return False
    found = [t.lower_ for t in tok.doc[start:tok.i]] + [tok.lemma_.lower()]
    return found == list(words)


def _state_or_army(ctx: EventContext, country: str) -> str | None:
    """The article's actor for a country at war: the state itself, else its armed forces, else its actor the
    article names most (its president, a region of it)."""
    actors = sorted((a for a in ctx.actors.values() if a.country == country), key=lambda a: -len(a.mentions))
    return next((a.id for a in actors if a.kind == "country"), None) or next(
        (a.id for a in actors if a.sector == "MIL"), None) or next((a.id for a in actors), None)


# Humanitarian operations an official tells without their doer: evacuations, corridors, relief delivered.
HUMANITARIAN = frozenset({"evacuation", "evacuate", "corridor"})
RELIEF_CODE = "073"  # CAMEO: provide humanitarian aid


def spoken_help(ctx: EventContext, drafts: list[Draft]) -> dict[int, tuple[str, ...]]:
    """An evacuation, a corridor or relief told with no doer in an official's own words is their side's ("nine
    humanitarian corridors have been agreed upon", the Deputy Prime Minister said; "the evacuation of civilians",
    in Putin's words): the speaker's state when the article names it, else the speaker. Returns the roles filled."""
    filled: dict[int, tuple[str, ...]] = {}
    for d in drafts:
        if d.source or not (d.pattern.lemma in HUMANITARIAN or d.code == RELIEF_CODE) or \
                "recipient_subject" in d.pattern.frames:  # "we receive help": from someone else
            continue
        who = words_of(ctx, d.token)
        if who is None or who.kind != "person" or not who.country or _someone_else_does(d.token):
            continue
        d.source = [state_of(ctx, who.id) or who.id]
        d.target = [t for t in d.target if t not in d.source]
        filled[d.token.i] = ("source",)
    return filled


def _someone_else_does(tok: Token) -> bool:
    """Whether a clause over the act has a doer that is not the speaker's side: "They do not allow residents to
    pass through the corridors" (a first person, "we organised the corridors", or a passive is the speaker's)."""
    while tok.head.i != tok.i:
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in {"we", "i"} and subj.pos_ == "PRON":
            return True
    return False

"""The passes that turn one document's candidates into canonical actor drafts, in precedence order."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..places import Place, find_place, us_state
from .actor_author import author_pass
from .actor_context import Context, Draft, country_named, feast, new_context
from .actor_finder import ActorFinder, Match
from .actor_groups import noun_phrase, public_countries
from .actor_names import people_pass
from .actor_offices import office_descriptions
from .actor_people import HONORIFICS, national_leaders
from .actor_states import DOCUMENT_NOUNS, gazetteer_match, names_an_accord, ner_org, place
from .spans import Intervals, doc_text

__all__ = ["resolve"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BIG_CITY = 100_000  # people: a city known well enough to place without the article naming its country
# spaCy's small model takes many a town for a person, an organisation or even a product ("Kramatorsk").
TOWN_LABELS = PLACE_LABELS | {"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"}


def _national_orgs(ctx: Context, matches: list[Match]) -> None:
    """NER organisations built on a state's name ("the Russian Defence Ministry"), before the state itself."""
    index = Intervals((s.start, s.end, es) for s, es in matches)
    for ent in ctx.doc.ents:
        inside = [e.type for es in index.overlapping(ent.start, ent.end) for e in es]
        if ent.label_ == "ORG" and len(ent) > 1 and inside and set(inside) <= {"country", "demonym"}:
            ner_org(ctx, ent)


def _ner_leftovers(ctx: Context) -> None:
    """Places and organisations spaCy found that no earlier pass claimed; a town or city gets its country
    (the one among the article's countries when its name is shared)."""
    for ent in ctx.doc.ents:
        if feast(ent.text) or _accord(ent):
            continue
        if ent.label_ in {"GPE", "LOC", "FAC"} and ctx.claimed.isdisjoint(range(ent.start, ent.end)):
            town = _town(ent.text, set(_countries(ctx))) if ent.label_ == "GPE" else None
            town = town or us_state(ent.text)  # "Alaska": a region of the United States
            place(ctx, ent, town.country if town is not None else None)
        elif ent.label_ == "ORG" and ctx.claimed.isdisjoint(range(ent.start, ent.end)) and not _head_of_state_word(ent):
            ner_org(ctx, ent)


def _head_of_state_word(ent: SpacySpan) -> bool:
    """"State" of "the Head of State", which the tagger takes for an organisation: part of a title."""
    doc = ent.doc
    return ent.text == "State" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and \
        doc[ent.start - 2].lower_ in {"head", "heads"}


def _accord(ent: SpacySpan) -> bool:
    """An accord named after a town, never an actor: "the Minsk Package of Measures", "the Paris Agreement" (a
    format or a group of negotiators is: "the Normandy format", "the Trilateral Contact Group")."""
    return ent.root.lower_ in DOCUMENT_NOUNS or names_an_accord(ent, DOCUMENT_NOUNS)


def _towns(ctx: Context, matches: list[Match], gaz_tokens: set[int]) -> None:
    """Towns spaCy took for a person or an organisation ("Bucha", "Irpin"): places when they lie in a country the
    article names (a city of 100,000 people taken for an organisation is one anyway) or when the words around
    them say so ("the city of Kherson", "near Izium"), unless the gazetteer knows the word as a person's name."""
    named = {e.key for _, es in matches for e in es if e.type in {"country", "demonym", "capital", "seat"}}
    named |= {ctx.gaz.people[e.key].nationality for _, es in matches for e in es
              if e.type in {"person", "short"} and e.key in ctx.gaz.people}  # Zelensky's article is about Ukraine
    _dateline_town(ctx, named)
    for ent in ctx.doc.ents:
        if ent.label_ not in TOWN_LABELS or len(ent) > 1 and ent.label_ not in PLACE_LABELS:
            continue
        if not gaz_tokens.isdisjoint(range(ent.start, ent.end)) or not ent.text[:1].isupper() or _accord(ent):
            continue
        if ent.start > 0 and ctx.doc[ent.start - 1].lower_ in HONORIFICS:
            continue  # "Mr Ivanov" is a man, whatever town bears his name
        placed = _placed_by_words(ent)
        big = ent.label_ in PLACE_LABELS | {"ORG"} or len(ent) == 1 and _struck(ent.root) and \
            ent.root.head.lemma_.lower() in STRIKING  # "shelled Sumy", never "King Hassan was quoted"
        town = find_place(ent.text, named) if placed else _town(ent.text, named, big_anywhere=big)
        if town is not None:
            place(ctx, ent, town.country)
        elif placed and ent.label_ == "PERSON" and _front(ent):
            place(ctx, ent, None)  # "the Volyn direction": a place the gazetteer does not know, never a person
    for span in _unlabelled_places(ctx.doc, gaz_tokens):  # "In Kharkiv, …" with no entity at all
        town = _town(span.text, named)
        if town is not None:
            place(ctx, span, town.country)


def _unlabelled_places(doc: Doc, gaz_tokens: set[int]) -> list[SpacySpan]:
    """Proper names spaCy gave no entity label that the words around them make places ("in Kharkiv"), or that are
    the object of an act and a big city's own name."""
    out = []
    for tok in doc:
        if tok.pos_ not in {"PROPN", "NOUN"} or tok.ent_type_ or tok.i in gaz_tokens or not tok.text[:1].isupper():
            continue
        if tok.pos_ == "NOUN" and not (tok.dep_ in {"nsubj", "nsubjpass"} and _big_city(doc[tok.i:tok.i + 1])):
            continue  # an unknown name read as a noun ("Odesa came under fire") only when a big city is struck
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and \
                not doc[start - 1].ent_type_:
            start -= 1
        span = doc[start:tok.i + 1]
        if tok.dep_ == "pobj" and _placed_by_words(span) or _struck(tok) and _big_city(span) or _front(span):
            out.append(span)  # "near Izium"; "shelled Odesa", "Odesa was shelled"; "the Lviv region": unlabelled
    return out


# Verbs that strike or take a place: a name they act on that the tagger calls a person may be a big city.
STRIKING = frozenset({"shell", "strike", "bomb", "hit", "attack", "storm", "capture", "seize", "occupy", "besiege",
                      "block", "blockade", "encircle", "surround", "liberate", "destroy", "target", "raid", "bombard",
                      "come", "fire"})


def _struck(tok: Token) -> bool:
    """Whether a name is what its verb acts on: "shelled Odesa", "Odesa was shelled", "Odesa came under fire"."""
    return tok.dep_ in {"dobj", "nsubjpass"} or tok.dep_ == "nsubj" and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in tok.head.children)


def _big_city(span: SpacySpan) -> bool:
    """Whether a name is a city of 100,000 people or more by its own name ("Odesa", "Mykolaiv")."""
    town = find_place(span.text, alternates=False)
    return town is not None and town.population >= BIG_CITY


PLACE_NOUNS = frozenset({"city", "town", "village", "settlement", "region", "oblast", "district", "port"})
WHERE_PREPS = frozenset({"in", "near", "outside", "around", "towards", "toward"})
FRONT_NOUNS = frozenset({"direction", "front", "sector", "axis"})  # "the Volyn direction": a place


def _placed_by_words(ent: SpacySpan) -> bool:
    """Whether the words around a name make it a place whatever spaCy's label: "the city of Kherson", "near Izium"."""
    root = ent.root
    if _front(ent):
        return True  # "the Volyn direction", "the Kharkiv region"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in WHERE_PREPS or prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS


def _front(ent: SpacySpan) -> bool:
    """A name that modifies a noun of a place or a front: "the Volyn direction", "the Kharkiv region"."""
    return ent.root.dep_ in {"compound", "amod"} and ent.root.head.lemma_.lower() in PLACE_NOUNS | FRONT_NOUNS


def _town(name: str, countries: set[str], big_anywhere: bool = True) -> Place | None:
    """The town `name` names in one of the article's `countries`, else (when `big_anywhere`) a city of 100,000
    people or more called so by its own name; a small town of that name elsewhere is not taken."""
    town = find_place(name, countries)
    if town is not None and town.country not in countries:
        town = find_place(name, countries, alternates=False)
        return town if town is not None and big_anywhere and town.population >= BIG_CITY else None
    return town


DATELINE = re.compile(r"(?:^|\n\s*\n)([A-Z][A-Z .'-]{2,30})(?=,[^\n]{0,40}[–—-]|\s*[–—-])")


def _dateline_town(ctx: Context, named: set[str]) -> None:
    """The town of a wire report's dateline, written in capitals ("ODESA, July 23 (Reuters) -", "KYIV —")."""
    m = DATELINE.search(doc_text(ctx.doc)[:600])
    if m is None:
        return
    town = find_place(m.group(1).strip().title(), named)
    span = ctx.doc.char_span(m.start(1), m.start(1) + len(m.group(1).strip()), alignment_mode="expand")
    if town is not None and span is not None and ctx.claimed.isdisjoint(range(span.start, span.end)):
        named.add(town.country)
        place(ctx, span, town.country, town.name)


def _countries_from_names(ctx: Context) -> None:
    """An actor of no known country whose name or title says where it is from gets that country: a state or
    demonym in it ("the Ukrainian Red Cross"), else a town of one of the article's countries ("the Kharkiv
    Regional Military Administration", "the Mayor of Bucha")."""
    known = set(_countries(ctx))
    for d in ctx.drafts.values():
        if d.country or d.kind not in {"person", "organization", "group", "anonymous"}:
            continue
        words = [w.strip(".,'’") for w in f"{d.name} {d.role or ''}".split()]
        d.country = country_named(ctx, words)
        if d.country is None:
            towns = [find_place(w, known) for w in words if w[:1].isupper() and len(w) > 3]
            d.country = next((t.country for t in towns if t is not None and t.country in known), None)


# Words after a town's name that make it the region or river named after it ("the Pskov Region", "the Irpin River").
AFTER_TOWN = frozenset({"region", "oblast", "district", "krai", "territory", "river", "province", "raion"})


def _regions_of_towns(ctx: Context) -> None:
    """A place of no known country named after a town ("the Pskov Region", "the Irpin River") lies in that town's
    country (one of the article's countries when the name is shared)."""
    known = set(_countries(ctx))
    for d in ctx.drafts.values():
        words = d.name.removeprefix("the ").removeprefix("The ").split()
        if d.country or d.kind != "location" or len(words) not in {2, 3} or words[-1].lower() not in AFTER_TOWN:
            continue
        town = find_place(" ".join(words[:-1]), known)
        if town is not None and (not known or town.country in known):
            d.country = town.country


def _armed_kin(ctx: Context) -> None:
    """An unnamed armed group of no stated country is the one the article names elsewhere: "the invaders" after
    "Russian invaders" are those invaders (one actor); "the occupiers" take the one country every armed group
    of the article is given, else the one country it says invades or occupies ("Russia's invasion"), else, for
    invaders and occupiers, the one country whose army the article names. With armed groups of two countries, or
    two invaders, or two armies, it stays unknown."""
    armed = {k: d for k, d in ctx.drafts.items() if k.startswith("armed:")}
    if not armed:
        return
    countries = {d.country for d in armed.values() if d.country} or _aggressors(ctx)
    if not countries:  # "the invaders" in an article whose only army is "Russian troops"
        armed = {k: d for k, d in armed.items() if d.sector == "MIL"}
        countries = _armies(ctx) if armed else set()
    if len(countries) != 1:
        return
    (country,) = countries
    for key, d in armed.items():
        if d.country:
            continue
        kin = ctx.drafts.get(f"{key}{country}")
        if kin is not None:
            kin.mentions.extend(d.mentions)
            del ctx.drafts[key]
        else:
            d.country = country


def _armies(ctx: Context) -> set[str]:
    """The countries of the article's named armed forces ("Russian troops", "the Ukrainian army")."""
    return {d.country for k, d in ctx.drafts.items() if not k.startswith("armed:") and d.sector == "MIL"
            and d.country}


AGGRESSION_NOUNS = frozenset({"invasion", "aggression", "occupation"})
AGGRESSION_VERBS = frozenset({"invade", "occupy"})
STARTING_VERBS = frozenset({"start", "launch", "begin", "unleash", "continue", "commit"})


def _aggressors(ctx: Context) -> set[str]:
    """The countries the article says invade or occupy: "Russian aggression", "Russia's invasion", "the occupation
    by Russia", "Russia started a full-scale invasion", "Russia invaded": whose the unnamed invaders are."""
    countries = [(start, end, d.country) for d in ctx.drafts.values()
                 if d.kind in {"country", "person", "group"} and d.country for start, end in d.mentions]
    out: set[str] = set()
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        doers: list[Token] = []
        if lemma in AGGRESSION_NOUNS and tok.pos_ == "NOUN":
            doers = [c for c in tok.children if c.dep_ in {"amod", "poss", "compound"}]
            doers += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in STARTING_VERBS:
                doers += [c for c in tok.head.children if c.dep_ == "nsubj"]
        elif lemma in AGGRESSION_VERBS and tok.pos_ == "VERB":
            doers = [c for c in tok.children if c.dep_ == "nsubj"]
        out |= {code for d in doers for start, end, code in countries if start <= d.idx < end}
    return out


def _places_not_people(ctx: Context) -> None:
    """A name spaCy read as a person in one sentence and as a place in another ("the Ukrainian Donbas stands") is
    the place, when the gazetteer knows no such person and the text gives them no title."""
    places = {d.name: d for d in ctx.drafts.values() if d.kind in {"location", "country"}}
    for key, d in list(ctx.drafts.items()):
        if d.kind != "person" or d.role or d.name in ctx.gaz.people:
            continue
        place = places.get(d.name)
        if place is not None:
            place.mentions.extend(d.mentions)
            del ctx.drafts[key]


def _countries(ctx: Context) -> list[str]:
    """The countries of the actors found so far."""
    return [d.country for d in ctx.drafts.values() if d.country]


def resolve(finder: ActorFinder, doc: Doc) -> list[Draft]:
    """Actor drafts of `doc`, in order of first mention."""
    ctx = new_context(finder, doc)
    matches = finder.matches(doc)
    gaz_tokens = {i for span, _ in matches for i in range(span.start, span.end)}
    _towns(ctx, matches, gaz_tokens)
    people_pass(ctx, matches, gaz_tokens)
    office_descriptions(ctx)
    for chunk in doc.noun_chunks:
        noun_phrase(ctx, chunk)
    _national_orgs(ctx, matches)
    for span, entries in matches:
        gazetteer_match(ctx, span, entries)
    _ner_leftovers(ctx)
    national_leaders(ctx)
    _countries_from_names(ctx)
    _regions_of_towns(ctx)
    public_countries(ctx)
    _armed_kin(ctx)
    _places_not_people(ctx)
    author_pass(ctx)
    return sorted(ctx.drafts.values(), key=lambda d: min(d.mentions))

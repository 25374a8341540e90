"""Actors: people, states, organisations, groups and anonymous sources, one canonical actor per referent.

Candidates come from the gazetteer (PhraseMatcher) and spaCy NER; gazetteer readings win because
the small model's labels are noisy ("Kiev" as PERSON). People are merged by name and surname variant
("Zelenskiy", "Zelensky", "Zelenskyy"); roles come from the gazetteer as of the article's date, or
from the title words the article puts before the name.

The work is split by concern: `actor_finder` (gazetteer matching), `actor_context` (per-document state),
`actor_states` (states, places, organisations), `actor_people` (people, titles, terms), `actor_groups`
(anonymous sources and groups) and `actor_resolve` (the passes, in order). This module numbers the result.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..gazetteer import load_gazetteer
from ..places import country_point, find_place, load_places, us_state
from ..records import Actor, Geo, Span
from .actor_context import Draft
from .actor_finder import ActorFinder
from .actor_names import BODY_WORDS
from .actor_people import surname_key
from .actor_resolve import resolve
from .extensions import register_extensions
from .roles import SELF
from .spans import doc_text

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["ActorFinder", "ActorsComponent", "actor_code", "find_actors", "make_actors_component", "surname_key"]


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: FRAGOV, IGONATO, RUS."""
    if sector == "IGO" and country:
        return f"IGO{country}"
    if country and sector:
        return f"{country}{sector}"
    return country


def _to_actor(index: int, draft: Draft, text: str) -> Actor:
    """The finished actor `a{index}` for a draft, its mentions read from the document `text`."""
    mentions = tuple(Span(s, e, text[s:e]) for s, e in sorted(set(draft.mentions)))
    aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != draft.name and m.text.lower() not in SELF))
    return Actor(id=f"a{index}", name=draft.name, kind=draft.kind, country=draft.country, sector=draft.sector,
                 code=actor_code(draft.country, draft.sector), role=draft.role, aliases=aliases, mentions=mentions,
                 geo=_geo(draft))


def _geo(draft: Draft) -> Geo | None:
    """A state's point, or a town's (in the country the article put it in)."""
    if draft.kind == "country":
        found = country_point(draft.country)
    elif draft.kind == "location" and draft.country:
        found = find_place(draft.name, [draft.country])
        found = found if found is not None and found.country == draft.country else None
        if found is None and draft.country == "USA":
            found = us_state(draft.name)
    else:
        return None
    if found is None:
        return None
    return Geo(found.latitude, found.longitude, found.geonameid, found.admin1 or None, found.feature)


def find_actors(doc: Doc, finder: ActorFinder) -> list[Actor]:
    """Canonical actors of `doc`, numbered in order of first mention."""
    _repair_entities(doc, finder.gaz.roles)
    drafts = resolve(finder, doc)
    home = finder.gaz.publisher_country(doc._.url)
    _home_officials(drafts, home)
    _home_public(drafts, home)
    text = doc_text(doc)
    return [_to_actor(i, d, text) for i, d in enumerate(drafts, start=1)]


STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})


def _home_officials(drafts: list[Draft], home: str | None) -> None:
    """Officials a government's own release names with no state of theirs ("Deputy Prime Minister Iryna
    Vereshchuk", "Colonel Andriy Hnatov" on the Ukrainian presidency's site) serve the state that published it."""
    if not home:
        return
    foreign = [d.name for d in drafts if d.kind != "person" and d.country != home]
    for d in drafts:
        if d.kind == "person" and d.country is None and d.sector in STATE_SECTORS and not any(
                name in (d.role or "") for name in foreign):  # "Chief Prosecutor of the International Criminal Court"
            d.country = home


def _home_public(drafts: list[Draft], home: str | None) -> None:
    """Civilians, citizens or families a government's own release places nowhere ("Russia kills civilians", "our
    citizens") are its state's people."""
    for d in drafts:
        if home and d.key.startswith("public:") and d.country is None:
            d.country = home


def _repair_entities(doc: Doc, roles: dict[str, str]) -> None:
    """End the tagger's entities before their "'s": "[Alberto Fernandez]'s visit", "the [State Duma]'s vote"; and
    part a person's name from the body whose title comes before it ("Governor of [the Central Bank] [Elvira
    Nabiullina]", read as one organisation)."""
    ents = []
    for e in doc.ents:
        if len(e) > 1 and e[-1].tag_ == "POS":
            e = SpacySpan(doc, e.start, e.end - 1, label=e.label_)
        ents += _name_after_body(doc, e, roles)
    doc.ents = ents


# The head nouns of government bodies whose title a Kremlin or Kyiv release puts before an official's name.
OFFICE_HEADS = frozenset({"bank", "office", "service", "ministry", "committee", "agency", "administration",
                          "commission", "fund", "bureau", "directorate", "inspectorate", "university"})


def _name_after_body(doc: Doc, ent: SpacySpan, roles: dict[str, str]) -> list[SpacySpan]:
    """An organisation entity that runs on past its head noun into two or three name words (no title word, no
    body's noun: "State Historical Museum" is one body): the body, then the person."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return [ent]
    for k in range(len(ent) - 3, max(-1, len(ent) - 5), -1):
        tail = ent[k + 1:]
        if ent[k].lower_ in OFFICE_HEADS and 2 <= len(tail) <= 3 and tail[0].lower_ not in roles and all(
                t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in BODY_WORDS for t in tail):
            return [SpacySpan(doc, ent.start, ent.start + k + 1, label="ORG"),
                    SpacySpan(doc, ent.start + k + 1, ent.end, label="PERSON")]
    return [ent]


@Language.factory("communique_actors", assigns=["doc._.actors", "doc._.mention_actor"],
                  requires=["doc.ents", "token.dep", "doc._.published"], default_config={"data_dir": None})
def make_actors_component(nlp: Language, name: str, data_dir: str | None) -> ActorsComponent:
    """spaCy factory: the actors stage, with the shipped gazetteer plus the user's folder `data_dir`."""
    return ActorsComponent(ActorFinder(nlp, load_gazetteer(Path(data_dir) if data_dir else None)))


class ActorsComponent:
    """spaCy component: fill `doc._.actors` and `doc._.mention_actor` ((start, end) -> actor id)."""

    def __init__(self, finder: ActorFinder) -> None:
        """Wrap the gazetteer matcher `finder`, with the towns of the world loaded."""
        self.finder = finder
        load_places()

    def __call__(self, doc: Doc) -> Doc:
        """Annotate `doc` with its actors."""
        actors = find_actors(doc, self.finder)
        doc._.actors = actors
        doc._.mention_actor = {(m.start, m.end): a.id for a in actors for m in a.mentions}
        return doc

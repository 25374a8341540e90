"""Resolution state for one document: the drafts being built, the tokens already claimed, known surnames."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer
from .actor_finder import ActorFinder, Entry
from .extensions import register_extensions

register_extensions()  # the context reads doc._.published

__all__ = ["Context", "Draft", "add", "entries_of", "modifier_code", "new_context", "org_code"]


@dataclass
class Draft:
    """An actor under construction."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    """Resolution state for one document."""

    finder: ActorFinder
    doc: Doc
    published: date | None
    drafts: dict[str, Draft] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)  # token indices already part of a mention
    surnames: dict[str, str] = field(default_factory=dict)  # surname key -> person draft key

    @property
    def gaz(self) -> Gazetteer:
        """The finder's gazetteer."""
        return self.finder.gaz


def new_context(finder: ActorFinder, doc: Doc) -> Context:
    """A fresh context for `doc`, dated by `doc._.published`."""
    return Context(finder, doc, doc._.published)


def add(ctx: Context, key: str, start: int, end: int, make: Draft | None = None) -> None:
    """Record the token range [start, end) as a mention of actor `key`."""
    if not ctx.claimed.isdisjoint(range(start, end)):
        return
    draft = ctx.drafts.get(key)
    if draft is None:
        if make is None:
            return
        draft = ctx.drafts[key] = make
    span = ctx.doc[start:end]
    draft.mentions.append((span.start_char, span.end_char))
    ctx.claimed.update(range(start, end))


def country_named(ctx: Context, words: Iterable[str]) -> str | None:
    """The first country that one of `words` names, as a name or a demonym ("Russia", "Russian")."""
    for word in words:
        for e in entries_of(ctx, word):
            if e.type in {"country", "demonym"}:
                return e.key
    return None


# Feasts and days spaCy's small model takes for people or places ("Easter stressed…" from "the Easter ceasefire").
FEASTS = frozenset({"easter", "christmas", "ramadan", "eid", "hanukkah", "passover", "thanksgiving", "lent",
                    "epiphany", "pentecost", "trinity", "navruz", "nowruz", "diwali", "halloween", "new year"})


HOLIDAY = re.compile(r"(?:^|\s)(?:day|holiday|anniversary|eve)$", re.IGNORECASE)  # "Independence Day", "New Year's Eve"


def feast(name: str) -> bool:
    """Whether `name` is a feast or a holiday, never an actor ("Easter", "the national holiday Independence Day")."""
    return name.lower().removeprefix("the ") in FEASTS or bool(HOLIDAY.search(name.strip()))


def entries_of(ctx: Context, surface: str) -> list[Entry]:
    """Gazetteer entries for an exact surface form (none: an empty list)."""
    return ctx.finder.entries.get(surface, [])


def org_code(ctx: Context, name: str) -> str:
    """The actor code of the gazetteer organisation `name`."""
    return ctx.finder.orgs[name].code


def modifier_code(ctx: Context, tokens: list[Token]) -> tuple[str | None, str | None]:
    """(country or region code, organisation name) named by modifier tokens."""
    code = org = None
    for tok in tokens:
        for e in ctx.finder.entries.get(tok.text, []) + ctx.finder.entries.get("~" + tok.lower_, []):
            if e.type in {"country", "demonym", "capital", "seat"}:
                code = code or e.key
            elif e.type in {"region", "region_demonym"}:
                code = code or ctx.finder.regions[e.key].code
            elif e.type == "org" or (e.type == "anaphor" and f"org:{e.key}" in ctx.drafts):
                org = org or e.key
    return code, org

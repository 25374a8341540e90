"""Gazetteer: countries, organisations, office-holders and role words, loaded once from CSV data files."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from .calendar import partial_date
from .errors import ConfigError

__all__ = ["UNLISTED_STATES", "Country", "Gazetteer", "Organization", "Person", "Region", "Term", "load_gazetteer"]


@dataclass(frozen=True)
class Country:
    """A state with its names, demonyms, capitals and seats of power."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    """An international organisation, coalition or non-state group."""

    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    sector: str
    anaphors: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One office held from `start` to `end` (None: still held)."""

    country: str
    sector: str
    role: str
    start: date
    end: date | None

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Person:
    """A known office-holder and every office they held."""

    name: str
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    nationality: str
    terms: tuple[Term, ...]

    def term_at(self, when: date | None) -> Term | None:
        """The office held on `when`; without a date, the latest office."""
        if when is None:
            return self.terms[-1] if self.terms else None
        return next((t for t in reversed(self.terms) if t.covers(when)), None)


@dataclass(frozen=True)
class Region:
    """A world region used as a modifier ("European officials"), or a region of one state ("Donbas": its code is the
    state's)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    kind: str = "location"  # "group" for a community of states named as one ("the West", "the Baltic states")


@dataclass(frozen=True)
class Gazetteer:
    """All reference data, indexed for lookup."""

    countries: dict[str, Country]
    organizations: tuple[Organization, ...]
    people: dict[str, Person]
    regions: tuple[Region, ...]
    roles: dict[str, str]
    given_names: frozenset[str]  # lower-case first names: a name the tagger misses begins with one
    publishers: dict[str, str] = field(default_factory=dict)  # a government's web domain -> its ISO alpha-3 code

    def country_of(self, code: str | None) -> Country | None:
        return self.countries.get(code or "")

    def publisher_country(self, url: str | None) -> str | None:
        """The state whose own government published the article at `url` ("www.president.gov.ua/en/news/…" is
        Ukraine's), or None for any other publisher."""
        host = (urlsplit(url).hostname or "").lower() if url else ""
        parts = host.split(".")
        return next((self.publishers[d] for d in (".".join(parts[i:]) for i in range(len(parts)))
                     if d in self.publishers), None)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def data_rows(name: str, extra: Path | None) -> list[tuple[str, dict[str, str]]]:
    """Rows of the shipped file `name`, then of the user's file of the same name, with their origin."""
    sources = [(f"communique/data/{name}", resources.files("communique").joinpath("data", name).read_text("utf-8"))]
    if extra is not None and (extra / name).exists():
        sources.append((str(extra / name), (extra / name).read_text("utf-8")))
    out = []
    for origin, text in sources:
        for i, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            out.append((f"{origin}:{i}", row))
    return out


# States ISO 3166-1 does not list, by the codes in common use (Kosovo as the EU and the IMF code it, Abkhazia as
# event data sets do); former states ("SUN", "YUG") are read from ISO 3166-3.
UNLISTED_STATES = frozenset({"XKX", "ABH"})


def _countries(extra: Path | None) -> dict[str, Country]:
    out: dict[str, Country] = {}
    for where, row in data_rows("countries.csv", extra):
        iso3 = row["iso3"].strip()
        official = pycountry.countries.get(alpha_3=iso3)
        if official is None and iso3 not in UNLISTED_STATES and pycountry.historic_countries.get(alpha_3=iso3) is None:
            raise ConfigError(f"{where}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
        names = {row["name"], *_split(row["aliases"])}
        if official is not None:
            names |= {getattr(official, a) for a in ("name", "common_name", "official_name") if hasattr(official, a)}
        out[iso3] = Country(iso3, row["name"], tuple(sorted(names - {row["name"]})), _split(row["demonyms"]),
                            _split(row["capitals"]), _split(row["seats"]))
    return out


def _organizations(extra: Path | None) -> tuple[Organization, ...]:
    return tuple(
        Organization(r["code"], r["name"], _split(r["aliases"]), r["kind"], r["sector"], _split(r["anaphors"]),
                     _split(r["seats"]))
        for _, r in data_rows("organizations.csv", extra))


def _people(extra: Path | None) -> dict[str, Person]:
    grouped: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)
    for where, row in data_rows("officeholders.csv", extra):
        grouped[row["name"].strip()].append((where, row))
    people = {}
    for name, rows in grouped.items():
        terms = []
        for where, r in rows:
            start = partial_date(r["start"], where)
            if start is None:
                raise ConfigError(f"{where}: an office needs a start date")
            terms.append(Term(r["country"], r["sector"], r["role"], start, partial_date(r["end"], where)))
        aliases = tuple(a for _, r in rows for a in _split(r["aliases"]))
        short = tuple(a for _, r in rows for a in _split(r["short"]))
        people[name] = Person(name, aliases, short, rows[0][1]["nationality"], tuple(sorted(terms, key=lambda t: t.start)))
    return people


REGION_KINDS = frozenset({"location", "group"})


def _regions(extra: Path | None) -> tuple[Region, ...]:
    out = []
    for where, r in data_rows("regions.csv", extra):
        kind = (r.get("kind") or "location").strip()
        if kind not in REGION_KINDS:
            raise ConfigError(f"{where}: region kind {kind!r} is neither 'location' nor 'group'; fix the kind column")
        out.append(Region(r["code"], r["name"], _split(r["aliases"]), _split(r["demonyms"]), kind))
    return tuple(out)


def _roles(extra: Path | None) -> dict[str, str]:
    return {r["word"].strip().lower(): r["sector"].strip() for _, r in data_rows("roles.csv", extra)}


def _publishers(extra: Path | None) -> dict[str, str]:
    out = {}
    for where, r in data_rows("publishers.csv", extra):
        country = r["country"].strip()
        if pycountry.countries.get(alpha_3=country) is None:
            raise ConfigError(f"{where}: {country!r} is not an ISO 3166-1 alpha-3 code; fix the country column")
        out[r["domain"].strip().lower()] = country
    return out


def _given_names(extra: Path | None, people: dict[str, Person]) -> frozenset[str]:
    """First names from `given_names.csv` and those of the officeholders' names."""
    listed = {r["name"].strip().lower() for _, r in data_rows("given_names.csv", extra) if r["name"].strip()}
    return frozenset(listed | {name.split()[0].lower() for name in people if " " in name})


@lru_cache(maxsize=4)
def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """Load the shipped gazetteer plus the user's files in `extra` (once per process and folder)."""
    if extra is not None and not extra.is_dir():
        raise ConfigError(f"gazetteer folder {extra} does not exist: create it or unset COMMUNIQUE_DATA")
    people = _people(extra)
    return Gazetteer(_countries(extra), _organizations(extra), people, _regions(extra), _roles(extra),
                     _given_names(extra, people), _publishers(extra))

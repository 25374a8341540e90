"""Sums of money in text ("$1 billion", "1.5 billion euros", "€300m", "UAH 500 million") as value and ISO
currency, and their value in euros at the yearly rates of `data/eur_rates.csv`.

Written here rather than taken from a library: price-parser reads one price per string and knows no
"billion", quantulum3 needs its classifier data and reads "€300m" as metres; news sums need both the
multiplier words and the currency words or signs on either side of the number."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import data_rows

__all__ = ["Amount", "amounts_in", "to_eur"]

SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB", "¥": "JPY"}
CODES = {"usd", "eur", "gbp", "uah", "rub", "jpy", "chf", "cad", "aud", "pln", "sek", "nok", "cny"}
WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
         "sterling": "GBP", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "hryvnyas": "UAH",
         "hryvnas": "UAH", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yen": "JPY",
         "francs": "CHF", "yuan": "CNY", "zloty": "PLN", "zlotys": "PLN", "kronor": "SEK", "kroner": "NOK"}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|bln|mn|bn|tn|m|b|k)\b)?"
_PREFIX = re.compile(r"(?P<cur>US\$|[$€£₴₽¥]|\b(?:USD|EUR|GBP|UAH|RUB|JPY|CHF|CAD|AUD|PLN|SEK|NOK|CNY)\s?)"
                     + _NUM + _SCALE, re.IGNORECASE)
_SUFFIX = re.compile(r"(?<![\w$€£₴₽¥])" + _NUM + r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|bln|mn|bn|tn))?"
                     r"\s(?:(?:US|American|Canadian|Australian)\s)?(?P<cur>" + "|".join(sorted(
                         list(WORDS) + [c.upper() for c in CODES], key=len, reverse=True)) + r")\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """A sum of money the text gives: `value` in units of `currency` (ISO 4217), at `start`..`end` of the
    text it was read from."""

    value: float
    currency: str
    start: int
    end: int
    text: str

    def to_dict(self, eur: float | None = None) -> dict[str, object]:
        return {"value": self.value, "currency": self.currency, "eur": eur, "text": self.text}


def _currency(word: str, prefix: str) -> str:
    """"Canadian dollars" are CAD, "US dollars" USD."""
    w = word.strip().lower()
    if w in SIGNS:
        return SIGNS[w]
    if w in CODES:
        return w.upper()
    code = WORDS[w]
    if code == "USD" and prefix.lower().startswith("canadian"):
        return "CAD"
    if code == "USD" and prefix.lower().startswith("australian"):
        return "AUD"
    return code


def _number(digits: str, scale: float) -> float:
    """"1,500,000" and, with no scale word, the continental "400.000" are thousands; "1.5" is a decimal."""
    if scale == 1.0 and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    return float(digits.replace(",", "")) * scale


def amounts_in(text: str) -> list[Amount]:
    """Every sum of money in `text`, in order. A bare number with no currency is no amount."""
    found: list[Amount] = []
    for m in _PREFIX.finditer(text):
        scale = SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = _number(m.group("num"), scale)
        found.append(Amount(value, _currency(m.group("cur"), ""), m.start(), m.end(), m.group(0)))
    for m in _SUFFIX.finditer(text):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        scale = SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = _number(m.group("num"), scale)
        between = text[m.end("scale") if m.group("scale") else m.end("num"):m.start("cur")]
        found.append(Amount(value, _currency(m.group("cur"), between.strip()), m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda a: a.start)


@lru_cache(maxsize=1)
def _rates() -> dict[str, dict[int, float]]:
    out: dict[str, dict[int, float]] = {}
    for _, row in data_rows("eur_rates.csv", None):
        out.setdefault(row["currency"].strip(), {})[int(row["year"])] = float(row["per_eur"])
    return out


def to_eur(amount: Amount, when: str | None) -> float | None:
    """The amount in euros at the yearly average rate of `when`'s year (the nearest year the table has), or
    None for a currency the table lacks."""
    if amount.currency == "EUR":
        return round(amount.value, 2)
    years = _rates().get(amount.currency)
    if not years:
        return None
    year = int(when[:4]) if when and when[:4].isdigit() else max(years)
    nearest = min(years, key=lambda y: (abs(y - year), -y))
    return round(amount.value / years[nearest], 2)

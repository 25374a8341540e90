"""Calendar dates written out: the one place that turns a written date into a `date`.

Publication dates (flags, JSONL fields, feeds, HTML metadata, API bodies), gazetteer term dates and numeric
dates found in article text all come through here, so they are read the same way everywhere.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .errors import ConfigError, InputError

__all__ = ["date_precision", "is_reference", "numeric_date", "parse_published", "partial_date"]

REFERENCE_DAYS = 366  # a date this far from its article is one it refers to, not when its event happened

_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:[T ][0-9:.+\-Z]*)?$")
_RELATIVE = re.compile(r"\b(ago|yesterday|today|tomorrow|now|next|last|this|in\s+\d+|\d+\s+(day|week|month|year)s?)\b",
                       re.IGNORECASE)


def numeric_date(text: str) -> date | None:
    """A date written with digits or month names ("03/02/2009", "March 2, 2009"), month first; None if none."""
    import dateparser  # imported on first use: loading its language data costs a second

    parsed = dateparser.parse(text, settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first"},
                              languages=["en"])
    return parsed.date() if parsed else None


def parse_published(value: Any, origin: str) -> date | None:
    """A publication date: `YYYY-MM-DD` (a longer ISO timestamp is cut to its date) or an absolute date in words
    ("March 2, 2009"). Relative phrases ("yesterday", "2 days ago") are refused: they would be read against
    today's clock, not the article's."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    found = _ISO.match(text)
    if found:
        try:
            return date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            pass
    elif not _RELATIVE.search(text) and re.search(r"\d{4}", text) and not text.startswith(("-", "+")):
        parsed = numeric_date(text)
        if parsed is not None:
            return parsed
    raise InputError(f"{origin}: published date {value!r} is not a calendar date: write YYYY-MM-DD or leave it out")


def partial_date(cell: str, where: str) -> date | None:
    """A date from a data file: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (missing parts are the first); None if blank."""
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        parts = [int(p) for p in cell.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        raise ConfigError(f"{where}: bad date {cell!r}, write YYYY-MM-DD") from None


def is_reference(when: str | None, published: str | None) -> bool:
    """Whether an event date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) lies more than a year before or after its
    article's publication date: history the article mentions ("since 1938") or a target it sets ("by 2030"), not
    the day its event happened."""
    if not when or not published:
        return False
    try:
        parts = [int(p) for p in when.split("-")]
        first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        last = date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
        day = date.fromisoformat(published[:10])
        return (day - last).days > REFERENCE_DAYS or (first - day).days > REFERENCE_DAYS
    except ValueError:
        return False


def date_precision(value: str | None) -> str | None:
    """"day", "month" or "year": how much of a calendar date `YYYY[-MM[-DD]]` gives (None for none)."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value)) if value else None

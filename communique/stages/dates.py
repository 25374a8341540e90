"""Dates: find calendar time expressions and normalise them against the publication date.

News refers back: "on Wednesday" in an article of Thursday means yesterday, unless the
sentence is about the future ("will meet on Friday"). dateparser reads numeric dates; the
relative rules it gets wrong for news (weekday direction, "last year") are ours.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from ..calendar import numeric_date
from ..records import DateMention
from .extensions import register_extensions
from .spans import SpanSet, doc_text

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["communique_dates", "find_dates", "normalise_date"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a": 1, "an": 1}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_COMMA = r" ?,? ?"
_NUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|\d{1,2})"

PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\b"),
    ("numeric", r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])/(?:\d{4}|\d{2})\b"),
    ("dmy_days", rf"\b{_DAY}\s?(?:-|–|\u2212|to|and)\s?{_DAY}\s(?:of\s)?{_MONTH}(?:{_COMMA}{_YEAR})?\b"),  # "1 to 3 March"
    ("mdy_days", rf"\b{_MONTH} {_DAY}\s?(?:-|–|\u2212|to|and)\s?{_DAY}(?:{_COMMA}{_YEAR})?\b(?!\s?%)"),  # "March 3 and 4"
    ("mdy", rf"\b(?:{_WEEKDAY}{_COMMA})?{_MONTH} {_DAY}(?:{_COMMA}{_YEAR})?\b(?!\s?%)"),
    ("dmy", rf"\b(?:{_WEEKDAY}{_COMMA})?(?:the\s)?{_DAY}\s(?:of\s)?{_MONTH}(?:{_COMMA}{_YEAR})?\b"),
    ("month_year", rf"\b(?:(?i:early|mid|late)-?\s?)?{_MONTH}\s(?:of\s)?{_YEAR}\b"),
    ("relative_day", (r"\b(?:(?:earlier|later)\s)?(?:(?:the day (?:before|after)\s)?(?:yesterday|tomorrow)|today|tonight|last night|"
                     r"this (?:morning|afternoon|evening|night)|(?<=on )this day|the previous day|"
                     r"the day before(?=\s*[.,;)]))\b")),  # "reached in Astana the day before.": yesterday
    ("season", r"\b(?:this|last|next|the coming|the past)\s(?:spring|summer|autumn|fall|winter)\b"),
    ("weekday", rf"\b(?:(?i:last|next|this|on|coming)\s)?{_WEEKDAY}(?:\s(?:morning|afternoon|evening|night))?\b"),
    ("ago", rf"\b{_NUM}\s(?:days?|weeks?|months?|years?)\s(?:ago|earlier|before)\b"),
    ("relative_period", (r"\b(?:(?:the\s)?(?:end|beginning|start|middle)\sof\s)?(?:this|last|next|the past|the coming)\s"
                        r"(?:year|month)\b|\b(?:the\s)?(?:end|beginning|start|middle)\sof\sthe\s(?:year|month)\b")),
    ("month", rf"\b(?:(?i:early|mid|late)-?\s?)?(?:(?i:last|next|this)\s)?{_MONTH}(?!\s?\d)\b"),
    ("year_part", rf"\b(?:mid|early|late)-{_YEAR}\b"),  # "in mid-2021": that year
    ("year_range", rf"(?<![\d$£€.,/-]){_YEAR}\s?[-–—]\s?(?:{_YEAR}|[0-9]{{2}})(?![\d%])"),  # "in 2018–2019": from 2018
    ("year", rf"(?<![\d$£€.,/-]){_YEAR}(?![\d%]|-\d|/\d|\.\d|'?s\b)"),  # "the 1990s" is a decade, no year
]
FULL_RANGE = re.compile(rf"{_YEAR}\s?[-–—]\s?{_YEAR}")  # two years written out: two mentions
_COMPILED = [(kind, re.compile(rx, re.IGNORECASE if kind not in {"month", "weekday", "mdy", "dmy", "month_year"} else 0))
             for kind, rx in PATTERNS]

Direction = Callable[[int, int], int]  # (start, end) -> -1 past, 0 unknown, +1 future


def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3])


def _nearest_year(month: int, day: int | None, published: date, direction: int) -> int:
    """Year for a month (and day) with no year: the occurrence nearest the publication date."""
    year = published.year
    candidate = (month, day or 1)
    now = (published.month, published.day if day else 1)
    if direction > 0:
        return year if candidate >= now else year + 1
    if direction < 0:
        return year if candidate <= now else year - 1
    delta = (month - published.month) % 12
    if delta > 6 or (delta == 6 and candidate > now):
        return year if month <= published.month else year - 1
    return year if month >= published.month else year + 1


def _weekday(text: str, published: date, direction: int) -> str:
    lower = text.lower()
    wd = next(WEEKDAYS[w] for w in WEEKDAYS if w in lower)
    offset = (wd - published.weekday()) % 7  # days forward to that weekday (0: same day)
    if lower.startswith("next") or (direction > 0 and not lower.startswith("last")):
        days = offset if offset else (7 if lower.startswith("next") else 0)
    elif lower.startswith("last"):
        days = offset - 7 if offset else -7
    elif lower.startswith(("this", "coming")):
        days = offset
    else:
        days = offset - 7 if offset else 0
    return (published + timedelta(days=days)).isoformat()


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _relative(kind: str, text: str, published: date) -> str | None:
    lower = text.lower()
    if kind == "relative_day":
        if "day before yesterday" in lower or "day after tomorrow" in lower:
            return (published + timedelta(days=2 if "tomorrow" in lower else -2)).isoformat()
        if "yesterday" in lower or "last night" in lower or lower in {"the previous day", "the day before"}:
            return (published - timedelta(days=1)).isoformat()
        if "tomorrow" in lower:
            return (published + timedelta(days=1)).isoformat()
        return published.isoformat()
    if kind == "ago":
        n_word, unit = lower.split()[:2]
        n = NUMBERS.get(n_word) or int(n_word)
        if unit.startswith("day"):
            return (published - timedelta(days=n)).isoformat()
        if unit.startswith("week"):
            return (published - timedelta(weeks=n)).isoformat()
        if unit.startswith("month"):
            y, m = _shift_months(published, -n)
            return f"{y:04d}-{m:02d}"
        return f"{published.year - n:04d}"
    step = -1 if ("last" in lower or "past" in lower) else 1 if ("next" in lower or "coming" in lower) else 0
    if kind == "season":
        return f"{_season_year(lower.split()[-1], published, step):04d}"
    if lower.endswith("year"):
        return f"{published.year + step:04d}"
    y, m = _shift_months(published, step)
    return f"{y:04d}-{m:02d}"


SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # northern seasons, by month


def _season_year(season: str, published: date, step: int) -> int:
    """The year "this autumn", "last summer" or "next spring" begins in: "this" is the publication year, "last"
    the latest occurrence over by then, "next" the first still to begin."""
    start = SEASON_STARTS[season]
    began = published.year if published.month >= start else published.year - 1  # the latest to have begun
    running = (published.year - began) * 12 + published.month - start < 3
    if step < 0:
        return began - 1 if running else began
    return began + 1 if step > 0 else published.year


def _month_day_year(kind: str, text: str, published: date | None, direction: int) -> str | None:
    words = re.findall(r"[A-Za-z]+\.?|\d+", text)
    month = next((m for m in (_month_number(w) for w in words if w[0].isalpha()) if m), None)
    numbers = [int(w) for w in words if w.isdigit()]
    year = next((n for n in numbers if n >= 1800), None)
    day = next((n for n in numbers if n <= 31), None) if kind in {"mdy", "dmy"} else None
    if month is None:
        return None
    if year is None:
        if published is None:
            return None
        year = _nearest_year(month, day, published, 0 if day else direction)
        if kind == "month" and month == published.month and re.match(r"(?i)(last|next)\s", text):
            year += 1 if text[0] in "nN" else -1  # "last March", said in March: a year ago
    try:
        return date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def _year_range(text: str) -> str | None:
    """The first year of a span of years told short ("2014-15"; "2018–2019" is two mentions, one per year);
    "2017-07" is a month, not a span."""
    first, second = text[:4], re.split(r"\s?[-–—]\s?", text, maxsplit=1)[1]
    if int(second) <= int(first[2:]):
        return f"{first}-{second}" if 1 <= int(second) <= 12 else None
    return first


def normalise_date(kind: str, text: str, published: date | None, direction: int = 0) -> str | None:
    """The calendar value of a time expression of `kind`, or None when it cannot be fixed."""
    if kind == "iso":
        return text
    if kind == "numeric":
        found = numeric_date(text)
        return found.isoformat() if found else None
    if kind == "year":
        return text
    if kind == "year_part":
        return text[-4:]
    if kind == "year_range":
        return _year_range(text)
    if kind in {"mdy", "dmy", "month_year", "month"}:
        lower = text.lower()
        if lower.startswith(("last ", "next ")):
            direction = -1 if lower.startswith("last") else 1
        return _month_day_year(kind, text, published, direction)
    if published is None:
        return None
    if kind == "weekday":
        return _weekday(text, published, direction)
    return _relative(kind, text, published)


def _candidates(text: str) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, kind), earlier patterns winning over later ones."""
    taken: list[tuple[int, int, str, str]] = []  # start, end, kind, and the words to read it from
    spans = SpanSet()
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if kind == "weekday" and text[s:e].lower().startswith("on "):
                s += 3
            if kind == "month" and text[s:e] == "May" and not _may_is_month(text, s):
                continue
            if kind == "month" and _first_name(text, s, e):
                continue
            if kind == "year" and _a_count(text, s, e):
                continue
            if spans.overlaps(s, e):
                continue
            if kind == "year_range" and FULL_RANGE.fullmatch(text, s, e):
                taken += [(s, s + 4, "year", text[s:s + 4]), (e - 4, e, "year", text[e - 4:e])]  # "2018–2019"
            elif kind in DAY_SPANS:
                taken += _days_apart(text, s, e, kind)
            else:
                taken.append((s, e, kind, text[s:e]))
            spans.add(s, e)
    return sorted(taken)


DAY_SPANS = frozenset({"dmy_days", "mdy_days"})
_DAY_LINK = re.compile(r"\s?(?:-|–|\u2212|to|and)\s?")


def _days_apart(text: str, s: int, e: int, kind: str) -> list[tuple[int, int, str, str]]:
    """The two days of "1 to 3 March" or "March 3 and 4, 2022", each its own mention, the bare day read with the
    month (and year) told with the other: "1" as "1 March", "March 3" as "March 3, 2022", "4, 2022" as "March 4,
    2022"."""
    link = _DAY_LINK.search(text, s, e)
    assert link is not None
    first, second = text[s:link.start()], text[link.end():e]
    if kind == "dmy_days":
        return [(s, link.start(), "dmy", f"{first} {_month_part(second)}"), (link.end(), e, "dmy", second)]
    year = re.search(_YEAR, second)
    return [(s, link.start(), "mdy", f"{first}, {year.group(0)}" if year else first),
            (link.end(), e, "mdy", f"{_month_part(first)} {second}")]


PLURAL_AFTER = re.compile(r" [a-z]{3,}s\b")
TIME_WORDS_BEFORE = re.compile(r"\b(?:in|since|of|by|until|till|from|to|before|after|during|through|for|year|the|"
                               r"and|or|between|early|late|mid|spring|summer|autumn|winter|fall)\W*$", re.IGNORECASE)


def _a_count(text: str, start: int, end: int) -> bool:
    """A four-digit number counting things, not a year: "already 1993 missiles", "has used 2014 missiles" (a plural
    noun after it and no word of time before it; "in 2020 prices rose" is a year)."""
    return bool(PLURAL_AFTER.match(text, end)) and not TIME_WORDS_BEFORE.search(text[max(0, start - 12):start])


NAME_AFTER = re.compile(r" [A-Z][a-z]")


def _first_name(text: str, start: int, end: int) -> bool:
    """A short month name that is someone's first name: "Jan Egeland", "Jun Azumi" (a capitalised word follows)."""
    return end - start == 3 and bool(NAME_AFTER.match(text, end))


def _may_is_month(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start].lower()
    return bool(re.search(r"\b(in|since|until|by|of|early|late|mid|last|next|this)\s$", before))


def find_dates(text: str, published: date | None, direction: Direction | None = None) -> list[DateMention]:
    """Every calendar time expression in `text`, normalised against `published`."""
    out = []
    for s, e, kind, read in _candidates(text):
        d = direction(s, e) if direction else 0
        out.append(DateMention(s, e, text[s:e], normalise_date(kind, read, published, d)))
    return out


def _month_part(told: str) -> str:
    """A day mention less its day: "3 March 2022" → "March 2022", "March 3" → "March"."""
    return re.sub(rf"\b{_DAY}\b", "", told).strip(" ,")


FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_HEADS = {"due", "scheduled", "expected", "set", "planned", "slated"}


def tense_direction(doc: Doc) -> Direction:
    """A function telling whether the clause around a character range speaks of the future (+1) or past (-1)."""

    def direction(start: int, end: int) -> int:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 0
        head = span.root.head
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
        if aux & FUTURE_AUX or head.lower_ in FUTURE_HEADS or aux & {"is", "are"} and head.tag_ == "VBG":
            return 1
        if head.tag_ in {"VBD", "VBN"} or aux & {"did", "had", "has", "have", "was", "were"}:
            return -1
        return 0

    return direction


@Language.component("communique_dates", assigns=["doc._.dates"], requires=["token.dep", "doc._.published"])
def communique_dates(doc: Doc) -> Doc:
    """spaCy component: fill `doc._.dates` with normalised date mentions."""
    doc._.dates = find_dates(doc_text(doc), doc._.published, tense_direction(doc))
    return doc

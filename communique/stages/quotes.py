"""Quotations: find quoted passages robustly (curly, straight, guillemets; unbalanced; multi-paragraph)."""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

PAIRS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSERS = {"”", "»", "›"}


@dataclass(frozen=True)
class Quote:
    """A quoted passage: `start`/`end` are the inside of the marks; `closed` is False when no mark ended it."""

    start: int
    end: int
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(inside start, inside end, closed) for the quotes of one paragraph."""
    out: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS or ch == '"':
            closer = PAIRS.get(ch, '"')
            j = text.find(closer, i + 1, end)
            if ch == "„":
                j = min((k for k in (text.find("“", i + 1, end), text.find("”", i + 1, end)) if k >= 0), default=-1)
            if j < 0:
                out.append((i + 1, end, False))
                break
            out.append((i + 1, j, True))
            i = j + 1
            continue
        i += 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages in order. An unclosed quote whose next paragraph opens a quote continues into it."""
    raw: list[tuple[int, int, bool]] = []
    for s, e in _paragraphs(text):
        raw += _scan_paragraph(text, s, e)
    merged: list[Quote] = []
    for s, e, closed in raw:
        s, e = _trim(text, s, e)
        if e - s < 2 or not re.search(r"\w", text[s:e]):
            continue
        prev = merged[-1] if merged else None
        if prev and not prev.closed and text[prev.end:s - 1].strip() == "":
            merged[-1] = Quote(prev.start, e, closed)
        else:
            merged.append(Quote(s, e, closed))
    return merged

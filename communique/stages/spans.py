"""Lookups that keep extraction linear in the text length: intervals by position, and facts memoised per `Doc`.

A long article has thousands of mentions, quotations, statements and dates; asking "which of them holds this
character" by scanning them all, once per token, made extraction time grow with the square of the text. These
indexes answer the same questions in logarithmic time and give the same answer as the scan they replace: the
first item in the original order.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

__all__ = ["Intervals", "SpanSet", "by_identity", "doc_memo", "doc_text", "mention_index", "sentences", "starting_within"]

T = TypeVar("T")

_MEMOS: WeakKeyDictionary[Doc, dict[Any, Any]] = WeakKeyDictionary()


class Intervals(Generic[T]):
    """Fixed half-open intervals `[start, end)` with payloads, queried by position in O(log n + hits)."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(((s, e, n, v) for n, (s, e, v) in enumerate(items)), key=lambda r: r[0])
        self.starts = [r[0] for r in ordered]
        self.rows = ordered
        self.reach: list[int] = []  # the furthest end among the rows up to each one
        far = -(2**62)
        for r in ordered:
            far = max(far, r[1])
            self.reach.append(far)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Payloads of the intervals with `s < end` and `start < e`, in their original order."""
        hits = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:
            _, e, n, v = self.rows[i]
            if start < e:
                hits.append((n, v))
            i -= 1
        hits.sort(key=lambda h: h[0])
        return [v for _, v in hits]

    def containing(self, pos: int) -> list[T]:
        """Payloads of the intervals with `s <= pos < e`, in their original order."""
        return self.overlapping(pos, pos + 1)

    def first_containing(self, pos: int) -> T | None:
        found = self.containing(pos)
        return found[0] if found else None


class SpanSet:
    """A growing set of character spans: does one contain, or half-cover, a range; where does the last one
    before a position end. Same answers as scanning every span, in O(log n + nearby spans)."""

    def __init__(self) -> None:
        self.starts: list[tuple[int, int]] = []
        self.ends: list[int] = []
        self.widest = 0
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        insort(self.starts, (start, end))
        insort(self.ends, end)
        self.spans.append((start, end))
        self.widest = max(self.widest, end - start)

    def _near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans starting in `lo`..`hi` (both included)."""
        return self.starts[bisect_left(self.starts, (lo, -(2**62))):bisect_right(self.starts, (hi, 2**62))]

    def covers(self, start: int, end: int) -> bool:
        """Whether a span contains `start`..`end`."""
        return any(s <= start and end <= e for s, e in self._near(end - self.widest, start))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps `start`..`end` (`s < end` and `start < e`)."""
        return any(s < end and start < e for s, e in self._near(start - self.widest, end))

    def half_covers(self, start: int, end: int) -> bool:
        """Whether a span overlaps half of `start`..`end` or more."""
        candidates = self._near(start - self.widest, end) if end > start else self.spans
        return any(min(end, e) - max(start, s) >= 0.5 * (end - start) for s, e in candidates)

    def last_end(self, pos: int) -> int | None:
        """The latest end of a span ending at or before `pos`."""
        i = bisect_right(self.ends, pos)
        return self.ends[i - 1] if i else None


def doc_memo(doc: Doc) -> dict[Any, Any]:
    """A dictionary that lives as long as `doc`, for facts computed once per document."""
    memo = _MEMOS.get(doc)
    if memo is None:
        memo = _MEMOS[doc] = {}
    return memo


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once: spaCy's `Doc.text` joins every token at each call, so a test per token that reads it
    costs the square of a long article's length."""
    memo = doc_memo(doc)
    text = memo.get("text")
    if text is None:
        text = memo["text"] = doc.text
    return str(text)


def by_identity(doc: Doc | None, kind: str, obj: Any, compute: Callable[[], T]) -> T:
    """`compute()` memoised on `doc` for the object `obj` itself (kept alive with its value, so its id is never
    reused while memoised); computed afresh without a `doc`. Neither `obj` nor the value may refer to `doc`."""
    if doc is None:
        return compute()
    memo = doc_memo(doc)
    key = (kind, id(obj))
    held = memo.get(key)
    if held is None or held[0] is not obj:
        held = memo[key] = (obj, compute())
    value: T = held[1]
    return value


def mention_index(doc: Doc) -> Intervals[tuple[int, int, str]]:
    """`doc._.mention_actor` ((start, end) -> actor id) as intervals of (start, end, actor id), in its order."""
    mentions: dict[tuple[int, int], str] = doc._.mention_actor or {}
    return by_identity(doc, "mentions", mentions,
                       lambda: Intervals((s, e, (s, e, a)) for (s, e), a in mentions.items()))


def sentences(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences holding tokens `start`..`end` (end excluded; at least the one holding `start`), as
    `doc.sents` gives them. The boundaries are read once per document; the memo holds no `Doc`, `Span` or
    `Token` (each refers to its `Doc`, which would then never be freed)."""
    memo = doc_memo(doc)
    firsts: list[int] | None = memo.get("sentence starts")
    if firsts is None:
        firsts = memo["sentence starts"] = [s.start for s in doc.sents]
    i = max(bisect_right(firsts, start) - 1, 0)
    j = max(bisect_left(firsts, end), i + 1)
    return [doc[firsts[k]:firsts[k + 1] if k + 1 < len(firsts) else len(doc)] for k in range(i, min(j, len(firsts)))]


def starting_within(doc: Doc, items: Sequence[T], lo: int, hi: int) -> Sequence[T]:
    """Those of `items` (each with a `.start`) that may start in `lo`..`hi` (`hi` excluded), in their order:
    exactly those when the items are in order of start (checked once per list and document), else all."""
    if not items:
        return items
    key = attrgetter("start")
    ordered = by_identity(doc, "in order", items, lambda: all(key(a) <= key(b) for a, b in pairwise(items)))
    if not ordered:
        return items
    return items[bisect_left(items, lo, key=key):bisect_left(items, hi, key=key)]

"""Ingest: read inputs, skip what the store has, extract the rest, store each article in its own transaction.

A run killed at any moment leaves whole articles or none; running it again stores what is missing and
skips the rest, so `communique ingest` is safe to repeat.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .dedupe import Fingerprint, fingerprint
from .extraction import extract_many
from .ingest import Article, InputFailure
from .settings import Settings
from .store import Store

__all__ = ["IngestSummary", "Tally", "count", "ingest", "skip_known"]


@dataclass
class IngestSummary:
    """What a run did: counts, and each failure with its reason."""

    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[InputFailure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.near_duplicates + len(self.failures)

    def line(self) -> str:
        return (f"{self.stored} stored, {self.duplicates} skipped as duplicate, {self.near_duplicates} merged as "
                f"near-duplicate, {len(self.failures)} failed")


def skip_known(store: Store, article: Article, summary: IngestSummary) -> Fingerprint | None:
    """The article's fingerprint when the store lacks it; else None, with the sighting recorded and counted."""
    fp = fingerprint(article.text)
    with store.engine.connect() as conn:  # a read; a write transaction only when there is a copy
        copy = store.find_copy(conn, article, fp)
    if copy is None:
        return fp
    with store.transaction() as conn:
        store.seen_again(conn, copy[0], article, copy[1], copy[2])
    if copy[1] == "same":
        summary.duplicates += 1
    else:
        summary.near_duplicates += 1
    return None


def count(summary: IngestSummary, outcome: str) -> None:
    if outcome == "stored":
        summary.stored += 1
    elif outcome == "duplicate":
        summary.duplicates += 1
    else:
        summary.near_duplicates += 1


class Tally:
    """A run's summary kept up to date: failures stored as they come, progress reported."""

    def __init__(self, store: Store, progress: Callable[[IngestSummary], None] | None) -> None:
        self.store = store
        self.progress = progress
        self.summary = IngestSummary()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def fail(self, item: InputFailure) -> None:
        self.summary.failures.append(item)
        self.store.add_failure(item.origin, item.message)
        self.tick()


def ingest(inputs: Iterable[Article | InputFailure], store: Store, settings: Settings | None = None,
           progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Store every article of `inputs` once; failures are kept in the store and in the summary."""
    settings = settings or Settings.from_env()
    tally = Tally(store, progress)
    summary, tick, fail = tally.summary, tally.tick, tally.fail
    pending: deque[tuple[Article, Fingerprint]] = deque()

    def fresh() -> Iterator[Article | InputFailure]:
        for item in inputs:
            if isinstance(item, InputFailure):
                yield item
                continue
            fp = skip_known(store, item, summary)
            if fp is None:
                tick()
                continue
            pending.append((item, fp))
            yield item

    for result in extract_many(fresh(), settings):
        if isinstance(result, InputFailure):
            if pending and pending[0][0].origin == result.origin:
                pending.popleft()
            fail(result)
            continue
        article, fp = pending.popleft()
        outcome, _ = store.add_record(result, article, fp)
        count(summary, outcome)
        tick()
    return summary

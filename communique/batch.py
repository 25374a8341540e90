"""Batch: a corpus through several processes, or through an existing Dask cluster, into the store.

The input is streamed: articles are read, checked against the store (what is stored is skipped, so a stopped
batch resumes), cut into chunks and sent to workers. A worker loads the spaCy pipeline once and returns plain
record dictionaries (never `Doc` objects, which carry the whole vocabulary). One writer, this process, stores
the results in input order, one transaction per chunk. Only a bounded number of chunks is in flight, so
memory stays flat whatever the corpus size. Local processes and Dask workers run the same function on the
same chunks: their records are identical.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .dedupe import Fingerprint
from .errors import ConfigError
from .extraction import extract_many
from .ingest import Article, InputFailure
from .ingestion import IngestSummary, Tally, count, skip_known
from .records import Record
from .settings import Settings
from .store import Store

__all__ = ["Job", "extract_chunk", "run_batch"]

IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True)
class Job:
    """How to run a batch: local processes, or the address of a Dask scheduler."""

    processes: int = 1
    scheduler: str | None = None
    chunk_size: int = 16


def _settings_dict(settings: Settings) -> dict[str, Any]:
    data = asdict(settings)
    data["data_dir"] = str(settings.data_dir) if settings.data_dir else None
    return data


def extract_chunk(articles: list[Article], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Worker side: records (as plain dictionaries) or failures for a chunk of articles, in order."""
    conf = Settings(**{**settings, "data_dir": Path(settings["data_dir"]) if settings.get("data_dir") else None})
    out: list[dict[str, Any]] = []
    for item in extract_many(articles, conf):
        if isinstance(item, InputFailure):
            out.append({"failure": {"origin": item.origin, "message": item.message}})
        else:
            out.append({"record": item.to_dict()})
    return out


def _warm(settings: dict[str, Any]) -> None:
    """Process-pool initializer: load the pipeline once per worker process."""
    from .pipeline import load_nlp

    conf = Settings(**{**settings, "data_dir": Path(settings["data_dir"]) if settings.get("data_dir") else None})
    load_nlp(conf)


class _Local:
    def __init__(self, processes: int, settings: dict[str, Any]) -> None:
        import multiprocessing

        # spawn, not fork: a forked child would inherit the writer's open database connections, and SQLite must
        # never see a connection closed in a process that did not open it
        context = multiprocessing.get_context("spawn")
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one BLAS thread per worker: N workers on N cores, not N²
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_warm,
                                        initargs=(settings,))
        self.settings = settings

    def submit(self, chunk: list[Article]) -> Future[list[dict[str, Any]]]:
        return self.pool.submit(extract_chunk, chunk, self.settings)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    def __init__(self, address: str, settings: dict[str, Any]) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--scheduler needs Dask's distributed package: pip install 'communique[cluster]'") \
                from None
        try:
            self.client = Client(address, timeout=30)  # type: ignore[no-untyped-call]
        except OSError as err:
            raise ConfigError(f"--scheduler {address}: cannot reach the Dask scheduler ({err}): check the address "
                              "and that `dask scheduler` is running") from None
        self.settings = settings

    def submit(self, chunk: list[Article]) -> Any:
        return self.client.submit(extract_chunk, chunk, self.settings, pure=False)

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]


def _chunks(items: Iterable[Article | InputFailure], store: Store, summary: IngestSummary, size: int,
            fail: Callable[[InputFailure], None], tick: Callable[[], None]
            ) -> Iterator[list[tuple[Article, Fingerprint]]]:
    chunk: list[tuple[Article, Fingerprint]] = []
    for item in items:
        if isinstance(item, InputFailure):
            fail(item)
            continue
        fp = skip_known(store, item, summary)
        if fp is None:
            tick()
            continue
        chunk.append((item, fp))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(inputs: Iterable[Article | InputFailure], store: Store, settings: Settings, job: Job,
              progress: Callable[[IngestSummary], None] | None = None,
              on_record: Callable[[Record], None] | None = None) -> IngestSummary:
    """Extract and store a corpus with `job`'s workers; returns what was stored, skipped and failed."""
    if job.processes < 1 or job.chunk_size < 1:
        raise ConfigError("--processes and --chunk-size must be at least 1")
    tally = Tally(store, progress)
    summary, tick, fail = tally.summary, tally.tick, tally.fail
    conf = _settings_dict(settings)
    runner: _Local | _Dask = _Dask(job.scheduler, conf) if job.scheduler else _Local(job.processes, conf)
    limit = IN_FLIGHT_PER_WORKER * max(job.processes, 2 if job.scheduler else 1)
    flight: deque[tuple[list[tuple[Article, Fingerprint]], Any]] = deque()

    def drain_one() -> None:
        chunk, future = flight.popleft()
        results = future.result()
        batch: list[tuple[Record, Article, Fingerprint]] = []
        for (article, fp), result in zip(chunk, results, strict=True):
            if "failure" in result:
                fail(InputFailure(result["failure"]["origin"], result["failure"]["message"]))
            else:
                record = Record.from_dict(result["record"])
                if on_record is not None:
                    on_record(record)
                batch.append((record, article, fp))
        for outcome, _ in store.add_records(batch):
            count(summary, outcome)
        tick()

    try:
        for chunk in _chunks(inputs, store, summary, job.chunk_size, fail, tick):
            flight.append((chunk, runner.submit([a for a, _ in chunk])))
            if len(flight) >= limit:
                drain_one()
        while flight:
            drain_one()
    finally:
        runner.close()
    return summary

"""Runs: articles into the store, in this process (`ingest`), in local worker processes or on a Dask cluster.

One loop for all three. Inputs are streamed: each article is checked against the store first (what is stored
is skipped and its sighting kept, so a stopped run resumes), the rest are cut into chunks and sent to a runner.
Workers load the spaCy pipeline once and return plain record dictionaries (never `Doc`s, which carry the whole
vocabulary). One writer, this process, saves the results in input order, one transaction per chunk
(`Store.save`). Only a bounded number of chunks is in flight, so memory stays flat whatever the corpus size.
All runners call the same `extract_chunk`: their records are identical.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import ConfigError, InputError
from .extraction import extract_many
from .inputs import check_text
from .records import Article, InputFailure, Record
from .settings import Settings
from .store import Outcome, OutcomeKind, Store
from .store.commitments import refresh as refresh_commitments

__all__ = ["Job", "RunSummary", "extract_chunk", "ingest", "run_batch"]

IN_FLIGHT_PER_WORKER = 4
ORPHAN_POLL = 0.5  # seconds between a worker's checks that the run that started it is still there


@dataclass(frozen=True)
class Job:
    """How to run: in this process (`processes=0`), N local processes, or on a Dask scheduler."""

    processes: int = 1
    scheduler: str | None = None
    chunk_size: int = 16


@dataclass
class RunSummary:
    """What a run did: an outcome per article, and each failure with its reason."""

    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.near_duplicates + len(self.failures)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if outcome.kind is OutcomeKind.STORED:
            self.stored += 1
        elif outcome.kind is OutcomeKind.DUPLICATE:
            self.duplicates += 1
        elif outcome.kind is OutcomeKind.NEAR_DUPLICATE:
            self.near_duplicates += 1

    def line(self) -> str:
        return (f"{self.stored} stored, {self.duplicates} skipped as duplicate, {self.near_duplicates} merged as "
                f"near-duplicate, {len(self.failures)} failed")


def _settings_dict(settings: Settings) -> dict[str, Any]:
    data = asdict(settings)
    data["data_dir"] = str(settings.data_dir) if settings.data_dir else None
    return data


def _settings(data: dict[str, Any]) -> Settings:
    return Settings(**{**data, "data_dir": Path(data["data_dir"]) if data.get("data_dir") else None})


def extract_chunk(articles: list[Article], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Worker side: records (as plain dictionaries) or failures for a chunk of articles, in order."""
    out: list[dict[str, Any]] = []
    for item in extract_many(articles, _settings(settings)):
        if isinstance(item, InputFailure):
            out.append({"failure": {"origin": item.origin, "message": item.message}})
        else:
            out.append({"record": item.to_dict()})
    return out


def _warm(settings: dict[str, Any], parent: int | None = None) -> None:
    """Process-pool initializer: watch the run that started this worker (`parent`: its process id, known before
    this worker was spawned, which may have died since), then load the pipeline once per worker process."""
    from .stages.pipeline import load_nlp

    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), name="orphan-watch", daemon=True).start()
    load_nlp(_settings(settings))


def _exit_with_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone (killed with SIGKILL, say: then nothing
    else would stop the worker, and the resource tracker waits for the workers). An orphan is adopted by
    another process, so its parent id changes."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_POLL)
    os._exit(1)


class Runner(Protocol):
    def submit(self, chunk: list[Article]) -> Any: ...

    def close(self) -> None: ...


class _Done:
    """A finished result, for the in-process runner."""

    def __init__(self, value: list[dict[str, Any]]) -> None:
        self.value = value

    def result(self) -> list[dict[str, Any]]:
        return self.value


class _InProcess:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def submit(self, chunk: list[Article]) -> _Done:
        return _Done(extract_chunk(chunk, self.settings))

    def close(self) -> None:
        pass


class _Local:
    def __init__(self, processes: int, settings: dict[str, Any]) -> None:
        import multiprocessing

        # spawn, not fork: a forked child would inherit the writer's open database connections, and SQLite must
        # never see a connection closed in a process that did not open it
        context = multiprocessing.get_context("spawn")
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one BLAS thread per worker: N workers on N cores, not N²
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_warm,
                                        initargs=(settings, os.getpid()))
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


def _runner(job: Job, settings: dict[str, Any]) -> Runner:
    if job.processes < 0 or job.chunk_size < 1:
        raise ConfigError("--processes must be at least 1 and --chunk-size at least 1")
    if job.scheduler:
        return _Dask(job.scheduler, settings)
    return _InProcess(settings) if job.processes == 0 else _Local(job.processes, settings)


class _Tally:
    """A run's summary kept up to date: failures stored as they come, progress reported."""

    def __init__(self, store: Store, progress: Callable[[RunSummary], None] | None) -> None:
        self.store = store
        self.progress = progress
        self.summary = RunSummary()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.summary)

    def fail(self, item: InputFailure) -> None:
        self.summary.failures.append(item)
        self.store.add_failure(item.origin, item.message)
        self.tick()

    def outcome(self, outcome: Outcome) -> None:
        self.summary.add(outcome)
        self.tick()


def _usable(item: Article | InputFailure, max_chars: int) -> Article | InputFailure:
    """The article, or its failure when its text is one extraction refuses (binary, empty, too long, not
    English): checked before the store is asked, so such a text is never taken for a near-duplicate."""
    if isinstance(item, InputFailure):
        return item
    try:
        check_text(item.text, item.origin, max_chars)
    except InputError as err:
        return InputFailure(item.origin, str(err).removeprefix(f"{item.origin}: "))
    return item


def _chunks(items: Iterable[Article | InputFailure], store: Store, tally: _Tally, size: int, max_chars: int
            ) -> Iterator[list[Article]]:
    """Chunks of the articles the store lacks; failures and known articles are tallied on the way."""
    chunk: list[Article] = []
    for item in items:
        item = _usable(item, max_chars)
        if isinstance(item, InputFailure):
            tally.fail(item)
            continue
        known = store.known(item.document())
        if known is not None:
            tally.outcome(known)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _save(results: list[dict[str, Any]], store: Store, tally: _Tally,
          on_record: Callable[[Record], None] | None) -> None:
    records: list[Record] = []
    for result in results:
        if "failure" in result:
            tally.fail(InputFailure(result["failure"]["origin"], result["failure"]["message"]))
            continue
        record = Record.from_dict(result["record"])
        if on_record is not None:
            on_record(record)
        records.append(record)
    for outcome in store.save(records):
        tally.outcome(outcome)


def run_batch(inputs: Iterable[Article | InputFailure], store: Store, settings: Settings, job: Job,
              progress: Callable[[RunSummary], None] | None = None,
              on_record: Callable[[Record], None] | None = None) -> RunSummary:
    """Extract and store `inputs` with `job`'s runner; returns what was stored, skipped and failed."""
    tally = _Tally(store, progress)
    runner = _runner(job, _settings_dict(settings))
    limit = IN_FLIGHT_PER_WORKER * max(job.processes, 2 if job.scheduler else 1)
    flight: deque[Any] = deque()
    try:
        for chunk in _chunks(inputs, store, tally, job.chunk_size, settings.max_chars):
            flight.append(runner.submit(chunk))
            if len(flight) >= limit:
                _save(flight.popleft().result(), store, tally, on_record)
        while flight:
            _save(flight.popleft().result(), store, tally, on_record)
    finally:
        runner.close()
    refresh_commitments(store)  # thread the commitments the new articles touched once, not at the next query
    return tally.summary


def ingest(inputs: Iterable[Article | InputFailure], store: Store, settings: Settings | None = None,
           progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """`run_batch` in this process, one article per transaction: what `communique ingest` and the API do."""
    return run_batch(inputs, store, settings or Settings.from_env(), Job(processes=0, chunk_size=1), progress)

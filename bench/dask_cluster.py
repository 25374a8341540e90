"""Dask: the sample through a local Dask cluster (a real `dask scheduler` and two `dask worker` processes
started here on 127.0.0.1) against the plain local run with two processes: identical records, and the
throughput ratio.

    python bench/dask_cluster.py [--articles 300]
"""
from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from common import machine, sample, words, write_sample
from sqlalchemy import select

from communique.batch import Job, run_batch
from communique.inputs import read_inputs
from communique.settings import Settings
from communique.store import open_store
from communique.store.export import export
from communique.store.schema import document_actors, documents
from communique.tools.dask_cluster import local_cluster


def dump(url: str) -> tuple[object, ...]:
    store = open_store(url)
    parts = []
    for what in ("events", "statements"):
        buf = io.StringIO()
        export(store, "jsonl", buf, what=what)
        parts.append(buf.getvalue())
    with store.engine.connect() as conn:
        parts.append(conn.execute(select(documents.c.id, documents.c.text).order_by(documents.c.id)).all())
        parts.append(conn.execute(select(document_actors).order_by(document_actors.c.document_id,
                                                                   document_actors.c.local_id)).all())
    store.close()
    return tuple(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args()
    n = words([r["text"] for r in sample(args.articles)])
    settings = Settings.from_env()
    print(f"{machine()}\n{args.articles} articles, {n:,} words")
    with local_cluster(2, warm=True) as address, tempfile.TemporaryDirectory() as tmp:
        corpus = write_sample(args.articles, Path(tmp) / "sample.jsonl")
        speed = {}
        for name, job in (("local, 2 processes", Job(processes=2, chunk_size=8)),
                          ("Dask, 2 workers", Job(scheduler=address, chunk_size=8))):
            url = str(Path(tmp) / f"{name.split(',')[0]}.db")
            store = open_store(url)
            t = time.perf_counter()
            run_batch(read_inputs([str(corpus)]), store, settings, job)
            speed[name] = n / (time.perf_counter() - t)
            store.close()
            print(f"{name:<20} {speed[name]:8,.0f} words/s")
        same = dump(str(Path(tmp) / "local.db")) == dump(str(Path(tmp) / "Dask.db"))
        print(f"records identical: {same}")
        print(f"Dask / local = {speed['Dask, 2 workers'] / speed['local, 2 processes']:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput: words per second of the bare spaCy pipeline, of `extract` in-process, and of `batch` with one
and two worker processes into SQLite, on the same sample, in one run.

    python bench/throughput.py [--articles 300]

Ratios: b/a (our stages' cost over the parse; target at least 0.80), c/a, and 2 processes over 1 (target 1.6).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import machine, sample, words, write_sample

from communique.batch import Job, run_batch
from communique.extraction import extract_many
from communique.inputs import read_inputs
from communique.records import Article
from communique.settings import DEFAULT_MODELS, Settings
from communique.stages.pipeline import load_nlp
from communique.store import open_store


def bare_pipeline():  # type: ignore[no-untyped-def]
    import spacy

    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=["senter"])
        except OSError:
            continue
    raise SystemExit("no spaCy model installed")


def main() -> int:  # run as a script: worker processes are spawned
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args()
    rows = sample(args.articles)
    texts = [r["text"] for r in rows]
    n = words(texts)
    settings = Settings.from_env()
    print(f"{machine()}\n{len(texts)} articles, {n:,} words (corpus/kremlin)")

    # the batch runs first, while this process has loaded nothing big: its workers have the cores to themselves
    c: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_sample(args.articles, Path(tmp) / "sample.jsonl")
        for procs in (1, 2):
            store = open_store(str(Path(tmp) / f"batch{procs}.db"))
            t = time.perf_counter()
            summary = run_batch(read_inputs([str(corpus)]), store, settings, Job(processes=procs, chunk_size=16))
            c[procs] = n / (time.perf_counter() - t)
            store.close()
            print(f"(c) communique batch, {procs} process{'es' if procs > 1 else '  '} → SQLite: {c[procs]:8,.0f} "
                  f"words/s   ({summary.stored} stored)")
    nlp = bare_pipeline()
    list(nlp.pipe(texts[:5]))
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    a = n / (time.perf_counter() - t)
    print(f"(a) bare spaCy nlp.pipe:               {a:8,.0f} words/s")
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=2):
        pass
    a2 = n / (time.perf_counter() - t)
    print(f"    bare spaCy nlp.pipe, n_process=2:   {a2:8,.0f} words/s   (the machine's own 2/1 = {a2 / a:.2f})")

    load_nlp(settings)
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    t = time.perf_counter()
    for _ in extract_many(articles, settings):
        pass
    b = n / (time.perf_counter() - t)
    print(f"(b) communique extract, in-process:    {b:8,.0f} words/s   b/a = {b / a:.2f}  (target ≥ 0.80)")
    for procs in (1, 2):
        print(f"(c) communique batch, {procs} process{'es' if procs > 1 else '  '} → SQLite: c/a = {c[procs] / a:.2f}")

    print(f"2 processes / 1 process = {c[2] / c[1]:.2f}  (target ≥ 1.6)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

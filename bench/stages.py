"""Stages: time spent in each pipeline component (spaCy's and ours) over the corpus sample, in one run.

    python bench/stages.py [--articles 200]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict

from common import machine, sample, words

from communique.extraction import _make_doc
from communique.records import Article
from communique.settings import Settings
from communique.stages.pipeline import load_nlp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    rows = sample(args.articles)
    nlp = load_nlp(Settings.from_env())
    docs = [_make_doc(nlp, Article(id=r["id"], text=r["text"])) for r in rows]
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t
    total = sum(spent.values())
    ours = sum(v for k, v in spent.items() if k.startswith("communique"))
    print(f"{machine()}\n{len(docs)} articles, {words([r['text'] for r in rows]):,} words, one doc at a time")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:<24} {secs:7.2f} s  {100 * secs / total:5.1f}%")
    print(f"our stages: {100 * ours / total:.1f}% of the pipeline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

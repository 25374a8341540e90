"""Store benchmark: insert N synthetic records, then time each query command's query.

    python bench/store.py [--records 100000] [--db PATH_OR_URL] [--repeat 15]

Prints the insert rate (articles per second, in transactions of --chunk articles as `communique batch` writes,
duplicate checks included) and the
median latency of every query the CLI's query commands run, against the target of 50 ms. Records are made up
(random words, 6 actors, 3 statements and 3 events each) so that only the store is measured, not spaCy.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from communique.records import (
    Actor,
    Document,
    Event,
    Record,
    Sentence,
    Span,
    Statement,
)
from communique.store import open_store
from communique.store.queries import (
    EventFilter,
    StatementFilter,
    actor_profile,
    actors_named,
    count_by,
    find_actors,
    find_events,
    find_statements,
    search,
)

WORDS = ["border", "talks", "ministers", "agreed", "accord", "ports", "fishing", "quotas", "river", "drought", "grain", "rail", "bridge", "tariff", "envoy", "summit", "harbour", "coast", "patrol", "pipeline", "election", "ballot", "court", "judge", "police", "army", "navy", "protest", "farmers", "workers", "union", "strike", "water", "power", "cable", "satellite", "refugees", "camp", "aid", "loan", "budget", "treaty", "sanctions", "ceasefire"]
COUNTRIES = [("France", "FRA"), ("Germany", "DEU"), ("Italy", "ITA"), ("Spain", "ESP"), ("Poland", "POL"),
             ("Japan", "JPN"), ("Kenya", "KEN"), ("Chile", "CHL"), ("Egypt", "EGY"), ("Canada", "CAN")]
TYPES = [("CONSULT", "040", 1), ("ACCUSE", "112", 3), ("AGREE", "030", 1), ("THREATEN", "130", 3),
         ("ASSAULT", "190", 4), ("AID", "070", 2)]
MODALITIES = ["asserted"] * 6 + ["expected", "conditional", "denied", "hypothetical"]
PEOPLE = [f"{f} {l}" for f in ("Ana", "Jon", "Mia", "Leo", "Eva", "Max", "Ida", "Tom") for l in
          ("Berg", "Costa", "Dahl", "Eklund", "Ferro", "Gallo", "Hale", "Ito", "Jensen", "Kato")]


def synthetic_record(i: int, rng: random.Random) -> Record:
    words = [rng.choice(WORDS) for _ in range(120)] + [f"w{i}", f"x{rng.getrandbits(40)}"]
    sents = [" ".join(words[k:k + 20]).capitalize() + "." for k in range(0, len(words), 20)]
    text = "\n".join(sents)
    spans, pos = [], 0
    for s in sents:
        spans.append(Sentence(pos, pos + len(s)))
        pos += len(s) + 1
    day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    actors = []
    for k, (name, code) in enumerate(rng.sample(COUNTRIES, 3)):
        actors.append(Actor(f"a{k + 1}", name, "country", code, None, code, None, (), (Span(0, 3, text[0:3]),)))
    for k, person in enumerate(rng.sample(PEOPLE, 3)):
        country = rng.choice(COUNTRIES)[1]
        actors.append(Actor(f"a{k + 4}", person, "person", country, "GOV", f"{country}GOV", "Foreign Minister", (),
                            (Span(4, 7, text[4:7]),)))
    statements = tuple(
        Statement(f"s{k + 1}", "indirect", f"a{rng.randint(4, 6)}", None,
                  rng.choice(["named", "named", "anonymous"]), Span(0, 4, text[0:4]),
                  Span(spans[k].start, spans[k].end, text[spans[k].start:spans[k].end]), day) for k in range(3))
    events = tuple(
        Event(f"e{k + 1}", *TYPES[(i + k) % len(TYPES)], (f"a{rng.randint(1, 6)}",), (f"a{rng.randint(1, 3)}",),
              Span(spans[k].start, spans[k].start + 5, text[spans[k].start:spans[k].start + 5]), k,
              day, None, rng.choice(MODALITIES), None, f"s{k + 1}") for k in range(3))
    doc = Document(f"bench-{i:07d}", text, f"Report {i}", day, "Bench Wire", f"https://bench.example/{i}")
    record = Record(doc, tuple(spans), tuple(actors), (), statements, events)
    return record


QUERIES: list[tuple[str, Callable[[Any], Any]]] = [
    ("events --actor Berg", lambda s: find_events(s, EventFilter(actor="Berg", limit=50))),
    ("events --source France --type ACCUSE", lambda s: find_events(s, EventFilter(source="France", type="ACCUSE",
                                                                                  limit=50))),
    ("events --target Japan", lambda s: find_events(s, EventFilter(target="Japan", limit=50))),
    ("events --modality conditional --since 2025-06", lambda s: find_events(s, EventFilter(
        modality="conditional", since="2025-06", limit=50))),
    ("events --since 2025-03-01 --until 2025-03-31", lambda s: find_events(s, EventFilter(
        since="2025-03-01", until="2025-03-31", limit=50))),
    ("statements --speaker Costa", lambda s: find_statements(s, StatementFilter(speaker="Costa", limit=50))),
    ("statements --source-type anonymous", lambda s: find_statements(s, StatementFilter(source_type="anonymous",
                                                                                        limit=50))),
    ("statements --about 'pipeline drought'", lambda s: find_statements(s, StatementFilter(
        about="pipeline drought", limit=50))),
    ("actors --country FRA", lambda s: find_actors(s, country="FRA", limit=50)),
    ("actor 'Mia Dahl'", lambda s: actor_profile(s, actors_named(s, "Mia Dahl")[0]["id"])),
    ("search ceasefire pipeline", lambda s: search(s, "ceasefire pipeline", limit=50)),
]
# Counting reads every matching event: its target is 200 ms.
COUNTS: list[tuple[str, Callable[[Any], Any]]] = [
    ("counts --by source_country,target_country,month --modality asserted", lambda s: count_by(
        s, EventFilter(modality="asserted"), ["source_country", "target_country", "month"])),
    ("counts --by quad,week", lambda s: count_by(s, EventFilter(), ["quad", "week"])),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--db", help="database (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--chunk", type=int, default=16, help="articles per transaction (1 = as `ingest` writes)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or str(Path(tmp.name) / "bench.db")
    store = open_store(url)
    rng = random.Random(1)
    started = time.perf_counter()
    chunk: list[Any] = []
    for i in range(args.records):
        chunk.append(synthetic_record(i, rng))
        if len(chunk) == args.chunk or i + 1 == args.records:
            store.save(chunk)  # one transaction per chunk, as `communique batch` writes
            chunk = []
        if (i + 1) % 10_000 == 0:
            print(f"  {i + 1:,} stored, {(i + 1) / (time.perf_counter() - started):,.0f}/s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"store: {store.describe()}  ({store.dialect})")
    print(f"inserted {args.records:,} records in {elapsed:,.1f} s: {args.records / elapsed:,.0f} articles/s "
          f"({args.chunk} per transaction, duplicate checks included)")
    worst = 0.0
    for queries, target in ((QUERIES, 50), (COUNTS, 200)):
        print(f"{'query':<70} {'median ms':>10} {'rows':>6}  target {target} ms")
        for label, run in queries:
            times = []
            rows: Any = None
            for _ in range(args.repeat):
                t = time.perf_counter()
                rows = run(store)
                times.append((time.perf_counter() - t) * 1000)
            med = statistics.median(times)
            worst = max(worst, med) if target == 50 else worst
            n = len(rows) if isinstance(rows, list) else (1 if rows else 0)
            print(f"{label:<70} {med:>10.1f} {n:>6}  {'ok' if med < target else 'SLOW'}")
    print(f"slowest median of the 50 ms queries {worst:.1f} ms")
    from communique.store import commitments as held  # threaded per thread key and kept, refreshed after writes

    with store.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM commitment_mentions")).scalar_one()
    t = time.perf_counter()
    keys = held.refresh(store)  # what an ingest does last (and the first query after writes, when it did not)
    print(f"commitments: {n:,} stored mentions; threading {keys:,} thread keys once took "
          f"{(time.perf_counter() - t) * 1000:.0f} ms; queries then read kept commitments")
    for label, f in (("commitments --to Norway --kind financial_aid", held.CommitmentFilter(to="Norway",
                                                                                             kind="financial_aid")),
                     ("commitments --holder France", held.CommitmentFilter(holder="France")),
                     ("commitments --kind sanctions", held.CommitmentFilter(kind="sanctions")),
                     ("commitments (all, first page)", held.CommitmentFilter())):
        t = time.perf_counter()
        total, _ = held.find_commitments(store, f)
        cold = (time.perf_counter() - t) * 1000
        warm = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            held.find_commitments(store, f)
            warm.append((time.perf_counter() - t) * 1000)
        print(f"{label:<70} {cold:>10.1f} ms cold, {statistics.median(warm):.1f} ms after  ({total:,} commitments)")
    store.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load: reads per second with 32 concurrent clients against a real server while another process ingests.

    python bench/load.py [--clients 32] [--seconds 60] [--synthetic 300] [--db postgresql://…]

Stores examples/articles.jsonl and a few hundred synthetic records, starts `communique serve` (uvicorn) in a
subprocess on 127.0.0.1, starts `communique ingest` of fresh articles in another subprocess, and has N threads
(one httpx client each) read the API's list, detail, filter and search routes in a loop. Prints reads/s,
latency, errors (exceptions: refused or dropped connections, timeouts) and 5xx answers, in one run.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from common import ROOT, machine
from store import synthetic_record

from communique.batch import ingest
from communique.inputs import Defaults, read_inputs
from communique.store import open_store

ROUTES = ("/api/articles", "/api/articles/summit-helsinki", "/api/events?actor=Berg", "/api/events?type=ACCUSE",
          "/api/statements?speaker=Costa", "/api/statements?source_type=anonymous", "/api/actors",
          "/api/actors?country=FRA", "/api/search?q=ceasefire", "/api/graph?since=2025-06", "/api/codebook")
PLACES = ("Oslo", "Lima", "Accra", "Hanoi", "Quito", "Riga", "Tunis", "Manila", "Dakar", "Bern")
PARTIES = ("Norway", "Peru", "Ghana", "Vietnam", "Ecuador", "Latvia", "Tunisia", "Chile", "Senegal", "Kenya")


def _prepare(db: str, synthetic: int) -> None:
    store = open_store(db)
    try:
        ingest(read_inputs([str(ROOT / "examples" / "articles.jsonl")], Defaults()), store)
        rng = random.Random(7)
        records = [synthetic_record(i, rng) for i in range(synthetic)]
        for k in range(0, len(records), 16):
            store.save(records[k:k + 16])
    finally:
        store.close()


def _fresh_articles(path: Path, n: int) -> None:
    """Articles for the concurrent ingest, each different (none is a duplicate of another)."""
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b = rng.sample(PARTIES, 2)
            text = (f"{a} and {b} signed agreement number {i} on water rights in {rng.choice(PLACES)} on Tuesday, "
                    f"officials said. The deal covers {rng.randint(2, 90)} rivers and {rng.randint(3, 400)} dams. "
                    f"“This is a fair settlement,” the {a} delegation said. Talks on item {i * 13} continue.")
            f.write(json.dumps({"id": f"load-{i}", "text": text, "published": "2025-07-01"}) + "\n")


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", db, "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("load: the server did not start") from None
            time.sleep(0.2)


def _reader(base: str, stop: threading.Event, out: list[tuple[int, float]], errors: Counter[str]) -> None:
    import httpx

    rng = random.Random(threading.get_ident())
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.is_set():
            route = rng.choice(ROUTES)
            start = time.perf_counter()
            try:
                status = client.get(route).status_code
            except httpx.HTTPError as err:
                errors[type(err).__name__] += 1
                continue
            out.append((status, time.perf_counter() - start))


def _measure(base: str, clients: int, seconds: float) -> tuple[list[tuple[int, float]], Counter[str], float]:
    stop = threading.Event()
    results: list[tuple[int, float]] = []
    errors: Counter[str] = Counter()
    threads = [threading.Thread(target=_reader, args=(base, stop, results, errors)) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return results, errors, time.perf_counter() - start


def _report(label: str, results: list[tuple[int, float]], errors: Counter[str], elapsed: float) -> str:
    statuses = Counter(status for status, _ in results)
    times = sorted(t for _, t in results) or [0.0]
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    fivexx = sum(n for s, n in statuses.items() if s >= 500)
    return (f"| {label} | {len(results) / elapsed:,.0f} | {statistics.median(times) * 1000:,.0f} | "
            f"{p95 * 1000:,.0f} | {sum(errors.values())} | {fivexx} | {dict(sorted(statuses.items()))} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--synthetic", type=int, default=300, help="synthetic records stored besides the examples")
    ap.add_argument("--ingest", type=int, default=1500, help="articles the concurrent ingest stores")
    ap.add_argument("--db", help="a PostgreSQL URL (default: a SQLite file in a temporary folder)")
    args = ap.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "load.db")
        _prepare(db, args.synthetic)
        fresh = Path(folder) / "fresh.jsonl"
        _fresh_articles(fresh, args.ingest)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = _serve(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            quiet = _measure(base, args.clients, args.seconds / 2)
            writer = subprocess.Popen([sys.executable, "-m", "communique", "ingest", str(fresh), "--db", db],
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      env={**os.environ, "OMP_NUM_THREADS": "1"})
            busy = _measure(base, args.clients, args.seconds)
            ingesting = writer.poll() is None
            writer.kill()
            writer.wait()
            log = writer.stderr.read().decode(errors="replace") if writer.stderr else ""
        finally:
            server.terminate()
            server.wait(30)
        print("| run | reads/s | median ms | p95 ms | errors | 5xx | statuses |")
        print("|---|---:|---:|---:|---:|---:|---|")
        print(_report(f"{args.clients} readers, no writer", *quiet))
        print(_report(f"{args.clients} readers, `ingest` writing", *busy))
        print(f"the ingest was still writing at the end: {ingesting}; its errors: "
              f"{[line for line in log.splitlines() if 'locked' in line or 'Traceback' in line][:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

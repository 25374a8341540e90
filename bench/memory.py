"""Memory: peak resident memory of `communique batch` (the writer and its workers together) on a small and a
ten times larger part of the corpus; flat memory means the two are close (target: within 15%).

    python bench/memory.py [--small 500] [--large 5000] [--processes 2]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from common import machine, write_sample

BIN = Path(sys.executable).parent


def peak_rss(cmd: list[str]) -> tuple[int, float]:
    """Peak summed RSS (bytes) of a command and its children, polled every 0.1 s; and its run time."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    top = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [top, *top.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return peak, time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=500)
    ap.add_argument("--large", type=int, default=5000)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    print(machine())
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.large):
            corpus = write_sample(n, Path(tmp) / f"s{n}.jsonl")
            cmd = [str(BIN / "communique"), "batch", str(corpus), "--db", str(Path(tmp) / f"m{n}.db"),
                   "--processes", str(args.processes)]
            peaks[n], secs = peak_rss(cmd)
            print(f"{n:>6} articles: peak RSS {peaks[n] / 2**20:,.0f} MiB  ({secs:,.0f} s)")
    ratio = peaks[args.large] / peaks[args.small]
    print(f"large / small = {ratio:.2f}  (target ≤ 1.15)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A real Dask cluster on this machine (a `dask scheduler` and worker processes on 127.0.0.1), for trying
`communique batch --scheduler` without a cluster of one's own, for the batch tests and for bench/."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["local_cluster"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_scheduler(address: str, seconds: float) -> None:
    from distributed import Client

    deadline = time.monotonic() + seconds
    while True:
        try:
            Client(address, timeout=2).close()  # type: ignore[no-untyped-call]
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@contextmanager
def local_cluster(workers: int = 2, warm: bool = False) -> Iterator[str]:
    """Start a scheduler and `workers` single-threaded workers (one BLAS thread each); yield the scheduler's
    address; stop them all on exit. With `warm`, every worker loads the pipeline before the address is given."""
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0"], **quiet)]  # type: ignore[call-overload]
    try:
        _wait_for_scheduler(address, 60)
        env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        for _ in range(workers):
            procs.append(subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host",
                                           "127.0.0.1", "--dashboard-address", ":0", "--memory-limit", "0"],
                                          env=env, **quiet))  # type: ignore[call-overload]
        with Client(address, timeout=30) as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(workers, timeout=90)
            if warm:
                client.run(lambda: __import__("communique.pipeline").pipeline.load_nlp())
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait(timeout=30)

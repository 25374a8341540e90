"""Batch: local processes and a real Dask cluster (scheduler and two workers on 127.0.0.1) store the same
records; a stopped batch resumes; bad lines in a corpus are recorded and skipped."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from synthetic import synthetic_articles

from communique.batch import Job, RunSummary, run_batch
from communique.inputs import read_inputs
from communique.settings import Settings
from communique.store import open_store
from communique.store.export import export
from communique.store.schema import document_actors, documents, mentions
from communique.tools.dask_cluster import local_cluster

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real Dask scheduler and two single-threaded workers, started as processes on 127.0.0.1."""
    pytest.importorskip("distributed", reason="Dask's distributed package is not installed: pip install .[cluster]")
    with local_cluster(2) as address:
        yield address


def _dump(url: str) -> dict[str, object]:
    """Everything the store holds about the records, minus timings."""
    store = open_store(url)
    out: dict[str, object] = {}
    for fmt, what in (("jsonl", "events"), ("jsonl", "statements")):
        buf = io.StringIO()
        export(store, fmt, buf, what=what)
        out[what] = buf.getvalue()
    with store.engine.connect() as conn:
        out["documents"] = conn.execute(select(documents.c.id, documents.c.text, documents.c.published)
                                        .order_by(documents.c.id)).all()
        out["actors"] = conn.execute(select(document_actors).order_by(document_actors.c.document_id,
                                                                      document_actors.c.local_id)).all()
        out["mentions"] = conn.execute(select(mentions.c.document_id, mentions.c.start_char, mentions.c.end_char,
                                              mentions.c.text).order_by(mentions.c.document_id,
                                                                        mentions.c.start_char)).all()
    store.close()
    return out


def test_dask_cluster_stores_the_same_records_as_the_local_run(cluster: str, root: Path, tmp_path: Path) -> None:
    examples = str(root / "examples" / "articles.jsonl")
    local, remote = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    done = subprocess.run([str(BIN / "communique"), "batch", examples, "--db", remote, "--scheduler", cluster,
                           "--chunk-size", "2"], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "5 stored" in done.stdout
    store = open_store(local)
    summary = run_batch(read_inputs([examples]), store, Settings.from_env(), Job(processes=1, chunk_size=2))
    store.close()
    assert summary.stored == 5
    a, b = _dump(local), _dump(remote)
    assert a["events"] and a["statements"] and a == b


def test_a_stopped_batch_resumes_without_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in synthetic_articles(24)), encoding="utf-8")
    url = str(tmp_path / "resume.db")

    def stop_early(summary: RunSummary) -> None:
        if summary.stored >= 8:
            raise KeyboardInterrupt

    store = open_store(url)
    with pytest.raises(KeyboardInterrupt):
        run_batch(read_inputs([str(corpus)]), store, Settings.from_env(), Job(processes=2, chunk_size=4), stop_early)
    first = store.counts()["documents"]
    assert 8 <= first < 24
    again = run_batch(read_inputs([str(corpus)]), store, Settings.from_env(), Job(processes=2, chunk_size=4))
    assert (again.stored, again.duplicates) == (24 - first, first)
    assert store.counts()["documents"] == 24
    store.close()


def test_bad_lines_in_a_corpus_are_recorded_and_skipped(tmp_path: Path) -> None:
    good = synthetic_articles(6, seed=3)
    lines = [json.dumps(good[0]), "{broken", json.dumps(good[1]), json.dumps({"id": "e", "text": "   "}),
             *[json.dumps(a) for a in good[2:]], "[1, 2]"]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "mixed.db"))
    summary = run_batch(read_inputs([str(corpus)]), store, Settings.from_env(), Job(processes=2, chunk_size=3))
    assert summary.stored == 6
    assert sorted(f.origin for f in summary.failures) == [f"{corpus}:2", f"{corpus}:4", f"{corpus}:9"]
    assert store.counts()["failures"] == 3
    store.close()

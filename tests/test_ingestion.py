"""Ingest for real: a run killed with SIGKILL mid-way leaves only whole articles, and running it again finishes
the job without duplicating anything. Also the command line of the store."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import distinct, func, select
from sqlalchemy.exc import SQLAlchemyError
from synthetic import synthetic_articles

from communique.cli import main
from communique.store import open_store
from communique.store.queries import list_failures
from communique.store.schema import document_actors, documents, sentences, sightings

ARTICLES = 60


def _stored(url: str) -> int:
    store = open_store(url, migrate=False)
    try:
        with store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
    except SQLAlchemyError:
        return 0  # not created yet
    finally:
        store.close()  # every poll gives its connection back (PostgreSQL has a connection limit)


def _ingest(path: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "2"}
    return subprocess.Popen([sys.executable, "-m", "communique.cli", "ingest", str(path), "--db", url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_ingest_leaves_whole_articles_and_resumes(store_url: str, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in synthetic_articles(ARTICLES)), encoding="utf-8")
    proc = _ingest(path, store_url)
    deadline = time.monotonic() + 300
    while _stored(store_url) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(store_url)
    assert 4 <= partial < ARTICLES, "the run ended before it could be killed: make the corpus bigger"
    store = open_store(store_url)
    with store.engine.connect() as conn:  # every stored article is whole
        with_sentences = conn.execute(select(func.count(distinct(sentences.c.document_id)))).scalar_one()
        with_actors = conn.execute(select(func.count(distinct(document_actors.c.document_id)))).scalar_one()
    store.close()
    assert with_sentences == with_actors == partial

    proc = _ingest(path, store_url)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert f"{ARTICLES - partial} stored, {partial} skipped as duplicate" in out
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == ARTICLES
        assert conn.execute(select(func.count()).select_from(sightings)).scalar_one() == ARTICLES
    store.close()


def test_ingest_command_skips_what_the_store_holds(loaded_store_url: str, root: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(root / "examples" / "articles.jsonl"), "--db", loaded_store_url]) == 0
    assert "0 stored, 5 skipped as duplicate" in capsys.readouterr().out


def test_query_commands(loaded_store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = loaded_store_url
    assert main(["events", "--db", db, "--type", "ACCUSE", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["type"] == "ACCUSE" and r["sentence"] and r["title"] for r in rows)
    assert main(["statements", "--db", db, "--source-type", "anonymous"]) == 0
    out = capsys.readouterr().out
    assert "(anonymous)" in out and "“" in out  # the evidence line
    assert main(["actors", "--db", db, "--country", "TUR", "--format", "csv"]) == 0
    assert "Hakan Fidan" in capsys.readouterr().out
    assert main(["actor", "Fidan", "--db", db]) == 0
    assert "Foreign Minister" in capsys.readouterr().out
    assert main(["search", "frigate", "--db", db]) == 0
    assert "[frigate]" in capsys.readouterr().out.lower()
    assert main(["export", "--db", db, "--format", "polecat"]) == 0
    assert capsys.readouterr().out.startswith("Event ID\tEvent Date")


def test_failures_command_lists_what_went_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(tmp_path / "f.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    assert main(["ingest", str(bad), "--db", url]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["failures", "--db", url]) == 0
    assert f"{bad}:1: not valid JSON" in capsys.readouterr().out


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: cannot open database") and "\n" not in err


def test_actor_command_shows_roles_latest_statements_and_events(loaded_store_url: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actor", "Hakan Fidan", "--db", loaded_store_url]) == 0
    out = capsys.readouterr().out
    assert "Foreign Minister" in out and "Latest statements" in out and "Latest events" in out
    assert "“" in out  # the evidence of each row
    assert main(["actor", "Hakan Fidan", "--db", loaded_store_url, "--limit", "1"]) == 0
    events = capsys.readouterr().out.split("Latest events")[1]
    assert sum(1 for line in events.splitlines() if line.startswith("  20")) == 1
    assert main(["actor", "Mark", "--db", loaded_store_url]) == 1  # two Marks: both named, none chosen
    out = capsys.readouterr().out
    assert "Mark Carney" in out and "Mark Rutte" in out and "Latest" not in out


def test_tables_have_a_header_agree_in_number_and_say_when_empty(loaded_store_url: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = loaded_store_url
    assert main(["actors", "--db", db, "--name", "Alexander Stubb"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    assert "NAME" in header and "KIND" in header and "COUNTRY" in header
    assert "1 article" in out and "1 articles" not in out and "1 actor" in out.splitlines()[-1]
    assert main(["actors", "--db", db, "--country", "TUR"]) == 0
    assert "2 articles" in capsys.readouterr().out
    for command in (["events", "--since", "2031"], ["statements", "--speaker", "Nobody Atall"],
                    ["actors", "--name", "Nobody Atall"], ["search", "zzzxqk"]):
        assert main([*command, "--db", db]) == 0
        assert capsys.readouterr().out.startswith(f"No {'results' if command[0] == 'search' else command[0]}.")
    for command in (["events"], ["statements"], ["search", "minister"]):
        assert main([*command, "--db", db, "--limit", "1"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split()[0] in {"DATE", "KIND"} and " of " in lines[-1], lines
    assert main(["failures", "--db", str(tmp_path / "fresh.db")]) == 0
    assert capsys.readouterr().out == "No failures.\n"


@pytest.mark.parametrize("about,expected", [("NATO", "alliance"), ("gubernatorial", "governor")])
def test_statements_about_matches_whole_words(store_url: str, about: str, expected: str,
                                              capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "words.jsonl"
    corpus.write_text(json.dumps({"id": "race", "published": "2025-03-03", "text": (
        "\"The gubernatorial race is over and the governor won,\" an aide to the governor said on Monday.")}) + "\n"
        + json.dumps({"id": "alliance", "published": "2025-03-04", "text": (
            "\"NATO is an alliance that will stand together,\" the Polish defence minister said on Tuesday.")})
        + "\n", encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", store_url]) == 0
    capsys.readouterr()
    assert main(["statements", "--db", store_url, "--about", about, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and expected in rows[0]["content_text"], rows


def test_files_of_other_kinds_in_a_folder_fail_once_each_and_count_in_the_total(tmp_path: Path) -> None:
    from communique.inputs import count_inputs

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "notes.md").write_text("# notes\n", "utf-8")
    (folder / "table.csv").write_text("a,b\n", "utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "story.txt").write_text("Chile accused Peru of spying on a naval base on Monday, officials in "
                                      "Santiago said.\n", "utf-8")
    assert count_inputs([str(folder)]) == 4  # the progress total counts what will fail too
    db = str(tmp_path / "mixed.db")
    for _ in range(2):  # a second run records nothing twice
        done = subprocess.run([sys.executable, "-m", "communique.cli", "ingest", str(folder), "--db", db],
                              capture_output=True, text=True, timeout=300, check=False)
        assert "unsupported input type '.md'" in done.stderr and "give one of" in done.stderr
    store = open_store(db)
    try:
        failures = list_failures(store, 50)
    finally:
        store.close()
    assert sorted(Path(f["origin"]).name for f in failures) == ["notes.md", "photo.png", "table.csv"]


def test_html_on_standard_input_is_read_as_a_page() -> None:
    page = ("<!DOCTYPE html><html><head><title>Port deal</title></head><body><article><p>Chile and Peru signed a "
            "port agreement in Lima on Monday, officials said. The deal covers fishing rights and ferry routes "
            "across the bay.</p></article></body></html>")
    done = subprocess.run([sys.executable, "-m", "communique.cli", "extract", "-", "--format", "json"], input=page,
                          capture_output=True, text=True, timeout=300, check=False)
    record = json.loads(done.stdout)
    record = record[0] if isinstance(record, list) else record
    assert record["document"]["title"] == "Port deal" and "<" not in record["document"]["text"]

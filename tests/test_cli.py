from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, input=stdin, check=False,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=600)


def test_extract_jsonl_writes_one_record_per_line() -> None:
    res = run("extract", "examples/articles.jsonl", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) >= 5 and all(r["schema"] == "communique.record/1" for r in lines)


def test_brief_shows_actors_dates_and_anonymous_share(tmp_path: Path) -> None:
    p = tmp_path / "call.txt"
    p.write_text("Leaders talk\n\nFrench President Emmanuel Macron spoke to Keir Starmer on Tuesday, "
                 "two officials said.\n", encoding="utf-8")
    res = run("extract", str(p), "--published", "2025-09-04", "--format", "brief")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert out.startswith("Leaders talk\n2025-09-04")
    assert "Emmanuel Macron" in out and "FRAGOV" in out
    assert "2025-09-02" in out and "Anonymous sources" in out


def test_standard_input_and_json_format() -> None:
    res = run("extract", "-", "--format", "json", "--published", "2025-09-04", stdin="Putin spoke on Monday.")
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert record["document"]["origin"] == "-" and record["dates"][0]["value"] == "2025-09-01"
    assert len(record["document"]["id"]) == 16 and record["document"]["id"] != "stdin"  # a hash of the text


def test_bad_inputs_fail_alone_and_set_the_exit_code(tmp_path: Path) -> None:
    empty, binary, good = tmp_path / "empty.txt", tmp_path / "bin.txt", tmp_path / "good.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 10)
    good.write_text("Lavrov met Rubio in Riyadh.", encoding="utf-8")
    res = run("extract", str(empty), str(binary), str(good), "--format", "jsonl")
    assert res.returncode == 1
    assert len(res.stdout.splitlines()) == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and "empty.txt" in errors[0] and "bin.txt" in errors[1]


def test_huge_input_is_refused_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The minister spoke. " * 1_000_000, encoding="utf-8")  # 20 MB
    res = run("extract", str(big), "--format", "jsonl")
    assert res.returncode == 1 and res.stdout == ""
    assert "big.txt" in res.stderr and "over the limit" in res.stderr


def test_missing_model_says_how_to_install() -> None:
    res = run("extract", "examples/articles.jsonl", "--model", "xx_no_such_model")
    assert res.returncode == 1
    assert res.stderr.strip().startswith("Error: spaCy model 'xx_no_such_model' is not installed")
    assert len(res.stderr.strip().splitlines()) == 1


def test_help_names_every_option() -> None:
    res = run("extract", "--help")
    for option in ("--published", "--title", "--format", "--model"):
        assert option in res.stdout


def test_extract_help_names_every_kind_of_input() -> None:
    res = run("extract", "--help")
    text = " ".join(res.stdout.split()).lower()
    for kind in (".txt", ".jsonl", ".html", "feed", "folder", "url", " - "):
        assert kind in text, kind


def test_a_malformed_jsonl_line_is_described_in_plain_words(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "a line with a raw\ttab in it"}\n{"text": "unclosed\n')
    res = run("extract", str(bad), "--format", "jsonl")
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and all("column" in e and "at at" not in e for e in errors), errors


def test_make_test_says_why_tests_skip_and_the_licence_is_an_spdx_string() -> None:
    import tomllib

    pytest_line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "-m pytest" in line)
    assert "-rs" in pytest_line.split()
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["license"] == "Apache-2.0"
    assert any(r.replace(" ", "").startswith("setuptools>=77") for r in meta["build-system"]["requires"])


def test_ingest_into_a_pipe_reports_progress_as_it_goes(tmp_path: Path, root: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from communique import cli

    monkeypatch.setattr(cli, "PLAIN_PROGRESS_EVERY", 0.0)  # a line at every article instead of every 5 s
    out, err = io.StringIO(), io.StringIO()
    args = cli.build_parser().parse_args(["ingest", str(root / "examples" / "articles.jsonl"), "--db",
                                          str(tmp_path / "p.db")])
    assert cli.run_ingest(args, out, err) == 0
    lines = [line for line in err.getvalue().splitlines() if line.startswith("…")]
    assert len(lines) >= 4 and "of 5 articles" in lines[-1] and "stored" in lines[-1]


def test_the_time_left_follows_the_runs_own_pace_and_keeps_growing_while_nothing_arrives() -> None:
    from communique.cli import eta

    assert eta(0, 100, 5.0) == "-" and eta(10, None, 5.0) == "-"
    assert eta(10, 100, 5.0) == "0:00:45"
    assert eta(10, 100, 20.0) == "0:03:00"  # no article for 15 s: the estimate grows, it does not sit still
    assert eta(100, 100, 20.0) == "0:00:00"


def test_counts_print_a_table_whose_rows_add_up(tmp_path: Path, loaded_store_copy) -> None:  # type: ignore[no-untyped-def]
    db = loaded_store_copy(tmp_path)
    table = run("counts", "--by", "source_country,target_country,month", "--modality", "asserted", "--db", db)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["SOURCE_COUNTRY", "TARGET_COUNTRY", "MONTH", "EVENTS"]
    listed = sum(int(line.split()[-1]) for line in lines[1:-1])
    as_json = json.loads(run("counts", "--by", "source_country,target_country,month", "--modality", "asserted",
                             "--db", db, "--format", "json").stdout)
    assert listed == sum(r["events"] for r in as_json) and lines[-1].startswith(f"{listed} event")
    bad = run("counts", "--by", "colour", "--db", db)
    assert bad.returncode != 0 and "group by some of" in bad.stderr

"""Golden files: records of our own example articles, reviewed like code (`pytest --regen-golden` rewrites them)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique import extract_many, read_inputs
from communique.records import Record

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
IDS = [json.loads(line)["id"] for line in (ROOT / "examples" / "articles.jsonl").read_text().splitlines() if line]


@pytest.fixture(scope="module")
def records(nlp, monkeypatch_module: pytest.MonkeyPatch) -> dict[str, Record]:
    monkeypatch_module.chdir(ROOT)  # a relative input path: the records' `origin` names no folder of this machine
    out = extract_many(read_inputs(["examples/articles.jsonl"]))
    return {r.document.id: r for r in out if isinstance(r, Record)}


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.mark.parametrize("article_id", IDS)
def test_example_matches_its_golden_record(records: dict[str, Record], article_id: str,
                                           request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"{article_id}.expected.json"
    got = records[article_id].to_dict()
    if request.config.getoption("--regen-golden"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"{path.name} is missing: run pytest --regen-golden and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    for part in ("actors", "dates", "statements", "events", "sentences", "document"):
        assert got[part] == expected[part], f"{article_id}: {part} changed (review, then --regen-golden)"

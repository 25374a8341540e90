"""The quality gate: run the team's scorer (../shared/eval/score.py) on our records and compare with floors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extraction import extract_many
from ..inputs import read_inputs
from ..records import InputFailure
from ..settings import Settings

__all__ = ["SUITES", "GateResult", "find_shared", "run_gate"]


def find_shared(project: Path) -> Path | None:
    """The team's shared folder: $COMMUNIQUE_SHARED, else ../shared beside the project."""
    env = os.environ.get("COMMUNIQUE_SHARED")
    candidate = Path(env) if env else project.parent / "shared"
    return candidate if (candidate / "eval" / "score.py").exists() else None


def _score(shared: Path, *args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), *args], check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def _scorer_input(shared: Path, out: Path, *args: str) -> Path:
    """Write the extractor input that `score.py input ...` prints to `out`."""
    out.write_text(subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "input", *args], check=True,
                                  capture_output=True, text=True).stdout, encoding="utf-8")
    return out


def _records(inputs: Path, out: Path, settings: Settings) -> None:
    with out.open("w", encoding="utf-8") as f:
        for item in extract_many(read_inputs([str(inputs)]), settings):
            if not isinstance(item, InputFailure):
                f.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")


def _suite_seed(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
    _records(shared / "seed" / "input.jsonl", tmp / "seed.out.jsonl", settings)
    got = _score(shared, "anchors", str(shared / "seed" / "000_6c34606b74a7706c.gold.json"), str(tmp / "seed.out.jsonl"))
    return {k: int(v.split("/")[0]) if isinstance(v, str) and "/" in v else v for k, v in got.items()}


def _timex(gold: str, articles: str) -> Callable[[Path, Path, Settings], dict[str, Any]]:
    def suite(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
        name = Path(gold).parent.name
        inputs = _scorer_input(shared, tmp / f"{name}.jsonl", "timex", str(shared / gold), str(shared / articles))
        _records(inputs, tmp / f"{name}.out.jsonl", settings)
        return _score(shared, "timex", str(shared / gold), str(tmp / f"{name}.out.jsonl"))

    return suite


def _suite_polnear(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
    root = shared / "gold" / "polnear" / "dev"
    inputs = _scorer_input(shared, tmp / "polnear.jsonl", "polnear", str(root))
    _records(inputs, tmp / "polnear.out.jsonl", settings)
    return _score(shared, "polnear", str(root), str(tmp / "polnear.out.jsonl"))


def _plover_gold(shared: Path, out: Path) -> Path:
    """A copy of the PLOVER gold records that `score.py plover` can read: one record (AGREE-0007) has the string
    "diplomatic" where a list of target actors belongs, which crashes the scorer; it becomes an empty list."""
    records = json.loads((shared / "gold" / "plover" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    for r in records:
        for key in ("source", "target"):
            if isinstance(r.get(key), str):
                r[key] = []
    out.write_text(json.dumps(records), encoding="utf-8")
    return out


def _suite_plover(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
    gold = _plover_gold(shared, tmp / "plover_gold.json")
    inputs = _scorer_input(shared, tmp / "plover.jsonl", "plover", str(gold))
    _records(inputs, tmp / "plover.out.jsonl", settings)
    return _score(shared, "plover", str(gold), str(tmp / "plover.out.jsonl"))


REALNEWS = Path(__file__).resolve().parents[2] / "eval" / "gold" / "realnews"


def realnews_gold(split: str, out: Path) -> Path:
    """Our own real-news gold (`eval/gold/realnews/<id>.gold.yaml`) for one split as the JSON `score.py anchors`
    reads; quads follow the codebook's PLOVER table whatever an annotator wrote."""
    import yaml

    from ..codebook import enumerations

    quads = {p["type"]: p["quad"] for p in enumerations()["plover"]}  # type: ignore[index]
    docs = []
    for line in (REALNEWS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        doc_id = json.loads(line)["id"]
        gold = yaml.safe_load((REALNEWS / f"{doc_id}.gold.yaml").read_text(encoding="utf-8"))
        for ev in gold.get("events") or []:
            ev["quad"] = quads[ev["type"]]
        docs.append(gold)
    out.write_text(json.dumps({"documents": docs}, ensure_ascii=False, default=str), encoding="utf-8")  # YAML dates
    return out


def _realnews(split: str) -> Callable[[Path, Path, Settings], dict[str, Any]]:
    def suite(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
        gold = realnews_gold(split, tmp / f"realnews-{split}.gold.json")
        _records(REALNEWS / f"{split}.jsonl", tmp / f"realnews-{split}.out.jsonl", settings)
        got = _score(shared, "anchors", str(gold), str(tmp / f"realnews-{split}.out.jsonl"))
        return {k: _ratio(v) for k, v in got.items()}

    return suite


def _commitments(split: str) -> Callable[[Path, Path, Settings], dict[str, Any]]:
    """Commitments against our own gold (`commitment_score.py`): no ../shared needed, but run with the rest."""
    def suite(shared: Path, tmp: Path, settings: Settings) -> dict[str, Any]:
        from ..records import Record
        from .commitment_score import score_commitments

        out = tmp / f"realnews-{split}.out.jsonl"
        if not out.exists():
            _records(REALNEWS / f"{split}.jsonl", out, settings)
        records = [Record.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
        return score_commitments(split, records)

    return suite


def _ratio(value: Any) -> Any:
    """"13/20" as 0.65; other figures as they are."""
    if isinstance(value, str) and "/" in value:
        found, total = value.split("/")
        return round(int(found) / int(total), 3) if int(total) else 0.0
    return value


SUITES: dict[str, Callable[[Path, Path, Settings], dict[str, Any]]] = {
    "realnews_dev": _realnews("dev"),
    "commitments_dev": _commitments("dev"),
    "plover": _suite_plover,
    "seed": _suite_seed,
    "meantime": _timex("gold/meantime/timex_gold.jsonl", "gold/meantime/articles.jsonl"),
    "gum": _timex("gold/gum/dates_gold.jsonl", "gold/gum/articles.jsonl"),
    "polnear": _suite_polnear,
}


@dataclass(frozen=True)
class GateResult:
    """One measured figure against its floor."""

    suite: str
    figure: str
    value: float
    floor: float

    @property
    def ok(self) -> bool:
        return self.value >= self.floor


def run_gate(shared: Path, floors: dict[str, dict[str, float]], settings: Settings | None = None
             ) -> list[GateResult]:
    """Measure every suite that has floors; one result per pinned figure."""
    settings = settings or Settings()
    results = []
    with tempfile.TemporaryDirectory() as tmpdir:
        for suite, pinned in floors.items():
            if suite.startswith("_"):
                continue
            measured = SUITES[suite](shared, Path(tmpdir), settings)
            results += [GateResult(suite, k, float(measured[k]), float(v)) for k, v in pinned.items()]
    return results


def main() -> int:
    """`python -m communique.tools.evaluation` runs the gate; `... gold train|dev OUT.json` writes our real-news
    gold in the JSON `score.py anchors` reads."""
    if len(sys.argv) == 4 and sys.argv[1] == "gold":
        realnews_gold(sys.argv[2], Path(sys.argv[3]))
        return 0
    project = Path(__file__).resolve().parents[2]
    shared = find_shared(project)
    if shared is None:
        print("../shared is absent: nothing to measure (set COMMUNIQUE_SHARED to its path)")
        return 0
    floors = json.loads((project / "eval" / "floors.json").read_text(encoding="utf-8"))
    results = run_gate(shared, floors)
    for r in results:
        print(f"{r.suite:10} {r.figure:24} {r.value:8.3f}  floor {r.floor:<8} {'ok' if r.ok else 'BELOW FLOOR'}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

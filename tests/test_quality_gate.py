"""The quality gate: figures on the team's gold sets must stay at or above eval/floors.json."""
from __future__ import annotations

import json
from pathlib import Path

from communique.tools.evaluation import run_gate


def test_figures_stay_above_their_floors(nlp, shared: Path, root: Path) -> None:
    floors = json.loads((root / "eval" / "floors.json").read_text(encoding="utf-8"))
    results = run_gate(shared, floors)
    assert results, "no figures were measured"
    below = [f"{r.suite}.{r.figure} = {r.value} < {r.floor}" for r in results if not r.ok]
    assert not below, "below floor: " + "; ".join(below)

"""Commitments against our real-news gold (`commitments:` in `eval/gold/realnews/<id>.gold.yaml`).

    python -m communique.tools.commitment_score dev [RECORDS.jsonl]

A gold commitment is found by a mention of ours in the same sentence (the sentence holds the gold anchor)
with the same kind, a holder that matches (its country or a word of its name is among the gold holder's
labels) and a beneficiary that matches the same way (a gold beneficiary `[]` takes any; talks are mutual,
so holder and beneficiary may be swapped). One mention finds
at most one gold commitment. Figures: `found` (share of gold found), `precision` (share of our mentions
that found one), `amounts_exact` (of found gold with an amount, the share whose value and currency are ours
exactly), `status_correct` (of found gold, the share with our status)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..commitments import Mention, Party, mentions_in
from ..records import Record

__all__ = ["score_commitments"]

REALNEWS = Path(__file__).resolve().parents[2] / "eval" / "gold" / "realnews"


def _labels(items: list[Any]) -> set[str]:
    return {str(x).lower() for x in items}


def _matches(party: Party | None, labels: set[str]) -> bool:
    if party is None:
        return False
    words = {w.lower().strip(".,'’") for w in party.name.split()} | ({party.country.lower()} if party.country else set())
    return bool(words & labels)


def _gold(split: str) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    import yaml

    out = {}
    for line in (REALNEWS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = yaml.safe_load((REALNEWS / f"{row['id']}.gold.yaml").read_text(encoding="utf-8"))
        out[row["id"]] = (row["text"], list(gold.get("commitments") or []))
    return out


def score_commitments(split: str, records: list[Record]) -> dict[str, Any]:
    """The figures of our mentions in `records` against the gold of `split`."""
    gold = _gold(split)
    n_gold = sum(len(g) for _, g in gold.values())
    predicted = found = amounts = amounts_right = status_right = 0
    for record in records:
        if record.document.id not in gold:
            continue
        text, wanted = gold[record.document.id]
        mentions = mentions_in(record)
        predicted += len(mentions)
        free = list(wanted)
        for m in mentions:
            sent = record.sentences[m.sentence_idx]
            hit = next((g for g in free if sent.start <= text.find(g["anchor"]) < sent.end and _same(m, g)), None)
            if hit is None:
                continue
            free.remove(hit)
            found += 1
            status_right += m.status == hit["status"]
            if hit.get("amount"):
                amounts += 1
                amounts_right += bool(m.amount and m.amount.currency == hit["amount"]["currency"]
                                      and abs(m.amount.value - float(hit["amount"]["value"])) < 0.5)
    return {"gold": n_gold, "predicted": predicted, "found": round(found / n_gold, 3) if n_gold else 0.0,
            "precision": round(found / predicted, 3) if predicted else 0.0,
            "amounts_exact": round(amounts_right / amounts, 3) if amounts else 1.0,
            "status_correct": round(status_right / found, 3) if found else 0.0,
            "counts": f"{found}/{n_gold} found, {found}/{predicted} right, amounts {amounts_right}/{amounts}"}


def _same(m: Mention, g: dict[str, Any]) -> bool:
    """Same kind, holder and beneficiary; talks are mutual, so either side may hold them."""
    holder, beneficiary = _labels(g.get("holder") or []), _labels(g.get("beneficiary") or [])

    def sides(a: Party | None, b: Party | None) -> bool:
        return _matches(a, holder) and (not beneficiary or _matches(b, beneficiary))

    return m.kind == g["kind"] and (sides(m.holder, m.beneficiary) or
                                    (m.kind == "talks" and sides(m.beneficiary, m.holder)))


def main() -> int:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if len(sys.argv) > 2:
        lines = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
        records = [Record.from_dict(json.loads(line)) for line in lines if line.strip()]
    else:
        from ..extraction import extract_many
        from ..inputs import read_inputs
        from ..settings import Settings

        records = [r for r in extract_many(read_inputs([str(REALNEWS / f"{split}.jsonl")]), Settings())
                   if isinstance(r, Record)]
    print(json.dumps(score_commitments(split, records)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

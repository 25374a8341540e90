"""Check one or more real-news gold files: YAML parses, every anchor occurs exactly once in the text,
types, modalities and source types are known. Usage: python3 eval/gold/realnews/check.py FILE.gold.yaml..."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "expected", "intended", "conditional", "hypothetical", "denied"}
SOURCE_TYPES = {"named", "anonymous", "institutional", "named_group"}
KINDS = {"direct", "indirect", "according_to"}
COMMITMENT_KINDS = {"security_guarantee", "troops", "military_aid", "financial_aid", "humanitarian_aid", "sanctions",
                    "talks", "other"}
COMMITMENT_STATUSES = {"stated", "conditional", "delivered", "withdrawn", "denied"}


def texts() -> dict[str, str]:
    out = {}
    for split in ("train", "dev"):
        for line in (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out[row["id"]] = row["text"]
    return out


def problems(path: Path, all_texts: dict[str, str]) -> list[str]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = all_texts.get(gold.get("document"))
    if text is None:
        return [f"unknown document {gold.get('document')!r}"]
    found = []
    for part in ("statements", "events", "dates", "commitments"):
        for item in gold.get(part) or []:
            n = text.count(item["anchor"])
            if n != 1:
                found.append(f"{part}: anchor occurs {n} times: {item['anchor']!r}")
    for ev in gold.get("events") or []:
        if ev["type"] not in TYPES or ev.get("modality") not in MODALITIES:
            found.append(f"event: bad type or modality: {ev}")
        if not isinstance(ev.get("source"), list) or not isinstance(ev.get("target"), list):
            found.append(f"event: source and target must be lists: {ev}")
    for st in gold.get("statements") or []:
        if st.get("source_type") not in SOURCE_TYPES or st.get("kind") not in KINDS:
            found.append(f"statement: bad source_type or kind: {st}")
    for c in gold.get("commitments") or []:
        if c.get("kind") not in COMMITMENT_KINDS or c.get("status") not in COMMITMENT_STATUSES:
            found.append(f"commitment: bad kind or status: {c}")
        if not isinstance(c.get("holder"), list) or not isinstance(c.get("beneficiary"), list):
            found.append(f"commitment: holder and beneficiary must be lists: {c}")
        if c.get("condition") and text.count(c["condition"]) < 1:
            found.append(f"commitment: condition not in text: {c['condition']!r}")
        amount = c.get("amount")
        if amount is not None and not (isinstance(amount.get("value"), (int, float)) and
                                       isinstance(amount.get("currency"), str) and len(amount["currency"]) == 3):
            found.append(f"commitment: amount must be {{value: number, currency: ISO code}}: {c}")
    for actor in gold.get("actors") or []:
        for alias in actor.get("aliases") or []:
            if alias not in text:
                found.append(f"actor alias not in text: {alias!r}")
    return found


if __name__ == "__main__":
    all_texts = texts()
    bad = 0
    for name in sys.argv[1:]:
        for p in problems(Path(name), all_texts):
            print(f"{name}: {p}")
            bad += 1
    print("ok" if not bad else f"{bad} problems")
    sys.exit(1 if bad else 0)

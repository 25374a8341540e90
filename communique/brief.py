"""The brief: a short, aligned, readable summary of a record for a person."""
from __future__ import annotations

from collections import defaultdict

from .records import Record, Statement

__all__ = ["render_brief"]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _actor_lines(record: Record) -> list[str]:
    actors = sorted(record.actors, key=lambda a: (-len(a.mentions), a.id))
    if not actors:
        return ["  (none found)"]
    width = min(34, max(len(a.name) for a in actors))
    lines = []
    for a in actors:
        code = a.code or "-"
        role = f"  {a.role}" if a.role else ""
        lines.append(f"  {_clip(a.name, width):<{width}}  {a.kind:<12} {code:<10} ×{len(a.mentions):<3}{role}")
    return lines


def _statement_lines(record: Record) -> list[str]:
    if not record.statements:
        return ["  (none found)"]
    names = {a.id: a.name for a in record.actors}
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for st in record.statements:
        who = names.get(st.speaker or "") or (st.speaker_mention.text if st.speaker_mention else "unattributed")
        grouped[who].append(st)
    lines = []
    for who, items in grouped.items():
        lines.append(f"  {who} ({items[0].source_type})")
        for st in items:
            lines.append(f"    - [{st.kind}] {_clip(st.content.text, 90)}")
    return lines


def _event_lines(record: Record) -> list[str]:
    if not record.events:
        return ["  (none found)"]
    names = {a.id: a.name for a in record.actors}
    lines = []
    for ev in record.events:
        src = ", ".join(names.get(x, x) for x in ev.source) or "?"
        tgt = ", ".join(names.get(x, x) for x in ev.target) or "-"
        sentence = record.sentences[ev.sentence] if ev.sentence < len(record.sentences) else None
        evidence = record.document.text[sentence.start:sentence.end] if sentence else ev.trigger.text
        lines.append(f"  {ev.date or '-':<10} {ev.type:<9} {src} -> {tgt}  ({ev.modality})  “{_clip(evidence, 70)}”")
    return lines


def _anonymous_line(record: Record) -> str:
    total = len(record.statements)
    if not total:
        return "Anonymous sources: no statements found."
    anon = sum(1 for st in record.statements if st.source_type == "anonymous")
    return f"Anonymous sources: {anon} of {total} statements ({anon / total:.0%}) rest on anonymous sources."


def render_brief(record: Record) -> str:
    """A few aligned sections: title and date, actors, dates, statements, events, anonymous share."""
    doc = record.document
    head = doc.title or _clip(doc.text.split("\n", 1)[0], 80)
    out = [f"{head}", f"{doc.published or 'date unknown'} · {doc.id}" + (f" · {doc.source}" if doc.source else ""), ""]
    out += [f"Actors ({len(record.actors)})", *_actor_lines(record), ""]
    dated = [d for d in record.dates if d.value]
    out += [f"Dates ({len(dated)} of {len(record.dates)} resolved)"]
    out += [f"  {_clip(d.text, 30):<30} {d.value or '?'}" for d in record.dates] or ["  (none found)"]
    out += ["", f"Statements ({len(record.statements)})", *_statement_lines(record), ""]
    out += [f"Events ({len(record.events)})", *_event_lines(record), "", _anonymous_line(record)]
    return "\n".join(out)


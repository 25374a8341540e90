"""The brief: a short, aligned, readable summary of a record for a person."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from .commitments import Mention, mentions_in
from .records import Actor, Event, Record, Statement

__all__ = ["render_brief"]

T = TypeVar("T")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _section(items: Iterable[T], lines_of: Callable[[T], Iterable[str]]) -> list[str]:
    """One section's lines: those of each item in turn, or a note that there is none."""
    return [line for item in items for line in lines_of(item)] or ["  (none found)"]


def _names(record: Record) -> dict[str, str]:
    return {a.id: a.name for a in record.actors}


def _actor_lines(record: Record) -> list[str]:
    actors = sorted(record.actors, key=lambda a: (-len(a.mentions), a.id))
    width = min(34, max((len(a.name) for a in actors), default=0))

    def line(a: Actor) -> list[str]:
        code = a.code or "-"
        role = f"  {a.role}" if a.role else ""
        return [f"  {_clip(a.name, width):<{width}}  {a.kind:<12} {code:<10} ×{len(a.mentions):<3}{role}"]

    return _section(actors, line)


def _statement_lines(record: Record) -> list[str]:
    names = _names(record)
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for st in record.statements:
        who = names.get(st.speaker or "") or (st.speaker_mention.text if st.speaker_mention else "unattributed")
        grouped[who].append(st)

    def speaker(group: tuple[str, list[Statement]]) -> list[str]:
        who, items = group
        return [f"  {who} ({items[0].source_type})", *(f"    - [{st.kind}] {_clip(st.content.text, 90)}" for st in items)]

    return _section(grouped.items(), speaker)


def _event_lines(record: Record) -> list[str]:
    names = _names(record)

    def line(ev: Event) -> list[str]:
        src = ", ".join(names.get(x, x) for x in ev.source) or "?"
        tgt = ", ".join(names.get(x, x) for x in ev.target) or "-"
        sentence = record.sentences[ev.sentence] if ev.sentence < len(record.sentences) else None
        evidence = record.document.text[sentence.start:sentence.end] if sentence else ev.trigger.text
        return [f"  {ev.date or '-':<10} {ev.type:<9} {src} -> {tgt}  ({ev.modality})  “{_clip(evidence, 70)}”"]

    return _section(record.events, line)


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
    out += [f"Events ({len(record.events)})", *_event_lines(record), ""]
    promised = mentions_in(record)
    out += [f"Commitments ({len(promised)})", *_commitment_lines(promised), "", _anonymous_line(record)]
    return "\n".join(out)


def _commitment_lines(found: list[Mention]) -> list[str]:
    def line(m: Mention) -> list[str]:
        to = f" → {m.beneficiary.name}" if m.beneficiary else ""
        money = f"  {m.amount.value:,.0f} {m.amount.currency}" if m.amount else ""
        cond = [f"      if: {_clip(m.condition, 80)}"] if m.condition else []
        return [f"  {m.holder.name}{to}  {m.kind} ({m.status}){money}", f"      {_clip(m.what, 80)}", *cond]

    return _section(found, line)


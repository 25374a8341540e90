"""Commitments over the store: its pledge, delivery and refusal events as `EventView`s, classified and threaded
by `communique.commitments` (the same code that reads one record)."""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from ..commitments import PLEDGE_TYPES, Commitment, EventView, Party, collect, counterparts, thread
from .database import Store
from .queries import _actor_ids
from .schema import actors, documents, event_actors, events, sentences, statements

__all__ = ["CommitmentFilter", "all_commitments", "commitment_rows", "find_commitments", "get_commitment"]


@dataclass(frozen=True)
class CommitmentFilter:
    """Which commitments: by holder or beneficiary name, kind, status, and the period they were seen in."""

    holder: str | None = None
    to: str | None = None
    kind: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50
    offset: int = 0
    actor_id: int | None = None  # held or received by this actor (an actor page's panel)


def _views(store: Store) -> list[EventView]:
    prev = aliased(sentences)
    here = func.substr(documents.c.text, sentences.c.start_char + 1, sentences.c.end_char - sentences.c.start_char)
    before = func.substr(documents.c.text, prev.c.start_char + 1, prev.c.end_char - prev.c.start_char)
    q = (select(events.c.id, events.c.document_id, events.c.local_id, events.c.type, events.c.modality,
                events.c.trigger_text, events.c.trigger_start, events.c.sentence_idx, events.c.condition_text,
                events.c.date, events.c.when_date, here.label("sentence"), sentences.c.start_char,
                before.label("previous"), statements.c.source_type, documents.c.title, documents.c.url)
         .join(documents, documents.c.id == events.c.document_id)
         .join(sentences, and_(sentences.c.document_id == events.c.document_id,
                               sentences.c.idx == events.c.sentence_idx))
         .join(prev, and_(prev.c.document_id == events.c.document_id, prev.c.idx == events.c.sentence_idx - 1),
               isouter=True)
         .join(statements, and_(statements.c.document_id == events.c.document_id,
                                statements.c.local_id == events.c.statement_local_id), isouter=True)
         .where(events.c.type.in_(sorted(PLEDGE_TYPES))))
    parties = (select(event_actors.c.event_id, event_actors.c.role, actors.c.id, actors.c.name, actors.c.country,
                      actors.c.kind)
               .join(actors, actors.c.id == event_actors.c.actor_id)
               .join(events, events.c.id == event_actors.c.event_id)
               .where(events.c.type.in_(sorted(PLEDGE_TYPES)), actors.c.kind != "location")
               .order_by(event_actors.c.event_id, actors.c.id))
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
        by_event: dict[tuple[int, str], list[Party]] = defaultdict(list)
        for r in conn.execute(parties).mappings():
            by_event[(r["event_id"], r["role"])].append(Party(str(r["id"]), r["name"], r["country"], r["kind"]))
        talks = _talks(conn)

    def holder(eid: int) -> Party | None:
        return next(iter(by_event.get((eid, "source")) or []), None)

    def other(eid: int) -> Party | None:
        first = holder(eid)
        return next((p for p in by_event.get((eid, "target")) or [] if first is None or p.id != first.id), None)

    return [EventView(document=r["document_id"], event=r["local_id"], type=r["type"], modality=r["modality"],
                      trigger=r["trigger_text"], trigger_start=r["trigger_start"], sentence_idx=r["sentence_idx"],
                      sentence=r["sentence"] or "", sentence_start=r["start_char"], previous=r["previous"] or "",
                      condition=r["condition_text"], holder=holder(r["id"]), beneficiary=other(r["id"]),
                      partners=tuple((by_event.get((r["id"], "source")) or [])[1:]),
                      counterparts=talks.get(r["document_id"], ()),
                      date=r["date"] if r["date"] and len(r["date"]) == 10 else r["when_date"],
                      source_type=r["source_type"] or "article", title=r["title"], url=r["url"]) for r in rows]


def _talks(conn: Any) -> dict[str, tuple[Party, ...]]:
    """Per article, the parties of its talks (CONSULT events), those in most of them first."""
    q = (select(events.c.document_id, events.c.id, actors.c.id.label("actor"), actors.c.name, actors.c.country,
                actors.c.kind)
         .join(event_actors, event_actors.c.event_id == events.c.id)
         .join(actors, actors.c.id == event_actors.c.actor_id)
         .where(events.c.type == "CONSULT", actors.c.kind != "location",
                events.c.document_id.in_(select(events.c.document_id).where(events.c.type.in_(sorted(PLEDGE_TYPES)))))
         .order_by(events.c.document_id, events.c.id, event_actors.c.role, actors.c.id))
    meetings: dict[str, dict[int, list[Party]]] = defaultdict(lambda: defaultdict(list))
    for r in conn.execute(q).mappings():
        meetings[r["document_id"]][r["id"]].append(Party(str(r["actor"]), r["name"], r["country"], r["kind"]))
    return {doc: counterparts(m.values()) for doc, m in meetings.items()}


_CACHE: dict[str, tuple[tuple[int, int], list[Commitment]]] = {}
_LOCK = threading.Lock()


def _version(store: Store) -> tuple[int, int]:
    """What the commitments depend on has changed when the store's events have (an article stored or removed)."""
    with store.engine.connect() as conn:
        n, top = conn.execute(select(func.count(), func.max(events.c.id))).one()
    return int(n), int(top or 0)


def all_commitments(store: Store) -> list[Commitment]:
    """Every commitment the store's events make, newest first; worked out again only after the events change
    (threading reads every pledge event of the store, seconds on a large one)."""
    key, version = store.describe(), _version(store)
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return list(cached[1])
    made = thread(collect(_views(store)))
    with _LOCK:
        _CACHE[key] = (version, made)
    return list(made)


def _keep(c: Commitment, f: CommitmentFilter, holders: set[str] | None, beneficiaries: set[str] | None) -> bool:
    aid = None if f.actor_id is None else str(f.actor_id)
    return ((aid is None or any(aid in (m.holder.id, m.beneficiary.id if m.beneficiary else None)
                                for m in c.mentions))
            and (holders is None or any(m.holder.id in holders for m in c.mentions))
            and (beneficiaries is None or any(m.beneficiary is not None and m.beneficiary.id in beneficiaries
                                              for m in c.mentions))
            and (not f.kind or c.kind == f.kind) and (not f.status or c.status == f.status)
            and (not f.since or (c.last_seen or "") >= f.since)
            and (not f.until or (c.first_stated or "") <= f.until + "\uffff"))


def find_commitments(store: Store, f: CommitmentFilter) -> tuple[int, list[Commitment]]:
    """(how many match, the page of them), newest first."""
    holders = {str(i) for i in _actor_ids(store, f.holder)} if f.holder else None
    beneficiaries = {str(i) for i in _actor_ids(store, f.to)} if f.to else None
    found = [c for c in all_commitments(store) if _keep(c, f, holders, beneficiaries)]
    return len(found), found[f.offset:f.offset + f.limit]


def get_commitment(store: Store, cid: str) -> Commitment | None:
    return next((c for c in all_commitments(store) if c.id == cid), None)


def commitment_rows(items: list[Commitment]) -> list[dict[str, Any]]:
    """Flat rows in the columns a Ukraine Support Tracker user knows."""
    out = []
    for c in items:
        delivered = c.status == "delivered"
        out.append({"id": c.id, "holder": c.holder.name, "holder_country": c.holder.country or "",
                    "beneficiary": c.beneficiary.name if c.beneficiary else "",
                    "beneficiary_country": (c.beneficiary.country or "") if c.beneficiary else "", "kind": c.kind,
                    "measure": "delivery" if delivered else "commitment", "what": c.what,
                    "value": c.amount.value if c.amount else None, "currency": c.amount.currency if c.amount else "",
                    "value_eur": c.eur, "condition": c.condition or "", "status": c.status,
                    "first_stated": c.first_stated or "", "last_seen": c.last_seen or "",
                    "mentions": len(c.mentions), "sources": " ".join(sorted({m.url or m.document for m in c.mentions})),
                    "source_types": ";".join(sorted({m.source_type for m in c.mentions}))})
    return out

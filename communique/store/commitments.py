"""Commitments over the store: the commitment mentions each article's events made when it was stored
(`communique.commitments` read them, the same code that reads one record), threaded per thread key and kept in
`commitment_threads`. A key whose mentions changed is threaded again by the next `refresh` (every query starts
with one; an ingest ends with one), so a query reads one page of kept commitments, whatever the store's size."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Select, delete, func, insert, or_, select
from sqlalchemy.orm import aliased

from ..amounts import Amount
from ..commitments import Commitment, Mention, Party, make_commitment, thread
from .database import Store
from .queries import _actor_ids
from .schema import (
    actors,
    commitment_dirty,
    commitment_mentions,
    commitment_thread_mentions,
    commitment_threads,
    documents,
)

__all__ = ["CommitmentFilter", "all_commitments", "commitment_rows", "find_commitments", "get_commitment",
           "refresh", "with_mentions", "with_sources"]


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


def _mention_rows(conn: Connection, where: Any) -> list[tuple[int, str, Mention]]:
    """(row id, thread key, mention) of the stored mentions `where` selects."""
    holder, receiver = aliased(actors), aliased(actors)
    cm = commitment_mentions
    q = (select(cm, holder.c.name.label("h_name"), holder.c.country.label("h_country"),
                holder.c.kind.label("h_kind"), receiver.c.name.label("b_name"),
                receiver.c.country.label("b_country"), receiver.c.kind.label("b_kind"))
         .join(holder, holder.c.id == cm.c.holder_id)
         .join(receiver, receiver.c.id == cm.c.beneficiary_id, isouter=True).where(where))
    return [(int(r["id"]), str(r["thread_key"]), _mention(r)) for r in conn.execute(q).mappings()]


def _mention(r: Any) -> Mention:
    return Mention(document=r["document_id"], event=r["event_local_id"], sentence_idx=r["sentence_idx"],
                   sentence=r["sentence_text"], date=r["date"], modality=r["modality"], source_type=r["source_type"],
                   holder=Party(str(r["holder_id"]), r["h_name"], r["h_country"], r["h_kind"]),
                   beneficiary=Party(str(r["beneficiary_id"]), r["b_name"], r["b_country"], r["b_kind"])
                   if r["beneficiary_id"] is not None else None,
                   kind=r["kind"], what=r["what"], status=r["status"], condition=r["condition_text"],
                   amount=Amount(r["amount_value"], r["amount_currency"], r["amount_start"] or 0,
                                 r["amount_end"] or 0, r["amount_text"] or "")
                   if r["amount_value"] is not None else None,
                   eur=r["eur"], trigger_start=r["trigger_start"])


KEYS_PER_PASS = 200


def refresh(store: Store) -> int:
    """Thread again every thread key whose mentions changed; the number of keys threaded."""
    with store.engine.connect() as conn:
        waiting = conn.execute(select(func.count()).select_from(commitment_dirty)).scalar_one()
    if not waiting:
        return 0
    done = 0
    with store.transaction() as conn:
        top, keys = conn.execute(select(func.max(commitment_dirty.c.id))).scalar_one(), sorted(
            {str(k) for k in conn.execute(select(commitment_dirty.c.thread_key).distinct()).scalars()})
        for i in range(0, len(keys), KEYS_PER_PASS):
            _rethread(conn, keys[i:i + KEYS_PER_PASS])
            done += len(keys[i:i + KEYS_PER_PASS])
        conn.execute(delete(commitment_dirty).where(commitment_dirty.c.id <= top))
    return done


def _rethread(conn: Connection, keys: list[str]) -> None:
    """Replace the kept commitments of `keys` by those their mentions make now, each key threaded apart."""
    ct, link = commitment_threads, commitment_thread_mentions
    old = select(ct.c.id).where(ct.c.thread_key.in_(keys))
    conn.execute(delete(link).where(link.c.commitment_id.in_(old)))
    conn.execute(delete(ct).where(ct.c.thread_key.in_(keys)))
    by_key: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    for row_id, key, m in _mention_rows(conn, commitment_mentions.c.thread_key.in_(keys)):
        by_key[key].append((row_id, m))
    threads, links = [], []
    for key, found in by_key.items():
        ids = {(m.document, m.event, m.kind, m.trigger_start): row_id for row_id, m in found}
        for c in thread([m for _, m in found]):
            a = c.amount
            threads.append({"id": c.id, "thread_key": key, "kind": c.kind, "status": c.status,
                            "first_stated": c.first_stated, "last_seen": c.last_seen, "holder_id": int(c.holder.id),
                            "beneficiary_id": int(c.beneficiary.id) if c.beneficiary else None, "what": c.what,
                            "condition_text": c.condition, "amount_value": a.value if a else None,
                            "amount_currency": a.currency if a else None, "amount_text": a.text if a else None,
                            "eur": c.eur, "mentions": len(c.mentions)})
            links += [{"commitment_id": c.id, "mention_id": ids[(m.document, m.event, m.kind, m.trigger_start)]}
                      for m in c.mentions]
    if threads:
        conn.execute(insert(ct), threads)
        conn.execute(insert(link), links)


def with_sources(store: Store, items: list[Commitment]) -> list[Commitment]:
    """The commitments with each mention's article title and address (read for the page only: a large store's
    articles are slow to visit one by one)."""
    wanted = {m.document for c in items for m in c.mentions}
    if not wanted:
        return items
    with store.engine.connect() as conn:
        found = {str(r.id): (r.title, r.url) for r in conn.execute(
            select(documents.c.id, documents.c.title, documents.c.url).where(documents.c.id.in_(sorted(wanted))))}
    def sourced(m: Mention) -> Mention:
        title, url = found.get(m.document, (None, None))
        return replace(m, title=title, url=url)

    return [replace(c, mentions=tuple(sourced(m) for m in c.mentions)) for c in items]


def _load(store: Store, ids: list[str]) -> list[Commitment]:
    """The kept commitments `ids`, in that order, made again from their mentions."""
    if not ids:
        return []
    link = commitment_thread_mentions
    found: dict[str, list[Mention]] = defaultdict(list)
    with store.engine.connect() as conn:
        owner = {int(r.mention_id): str(r.commitment_id) for r in conn.execute(
            select(link.c.mention_id, link.c.commitment_id).where(link.c.commitment_id.in_(ids)))}
        for row_id, _, m in _mention_rows(conn, commitment_mentions.c.id.in_(sorted(owner))):
            found[owner[row_id]].append(m)
    return [make_commitment(sorted(found[i], key=lambda m: (m.date or "", m.document, m.trigger_start)))
            for i in ids if found.get(i)]


def _summaries(store: Store, ids: list[str]) -> list[Commitment]:
    """The kept commitments `ids`, in that order, as a list shows them: without their mentions (`count` says how
    many), read from one row each."""
    if not ids:
        return []
    ct = commitment_threads
    holder, receiver = aliased(actors), aliased(actors)
    q = (select(ct, holder.c.name.label("h_name"), holder.c.country.label("h_country"),
                holder.c.kind.label("h_kind"), receiver.c.name.label("b_name"),
                receiver.c.country.label("b_country"), receiver.c.kind.label("b_kind"))
         .join(holder, holder.c.id == ct.c.holder_id)
         .join(receiver, receiver.c.id == ct.c.beneficiary_id, isouter=True).where(ct.c.id.in_(ids)))
    with store.engine.connect() as conn:
        rows = {str(r["id"]): r for r in conn.execute(q).mappings()}
    return [Commitment(id=i, holder=Party(str(r["holder_id"]), r["h_name"], r["h_country"], r["h_kind"]),
                       beneficiary=Party(str(r["beneficiary_id"]), r["b_name"], r["b_country"], r["b_kind"])
                       if r["beneficiary_id"] is not None else None,
                       kind=r["kind"], what=r["what"], status=r["status"], condition=r["condition_text"],
                       amount=Amount(r["amount_value"], r["amount_currency"], 0, 0, r["amount_text"] or "")
                       if r["amount_value"] is not None else None, eur=r["eur"],
                       first_stated=r["first_stated"], last_seen=r["last_seen"], count=int(r["mentions"]))
            for i in ids if (r := rows.get(i)) is not None]


def with_mentions(store: Store, items: list[Commitment]) -> list[Commitment]:
    """The listed commitments with their mentions (a CSV export shows each one's sources)."""
    return _load(store, [c.id for c in items])


def _newest_first(q: Select[Any]) -> Select[Any]:
    ct = commitment_threads
    return q.order_by(func.coalesce(ct.c.last_seen, "").desc(), ct.c.id.desc())


def all_commitments(store: Store) -> list[Commitment]:
    """Every kept commitment with its mentions, newest first."""
    refresh(store)
    with store.engine.connect() as conn:
        ids = [str(i) for i in conn.execute(_newest_first(select(commitment_threads.c.id))).scalars()]
    return _load(store, ids)


def _held(ids: set[str], column: Any) -> Any:
    """The commitments some of whose mentions have an actor of `ids` in `column` (holder or beneficiary)."""
    link, cm = commitment_thread_mentions, commitment_mentions
    return commitment_threads.c.id.in_(select(link.c.commitment_id).join(cm, cm.c.id == link.c.mention_id)
                                       .where(column.in_([int(i) for i in ids])))


def find_commitments(store: Store, f: CommitmentFilter) -> tuple[int, list[Commitment]]:
    """(how many match, the page of them), newest first, read from the kept commitments."""
    refresh(store)
    ct, cm = commitment_threads, commitment_mentions
    q = select(ct.c.id)
    if f.holder:
        q = q.where(_held({str(i) for i in _actor_ids(store, f.holder)}, cm.c.holder_id))
    if f.to:
        q = q.where(_held({str(i) for i in _actor_ids(store, f.to)}, cm.c.beneficiary_id))
    if f.actor_id is not None:
        q = q.where(or_(_held({str(f.actor_id)}, cm.c.holder_id), _held({str(f.actor_id)}, cm.c.beneficiary_id)))
    if f.kind:
        q = q.where(ct.c.kind == f.kind)
    if f.status:
        q = q.where(ct.c.status == f.status)
    if f.since:
        q = q.where(func.coalesce(ct.c.last_seen, "") >= f.since)
    if f.until:
        q = q.where(func.coalesce(ct.c.first_stated, "") <= f.until + "\uffff")
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        ids = [str(i) for i in conn.execute(_newest_first(q).limit(f.limit).offset(f.offset)).scalars()]
    return int(total), _summaries(store, ids)  # a list shows no mentions: `get_commitment` reads them


def get_commitment(store: Store, cid: str) -> Commitment | None:
    """One commitment with its sources."""
    refresh(store)
    found = _load(store, [cid])
    return with_sources(store, found)[0] if found else None


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

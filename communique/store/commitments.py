"""Commitments over the store: the commitment mentions each article's events made when it was stored
(`communique.commitments` read them, the same code that reads one record), threaded at query time, only in the
thread keys a filter reaches."""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from ..amounts import Amount
from ..commitments import Commitment, Mention, Party, thread
from .database import Store
from .queries import _actor_ids
from .schema import actors, commitment_mentions, documents

__all__ = ["CommitmentFilter", "all_commitments", "commitment_rows", "find_commitments", "get_commitment",
           "with_sources"]


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


def _mentions(store: Store, kind: str | None, keys: set[str] | None) -> list[Mention]:
    """The stored mentions of commitments of `kind` (any) whose thread key is among `keys` (any)."""
    holder, receiver = aliased(actors), aliased(actors)
    cm = commitment_mentions
    q = (select(cm, holder.c.name.label("h_name"), holder.c.country.label("h_country"),
                holder.c.kind.label("h_kind"), receiver.c.name.label("b_name"),
                receiver.c.country.label("b_country"), receiver.c.kind.label("b_kind"))
         .join(holder, holder.c.id == cm.c.holder_id)
         .join(receiver, receiver.c.id == cm.c.beneficiary_id, isouter=True))
    if kind:
        q = q.where(cm.c.kind == kind)
    if keys is not None:
        q = q.where(cm.c.thread_key.in_(sorted(keys)))
    with store.engine.connect() as conn:
        rows = conn.execute(q).mappings().all()
    return [Mention(document=r["document_id"], event=r["event_local_id"], sentence_idx=r["sentence_idx"],
                    sentence=r["sentence_text"], date=r["date"], modality=r["modality"],
                    source_type=r["source_type"],
                    holder=Party(str(r["holder_id"]), r["h_name"], r["h_country"], r["h_kind"]),
                    beneficiary=Party(str(r["beneficiary_id"]), r["b_name"], r["b_country"], r["b_kind"])
                    if r["beneficiary_id"] is not None else None,
                    kind=r["kind"], what=r["what"], status=r["status"], condition=r["condition_text"],
                    amount=Amount(r["amount_value"], r["amount_currency"], r["amount_start"] or 0,
                                  r["amount_end"] or 0, r["amount_text"] or "")
                    if r["amount_value"] is not None else None,
                    eur=r["eur"], trigger_start=r["trigger_start"]) for r in rows]


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


_CACHE: dict[tuple[str, str | None, tuple[str, ...] | None], tuple[tuple[int, int], list[Commitment]]] = {}
_LOCK = threading.Lock()


def _version(store: Store) -> tuple[int, int]:
    """The stored mentions have changed when an article was stored or removed."""
    with store.engine.connect() as conn:
        n, top = conn.execute(select(func.count(), func.max(commitment_mentions.c.id))).one()
    return int(n), int(top or 0)


def all_commitments(store: Store, kind: str | None = None, keys: set[str] | None = None) -> list[Commitment]:
    """The commitments the stored mentions make (of `kind`, in the thread keys `keys`), newest first; threaded
    again only after the mentions change."""
    key = (store.describe(), kind, tuple(sorted(keys)) if keys is not None else None)
    version = _version(store)
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return list(cached[1])
    made = thread(_mentions(store, kind, keys))
    with _LOCK:
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = (version, made)
    return list(made)


def _keys(store: Store, f: CommitmentFilter, holders: set[str] | None, beneficiaries: set[str] | None
          ) -> set[str] | None:
    """The thread keys a filter can reach (None: any): those of the mentions its actors hold or receive."""
    cm = commitment_mentions
    wanted: list[Any] = []
    if holders is not None:
        wanted.append(cm.c.holder_id.in_([int(i) for i in holders]))
    if beneficiaries is not None:
        wanted.append(cm.c.beneficiary_id.in_([int(i) for i in beneficiaries]))
    if f.actor_id is not None:
        wanted.append(or_(cm.c.holder_id == f.actor_id, cm.c.beneficiary_id == f.actor_id))
    if not wanted:
        return None
    with store.engine.connect() as conn:
        return {str(k) for k in conn.execute(select(cm.c.thread_key).where(and_(*wanted)).distinct()).scalars()}


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
    """(how many match, the page of them), newest first: only the threads the filter can reach are made."""
    holders = {str(i) for i in _actor_ids(store, f.holder)} if f.holder else None
    beneficiaries = {str(i) for i in _actor_ids(store, f.to)} if f.to else None
    keys = _keys(store, f, holders, beneficiaries)
    made = all_commitments(store, f.kind or None, keys) if keys is None or keys else []
    found = [c for c in made if _keep(c, f, holders, beneficiaries)]
    return len(found), found[f.offset:f.offset + f.limit]  # a list shows no sources: `get_commitment` reads them


def get_commitment(store: Store, cid: str) -> Commitment | None:
    """One commitment with its sources: from a list made since the store last changed (the one it was picked
    from), else from all of them."""
    version, here = _version(store), store.describe()
    with _LOCK:
        made = [c for key, (v, items) in _CACHE.items() if key[0] == here and v == version for c in items]
    found = next((c for c in made if c.id == cid), None) or next(
        (c for c in all_commitments(store) if c.id == cid), None)
    return with_sources(store, [found])[0] if found is not None else None


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

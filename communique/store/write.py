"""Writing records: the duplicate decision (written once, here) and the rows of one stored article.

Every article is checked against the store before it is written: the same id or the same text is a duplicate,
a text whose MinHash signature is close enough is a near-duplicate; either way the new copy is kept as a
sighting of the stored story and nothing else is written. The check and the insert run in one transaction, and
an insert that meets a unique constraint (another writer stored the same article a moment earlier) is decided
again, so concurrent writers never crash and never store an article twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from ..calendar import is_reference
from ..commitments import Party, mentions_in, thread_key
from ..records import Actor, Document, Record, Sentence
from .dedupe import NEAR, Fingerprint, fingerprint, similarity
from .schema import (
    actor_names,
    actors,
    commitment_dirty,
    commitment_mentions,
    document_actors,
    document_bands,
    documents,
    event_actors,
    event_clusters,
    events,
    mentions,
    search_rows,
    sentences,
    sightings,
    statement_speakers,
    statements,
)

__all__ = ["Outcome", "OutcomeKind", "actor_key", "backfill_commitment_mentions", "commitment_rows_of", "decide",
           "insert_record", "now", "sentence_of"]


class OutcomeKind(str, Enum):
    """What became of an article offered to the store."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near-duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    """An article's fate: stored (as `document`), a duplicate or near-duplicate of `document`, or failed."""

    kind: OutcomeKind
    document: str | None = None
    reason: str | None = None

    @classmethod
    def stored(cls, document: str) -> Outcome:
        return cls(OutcomeKind.STORED, document)

    @classmethod
    def duplicate_of(cls, document: str) -> Outcome:
        return cls(OutcomeKind.DUPLICATE, document)

    @classmethod
    def near_duplicate_of(cls, document: str) -> Outcome:
        return cls(OutcomeKind.NEAR_DUPLICATE, document)

    @classmethod
    def failed(cls, reason: str) -> Outcome:
        return cls(OutcomeKind.FAILED, None, reason)

    def to_dict(self) -> dict[str, str | None]:
        return {"outcome": self.kind.value, "document": self.document, "reason": self.reason}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _find_copy(conn: Connection, doc: Document, fp: Fingerprint) -> tuple[str, bool, float] | None:
    """(stored id, exact?, similarity) of a stored copy of `doc`: same id, same text, or near."""
    same = conn.execute(select(documents.c.id).where(
        (documents.c.id == doc.id) | (documents.c.text_hash == fp.text_hash))).first()
    if same is not None:
        return str(same[0]), True, 1.0
    candidates = select(document_bands.c.document_id).where(document_bands.c.band_key.in_(fp.bands))
    best: tuple[str, bool, float] | None = None
    for doc_id, sig in conn.execute(select(documents.c.id, documents.c.signature)
                                    .where(documents.c.id.in_(candidates))):
        score = similarity(bytes(sig), fp.signature)
        if score >= NEAR and (best is None or score > best[2]):
            best = (str(doc_id), False, score)
    return best


def _sighting(conn: Connection, stored: str, doc: Document, kind: str, score: float) -> None:
    """Record that `doc` carried the stored story `stored` (once per story, article id and origin)."""
    origin = sightings.c.origin.is_(None) if doc.origin is None else sightings.c.origin == doc.origin
    exists = conn.execute(select(sightings.c.id).where(
        (sightings.c.document_id == stored) & (sightings.c.article_id == doc.id) & origin)).first()
    if exists is None:
        conn.execute(insert(sightings).values(
            document_id=stored, article_id=doc.id, kind=kind, similarity=round(score, 3), title=doc.title,
            published=doc.published, source=doc.source, url=doc.url, origin=doc.origin))


def decide(conn: Connection, doc: Document, fp: Fingerprint | None = None) -> Outcome | None:
    """The outcome for `doc` when the store has it already (its sighting recorded), else None: store it."""
    fp = fp or fingerprint(doc.text)
    copy = _find_copy(conn, doc, fp)
    if copy is None:
        return None
    stored, exact, score = copy
    _sighting(conn, stored, doc, "same" if exact else "near", score)
    return Outcome.duplicate_of(stored) if exact else Outcome.near_duplicate_of(stored)


def actor_key(actor: Actor, document_id: str) -> str:
    """The canonical identity of an actor across articles: gazetteer identity, else name and country.
    Unnamed sources ("a person familiar with…") are never merged across articles."""
    country = actor.country or ""
    name = actor.name.lower()
    if actor.kind == "country":
        return f"country:{country or name}"
    if actor.kind == "anonymous":
        return f"anonymous:{document_id}:{name}"
    if actor.kind == "organization" and actor.code and actor.sector and actor.code == f"{country}{actor.sector}":
        return f"organization:{actor.code}"
    return f"{actor.kind}:{name}|{country}"


def sentence_of(sentences_: tuple[Sentence, ...], pos: int) -> int | None:
    """The index of the sentence holding character `pos`."""
    for i, s in enumerate(sentences_):
        if s.start <= pos < s.end:
            return i
    return None


def insert_record(conn: Connection, record: Record, fp: Fingerprint) -> None:
    """Every row of one new article."""
    doc = record.document
    conn.execute(insert(documents).values(
        id=doc.id, title=doc.title, published=doc.published, source=doc.source, url=doc.url,
        language=doc.language, text=doc.text, text_hash=fp.text_hash, signature=fp.signature,
        stored_at=now(), record=json.dumps(record.to_dict(), ensure_ascii=False)))
    conn.execute(insert(sightings).values(
        document_id=doc.id, article_id=doc.id, kind="original", similarity=1.0, title=doc.title,
        published=doc.published, source=doc.source, url=doc.url, origin=doc.origin))
    conn.execute(insert(document_bands), [{"document_id": doc.id, "band_key": k} for k in set(fp.bands)])
    if record.sentences:
        conn.execute(insert(sentences), [{"document_id": doc.id, "idx": i, "start_char": s.start,
                                          "end_char": s.end} for i, s in enumerate(record.sentences)])
    ids = _actors(conn, record.actors, doc.id, doc.published)
    _actor_rows(conn, record, ids)
    _statements(conn, record, ids, _search(conn, record))
    _events(conn, record, ids)
    rows = commitment_rows_of(record, ids)
    if rows:
        conn.execute(insert(commitment_mentions), rows)
        conn.execute(insert(commitment_dirty), [{"thread_key": k} for k in sorted({r["thread_key"] for r in rows})])


def commitment_rows_of(record: Record, ids: dict[str, int]) -> list[dict[str, Any]]:
    """The rows of a record's commitment mentions, its actors given by their store ids."""
    def stored(p: Party | None) -> Party | None:
        return None if p is None or p.id not in ids else Party(str(ids[p.id]), p.name, p.country, p.kind)

    out = []
    for m in mentions_in(record):
        holder, beneficiary = stored(m.holder), stored(m.beneficiary)
        if holder is None:
            continue
        m = replace(m, holder=holder, beneficiary=beneficiary)
        a = m.amount
        out.append({"document_id": m.document, "event_local_id": m.event, "kind": m.kind, "thread_key": thread_key(m),
                    "holder_id": int(holder.id), "beneficiary_id": int(beneficiary.id) if beneficiary else None,
                    "status": m.status, "what": m.what, "condition_text": m.condition,
                    "amount_value": a.value if a else None, "amount_currency": a.currency if a else None,
                    "amount_text": a.text if a else None, "amount_start": a.start if a else None,
                    "amount_end": a.end if a else None, "eur": m.eur, "date": m.date, "modality": m.modality,
                    "source_type": m.source_type, "sentence_idx": m.sentence_idx, "sentence_text": m.sentence,
                    "trigger_start": m.trigger_start})
    return out


def backfill_commitment_mentions(conn: Connection, batch: int = 500) -> None:
    """The commitment mentions of every stored article, read from its stored record (migration 5)."""
    last = ""
    while True:
        docs = conn.execute(select(documents.c.id, documents.c.record).where(documents.c.id > last)
                            .order_by(documents.c.id).limit(batch)).all()
        if not docs:
            return
        last = str(docs[-1].id)
        local: dict[str, dict[str, int]] = {}
        for r in conn.execute(select(document_actors.c.document_id, document_actors.c.local_id,
                                     document_actors.c.actor_id)
                              .where(document_actors.c.document_id.in_([d.id for d in docs]))):
            local.setdefault(str(r.document_id), {})[str(r.local_id)] = int(r.actor_id)
        rows = [row for d in docs if d.record
                for row in commitment_rows_of(Record.from_dict(json.loads(d.record)), local.get(str(d.id), {}))]
        if rows:
            conn.execute(insert(commitment_mentions), rows)


def _geo(actor: Actor) -> dict[str, Any]:
    """The actor's point on the map as row values (all empty when it has none)."""
    g = actor.geo
    return {"latitude": g.latitude if g else None, "longitude": g.longitude if g else None,
            "geonameid": g.geonameid if g else None, "admin1": g.admin1 if g else None, "feature": g.feature if g else None}


def _actors(conn: Connection, found: tuple[Actor, ...], document_id: str, published: str | None) -> dict[str, int]:
    """Canonical actor ids for a record's actors, creating the new ones; a later article's role wins."""
    if not found:
        return {}
    keys = {a.id: actor_key(a, document_id) for a in found}
    known = {str(r.key): r for r in conn.execute(select(actors.c.id, actors.c.key, actors.c.role_as_of)
                                                 .where(actors.c.key.in_(set(keys.values()))))}
    new = {keys[a.id]: a for a in found if keys[a.id] not in known}
    if new:
        rows = conn.execute(insert(actors).returning(actors.c.id, actors.c.key, actors.c.role_as_of,
                                                     sort_by_parameter_order=True),
                            [{"key": k, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                              "code": a.code, "role": a.role, "role_as_of": published, "documents": 0, **_geo(a)}
                             for k, a in new.items()])
        known.update({str(r.key): r for r in rows})
    for a in found:
        row = known[keys[a.id]]
        newer = published and (row.role_as_of is None or published > row.role_as_of)
        if keys[a.id] not in new and a.role and newer:
            conn.execute(update(actors).where(actors.c.id == row.id).values(
                role=a.role, role_as_of=published, sector=a.sector, code=a.code))
    ids = {a.id: int(known[keys[a.id]].id) for a in found}
    conn.execute(update(actors).where(actors.c.id.in_(set(ids.values()))).values(documents=actors.c.documents + 1))
    return ids


def _actor_rows(conn: Connection, record: Record, ids: dict[str, int]) -> None:
    """The names each actor went by, its role in this document, and its mentions."""
    doc_id = record.document.id
    wanted = {(ids[a.id], n.lower()) for a in record.actors for n in (a.name, *a.aliases)}
    have = {tuple(r) for r in conn.execute(select(actor_names.c.actor_id, actor_names.c.name)
                                           .where(actor_names.c.actor_id.in_({i for i, _ in wanted}))).all()}
    names = [{"actor_id": i, "name": n} for i, n in sorted(wanted - have)]
    roles = [{"document_id": doc_id, "local_id": a.id, "actor_id": ids[a.id], "name": a.name, "role": a.role,
              "country": a.country, "sector": a.sector} for a in record.actors]
    spans = [{"document_id": doc_id, "actor_id": ids[a.id], "start_char": m.start, "end_char": m.end,
              "text": m.text} for a in record.actors for m in a.mentions]
    for table, rows in ((actor_names, names), (document_actors, roles), (mentions, spans)):
        if rows:
            conn.execute(insert(table), rows)


def _statements(conn: Connection, record: Record, ids: dict[str, int], searched: dict[str, int]) -> None:
    if not record.statements:
        return
    inserted = conn.execute(insert(statements).returning(statements.c.id, sort_by_parameter_order=True), [{
        "document_id": record.document.id, "local_id": st.id, "kind": st.kind,
        "speaker_id": ids.get(st.speaker or ""), "speaker_text": st.speaker_mention.text
        if st.speaker_mention else None, "source_type": st.source_type,
        "cue_start": st.cue.start if st.cue else None, "cue_end": st.cue.end if st.cue else None,
        "cue_text": st.cue.text if st.cue else None, "content_start": st.content.start,
        "content_end": st.content.end, "content_text": st.content.text, "date": st.date,
        "when_date": st.date or record.document.published or "",
        "sentence_idx": sentence_of(record.sentences, st.content.start), "search_id": searched.get(st.id)}
        for st in record.statements]).scalars().all()
    published = record.document.published or ""
    rows = [{"statement_id": statement_id, "actor_id": actor_id, "when_date": st.date or published}
            for statement_id, st in zip(inserted, record.statements, strict=True)
            for actor_id in dict.fromkeys(ids[a] for a in st.speakers if a in ids)]
    if rows:
        conn.execute(insert(statement_speakers), rows)


def _events(conn: Connection, record: Record, ids: dict[str, int]) -> None:
    if not record.events:
        return
    published = record.document.published
    parts = [(sorted({ids[x] for x in ev.source if x in ids}), sorted({ids[x] for x in ev.target if x in ids}))
             for ev in record.events]
    clusters = _clusters(conn, record, ids)
    inserted = conn.execute(insert(events).returning(events.c.id, sort_by_parameter_order=True), [{
        "document_id": record.document.id, "local_id": ev.id, "type": ev.type, "cameo": ev.cameo,
        "quad": ev.quad, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "trigger_text": ev.trigger.text, "sentence_idx": ev.sentence, "date": ev.date,
        "date_source": ev.date_source if ev.date else None,
        "when_date": _when(ev.date, published), "reference": is_reference(ev.date, published),
        "location_id": ids.get(ev.location or ""), "modality": ev.modality,
        "condition_text": ev.condition.text if ev.condition else None, "statement_local_id": ev.statement,
        "cluster_id": cluster, "source_country": _countries(record, ev.source),
        "target_country": _countries(record, ev.target)}
        for ev, cluster in zip(record.events, clusters, strict=True)]).scalars().all()
    rows = [{"event_id": event_id, "actor_id": a, "role": role, "when_date": _when(ev.date, published)}
            for event_id, ev, (sources, targets) in zip(inserted, record.events, parts, strict=True)
            for role, group in (("source", sources), ("target", targets)) for a in group]
    if rows:
        conn.execute(insert(event_actors), rows)


def _when(date: str | None, published: str | None) -> str:
    """The date an event is filed and sorted under: its own, unless that is a reference more than a year from
    its article ("the 1945 victory", "by 2030"), then its article's."""
    return (published or "") if is_reference(date, published) or not date else date


def _countries(record: Record, actor_ids: tuple[str, ...]) -> str | None:
    """The countries of these actors as the article gave them, sorted and joined ("FRA;RUS"), or None."""
    by_id = {a.id: a.country for a in record.actors}
    found = sorted({c for c in (by_id.get(i) for i in actor_ids) if c})
    return ";".join(found) or None


RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "X met Y" and "Y met X" are one meeting


def _party_key(record: Record, ids: dict[str, int], source: tuple[str, ...], target: tuple[str, ...],
               kind: str) -> str | None:
    """Who took part, by country (an actor of no country by its store id): sources and targets apart, both
    together for a reciprocal act; None unless both sides are known (an attack on nobody named, a meeting of
    one country's own officials, is too vague to be the same happening as another story's)."""
    country = {a.id: a.country or f"#{ids[a.id]}" for a in record.actors if a.id in ids}
    src = sorted({country[x] for x in source if x in country})
    tgt = sorted({country[x] for x in target if x in country})
    if kind in RECIPROCAL:
        both = sorted(set(src) | set(tgt))
        return json.dumps(["*", both]) if len(both) > 1 else None
    return json.dumps([src, tgt]) if src and tgt else None


def _cluster_key(day: date, kind: str, parties: str) -> str:
    return json.dumps([day.isoformat(), kind, parties])


def _clusters(conn: Connection, record: Record, ids: dict[str, int]) -> list[int | None]:
    """The same happening told by several stories: the same type between the same countries, dated within a day
    of each other. `mentions` counts stories, not sentences (a headline and its lead are one story). Events not
    dated to the day, or dated more than a year from their article, are not clustered."""
    published = record.document.published
    wanted: list[tuple[str, list[str]] | None] = []
    for ev in record.events:
        parties = _party_key(record, ids, ev.source, ev.target, ev.type)
        if not ev.date or len(ev.date) != 10 or parties is None or is_reference(ev.date, published):
            wanted.append(None)
            continue
        day = date.fromisoformat(ev.date)
        near = [_cluster_key(day + timedelta(days=k), ev.type, parties) for k in (0, -1, 1)]
        wanted.append((near[0], near))
    candidates = {k for w in wanted if w for k in w[1]}
    if not candidates:
        return [None] * len(wanted)
    found = {str(r.key): int(r.id) for r in conn.execute(select(event_clusters.c.id, event_clusters.c.key)
                                                         .where(event_clusters.c.key.in_(candidates)))}
    new = {w[0]: ev for ev, w in zip(record.events, wanted, strict=True)
           if w is not None and not any(k in found for k in w[1])}
    if new:  # one statement for all of this story's new happenings
        rows = conn.execute(insert(event_clusters).returning(event_clusters.c.id, event_clusters.c.key,
                                                             sort_by_parameter_order=True),
                            [{"key": k, "date": ev.date, "type": ev.type, "mentions": 0} for k, ev in new.items()])
        found.update({str(r.key): int(r.id) for r in rows})
    out = [next(found[k] for k in w[1] if k in found) if w is not None else None for w in wanted]
    told = {c for c in out if c is not None}
    if told:  # each story once
        conn.execute(update(event_clusters).where(event_clusters.c.id.in_(told)).values(
            mentions=event_clusters.c.mentions + 1))
    return out


def _search(conn: Connection, record: Record) -> dict[str, int]:
    """The article's rows in the full-text table; returns each statement's row id."""
    doc = record.document
    rows = [{"kind": "document", "document_id": doc.id, "local_id": None, "body": doc.text}]
    rows += [{"kind": "statement", "document_id": doc.id, "local_id": st.id, "body": st.content.text}
             for st in record.statements]
    rows += [{"kind": "actor", "document_id": doc.id, "local_id": a.id,
              "body": " ".join(dict.fromkeys([a.name, *a.aliases]))} for a in record.actors]
    made: list[tuple[int, Any, Any]]
    if conn.dialect.name == "sqlite":  # row ids given here (the writer holds the database's lock)
        top = conn.execute(text("SELECT rowid FROM search ORDER BY rowid DESC LIMIT 1")).scalar()
        first = int(top or 0) + 1
        conn.execute(text("INSERT INTO search (rowid, body, kind, document_id, local_id) "
                          "VALUES (:rowid, :body, :kind, :document_id, :local_id)"),
                     [{**r, "rowid": first + n} for n, r in enumerate(rows)])
        made = [(first + n, r["kind"], r["local_id"]) for n, r in enumerate(rows)]
    else:
        made = [(int(r.id), r.kind, r.local_id) for r in conn.execute(
            insert(search_rows).returning(search_rows.c.id, search_rows.c.kind, search_rows.c.local_id,
                                          sort_by_parameter_order=True), rows)]
    return {str(local): int(sid) for sid, kind, local in made if kind == "statement"}

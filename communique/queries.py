"""Questions to the store, as named functions with typed filters (no SQL is built from user strings).

Every row carries its evidence: the document's title, date and URL, and the sentence the fact came from.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, literal, select, text
from sqlalchemy.sql.elements import ColumnElement

from .store import (
    Store,
    actor_names,
    actors,
    document_actors,
    documents,
    event_actors,
    event_clusters,
    events,
    failures,
    search_rows,
    sentences,
    sightings,
    statements,
)

__all__ = ["EventFilter", "StatementFilter", "actor_by_id", "actor_profile", "article_record", "find_actors",
           "find_events", "find_statements", "graph", "list_articles", "list_failures", "search"]

DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class EventFilter:
    """Filters of `communique events`; names match actor names and aliases, case-insensitively."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    actor_id: int | None = None


@dataclass(frozen=True)
class StatementFilter:
    """Filters of `communique statements`."""

    speaker: str | None = None
    source_type: str | None = None
    about: str | None = None
    since: str | None = None
    until: str | None = None
    document: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    speaker_id: int | None = None


def _like(name: str) -> str:
    return "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").lower() + "%"


def _actor_ids(store: Store, name: str) -> list[int]:
    """Ids of actors going by a name that contains `name` (canonical name, or any name an article used)."""
    with store.engine.connect() as conn:
        return [int(r[0]) for r in conn.execute(select(actor_names.c.actor_id).where(
            actor_names.c.name.like(_like(name), escape="\\")).distinct())]


def _sentence_text() -> ColumnElement[Any]:
    """The sentence of a row, cut from its document's text in SQL."""
    return func.substr(documents.c.text, sentences.c.start_char + 1, sentences.c.end_char - sentences.c.start_char)


def _names(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(actors.c.id, actors.c.name, actors.c.country, actors.c.sector, actors.c.kind)
                            .where(actors.c.id.in_(ids))).mappings()
        return {int(r["id"]): dict(r) for r in rows}


def find_events(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching `f`, newest first, each with its participants and evidence."""
    when = events.c.when_date
    wanted: list[tuple[list[int], str | None]] = [(_actor_ids(store, name), role) for name, role in (
        (f.actor, None), (f.source, "source"), (f.target, "target")) if name]
    if f.actor_id is not None:
        wanted.append(([f.actor_id], None))
    led = bool(wanted)
    lead_ids, lead_role = wanted.pop(0) if wanted else ([], None)
    lead = event_actors.alias("lead")

    def page_query(actor_ids: list[int]) -> Any:
        """The ids (and dates) of matching events, newest first; led by an actor, read from that actor's index."""
        if actor_ids:
            when, key = lead.c.when_date, lead.c.event_id
            q = (select(key, when.label("w")).select_from(lead.join(events, events.c.id == lead.c.event_id))
                 .where(lead.c.actor_id.in_(actor_ids)))
            if lead_role:
                q = q.where(lead.c.role == lead_role)
        else:
            when, key = events.c.when_date, events.c.id
            q = select(key, when.label("w"))
        for ids, role in wanted:
            cond = and_(event_actors.c.event_id == events.c.id, event_actors.c.actor_id.in_(ids))
            if role:
                cond = and_(cond, event_actors.c.role == role)
            q = q.where(exists(select(literal(1)).select_from(event_actors).where(cond)))
        if f.type:
            q = q.where(events.c.type == f.type.upper())
        if f.modality:
            q = q.where(events.c.modality == f.modality.lower())
        if f.since:
            q = q.where(when >= f.since)
        if f.until:
            q = q.where(when <= f.until + "\uffff")
        if f.document:
            q = q.where(events.c.document_id == f.document)
        return q.order_by(when.desc(), key.desc()).limit(f.offset + f.limit)  # both read from one index

    def newest_first(rows: Any) -> list[int]:
        ordered = sorted(rows, key=lambda r: (r[1] or "", int(r[0])), reverse=True)
        seen: dict[int, None] = {}
        for r in ordered:
            seen.setdefault(int(r[0]), None)
        return list(seen)[f.offset:f.offset + f.limit]

    when = events.c.when_date
    with store.engine.connect() as conn:
        if led and not lead_ids:
            page = []  # no actor goes by that name
        elif len(lead_ids) <= 64 and led:  # one short index walk per actor, merged here
            page = newest_first([r for i in lead_ids for r in conn.execute(page_query([i])).all()])
        else:
            page = newest_first(conn.execute(page_query(lead_ids)).all())
        detail = (select(events.c.id, events.c.document_id, events.c.local_id, events.c.type, events.c.cameo,
                         events.c.quad, events.c.modality, events.c.date, events.c.condition_text,
                         events.c.trigger_text, events.c.trigger_start, events.c.trigger_end, events.c.location_id,
                         when.label("when"), documents.c.title, documents.c.published, documents.c.url,
                         documents.c.source.label("outlet"), event_clusters.c.mentions.label("cluster_mentions"),
                         events.c.cluster_id, _sentence_text().label("sentence"))
                  .join(documents, documents.c.id == events.c.document_id)
                  .join(sentences, and_(sentences.c.document_id == events.c.document_id,
                                        sentences.c.idx == events.c.sentence_idx), isouter=True)
                  .join(event_clusters, event_clusters.c.id == events.c.cluster_id, isouter=True)
                  .where(events.c.id.in_(page)))
        found = {int(r["id"]): dict(r) for r in conn.execute(detail).mappings()} if page else {}
        rows = [found[i] for i in page]
        ids = page
        parts: dict[int, dict[str, list[int]]] = {i: {"source": [], "target": []} for i in ids}
        if ids:
            for ev_id, actor_id, role in conn.execute(select(event_actors.c.event_id, event_actors.c.actor_id,
                                                             event_actors.c.role).where(event_actors.c.event_id
                                                                                        .in_(ids))):
                parts[ev_id][role].append(actor_id)
    names = _names(store, [a for p in parts.values() for lst in p.values() for a in lst]
                   + [r["location_id"] for r in rows if r["location_id"]])
    for r in rows:
        r["source"] = [names[a] for a in parts[r["id"]]["source"]]
        r["target"] = [names[a] for a in parts[r["id"]]["target"]]
        r["location"] = names.get(r.pop("location_id") or -1)
    return rows


def find_statements(store: Store, f: StatementFilter) -> list[dict[str, Any]]:
    """Statements matching `f`, newest first, with speaker and evidence."""
    when = statements.c.when_date
    q = select(statements.c.id)  # the page of ids first, then the details of those rows
    if f.speaker:
        q = q.where(statements.c.speaker_id.in_(_actor_ids(store, f.speaker)))
    if f.speaker_id is not None:
        q = q.where(statements.c.speaker_id == f.speaker_id)
    if f.source_type:
        q = q.where(statements.c.source_type == f.source_type.lower())
    if f.about and store.dialect == "postgresql":  # the full-text index: all words, stemmed
        q = q.where(exists(select(literal(1)).select_from(search_rows).where(and_(
            search_rows.c.kind == "statement", search_rows.c.document_id == statements.c.document_id,
            search_rows.c.local_id == statements.c.local_id,
            text("search.tsv @@ plainto_tsquery('english', :about)").bindparams(about=f.about)))))
    elif f.about:
        for word in re.findall(r"\w+", f.about.lower()):
            q = q.where(func.lower(statements.c.content_text).like(_like(word), escape="\\"))
    if f.since:
        q = q.where(when >= f.since)
    if f.until:
        q = q.where(when <= f.until + "\uffff")
    if f.document:
        q = q.where(statements.c.document_id == f.document)
    q = q.order_by(when.desc(), statements.c.id.desc()).limit(f.limit).offset(f.offset)
    with store.engine.connect() as conn:
        page = [int(r[0]) for r in conn.execute(q)]
        if not page:
            return []
        detail = (select(statements.c.id, statements.c.document_id, statements.c.local_id, statements.c.kind,
                         statements.c.source_type, statements.c.speaker_text, statements.c.cue_text,
                         statements.c.content_text, statements.c.date, when.label("when"),
                         actors.c.name.label("speaker"), statements.c.speaker_id,
                         actors.c.country.label("speaker_country"), documents.c.title, documents.c.published,
                         documents.c.url, _sentence_text().label("sentence"))
                  .join(documents, documents.c.id == statements.c.document_id)
                  .join(actors, actors.c.id == statements.c.speaker_id, isouter=True)
                  .join(sentences, and_(sentences.c.document_id == statements.c.document_id,
                                        sentences.c.idx == statements.c.sentence_idx), isouter=True)
                  .where(statements.c.id.in_(page)))
        found = {int(r["id"]): dict(r) for r in conn.execute(detail).mappings()}
        return [found[i] for i in page]


def find_actors(store: Store, country: str | None = None, name: str | None = None, kind: str | None = None,
                limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Canonical actors with how often they are mentioned, most mentioned first."""
    count = actors.c.documents
    q = select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country, actors.c.sector, actors.c.code,
               actors.c.role, count)
    if country:
        q = q.where(actors.c.country == country.upper())
    if kind:
        q = q.where(actors.c.kind == kind)
    if name:
        q = q.where(actors.c.id.in_(_actor_ids(store, name)))
    else:
        q = q.where(actors.c.kind != "anonymous")
    q = q.order_by(count.desc(), actors.c.name).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def actor_profile(store: Store, name: str, actor_id: int | None = None) -> dict[str, Any] | None:
    """One actor: roles over time, statement and event counts, and the counterparts of their events."""
    found = find_actors(store, name=name, limit=50)
    if actor_id is not None:
        found = [a for a in found if a["id"] == actor_id]
    if not found:
        return None
    actor = found[0]
    aid = actor["id"]
    with store.engine.connect() as conn:
        roles = [dict(r) for r in conn.execute(
            select(document_actors.c.role, func.min(documents.c.published).label("first"),
                   func.max(documents.c.published).label("last"))
            .join(documents, documents.c.id == document_actors.c.document_id)
            .where((document_actors.c.actor_id == aid) & document_actors.c.role.is_not(None))
            .group_by(document_actors.c.role).order_by(text("first"))).mappings()]
        said = conn.execute(select(func.count()).select_from(statements)
                            .where(statements.c.speaker_id == aid)).scalar_one()
        as_role: dict[str, int] = dict(conn.execute(select(event_actors.c.role, func.count()).where(event_actors.c.actor_id == aid)
                                    .group_by(event_actors.c.role)).all())
        mine = select(event_actors.c.event_id).where(event_actors.c.actor_id == aid)
        other = event_actors.alias("other")
        counterparts = [dict(r) for r in conn.execute(
            select(actors.c.id, actors.c.name, actors.c.country, func.count().label("events"))
            .select_from(other.join(actors, actors.c.id == other.c.actor_id))
            .where(other.c.event_id.in_(mine) & (other.c.actor_id != aid))
            .group_by(actors.c.id, actors.c.name, actors.c.country).order_by(func.count().desc(), actors.c.name)
            .limit(10)).mappings()]
        seen = conn.execute(select(func.count(func.distinct(sightings.c.document_id)))
                            .select_from(sightings.join(document_actors, document_actors.c.document_id
                                                        == sightings.c.document_id))
                            .where(document_actors.c.actor_id == aid)).scalar_one()
    return {**actor, "roles": roles, "statements": int(said), "events_as_source": int(as_role.get("source", 0)),
            "events_as_target": int(as_role.get("target", 0)), "counterparts": counterparts,
            "stories": int(seen)}


def search(store: Store, words: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Full-text search over articles, statements and actor names (FTS5 on SQLite, tsvector on PostgreSQL),
    all words required, most recently stored first (ranking every match would cost as much as the matches)."""
    terms = re.findall(r"\w+", words)
    if not terms:
        return []
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            query = " ".join('"' + t.replace('"', "") + '"' for t in terms)
            rows = conn.execute(text(
                "SELECT s.kind, s.document_id, s.local_id, snippet(search, 0, '[', ']', '…', 12) AS snippet, "
                "d.title, d.published, d.url FROM search s JOIN documents d ON d.id = s.document_id "
                "WHERE search MATCH :q ORDER BY s.rowid DESC LIMIT :limit OFFSET :offset"),
                {"q": query, "limit": limit, "offset": offset}).mappings()
        else:
            rows = conn.execute(text(
                "SELECT s.kind, s.document_id, s.local_id, ts_headline('english', s.body, q, "
                "'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet, d.title, d.published, d.url "
                "FROM search s JOIN documents d ON d.id = s.document_id, plainto_tsquery('english', :q) q "
                "WHERE s.tsv @@ q ORDER BY s.id DESC LIMIT :limit OFFSET :offset"),
                {"q": " ".join(terms), "limit": limit, "offset": offset}).mappings()
        return [dict(r) for r in rows]


def list_failures(store: Store, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(failures.c.origin, failures.c.message, failures.c.at)
                                              .order_by(failures.c.id.desc()).limit(limit)).mappings()]



def list_articles(store: Store, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first, with how many outlets carried each story."""
    seen = (select(func.count()).select_from(sightings).where(sightings.c.document_id == documents.c.id)
            .scalar_subquery())
    q = (select(documents.c.id, documents.c.title, documents.c.published, documents.c.source, documents.c.url,
                seen.label("seen_in")).order_by(documents.c.published.desc(), documents.c.id)
         .limit(limit).offset(offset))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def article_record(store: Store, document_id: str) -> dict[str, Any] | None:
    """The stored record of one article, with its actors' canonical ids and where else the story ran."""
    with store.engine.connect() as conn:
        raw = conn.execute(select(documents.c.record).where(documents.c.id == document_id)).scalar()
        if raw is None:
            return None
        ids = {str(r.local_id): int(r.actor_id) for r in conn.execute(
            select(document_actors.c.local_id, document_actors.c.actor_id)
            .where(document_actors.c.document_id == document_id))}
        seen = [dict(r) for r in conn.execute(
            select(sightings.c.article_id, sightings.c.kind, sightings.c.source, sightings.c.url,
                   sightings.c.published).where(sightings.c.document_id == document_id)
            .order_by(sightings.c.id)).mappings()]
    return {"record": json.loads(raw), "actor_ids": ids, "seen_in": seen}


def actor_by_id(store: Store, actor_id: int) -> dict[str, Any] | None:
    """The profile of the actor with this canonical id."""
    with store.engine.connect() as conn:
        name = conn.execute(select(actors.c.name).where(actors.c.id == actor_id)).scalar()
    if name is None:
        return None
    return actor_profile(store, name, actor_id)


def graph(store: Store, f: EventFilter, max_edges: int = 2000) -> dict[str, Any]:
    """Actors as nodes and events as weighted edges (source -> target, by type and quad), filtered like events."""
    rows = find_events(store, EventFilter(**{**f.__dict__, "limit": max_edges, "offset": 0}))
    nodes: dict[int, dict[str, Any]] = {}
    edges: dict[tuple[int, int, str], dict[str, Any]] = {}
    for r in rows:
        for s in r["source"]:
            for t in r["target"]:
                if s["id"] == t["id"]:
                    continue
                for a in (s, t):
                    nodes.setdefault(a["id"], {"id": a["id"], "name": a["name"], "country": a["country"],
                                               "kind": a["kind"], "events": 0})["events"] += 1
                key = (s["id"], t["id"], r["type"])
                edge = edges.setdefault(key, {"source": s["id"], "target": t["id"], "type": r["type"],
                                              "quad": r["quad"], "weight": 0})
                edge["weight"] += 1
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}

"""Questions to the store, as named functions with typed filters (no SQL is built from user strings).

Every row carries its evidence: the document's title, date and URL, and the sentence the fact came from.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, and_, case, cast, exists, func, literal, select, text
from sqlalchemy.sql.elements import ColumnElement

from ..calendar import date_precision, is_reference
from ..codebook import load_codebook
from ..errors import InputError
from ..places import location_precision
from .database import Store
from .schema import (
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
    statement_speakers,
    statements,
)

__all__ = ["COUNT_DIMENSIONS", "EventFilter", "StatementFilter", "actor_profile", "actors_named", "article_record",
           "count_actors", "count_articles", "count_by", "count_events", "count_failures", "count_search", "count_statements", "find_actors",
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
    placed: bool = False  # only events whose place has coordinates (a town, or a state at its towns' centre)


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


GEO = (actors.c.latitude, actors.c.longitude, actors.c.geonameid, actors.c.admin1, actors.c.feature)


def _names(store: Store, ids: list[int], codes: bool = False, geo: bool = False) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    cols = [actors.c.id, actors.c.name, actors.c.country, actors.c.sector, actors.c.kind] + (
        [actors.c.code] if codes else []) + (list(GEO) if geo else [])
    with store.engine.connect() as conn:
        rows = conn.execute(select(*cols).where(actors.c.id.in_(ids))).mappings()
        return {int(r["id"]): dict(r) for r in rows}


def _event_page(store: Store, f: EventFilter) -> list[int]:
    """The ids of the events on the page `f` asks for, newest first. Led by an actor, each of its ids is read from
    that actor's own index (one short walk each, merged here); otherwise from the events' date index."""
    lead_name, lead_role = next(((n, r) for n, r in ((f.actor, None), (f.source, "source"), (f.target, "target"))
                                 if n), (None, None))
    rest = EventFilter(**{**f.__dict__, **({"actor": None, "source": None, "target": None}
                                           if lead_name is None else {_ROLE_FIELD[lead_role]: None})})
    conds = _event_conditions(store, rest)
    lead_ids = [f.actor_id] if f.actor_id is not None and lead_name is None else (
        _actor_ids(store, lead_name) if lead_name else [])
    if f.actor_id is not None and lead_name is not None and conds is not None:
        conds.append(exists(select(literal(1)).select_from(event_actors).where(
            and_(event_actors.c.event_id == events.c.id, event_actors.c.actor_id == f.actor_id))))
    if conds is None or ((lead_name or f.actor_id is not None) and not lead_ids):
        return []
    if f.document:
        conds.append(events.c.document_id == f.document)
    with store.engine.connect() as conn:
        if not lead_ids:
            q = select(events.c.id, events.c.when_date).where(*conds)
            rows = conn.execute(q.order_by(events.c.when_date.desc(), events.c.id.desc())
                                .limit(f.offset + f.limit)).all()
        else:
            rows = [r for ids in ([i] for i in lead_ids) if len(lead_ids) <= 64 for r in
                    conn.execute(_led_query(ids, lead_role, conds, f.offset + f.limit)).all()] \
                if len(lead_ids) <= 64 else conn.execute(_led_query(lead_ids, lead_role, conds,
                                                                    f.offset + f.limit)).all()
    ordered = sorted(rows, key=lambda r: (r[1] or "", int(r[0])), reverse=True)
    return list(dict.fromkeys(int(r[0]) for r in ordered))[f.offset:f.offset + f.limit]


_ROLE_FIELD = {None: "actor", "source": "source", "target": "target"}


def _led_query(actor_ids: list[int], role: str | None, conds: list[ColumnElement[bool]], n: int) -> Any:
    """Events of these actors (in this role), newest first, read from the actor index."""
    lead = event_actors.alias("lead")
    q = (select(lead.c.event_id, lead.c.when_date).select_from(lead.join(events, events.c.id == lead.c.event_id))
         .where(lead.c.actor_id.in_(actor_ids), *conds))
    if role:
        q = q.where(lead.c.role == role)
    return q.order_by(lead.c.when_date.desc(), lead.c.event_id.desc()).limit(n)


def _event_details(store: Store, page: list[int]) -> list[dict[str, Any]]:
    """The rows of these events, in this order, with participants, place and evidence."""
    if not page:
        return []
    detail = (select(events.c.id, events.c.document_id, events.c.local_id, events.c.type, events.c.cameo,
                     events.c.quad, events.c.modality, events.c.date, events.c.date_source, events.c.condition_text,
                     events.c.trigger_text, events.c.trigger_start, events.c.trigger_end, events.c.location_id,
                     events.c.when_date.label("when"), documents.c.title, documents.c.published, documents.c.url,
                     documents.c.source.label("outlet"), event_clusters.c.mentions.label("cluster_mentions"),
                     events.c.cluster_id, _sentence_text().label("sentence"))
              .join(documents, documents.c.id == events.c.document_id)
              .join(sentences, and_(sentences.c.document_id == events.c.document_id,
                                    sentences.c.idx == events.c.sentence_idx), isouter=True)
              .join(event_clusters, event_clusters.c.id == events.c.cluster_id, isouter=True)
              .where(events.c.id.in_(page)))
    parts: dict[int, dict[str, list[int]]] = {i: {"source": [], "target": []} for i in page}
    with store.engine.connect() as conn:
        found = {int(r["id"]): dict(r) for r in conn.execute(detail).mappings()}
        for ev_id, actor_id, role in conn.execute(select(event_actors.c.event_id, event_actors.c.actor_id,
                                                         event_actors.c.role).where(event_actors.c.event_id.in_(page))):
            parts[ev_id][role].append(actor_id)
    rows = [found[i] for i in page]
    names = _names(store, [a for p in parts.values() for lst in p.values() for a in lst])
    places = _names(store, [r["location_id"] for r in rows if r["location_id"]], geo=True)
    book = load_codebook()
    for r in rows:
        r["source"] = [names[a] for a in parts[r["id"]]["source"]]
        r["target"] = [names[a] for a in parts[r["id"]]["target"]]
        r["location"] = place = places.get(r.pop("location_id") or -1)
        r["location_precision"] = location_precision(place["kind"], place["feature"]) if place else None
        r["reference"] = is_reference(r["date"], r["published"])
        r["date_precision"] = date_precision(r["date"])
        r["goldstein"] = book.goldstein(r["cameo"])
    return rows


def count_events(store: Store, f: EventFilter) -> int:
    """How many events match `f` (limit and offset aside): one COUNT over the conditions of the page."""
    conds = _event_conditions(store, f)
    if conds is None:
        return 0
    if f.actor_id is not None:
        conds.append(exists(select(literal(1)).select_from(event_actors).where(
            and_(event_actors.c.event_id == events.c.id, event_actors.c.actor_id == f.actor_id))))
    if f.document:
        conds.append(events.c.document_id == f.document)
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events).where(*conds)).scalar_one())


def find_events(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching `f`, newest first, each with its participants and evidence."""
    return _event_details(store, _event_page(store, f))


def _fts_query(terms: list[str]) -> str:
    """Words as an FTS5 query: each a quoted phrase, all required."""
    return " ".join('"' + t.replace('"', "") + '"' for t in terms)


COMMON_MATCHES = 2000  # more full-text matches than this: a word search walks the statements newest first


def _common(store: Store, words: str) -> bool:
    """Whether `words` match more than COMMON_MATCHES rows of SQLite's full-text table (read no further)."""
    with store.engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM (SELECT rowid FROM search WHERE search MATCH :q LIMIT :n)"),
                         {"q": words, "n": COMMON_MATCHES + 1}).scalar_one()
    return int(n) > COMMON_MATCHES


def _statement_conditions(store: Store, f: StatementFilter, paged: bool = False) -> list[ColumnElement[bool]]:
    """`f` as conditions on `statements`. `about` matches whole words (stemmed), through the full-text index of
    either database, never parts of words ("NATO" is not found in "gubernatorial")."""
    when = statements.c.when_date
    conds: list[ColumnElement[bool]] = []
    if f.speaker:
        conds.append(statements.c.id.in_(_said_by(_actor_ids(store, f.speaker))))
    if f.speaker_id is not None:
        conds.append(statements.c.id.in_(_said_by([f.speaker_id])))
    if f.source_type:
        conds.append(statements.c.source_type == f.source_type.lower())
    terms = re.findall(r"\w+", f.about or "")
    if f.about and store.dialect == "postgresql":  # the full-text index: all words, stemmed
        conds.append(exists(select(literal(1)).select_from(search_rows).where(and_(
            search_rows.c.kind == "statement", search_rows.c.document_id == statements.c.document_id,
            search_rows.c.local_id == statements.c.local_id,
            text("search.tsv @@ plainto_tsquery('english', :about)").bindparams(about=f.about)))))
    elif f.about:  # SQLite's FTS5 table: the same words, stemmed by its porter tokenizer
        words = _fts_query(terms) or '""'
        if paged and _common(store, words):  # walk the statements newest first, asking the index of each one's own row: the first 50 soon
            conds.append(and_(text("EXISTS (SELECT 1 FROM search WHERE search MATCH :about "
                                   "AND search.rowid = statements.search_id)").bindparams(about=words)))
        else:  # a rare word: its few matches looked up by search_id
            conds.append(statements.c.search_id.in_(
                text("SELECT rowid FROM search WHERE search MATCH :about").bindparams(about=words)))
    if f.since:
        conds.append(when >= f.since)
    if f.until:
        conds.append(when <= f.until + "\uffff")
    if f.document:
        conds.append(statements.c.document_id == f.document)
    return conds


def _said_by(actor_ids: list[int]) -> Select[Any]:
    """The statements attributed to any of `actor_ids`, alone or with others ("the two leaders stressed…")."""
    return select(statement_speakers.c.statement_id).where(statement_speakers.c.actor_id.in_(actor_ids))


def count_statements(store: Store, f: StatementFilter) -> int:
    """How many statements match `f` (limit and offset aside)."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(statements)
                                .where(*_statement_conditions(store, f))).scalar_one())


def find_statements(store: Store, f: StatementFilter) -> list[dict[str, Any]]:
    """Statements matching `f`, newest first, with speaker and evidence."""
    when = statements.c.when_date
    q = select(statements.c.id).where(*_statement_conditions(store, f, paged=True))  # the page of ids, then details
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
        found = {int(r["id"]): {**dict(r), "speakers": []} for r in conn.execute(detail).mappings()}
        for r in conn.execute(select(statement_speakers.c.statement_id, actors.c.id, actors.c.name, actors.c.country)
                              .join(actors, actors.c.id == statement_speakers.c.actor_id)
                              .where(statement_speakers.c.statement_id.in_(page))
                              .order_by(statement_speakers.c.statement_id, actors.c.id)).mappings():
            found[int(r["statement_id"])]["speakers"].append({"id": r["id"], "name": r["name"], "country": r["country"]})
        return [found[i] for i in page]


def _actor_conditions(store: Store, country: str | None, name: str | None,
                      kind: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if country:
        conds.append(actors.c.country == country.upper())
    if kind:
        conds.append(actors.c.kind == kind)
    if name:
        conds.append(actors.c.id.in_(_actor_ids(store, name)))
    else:
        conds.append(actors.c.kind != "anonymous")
    return conds


def count_actors(store: Store, country: str | None = None, name: str | None = None, kind: str | None = None) -> int:
    """How many actors `find_actors` would list with these filters, all pages together."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(actors)
                                .where(*_actor_conditions(store, country, name, kind))).scalar_one())


def find_actors(store: Store, country: str | None = None, name: str | None = None, kind: str | None = None,
                limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Canonical actors with how often they are mentioned, most mentioned first."""
    count = actors.c.documents
    q = (select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country, actors.c.sector, actors.c.code,
                actors.c.role, count).where(*_actor_conditions(store, country, name, kind))
         .order_by(count.desc(), actors.c.name).limit(limit).offset(offset))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def actor_profile(store: Store, actor_id: int) -> dict[str, Any] | None:
    """One actor by canonical id: roles over time, statement and event counts, and the counterparts of their
    events."""
    aid = actor_id
    with store.engine.connect() as conn:
        row = conn.execute(select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country, actors.c.sector,
                                  actors.c.code, actors.c.role, actors.c.documents)
                           .where(actors.c.id == actor_id)).mappings().first()
        if row is None:
            return None
        actor = dict(row)
        roles = [dict(r) for r in conn.execute(
            select(document_actors.c.role, func.min(documents.c.published).label("first"),
                   func.max(documents.c.published).label("last"))
            .join(documents, documents.c.id == document_actors.c.document_id)
            .where((document_actors.c.actor_id == aid) & document_actors.c.role.is_not(None))
            .group_by(document_actors.c.role).order_by(text("first"))).mappings()]
        said = conn.execute(select(func.count()).select_from(statement_speakers)
                            .where(statement_speakers.c.actor_id == aid)).scalar_one()
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
            query = _fts_query(terms)
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


def count_search(store: Store, words: str) -> int:
    """How many rows `search` finds for `words`, all pages together."""
    terms = re.findall(r"\w+", words)
    if not terms:
        return 0
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            found = conn.execute(text("SELECT count(*) FROM search WHERE search MATCH :q"),
                                 {"q": _fts_query(terms)}).scalar_one()
        else:
            found = conn.execute(text("SELECT count(*) FROM search s WHERE s.tsv @@ plainto_tsquery('english', :q)"),
                                 {"q": " ".join(terms)}).scalar_one()
    return int(found)


def list_failures(store: Store, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(failures.c.origin, failures.c.message, failures.c.at)
                                              .order_by(failures.c.id.desc()).limit(limit)).mappings()]


def count_failures(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(failures)).scalar_one())



def count_articles(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())


def list_articles(store: Store, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first, with how many outlets carried each story and how many statements and events
    each holds."""
    def per_article(table: Any) -> Any:
        return (select(func.count()).select_from(table).where(table.c.document_id == documents.c.id)
                .scalar_subquery())

    q = (select(documents.c.id, documents.c.title, documents.c.published, documents.c.source, documents.c.url,
                per_article(sightings).label("seen_in"), per_article(statements).label("statements"),
                per_article(events).label("events"))
         .order_by(documents.c.published.desc(), documents.c.id).limit(limit).offset(offset))
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


def actors_named(store: Store, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors going by `name`: those whose canonical name is `name` (any case) first, else every actor with a
    name containing it, most mentioned first."""
    found = find_actors(store, name=name, limit=limit)
    exact = [a for a in found if a["name"].lower() == name.lower()]
    return exact or found


def _event_conditions(store: Store, f: EventFilter) -> list[ColumnElement[bool]] | None:
    """`f` as conditions on `events` (None when a name matches no actor, so nothing can match)."""
    conds: list[ColumnElement[bool]] = []
    for name, role in ((f.actor, None), (f.source, "source"), (f.target, "target")):
        if not name:
            continue
        ids = _actor_ids(store, name)
        if not ids:
            return None
        cond = and_(event_actors.c.event_id == events.c.id, event_actors.c.actor_id.in_(ids))
        conds.append(exists(select(literal(1)).select_from(event_actors)
                            .where(and_(cond, event_actors.c.role == role) if role else cond)))
    for column, value in ((events.c.type, f.type.upper() if f.type else None),
                          (events.c.modality, f.modality.lower() if f.modality else None)):
        if value:
            conds.append(column == value)
    if f.since:
        conds.append(events.c.when_date >= f.since)
    if f.until:
        conds.append(events.c.when_date <= f.until + "\uffff")
    if f.placed:
        conds.append(events.c.location_id.in_(select(actors.c.id).where(actors.c.latitude.is_not(None))))
    return conds


# Who may be a node of the network: people (role-holders included), states, organisations and groups. Places,
# anonymous sources ("how many people") and one-word organisations nobody placed ("Party", "Treaty") are not.
GRAPH_KINDS = ("person", "country", "organization", "group")


def _drawable(actor: dict[str, Any]) -> bool:
    if actor["kind"] not in GRAPH_KINDS:
        return False
    lone_word = actor["kind"] == "organization" and " " not in actor["name"].strip()
    return not (lone_word and not actor.get("country") and not actor.get("code"))


def graph(store: Store, f: EventFilter, top: int = 40, max_edges: int = 5000) -> dict[str, Any]:
    """The network among the `top` actors by event count: one edge per pair of actors (either direction) with its
    event count, its count per quad and per type, and the quad most of its events fall in; filtered like events.
    `total_actors` says how many actors could have been drawn."""
    conds = _event_conditions(store, f)
    if conds is None:
        return {"nodes": [], "edges": [], "total_actors": 0}
    src, tgt = event_actors.alias("src"), event_actors.alias("tgt")
    weight = func.count().label("weight")
    q = (select(src.c.actor_id.label("source"), tgt.c.actor_id.label("target"), events.c.type, events.c.quad, weight)
         .select_from(events.join(src, and_(src.c.event_id == events.c.id, src.c.role == "source"))
                      .join(tgt, and_(tgt.c.event_id == events.c.id, tgt.c.role == "target")))
         .where(src.c.actor_id != tgt.c.actor_id, *conds)
         .group_by(src.c.actor_id, tgt.c.actor_id, events.c.type, events.c.quad)
         .order_by(weight.desc(), src.c.actor_id, tgt.c.actor_id, events.c.type).limit(max_edges))
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    names = _names(store, sorted({r[k] for r in rows for k in ("source", "target")}), codes=True)
    rows = [r for r in rows if _drawable(names[r["source"]]) and _drawable(names[r["target"]])]
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    counts: dict[int, int] = {}
    for r in rows:
        a, b = sorted((r["source"], r["target"]))
        edge = pairs.setdefault((a, b), {"source": a, "target": b, "weight": 0, "quads": {}, "types": {}})
        edge["weight"] += r["weight"]
        edge["quads"][r["quad"]] = edge["quads"].get(r["quad"], 0) + r["weight"]
        edge["types"][r["type"]] = edge["types"].get(r["type"], 0) + r["weight"]
        for k in ("source", "target"):
            counts[r[k]] = counts.get(r[k], 0) + r["weight"]
    kept = set(sorted(counts, key=lambda i: (-counts[i], names[i]["name"]))[:top])
    edges = [e for e in pairs.values() if e["source"] in kept and e["target"] in kept]
    for e in edges:
        e["quad"] = max(e["quads"], key=lambda q: (e["quads"][q], -q))
        e["type"] = max(e["types"], key=lambda t: (e["types"][t], t))
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    nodes = [{**{k: v for k, v in names[i].items() if k != "code"}, "events": counts[i]}
             for i in sorted(kept, key=lambda i: -counts[i])]
    return {"nodes": nodes, "edges": edges, "total_actors": len(counts)}


# What `count_by` can group events by: dimensions of the event and periods of its date.
COUNT_DIMENSIONS = ("source_country", "target_country", "type", "quad", "modality", "year", "month", "week", "day")


def _period(store: Store, name: str) -> ColumnElement[Any]:
    """The event's date cut to a year, month, ISO week ("2022-W09") or day; a date too coarse for the period is
    counted under its own text ("2022" in months)."""
    when = events.c.when_date
    if name == "year":
        return func.substr(when, 1, 4)
    if name == "month":
        return func.substr(when, 1, 7)
    if name == "day":
        return when
    day = func.length(when) == 10
    if store.dialect == "sqlite":  # ISO week: the year and week of the week's Thursday
        thursday = func.date(when, "-3 days", "weekday 4")
        number = (cast(func.strftime("%j", thursday), Integer) + 6) // 7
        week = func.strftime("%Y", thursday).concat("-W").concat(func.printf("%02d", number))
    else:
        week = func.to_char(func.to_date(when, "YYYY-MM-DD"), 'IYYY-"W"IW')
    return case((day, week), else_=when)


def count_by(store: Store, f: EventFilter, by: list[str], dedupe: bool = False) -> list[dict[str, Any]]:
    """How many events match `f`, grouped by the dimensions in `by` (see `COUNT_DIMENSIONS`), in the order of
    the groups. With `dedupe`, a happening told by several stories (one event cluster) counts once. An event's
    country is that of its sources (or targets) as its article gave them, several joined by ";". An event dated
    more than a year from its article (history it mentions, a target it sets) is not counted. Weeks are ISO
    weeks ("2022-W09") on every database."""
    unknown = [b for b in by if b not in COUNT_DIMENSIONS]
    if unknown or not by:
        raise InputError(f"--by {','.join(by)}: group by some of {', '.join(COUNT_DIMENSIONS)}")
    conds = _event_conditions(store, f)
    if conds is None:
        return []
    conds.append(events.c.reference.is_(False))  # a date the text only mentions is no event to count
    if dedupe:
        return _count_clusters(store, conds, by)
    # Grouped by day in the database, in the order of its covering index (no sort of every event), then rolled
    # up to the period here: a few thousand day rows instead of a temporary B-tree over every matching event.
    plain = [b for b in by if b in _COUNT_COLUMNS]
    keys = [_COUNT_COLUMNS[b].label(b) for b in plain] + [events.c.when_date.label("when_date")]
    q = select(*keys, func.count().label("events")).where(*conds).group_by(*keys)
    totals: dict[tuple[Any, ...], int] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(q).mappings():
            key = tuple(row[b] if b in _COUNT_COLUMNS else period_of(b, row["when_date"]) for b in by)
            totals[key] = totals.get(key, 0) + int(row["events"])
    return [{**dict(zip(by, key)), "events": n} for key, n in sorted(totals.items(), key=lambda kv: _sortable(kv[0]))]


_COUNT_COLUMNS: dict[str, Any] = {"source_country": events.c.source_country, "target_country": events.c.target_country,
                                  "type": events.c.type, "quad": events.c.quad, "modality": events.c.modality}


def period_of(name: str, when: str | None) -> str | None:
    """An event date ("2022-03-01", "2022-03", "2022") cut to a year, month, ISO week or day; a date too coarse
    for the period is counted under its own text ("2022" among months)."""
    if not when:
        return when
    if name == "year":
        return when[:4]
    if name == "month":
        return when[:7]
    if name == "week" and len(when) == 10:
        try:
            year, week, _ = date.fromisoformat(when).isocalendar()
        except ValueError:
            return when
        return f"{year}-W{week:02d}"
    return when


def _sortable(key: tuple[Any, ...]) -> tuple[tuple[int, str], ...]:
    """Groups in order with empty values first, as the database orders NULLs."""
    return tuple((0, "") if v is None else (1, str(v)) for v in key)


def _count_clusters(store: Store, conds: list[ColumnElement[bool]], by: list[str]) -> list[dict[str, Any]]:
    """Counted in the database: a cluster may span two days, so its distinct count cannot be summed per day."""
    keys = [(_COUNT_COLUMNS[b] if b in _COUNT_COLUMNS else _period(store, b)).label(b) for b in by]
    counted = func.count(func.distinct(func.coalesce(events.c.cluster_id * 2, events.c.id * 2 + 1)))
    q = select(*keys, counted.label("events")).where(*conds).group_by(*keys).order_by(*keys)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]

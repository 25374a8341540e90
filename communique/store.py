"""The store: records in SQLite (default, a file) or PostgreSQL, one transaction per article.

Tables are plain and readable (Datasette opens the SQLite file as it is): documents, the places that carried
each story (`sightings`), sentences, canonical actors shared across articles, each document's actors and
mentions, statements, events with their actors, event clusters (the same event told by several stories) and
failures. The schema is built by numbered migrations; a database newer than this code is refused.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from .dedupe import NEAR, Fingerprint, similarity
from .errors import StoreError
from .ingest import Article
from .records import Actor, Record

__all__ = ["SCHEMA_VERSION", "Store", "actor_key", "database_url", "open_store"]

metadata = MetaData()

schema_version = Table("communique_schema", metadata, Column("version", Integer, nullable=False))

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text), Column("published", String(10)), Column("source", Text), Column("url", Text),
    Column("language", String(8)), Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("signature", LargeBinary, nullable=False),
    Column("stored_at", String(32), nullable=False),
    Column("record", Text, nullable=False),  # the record as extracted, JSON (schema communique.record/1)
    Index("ix_documents_published", "published"),
)

sightings = Table(
    "sightings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String, nullable=False), Column("kind", String(8), nullable=False),
    Column("similarity", Float, nullable=False), Column("title", Text), Column("published", String(10)),
    Column("source", Text), Column("url", Text), Column("origin", Text),
    UniqueConstraint("document_id", "article_id", name="uq_sightings_article"),
)

document_bands = Table(
    "document_bands", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band_key", BigInteger, nullable=False),
    Index("ix_document_bands_key", "band_key"),
)

sentences = Table(
    "sentences", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False), Column("end_char", Integer, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False), Column("kind", String(16), nullable=False),
    Column("country", String(8)), Column("sector", String(8)), Column("code", String(16)), Column("role", Text),
    Column("role_as_of", String(10)), Column("documents", Integer, nullable=False, default=0),
    Index("ix_actors_name", "name"), Index("ix_actors_country", "country", "documents"),
    Index("ix_actors_documents", "documents"),
)

actor_names = Table(  # every name an actor goes by in any article, lower-cased, for name filters
    "actor_names", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("name", Text, primary_key=True),
)

document_actors = Table(
    "document_actors", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("name", Text, nullable=False), Column("role", Text), Column("country", String(8)),
    Column("sector", String(8)),
    Index("ix_document_actors_actor", "actor_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("start_char", Integer, nullable=False), Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_actor", "actor_id"), Index("ix_mentions_document", "document_id"),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String, nullable=False), Column("kind", String(16), nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id")), Column("speaker_text", Text),
    Column("source_type", String(16), nullable=False),
    Column("cue_start", Integer), Column("cue_end", Integer), Column("cue_text", Text),
    Column("content_start", Integer, nullable=False), Column("content_end", Integer, nullable=False),
    Column("content_text", Text, nullable=False), Column("date", String(10)), Column("when_date", String(10)),
    Column("sentence_idx", Integer),
    UniqueConstraint("document_id", "local_id", name="uq_statements_local"),
    Index("ix_statements_speaker", "speaker_id", "when_date"), Index("ix_statements_when", "when_date"),
    Index("ix_statements_source_type", "source_type", "when_date"),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),
    Column("date", String(10)), Column("type", String(12), nullable=False),
    Column("mentions", Integer, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String, nullable=False), Column("type", String(12), nullable=False),
    Column("cameo", String(8)), Column("quad", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False), Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False), Column("sentence_idx", Integer, nullable=False),
    Column("date", String(10)), Column("when_date", String(10)),
    Column("location_id", Integer, ForeignKey("actors.id")),
    Column("modality", String(16), nullable=False), Column("condition_text", Text),
    Column("statement_local_id", String), Column("cluster_id", Integer, ForeignKey("event_clusters.id")),
    UniqueConstraint("document_id", "local_id", name="uq_events_local"),
    Index("ix_events_type", "type", "when_date"), Index("ix_events_when", "when_date"),
    Index("ix_events_modality", "modality", "when_date"),
    Index("ix_events_cluster", "cluster_id"), Index("ix_events_document", "document_id"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(8), primary_key=True),
    Column("when_date", String(10)),  # the event's, repeated here so an actor's events come newest first by index
    Index("ix_event_actors_actor", "actor_id", "role", "when_date", "event_id"),
    Index("ix_event_actors_actor_when", "actor_id", "when_date", "event_id"),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False), Column("message", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

search_rows = Table(  # PostgreSQL's full-text table; SQLite uses an FTS5 virtual table of the same name
    "search", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(12), nullable=False), Column("document_id", String, nullable=False),
    Column("local_id", String), Column("body", Text, nullable=False),
)

CORE_TABLES = [t for t in metadata.sorted_tables if t.name != "search"]


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=CORE_TABLES)
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE search USING fts5(body, kind UNINDEXED, document_id UNINDEXED, "
                          "local_id UNINDEXED, tokenize='porter unicode61')"))
    else:
        metadata.create_all(conn, tables=[search_rows])
        conn.execute(text("ALTER TABLE search ADD COLUMN tsv tsvector "
                          "GENERATED ALWAYS AS (to_tsvector('english', body)) STORED"))
        conn.execute(text("CREATE INDEX ix_search_tsv ON search USING gin (tsv)"))
        conn.execute(text("CREATE INDEX ix_search_ref ON search (document_id, local_id)"))


MIGRATIONS = [_create_v1]  # migration n (1-based) brings the database from version n-1 to n
SCHEMA_VERSION = len(MIGRATIONS)


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL from a path (SQLite) or a postgresql:// address."""
    value = value or "communique.db"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value)}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A communique database: open it, write records article by article, query it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    # ------------------------------------------------------------------ schema

    def version(self, conn: Connection) -> int:
        if not engine_has_table(conn, "communique_schema"):
            return 0
        found = conn.execute(select(schema_version.c.version)).scalar()
        return int(found or 0)

    def migrate(self) -> int:
        """Bring the schema to `SCHEMA_VERSION`; refuse a newer database. Returns the version now."""
        with self.engine.begin() as conn:
            current = self.version(conn)
            if current > SCHEMA_VERSION:
                raise StoreError(f"the database is at schema version {current}, newer than this communique "
                                 f"({SCHEMA_VERSION}): upgrade communique to use it")
            if current == 0:
                metadata.create_all(conn, tables=[schema_version])
                conn.execute(insert(schema_version).values(version=0))
            for number in range(current + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](conn)
                conn.execute(update(schema_version).values(version=number))
        return SCHEMA_VERSION

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as err:
            raise StoreError(f"the database refused the write ({err.orig}): check it is reachable and "
                             "not read-only") from None

    def describe(self) -> str:
        """The database address with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writing

    def find_copy(self, conn: Connection, article: Article, fp: Fingerprint) -> tuple[str, str, float] | None:
        """(document id, kind, similarity) of a stored copy of this article: same id, same text, or near."""
        same = conn.execute(select(documents.c.id).where(
            (documents.c.id == article.id) | (documents.c.text_hash == fp.text_hash))).first()
        if same is not None:
            return str(same[0]), "same", 1.0
        candidates = select(document_bands.c.document_id).where(document_bands.c.band_key.in_(fp.bands))
        best: tuple[str, str, float] | None = None
        for doc_id, sig in conn.execute(select(documents.c.id, documents.c.signature)
                                        .where(documents.c.id.in_(candidates))):
            score = similarity(bytes(sig), fp.signature)
            if score >= NEAR and (best is None or score > best[2]):
                best = (str(doc_id), "near", score)
        return best

    def seen_again(self, conn: Connection, document_id: str, article: Article, kind: str, score: float) -> bool:
        """Record that `article` carried a stored story. False when this very article was already recorded."""
        exists = conn.execute(select(sightings.c.id).where(
            (sightings.c.document_id == document_id) & (sightings.c.article_id == article.id))).first()
        if exists is not None or (kind == "same" and article.id == document_id):
            return False
        conn.execute(insert(sightings).values(
            document_id=document_id, article_id=article.id, kind=kind, similarity=round(score, 3),
            title=article.title, published=article.published.isoformat() if article.published else None,
            source=article.source, url=article.url, origin=article.origin))
        return True

    def add_record(self, record: Record, article: Article, fp: Fingerprint) -> tuple[str, str]:
        """Store one article's record in one transaction. Returns (outcome, document id), outcome being
        "stored", "duplicate" (same id or text) or "near-duplicate" (then only a sighting is added)."""
        with self.transaction() as conn:
            copy = self.find_copy(conn, article, fp)
            if copy is not None:
                self.seen_again(conn, copy[0], article, copy[1], copy[2])
                return ("duplicate" if copy[1] == "same" else "near-duplicate"), copy[0]
            self._insert(conn, record, article, fp)
            return "stored", record.document.id

    def add_records(self, items: list[tuple[Record, Article, Fingerprint]]) -> list[tuple[str, str]]:
        """Several articles in one transaction (the batch writer's unit): all of them stored, or none."""
        out = []
        with self.transaction() as conn:
            for record, article, fp in items:
                copy = self.find_copy(conn, article, fp)
                if copy is not None:
                    self.seen_again(conn, copy[0], article, copy[1], copy[2])
                    out.append((("duplicate" if copy[1] == "same" else "near-duplicate"), copy[0]))
                else:
                    self._insert(conn, record, article, fp)
                    out.append(("stored", record.document.id))
        return out

    def _insert(self, conn: Connection, record: Record, article: Article, fp: Fingerprint) -> None:
        doc = record.document
        published = str(doc.published) if doc.published else None
        conn.execute(insert(documents).values(
            id=doc.id, title=doc.title, published=published, source=doc.source, url=doc.url,
            language=doc.language, text=doc.text, text_hash=fp.text_hash, signature=fp.signature,
            stored_at=_now(), record=json.dumps(record.to_dict(), ensure_ascii=False)))
        conn.execute(insert(sightings).values(
            document_id=doc.id, article_id=doc.id, kind="original", similarity=1.0, title=doc.title,
            published=published, source=doc.source, url=doc.url, origin=article.origin))
        conn.execute(insert(document_bands), [{"document_id": doc.id, "band_key": k} for k in set(fp.bands)])
        if record.sentences:
            conn.execute(insert(sentences), [{"document_id": doc.id, "idx": i, "start_char": s.start,
                                              "end_char": s.end} for i, s in enumerate(record.sentences)])
        ids = self._actors(conn, record.actors, doc.id, published)
        self._names(conn, record, ids)
        if record.actors:
            conn.execute(insert(document_actors), [
                {"document_id": doc.id, "local_id": a.id, "actor_id": ids[a.id], "name": a.name, "role": a.role,
                 "country": a.country, "sector": a.sector} for a in record.actors])
        rows = [{"document_id": doc.id, "actor_id": ids[a.id], "start_char": m.start, "end_char": m.end,
                 "text": m.text} for a in record.actors for m in a.mentions]
        if rows:
            conn.execute(insert(mentions), rows)
        self._statements(conn, record, ids)
        self._events(conn, record, ids, published)
        self._search(conn, record)

    def _actors(self, conn: Connection, found: tuple[Actor, ...], document_id: str, published: str | None
                ) -> dict[str, int]:
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
                                  "code": a.code, "role": a.role, "role_as_of": published, "documents": 0}
                                 for k, a in new.items()])
            known.update({str(r.key): r for r in rows})
        for a in found:
            row = known[keys[a.id]]
            if keys[a.id] not in new and a.role and published and (row.role_as_of is None
                                                                   or published > row.role_as_of):
                conn.execute(update(actors).where(actors.c.id == row.id).values(
                    role=a.role, role_as_of=published, sector=a.sector, code=a.code))
        ids = {a.id: int(known[keys[a.id]].id) for a in found}
        conn.execute(update(actors).where(actors.c.id.in_(set(ids.values()))).values(
            documents=actors.c.documents + 1))
        return ids

    def _names(self, conn: Connection, record: Record, ids: dict[str, int]) -> None:
        wanted = {(ids[a.id], n.lower()) for a in record.actors for n in (a.name, *a.aliases)}
        if not wanted:
            return
        have = {tuple(r) for r in conn.execute(select(actor_names.c.actor_id, actor_names.c.name)
                                .where(actor_names.c.actor_id.in_({i for i, _ in wanted}))).all()}
        rows = [{"actor_id": i, "name": n} for i, n in sorted(wanted - have)]
        if rows:
            conn.execute(insert(actor_names), rows)

    def _statements(self, conn: Connection, record: Record, ids: dict[str, int]) -> None:
        if not record.statements:
            return
        conn.execute(insert(statements), [{
            "document_id": record.document.id, "local_id": st.id, "kind": st.kind,
            "speaker_id": ids.get(st.speaker or ""), "speaker_text": st.speaker_mention.text
            if st.speaker_mention else None, "source_type": st.source_type,
            "cue_start": st.cue.start if st.cue else None, "cue_end": st.cue.end if st.cue else None,
            "cue_text": st.cue.text if st.cue else None, "content_start": st.content.start,
            "content_end": st.content.end, "content_text": st.content.text, "date": st.date,
            "when_date": st.date or record.document.published or "",
            "sentence_idx": _sentence_of(record, st.content.start)} for st in record.statements])

    def _events(self, conn: Connection, record: Record, ids: dict[str, int], published: str | None) -> None:
        if not record.events:
            return
        parts = [(sorted({ids[x] for x in ev.source if x in ids}), sorted({ids[x] for x in ev.target if x in ids}))
                 for ev in record.events]
        clusters = self._clusters(conn, record, parts)
        inserted = conn.execute(insert(events).returning(events.c.id, sort_by_parameter_order=True), [{
            "document_id": record.document.id, "local_id": ev.id, "type": ev.type, "cameo": ev.cameo,
            "quad": ev.quad, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "trigger_text": ev.trigger.text, "sentence_idx": ev.sentence, "date": ev.date,
            "when_date": ev.date or published or "", "location_id": ids.get(ev.location or ""), "modality": ev.modality,
            "condition_text": ev.condition.text if ev.condition else None, "statement_local_id": ev.statement,
            "cluster_id": cluster} for ev, cluster in zip(record.events, clusters, strict=True)]).scalars().all()
        rows = [{"event_id": event_id, "actor_id": a, "role": role, "when_date": ev.date or published or ""}
                for event_id, ev, (sources, targets) in zip(inserted, record.events, parts, strict=True)
                for role, group in (("source", sources), ("target", targets)) for a in group]
        if rows:
            conn.execute(insert(event_actors), rows)

    def _clusters(self, conn: Connection, record: Record, parts: list[tuple[list[int], list[int]]]
                  ) -> list[int | None]:
        """The same event told by several stories: same date, type, sources and targets. `mentions` counts
        stories, not sentences (a headline and its lead are one story). Undated events are not clustered."""
        keys = [json.dumps([ev.date, ev.type, src, tgt]) if ev.date and src else None
                for ev, (src, tgt) in zip(record.events, parts, strict=True)]
        wanted = {k for k in keys if k}
        if not wanted:
            return [None] * len(keys)
        found = {str(r.key): int(r.id) for r in conn.execute(select(event_clusters.c.id, event_clusters.c.key)
                                                             .where(event_clusters.c.key.in_(wanted)))}
        if found:
            conn.execute(update(event_clusters).where(event_clusters.c.id.in_(set(found.values()))).values(
                mentions=event_clusters.c.mentions + 1))
        for key in sorted(wanted - set(found)):
            ev = record.events[keys.index(key)]
            found[key] = int(conn.execute(insert(event_clusters).values(key=key, date=ev.date, type=ev.type,
                                                                        mentions=1)
                                          .returning(event_clusters.c.id)).scalar_one())
        return [found[k] if k else None for k in keys]

    def _search(self, conn: Connection, record: Record) -> None:
        doc = record.document
        rows = [{"kind": "document", "document_id": doc.id, "local_id": None, "body": doc.text}]
        rows += [{"kind": "statement", "document_id": doc.id, "local_id": st.id, "body": st.content.text}
                 for st in record.statements]
        rows += [{"kind": "actor", "document_id": doc.id, "local_id": a.id,
                  "body": " ".join(dict.fromkeys([a.name, *a.aliases]))} for a in record.actors]
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO search (body, kind, document_id, local_id) "
                              "VALUES (:body, :kind, :document_id, :local_id)"), rows)
        else:
            conn.execute(insert(search_rows), rows)

    def add_failure(self, origin: str, message: str) -> None:
        with self.transaction() as conn:
            conn.execute(insert(failures).values(origin=origin, message=message, at=_now()))

    # ------------------------------------------------------------------ counts

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                    for t in (documents, sightings, actors, statements, events, event_clusters, failures)}


def _sentence_of(record: Record, pos: int) -> int | None:
    for i, s in enumerate(record.sentences):
        if s.start <= pos < s.end:
            return i
    return None


def engine_has_table(conn: Connection, name: str) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(conn).has_table(name))


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (and by default create or upgrade) the database at `url` (a path or postgresql:// address)."""
    full = database_url(url)
    try:
        engine = create_engine(full, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as err:
        raise StoreError(f"cannot use database {url!r} ({err}): give a file path or postgresql://user@host/db") \
            from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    if migrate:
        try:
            store.migrate()
        except OperationalError as err:
            raise StoreError(f"cannot open database {url or 'communique.db'!r} ({err.orig}): check the path or "
                             "that the server is running") from None
    return store

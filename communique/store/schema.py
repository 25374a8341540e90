"""The store's schema: its tables, and the numbered migrations that build and upgrade them.

Tables are plain and readable (Datasette opens the SQLite file as it is): documents, the places that carried
each story (`sightings`), sentences, canonical actors shared across articles, each document's actors and
mentions, statements, events with their actors, event clusters (the same event told by several stories) and
failures. Migration n brings a database from version n-1 to n; a database newer than this code is refused.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
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
    false,
    inspect,
    text,
)

from ..calendar import is_reference

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "has_table", "metadata"]

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
    UniqueConstraint("document_id", "article_id", "origin", name="uq_sightings_seen"),  # migration 2
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
    # where a place or a state is on the map (migration 3)
    Column("latitude", Float), Column("longitude", Float), Column("geonameid", Integer), Column("admin1", String(20)),
    Column("feature", String(10)),
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
    Column("search_id", Integer),  # its row in the full-text table, so a word search reads no FTS columns (v4)
    UniqueConstraint("document_id", "local_id", name="uq_statements_local"),
    Index("ix_statements_speaker", "speaker_id", "when_date"), Index("ix_statements_when", "when_date"),
    Index("ix_statements_source_type", "source_type", "when_date"), Index("ix_statements_search", "search_id"),
)

# Everyone a statement is attributed to (migration 7): its speaker, and for "the two leaders stressed…" each of the
# meeting's participants, so an actor's statements include those the article puts in a group's mouth.
statement_speakers = Table(
    "statement_speakers", metadata,
    Column("statement_id", Integer, ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("when_date", String(10)),  # the statement's, so an actor's statements come newest first by index
    Index("ix_statement_speakers_actor", "actor_id", "when_date", "statement_id"),
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
    Column("date_source", String(10)),  # where `date` came from: text, context or published (migration 2)
    Column("statement_local_id", String), Column("cluster_id", Integer, ForeignKey("event_clusters.id")),
    # the countries of its sources and of its targets as the article gave them ("RUS", "FRA;RUS"), for counts
    Column("source_country", String(40)), Column("target_country", String(40)),  # migration 3
    # its date is more than a year from its article's (history mentioned, a target set): kept as `date`, never
    # counted, and `when_date` is then the article's (migration 3)
    Column("reference", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("document_id", "local_id", name="uq_events_local"),
    Index("ix_events_type", "type", "when_date"), Index("ix_events_when", "when_date"),
    Index("ix_events_modality", "modality", "when_date"),
    Index("ix_events_cluster", "cluster_id"), Index("ix_events_document", "document_id"),
    # counting by dyad and period reads this index alone (migration 3)
    Index("ix_events_counts", "modality", "source_country", "target_country", "when_date", "type", "quad",
          "cluster_id", "reference"),
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

# Each article's word on a commitment, read from its events when it is stored (migration 5): what a commitment
# query threads, instead of reading every pledge event of the store again. `thread_key` is what threads never
# cross (the kind and the holder's state; for talks, both sides').
commitment_mentions = Table(
    "commitment_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_local_id", String, nullable=False), Column("kind", String(24), nullable=False),
    Column("thread_key", String(120), nullable=False),
    Column("holder_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("beneficiary_id", Integer, ForeignKey("actors.id")),
    Column("status", String(12), nullable=False), Column("what", Text, nullable=False),
    Column("condition_text", Text), Column("amount_value", Float), Column("amount_currency", String(8)),
    Column("amount_text", Text), Column("amount_start", Integer), Column("amount_end", Integer),
    Column("eur", Float), Column("date", String(10)), Column("modality", String(16), nullable=False),
    Column("source_type", String(16), nullable=False), Column("sentence_idx", Integer, nullable=False),
    Column("sentence_text", Text, nullable=False), Column("trigger_start", Integer, nullable=False),
    Index("ix_commitment_mentions_thread", "thread_key"), Index("ix_commitment_mentions_document", "document_id"),
    Index("ix_commitment_mentions_holder", "holder_id"), Index("ix_commitment_mentions_beneficiary", "beneficiary_id"),
)

# The commitments the mentions make, threaded per thread key and kept (migration 6): a query reads a page of them
# instead of threading its keys again. A key whose mentions changed waits in `commitment_dirty` until the next
# refresh (a query, or the end of an ingest) threads it again.
commitment_threads = Table(
    "commitment_threads", metadata,
    Column("id", String(16), primary_key=True), Column("thread_key", String(120), nullable=False),
    Column("kind", String(24), nullable=False), Column("status", String(12), nullable=False),
    Column("first_stated", String(10)), Column("last_seen", String(10)),
    Column("holder_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("beneficiary_id", Integer, ForeignKey("actors.id")), Column("what", Text, nullable=False),
    Column("condition_text", Text), Column("amount_value", Float), Column("amount_currency", String(8)),
    Column("amount_text", Text), Column("eur", Float), Column("mentions", Integer, nullable=False),
    Index("ix_commitment_threads_key", "thread_key"), Index("ix_commitment_threads_kind", "kind", "last_seen"),
    Index("ix_commitment_threads_seen", "last_seen"),
)
commitment_thread_mentions = Table(
    "commitment_thread_mentions", metadata,
    Column("commitment_id", String(16), ForeignKey("commitment_threads.id", ondelete="CASCADE"), nullable=False),
    Column("mention_id", Integer, ForeignKey("commitment_mentions.id", ondelete="CASCADE"), nullable=False),
    Index("ix_commitment_thread_mentions_commitment", "commitment_id"),
    Index("ix_commitment_thread_mentions_mention", "mention_id"),
)
commitment_dirty = Table(
    "commitment_dirty", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True), Column("thread_key", String(120), nullable=False),
)
COMMITMENT_TABLES = [commitment_mentions, commitment_threads, commitment_thread_mentions, commitment_dirty]
LATER_TABLES = [*COMMITMENT_TABLES, statement_speakers]

# Release 0.1's tables (in their newest columns): migration 1 builds them; tables added later come from their
# own migration.
CORE_TABLES = [t for t in metadata.sorted_tables if t.name != "search" and t not in LATER_TABLES]


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


def _add_event_date_source(conn: Connection) -> None:
    """Events say where their date came from: the text, the context (a statement, an earlier event) or the
    publication date. Rows stored before this were dated from the text or not at all."""
    if any(c["name"] == "date_source" for c in inspect(conn).get_columns("events")):
        return  # a database created by this code at version 1 has today's tables already
    conn.execute(text("ALTER TABLE events ADD COLUMN date_source VARCHAR(10)"))
    conn.execute(text("UPDATE events SET date_source = 'text' WHERE date IS NOT NULL"))


def _sightings_by_origin(conn: Connection) -> None:
    """A story seen again under the same article id from another origin (the same text in two files) is a
    sighting of its own: the unique key gains the origin."""
    names = {c["name"] for c in inspect(conn).get_unique_constraints("sightings")}
    if "uq_sightings_article" not in names:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(text("ALTER TABLE sightings DROP CONSTRAINT uq_sightings_article"))
        conn.execute(text("ALTER TABLE sightings ADD CONSTRAINT uq_sightings_seen "
                          "UNIQUE (document_id, article_id, origin)"))
        return
    columns = ", ".join(c.name for c in sightings.columns)
    conn.execute(text("ALTER TABLE sightings RENAME TO sightings_v1"))
    sightings.create(conn)
    conn.execute(text(f"INSERT INTO sightings ({columns}) SELECT {columns} FROM sightings_v1"))
    conn.execute(text("DROP TABLE sightings_v1"))


def _v2(conn: Connection) -> None:
    _add_event_date_source(conn)
    _sightings_by_origin(conn)


GEO_COLUMNS = (("latitude", "FLOAT"), ("longitude", "FLOAT"), ("geonameid", "INTEGER"), ("admin1", "VARCHAR(20)"),
               ("feature", "VARCHAR(10)"))


def _v3(conn: Connection) -> None:
    """Places and states carry their point on the map (rows stored before this have none until an article names
    them again); events carry the countries of their sources and targets, for counting by dyad."""
    have = {c["name"] for c in inspect(conn).get_columns("actors")}
    for name, kind in GEO_COLUMNS:
        if name not in have:
            conn.execute(text(f"ALTER TABLE actors ADD COLUMN {name} {kind}"))
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "source_country" not in have:
        conn.execute(text("ALTER TABLE events ADD COLUMN source_country VARCHAR(40)"))
        conn.execute(text("ALTER TABLE events ADD COLUMN target_country VARCHAR(40)"))
        conn.execute(text("ALTER TABLE events ADD COLUMN reference BOOLEAN NOT NULL DEFAULT FALSE"))
        _backfill_dyads(conn)
        _backfill_references(conn)
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_counts ON events "
                      "(modality, source_country, target_country, when_date, type, quad, cluster_id, reference)"))


def _backfill_references(conn: Connection) -> None:
    """Stored events dated more than a year from their article: marked, and filed under the article's date."""
    rows = conn.execute(text("SELECT e.id, e.date, d.published FROM events e JOIN documents d ON d.id = e.document_id "
                             "WHERE e.date IS NOT NULL AND d.published IS NOT NULL")).all()
    marked = [{"id": int(i), "published": p} for i, when, p in rows if is_reference(when, p)]
    if marked:
        conn.execute(text("UPDATE events SET reference = TRUE, when_date = :published WHERE id = :id"), marked)


def _backfill_dyads(conn: Connection) -> None:
    """The countries of each stored event's sources and targets, sorted and joined as new rows get them."""
    found: dict[tuple[int, str], set[str]] = {}
    rows = conn.execute(text("SELECT ea.event_id, ea.role, a.country FROM event_actors ea "
                             "JOIN actors a ON a.id = ea.actor_id WHERE a.country IS NOT NULL"))
    for event_id, role, country in rows:
        found.setdefault((int(event_id), str(role)), set()).add(str(country))
    updates = [{"id": event_id, "value": ";".join(sorted(countries))} for (event_id, role), countries in found.items()
               if role == "source"], [{"id": event_id, "value": ";".join(sorted(countries))}
                                      for (event_id, role), countries in found.items() if role == "target"]
    for role, values in zip(("source", "target"), updates, strict=True):
        if values:
            conn.execute(text(f"UPDATE events SET {role}_country = :value WHERE id = :id"), values)


def _v4(conn: Connection) -> None:
    """Statements know their row in the full-text table: `statements --about` then joins on it instead of
    reading each match's kind and ids from the FTS table."""
    if "search_id" not in {c["name"] for c in inspect(conn).get_columns("statements")}:
        conn.execute(text("ALTER TABLE statements ADD COLUMN search_id INTEGER"))
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE TEMP TABLE statement_search AS SELECT rowid AS sid, document_id, local_id "
                          "FROM search WHERE kind = 'statement'"))
        conn.execute(text("CREATE INDEX temp.ix_statement_search ON statement_search (document_id, local_id)"))
        conn.execute(text("UPDATE statements SET search_id = (SELECT sid FROM statement_search m WHERE "
                          "m.document_id = statements.document_id AND m.local_id = statements.local_id) "
                          "WHERE search_id IS NULL"))
        conn.execute(text("DROP TABLE temp.statement_search"))
    else:
        conn.execute(text("UPDATE statements s SET search_id = x.id FROM search x WHERE x.kind = 'statement' "
                          "AND x.document_id = s.document_id AND x.local_id = s.local_id AND s.search_id IS NULL"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_statements_search ON statements (search_id)"))


def _v5(conn: Connection) -> None:
    """Commitment mentions are kept when an article is stored; those of the articles stored before are read
    once from their records."""
    from .write import backfill_commitment_mentions  # the write path owns how a record becomes rows

    metadata.create_all(conn, tables=[commitment_mentions])
    backfill_commitment_mentions(conn)


def _v6(conn: Connection) -> None:
    """Commitments are kept threaded; every stored thread key waits for its first threading."""
    metadata.create_all(conn, tables=[commitment_threads, commitment_thread_mentions, commitment_dirty])
    conn.execute(text("INSERT INTO commitment_dirty (thread_key) SELECT DISTINCT thread_key FROM commitment_mentions"))


def _v7(conn: Connection) -> None:
    """Statements may have several speakers; each stored statement keeps the one it was stored with."""
    metadata.create_all(conn, tables=[statement_speakers])
    conn.execute(text("INSERT INTO statement_speakers (statement_id, actor_id, when_date) "
                      "SELECT s.id, s.speaker_id, s.when_date FROM statements s WHERE s.speaker_id IS NOT NULL "
                      "AND NOT EXISTS (SELECT 1 FROM statement_speakers x WHERE x.statement_id = s.id)"))


MIGRATIONS = [_create_v1, _v2, _v3, _v4, _v5, _v6, _v7]  # migration n (1-based) brings the database from version n-1 to n
SCHEMA_VERSION = len(MIGRATIONS)


def has_table(conn: Connection, name: str) -> bool:
    return bool(inspect(conn).has_table(name))



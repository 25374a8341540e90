"""The store: records in SQLite (default, a file) or PostgreSQL, behind one small class.

`Store.known` answers, before extraction, whether an article is stored already (so a rerun skips it);
`Store.save` writes a list of records in one transaction and says what became of each (`Outcome`). The
duplicate decision itself lives in `write.decide`, used by both.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, inspect, literal, select, update
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from ..records import Document, Record
from .dedupe import fingerprint
from .schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    actors,
    documents,
    event_clusters,
    events,
    failures,
    has_table,
    metadata,
    schema_version,
    sightings,
    statements,
)
from .write import Outcome, decide, insert_record, now

__all__ = ["Store", "database_url", "open_store", "sqlite_path"]

SQLITE_MAGIC = b"SQLite format 3\x00"


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL from a path (SQLite) or a postgresql:// address."""
    value = value or "communique.db"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value)}"


def sqlite_path(url: str | None) -> Path | None:
    """The file of a SQLite store (None for PostgreSQL or an in-memory database)."""
    full = database_url(url)
    if not full.startswith("sqlite:///"):
        return None
    name = full.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(name) if name and name != ":memory:" else None


def _not_sqlite(path: Path) -> str | None:
    """Why the file at `path` cannot be a SQLite database (not one, or cut short), or None (also when it does
    not exist or is empty: it becomes a new store)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(100)
    except OSError:
        return None
    if size == 0:
        return None
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        return "it is not a SQLite database"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    pending = any(path.with_name(path.name + end).exists() for end in ("-wal", "-journal"))  # SQLite completes it
    if not pending and head[24:28] == head[92:96] and size < page * pages:  # a valid page count: all must be there
        return f"the file is cut short ({size:,} of {page * pages:,} bytes)"
    return None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """A communique database: open it, save records, query it (see `queries`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    def version(self, conn: Connection) -> int:
        if not has_table(conn, "communique_schema"):
            return 0
        found = conn.execute(select(schema_version.c.version)).scalar()
        return int(found or 0)

    def foreign_tables(self, conn: Connection) -> list[str]:
        """Tables that no communique store holds (another program's database, when there is no
        communique_schema table)."""
        ours = set(metadata.tables)
        return sorted(t for t in inspect(conn).get_table_names()
                      if t not in ours and not t.startswith(("search_", "sqlite_")))

    def migrate(self) -> int:
        """Bring the schema to `SCHEMA_VERSION`; refuse a newer database, and one of another program. Returns the
        version now."""
        with self.engine.begin() as conn:
            current = self.version(conn)
            if current > SCHEMA_VERSION:
                raise StoreError(f"the database is at schema version {current}, newer than this communique "
                                 f"({SCHEMA_VERSION}): upgrade communique to use it")
            others = self.foreign_tables(conn) if current == 0 else []
            if others:
                raise StoreError(f"{self.describe()} is not a communique store (it holds other tables: "
                                 f"{', '.join(others[:5])}): give the path of a communique store or of a new file")
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

    def known(self, document: Document) -> Outcome | None:
        """Before extraction: the outcome when the store has this article already (its sighting recorded),
        else None."""
        with self.transaction() as conn:
            return decide(conn, document)

    def save(self, records: Sequence[Record]) -> list[Outcome]:
        """Store `records` in one transaction (all or none); one outcome per record, in order."""
        with self.transaction() as conn:
            return [self._save_one(conn, record) for record in records]

    def _save_one(self, conn: Connection, record: Record) -> Outcome:
        fp = fingerprint(record.document.text)
        found = decide(conn, record.document, fp)
        if found is not None:
            return found
        try:
            with conn.begin_nested():  # a savepoint: a concurrent writer's copy undoes this article alone
                insert_record(conn, record, fp)
        except IntegrityError:
            again = decide(conn, record.document, fp)
            if again is None:
                raise StoreError(f"{record.document.id}: the database refused the article for a reason other "
                                 "than a duplicate: run `communique check`") from None
            return again
        return Outcome.stored(record.document.id)

    def add_failure(self, origin: str, message: str) -> None:
        """Keep a failed input and its reason (once: a rerun that fails the same way adds nothing)."""
        with self.transaction() as conn:
            seen = conn.execute(select(failures.c.id).where(
                (failures.c.origin == origin) & (failures.c.message == message))).first()
            if seen is None:
                conn.execute(insert(failures).values(origin=origin, message=message, at=now()))

    def check(self) -> list[str]:
        """What is wrong with the store, empty when it is sound: SQLite's integrity check, or on PostgreSQL a
        read of every communique table."""
        with self.engine.connect() as conn:
            if self.version(conn) == 0:
                raise StoreError(f"{self.describe()} is not a communique store (it has no communique_schema "
                                 "table): give the path of one with --db")
            if self.dialect == "sqlite":
                try:
                    found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
                except DatabaseError as err:
                    return [str(err.orig)]
                return [] if found == ["ok"] else found
            problems = []
            for table in metadata.sorted_tables:
                try:
                    conn.execute(select(literal(1)).select_from(table).limit(1)).all()
                except DBAPIError as err:
                    problems.append(f"{table.name}: {' '.join(str(err.orig).split())}")
                    conn.rollback()
            return problems

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                    for t in (documents, sightings, actors, statements, events, event_clusters, failures)}


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (and by default create or upgrade) the database at `url` (a path or postgresql:// address)."""
    full = database_url(url)
    path = sqlite_path(url)
    problem = _not_sqlite(path) if path is not None else None
    if problem is not None:
        raise StoreError(f"cannot open {str(path)!r} as a store: {problem}: give the path of a communique store "
                         "or of a new file (restore a damaged one from a backup)")
    try:
        engine = create_engine(full, future=True)
    except ImportError:
        raise StoreError(f"cannot use database {url!r}: PostgreSQL needs its driver: "
                         "pip install 'communique[postgres]'") from None
    except (SQLAlchemyError, ValueError) as err:
        raise StoreError(f"cannot use database {url!r} ({err}): give a file path or postgresql://user@host/db") \
            from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    if migrate:
        try:
            store.migrate()
        except OperationalError as err:
            store.close()
            raise StoreError(f"cannot open database {url or 'communique.db'!r} ({err.orig}): check the path or "
                             "that the server is running") from None
        except DatabaseError as err:
            store.close()
            raise StoreError(f"cannot open database {url or 'communique.db'!r} ({err.orig}): it is not a usable "
                             "communique store: give another path, or restore it from a backup") from None
        except StoreError:
            store.close()
            raise
    return store

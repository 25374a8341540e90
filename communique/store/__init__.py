"""The store: SQLite or PostgreSQL behind named functions.

`schema` (tables and numbered migrations), `write` (the duplicate decision and the rows of an article),
`database` (the `Store`: open, migrate, save), `dedupe` (MinHash fingerprints), `queries` (named read
functions), `export` (JSONL, CSV, Parquet, POLECAT).
"""
from __future__ import annotations

from .database import Store, database_url, open_store
from .schema import SCHEMA_VERSION
from .write import Outcome, OutcomeKind, actor_key

__all__ = ["SCHEMA_VERSION", "Outcome", "OutcomeKind", "Store", "actor_key", "database_url", "open_store"]

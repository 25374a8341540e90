"""Shared fixtures: the loaded pipeline, the project root and the team's ../shared folder."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy.engine import make_url

from communique.stages.pipeline import load_nlp
from communique.tools.evaluation import find_shared

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/*.expected.json")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    path = find_shared(ROOT)
    if path is None:
        pytest.skip("../shared (the team's gold data) is absent; set COMMUNIQUE_SHARED to run this test")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a new database on the PostgreSQL server that
    $COMMUNIQUE_TEST_PG points at (`.ci/run` starts one)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    base = os.environ.get("COMMUNIQUE_TEST_PG")
    if not base:
        pytest.skip("no PostgreSQL server: set COMMUNIQUE_TEST_PG (`.ci/run` starts one with .ci/postgres)")
    from sqlalchemy import create_engine, text

    from communique.store import database_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(database_url(base)).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

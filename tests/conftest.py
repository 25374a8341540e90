"""Shared fixtures: the loaded pipeline, the project root, the team's ../shared folder, and stores: empty
ones on both databases and ones with examples/articles.jsonl ingested (built once, copied per user)."""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


EXAMPLES = ROOT / "examples" / "articles.jsonl"


def _pg_base() -> str:
    base = os.environ.get("COMMUNIQUE_TEST_PG")
    if not base:
        pytest.skip("no PostgreSQL server: set COMMUNIQUE_TEST_PG (`.ci/run` starts one with .ci/postgres)")
    return base


@contextmanager
def _pg_database(template: str | None = None) -> Iterator[str]:
    """A new database on the test server (a copy of `template` when given), dropped afterwards."""
    from sqlalchemy import create_engine, text

    from communique.store import database_url

    base = database_url(_pg_base())
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _ingest_examples(url: str) -> None:
    from communique.batch import ingest
    from communique.inputs import read_inputs
    from communique.store import open_store

    store = open_store(url)
    try:
        summary = ingest(read_inputs([str(EXAMPLES)]), store)
    finally:
        store.close()  # no connection left open: the file is copied, the database used as a template
    assert summary.stored == 5 and not summary.failures, summary


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a new database on the PostgreSQL server that
    $COMMUNIQUE_TEST_PG points at (`.ci/run` starts one)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with _pg_database() as url:
        yield url


@pytest.fixture(scope="session")
def loaded_store_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], str]:
    """Makes private copies of one SQLite store with examples/articles.jsonl ingested (ingested once a
    session): `loaded_store_copy(folder)` is the URL of a new copy in `folder`, for a fixture of any scope."""
    template = tmp_path_factory.mktemp("loaded") / "examples.db"
    _ingest_examples(str(template))
    assert not template.with_name(template.name + "-wal").exists()  # closed: everything is in the one file

    def copy(folder: Path) -> str:
        path = folder / "loaded.db"
        shutil.copyfile(template, path)
        return str(path)

    return copy


@pytest.fixture
def loaded_store_url(loaded_store_copy: Callable[[Path], str], tmp_path: Path) -> str:
    """A SQLite store with examples/articles.jsonl ingested, this test's own copy (it may write to it)."""
    return loaded_store_copy(tmp_path)


@pytest.fixture(scope="session")
def _loaded_pg_template() -> Iterator[str]:
    with _pg_database() as url:
        _ingest_examples(url)
        name = make_url(url).database
        assert name
        yield name


@pytest.fixture(params=["sqlite", "postgresql"])
def loaded_url_on_both(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Like `loaded_store_url`, on SQLite and on PostgreSQL (a new database copied from one loaded once)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("loaded_store_copy")(tmp_path)
        return
    with _pg_database(template=request.getfixturevalue("_loaded_pg_template")) as url:
        yield url

"""Shared fixtures: the loaded pipeline, the project root and the team's ../shared folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from communique.evaluation import find_shared
from communique.pipeline import load_nlp

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

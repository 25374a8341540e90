"""Statements: who said what (filled by the statements issue; the slot exists so the record is complete)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .records import Statement

__all__ = ["find_statements", "communique_statements"]


def find_statements(doc: Doc) -> list[Statement]:
    """Statements in `doc` (none yet)."""
    return []


@Language.component("communique_statements", assigns=["doc._.statements"], requires=["doc._.actors"])
def communique_statements(doc: Doc) -> Doc:
    """spaCy component: fill `doc._.statements`."""
    doc._.statements = find_statements(doc)
    return doc

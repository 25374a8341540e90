"""Events: who did what to whom (filled by the events issue; the slot exists so the record is complete)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .pipeline import register_extensions
from .records import Event

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["communique_events", "find_events"]


def find_events(doc: Doc) -> list[Event]:
    """Events in `doc` (none yet)."""
    return []


@Language.component("communique_events", assigns=["doc._.events"], requires=["doc._.actors", "doc._.statements"])
def communique_events(doc: Doc) -> Doc:
    """spaCy component: fill `doc._.events`."""
    doc._.events = find_events(doc)
    return doc

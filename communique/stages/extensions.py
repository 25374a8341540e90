"""The `Doc._` attributes the stages read and write, registered in one place.

Each stage declares in its spaCy `requires`/`assigns` which of these it reads and fills, so
`nlp.analyze_pipes()` can check the pipeline order.
"""
from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["EXTENSIONS", "register_extensions"]

EXTENSIONS = ("published", "title", "url", "dates", "actors", "mention_actor", "statements", "events")


def register_extensions() -> None:
    """Register every `Doc._` attribute the stages use (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

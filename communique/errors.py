"""The one exception tree of communique.

    CommuniqueError          anything communique raises on purpose
    ├── InputError           an article or input file cannot be read or is not usable text
    ├── ModelError           the spaCy pipeline is missing or unusable
    ├── StoreError           the record store cannot be opened or written
    └── ConfigError          a setting or a user data file is invalid

Every message says what happened and what to do; front ends print it on one line.
"""
from __future__ import annotations

__all__ = ["CommuniqueError", "ConfigError", "InputError", "ModelError", "StoreError"]


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""


class InputError(CommuniqueError):
    """An input cannot be read or is not usable article text."""


class ModelError(CommuniqueError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(CommuniqueError):
    """The record store cannot be opened or written."""


class ConfigError(CommuniqueError):
    """A setting or user data file is invalid."""

"""The one schema of an article's values where they enter (a JSONL line, the API's request body).

`id`, `title`, `source`, `url` and `language` are strings of bounded length without control characters;
`text` may hold tabs and newlines but no NUL. No value may hold a lone surrogate (a JSON escape such as
"\\ud800" decodes to one): neither database can store it. The JSONL reader and the API's `ArticleIn` both ask
`field_problem`, so the two cannot drift apart.
"""
from __future__ import annotations

import re

__all__ = ["FIELD_LIMITS", "field_problem"]

FIELD_LIMITS = {"id": 500, "title": 2000, "source": 500, "url": 4000, "language": 8}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def field_problem(key: str, value: object) -> str | None:
    """What is wrong with `value` as an article's `key`, as a phrase to follow the field's name; None when
    nothing is."""
    if not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if _SURROGATE.search(value):
        return "holds a lone surrogate (an unpaired \\ud800-\\udfff escape), which is not text"
    if key in {"text", "lead", "description", "summary"}:
        return "holds a NUL character" if "\x00" in value else None
    if _CONTROL.search(value):
        return "holds a control character (a NUL, a tab, a newline, ...)"
    limit = FIELD_LIMITS.get(key)
    if limit is not None and len(value) > limit:
        return f"is {len(value):,} characters long, over the limit of {limit:,}"
    return None

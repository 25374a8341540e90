"""Plain inputs: text files, JSONL lines and standard input as validated `Article`s.

Every problem becomes an `InputFailure` naming the input, so a batch goes on with the rest.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from ..calendar import parse_published
from ..errors import InputError
from ..records import Article, InputFailure, content_id
from .fields import field_problem

__all__ = ["Defaults", "check_text", "guess_title", "read_bytes", "read_jsonl", "read_text"]

COMMON_ENGLISH = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "it", "said", "at", "from", "he", "his", "be", "are", "has", "have", "not", "this", "an", "which", "but", "were", "they", "had", "its", "their", "will", "would", "been", "who", "also", "after", "more"}


@dataclass(frozen=True)
class Defaults:
    """What the user said about inputs that do not say it themselves (flags such as --published)."""

    title: str | None = None
    published: date | None = None
    source: str | None = None


def failure(err: InputError, origin: str) -> InputFailure:
    """The failure of `origin` from an InputError whose message starts with it."""
    return InputFailure(origin, str(err).removeprefix(f"{origin}: "))


def guess_title(text: str) -> str | None:
    """The first line, when a blank line follows it or it is much shorter than the lines after it."""
    lines = text.split("\n")
    if len(lines) < 2 or not lines[0].strip():
        return None
    first = lines[0].strip()
    if not lines[1].strip():
        return first
    rest = [len(line) for line in lines[1:] if line.strip()]
    if rest and len(first) < 120 and len(first) * 3 < sum(rest) / len(rest) and not first.endswith("."):
        return first
    return None


LONGEST_RUN = 1000  # characters without white space in a text (the longest URLs run to a few hundred)


def check_text(text: str, origin: str, max_chars: int) -> None:
    """Raise InputError when `text` is not usable English article text."""
    if not text.strip():
        raise InputError(f"{origin}: the article text is empty: give a file with text in it")
    if len(text) > max_chars:
        raise InputError(f"{origin}: the article has {len(text):,} characters, over the limit of {max_chars:,}: "
                         "split it into articles or raise COMMUNIQUE_MAX_CHARS")
    controls = sum(1 for c in text[:10000] if ord(c) < 32 and c not in "\n\r\t\f")
    if "\x00" in text or controls > 10:
        raise InputError(f"{origin}: this looks like binary data, not text: give a UTF-8 text file")
    if max(map(len, text.split()), default=0) > LONGEST_RUN:  # spaCy's tokenizer is quadratic in a run's length
        raise InputError(f"{origin}: the text has a run of more than {LONGEST_RUN:,} characters without a space: "
                         "that is not article text")
    words = [w for w in re.findall(r"[^\W\d_]+", text[:20000]) if w.islower()]  # names say nothing of language
    if len(words) >= 12 and sum(w in COMMON_ENGLISH for w in words) / len(words) < 0.10:
        raise InputError(f"{origin}: the text does not look like English: communique reads English news; "
                         "translate it first")


def read_bytes(data: bytes, origin: str) -> str:
    """Decode UTF-8 (a byte-order mark is dropped), or raise InputError naming the input."""
    if not data.strip():
        raise InputError(f"{origin}: the input is empty: give a file with text in it")
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: this looks like binary data, not text: give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{origin}: not valid UTF-8 (byte 0x{data[err.start]:02x} at position {err.start}): "
                         "convert it, for example with iconv -f latin1 -t utf-8") from None


# Fields that hold an article's lead paragraph apart from its body (press releases, news-please, RSS exports).
LEAD_FIELDS = ("lead", "description", "summary")


def _text_field(data: dict[str, Any], key: str, origin: str) -> str | None:
    """The line's `key` when it is a usable value (see `fields`), None when absent or empty."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if key == "id" and type(value) is int:
        value = str(value)  # a numeric id is kept as its digits
    problem = field_problem(key, value)
    if problem is not None:
        raise InputError(f"{origin}: \"{key}\" {problem}: fix the line")
    return str(value)


def _article(data: Any, origin: str, defaults: Defaults) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"{origin}: a JSONL line must be an object with a \"text\" field")
    if not isinstance(data.get("text"), str):
        raise InputError(f"{origin}: the line has no \"text\" string: every JSONL article needs one")
    text = _text_field(data, "text", origin) or ""
    lead = next((v for v in (_text_field(data, k, origin) for k in LEAD_FIELDS) if v and v.strip()), None)
    if lead is not None and not text.lstrip().startswith(lead.strip()):
        text = f"{lead.strip()}\n\n{text}"  # the lead is the article's first paragraph: often its main news
    given = _text_field(data, "id", origin)
    published = parse_published(data.get("published") or data.get("date"), origin) or defaults.published
    return Article(id=given or content_id(text), text=text,
                   title=_text_field(data, "title", origin) or defaults.title, published=published,
                   source=_text_field(data, "source", origin) or defaults.source, url=_text_field(data, "url", origin),
                   language=_text_field(data, "language", origin) or "en", origin=origin)


def read_jsonl(stream: BinaryIO, name: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    """One article per line of a JSONL stream; a bad line is a failure naming `name:line`."""
    for number, raw in enumerate(stream, start=1):
        origin = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            line = read_bytes(raw, origin)
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                # json's messages may end in "at" ("Invalid control character at"): the column follows them
                where = "" if err.msg.endswith(" at") else " at"
                raise InputError(f"{origin}: not valid JSON ({err.msg}{where} column {err.colno}): "
                                 "each line must be one JSON object") from None
            except ValueError as err:  # a number of thousands of digits, for one
                raise InputError(f"{origin}: not usable JSON ({err}): each line must be one article object") \
                    from None
            except RecursionError:
                raise InputError(f"{origin}: the JSON is nested too deeply: each line must be one flat article "
                                 "object") from None
            yield _article(data, origin, defaults)
        except InputError as err:
            yield failure(err, origin)


def read_text(stream: BinaryIO, name: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    """The whole stream as one article; its id is a hash of the text (the path is only where it came from)."""
    try:
        text = read_bytes(stream.read(), name)
    except InputError as err:
        yield failure(err, name)
        return
    yield Article(id=content_id(text), text=text, title=defaults.title or guess_title(text),
                  published=defaults.published, source=defaults.source, origin=name)

"""Ingest: turn files, JSONL lines and standard input into validated `Article`s.

Every problem becomes an `InputFailure` naming the input, so a batch goes on with the rest.
HTML pages and feeds slot in here as further readers (see `READERS`).
"""
from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError

__all__ = [
    "READERS",
    "Article",
    "InputFailure",
    "check_text",
    "count_inputs",
    "guess_title",
    "parse_published",
    "read_bytes",
    "read_inputs",
]

COMMON_ENGLISH = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "it", "said", "at", "from", "he", "his", "be", "are", "has", "have", "not", "this", "an", "which", "but", "were", "they", "had", "its", "their", "will", "would", "been", "who", "also", "after", "more"}


@dataclass(frozen=True)
class Article:
    """One article to extract: its text exactly as given, and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str = "<text>"


@dataclass(frozen=True)
class InputFailure:
    """An input (or one line of it) that could not become an article, and why."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def parse_published(value: Any, origin: str) -> date | None:
    """A publication date from `YYYY-MM-DD` (a longer ISO timestamp is cut to its date)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        pass
    import dateparser  # other spellings ("March 2, 2009", "03-02-2009": month first) are read by dateparser

    parsed = dateparser.parse(str(value), languages=["en"], settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    if parsed is None:
        raise InputError(f"{origin}: published date {value!r} is not a date: write YYYY-MM-DD or leave it out")
    result: date = parsed.date()
    return result


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


def _article(data: dict[str, Any], origin: str, default_id: str, defaults: Article) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"{origin}: a JSONL line must be an object with a \"text\" field")
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f"{origin}: the line has no \"text\" string: every JSONL article needs one")
    published = parse_published(data.get("published") or data.get("date"), origin) or defaults.published
    return Article(id=str(data.get("id") or default_id), text=text, title=data.get("title") or defaults.title,
                   published=published, source=data.get("source") or defaults.source, url=data.get("url"),
                   language=str(data.get("language") or "en"), origin=origin)


def _read_jsonl(stream: BinaryIO, name: str, defaults: Article) -> Iterator[Article | InputFailure]:
    stem = Path(name).stem
    for number, raw in enumerate(stream, start=1):
        origin = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            line = read_bytes(raw, origin)
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{origin}: not valid JSON ({err.msg} at column {err.colno}): "
                                 "each line must be one JSON object") from None
            yield _article(data, origin, f"{stem}-{number}", defaults)
        except InputError as err:
            yield InputFailure(origin, str(err).removeprefix(f"{origin}: "))


def _read_text(stream: BinaryIO, name: str, defaults: Article) -> Iterator[Article | InputFailure]:
    try:
        text = read_bytes(stream.read(), name)
    except InputError as err:
        yield InputFailure(name, str(err).removeprefix(f"{name}: "))
        return
    stem = "stdin" if name == "-" else Path(name).stem
    yield replace(defaults, id=defaults.id or stem, text=text, title=defaults.title or guess_title(text), origin=name)


Reader = Callable[[BinaryIO, str, Article], Iterator["Article | InputFailure"]]
READERS: dict[str, Reader] = {".jsonl": _read_jsonl, ".ndjson": _read_jsonl, ".txt": _read_text, ".text": _read_text}


def _readers() -> dict[str, Reader]:
    from .web import read_feed, read_html  # the web readers import this module

    return {**READERS, ".html": read_html, ".htm": read_html, ".xml": read_feed, ".rss": read_feed,
            ".atom": read_feed}


def _read_path(path: Path, name: str, defaults: Article, readers: dict[str, Reader]
               ) -> Iterator[Article | InputFailure]:
    found = readers.get(path.suffix.lower())
    if found is None:
        kinds = ", ".join(sorted(readers))
        yield InputFailure(name, f"unsupported input type {path.suffix or '(none)'!r}: give one of {kinds}")
        return
    try:
        with path.open("rb") as stream:
            yield from found(stream, name, defaults)
    except OSError as err:
        yield InputFailure(name, f"cannot read it ({err.strerror}): check the path")


def count_inputs(paths: list[str]) -> int | None:
    """How many articles `paths` hold, when that can be known without reading them (JSONL lines counted
    by bytes); None for feeds, URLs and standard input. For progress bars."""
    total = 0
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if name == "-" or name.startswith(("http://", "https://")) or suffix in {".xml", ".rss", ".atom"}:
                return None
            if suffix in {".jsonl", ".ndjson"}:
                try:
                    with f.open("rb") as stream:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
                except OSError:
                    continue
            elif suffix in {".txt", ".text", ".html", ".htm"}:
                total += 1
    return total


def read_inputs(paths: list[str], defaults: Article | None = None) -> Iterator[Article | InputFailure]:
    """Articles from each input in turn: files by extension (.txt, .jsonl, .html, .xml/.rss/.atom feeds),
    directories (recursively, files of those kinds), http(s) URLs, and `-` (standard input: JSONL when it
    starts with `{`, else text)."""
    defaults = defaults or Article(id="", text="")
    readers = _readers()
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            reader = _read_jsonl if data.lstrip().startswith(b"{") else _read_text
            yield from reader(io.BytesIO(data), name, defaults)
        elif name.startswith(("http://", "https://")):
            from .web import read_url

            yield from read_url(name, defaults)
        elif Path(name).is_dir():
            files = sorted(p for p in Path(name).rglob("*") if p.is_file() and p.suffix.lower() in readers)
            if not files:
                yield InputFailure(name, f"the folder holds no {', '.join(sorted(readers))} files")
            for path in files:
                yield from _read_path(path, str(path), defaults, readers)
        else:
            yield from _read_path(Path(name), name, defaults, readers)

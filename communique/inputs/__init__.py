"""Inputs: every kind of input as a stream of `Article`s, or `InputFailure`s naming what went wrong.

Files by extension through the reader registry (`READERS`: text, JSONL, HTML, feeds), folders (recursively;
files of other kinds are reported, not skipped in silence), http(s) URLs and `-` (standard input: JSONL when it
starts with `{`, HTML when it starts with `<`, else text). An article's id is the one its input gives (a JSONL
`id`, a feed entry id, a canonical URL), else a hash of its text: where the text came from is provenance
(`origin`), never identity.
"""
from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..records import Article, InputFailure
from .feeds import read_feed
from .text import Defaults, check_text, guess_title, read_bytes, read_jsonl, read_text
from .urls import read_url
from .web import read_html

__all__ = ["READERS", "Defaults", "Reader", "check_text", "count_inputs", "guess_title", "read_bytes", "read_inputs"]

Reader = Callable[[BinaryIO, str, Defaults], Iterator[Article | InputFailure]]
READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".txt": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html, ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
}
UNCOUNTABLE = {".xml", ".rss", ".atom"}  # a feed holds we do not know how many articles


def _kinds() -> str:
    return ", ".join(sorted(READERS))


def _read_path(path: Path, name: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    found = READERS.get(path.suffix.lower())
    if found is None:
        yield InputFailure(name, f"unsupported input type {path.suffix or '(none)'!r}: give one of {_kinds()}")
        return
    try:
        with path.open("rb") as stream:
            yield from found(stream, name, defaults)
    except OSError as err:
        yield InputFailure(name, f"cannot read it ({err.strerror}): check the path")


def _read_stdin(defaults: Defaults) -> Iterator[Article | InputFailure]:
    data = sys.stdin.buffer.read()
    start = data.lstrip()[:1]
    reader = read_jsonl if start == b"{" else read_html if start == b"<" else read_text
    yield from reader(io.BytesIO(data), "-", defaults)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_inputs(paths: list[str], defaults: Defaults | None = None) -> Iterator[Article | InputFailure]:
    """Articles from each input in turn (see the module docstring)."""
    defaults = defaults or Defaults()
    for name in paths:
        if name == "-":
            yield from _read_stdin(defaults)
        elif name.startswith(("http://", "https://")):
            yield from read_url(name, defaults)
        elif Path(name).is_dir():
            files = _folder_files(Path(name))
            if not files:
                yield InputFailure(name, f"the folder holds no files: give one holding {_kinds()} files")
            for path in files:
                yield from _read_path(path, str(path), defaults)
        else:
            yield from _read_path(Path(name), name, defaults)


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return 0


def count_inputs(paths: list[str]) -> int | None:
    """How many articles `paths` hold, when that can be known without reading them (JSONL lines counted by
    bytes); None for feeds, URLs and standard input. For progress bars."""
    total = 0
    for name in paths:
        if name == "-" or name.startswith(("http://", "https://")):
            return None
        path = Path(name)
        for f in _folder_files(path) if path.is_dir() else [path]:
            suffix = f.suffix.lower()
            if suffix in UNCOUNTABLE:
                return None
            total += _lines(f) if suffix in {".jsonl", ".ndjson"} else 1  # an unreadable file is one failure
    return total

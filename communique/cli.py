"""Command line: parses flags, calls the library, turns errors into one-line messages."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .brief import render_brief
from .errors import CommuniqueError
from .extraction import extract_many
from .ingest import Article, InputFailure, parse_published, read_inputs
from .records import Record
from .settings import Settings

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="communique", description="Who did and said what to whom in the news.")
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract source-attributed records from articles",
                        description="Extract actors, dates, statements and events from .txt or .jsonl articles.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, .jsonl file (one article per line) or - "
                                                             "for standard input")
    ex.add_argument("--published", help="publication date YYYY-MM-DD for articles that do not carry one")
    ex.add_argument("--title", help="title for text articles (default: the first line when it looks like one)")
    ex.add_argument("--format", choices=["brief", "json", "jsonl"], default=None,
                    help="output: brief (default on a terminal), json or jsonl (default otherwise)")
    ex.add_argument("--model", help=Settings.documented()["model"])
    return parser


def _write_json(records: list[Record], out: TextIO) -> None:
    """One record as an object, several as an array."""
    data = [r.to_dict() for r in records]
    json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def run_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = Settings.from_env(model=args.model)
    fmt = args.format or ("brief" if out.isatty() else "jsonl")
    defaults = Article(id="", text="", title=args.title, published=parse_published(args.published, "--published"))
    records: list[Record] = []
    failures = 0
    for item in extract_many(read_inputs(args.paths, defaults), settings):
        if isinstance(item, InputFailure):
            failures += 1
            print(f"Error: {item}", file=err)
        elif fmt == "jsonl":
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "brief":
            out.write(("\n" + "─" * 72 + "\n" if records else "") + render_brief(item) + "\n")
            records.append(item)
        else:
            records.append(item)
    if fmt == "json" and records:
        _write_json(records, out)
    if failures:
        print(f"{failures} input(s) failed; the others were processed.", file=err)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run_extract(args, sys.stdout, sys.stderr)
    except CommuniqueError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: parses flags, calls the library, turns errors into one-line messages."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.exc import SQLAlchemyError

from . import __version__
from .batch import Job, RunSummary, ingest, run_batch
from .brief import render_brief
from .calendar import parse_published
from .codebook import MODALITIES, SOURCE_TYPES, plover_types
from .commitments import KINDS, STATUSES, Commitment
from .errors import CommuniqueError, ConfigError, InputError, StoreError
from .extraction import extract_many
from .inputs import Defaults, count_inputs, read_inputs
from .records import InputFailure, Record
from .settings import Settings
from .store import Store, open_store
from .store.commitments import (
    CommitmentFilter,
    commitment_rows,
    find_commitments,
    get_commitment,
    with_mentions,
    with_sources,
)
from .store.database import sqlite_path
from .store.export import FORMATS, export
from .store.queries import (
    COUNT_DIMENSIONS,
    EventFilter,
    StatementFilter,
    actor_profile,
    actors_named,
    count_actors,
    count_by,
    count_events,
    count_failures,
    count_search,
    count_statements,
    find_actors,
    find_events,
    find_statements,
    list_failures,
    search,
)

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="communique", description="Who did and said what to whom in the news.")
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract source-attributed records from articles",
                        description="Extract actors, dates, statements and events from articles, without storing "
                                    "them. Inputs: .txt files, .jsonl files (one article per line), .html pages, "
                                    "RSS/Atom feeds, folders of these, http(s) URLs, or - for standard input.")
    ex.add_argument("paths", nargs="+", metavar="PATH_OR_URL",
                    help="a .txt file, a .jsonl file (one article object per line), an .html page, an RSS or Atom "
                         "feed (.xml, .rss, .atom), a folder (its files of these kinds), an http(s) URL of an article "
                         "or feed, or - for standard input (JSONL, HTML or plain text)")
    ex.add_argument("--published", help="publication date YYYY-MM-DD for articles that do not carry one")
    ex.add_argument("--title", help="title for text articles (default: the first line when it looks like one)")
    ex.add_argument("--format", choices=["brief", "json", "jsonl"], default=None,
                    help="output: brief (default on a terminal), json or jsonl (default otherwise)")
    ex.add_argument("--model", help=Settings.documented()["model"])
    for add in (_store_commands, _serve_commands, _query_commands, _commitment_commands, _lookup_commands):
        add(sub)
    return parser


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=Settings.documented()["db"] + " (default: $COMMUNIQUE_DB or communique.db)")


def _fmt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output format")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip, for paging")


def _store_commands(sub: Any) -> None:
    ing = sub.add_parser("ingest", help="extract articles and keep them in the store",
                         description="Read .txt, .jsonl, .html files, RSS/Atom feeds, folders, URLs or - and store "
                                     "each article once (duplicates and near-duplicates are recognised).")
    ing.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    _db(ing)
    ing.add_argument("--published", help="publication date YYYY-MM-DD for articles that do not carry one")
    ing.add_argument("--source", help="name of the outlet, for articles that do not carry one")
    ing.add_argument("--model", help=Settings.documented()["model"])
    ba = sub.add_parser("batch", help="a corpus through several processes or a Dask cluster into the store",
                        description="Like ingest, for corpora: streamed input, N worker processes (or the workers "
                                    "of a Dask cluster), one writer; a stopped batch resumes where it stopped.")
    ba.add_argument("paths", nargs="+", metavar="INPUT")
    _db(ba)
    ba.add_argument("--processes", type=int, default=max(1, (os.cpu_count() or 1)),
                    help="local worker processes (default: one per core)")
    ba.add_argument("--scheduler", metavar="tcp://HOST:8786", help="run on this Dask cluster instead")
    ba.add_argument("--chunk-size", type=int, default=16, help="articles per task (default 16)")
    ba.add_argument("--published", help="publication date YYYY-MM-DD for articles that do not carry one")
    ba.add_argument("--source", help="name of the outlet, for articles that do not carry one")
    ba.add_argument("--model", help=Settings.documented()["model"])

def _serve_commands(sub: Any) -> None:
    sv = sub.add_parser("serve", help="the web UI and REST API over the store",
                        description="Serve the UI and the REST API (OpenAPI at /docs). Writing routes need "
                                    "COMMUNIQUE_TOKEN; without it the server is read-only.")
    _db(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    fl = sub.add_parser("failures", help="inputs that could not be stored, and why")
    _db(fl)
    fl.add_argument("--limit", type=int, default=50)
    ck = sub.add_parser("check", help="check that the store is sound (exit status 0) or damaged (1)",
                        description="SQLite: PRAGMA integrity_check; PostgreSQL: a read of every communique table.")
    _db(ck)


def _query_commands(sub: Any) -> None:
    ev = sub.add_parser("events", help="query events: who did what to whom")
    _db(ev)
    for name in ("actor", "source", "target"):
        ev.add_argument(f"--{name}", metavar="NAME", help=f"{'any participant' if name == 'actor' else name} "
                                                          "whose name contains NAME")
    ev.add_argument("--type", choices=plover_types(), type=str.upper, metavar="TYPE",
                    help="PLOVER type: " + ", ".join(plover_types()))
    ev.add_argument("--modality", choices=MODALITIES)
    ev.add_argument("--since", metavar="DATE", help="from this date (YYYY[-MM[-DD]])")
    ev.add_argument("--until", metavar="DATE", help="up to this date")
    _fmt(ev)
    co = sub.add_parser("counts", help="count events by dyad, type or quad and period",
                        description="Count the events that match, grouped by the dimensions --by names (in that "
                                    "order): " + ", ".join(COUNT_DIMENSIONS) + ". An event's country is that of its "
                                    "sources (or targets) as its article gave them, several joined by ';'.")
    _db(co)
    co.add_argument("--by", required=True, metavar="DIMS", help="comma-separated, e.g. source_country,month")
    for name in ("actor", "source", "target"):
        co.add_argument(f"--{name}", metavar="NAME")
    co.add_argument("--type", choices=plover_types(), type=str.upper, metavar="TYPE")
    co.add_argument("--modality", choices=MODALITIES)
    co.add_argument("--since", metavar="DATE")
    co.add_argument("--until", metavar="DATE")
    co.add_argument("--dedupe", choices=["clusters"], help="count a happening told by several stories once")
    co.add_argument("--format", choices=["table", "json", "csv", "parquet"], default="table")
    co.add_argument("--output", metavar="PATH", help="file to write (needed for parquet)")
    st = sub.add_parser("statements", help="query statements: who said what")
    _db(st)
    st.add_argument("--speaker", metavar="NAME")
    st.add_argument("--source-type", choices=SOURCE_TYPES)
    st.add_argument("--about", metavar="WORDS", help="words the statement contains")
    st.add_argument("--since", metavar="DATE")
    st.add_argument("--until", metavar="DATE")
    _fmt(st)

def _commitment_commands(sub: Any) -> None:
    cm = sub.add_parser("commitments", help="who promised what to whom, on which condition, and what became of it",
                        description="Pledges, offers, deliveries, refusals and withdrawals found in the stored "
                                    "events, joined across articles into one commitment per holder, beneficiary "
                                    "and kind; newest first.")
    _db(cm)
    cm.add_argument("--holder", metavar="NAME", help="holder whose name contains NAME")
    cm.add_argument("--to", metavar="NAME", help="beneficiary whose name contains NAME")
    cm.add_argument("--kind", choices=KINDS)
    cm.add_argument("--status", choices=STATUSES)
    cm.add_argument("--since", metavar="DATE", help="last seen on or after this date (YYYY[-MM[-DD]])")
    cm.add_argument("--until", metavar="DATE", help="first stated on or before this date")
    _fmt(cm)
    one = sub.add_parser("commitment", help="one commitment's history: dated lines with their sentences")
    one.add_argument("id", metavar="ID")
    _db(one)
    one.add_argument("--format", choices=["table", "json"], default="table")


def _lookup_commands(sub: Any) -> None:
    ac = sub.add_parser("actors", help="list actors")
    _db(ac)
    ac.add_argument("--country", help="ISO 3166 alpha-3 code")
    ac.add_argument("--name", help="name contains")
    _fmt(ac)
    one = sub.add_parser("actor", help="one actor's profile: roles, statements, events, counterparts")
    one.add_argument("name", metavar="NAME")
    _db(one)
    one.add_argument("--format", choices=["table", "json"], default="table")
    one.add_argument("--limit", type=int, default=5, help="latest statements and events to show (default 5)")
    se = sub.add_parser("search", help="full-text search over articles, statements and actors")
    se.add_argument("words", nargs="+", metavar="WORDS")
    _db(se)
    _fmt(se)
    exp = sub.add_parser("export", help="export events (or statements, or commitments) for other tools")
    _db(exp)
    exp.add_argument("--format", choices=list(FORMATS), default="jsonl")
    exp.add_argument("--what", choices=["events", "statements", "commitments"], default="events")
    exp.add_argument("--output", metavar="PATH", help="file to write (default standard output; needed for parquet)")


def _write_json(records: list[Record], out: TextIO) -> None:
    """One record as an object, several as an array."""
    data = [r.to_dict() for r in records]
    json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def run_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    settings = Settings.from_env(model=args.model)
    fmt = args.format or ("brief" if out.isatty() else "jsonl")
    defaults = Defaults(title=args.title, published=parse_published(args.published, "--published"))
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


def _open(args: argparse.Namespace) -> Store:
    return open_store(Settings.from_env(db=args.db).db)


def run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`ingest` (in this process) and `batch` (worker processes or a Dask cluster): read, store, summarise."""
    settings = Settings.from_env(model=args.model, db=args.db)
    defaults = Defaults(source=args.source, published=parse_published(args.published, "--published"))
    store = open_store(settings.db)
    where = store.describe()
    try:
        if args.command == "batch":
            job = Job(processes=args.processes, scheduler=args.scheduler, chunk_size=args.chunk_size)
            summary = _with_progress(lambda tick: run_batch(read_inputs(args.paths, defaults), store, settings,
                                                            job, tick), err, count_inputs(args.paths))
        else:
            summary = _with_progress(lambda tick: ingest(read_inputs(args.paths, defaults), store, settings,
                                                         tick), err, count_inputs(args.paths))
    finally:
        store.close()
    for failure in summary.failures:
        print(f"Error: {failure}", file=err)
    print(f"{summary.line()} ({where})", file=out)
    return 1 if summary.failures else 0


PLAIN_PROGRESS_EVERY = 5.0  # seconds between progress lines when standard error is not a terminal


def eta(done: int, total: int | None, elapsed: float) -> str:
    """Time left at the run's average pace so far ("0:02:10"), or "-" before the first article or without a
    total; it keeps growing while a slow batch of articles is out, instead of freezing at a window's estimate."""
    if not total or done <= 0 or elapsed <= 0:
        return "-"
    left = int(elapsed * max(total - done, 0) / done)
    return f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"


def _plain_progress(err: TextIO, total: int | None) -> Any:
    """A progress line every few seconds, for logs and pipes (a bar would be noise there)."""
    started = last = time.monotonic()

    def tick(summary: RunSummary) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < PLAIN_PROGRESS_EVERY:
            return
        last = now
        of = f" of {total:,}" if total else ""
        left = f", {eta(summary.seen, total, now - started)} left" if total else ""
        print(f"… {summary.seen:,}{of} articles ({summary.seen / max(now - started, 1e-9):.1f}/s{left}): "
              f"{summary.line()}", file=err, flush=True)

    return tick


def _with_progress(run: Any, err: TextIO, total: int | None = None) -> RunSummary:
    """Run with a progress bar on a terminal (articles, rate, ETA when the total is known); progress lines
    every few seconds otherwise."""
    if not err.isatty():
        return run(_plain_progress(err, total))  # type: ignore[no-any-return]
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Left(ProgressColumn):  # the run's own average, re-read at every refresh
        def render(self, task: Task) -> Text:
            return Text(f"{eta(int(task.completed), int(task.total) if task.total else None, task.elapsed or 0)} left")

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                  TextColumn("{task.completed} articles · {task.fields[rate]}/s"), TimeElapsedColumn(),
                  Left(), transient=True) as bar:
        task = bar.add_task("ingesting", total=total, rate="0.0")

        def tick(summary: RunSummary) -> None:
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, completed=summary.seen, rate=f"{summary.seen / elapsed:.1f}")

        return run(tick)  # type: ignore[no-any-return]


def _clip(value: Any, width: int) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["name"] for a in actors) or "-"


def _emit(rows: list[dict[str, Any]], fmt: str, out: TextIO, table: Any) -> None:
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "csv":
        import csv

        flat = [{k: (_names(v) if isinstance(v, list) else v["name"] if isinstance(v, dict) else v)
                 for k, v in r.items()} for r in rows]
        if flat:
            w = csv.DictWriter(out, fieldnames=list(flat[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(flat)
    else:
        if not rows:
            print("(nothing found)", file=out)
        out.writelines(table(r) + "\n" for r in rows)


def _evidence(r: dict[str, Any]) -> str:
    where = " ".join(x for x in (str(r.get("published") or ""), r.get("url") or "") if x)
    return f"    “{_clip(r.get('sentence'), 100)}” — {_clip(r.get('title') or r['document_id'], 50)} {where}"


def _count(n: int, noun: str) -> str:
    """ "1 article", "2 articles"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _table(rows: list[dict[str, Any]], out: TextIO, *, noun: str, header: str, line: Any,
           total: Any, offset: int) -> None:
    """A table on the terminal: a header row, the rows, and which of how many these are; or "No NOUNs." """
    if not rows:
        print(f"No {noun}s.", file=out)
        return
    print(header, file=out)
    out.writelines(line(r) + "\n" for r in rows)
    print(f"{offset + 1}–{offset + len(rows)} of {_count(total(), noun)}", file=out)


def _show(rows: list[dict[str, Any]], args: argparse.Namespace, out: TextIO, noun: str, header: str, line: Any,
          total: Any) -> None:
    if args.format == "table":
        _table(rows, out, noun=noun, header=header, line=line, total=total, offset=args.offset)
    else:
        _emit(rows, args.format, out, line)


def _event_line(r: dict[str, Any]) -> str:
    mentions = r["cluster_mentions"] or 1
    return (f"{r['when'] or '-'!s:<10}  {r['type']:<9} {_names(r['source'])} -> {_names(r['target'])}  "
            f"({r['modality']})" + (f"  ×{mentions} stories" if mentions > 1 else "") + "\n" + _evidence(r))


def _statement_line(r: dict[str, Any]) -> str:
    who = _names(r["speakers"]) if len(r.get("speakers") or []) > 1 else r["speaker"] or r["speaker_text"]
    return (f"{r['when'] or '-'!s:<10}  {who or 'unattributed'} "
            f"({r['source_type']}): {_clip(r['content_text'], 90)}\n" + _evidence(r))


EVENT_HEADER = f"{'DATE':<10}  {'TYPE':<9} SOURCE -> TARGET  (MODALITY), then the sentence and its article"
STATEMENT_HEADER = f"{'DATE':<10}  SPEAKER (SOURCE TYPE): WHAT WAS SAID, then the sentence and its article"
ACTOR_HEADER = f"{'NAME':<36} {'KIND':<12} {'COUNTRY':<7} {'SECTOR':<6} {'ARTICLES':>12}  ROLE"


def _query_events(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    f = EventFilter(args.actor, args.source, args.target, args.type, args.modality, args.since, args.until, None,
                    args.limit, args.offset)
    _show(find_events(store, f), args, out, "event", EVENT_HEADER, _event_line, lambda: count_events(store, f))


def _query_statements(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    f = StatementFilter(args.speaker, args.source_type, args.about, args.since, args.until, None, args.limit,
                        args.offset)
    _show(find_statements(store, f), args, out, "statement", STATEMENT_HEADER, _statement_line,
          lambda: count_statements(store, f))


def _query_actors(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    rows = find_actors(store, country=args.country, name=args.name, limit=args.limit, offset=args.offset)
    _show(rows, args, out, "actor", ACTOR_HEADER, lambda r: (
        f"{_clip(r['name'], 36):<36} {r['kind']:<12} {r['country'] or '-':<7} {r['sector'] or '-':<6} "
        f"{_count(r['documents'], 'article'):>12}  {r['role'] or ''}").rstrip(),
        lambda: count_actors(store, country=args.country, name=args.name))


def _query_search(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    words = " ".join(args.words)
    _show(search(store, words, limit=args.limit, offset=args.offset), args, out, "result",
          f"{'KIND':<9} ARTICLE (PUBLISHED), then the matching words in [brackets]", lambda r: (
              f"{r['kind']:<9} {_clip(r['title'] or r['document_id'], 50)} ({r['published'] or '-'})\n"
              f"    {_clip(r['snippet'], 110)}"), lambda: count_search(store, words))


def _query_failures(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    rows = list_failures(store, args.limit)
    _table(rows, out, noun="failure", header=f"{'WHEN':<25}  INPUT: WHY IT FAILED",
           line=lambda r: f"{r['at']!s:<25}  {r['origin']}: {r['message']}", total=lambda: count_failures(store),
           offset=0)


def _query_actor(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    found = actors_named(store, args.name)
    if len(found) != 1:
        return _ambiguous(args.name, found, out)
    profile = actor_profile(store, found[0]["id"])
    if profile is None:
        return _ambiguous(args.name, [], out)
    profile["latest_statements"] = find_statements(store, StatementFilter(speaker_id=profile["id"], limit=args.limit))
    mine = EventFilter(actor_id=profile["id"], limit=args.limit)
    profile["latest_events"], profile["events"] = find_events(store, mine), count_events(store, mine)
    if args.format == "json":
        json.dump(profile, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        out.write(_profile(profile))
    return 0


def _query_counts(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    by = [b.strip() for b in args.by.split(",") if b.strip()]
    f = EventFilter(args.actor, args.source, args.target, args.type, args.modality, args.since, args.until)
    rows = count_by(store, f, by, dedupe=args.dedupe == "clusters")
    if args.format == "parquet":
        _parquet(rows, args.output)
        return
    if args.format != "table":
        _emit(rows, args.format, out, None)
        return
    widths = [max([len(b)] + [len(str(r[b] or "-")) for r in rows]) for b in by]
    out.write("  ".join(b.upper().ljust(w) for b, w in zip(by, widths, strict=True)) + "  EVENTS\n")
    out.writelines("  ".join(str(r[b] or "-").ljust(w) for b, w in zip(by, widths, strict=True))
                   + f"  {r['events']:>6}\n" for r in rows)
    total = sum(r["events"] for r in rows)
    out.write(f"{_count(total, 'event')} in {_count(len(rows), 'group')}\n" if rows else "none\n")


def _parquet(rows: list[dict[str, Any]], path: str | None) -> None:
    if not path:
        raise InputError("--format parquet writes a file: give --output PATH")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--format parquet needs pyarrow: pip install 'communique[parquet]'") from None
    pq.write_table(pa.Table.from_pylist(rows), path)


def _party(p: Any) -> str:
    """"Olaf Scholz (DEU)": a commitment is its state's, whoever said it."""
    return f"{p.name} ({p.country})" if p.country and p.kind != "country" else p.name


def _money(c: Commitment) -> str:
    if c.amount is None:
        return ""
    eur = f" (€{c.eur:,.0f})" if c.eur is not None and c.amount.currency != "EUR" else ""
    return f"{c.amount.value:,.0f} {c.amount.currency}{eur}"


def _query_commitments(store: Store, args: argparse.Namespace, out: TextIO) -> None:
    f = CommitmentFilter(args.holder, args.to, args.kind, args.status, args.since, args.until, args.limit, args.offset)
    total, found = find_commitments(store, f)
    if args.format == "json":
        json.dump([c.to_dict(history=False) for c in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if args.format == "csv":
        _emit(commitment_rows(with_sources(store, with_mentions(store, found))), "csv", out, None)
        return
    if not found:
        print("No commitments.", file=out)
        return
    for c in found:
        to = f" → {_party(c.beneficiary)}" if c.beneficiary else ""
        seen = c.first_stated if c.first_stated == c.last_seen else f"{c.first_stated} – {c.last_seen}"
        out.write(f"{c.id}  {seen or 'undated'}  {_party(c.holder)}{to}  {c.kind}  {c.status.upper()}  "
                  f"×{c.mention_count}  {_money(c)}\n    {c.what}\n")
        if c.condition:
            out.write(f"    condition: {c.condition}\n")
    print(f"{f.offset + 1}–{f.offset + len(found)} of {_count(total, 'commitment')}", file=out)


def _query_commitment(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    c = get_commitment(store, args.id)
    if c is None:
        print(f"Error: no commitment {args.id!r}: see `communique commitments`", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(c.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    to = f" → {_party(c.beneficiary)}" if c.beneficiary else ""
    out.write(f"{_party(c.holder)}{to}: {c.kind}, {c.status}  {_money(c)}\n  {c.what}\n")
    if c.condition:
        out.write(f"  condition: {c.condition}\n")
    for m in c.mentions:
        cond = f" [if: {m.condition}]" if m.condition else ""
        out.write(f"  {m.date or 'undated'}  {m.status:<11} {m.source_type:<13} {m.title or m.document}{cond}\n"
                  f"      {' '.join(m.sentence.split())}\n")
    return 0


QUERIES = {"commitments": _query_commitments, "counts": _query_counts, "events": _query_events,
           "statements": _query_statements, "actors": _query_actors,
           "search": _query_search, "failures": _query_failures}


def run_query(args: argparse.Namespace, out: TextIO) -> int:
    store = _open(args)
    try:
        if args.command == "actor":
            return _query_actor(store, args, out)
        if args.command == "commitment":
            return _query_commitment(store, args, out)
        QUERIES[args.command](store, args, out)
        return 0
    finally:
        store.close()


def _ambiguous(name: str, found: list[dict[str, Any]], out: TextIO) -> int:
    """No actor, or several, go by `name`: say so, listing the candidates."""
    if not found:
        print(f"Error: no actor named like {name!r}: try `communique actors --name`", file=sys.stderr)
        return 1
    print(f"{len(found)} actors go by {name!r}; give a fuller name:", file=out)
    out.writelines(f"  {a['name']}  ({a['kind']}, {a['country'] or 'no country'}, {a['documents']} article"
                   f"{'' if a['documents'] == 1 else 's'})\n" for a in found)
    return 1


def _profile(p: dict[str, Any]) -> str:
    """One actor: who they are, their roles, how often they appear, their counterparts and the latest of what they
    said and did (each with its evidence)."""
    lines = [f"{p['name']}  ({p['kind']}, {p['country'] or 'no country'}, {p['sector'] or '-'})"]
    lines += [f"  {role['role']}  ({role['first']} – {role['last']})" for role in p["roles"]] or ["  no role found"]
    lines.append(f"  {_count(p['documents'], 'article')}, {_count(p['statements'], 'statement')}, "
                 f"{_count(p['events_as_source'], 'event')} as source, {p['events_as_target']} as target")
    if p["counterparts"]:
        lines.append("  counterparts: " + ", ".join(f"{c['name']} ({c['events']})" for c in p["counterparts"]))
    for title, rows, line, total in (
            ("Latest statements", p["latest_statements"], _statement_line, p["statements"]),
            ("Latest events", p["latest_events"], _event_line, p["events"])):
        lines.append("")
        lines.append(f"{title} ({len(rows)} of {total}):" if rows else f"{title}: none")
        lines += ["  " + r for row in rows for r in line(row).splitlines()]
    return "\n".join(lines) + "\n"


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    store = _open(args)
    try:
        path = Path(args.output) if args.output else None
        if path is not None and args.format != "parquet":
            with path.open("w", encoding="utf-8", newline="") as f:
                n = export(store, args.format, f, path, args.what)
        else:
            n = export(store, args.format, out if path is None else None, path, args.what)
        print(f"{n} {args.what} exported", file=sys.stderr)
        return 0
    finally:
        store.close()


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """`check`: one line saying whether the store is sound."""
    db = Settings.from_env(db=args.db).db
    path = sqlite_path(db)
    if path is not None and not path.is_file():
        raise StoreError(f"there is no store at {str(path)!r}: give the path of a communique database with --db")
    store = open_store(db, migrate=False)
    try:
        where = store.describe()
        problems = store.check()
    finally:
        store.close()
    if problems:
        shown = "; ".join(" ".join(p.split()) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        print(f"Error: the store at {where} is damaged: {shown}{more}: restore it from a backup, or ingest the "
              "articles again into a new store", file=sys.stderr)
        return 1
    print(f"the store at {where} is sound", file=out)
    return 0


def run_serve(args: argparse.Namespace, out: TextIO) -> int:
    try:
        import uvicorn

        from .api import SERVER_LIMITS, create_app
    except ImportError:
        raise ConfigError("communique serve needs the web extra: pip install 'communique[serve]'") from None

    settings = Settings.from_env(db=args.db)
    app = create_app(settings=settings, token=os.environ.get("COMMUNIQUE_TOKEN") or None, host=args.host)
    print(f"communique: serving {app.state.store.describe()} at http://{args.host}:{args.port}/ "
          f"(API docs at /docs{'' if os.environ.get('COMMUNIQUE_TOKEN') else '; read-only'})", file=out, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", **SERVER_LIMITS)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args, sys.stdout, sys.stderr)
        if args.command in {"ingest", "batch"}:
            return run_ingest(args, sys.stdout, sys.stderr)
        if args.command == "export":
            return run_export(args, sys.stdout)
        if args.command == "serve":
            return run_serve(args, sys.stdout)
        if args.command == "check":
            return run_check(args, sys.stdout)
        return run_query(args, sys.stdout)
    except CommuniqueError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except SQLAlchemyError as err:  # the database failed in the middle of a command
        print(f"Error: the database failed ({' '.join(str(getattr(err, 'orig', None) or err).split())[:300]}): "
              "run `communique check`", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

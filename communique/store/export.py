"""Exports: events (or statements) from the store as JSONL, CSV, Parquet, or POLECAT/PLOVER columns.

The `polecat` format writes the tab-separated columns event-data tooling reads (event id, date, type, mode,
quad, actor and recipient name/country/sector, place, source, publication date) followed by ours: the
sentence, the trigger's character offsets, the URL, the modality, the CAMEO code and the event cluster with
its mention count, so that a story told by several outlets is counted once.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..codebook import load_codebook
from ..errors import ConfigError, InputError
from .database import Store
from .queries import EventFilter, StatementFilter, find_events, find_statements

__all__ = ["FORMATS", "POLECAT_COLUMNS", "POLECAT_PUBLISHED", "event_rows", "export"]

FORMATS = ("jsonl", "csv", "parquet", "polecat")
# The columns of the published POLECAT weekly files, in their order (the data set's TSV header)
POLECAT_PUBLISHED = ("Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
                     "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
                     "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
                     "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
                     "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
                     "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
                     "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
                     "Version")
# ours: the published columns we fill, in the published order, then our own
POLECAT_COLUMNS = ["Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Actor Name", "Actor Country",
                   "Primary Actor Sector", "Actor Sectors", "Recipient Name", "Recipient Country",
                   "Primary Recipient Sector", "Recipient Sectors", "Placename", "City", "Country", "Latitude",
                   "Longitude", "GeoNames ID", "Feature Type", "Source", "Publication Date",
                   "Sentence", "Trigger Start", "Trigger End", "URL", "Modality", "CAMEO", "Story Cluster",
                   "Story Mentions", "Goldstein", "Date Precision", "Coarse Date", "Mentioned Date",
                   "Location Precision"]
PAGE = 1000


def _pages(store: Store, what: str, f: EventFilter | StatementFilter) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        if what == "events":
            assert isinstance(f, EventFilter)
            rows = find_events(store, EventFilter(**{**f.__dict__, "limit": PAGE, "offset": offset}))
        else:
            assert isinstance(f, StatementFilter)
            rows = find_statements(store, StatementFilter(**{**f.__dict__, "limit": PAGE, "offset": offset}))
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def _join(actors: list[dict[str, Any]], key: str) -> str:
    return ";".join(str(a.get(key) or "") for a in actors)


def _dates(r: dict[str, Any]) -> tuple[str, str, str]:
    """(day-resolved date, coarser date, date the text only mentions): an event dated to the day goes in the date
    column; a month or a year in their own; a date more than a year from its article is a reference; an undated
    event keeps its article's day."""
    own = r["date"]
    if own and r["reference"]:
        return "", "", own
    if own and len(own) < 10:
        return "", own, ""
    return own or r["when"] or "", "", ""


def event_rows(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Flat event rows (one per event; several sources or targets are joined with ';')."""
    for r in rows:
        day, coarse, mentioned = _dates(r)
        place = r["location"] or {}
        yield {"event_id": f"{r['document_id']}#{r['local_id']}", "date": day, "date_coarse": coarse,
               "date_mentioned": mentioned, "date_precision": r["date_precision"], "type": r["type"],
               "cameo": r["cameo"], "quad": r["quad"], "goldstein": r["goldstein"], "modality": r["modality"],
               "source": _join(r["source"], "name"), "source_country": _join(r["source"], "country"),
               "source_sector": _join(r["source"], "sector"), "target": _join(r["target"], "name"),
               "target_country": _join(r["target"], "country"), "target_sector": _join(r["target"], "sector"),
               "location": place.get("name"), "location_country": place.get("country"),
               "latitude": place.get("latitude"), "longitude": place.get("longitude"),
               "geonameid": place.get("geonameid"), "location_precision": r["location_precision"],
               "condition": r["condition_text"],
               "trigger": r["trigger_text"], "trigger_start": r["trigger_start"], "trigger_end": r["trigger_end"],
               "sentence": r["sentence"], "document_id": r["document_id"], "title": r["title"],
               "published": r["published"], "outlet": r["outlet"], "url": r["url"], "cluster_id": r["cluster_id"],
               "cluster_mentions": r["cluster_mentions"] or 1}


def _polecat(rows: Iterator[dict[str, Any]]) -> Iterator[list[Any]]:
    modes = load_codebook().modes
    for r in rows:
        src = r["source"][:1] or [{}]
        tgt = r["target"][:1] or [{}]
        day, coarse, mentioned = _dates(r)
        place = r["location"] or {}
        yield [f"{r['document_id']}#{r['local_id']}", day, r["type"], modes.get(r["cameo"] or "", ""),
               r["quad"], _join(r["source"], "name"), src[0].get("country") or "", src[0].get("sector") or "",
               _join(r["source"], "sector"), _join(r["target"], "name"), tgt[0].get("country") or "",
               tgt[0].get("sector") or "", _join(r["target"], "sector"), place.get("name") or "",
               place.get("name") if r["location_precision"] == "city" else "", place.get("country") or "",
               _blank(place.get("latitude")), _blank(place.get("longitude")), _blank(place.get("geonameid")),
               place.get("feature") or "", r["outlet"] or "", r["published"] or "",
               " ".join((r["sentence"] or "").split()), r["trigger_start"], r["trigger_end"], r["url"] or "",
               r["modality"], r["cameo"] or "", r["cluster_id"] or "", r["cluster_mentions"] or 1,
               _blank(r["goldstein"]), r["date_precision"] or "", coarse, mentioned, r["location_precision"] or ""]


def _blank(value: Any) -> Any:
    return "" if value is None else value


def export(store: Store, fmt: str, out: TextIO | None, path: Path | None = None, what: str = "events",
           f: EventFilter | StatementFilter | None = None) -> int:
    """Write every matching event (or statement) in `fmt`; returns how many rows were written."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    f = f or (EventFilter() if what != "statements" else StatementFilter())
    rows = _pages(store, what, f)
    if fmt == "polecat":
        if what != "events":
            raise InputError("--format polecat: only events have POLECAT columns; use jsonl or csv for statements and commitments")
        writer = csv.writer(_need(out), delimiter="\t", lineterminator="\n")
        writer.writerow(POLECAT_COLUMNS)
        n = 0
        for row in _polecat(rows):
            writer.writerow(row)
            n += 1
        return n
    if what == "commitments":
        from .commitments import all_commitments, commitment_rows, with_sources

        flat: Iterator[dict[str, Any]] = iter(commitment_rows(with_sources(store, all_commitments(store))))
    else:
        flat = event_rows(rows) if what == "events" else rows
    if fmt == "jsonl":
        n = 0
        for item in flat:
            _need(out).write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    if fmt == "csv":
        first = next(flat, None)
        if first is None:
            return 0
        w = csv.DictWriter(_need(out), fieldnames=list(first), lineterminator="\n")
        w.writeheader()
        w.writerow(first)
        n = 1
        for item in flat:
            w.writerow(item)
            n += 1
        return n
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("--format parquet needs pyarrow: pip install 'communique[parquet]'") from None
    if path is None:
        raise InputError("--format parquet writes a file: give --output PATH")
    table = pa.Table.from_pylist(list(flat))
    pq.write_table(table, path)
    return int(table.num_rows)


def _need(out: TextIO | None) -> TextIO:
    if out is None:
        raise InputError("this format writes text: give --output PATH or let it write to standard output")
    return out

"""RSS and Atom feeds (feedparser): one article per entry.

An entry with its full text is read as it is; an entry with only a summary has its page fetched, and when the
page cannot be had the summary itself is the article. An entry's id is the feed's id for it, else its link.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from ..calendar import parse_published
from ..errors import InputError
from ..records import Article, InputFailure, content_id
from .text import Defaults, failure, read_bytes
from .web import fetch, html_article

__all__ = ["feed_articles", "read_feed"]


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    html = parts[0].get("value", "") if parts else entry.get("summary", "")
    if "<" not in html:
        return str(html).strip()
    import trafilatura

    doc = trafilatura.bare_extraction(f"<html><body><article>{html}</article></body></html>", with_metadata=False)
    return (getattr(doc, "text", None) or "").strip() if doc is not None else ""


def _entry_date(entry: Any, origin: str, fallback: Any) -> Any:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return fallback
    return parse_published(f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}", origin)


def _entry_article(entry: Any, origin: str, defaults: Defaults, fetch_pages: bool) -> Article:
    link = entry.get("link")
    given = str(entry.get("id") or link or "") or None
    title = entry.get("title") or defaults.title
    text = _entry_text(entry)
    if not entry.get("content") and link and fetch_pages:
        try:
            body, _ = fetch(link)
            return html_article(read_bytes(body, link), origin, replace(defaults, title=title), link, given)
        except InputError:
            if not text:
                raise  # no summary to fall back on: the fetch failure is the reason
            origin = f"{origin} (the feed's summary: the page could not be fetched)"
    if not text:
        raise InputError(f"{origin}: the feed entry has no text and no link to fetch")
    body_text = f"{title}\n\n{text}" if title else text
    return Article(id=given or content_id(body_text), text=body_text, title=title,
                   published=_entry_date(entry, origin, defaults.published), source=defaults.source, url=link,
                   origin=origin)


def feed_articles(data: bytes, name: str, defaults: Defaults, fetch_pages: bool) -> Iterator[Article | InputFailure]:
    """Articles from the bytes of a feed called `name`."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = feed.get("bozo_exception")
        detail = f" ({why})" if why else ""
        yield InputFailure(name, f"not a readable RSS or Atom feed{detail}: give the feed's XML")
        return
    named = replace(defaults, source=defaults.source or feed.feed.get("title"))
    for index, entry in enumerate(feed.entries, start=1):
        origin = f"{name}#{index}"
        try:
            yield _entry_article(entry, origin, named, fetch_pages)
        except InputError as err:
            yield failure(err, origin)


def read_feed(stream: BinaryIO, name: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    """Articles from an RSS or Atom file; entries holding only a summary have their page fetched."""
    yield from feed_articles(stream.read(), name, defaults, fetch_pages=True)

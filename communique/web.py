"""News from the web: HTML pages (main text and metadata by trafilatura), RSS/Atom feeds (feedparser), and URLs.

No HTML is scraped by hand. Every problem becomes an `InputFailure` naming the page, feed entry or URL.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError
from .ingest import Article, InputFailure, parse_published, read_bytes

__all__ = ["FETCH_LIMIT", "FETCH_TIMEOUT", "fetch", "read_feed", "read_html", "read_url"]

FETCH_TIMEOUT = 15.0  # seconds
FETCH_LIMIT = 5_000_000  # bytes
MIN_WORDS = 15  # fewer words than this outside menus and footers is not an article
USER_AGENT = "communique/0.1 (+https://example.invalid/communique)"
FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)


def fetch(url: str, timeout: float = FETCH_TIMEOUT, limit: int = FETCH_LIMIT) -> tuple[bytes, str]:
    """The body and content type at `url`, or InputError saying why not (offline, refused, too big, not HTTP)."""
    if not url.startswith(("http://", "https://")):
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read(limit + 1)
            kind = str(response.headers.get("Content-Type") or "")
    except urllib.error.HTTPError as err:
        raise InputError(f"{url}: the server answered {err.code} {err.reason}: check the address") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(f"{url}: cannot fetch it ({reason}): check the address and your connection, "
                         "or save the page and give the file") from None
    if len(body) > limit:
        raise InputError(f"{url}: the page is over {limit:,} bytes: save the article alone and give the file")
    return body, kind


def _html_article(html: str, origin: str, defaults: Article, url: str | None, default_id: str) -> Article:
    import trafilatura  # imported here: only HTML inputs pay for it

    doc = trafilatura.bare_extraction(html, with_metadata=True, url=url)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(f"{origin}: no article text found in the HTML: give the article's own page, "
                         "not an index or a menu")
    title = getattr(doc, "title", None) or defaults.title
    if title and text.split("\n", 1)[0].strip() == title.strip():
        text = text.split("\n", 1)[1].strip() if "\n" in text else ""
    if len(text.split()) < MIN_WORDS:
        raise InputError(f"{origin}: no article text found in the HTML (only {len(text.split())} words outside "
                         "menus): give the article's own page, not an index or a menu")
    text = f"{title}\n\n{text}" if title else text
    published = defaults.published
    try:
        published = parse_published(getattr(doc, "date", None), origin) or published
    except InputError:
        pass  # a page's odd date is not worth losing the article for
    return replace(defaults, id=defaults.id or default_id, text=text, title=title, published=published,
                   source=defaults.source or getattr(doc, "sitename", None),
                   url=getattr(doc, "url", None) or url, origin=origin)


def read_html(stream: BinaryIO, name: str, defaults: Article) -> Iterator[Article | InputFailure]:
    """One article from an HTML file."""
    try:
        html = read_bytes(stream.read(), name)
        yield _html_article(html, name, defaults, None, Path(name).stem)
    except InputError as err:
        yield InputFailure(name, str(err).removeprefix(f"{name}: "))


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    html = parts[0].get("value", "") if parts else entry.get("summary", "")
    if "<" not in html:
        return str(html).strip()
    import trafilatura

    doc = trafilatura.bare_extraction(f"<html><body><article>{html}</article></body></html>", with_metadata=False)
    return (getattr(doc, "text", None) or "").strip() if doc is not None else ""


def _entry_article(entry: Any, origin: str, defaults: Article, index: int, fetch_pages: bool) -> Article:
    link = entry.get("link")
    full = bool(entry.get("content"))
    if not full and link and fetch_pages:
        body, _ = fetch(link)
        return _html_article(read_bytes(body, link), origin, replace(
            defaults, id=entry.get("id") or link, title=entry.get("title") or defaults.title), link, link)
    text = _entry_text(entry)
    if not text:
        raise InputError(f"{origin}: the feed entry has no text and no link to fetch")
    title = entry.get("title") or None
    published = defaults.published
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        published = parse_published(f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}", origin)
    return replace(defaults, id=str(entry.get("id") or link or f"{defaults.id or 'entry'}-{index}"),
                   text=f"{title}\n\n{text}" if title else text, title=title, published=published, url=link,
                   origin=origin)


def _feed_articles(data: bytes, name: str, defaults: Article, fetch_pages: bool) -> Iterator[Article | InputFailure]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = feed.get("bozo_exception")
        detail = f" ({why})" if why else ""
        yield InputFailure(name, f"not a readable RSS or Atom feed{detail}: give the feed's XML")
        return
    source = defaults.source or feed.feed.get("title")
    for index, entry in enumerate(feed.entries, start=1):
        origin = f"{name}#{index}"
        try:
            yield _entry_article(entry, origin, replace(defaults, id="", source=source), index, fetch_pages)
        except InputError as err:
            yield InputFailure(origin, str(err).removeprefix(f"{origin}: "))


def read_feed(stream: BinaryIO, name: str, defaults: Article) -> Iterator[Article | InputFailure]:
    """Articles from an RSS or Atom file; entries holding only a summary have their page fetched."""
    yield from _feed_articles(stream.read(), name, defaults, fetch_pages=True)


def read_url(url: str, defaults: Article) -> Iterator[Article | InputFailure]:
    """The article (HTML page, plain text) or the articles (feed) at `url`."""
    try:
        body, kind = fetch(url)
    except InputError as err:
        yield InputFailure(url, str(err).removeprefix(f"{url}: "))
        return
    if "xml" in kind or "rss" in kind or "atom" in kind or FEED_START.match(body[:2000]):
        yield from _feed_articles(body, url, defaults, fetch_pages=True)
        return
    try:
        text = read_bytes(body, url)
        if "html" in kind or text.lstrip()[:1] == "<":
            yield _html_article(text, url, replace(defaults, id=defaults.id or url), url, url)
        else:
            yield replace(defaults, id=defaults.id or url, text=text, url=url, origin=url)
    except InputError as err:
        yield InputFailure(url, str(err).removeprefix(f"{url}: "))

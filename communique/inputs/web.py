"""News from the web: HTML pages (main text and metadata by trafilatura) and fetching http(s) URLs.

No HTML is scraped by hand. Every problem becomes an `InputFailure` naming the page or URL. An article's id is
its canonical URL when the page gives one, else the URL it was fetched from, else a hash of its text.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import BinaryIO

from ..calendar import parse_published
from ..errors import InputError
from ..records import Article, InputFailure, content_id
from .text import Defaults, failure, read_bytes

__all__ = ["FEED_START", "FETCH_LIMIT", "FETCH_TIMEOUT", "fetch", "html_article", "read_html"]

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


def html_article(html: str, origin: str, defaults: Defaults, url: str | None = None, given_id: str | None = None
                 ) -> Article:
    """The article in an HTML page: its main text under its title, dated and named from the page's metadata."""
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
    canonical = getattr(doc, "url", None) or url
    return Article(id=given_id or canonical or content_id(text), text=text, title=title, published=published,
                   source=defaults.source or getattr(doc, "sitename", None), url=canonical, origin=origin)


def read_html(stream: BinaryIO, name: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    """One article from an HTML file."""
    try:
        yield html_article(read_bytes(stream.read(), name), name, defaults)
    except InputError as err:
        yield failure(err, name)

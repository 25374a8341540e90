"""An http(s) URL as input: the page it serves (HTML or plain text) or the entries of the feed it serves."""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..records import Article, InputFailure
from .feeds import feed_articles
from .text import Defaults, failure, read_bytes
from .web import FEED_START, fetch, html_article

__all__ = ["read_url"]


def read_url(url: str, defaults: Defaults) -> Iterator[Article | InputFailure]:
    """The article (HTML page, plain text) or the articles (feed) at `url`."""
    try:
        body, kind = fetch(url)
    except InputError as err:
        yield failure(err, url)
        return
    if "xml" in kind or "rss" in kind or "atom" in kind or FEED_START.match(body[:2000]):
        yield from feed_articles(body, url, defaults, fetch_pages=True)
        return
    try:
        text = read_bytes(body, url)
        if "html" in kind or text.lstrip()[:1] == "<":
            yield html_article(text, url, defaults, url)
        else:
            yield Article(id=url, text=text, title=defaults.title, published=defaults.published,
                          source=defaults.source, url=url, origin=url)
    except InputError as err:
        yield failure(err, url)

"""The product: `extract()` one article, or `extract_many()` articles efficiently with `nlp.pipe`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .calendar import parse_published
from .errors import InputError
from .inputs import check_text
from .records import Article, InputFailure, Record, Sentence, content_id
from .settings import Settings
from .stages.pipeline import load_nlp

__all__ = ["extract", "extract_many", "record_from_doc"]


def _article(article: str | Article, published: date | str | None, title: str | None) -> Article:
    if isinstance(article, Article):
        return article
    if not isinstance(article, str):
        raise InputError(f"extract() takes article text (str) or an Article, not {type(article).__name__}")
    return Article(id=content_id(article), text=article, title=title, published=parse_published(published, "published"))


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    doc._.title = article.title
    doc._.url = article.url
    return doc


def record_from_doc(doc: Doc, article: Article) -> Record:
    """Plain records from an annotated `Doc` (the `Doc` itself is dropped by the caller)."""
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents if s.text.strip())
    return Record(document=article.document(), sentences=sentences, actors=tuple(doc._.actors or ()),
                  dates=tuple(doc._.dates or ()), statements=tuple(doc._.statements or ()),
                  events=tuple(doc._.events or ()))


def _prepare(nlp: Language, settings: Settings) -> Language:
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    return nlp


def extract(article: str | Article, published: date | str | None = None, *, title: str | None = None,
            settings: Settings | None = None) -> Record:
    """Extract the source-attributed record of one article.

    >>> record = extract("Macron met Zelenskiy in Paris on Monday.", published=date(2025, 9, 4))
    """
    settings = settings or Settings()
    art = _article(article, published, title)
    check_text(art.text, art.origin, settings.max_chars)
    nlp = _prepare(load_nlp(settings), settings)
    return record_from_doc(nlp(_make_doc(nlp, art)), art)


def extract_many(articles: Iterable[Article | InputFailure], settings: Settings | None = None
                 ) -> Iterator[Record | InputFailure]:
    """Records (or failures, in input order) for many articles, parsed in batches with `nlp.pipe`."""
    settings = settings or Settings()
    nlp = _prepare(load_nlp(settings), settings)
    pending: list[Article | InputFailure] = []
    for item in articles:
        if isinstance(item, Article):
            try:
                check_text(item.text, item.origin, settings.max_chars)
            except InputError as err:
                item = InputFailure(item.origin, str(err).removeprefix(f"{item.origin}: "))
        pending.append(item)
        if len(pending) >= settings.batch_size:
            yield from _run_batch(nlp, pending, settings)
            pending = []
    yield from _run_batch(nlp, pending, settings)


def _run_batch(nlp: Language, batch: list[Article | InputFailure], settings: Settings
               ) -> Iterator[Record | InputFailure]:
    good = [a for a in batch if isinstance(a, Article)]
    docs = iter(nlp.pipe((_make_doc(nlp, a) for a in good), batch_size=settings.batch_size))
    for item in batch:
        if isinstance(item, InputFailure):
            yield item
        else:
            yield record_from_doc(next(docs), item)

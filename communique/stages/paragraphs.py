"""Paragraphs: a line break always ends a sentence (titles and datelines have no full stop); a page's footer of
links to other stories is no part of the article's story."""
from __future__ import annotations

import re
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from .spans import doc_memo, doc_text

__all__ = ["aside_end", "communique_paragraphs", "footer_start"]

# A line of its own that opens a page's list of links to other stories ("See also" on en.kremlin.ru).
FOOTER = re.compile(r"\n[ \t]*(?:See also|Related|Related articles|Related stories|Read also|Read more|More on this "
                    r"topic)[ \t]*:?[ \t]*\n", re.IGNORECASE)


# A line that links to another story: a title without a closing full stop, often ending with its date.
CLOSED = (".", "?", "!", "\"", "”", "…")


def footer_start(doc: Doc) -> int:
    """Where a footer of links to other stories begins (the text's length when it has none), once per document:
    their titles ("Telephone conversation with President of Egypt") name people who take no part in its story. A
    "See also" block that the story goes on after is an aside, no footer."""
    memo = doc_memo(doc)
    if "footer" not in memo:
        text = doc_text(doc)
        memo["footer"] = next((m.start() for m in FOOTER.finditer(text) if aside_end(text, m.start()) is None),
                              len(text))
    return int(memo["footer"])


def aside_end(text: str, pos: int) -> int | None:
    """When a "See also" line starts at `pos` (or at the line break before it) and the story goes on after its
    links, where the story resumes; else None."""
    m = FOOTER.match(text, pos - 1 if pos and text[pos - 1] == "\n" else pos)
    if m is None:
        return None
    at = m.end()
    while at < len(text):
        stop = text.find("\n", at)
        stop = len(text) if stop < 0 else stop
        line = text[at:stop].strip()
        if line and line.endswith(CLOSED):
            return at  # prose again: the story goes on
        at = stop + 1
    return None


@Language.component("communique_paragraphs", assigns=["token.is_sent_start"])
def communique_paragraphs(doc: Doc) -> Doc:
    """spaCy component, placed before the parser: start a sentence after every line break (all at once: setting
    `Token.is_sent_start` one token at a time checks the whole document each time)."""
    after = [tok.i + 1 for tok in doc[:-1]
             if "\n" in tok.text_with_ws and not tok.is_space or tok.is_space and "\n" in tok.text]
    if not after:
        return doc
    if doc.has_annotation("DEP"):
        doc[after[0]].is_sent_start = True  # refused by spaCy: a parsed document's sentences are the parser's
    starts = numpy.array(doc.to_array([SENT_START]), dtype=numpy.uint64)
    starts[after] = 1
    doc.from_array([SENT_START], cast(Ints2d, starts))
    return doc

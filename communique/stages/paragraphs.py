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

__all__ = ["communique_paragraphs", "footer_start"]

# A line of its own that opens a page's list of links to other stories ("See also" on en.kremlin.ru).
FOOTER = re.compile(r"\n[ \t]*(?:See also|Related|Related articles|Related stories|Read also|Read more|More on this "
                    r"topic)[ \t]*:?[ \t]*\n", re.IGNORECASE)


def footer_start(doc: Doc) -> int:
    """Where a footer of links to other stories begins (the text's length when it has none), once per document:
    their titles ("Telephone conversation with President of Egypt") name people who take no part in its story."""
    memo = doc_memo(doc)
    if "footer" not in memo:
        m = FOOTER.search(doc_text(doc))
        memo["footer"] = m.start() if m else len(doc_text(doc))
    return int(memo["footer"])


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

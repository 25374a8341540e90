"""Paragraphs: a line break always ends a sentence (titles and datelines have no full stop)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["communique_paragraphs"]


@Language.component("communique_paragraphs", assigns=["token.is_sent_start"])
def communique_paragraphs(doc: Doc) -> Doc:
    """spaCy component, placed before the parser: start a sentence after every line break."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space or tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc

"""Anchoring an event: its date (in its own clause, else its statement's), its place and the statement it is in."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Statement
from .event_context import Draft, EventContext, chain, statement_at, statement_cued
from .event_participants import place_of
from .event_patterns import complements
from .spans import doc_text, starting_within
from .syntax import PROSPECTIVE_AUX, edge_chars

__all__ = ["date", "dateline", "location", "sentence_place", "statement_of"]

EMBEDDED_CLAUSES = {"ccomp", "relcl", "advcl", "acl"}
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "over"})


def date(ctx: EventContext, d: Draft, statement: Statement | None, mood: str) -> tuple[str | None, str | None]:
    """When it happened, and where that came from: the date nearest the trigger in the event's own clause
    ("text"), else the date its statement was made ("context"), else, for an act asserted as done, the
    publication date ("published")."""
    found = _clause_date(ctx, d)
    if found is not None:
        return found, "text"
    if statement is not None and statement.date:
        return statement.date, "context"
    published = ctx.doc._.published
    if mood == "asserted" and published is not None and not _future(d):
        return published.isoformat(), "published"
    return None, None


def _future(d: Draft) -> bool:
    """Whether the act is announced rather than done ("will visit")."""
    return any(c.dep_ == "aux" and c.lower_ in PROSPECTIVE_AUX for v in chain(d) for c in v.children)


def _clause_date(ctx: EventContext, d: Draft) -> str | None:
    """The date nearest the trigger in the event's own clause."""
    head = chain(d)[-1]
    lo, hi = _clause_chars(head)
    best: tuple[int, str] | None = None
    anchor = d.token.idx
    for m in starting_within(ctx.doc, ctx.doc._.dates or [], lo, hi):
        if lo <= m.start < hi and m.value and not _in_other_clause(m.start, head):
            dist = abs(m.start - anchor)
            if best is None or dist < best[0]:
                best = (dist, m.value)
    return best[1] if best is not None else None


def _in_other_clause(pos: int, head: Token) -> bool:
    """Whether character `pos` lies in a clause embedded under `head` that is not on its frame chain."""
    for tok in head.subtree:
        if tok.dep_ in EMBEDDED_CLAUSES and tok.i != head.i:
            lo, hi = edge_chars(tok)
            if lo <= pos < hi and not any(t.i == tok.i for t in _chain_tokens(head)):
                return True
    return False


def _chain_tokens(head: Token) -> list[Token]:
    """`head` and the frames above it through "xcomp"/"acomp" links."""
    out = [head]
    while head.dep_ in {"xcomp", "acomp"} and head.head.i != head.i:
        head = head.head
        out.append(head)
    return out


def _clause_chars(head: Token) -> tuple[int, int]:
    """The characters of the clause of `head`'s topmost frame."""
    return edge_chars(_chain_tokens(head)[-1])


def location(ctx: EventContext, d: Draft) -> str | None:
    """Where it happened: "in"/"at" a place on the trigger, a named place anywhere in its phrase, else a town its
    sentence puts things in ("In Kharkiv, shelling went on"), else the article's dateline ("KYIV, March 3 –");
    never a place from another sentence."""
    for tok in d.tokens:
        for child in tok.children:
            found = place_of(ctx, child, {"location", "country"}, d.target, preps=PLACE_PREPS)
            if found:
                return found
    for obj in complements(d.token):  # "met diplomats in Paris"
        for child in obj.children:
            found = place_of(ctx, child, {"location"}, d.target, preps=PLACE_PREPS)
            if found:
                return found
    return sentence_place(ctx, d) or dateline(ctx)


def sentence_place(ctx: EventContext, d: Draft) -> str | None:
    """The one town the event's sentence puts something in, when it names one town only (the event's own target
    may be it: "In Kharkiv, artillery fire killed two people")."""
    found = {place_of(ctx, tok, {"location"}, d.source, preps=PLACE_PREPS)
             for tok in d.token.sent if tok.dep_ == "prep"} - {None}
    return found.pop() if len(found) == 1 else None


DATELINE = re.compile(r"([A-Z][A-Za-z .'-]{1,40}?)(?:,[^\n–—-]{0,40})?\s*(?:\([^)\n]{1,30}\)\s*)?[–—-]")


def dateline(ctx: EventContext) -> str | None:
    """The town of a wire report's dateline ("KYIV, Sept 4 (Reuters) –", "MOSCOW —"), at the start of its body."""
    memo = ctx.index.get("dateline", ())
    if memo != ():
        return memo  # type: ignore[no-any-return]
    found = None
    text = doc_text(ctx.doc)
    for line_start in _body_starts(text):
        m = DATELINE.match(text, line_start)
        if m is not None:
            span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            ids = [ctx.tok_actor.get(t.i) for t in span or ()]
            found = next((a for a in ids if a is not None and ctx.actors[a].kind in {"location", "country"}), None)
            break
    ctx.index["dateline"] = found
    return found


def _body_starts(text: str) -> list[int]:
    """Where the first two paragraphs after the title begin."""
    starts = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    return starts[:2] or [0]


def statement_of(ctx: EventContext, d: Draft) -> Statement | None:
    """The statement whose cue is one of the event's tokens, else the one whose content holds it."""
    first = min(t.idx for t in d.tokens)
    return statement_cued(ctx, [t.idx for t in d.tokens]) or statement_at(ctx, first)

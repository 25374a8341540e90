"""What event coding reads for one document (`EventContext`) and the event being built (`Draft`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ..codebook import Codebook, Pattern
from ..records import Actor, Statement
from .spans import Intervals

__all__ = ["OBLIGATION_PATTERN", "VIOLENT", "VISIT", "Draft", "EventContext", "chain", "contrasted", "make_context", "statement_at",
           "statement_cued", "violent"]

# "X said Y must free the prisoners": the speaker demands it of Y (CAMEO's reading of obligations in reports).
OBLIGATION_PATTERN = Pattern("must", "VERB", frozenset(), frozenset(), frozenset(), frozenset(), "100",
                             frozenset({"request"}), "events.py")


# Violence is reported without its perpetrator ("a colonel was killed"): these types may keep an empty source.
VIOLENT = frozenset({"ASSAULT", "COERCE"})
VISIT = "042"  # CAMEO: make a visit


@dataclass
class Draft:
    """An event being built: tokens, pattern, arguments and modality."""

    token: Token
    pattern: Pattern
    code: str
    source: list[str]
    target: list[str]
    tokens: list[Token]
    verbs: list[Token] = field(default_factory=list)
    base: str = ""  # the code of the act itself, before a frame or an announcement recoded it
    frame: Token | None = None
    consumed: bool = False
    extra_modality: list[str] = field(default_factory=list)
    named_only: bool = False  # a specific event named by a noun whose doer the text does not give
    bare: bool = False  # a noun of harm naming nothing more ("the military operation"): kept in a war report only
    topic: Token | None = None  # the verb of the talk whose topic the noun is ("discussed the withdrawal of forces")
    committed: Draft | None = None  # the commitment this act is kept beside ("It was agreed to step up cooperation")


@dataclass(frozen=True)
class EventContext:
    """One document's parse, codebook, actors, statements, token -> actor index, memo of drafts, and the
    statements indexed by the characters of their content and cue (built when first asked)."""

    doc: Doc
    book: Codebook
    actors: dict[str, Actor]
    statements: list[Statement]
    tok_actor: dict[int, str]
    memo: dict[int, Draft | None] = field(default_factory=dict)
    index: dict[str, Any] = field(default_factory=dict)


def make_context(doc: Doc, codebook: Codebook) -> EventContext:
    """The context for coding `doc`: its actors, statements and which actor each token names."""
    tok_actor: dict[int, str] = {}
    for (start, end), actor_id in (doc._.mention_actor or {}).items():
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span or ():
            tok_actor.setdefault(tok.i, actor_id)
    actors = {a.id: a for a in doc._.actors or []}
    return EventContext(doc, codebook, actors, list(doc._.statements or []), tok_actor)


def statement_at(ctx: EventContext, pos: int) -> Statement | None:
    """The first statement whose content holds character `pos`."""
    contents: Intervals[Statement] | None = ctx.index.get("contents")
    if contents is None:
        contents = ctx.index["contents"] = Intervals((st.content.start, st.content.end, st) for st in ctx.statements)
    return contents.first_containing(pos)


def statement_cued(ctx: EventContext, positions: list[int]) -> Statement | None:
    """The first statement whose cue holds one of the characters `positions`."""
    cues: Intervals[int] | None = ctx.index.get("cues")
    if cues is None:
        cues = ctx.index["cues"] = Intervals((st.cue.start, st.cue.end, n) for n, st in enumerate(ctx.statements)
                                             if st.cue is not None)
    found = [n for pos in positions for n in cues.containing(pos)]
    return ctx.statements[min(found)] if found else None


def chain(d: Draft) -> list[Token]:
    """The event's verbs from the trigger up to its frame, then the copula of an adjective frame."""
    out = list(d.verbs)
    top = out[-1]
    # an adjective frame ("ready", "willing") takes its mood from its copula
    if top.dep_ in {"acomp", "xcomp"} and top.head.i != top.i and top.pos_ == "ADJ":
        out.append(top.head)
    if top.dep_ == "xcomp" and top.head.pos_ in {"VERB", "AUX", "ADJ"} and top.head.lemma_ in {"be", "seem"}:
        out.append(top.head)
    return out + _shared_verbs(out[-1])


CONTRASTS = frozenset({"but", "rather", "instead", "yet"})  # "will not retreat but fight on": no shared "not"


def contrasted(conj: Token) -> bool:
    """Whether a joined word is set against the one before it ("not X but Y", "X rather than Y")."""
    return any(t.lower_ in CONTRASTS for t in conj.doc[min(conj.head.i, conj.i) + 1:conj.i])


def _shared_verbs(verb: Token) -> list[Token]:
    """The verbs before a joined verb that lends it their auxiliaries ("will open its border and provide shelter",
    "did not attack or shell"): the first of a list carries "will", "must", "not" for all."""
    out = []
    while verb.dep_ == "conj" and verb.tag_ in {"VB", "VBN", "VBG"} and verb.head.pos_ in {"VERB", "AUX"} and \
            verb.head.i < verb.i and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children) \
            and not contrasted(verb):
        verb = verb.head
        out.append(verb)
    return out


def violent(ctx: EventContext, code: str | None) -> bool:
    """Whether a CAMEO code is an act of violence (`VIOLENT`)."""
    return code is not None and ctx.book.plover(code) in VIOLENT

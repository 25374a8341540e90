"""Ties told by the verb "be": "Hungary is one of our key partners", "Russia is Kazakhstan's main trade partner".

A noun row with the `partner` frame is an event only as the attribute of "be" (itself or through "one of"): its
subject is the source, and the owner of the noun ("our", "Kazakhstan's", "of Kazakhstan") the target. A speaker's
"our" is his state, else himself. "X is not our partner" and a partner with no owner name no event.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..codebook import Pattern
from .event_context import Draft, EventContext, statement_at
from .event_modality import negated
from .event_participants import np_actors, participants, speakers_state, words_of

__all__ = ["copular_tie"]

OWNER_PREPS = frozenset({"of", "for", "to"})


def copular_tie(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """The tie `tok` names as what its subject is ("X is our partner"), or None when it is not told so."""
    attr = _attribute(tok)
    if attr is None or negated([attr.head]) or p.cameo is None:
        return None
    subj = next((c for c in attr.head.children if c.dep_ == "nsubj"), None)
    if subj is None or statement_at(ctx, subj.idx) is not statement_at(ctx, tok.idx):
        return None  # "President Putin: Mr Tokayev, Hungary is…" parsed with the turn's label as the subject
    if subj.lower_ in {"it", "this", "that"}:
        return None  # "praised Haiti's efforts and said it was an important partner": "it" is no one we resolve
    source = participants(ctx, subj)
    target = [a for a in _owners(ctx, tok) if a not in source]
    if not source or not target:
        return None
    return Draft(tok, p, p.cameo, source, target, [tok], [attr.head], base=p.cameo)


def _attribute(tok: Token) -> Token | None:
    """The attribute of "be" that `tok` is or is one of ("one of our partners"), else None."""
    attr = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
        attr = tok.head.head
    while attr.dep_ == "conj":
        attr = attr.head
    return attr if attr.dep_ == "attr" and attr.head.lemma_ == "be" else None


def _owners(ctx: EventContext, tok: Token) -> list[str]:
    """Whose partner `tok` is: its possessive, or the object of its "of", "for" or "to"."""
    for c in tok.children:
        if c.dep_ == "poss":
            return _speakers_state(ctx, c) if c.lower_ in {"our", "my"} else participants(ctx, c)
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
            for g in c.children if g.dep_ == "pobj" for a in np_actors(ctx, g)]


def _speakers_state(ctx: EventContext, tok: Token) -> list[str]:
    """The state of the one whose words say "our", else that person."""
    who = words_of(ctx, tok)
    state = speakers_state(ctx, tok)
    return [state] if state is not None else [who.id] if who is not None else []

"""Descriptions of an office as mentions of its holder: "the President of Russia", "the Russian leader",
"the Ukrainian President", "the Head of State".

A description that names a country is the person of that country holding the office in the article; when
the article names nobody in that office, the gazetteer's holder on the article's date (a new actor whose only
mentions are descriptions). "The Head of State" and "the President" without a country are the article's own
head of state: the person in the article holding a head-of-state office, when exactly one does.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .actor_context import Context, Draft, add, country_named
from .actor_people import apply_term

__all__ = ["holder_on_date", "office_descriptions"]

# Head noun -> the office words of a term it describes.
OFFICES = {"president": {"president"}, "leader": {"president", "prime minister", "chancellor", "king"},
           "chancellor": {"chancellor"}, "premier": {"prime minister", "premier"}}
HEAD_OF_STATE = {"president", "king", "queen", "emir", "sultan"}


def _span(head: Token) -> tuple[int, int, list[Token]] | None:
    """Token range of "the [Demonym] Head [of Country]" and its modifier words, or None if not definite."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ in {"amod", "compound"} and doc[start - 1].head.i == head.i:
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    end = head.i + 1
    words = list(doc[start:head.i])
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.i:
        obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if obj is not None:
            end = obj.right_edge.i + 1
            words += list(doc[head.i + 1:end])
    return start - 1, end, words


def _holder_in_article(ctx: Context, offices: set[str], country: str | None) -> str | None:
    """The key of the one person drafted so far who holds one of `offices` (in `country`)."""
    found = [d.key for d in ctx.drafts.values() if d.kind == "person" and d.role
             and any(re.search(rf"\b{re.escape(o)}\b", d.role.lower()) for o in offices)  # not "presidential"
             and (country is None or d.country == country)]
    return found[0] if len(set(found)) == 1 else None


def holder_on_date(ctx: Context, offices: set[str], country: str) -> Draft | None:
    """A new draft for the gazetteer's holder of the office in `country` on the article's date."""
    for name, person in ctx.gaz.people.items():
        term = person.term_at(ctx.published) if ctx.published else None
        if term is not None and term.country == country and term.role.lower() in offices:
            draft = Draft(f"person:{name}", name, "person")
            apply_term(ctx, draft, name)
            return draft
    return None


def _prime_minister(head: Token) -> bool:
    return head.lower_ == "minister" and head.i > 0 and head.doc[head.i - 1].lower_ == "prime"


def _phrases(words: list[Token]) -> list[str]:
    """Every run of `words`, longest first: a country may take several ("of the United States")."""
    n = len(words)
    return [" ".join(t.text for t in words[i:i + size]) for size in range(n, 0, -1) for i in range(n - size + 1)]


# Bodies named after the office they serve: "the President's Office", "the President's press service".
SERVING_BODIES = frozenset({"office", "administration", "staff", "service", "secretariat", "team", "guard",
                            "residence", "spokesman", "spokesperson", "spokeswoman", "aide", "aides", "adviser"})


def _inside_org(head: Token, start: int) -> bool:
    """Whether the description is part of a body's name: the end of one that begins before it ("the Office of the
    President"), or the owner of one ("the President's Office")."""
    owned = head.dep_ == "poss" and head.head.lemma_.lower() in SERVING_BODIES
    if owned or head.ent_type_ != "ORG":
        return owned
    first = head.i
    while first > 0 and head.doc[first].ent_iob_ == "I":
        first -= 1
    return first < start


def office_descriptions(ctx: Context) -> None:
    """Record each description of an office as a mention of its holder (run after the people pass)."""
    for head in ctx.doc:
        word = head.lemma_.lower()
        if word == "head" and any(t.lower_ == "state" for t in head.subtree):
            offices, words, found = HEAD_OF_STATE, [], _span(head)
        elif word in OFFICES and head.tag_ in {"NN", "NNP"} or _prime_minister(head):
            offices, found = OFFICES.get(word, {"prime minister"}), _span(head)
            words = [w for w in found[2] if w.lower_ != "prime"] if found else []
        else:
            continue
        if found is None or not ctx.claimed.isdisjoint(range(found[0], found[1])) or _inside_org(head, found[0]):
            continue
        country = country_named(ctx, _phrases(words))
        key = _holder_in_article(ctx, offices, country)
        draft = None if key or country is None else holder_on_date(ctx, offices, country)
        if key is None and draft is not None:
            key = draft.key
        if key is not None:
            add(ctx, key, found[0], found[1], draft)

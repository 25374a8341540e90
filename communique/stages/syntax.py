"""Small parse helpers the stages share: text spans, character ranges of subtrees, and dependency word sets.

Where two stages need a word set that differs on purpose, both live here under names that say how they differ
(`SUBJECT_DEPS` counts clausal subjects, `NOMINAL_SUBJECT_DEPS` does not; `FUTURE_AUX` is the plain future,
`PROSPECTIVE_AUX` adds the conditional "would").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Span
from .spans import doc_text

__all__ = ["FUTURE_AUX", "NOMINAL_SUBJECT_DEPS", "PLEASED", "PROSPECTIVE_AUX", "SUBJECT_DEPS", "agent_objects",
           "by_phrases", "edge_chars", "headline_noun", "is_infinitive", "is_nominal", "pleased_act", "subtree_chars",
           "text_span", "trim_chars"]

NOMINAL_SUBJECT_DEPS = {"nsubj", "nsubjpass"}  # who says something: a noun phrase, never a clause
SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS | {"csubj"}  # who does something: clausal subjects count too
FUTURE_AUX = {"will", "shall", "'ll"}  # "will say": not said yet
PROSPECTIVE_AUX = FUTURE_AUX | {"would", "wo"}  # "would send", "won't accept": announced, not done
TRIM = ",;:—–-"  # punctuation trimmed from the ends of a span, besides white space


def text_span(text: str, start: int, end: int) -> Span:
    """The `Span` of `text` between `start` and `end`."""
    return Span(start, end, text[start:end])


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` moved inwards past white space and clause punctuation (",;:" and dashes)."""
    while start < end and (text[start].isspace() or text[start] in TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM):
        end -= 1
    return start, end


def subtree_chars(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Characters from the first to the last token of `tok`'s subtree, leaving out the subtree of `exclude`."""
    toks = [t for t in tok.subtree if exclude is None or not (exclude.left_edge.i <= t.i <= exclude.right_edge.i)]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def edge_chars(tok: Token) -> tuple[int, int]:
    """Characters from `tok`'s left edge to the end of its right edge."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def headline_noun(tok: Token) -> bool:
    """A heading's first word that the parser read as a bare verb though it names the event ("Visit to France",
    "Talks with the Emir"): capitalised, the root of a line of its own, with no subject and no object."""
    if tok.tag_ != "VB" or tok.dep_ != "ROOT" or not tok.is_title or not tok.is_sent_start and tok.i > 0:
        return False  # the cheap tests first: this runs for every candidate trigger
    if any(c.dep_ in {"nsubj", "dobj", "aux"} for c in tok.children):
        return False
    sent = tok.sent
    words = [t for t in sent if not t.is_space]
    end = words[-1].idx + len(words[-1]) if words else sent.end_char
    return doc_text(tok.doc)[end:end + 1] in {"\n", ""}


def gerund_noun(tok: Token) -> bool:
    """A gerund the parser read as a verb though it is a noun phrase's head: a determiner or modifier before it,
    no object or subject of its own ("as a result of Russian artillery shelling", "the shelling continued", "there is
    Russian artillery shelling")."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"pobj", "nsubj", "dobj", "nsubjpass", "conj", "attr"}:
        return False
    before = [c for c in tok.children if c.i < tok.i]
    return any(c.dep_ in {"det", "amod", "compound", "poss"} for c in before) and not any(
        c.dep_ in {"dobj", "nsubj", "aux", "auxpass"} for c in tok.children)


def plural_noun(tok: Token) -> bool:
    """A plural noun heading a verbless sentence that the tagger read as a verb: an owner or modifier before it,
    no subject, auxiliary or object ("My best wishes to the people of Nigeria!", "Best wishes to all of you")."""
    if tok.tag_ != "VBZ" or tok.dep_ != "ROOT":
        return False
    if _noun_pair(tok):
        return True
    before = [c for c in tok.children if c.i < tok.i]
    return any(c.dep_ in {"det", "amod", "poss"} or c.dep_ == "advmod" and c.tag_ == "JJS" for c in before) and not any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in tok.children)


def _noun_pair(tok: Token) -> bool:
    """"Missile strikes every day.": a sentence's opening bare noun read as the subject of the plural noun after it,
    which has no object, clause or auxiliary of its own."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].i == tok.i - 1 == tok.sent.start and subj[0].tag_ == "NN" and \
        not subj[0].n_lefts and not any(c.dep_ in {"dobj", "prep", "aux", "ccomp", "xcomp", "prt", "agent", "attr",
                                                   "acomp", "dative"} for c in tok.children)


def noun_pair_modifier(tok: Token) -> list[Token]:
    """The bare noun that modifies a plural noun read as a verb ("Missile" of "Missile strikes every day")."""
    return [c for c in tok.children if c.dep_ == "nsubj"] if tok.tag_ == "VBZ" and tok.dep_ == "ROOT" and \
        _noun_pair(tok) else []


def bare_participle(verb: Token) -> bool:
    """A past participle told without "was" or "were", its subject what it was done to: a heading's or a caption's
    "Four soldiers killed near the border", "Now 220 children killed!", "At least 18 wounded.", "saw the theatre
    blown up" (no object, no auxiliary)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and _done_by(verb, subj):
        return True
    if verb.tag_ != "VBN" or verb.dep_ not in {"ROOT", "ccomp"} or subj is None or any(
            c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children):
        return False
    # a past tense the tagger took for a participle ("The head of the republic reported on…") has none of these
    # counted: "18 wounded", "220 children killed", "all the children killed"
    counted = subj.tag_ == "CD" or any(c.dep_ in {"nummod", "predet"} for c in subj.children)
    seen = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PERCEIVING
    return counted or seen or any(c.dep_ == "agent" for c in verb.children)


PERCEIVING = frozenset({"see", "watch", "find", "hear", "witness", "notice"})
# Verbs of doing harm whose reduced relative the tagger reads as a past tense: "the crimes committed each day by
# the nationalists, … was brought to notice" ("crimes" parsed as the subject of "committed").
PERPETRATING = frozenset({"commit", "perpetrate", "inflict", "carry", "launch", "unleash"})


def _done_by(verb: Token, subj: Token) -> bool:
    """Whether a past tense of harm with a common noun subject and a "by" phrase, and no object or auxiliary, is a
    participle on its subject: what was done, and by whom."""
    return verb.tag_ == "VBD" and verb.lemma_.lower() in PERPETRATING and subj.pos_ == "NOUN" and \
        any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in verb.children) and \
        not any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children)


def noun_verb(tok: Token) -> bool:
    """A verb the tagger read as a noun though it heads its clause with a subject ("Russian soldiers fire at
    houses")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_ in {"NN", "NNS"} and any(
        c.dep_ == "nsubj" for c in tok.children)


def is_nominal(tok: Token) -> bool:
    """Whether `tok` names its event as a noun does (a noun, a gerund read as a verb, a heading's noun read as a
    verb, a verbless sentence's plural noun read as a verb), not a verb read as a noun."""
    return tok.pos_ == "NOUN" and not noun_verb(tok) or headline_noun(tok) or gerund_noun(tok) or plural_noun(tok)


def is_infinitive(verb: Token) -> bool:
    """A bare verb with "to" ("to meet")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Words of the speaker's own pleasure that an infinitive names the act of: "It is a pleasure to welcome you", "an
# honour to receive you", "glad to see you".
PLEASED = frozenset({"pleasure", "honour", "honor", "privilege", "joy", "glad", "happy", "pleased", "delighted"})


def pleased_act(tok: Token) -> bool:
    """Whether `tok` is the infinitive a word of pleasure governs: "I am glad to see you", "It is a pleasure to
    welcome you"."""
    head = tok.head
    if head.i == tok.i or not is_infinitive(tok):
        return False
    words = [head, *(c for c in head.children if c.dep_ in {"attr", "acomp"})]
    return any(w.lemma_.lower() in PLEASED for w in words)


def agent_objects(verb: Token) -> list[Token]:
    """What a passive's "by" names: "hit by Russian missiles", "destroyed by shelling"."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ in {"pobj", "pcomp"}]


def _own_agents(tok: Token) -> list[Token]:
    """The noun's own "by" phrases, and the "of" of its "on the part of" ("de-escalation on the part of Russia")."""
    out = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
    return out + [of for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for part in c.children
                  if part.dep_ == "pobj" and part.lower_ == "part" for of in part.children
                  if of.dep_ == "prep" and of.lower_ == "of"]


def by_phrases(tok: Token) -> list[Token]:
    """The "by" phrases that can name who did the act of the noun `tok`: its own ("the shelling by the invaders",
    or "on the part of": its "of" phrase),
    that of the noun whose "of" it completes ("the intensification of shelling … by armed groups"), and one the
    parser hung inside its "of" complement ("the destruction of those who remain there by the occupiers"), never
    the agent of another passive ("the shelling of towns held by the rebels")."""
    out = _own_agents(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        out += _own_agents(tok.head.head)  # "signs of de-escalation on the part of Russia"
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        out += [t for t in of.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.head.tag_ not in {"VBN", "VBD"}
                and t.head.pos_ in {"VERB", "AUX"}]
    return out

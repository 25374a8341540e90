"""Modality and condition: whether an event is asserted, denied, expected, intended, hypothetical or conditional."""
from __future__ import annotations

from spacy.tokens import Token

from .event_context import OBLIGATION_PATTERN, Draft, chain, contrasted
from .syntax import PROSPECTIVE_AUX, edge_chars, is_infinitive, pleased_act

__all__ = ["ASPECTUAL", "ENDING_VERBS", "HYPOTHETICAL_MARKS", "condition", "modality", "performative"]

POSSIBLE = {"could", "might", "may", "can", "should", "must", "ought"}
POSSIBLE_ADJECTIVES = frozenset({"possible", "potential", "probable", "eventual", "hypothetical"})  # on a noun
CONDITION_MARKS = {"if", "unless", "provided", "providing", "once", "when", "whenever"}
ALWAYS_CONDITIONAL = {"if", "unless", "provided", "providing"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
ASPECTUAL = {"begin", "start", "continue", "help", "manage", "resume", "keep", "go"}


def modality(d: Draft) -> tuple[str, tuple[int, int] | None]:
    """The draft's modality and, when conditional, the characters of its condition clause."""
    verbs = chain(d)
    cond = condition(verbs)
    if "refusal" in d.extra_modality:
        return "asserted", None
    if _denied(d, verbs):
        return "denied", None
    if d.pattern is OBLIGATION_PATTERN:
        return "asserted", None  # the demand was made; what is demanded has not happened
    if "denied" in d.extra_modality:
        return "denied", None
    if _inside_if(verbs[-1]):
        return "hypothetical", None
    if cond is not None:
        return "conditional", cond
    if "expected" in d.extra_modality or _upcoming(d.token):
        return "expected", None
    if d.pattern.complement == "request" and d.token.lemma_.lower() in WISHING:
        return "asserted", None  # "I would like Lula to join": the wish is voiced now
    auxes = {c.lower_ for t in verbs for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & PROSPECTIVE_AUX or any(c.lower_ == "going" and t.tag_ == "VB" for t in verbs for c in t.children) \
            or any(t.dep_ == "xcomp" and t.head.lower_ == "going" for t in verbs):  # "are going to be delivered"
        return "expected", None
    if "intended" in d.extra_modality or _purpose(d.verbs[-1] if d.verbs else d.token, climb=d.token.pos_ == "VERB"):
        return "intended", None
    if auxes & POSSIBLE or d.token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in POSSIBLE_ADJECTIVES
                                                          for c in d.token.children):
        return "hypothetical", None  # "could strike", "the possible destruction of the garrison"
    return "asserted", None


WISHING = frozenset({"like", "want", "wish"})  # request verbs a "would" makes polite, not future
UPCOMING = {"preparation", "preparations", "run-up", "eve"}  # "preparations for the visit", "on the eve of the summit"


def _upcoming(tok: Token) -> bool:
    """An event noun named as still to come: "preparations for Macron's visit", "ahead of the summit", "the
    upcoming talks", "the forthcoming meeting"."""
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "amod" and c.lower_ in {"upcoming", "forthcoming", "next", "planned", "future"}
           for c in tok.children):
        return True
    if any(_still_to_hold(c) for c in tok.children):
        return True  # "the meeting to be held in April", "the summit scheduled for June"
    if tok.dep_ in {"nsubjpass", "dobj"} and tok.head.lemma_.lower() in SCHEDULED - {"set", "due"}:
        return True  # "the evacuation is planned for today", "talks are scheduled for Monday", "plans the visit"
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None:
        return False
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ in {"for", "of", "to"} and prep.head.lower_ in UPCOMING


SCHEDULED = frozenset({"schedule", "plan", "set", "due", "slate"})  # "the summit scheduled for June"


def _still_to_hold(child: Token) -> bool:
    """A noun's modifier that puts it ahead: "to be held", "to take place", "scheduled for", "planned for"."""
    if child.dep_ not in {"acl", "relcl", "amod"}:
        return False
    if child.tag_ == "VBN" and child.lemma_.lower() in SCHEDULED and child.dep_ != "relcl":
        return True
    if child.dep_ not in {"acl", "relcl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
        return False  # "talks to discuss trade": a purpose, not a date
    place = child.lemma_.lower() == "take" and any(c.lower_ == "place" for c in child.children)
    return place or any(c.dep_ == "auxpass" for c in child.children) and child.lemma_.lower() in HELD


HELD = frozenset({"hold", "convene", "organise", "organize", "open", "host", "stage"})  # "to be held in April"


NOT_ONLY = frozenset({"just", "only", "merely", "simply"})  # "we will not just attend it but take part": no denial


def negated(verbs: list[Token]) -> bool:
    """Whether one of `verbs` is negated ("did not meet"), not merely outdone ("will not just attend it but…")."""
    return any(c.dep_ == "neg" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in NOT_ONLY)
               for t in verbs for c in t.children)


# Verbs that end or slow an act told as their object: negated, the act goes on ("did not stop shelling").
ENDING_VERBS = frozenset({"stop", "cease", "slow", "halt", "end", "suspend", "abandon", "quit", "reduce"})


def _denied(d: Draft, verbs: list[Token]) -> bool:
    """A negated verb, a denied report around it, or a "no" object ("offered no help"); a negated verb of ending
    over the act says it goes on ("is not slowing down the use of missiles")."""
    verbs = [v for v in verbs if v.i == d.token.i or v.lemma_.lower() not in ENDING_VERBS]
    return negated(verbs) or bool(verbs) and _negated_report(verbs[-1]) or any(
        c.dep_ == "det" and c.lower_ == "no" for t in d.tokens for c in t.children)


def condition(verbs: list[Token]) -> tuple[int, int] | None:
    """The characters of a conditional clause ("if", "unless"; "when" only for a non-past event) on `verbs`."""
    past = any(t.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in t.children)
               for t in verbs if t.pos_ in {"VERB", "AUX"})
    for tok in verbs:
        for clause in tok.children:
            if clause.dep_ != "advcl":
                continue
            mark = next((c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}
                         and c.lower_ in CONDITION_MARKS), None)
            if mark is None or mark not in ALWAYS_CONDITIONAL and (past or clause.tag_ == "VBD"):
                continue
            return edge_chars(clause)
    return None


def _purpose(verb: Token, climb: bool = True) -> bool:
    """"to convince the US to support", "to demand reforms", "the need to resume talks": an aim, not yet an act;
    so is the verb such an aim's verb governs or is joined to ("to preserve the truce and ensure providing aid"),
    with `climb`."""
    tok = verb
    while True:
        if is_infinitive(tok) and tok.dep_ in {"xcomp", "advcl", "acl", "relcl"} and \
                tok.head.lemma_.lower() not in ASPECTUAL and not performative(tok):
            return True
        if tok.dep_ not in {"xcomp", "conj"} or tok.head.i == tok.i or tok.head.pos_ not in {"VERB", "AUX"} or \
                not climb or tok.tag_ not in {"VB", "VBG"}:  # a finite verb is no part of an aim's clause
            return False
        tok = tok.head


# "I would like to express my condolences", "we wish to thank…": saying it is doing it.
SPEECH_ACTS = frozenset({"express", "thank", "congratulate", "greet", "welcome", "convey", "extend", "offer",
                         "reaffirm", "confirm", "say", "stress", "emphasise", "emphasize", "note", "wish"})


def performative(verb: Token) -> bool:
    """Whether `verb` is a speech act its speaker performs by announcing it ("I would like to thank you") or an act
    its doer is glad of ("I am glad to see you", "It is a pleasure to welcome you")."""
    if pleased_act(verb):
        return True
    head = verb.head
    return verb.lemma_.lower() in SPEECH_ACTS and head.lemma_.lower() in {"like", "wish", "want"} and \
        any(c.dep_ in {"nsubj"} and c.lower_ in {"i", "we"} for c in head.children)


def _negated_report(top: Token) -> bool:
    """"Washington has not announced that it would contribute": the event in a denied report did not happen."""
    tok = top
    while tok.dep_ in {"ccomp", "xcomp", "conj"} and tok.head.i != tok.i:
        if tok.dep_ == "conj" and contrasted(tok):
            return False  # "will not retreat but attack": the attack is not denied
        tok = tok.head
        if any(c.dep_ == "neg" for c in tok.children):
            return tok.lemma_.lower() not in ENDING_VERBS  # "did not stop shelling": it goes on
    return False


def _inside_if(top: Token) -> bool:
    """Whether `top` sits inside an "if", "unless" or "whether" clause."""
    tok = top
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
            return True
        tok = tok.head
    return False

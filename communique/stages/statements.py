"""Statements: who said what, direct, indirect, mixed or "according to", with the speaker resolved.

Cues are verbs from `data/cues.csv` with a clausal complement ("said that…"), parentheticals ("…, he
said"), "according to", and quotations tied to a nearby cue or, failing one, to the previous speaker
(floating quotes). Beliefs ("believes that…") are reported like speech; intentions ("wants to…") are
not statements. Negated cues ("has not announced") are not statements: nothing was said.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Actor, DateMention, Statement
from .extensions import register_extensions
from .paragraphs import aside_end
from .quotes import Quote, find_quotes
from .roles import (
    GROUP_NOUNS,
    ROLE_NOUNS,
    TITLE_HEADS,
    author,
    counterparts,
    first_mention,
    meeting_group,
    plural_before,
    principal,
    resolve_description,
    resolve_plural,
    resolve_title,
)
from .spans import Intervals, SpanSet, by_identity, doc_text, mention_index, starting_within
from .syntax import FUTURE_AUX, NOMINAL_SUBJECT_DEPS, subtree_chars, text_span, trim_chars

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["communique_statements", "cue_lexicon", "find_statements"]

OBJECT_PRONOUNS = {"him", "her", "them"}  # "according to him"
PRIVATE_PEOPLE = {"activist", "resident", "witness", "journalist", "expert", "analyst", "critic", "supporter",
                  "student", "citizen", "man", "woman", "voter", "worker", "doctor", "lawyer", "blogger", "farmer"}
# "Vladimir Putin: As you know, …"; "Viktor Orban (retranslated): …" (the label is the name, without its note)
TURN = re.compile(r"^([^\n:(]{3,90}?)(?:[ \t]*\([^\n:()]{1,30}\))?:[ \t]+(\S[^\n]*)", re.MULTILINE)
# A turn a page runs on from another's sentence or a section's mark: "… Mr President. Kassym-Jomart Tokayev: Thank
# you…", "… for the press. * * * President of Russia Vladimir Putin: It is a pleasure…"
INLINE_TURN = re.compile(r"(?:(?<=[.?!…”\"])|(?<=\* \*)) +((?:(?:[A-Z][\w.’'\-]+|of|the) ){0,6}[A-Z][\w.’'\-]+)"
                         r"(?: \([a-z][\w ]{0,28}\))?: (?=\S)")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
CLAUSES = {"ccomp", "parataxis"}
CLEAR_WORDS = {"clear", "plain"}
MIN_QUOTE_WORDS = 5
HUMAN_NOUNS = {"official", "diplomat", "source", "person", "people", "aide", "minister", "leader", "spokesman",
               "spokeswoman", "spokesperson", "envoy", "ambassador", "analyst", "expert", "adviser", "advisor",
               "lawmaker", "senator", "officer", "commander", "negotiator", "insider", "resident", "witness",
               "government", "ministry", "president", "member", "man", "woman", "activist", "critic", "supporter"}
NOT_CUES = {"be", "have", "do", "make", "mean", "ensure", "let", "help", "see", "get", "go", "seem", "look",
            "appear", "sound", "happen", "turn", "prove", "remain", "become", "keep", "want", "need"}


@lru_cache(maxsize=1)
def _cue_rows() -> list[dict[str, str]]:
    text = resources.files("communique").joinpath("data", "cues.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def cue_lexicon() -> dict[str, str]:
    """Cue lemma -> class (speech, belief, evidence), from the shipped data file."""
    return {r["lemma"]: r["class"] for r in _cue_rows()}


def content_objects() -> dict[str, set[str]]:
    """Cue lemma -> how its nominal content attaches: "dobj" ("stressed the need for…") and/or prepositions
    ("informed X about…"), from the `content` column of the cue file."""
    return {r["lemma"]: set((r.get("content") or "").split("|")) - {""} for r in _cue_rows() if r.get("content")}


@dataclass
class _Found:
    """A statement before ids are assigned."""

    kind: str
    speaker_tok: Token | None
    speaker_span: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int]
    speaker_id: str | None = None
    passive: bool = False
    group: tuple[str, ...] = ()  # everyone a collective speaker stands for ("the two leaders": the participants)
    headline: bool = False  # a title's claim credited after a dash: kept only when a person says it


def _interruption(gap: str) -> bool:
    """True for the words between two halves of one quotation: '," she said, "'."""
    gap = gap.strip()
    return "\n" not in gap and len(gap.split()) <= 6 and ("," in gap or gap.endswith(":")) and (
        gap.endswith((",", ":")) or gap[-1:] in "“\"")


def _joined_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Quotes interrupted by a short attribution ("“A,” she said, “B.”") joined into one."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and _interruption(text[prev.end:q.start]):
            out[-1] = Quote(prev.start, q.end, q.closed)
        else:
            out.append(q)
    return out


def _widen_to_quote(quotes: Intervals[Quote], start: int, end: int) -> tuple[int, int]:
    """A content that is most of a quotation becomes the whole quotation."""
    for q in quotes.overlapping(start, end):
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0 and overlap >= 0.6 * (end - start):
            return min(start, q.start), max(end, q.end)
    return start, end


def _kind_of(quotes: Intervals[Quote], content: tuple[int, int]) -> str:
    """Direct (the content is a quotation), mixed (it holds one) or indirect (quotations are never empty)."""
    inside = [q for q in quotes.overlapping(*content) if content[0] <= q.start and q.end <= content[1]]
    if not inside:
        return "indirect"
    if any(q.start - content[0] <= 1 and content[1] - q.end <= 1 for q in inside):
        return "direct"
    return "mixed"


def _cue_chars(tok: Token) -> tuple[int, int]:
    """The cue verb's characters, through "clear" in "made it clear"."""
    end_tok = tok
    clear = next((c for c in tok.children if c.lower_ in CLEAR_WORDS), None)
    if tok.lemma_ == "make" and clear is not None:
        end_tok = clear
    return tok.idx, end_tok.idx + len(end_tok)


def _happened(verb: Token) -> bool:
    """False for a negated ("has not announced") or future ("will say") reporting verb: nothing was said."""
    return not any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """The nominal subject of `verb`, inherited from the verb it is conjoined to or depends on."""
    subjects = [c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    if len(subjects) > 1 and all(b.i == a.i + 1 for a, b in pairwise(subjects)):
        return subjects[-1]  # "Mr al - Assad said", a name the parser broke into subjects: the name's last word
    if subjects:
        return subjects[0]
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.tag_ in {"VBD", "VBZ", "VBP", "VBG"}:
        if verb.head.i == verb.i:
            return None
        subj = _subject(verb.head)
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and subj is not None and _thing(subj):
            return _subject(verb.head.head)  # "Putin confirmed that the sanctions have hurt trade and noted…"
        return subj
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.i != verb.head.i:  # "by emphasising that"
        return _subject(verb.head.head)
    if verb.dep_ in {"xcomp", "advcl"} and verb.tag_ == "VB" and verb.head.i != verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
            c.dep_ in {"dobj", "dative"} for c in verb.head.children):
        return _subject(verb.head)  # "He went on to articulate…", never "asked Lavrov to stress" (Lavrov's)
    return None


def _thing(tok: Token) -> bool:
    """Whether a subject is a thing, not someone who could speak ("the sanctions", "the talks")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() not in HUMAN_NOUNS and tok.lower_ not in GROUP_NOUNS and \
        tok.lemma_.lower() not in ROLE_NOUNS


def _finite(head: Token) -> bool:
    """Whether a clause has a verb of its own: "that trade is growing", never the small clause of "holding hundreds
    of residents hostage"."""
    return head.pos_ in {"VERB", "AUX"} or any(c.dep_ in {"cop", "aux", "auxpass"} for c in head.children)


def _can_speak(tok: Token) -> bool:
    """Whether a subject can be a speaker: not an expletive or a dummy ("It was revealing", "There is"), not
    the hearer ("as you know")."""
    if tok.dep_ == "expl" or tok.lower_ in {"there", "this", "that", "which", "what", "you"}:
        return False
    return not (tok.lower_ == "it" and any(c.dep_ == "ccomp" for c in tok.head.children))


def _speaker_chars(subj: Token) -> tuple[int, int]:
    """The subject noun phrase, without a trailing relative clause or appositive."""
    toks = [t for t in subj.subtree if t.i <= subj.i or t.dep_ in {"prep", "pobj", "compound", "amod", "cc", "conj"}
            and not any(a.dep_ in {"relcl", "appos"} for a in t.ancestors if a.i > subj.i)]
    toks = [t for t in toks if not (t.i > subj.i and t.is_punct)]
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


class _Finder:
    """Statement finding state for one document."""

    def __init__(self, doc: Doc) -> None:
        """Read the text, cue lexicon and quotations of `doc`."""
        self.doc = doc
        self.text = doc_text(doc)
        self.cues = cue_lexicon()
        self.object_cues = content_objects()
        self.quotes = find_quotes(self.text)
        self.quote_index = Intervals((q.start, q.end, q) for q in self.quotes)
        self.mentions = mention_index(doc)
        self.kinds = {a.id: a.kind for a in doc._.actors or []}
        self.found: list[_Found] = []
        self.contents = SpanSet()  # the contents of `found`, for lookups by position

    def add(self, found: _Found) -> None:
        self.found.append(found)
        self.contents.add(*found.content)

    def in_quote(self, tok: Token) -> Quote | None:
        """The quotation `tok` is inside, if any."""
        return self.quote_index.first_containing(tok.idx)

    def covered(self, start: int, end: int) -> bool:
        """Whether a statement found so far contains `start`..`end`."""
        return self.contents.covers(start, end)

    def is_cue(self, tok: Token) -> bool:
        """A reporting verb that reports something said: not negated ("has not announced"), not future."""
        return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in self.cues and _happened(tok)

    def is_clause_verb(self, tok: Token) -> bool:
        """Any verb that attributes a full clause to its subject ("figures that…", "realised that…")."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() in NOT_CUES or not _happened(tok):
            return False
        subj = _subject(tok)
        if subj is None or not (subj.lower_ in PRONOUNS or subj.pos_ == "PROPN" or self.is_actor(subj)):
            return False
        return any(c.dep_ == "ccomp" and c.i > tok.i and any(g.dep_ in NOMINAL_SUBJECT_DEPS for g in c.children)
                   and _finite(c) for c in tok.children)  # "Trade grows: the commission is working" attributes nothing


    def is_actor(self, tok: Token) -> bool:
        """Whether `tok` starts inside an actor mention."""
        return bool(self.mentions.containing(tok.idx))

    # -- verbs with a clause: "X said (that) …", "…, X said" -------------------------------------
    def verb_statements(self) -> None:
        """Statements of reporting and clause verbs."""
        for tok in self.doc:
            cue_ok = self.is_cue(tok) or self.is_clause_verb(tok) or (
                tok.lemma_ == "make" and any(c.lower_ in CLEAR_WORDS for c in tok.children))
            if not cue_ok or self.in_quote(tok):
                continue
            subj = _subject(tok)
            if subj is not None and subj.lower_ == "who" and tok.dep_ == "relcl" and self.cues.get(
                    tok.lemma_.lower()) != "speech" and not any(c.dep_ in CLAUSES for c in tok.children):
                continue  # "the friends who support us", "everyone who wants to live": who they are, not words
            if subj is not None and subj.dep_ == "nsubjpass" or subj is None or not _can_speak(subj):
                _passive_statement(self, tok)  # "It was noted that…", "Concern was expressed over…"
                continue
            content = self.clause_of(tok)
            if content is None:
                continue
            if self.cues.get(tok.lemma_.lower()) != "speech" and self.covered(*content):
                continue  # a belief or stance inside someone's words is part of them
            cue = _cue_chars(tok)
            if content[0] < cue[1] <= content[1]:
                content = trim_chars(self.text, cue[1], content[1])
            self.add(_Found(_kind_of(self.quote_index, content), subj, _speaker_chars(subj), cue, content))

    def clause_of(self, tok: Token) -> tuple[int, int] | None:
        """Content span of a cue verb: its clausal complement, or the clause it interrupts."""
        clause = next((c for c in tok.children if c.dep_ in CLAUSES and c.i > tok.i or c.dep_ == "ccomp"), None)
        if clause is None and tok.lemma_ == "make":
            clear = next((c for c in tok.children if c.lower_ in CLEAR_WORDS), None)
            clause = next((c for c in clear.children if c.dep_ == "ccomp"), None) if clear is not None else None
        if clause is not None and clause.lower_ in CLEAR_WORDS:
            clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
        if clause is not None:
            start, end = subtree_chars(clause)
            return self.widen(start, end)
        if self.cues.get(tok.lemma_.lower()) in {"stance", "intention", "speech"}:
            obj = self.object_of(tok)
            if obj is not None:
                return trim_chars(self.text, *obj)
        as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        if tok.dep_ in {"parataxis", "advcl"} and (tok.head.i < tok.i or as_clause) and tok.head.pos_ in {"VERB", "AUX"}:
            start, end = subtree_chars(tok.head, exclude=tok)  # "…, he added", "As Lula noted, …"
            return self.widen(start, end)
        return None

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """`start`/`end` trimmed, then widened to a quotation it is most of."""
        return _widen_to_quote(self.quote_index, *trim_chars(self.text, start, end))

    def object_of(self, tok: Token) -> tuple[int, int] | None:
        """Nominal or infinitival content: "called it a sham", "wants to leave", "called for talks"."""
        parts = [c for c in tok.children if c.dep_ in {"xcomp", "dobj", "oprd"} and c.i > tok.i]
        attach = self.object_cues.get(tok.lemma_.lower(), set())
        if self.cues.get(tok.lemma_.lower()) == "speech":
            parts = [c for c in parts if c.dep_ == "xcomp" and tok.lemma_ not in {"continue", "add", "agree"}
                     or c.dep_ == "dobj" and "dobj" in attach]
        heads = [tok] + [c for c in tok.children if c.dep_ in {"dobj", "dative"}]  # "informed his colleague about"
        parts += [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in attach and c.i > tok.i]
        if not parts:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "on"} and c.i > tok.i),
                        None)
            parts = [prep] if prep is not None and tok.lemma_ == "call" else []
        if not parts:
            return None
        spans = [subtree_chars(p) for p in parts]
        return min(s for s, _ in spans), max(e for _, e in spans)

    # -- "according to X, …" ------------------------------------------------------------------
    def according_to(self) -> None:
        """Statements introduced by "according to X"."""
        for tok in self.doc:
            if tok.lower_ != "according" or tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].lower_ != "to":
                continue
            to = self.doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None or not (self.is_actor(pobj) or _can_speak(pobj) and pobj.pos_ != "NOUN"
                                    or pobj.lemma_.lower() in HUMAN_NOUNS | set(ROLE_NOUNS)):
                continue  # "according to plan", "according to the schedule": no one said it
            sent = tok.sent
            phrase_end = max(t.i for t in to.subtree) + 1
            if tok.i == sent.start or self.doc[tok.i - 1].is_punct:
                start, end = self.doc[phrase_end].idx if phrase_end < sent.end else sent.end_char, sent.end_char
            else:
                start, end = sent.start_char, tok.idx
            content = trim_chars(self.text, start, end)
            if content[1] - content[0] < 3:
                continue
            cue = (tok.idx, to.idx + len(to))
            self.add(_Found("according_to", pobj, subtree_chars(pobj), cue, content))

    # -- "Russia must take concrete steps - Volodymyr Zelenskyy" ---------------------------------------
    def headline(self) -> None:
        """A title that credits its claim after a dash ("… - Volodymyr Zelenskyy", "… - address by the President of
        Ukraine", "… - Head of State"): the claim is that person's words."""
        line_end = self.text.find("\n")
        line = self.text[:line_end if line_end >= 0 else len(self.text)]
        if len(line) > TITLE_CHARS or line != self.doc._.title and self.text[len(line):len(line) + 2] != "\n\n":
            return  # only a title: a short first line set off by a blank line, or the title given with the text
        m = HEADLINE.match(line)
        if m is not None and not self.overlaps_found(*m.span(1)):
            self._credited(m.span(2), m.span(1))

    def _credited(self, who: tuple[int, int], words: tuple[int, int]) -> None:
        """The title's claim `words`, credited to whoever `who` names (kept only when a person: `find_statements`)."""
        span = self.doc.char_span(*who, alignment_mode="contract")
        if span is None:
            return
        own = any(t.lower_ in OWN_WORDS for t in span)  # "address by…": the words are the author's
        head = self.person_in(span) or next((t for t in span if self.is_actor(t) and t.pos_ == "PROPN"), None) or next(
            (t for t in span if t.lemma_.lower() in ROLE_NOUNS or t.lower_ in TITLE_HEADS), None)
        if head is None and not own:
            return  # "… - Independence Day", "… - Country of Sports": a subject, no speaker
        self.add(_Found("indirect", head, who, None, trim_chars(self.text, *words), passive=own and head is None,
                        headline=True))

    def person_in(self, span: SpacySpan) -> Token | None:
        """The last word of the first person the actors stage named in `span`."""
        for s, e, actor_id in self.mentions.overlapping(span.start_char, span.end_char):
            if self.kinds.get(actor_id) == "person" and span.start_char <= s:
                tok = self.doc.char_span(s, e, alignment_mode="contract")
                if tok is not None and len(tok):
                    return tok[-1]
        return None

    # -- quotations --------------------------------------------------------------------------------
    def quote_statements(self) -> None:
        """Quotations not already inside a statement: tied to a nearby cue, or continuing the previous statement."""
        for q in _joined_quotes(self.text, self.quotes):
            if self.overlaps_found(q.start, q.end) or len(self.text[q.start:q.end].split()) < MIN_QUOTE_WORDS:
                continue
            content = trim_chars(self.text, q.start, q.end)
            cue = self.cue_near(q)
            if cue is not None:
                subj = _subject(cue)
                self.add(_Found("direct", subj, _speaker_chars(subj) if subj is not None else None,
                                         _cue_chars(cue), content))
            elif self.found_before(q.start):
                self.add(_Found("direct", None, None, None, content))

    def overlaps_found(self, start: int, end: int) -> bool:
        """Whether a statement found so far covers half of `start`..`end` or more."""
        return self.contents.half_covers(start, end)

    def found_before(self, pos: int) -> bool:
        """A statement ends shortly before `pos` (a floating quote can continue it)."""
        last = self.contents.last_end(pos)
        if last is None:
            return False
        gap = self.text[last:pos]
        return gap.count("\n") <= 2 and len(gap) < 400

    def cue_near(self, q: Quote) -> Token | None:
        """A cue verb with a subject: in the quote's sentence, at the head of the next one, or before a colon."""
        doc = self.doc
        first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        last = doc.char_span(max(q.start, q.end - 1), q.end, alignment_mode="expand")
        if first is None or last is None:
            return None
        candidates: list[Token] = [t for t in first.sent if t.idx < q.start]
        candidates += [t for t in last.sent if t.idx >= q.end]
        after = last.sent.end
        if after < len(doc):
            candidates += [t for t in doc[after].sent[:8] if not self.in_quote(t)]
        for tok in sorted(candidates, key=lambda t: abs(t.idx - q.end) if t.idx >= q.end else abs(q.start - t.idx)):
            if self.is_cue(tok) and not self.in_quote(tok) and _subject(tok) is not None:
                clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if clause is None or self.in_quote(clause) is not None:
                    return tok
        return None


# -- official accounts: agentless passives, "stated by", transcript turns ------------------------------
# Speech cues only in the active ("he continued: …"); their passive tells of the act, not of words said.
NOT_PASSIVE_CUES = frozenset({"continue", "add", "conclude", "begin", "start"})


def _passive_statement(self: _Finder, tok: Token) -> None:
    """An agentless passive cue of an official account: said by the account's parties (`speaker` unset,
    `passive` set: resolved later to the article's principal)."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if not passive or self.cues.get(tok.lemma_.lower()) != "speech" or tok.lemma_.lower() in NOT_PASSIVE_CUES:
        return  # "The exchange of views was continued": talk went on, no one said anything
    agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        _agent_statement(self, tok, agent)
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        content = self.widen(*subtree_chars(clause))
    elif subj is not None and subj.lower_ not in PRONOUNS and subj.pos_ == "NOUN":
        content = trim_chars(self.text, *subtree_chars(subj))
    else:
        return
    self.add(_Found("indirect", None, None, _cue_chars(tok), content, passive=True))

def _agent_statement(self: _Finder, tok: Token, agent: Token) -> None:
    """"This was stated by X", "the plan was announced by X": X said the subject, or the sentence before."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return
    if subj.lower_ in {"this", "that", "it"} and tok.sent.start > 0:
        before = self.doc[tok.sent.start - 1].sent
        content = trim_chars(self.text, before.start_char, before.end_char)
    else:
        content = trim_chars(self.text, *subtree_chars(subj))
    self.add(_Found("indirect", agent, _speaker_chars(agent), _cue_chars(tok), content))

# A title, its claim, a dash and who made it: "Russia must take concrete steps - Volodymyr Zelenskyy".
HEADLINE = re.compile(r"^(\S.{9,}?)\s[-–—]\s([^-–—\n]{3,90})$")
OWN_WORDS = frozenset({"address", "speech", "interview", "statement", "remarks", "appeal"})
TITLE_CHARS = 300  # a title, however long a claim it credits


def transcript_statements(self: _Finder) -> None:
    """A transcript's turns: a line that opens with a named speaker and a colon ("Vladimir Putin: As you
    know, …") is that speaker's direct speech, to the end of the line and the lines after it, or up to the next
    speaker's label when a page runs the turns together ("… Mr President. Kassym-Jomart Tokayev: Thank you…")."""
    labels = _turn_labels(self)
    starts = [label[0] for label in labels]
    for n, (label_start, label_end, content_start, head) in enumerate(labels):
        after = starts[n + 1] if n + 1 < len(starts) else len(self.text)
        line_end = self.text.find("\n", content_start)
        line_end = len(self.text) if line_end < 0 else line_end
        lines = _turn_paragraphs(self.text, content_start, line_end) if after > line_end else [(content_start, after)]
        spans = [trim_chars(self.text, start, min(end, after)) for start, end in lines]
        for run in _runs(self.text, [c for c in spans if c[0] < c[1]], self.overlaps_found):
            self.add(_Found("direct", head, (label_start, label_end), None, (run[0][0], run[-1][1])))


def _runs(text: str, spans: list[tuple[int, int]], taken: Callable[[int, int], bool]) -> list[list[tuple[int, int]]]:
    """A turn's paragraphs as runs of consecutive ones that no other statement holds and no aside ("See also" and
    its links) parts: each run is one statement, so a turn of several paragraphs is one quotation."""
    out: list[list[tuple[int, int]]] = [[]]
    for span in spans:
        if taken(*span):
            out.append([])
            continue
        if out[-1] and text[out[-1][-1][1]:span[0]].strip():
            out.append([])
        out[-1].append(span)
    return [run for run in out if run]


def _turn_labels(self: _Finder) -> list[tuple[int, int, int, Token]]:
    """Each turn's label (start, end), where its words start, and the label's last name token, in text order."""
    found: dict[int, tuple[int, int, int, Token]] = {}
    for m in TURN.finditer(self.text):
        head = _label_head(self, m.start(1), m.end(1), inline=False)
        if head is not None:
            found[m.start(1)] = (m.start(1), head.idx + len(head), m.start(2), head)
    for m in INLINE_TURN.finditer(self.text):
        head = _label_head(self, m.start(1), m.end(1), inline=True)
        if head is not None and m.start(1) not in found:
            found[m.start(1)] = (m.start(1), head.idx + len(head), m.end(), head)
    return [found[k] for k in sorted(found)]


def _label_head(self: _Finder, start: int, end: int, inline: bool) -> Token | None:
    """The name a turn's label ends in ("President of Russia Vladimir Putin"), or None when it is no speaker's
    label: a phrase with a verb ("Officials said: …" is a cue, read elsewhere), or inside a line a name the
    actors stage did not find ("Photo: …")."""
    span = self.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span) or any(t.pos_ in {"VERB", "AUX"} for t in span):
        return None
    if (person := self.person_in(span)) is not None:
        return person  # "Volodymyr Zelenskyy in Davos: …": the person, not the town
    office = span[0].text[:1].isupper() and (span[0].lemma_.lower() in ROLE_NOUNS or span[0].lower_ in TITLE_HEADS)
    if office and (not inline or any(self.kinds.get(a) == "country" for _, _, a in
                                     self.mentions.overlapping(span.start_char, span.end_char))):
        return span[0]  # "President of Ukraine: …", "Head of State: …": the office-holder, resolved later
    if not span[-1].text[:1].isupper() or span[-1].pos_ != "PROPN" and not self.is_actor(span[-1]):
        return None  # "Soto" tagged as a noun is named all the same
    if self.is_actor(span[-1]) or not inline and len(span) <= 4 and all(t.text[:1].isupper() for t in span):
        return span[-1]
    return None


def _turn_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of a transcript turn: its own, then each following line up to the next turn ("Name: …"), a blank
    line or a heading (a line without a closing full stop is no speech)."""
    out = [(start, end)]
    pos = end + 1
    while pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop]
        if (resume := aside_end(text, pos)) is not None:  # "See also" and its links inside the turn
            pos = resume
            continue
        if not line.strip() or TURN.match(line) or not line.rstrip().endswith((".", "?", "!", "\"", "”")):
            break
        out.append((pos, stop))
        pos = stop + 1
    return out


def _named_at(doc: Doc, start: int, end: int, head: Token) -> str | None:
    """The actor whose mention within `start`..`end` covers `head` (the actors stage named it), else None."""
    return next((a for s, e, a in mention_index(doc).overlapping(start, end) if s <= head.idx < e), None)


def _appositive_person(doc: Doc, head: Token, actors: dict[str, Actor]) -> str | None:
    """The person a speaker's title or description stands in apposition to ("The President of Chile, Gabriel
    Boric, said", "His counterpart, Gabriel Boric, said"): the one who spoke is the person, not the state."""
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            found = _named_at(doc, child.idx, child.idx + len(child), child)
            if found is not None and actors[found].kind == "person":
                return found
    return None


def _actor_at(doc: Doc, start: int, end: int, head: Token | None) -> str | None:
    """The actor whose mention covers `head`, else the first one overlapping `start`..`end`."""
    hits = mention_index(doc).overlapping(start, end)
    if head is not None:
        exact = _named_at(doc, start, end, head)
        if exact:
            return exact
        if head.lemma_.lower() in PRIVATE_PEOPLE:
            return None  # "an American activist": the country says where the speaker is from; no state spoke
    return hits[0][2] if hits else None


def _introduced_as(doc: Doc, start: int, end: int, actors: dict[str, Actor]) -> str | None:
    """The person the article introduced with these very words before his name, when one was ("met the head of
    the Odesa regional military administration Maksym Marchenko … The Head of the Odesa regional military
    administration informed…", "International Criminal Court Prosecutor Karim Khan … the International Criminal
    Court Prosecutor said")."""
    text = doc_text(doc)
    words = text[start:end].lower().split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if len(words) < 2:
        return None  # "the President" alone is resolved by office (`roles.resolve_description`)
    phrase = " ".join(words)
    found: tuple[int, str] | None = None
    for a in actors.values():
        if a.kind != "person":
            continue
        for m in a.mentions:
            before = " ".join(text[max(0, m.start - len(phrase) - TITLE_REACH):m.start].lower().split())
            if m.start < start and _runs_up_to(phrase, before, m.text) and (found is None or m.start > found[0]):
                found = (m.start, a.id)
    return found[1] if found else None


TITLE_REACH = 160  # characters before a name its titles may take ("Deputy Prime Minister - Minister for …")
SECOND_TITLE = re.compile(r"\s*[-–—]\s[^.;:!?\n]{3,120}")  # " - Minister for Reintegration of …" before the name


def _runs_up_to(phrase: str, before: str, mention: str) -> bool:
    """Whether `phrase` ends where the name in `mention` begins: right before it (`before`, the text leading up to
    the mention) or inside it ("Prosecutor Karim Khan"), with nothing but a comma, or a second title after a dash
    ("Deputy Prime Minister - Minister for Reintegration … Iryna Vereshchuk"), between."""
    combined = f"{before} {' '.join(mention.lower().split())}"  # the title may open the mention itself
    at = combined.rfind(phrase)
    ends = at + len(phrase)
    between = combined[ends:len(before)] if ends < len(before) else ""
    return at >= 0 and (not between.strip(" ,") or SECOND_TITLE.fullmatch(between.rstrip()) is not None) and bool(
        combined[ends:].strip(" ,"))


def _body_at(doc: Doc, start: int, end: int, actors: dict[str, Actor]) -> str | None:
    """The first organisation or state a title phrase names ("the head of the IAEA"), never a person in it."""
    return next((a for _, _, a in mention_index(doc).overlapping(start, end) if actors[a].kind != "person"), None)


def _titled(doc: Doc, start: int, end: int, head: Token, actors: dict[str, Actor]) -> str | None:
    """The person a title phrase ends with ("the Head of the Regional Administration Oleh Synegubov"), else the
    latest person holding that title when the phrase names none ("the Head of the President's Office")."""
    if head.lower_ not in TITLE_HEADS:
        return None
    hits = mention_index(doc).overlapping(start, end)
    named = next((a for s, e, a in hits if _closes_title(head, s, e) and actors[a].kind == "person"), None)
    return named or _name_after_title(doc, head, actors) or resolve_title(head, actors)


def _description(doc: Doc, start: int, end: int, actor: Actor) -> bool:
    """Whether a mention describes its person by office ("the President of Ukraine") rather than ending in their
    name ("Head of the Office Oleksiy Marchuk")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[-1].text not in actor.name.split() and any(
        t.lemma_.lower() in ROLE_NOUNS for t in span)


TITLE_CHAIN_POS = frozenset({"ADP", "DET", "PROPN", "CCONJ"})  # "Adviser to the Head of the Office of the President"


def _name_after_title(doc: Doc, head: Token, actors: dict[str, Actor]) -> str | None:
    """The person whose name ends a title the parser broke off its head ("by Adviser | to the Head of the Office
    of the President Oleksiy Arestovych"): the first person mention after `head` in its sentence with only title
    words (prepositions, articles, capitalised names) between."""
    index = mention_index(doc)
    for tok in doc[head.i + 1:head.sent.end]:
        hits = [a for s, e, a in index.overlapping(tok.idx, tok.idx + 1) if actors[a].kind == "person"
                and not _description(doc, s, e, actors[a])]  # "Adviser to the President of Ukraine X": not him
        if hits:
            return hits[0]
        if tok.pos_ not in TITLE_CHAIN_POS:
            return None
    return None


def _closes_title(head: Token, start: int, end: int) -> bool:
    """Whether the mention at `start`..`end` is the name that ends the title phrase of `head` ("Director of the FBI
    Christopher Wray"), not a description inside it ("the Head of the Office of the President")."""
    last = head.right_edge
    span = head.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and head.left_edge.idx <= start and end == last.idx + len(last) and \
        span[0].pos_ == "PROPN" and span[0].i > head.i


def _last_mention(doc: Doc, actors: dict[str, Actor], before: int, kinds: set[str],
                  skip: tuple[int, int]) -> str | None:
    """The actor of a kind in `kinds` mentioned last before `before`, outside `skip` (the first actor listed
    when two mentions start there)."""
    starts, rows = by_identity(doc, f"mentions of {sorted(kinds)}", actors, partial(_kind_mentions, actors, kinds))
    best: tuple[int, int, str] | None = None
    i = bisect_right(starts, before) - 1
    while i >= 0 and (best is None or starts[i] == best[0]):
        start, order, end, actor_id = rows[i]
        if end <= before and not (skip[0] <= start < skip[1]) and (best is None or order < best[1]):
            best = (start, order, actor_id)
        i -= 1
    return best[2] if best else None


def _kind_mentions(actors: dict[str, Actor], kinds: set[str]) -> tuple[list[int], list[tuple[int, int, int, str]]]:
    """The mentions of actors of a kind in `kinds`: (start, order listed, end, actor id) by start."""
    rows = sorted((m.start, n, m.end, a.id) for n, (a, m) in enumerate(
        (a, m) for a in actors.values() if a.kind in kinds for m in a.mentions))
    return [r[0] for r in rows], rows


def _by_role(actors: dict[str, Actor], head: Token, before: int) -> str | None:
    """"the minister", "the French President": the latest person whose role has that word."""
    word = head.lower_
    best: tuple[int, str] | None = None
    for a in actors.values():
        if a.kind == "person" and a.role and word in a.role.lower().split():
            first = first_mention(a, head.doc)
            if first < before and (best is None or first > best[0]):
                best = (first, a.id)
    return best[1] if best else None


def _resolve(doc: Doc, found: list[_Found], actors: dict[str, Actor]) -> None:
    """Set each statement's speaker: the previous speaker, a pronoun's antecedent, or the actor named."""
    previous: _Found | None = None
    main = principal(actors.values(), doc)
    contents = Intervals((f.content[0], f.content[1], f) for f in found)
    for f in found:
        anchor = f.cue[0] if f.cue else f.content[0]
        if f.passive or f.speaker_tok is not None and meeting_group(f.speaker_tok):
            f.speaker_id = main.id if main is not None else None  # the account's own party
            if f.speaker_tok is not None:
                f.group = _participants(doc, actors, f.speaker_tok)
        elif f.speaker_tok is None and f.speaker_span is None:
            f.speaker_id = previous.speaker_id if previous else None
            f.group = previous.group if previous else ()
        elif f.speaker_tok is not None and f.speaker_tok.lower_ in {"i", "we"}:
            own = author(actors.values()) or main  # an address's "I" is its author
            mine = _actor_at(doc, *f.speaker_span, f.speaker_tok) if f.speaker_span else None  # a turn's "I"
            f.speaker_id = mine or _quoting(contents, f) or (own.id if own is not None else None)
        elif f.speaker_tok is not None and f.speaker_tok.lower_ == "who" and f.speaker_tok.head.dep_ == "relcl":
            f.speaker_id = _antecedent(doc, f.speaker_tok.head.head, actors)  # "Macron, who said that…"
        elif f.speaker_tok is not None and f.speaker_tok.lower_ in PRONOUNS | OBJECT_PRONOUNS:
            f.speaker_id = _pronoun(doc, f, previous, actors, anchor)
            if f.speaker_tok.lower_ == "they" and main is not None and f.speaker_id == main.id:
                f.group = _participants(doc, actors, None)  # a readout's "They": the meeting's parties
        elif f.speaker_span is not None and f.speaker_tok is not None and (
                holders := resolve_plural(doc, f.speaker_tok, actors)):
            f.speaker_id = main.id if main is not None and main.id in holders else holders[0]  # "the presidents of…"
            f.group = tuple(holders)
        elif f.speaker_span is not None and f.speaker_tok is not None:
            f.speaker_id = _named_at(doc, *f.speaker_span, f.speaker_tok) or _appositive_person(
                doc, f.speaker_tok, actors) or _introduced_as(
                doc, *f.speaker_span, actors) or resolve_description(doc, f.speaker_tok, actors) or _titled(
                doc, *f.speaker_span, f.speaker_tok, actors)
            if f.speaker_id is None and f.speaker_tok.lower_ in TITLE_HEADS:  # "the adviser to the President":
                f.speaker_id = _body_at(doc, *f.speaker_span, actors)  # his body, never the President
            elif f.speaker_id is None:
                f.speaker_id = _actor_at(doc, *f.speaker_span, f.speaker_tok) or _by_role(
                    actors, f.speaker_tok, anchor)
                if f.speaker_id is not None and actors[f.speaker_id].kind == "location" and \
                        f.speaker_tok.lemma_.lower() not in PLACE_HEADS:
                    f.speaker_id = None  # "the defenders of Mariupol said": people of the town, not the town
        previous = f


def _participants(doc: Doc, actors: dict[str, Actor], group: Token | None) -> tuple[str, ...]:
    """The people a collective speaker stands for: the meeting's participants, when there are two or more."""
    people = tuple(a.id for a in counterparts(actors.values(), doc, group))
    return people if len(people) > 1 else ()


PLACE_HEADS = frozenset({"city", "town", "village", "region", "province", "state", "county", "municipality",
                         "capital", "oblast", "district"})  # "the city of Phoenix is demanding": the town speaks


def _antecedent(doc: Doc, noun: Token, actors: dict[str, Actor]) -> str | None:
    """The actor a relative clause's noun names ("Alberto Fernandez, who said…"), never a town it mentions ("the
    defenders of Mariupol, who said…")."""
    found = _actor_at(doc, *_speaker_chars(noun), noun)
    return found if found is not None and actors[found].kind != "location" else None


def _quoting(contents: Intervals[_Found], f: _Found) -> str | None:
    """The speaker of the quotation an "I"/"we" cue stands in."""
    pos = f.cue[0] if f.cue else f.content[0]
    outer = [g for g in contents.containing(pos) if g is not f and g.speaker_id]
    return outer[0].speaker_id if outer else None


def _pronoun(doc: Doc, f: _Found, previous: _Found | None, actors: dict[str, Actor], anchor: int) -> str | None:
    """The speaker a pronoun subject stands for: the previous speaker when close and fitting, else the last one."""
    word = f.speaker_tok.lower_ if f.speaker_tok is not None else ""
    if word in {"you", "it"}:
        return None
    if word == "they" and f.speaker_tok is not None and not plural_before(f.speaker_tok, main_clauses=True):
        main = principal(actors.values(), doc)
        if main is not None and len(counterparts(actors.values(), doc)) > 1:
            return main.id  # a readout's "They also stressed…": the meeting's parties, as "the two leaders" are
    kinds = {"person"} if word in {"he", "she", "him", "her"} else {"anonymous", "group", "organization", "country"}
    if previous is not None and previous.speaker_id and actors[previous.speaker_id].kind in kinds \
            and anchor - previous.content[1] < 600:
        return previous.speaker_id
    return _last_mention(doc, actors, anchor, kinds, f.content)


SOURCE_TYPES = {"person": "named", "anonymous": "anonymous", "group": "collective", "organization": "institutional",
                "country": "institutional", "location": "institutional"}


def _source_type(f: _Found, actor: Actor | None) -> str:
    """Named, anonymous, collective, institutional or unattributed, from the speaker actor or its words."""
    if f.speaker_tok is not None and (meeting_group(f.speaker_tok) or f.speaker_tok.lower_ == "they"
                                      and actor is not None and actor.kind == "person"):
        return "collective"  # "the two leaders", a readout's "They": the meeting's parties
    if actor is not None:
        return SOURCE_TYPES[actor.kind]
    tok = f.speaker_tok
    if tok is not None and tok.lower_ in NO_ONE_WORDS:
        return "unattributed"  # "It goes without saying", "those who say", "anyone who wants": no source
    if tok is None or tok.pos_ in {"PROPN", "PRON"}:
        return "named"
    return "anonymous" if tok.lemma_.lower() in HUMAN_NOUNS else "unattributed"


# Words that, as the subject of a cue we could not resolve, name no one: an expletive, a thing, a relative pronoun
# whose antecedent was lost, anyone at all.
NO_ONE_WORDS = frozenset({"it", "this", "that", "there", "which", "who", "whoever", "one", "anyone", "anybody",
                          "everyone", "everybody", "someone", "somebody", "nobody", "those"})


def _date(doc: Doc, f: _Found, dates: list[DateMention]) -> str | None:
    """When it was said: the first date in the cue's sentence outside the content (from the content's end when
    it comes first), else the publication date; never a date inside what was said."""
    published = doc._.published.isoformat() if doc._.published else None
    if f.cue is None:
        return published
    cue_tok = doc.char_span(*f.cue, alignment_mode="expand")
    if cue_tok is None:
        return published
    sent = cue_tok.sent
    lo = min(sent.start_char, f.content[1]) if f.content[1] <= f.cue[0] else sent.start_char
    for d in starting_within(doc, dates, lo, sent.end_char):
        inside_content = f.content[0] <= d.start < f.content[1]
        if lo <= d.start < sent.end_char and not inside_content and d.value:
            return d.value
    return published


CONTENT_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me"})  # whom, not what: no words said


def find_statements(doc: Doc) -> list[Statement]:
    """Statements in `doc`, in text order, with speakers resolved to `doc._.actors`."""
    finder = _Finder(doc)
    text = finder.text
    transcript_statements(finder)  # a turn first: a belief inside it ("I believe that…") is part of its words
    finder.verb_statements()
    finder.headline()
    finder.according_to()
    finder.found.sort(key=lambda f: f.content[0])
    finder.quote_statements()
    found = [f for f in finder.found if any(c.isalnum() for c in text[f.content[0]:f.content[1]])  # "shelling continues."
             and text[f.content[0]:f.content[1]].strip().lower() not in CONTENT_PRONOUNS]  # "glad to welcome you"
    found = sorted(_dedupe(found), key=lambda f: (f.content[0], f.content[1]))
    actors = {a.id: a for a in doc._.actors or []}
    _resolve(doc, found, actors)
    found = [f for f in found if not f.headline or f.speaker_id and actors[f.speaker_id].kind == "person"]
    found = [f for f in found if not _own_aside(f, found)]
    out = []
    for i, f in enumerate(found, start=1):
        actor = actors.get(f.speaker_id or "")
        out.append(Statement(
            id=f"s{i}", kind=f.kind, speaker=f.speaker_id,
            speaker_mention=text_span(text, *f.speaker_span) if f.speaker_span else None,
            source_type=_source_type(f, actor), cue=text_span(text, *f.cue) if f.cue else None,
            content=text_span(text, *f.content), date=_date(doc, f, doc._.dates or []),
            speakers=_speakers(f)))
    return out


def _own_aside(f: _Found, found: list[_Found]) -> bool:
    """Whether a first-person cue sits inside its own speaker's quoted words or turn ("Putin: … As I have said, we
    must…", "I propose that we…"): part of those words, not a statement of its own."""
    if f.speaker_tok is None or f.speaker_tok.lower_ not in {"i", "we"} or f.cue is None or f.speaker_id is None:
        return False
    return any(g is not f and g.kind in {"direct", "mixed"} and g.speaker_id == f.speaker_id
               and g.content[0] <= f.cue[0] < g.content[1] for g in found)


def _speakers(f: _Found) -> tuple[str, ...]:
    """Everyone the statement is attributed to, its speaker first."""
    if f.speaker_id is None:
        return ()
    return (f.speaker_id, *(a for a in f.group if a != f.speaker_id))


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One statement per content: the first cue found wins; nested same-span duplicates go."""
    seen: set[tuple[int, int]] = set()
    out = []
    for f in found:
        if f.content in seen or f.content[1] <= f.content[0]:
            continue
        seen.add(f.content)
        out.append(f)
    return out


@Language.component("communique_statements", assigns=["doc._.statements"],
                    requires=["doc._.actors", "doc._.mention_actor", "doc._.dates"])
def communique_statements(doc: Doc) -> Doc:
    """spaCy component: fill `doc._.statements` (add after `communique_actors`)."""
    doc._.statements = find_statements(doc)
    return doc

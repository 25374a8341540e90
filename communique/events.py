"""Events: who did what to whom, coded in PLOVER (with CAMEO beside it) from codebook patterns over the parse.

A trigger is a word whose lemma has a pattern in `data/event_patterns.csv` (with its object words, particles and
target prepositions). Complement frames ("threatened to", "ready to", "refused to", "is expected to") take the event
of their clause and turn it into another event or set its modality. Sources are subjects (or the "by" agent of a
passive), targets are objects and the objects of the pattern's prepositions; both are actors of the record, never
invented. Reciprocal events ("X and Y met") list every participant as source and as target (PLOVER's convention).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from .codebook import Codebook, Pattern, load_codebook
from .pipeline import register_extensions
from .records import Actor, Event, Span, Statement

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["MAX_PER_SENTENCE", "MODALITIES", "EventsComponent", "find_events"]

MODALITIES = ("asserted", "expected", "intended", "conditional", "hypothetical", "denied")
MAX_PER_SENTENCE = 8
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "iobj", "attr", "oprd"}
FUTURE = {"will", "would", "shall", "'ll", "wo"}
POSSIBLE = {"could", "might", "may", "should", "must", "ought"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "once", "when", "whenever"}
ALWAYS_CONDITIONAL = {"if", "unless", "provided", "providing"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
RELATIVE = {"who", "which", "that", "whom"}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
THIRD_PERSON = {"he", "she", "they", "it", "him", "her", "them"}
NP_LINKS = {"amod", "compound", "poss", "nmod", "nummod", "quantmod", "det", "case", "prep", "pobj", "npadvmod"}
NP_PREPS = {"of", "from", "in", "for", "throughout", "across"}
TARGET_NP_PREPS = NP_PREPS | {"by", "on", "against", "to", "with"}  # "calls by Belarus", "curfew on Palestinians"
# Frame words after which the commitment itself happened ("agreed to meet"); other intent words only say it is meant.
COMMITTING = {"agree", "pledge", "promise", "vow", "swear", "offer", "commit", "decide", "propose"}
CONFLICT_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "PROTEST"}
COOPERATIVE_TYPES = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT"}
OBLIGATION = {"must", "should"}
ASPECTUAL = {"begin", "start", "continue", "help", "manage", "resume", "keep", "go"}
PLACE_PREPS = {"in", "at", "into", "near", "outside", "throughout"}  # where a coercive act lands
# "X said Y must free the prisoners": the speaker demands it of Y (CAMEO's reading of obligations in reports).
OBLIGATION_PATTERN = Pattern("must", "VERB", frozenset(), frozenset(), frozenset(), frozenset(), "100",
                             frozenset({"request"}), "events.py")
VERBAL_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Verbs whose object controls the subject of their clause ("urged Iran to release").
OBJECT_CONTROL = {"urge", "ask", "press", "pressure", "call", "tell", "force", "persuade", "order", "allow", "help",
                  "invite", "encourage", "convince", "produce", "push", "appeal", "request"}


@dataclass
class _Draft:
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


class _Coder:
    """Event coding state for one document."""

    def __init__(self, doc: Doc, codebook: Codebook) -> None:
        self.doc = doc
        self.book = codebook
        self.actors: dict[str, Actor] = {a.id: a for a in doc._.actors or []}
        self.statements: list[Statement] = list(doc._.statements or [])
        self.tok_actor: dict[int, str] = {}
        for (start, end), actor_id in (doc._.mention_actor or {}).items():
            span = doc.char_span(start, end, alignment_mode="expand")
            for tok in span or ():
                self.tok_actor.setdefault(tok.i, actor_id)
        self.memo: dict[int, _Draft | None] = {}

    # ------------------------------------------------------------------ patterns

    def pattern(self, tok: Token) -> Pattern | None:
        """The best pattern for `tok`: object words and particles that match count most; None when none fits."""
        rows = next((self.book.patterns[k] for k in _lemma_keys(tok) if k in self.book.patterns), None)
        if not rows or not _pos_ok(tok):
            return None
        comps = _complements(tok)
        comps += [g for c in comps for g in c.children if g.dep_ == "compound"]  # "mediation efforts"
        words = {c.lemma_.lower() for c in comps} | {c.lower_ for c in comps}
        links = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep", "advmod"}}
        best: tuple[int, Pattern] | None = None
        for p in rows:
            if not _pos_fits(p.pos, tok):
                continue
            if p.objects and not words & p.objects or words & p.excluded or p.particles and not links & p.particles:
                continue
            if p.excluded and links & p.excluded:
                continue
            score = 2 * bool(p.objects) + 2 * bool(p.particles) + bool(p.preps & links)
            if best is None or score > best[0]:
                best = (score, p)
        return best[1] if best else None

    # ------------------------------------------------------------------ actors

    def actor_of_token(self, tok: Token) -> str | None:
        return self.tok_actor.get(tok.i)

    def np_actors(self, head: Token, places: bool = False, preps: frozenset[str] | set[str] = NP_PREPS) -> list[str]:
        """Actors named by the noun phrase headed by `head`, conjuncts expanded ("French and German diplomats")."""
        out: list[str] = []
        own = self.actor_of_token(head)
        if own is not None:
            out.append(own)
        if own is None or not self.actors[own].country:  # "U.S. envoy X", "Israel's Cabinet": whose they are
            for tok in _np_tokens(head, preps):
                actor_id = self.actor_of_token(tok)
                if actor_id is not None and actor_id not in out and (own is None or self.actors[actor_id].country):
                    out.append(actor_id)
        for child in head.children:
            if child.dep_ == "conj":
                out += [a for a in self.np_actors(child, places, preps) if a not in out]
        if not places:
            out = [a for a in out if self.actors[a].kind != "location"]
        return out

    def participants(self, tok: Token) -> list[str]:
        """Actors for a subject or object token, pronouns and relative pronouns resolved."""
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            return self.np_actors(tok.head.head)
        if tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON | THIRD_PERSON:
            found = self.pronoun(tok)
            return [found] if found else []
        return self.np_actors(tok)

    def statement_at(self, pos: int) -> Statement | None:
        for st in self.statements:
            if st.content.start <= pos < st.content.end:
                return st
        return None

    def pronoun(self, tok: Token) -> str | None:
        """He/she/they/we: the speaker of the statement it sits in, else the subject of a governing clause."""
        word = tok.lower_
        st = self.statement_at(tok.idx)
        if st is not None and st.speaker:
            kind = self.actors[st.speaker].kind
            fits = {"he": {"person"}, "she": {"person"}, "him": {"person"}, "her": {"person"},
                    "it": {"organization", "country"}}.get(word, {"group", "anonymous", "organization", "country"})
            if word in FIRST_PERSON or kind in fits:
                return st.speaker
        if word in FIRST_PERSON or tok.dep_ not in SUBJECTS:
            return None if word in FIRST_PERSON or word == "it" else self.last_person(tok) if word in {
                "him", "her"} else None
        verb = tok.head
        while verb.dep_ in {"ccomp", "advcl", "conj", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subj is not None and subj.pos_ != "PRON":
                found = self.np_actors(subj)
                if found:
                    return found[0]
        if word in {"he", "she", "him", "her"}:
            return self.last_person(tok)
        return None

    def last_person(self, tok: Token) -> str | None:
        """The nearest person mentioned before `tok` in its sentence or the two before it."""
        floor = tok.doc[max(tok.sent.start - 1, 0)].sent.start
        floor = tok.doc[max(floor - 1, 0)].sent.start
        for i in range(tok.i - 1, floor - 1, -1):
            actor_id = self.tok_actor.get(i)
            if actor_id is not None and self.actors[actor_id].kind == "person":
                return actor_id
        return None

    # ------------------------------------------------------------------ arguments

    def subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject token of `verb` (inherited through control and conjunction) and whether it is passive."""
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child, child.dep_ == "nsubjpass"
        head = verb.head
        if head.i == verb.i:
            return None, passive
        if verb.dep_ == "xcomp" and self.tough(head):
            return None, passive  # "Berlin would be difficult to reject": Berlin is rejected, not rejecting
        if verb.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
            if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
                return obj, False
            subj, _ = self.subject(head)
            return subj, passive
        infinitive = _infinitive(verb)
        if verb.dep_ in {"acomp", "conj"} or verb.dep_ == "advcl" and (verb.tag_ in {"VBG", "VBN"} or infinitive):
            subj, head_passive = self.subject(head)
            return subj, passive or (verb.dep_ == "conj" and head_passive and verb.tag_ == "VBN")
        if verb.dep_ == "relcl":
            return head, passive
        return None, passive

    def tough(self, head: Token) -> bool:
        """"X would be difficult to reject": an adjective (not a frame like "ready") whose clause has X as object."""
        adjs = [head] if head.pos_ == "ADJ" else [c for c in head.children if c.dep_ == "acomp"]
        return any(a.pos_ == "ADJ" and not self.frame_word(a) for a in adjs)

    def frame_word(self, tok: Token) -> bool:
        return any(p.complement for p in self.book.patterns.get(tok.lemma_.lower(), ()))

    def displaced_subject(self, verb: Token, exclude: list[str]) -> list[str]:
        """A broken parse's subject: an appositive naming an actor ("On Wednesday, Trump, ... accused")."""
        for tok in verb.subtree:
            if tok.dep_ == "appos" and tok.head.dep_ == "pobj" and tok.sent == verb.sent:
                found = [a for a in self.np_actors(tok) if a not in exclude
                         and self.actors[a].kind in {"person", "country", "organization"}]
                if found:
                    return found
        return []

    def arguments(self, tok: Token, p: Pattern) -> tuple[list[str], list[str]]:
        subj, passive = self.subject(tok)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        subjects = self.participants(subj) if subj is not None else []
        if not subjects and not passive and (subj is None or subj.lower_ in {"this", "that"}):
            subjects = self.displaced_subject(tok, self.targets(tok, p))
        targets = self.targets(tok, p)
        if passive and "stative" not in p.frames:
            source = self.participants(agent) if agent is not None else []
            return source, subjects + [t for t in targets if t not in subjects]
        return subjects, targets

    def targets(self, tok: Token, p: Pattern) -> list[str]:
        out: list[str] = []
        places = p.cameo == "042"
        for child in tok.children:
            called = child.dep_ == "oprd" and "actor_object" in p.frames and not any(
                c.dep_ == "dobj" for c in tok.children)  # "would call Trump" parsed as a predicate
            if child.dep_ in {"dobj", "dative", "iobj"} or called or child.dep_ == "prep" and (
                    child.lower_ in p.preps or child.lower_ == "against"):
                heads = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
                for head in heads:
                    found = self.np_actors(head, preps=TARGET_NP_PREPS) if head.pos_ != "PRON" else []
                    out += [a for a in found or self.participants(head) if a not in out]
                    for sub in head.children:  # "a meeting with Witkoff", "talks between X and Y"
                        if sub.dep_ == "prep" and sub.lower_ in p.preps | {"with", "between"}:
                            for g in sub.children:
                                if g.dep_ == "pobj":
                                    out += [a for a in self.np_actors(g, places) if a not in out]
        if places:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in p.preps:
                    for g in child.children:
                        out += [a for a in self.np_actors(g, True) if a not in out]
        return out

    # ------------------------------------------------------------------ coding

    def draft(self, tok: Token) -> _Draft | None:
        """The event triggered by `tok` (memoised), after its complement frame has done its work."""
        if tok.i in self.memo:
            return self.memo[tok.i]
        self.memo[tok.i] = None  # guards against cycles in odd parses
        p = self.pattern(tok)
        result = None
        if p is not None:
            result = self.framed(tok, p) if p.complement else None
            if result is None and p.cameo is not None:
                result = self.plain(tok, p)
        self.memo[tok.i] = result
        return result

    def plain(self, tok: Token, p: Pattern) -> _Draft | None:
        if "evaluative" in p.frames:
            return self.evaluative(tok, p)
        if "clause_only" in p.frames or "request" in p.frames and not self.request_ok(tok):
            return None
        source, target = self.arguments(tok, p)
        if not target and (p.complement or "request" in p.frames):
            target = self.clause_targets(tok, source)
        objects = [c for c in _complements(tok)]
        if "needs_object" in p.frames and not objects and not target:
            return None
        if ("needs_target" in p.frames or "actor_target" in p.frames) and not target:
            return None
        deps = {c.dep_ for c in tok.children}
        if "actor_object" in p.frames and (not target or deps & {"xcomp", "ccomp"} or {"oprd", "dobj"} <= deps):
            return None
        if "symmetric" in p.frames and not target and len(source) > 1:
            target = list(source)
        tokens = [tok] + [c for c in tok.children if c.dep_ == "prt" and c.lower_ in p.particles]
        tokens += [c for c in objects if c.lemma_.lower() in p.objects or c.lower_ in p.objects]
        assert p.cameo is not None
        # a named recipient may be the source's own country ("Iraqi Kurds ... independence from Iraq"): domestic
        return _Draft(tok, p, p.cameo, source, target, tokens, [tok], base=p.cameo)

    def clause_targets(self, tok: Token, source: list[str]) -> list[str]:
        """Targets inside the clause a frame word takes: its subject ("demanded that Hamas renounce"), else its
        objects ("offered to hand over to Britain")."""
        for clause in tok.children:
            if clause.dep_ not in {"ccomp", "xcomp"}:
                continue
            subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            found = [a for a in (self.participants(subj) if subj is not None else []) if a not in source]
            for child in clause.children:
                if child.dep_ in {"dobj", "dative"} or child.dep_ == "prep" and child.lower_ in {"to", "with", "for"}:
                    heads = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
                    found += [a for h in heads for a in self.np_actors(h, preps=TARGET_NP_PREPS)
                              if a not in source and a not in found]
            if found:
                return found
        return []

    def request_ok(self, tok: Token) -> bool:
        """A request verb is an event when it has an addressee, an object or a clause, not as a bare "asked"."""
        return any(c.dep_ in {"dobj", "dative", "xcomp", "ccomp", "prep"} for c in tok.children)

    def evaluative(self, tok: Token, p: Pattern) -> _Draft | None:
        """"X's views were insignificant" inside someone's statement: the speaker criticises X."""
        st = self.statement_at(tok.idx)
        if st is None or not st.speaker or tok.dep_ not in {"acomp", "attr", "oprd"}:
            return None
        subj = next((c for c in tok.head.children if c.dep_ in SUBJECTS), None)
        if subj is None:
            return None
        target = [a for a in self.participants(subj) if a != st.speaker]
        if not target:
            return None
        assert p.cameo is not None
        return _Draft(tok, p, p.cameo, [st.speaker], target, [tok], [tok])

    def framed(self, frame: Token, p: Pattern) -> _Draft | None:
        """A complement frame over the event of its clause, or None when the clause has no event."""
        clause_deps = {"xcomp"} | ({"ccomp"} if p.complement in {"threat", "request"} else set())
        inner_tok = next((c for c in frame.children if (c.dep_ in clause_deps or c.dep_ == "advcl" and _infinitive(c))
                          and c.pos_ in {"VERB", "AUX", "ADJ"}), None)
        inner = self.draft(inner_tok) if inner_tok is not None else None
        if inner is None:
            return None
        inner.consumed = True
        kind = p.complement
        inner_type = self.book.plover(inner.code)
        tokens = [frame] + inner.tokens
        if kind in {"expect", "attempt", "fail"}:
            mod = {"expect": "expected", "attempt": "intended", "fail": "denied"}[kind]
            return replace(inner, tokens=tokens, verbs=inner.verbs + [frame], frame=frame, consumed=False,
                           extra_modality=inner.extra_modality + [mod])
        source, _ = self.arguments(frame, p)
        source = source or inner.source
        if kind == "request":
            addressee = [a for c in frame.children if c.dep_ in {"dobj", "dative"} for a in self.participants(c)]
            if not addressee and inner_tok is not None:
                subj = next((c for c in inner_tok.children if c.dep_ in SUBJECTS), None)
                addressee = self.participants(subj) if subj is not None else []
            target = addressee or inner.target
        else:
            target = inner.target
        if kind == "intent" and inner_type in VERBAL_CONFLICT:
            return replace(inner, source=source or inner.source, tokens=tokens, verbs=inner.verbs + [frame],
                           frame=frame, consumed=False, extra_modality=inner.extra_modality + ["intended"])
        code = self.book.frame_code(kind or "", inner.code)
        if code is None:
            return None
        mods = list(inner.extra_modality)
        if kind == "intent" and frame.lemma_.lower() not in COMMITTING:
            mods.append("intended")
        target = [t for t in target if t not in source]
        return _Draft(frame, p, code, source, target, tokens, inner.verbs + [frame], frame=frame,
                      extra_modality=mods, base=inner.base or inner.code)

    def as_intent(self, d: _Draft) -> None:
        """CAMEO's convention for announced actions: "will send aid" expresses intent (AGREE), "would blockade the
        capital" and "may halt mediation" threaten (THREATEN). The draft keeps its trigger; modality is expected."""
        if d.frame is not None:
            return
        chain = _chain(d)
        auxes = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux"}
        plover = self.book.plover(d.code)
        if any(c.dep_ == "neg" for t in chain for c in t.children):
            refusal = self.book.frame_code("refuse", d.code) if auxes & FUTURE else None
            if refusal is not None and plover in COOPERATIVE_TYPES | {"AGREE"}:
                d.code = refusal  # "will not accept refugees", "would not meet their demands": a refusal
                d.extra_modality.append("refusal")
            return
        if plover in COOPERATIVE_TYPES and auxes & FUTURE:
            kind = "intent"
        elif plover in CONFLICT_TYPES and auxes & (FUTURE | {"may", "could", "might"}):
            kind = "threat"
        else:
            return
        code = self.book.frame_code(kind, d.code)
        if code is not None:
            d.code = code
            d.extra_modality.append("expected")

    def fill_target(self, d: _Draft) -> None:
        """Targets the clause leaves implicit: whoever a threat's condition names ("unless Baghdad accepts"), and
        the country or place where a coercive or conceding act is done ("lifted the curfew in Montenegro")."""
        if d.target:
            return
        plover = self.book.plover(d.code)
        if plover == "THREATEN":
            verbs = _chain(d) + [c for t in _chain(d) for c in t.children if c.dep_ == "xcomp"]
            for clause in (c for t in verbs for c in t.children if c.dep_ == "advcl"):
                if any(m.lower_ in HYPOTHETICAL_MARKS for m in clause.children if m.dep_ == "mark"):
                    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
                    found = [a for a in self.participants(subj) if a not in d.source] if subj is not None else []
                    if found:
                        d.target = found
                        return
        act = self.book.plover(d.base or d.code)
        if self.book.quad(act) in {2, 4} or act == "CONCEDE":
            for tok in d.tokens:
                for child in tok.children:
                    place = self.place_of(child, {"location", "country"}, d, with_country=True, preps=PLACE_PREPS)
                    if place is not None and place not in d.source:
                        d.target = [place]
                        return

    def obligations(self) -> list[_Draft]:
        """Reported obligations: "Britain said Libya must hand over the suspects" is a REQUEST of Libya."""
        out = []
        for st in self.statements:
            if st.cue is None or not st.speaker:
                continue
            span = self.doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in root.children):
                continue
            subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
            target = [a for a in (self.participants(subj) if subj is not None else []) if a != st.speaker]
            if not target:
                continue
            inner = self.memo.get(root.i)
            code = "100"
            if inner is not None:
                inner.consumed = True
                code = self.book.frame_code("request", inner.code) or "100"
            out.append(_Draft(root, OBLIGATION_PATTERN, code, [st.speaker], target, [root], [root]))
        return out

    # ------------------------------------------------------------------ modality

    def modality(self, d: _Draft) -> tuple[str, tuple[int, int] | None]:
        chain = _chain(d)
        condition = self.condition(chain)
        if "refusal" in d.extra_modality:
            return "asserted", None
        if any(c.dep_ == "neg" for t in chain for c in t.children) or _negated_report(chain[-1]) or any(
                c.dep_ == "det" and c.lower_ == "no" for t in d.tokens for c in t.children):  # "offered no help"
            return "denied", None
        if d.pattern is OBLIGATION_PATTERN:
            return "asserted", None  # the demand was made; what is demanded has not happened
        if "denied" in d.extra_modality:
            return "denied", None
        if _inside_if(chain[-1]):
            return "hypothetical", None
        if condition is not None:
            return "conditional", condition
        if "expected" in d.extra_modality:
            return "expected", None
        auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & FUTURE or any(c.lower_ == "going" and t.tag_ == "VB" for t in chain for c in t.children):
            return "expected", None
        if "intended" in d.extra_modality or _purpose(d.verbs[-1] if d.verbs else d.token):
            return "intended", None
        if auxes & POSSIBLE:
            return "hypothetical", None
        return "asserted", None

    def condition(self, chain: list[Token]) -> tuple[int, int] | None:
        past = any(t.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in t.children)
                   for t in chain if t.pos_ in {"VERB", "AUX"})
        for tok in chain:
            for clause in tok.children:
                if clause.dep_ != "advcl":
                    continue
                mark = next((c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"}
                             and c.lower_ in CONDITION_MARKS), None)
                if mark is None or mark not in ALWAYS_CONDITIONAL and (past or clause.tag_ == "VBD"):
                    continue
                return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        return None

    # ------------------------------------------------------------------ date, place, statement

    def date(self, d: _Draft, statement: Statement | None) -> str | None:
        head = _chain(d)[-1]
        lo, hi = _clause_chars(head)
        best: tuple[int, str] | None = None
        anchor = d.token.idx
        for m in self.doc._.dates or []:
            if lo <= m.start < hi and m.value and not self.in_other_clause(m.start, head):
                dist = abs(m.start - anchor)
                if best is None or dist < best[0]:
                    best = (dist, m.value)
        if best is not None:
            return best[1]
        return statement.date if statement is not None else None

    def in_other_clause(self, pos: int, head: Token) -> bool:
        for tok in head.subtree:
            if tok.dep_ in {"ccomp", "relcl", "advcl", "acl"} and tok.i != head.i:
                lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                if lo <= pos < hi and not any(t.i == tok.i for t in _chain_tokens(head)):
                    return True
        return False

    def location(self, d: _Draft) -> str | None:
        """Where it happened: "in"/"at" a place on the trigger, or a named place anywhere in its phrase."""
        for tok in d.tokens:
            for child in tok.children:
                found = self.place_of(child, {"location", "country"}, d)
                if found:
                    return found
        for obj in _complements(d.token):  # "met diplomats in Paris"
            for child in obj.children:
                found = self.place_of(child, {"location"}, d)
                if found:
                    return found
        return None

    def place_of(self, prep: Token, kinds: set[str], d: _Draft, with_country: bool = False,
                 preps: frozenset[str] | set[str] = frozenset({"in", "at"})) -> str | None:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            return None
        for g in prep.children:
            if g.dep_ == "pobj":
                for actor_id in self.np_actors(g, places=True):
                    actor = self.actors[actor_id]
                    if actor.kind in kinds and actor_id not in d.target and (actor.country or not with_country):
                        return actor_id
        return None

    def statement_of(self, d: _Draft) -> Statement | None:
        first = min(t.idx for t in d.tokens)
        for st in self.statements:
            if st.cue is not None and any(st.cue.start <= t.idx < st.cue.end for t in d.tokens):
                return st
        return self.statement_at(first)


def _purpose(verb: Token) -> bool:
    """"to convince the US to support", "to demand reforms": an aim, not yet an act."""
    return _infinitive(verb) and verb.dep_ in {"xcomp", "advcl"} and verb.head.lemma_.lower() not in ASPECTUAL


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _lemma_keys(tok: Token) -> list[str]:
    """The lemma, then the word, then the word less a verb ending (the lemmatiser reads "staged" as "stag")."""
    keys = [tok.lemma_.lower(), tok.lower_]
    if tok.tag_ in {"VBD", "VBN", "VBZ", "VBG"}:
        word = tok.lower_
        keys += [word[:-1], word[:-2]] if word.endswith(("ed", "es", "s")) else [word[:-3]] if word.endswith(
            "ing") else []
    return keys


def _pos_fits(pos: str, tok: Token) -> bool:
    """VERB patterns fit verbs and participles used as adjectives ("opposed"); ADJ patterns fit adjectives."""
    if pos == "VERB":
        return tok.pos_ == "VERB" or tok.pos_ == "ADJ" and tok.tag_ in {"VBN", "VBG"}
    if pos == "ADJ":
        return tok.pos_ == "ADJ" or tok.tag_ == "VBN"
    return tok.pos_ == pos


def _pos_ok(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "ADJ", "NOUN", "AUX"} and not tok.is_punct


def _complements(tok: Token) -> list[Token]:
    """Object-like nouns of `tok`: direct objects, passive subjects, attributes and prepositional objects."""
    out = []
    for child in tok.children:
        if child.dep_ in OBJECTS or child.dep_ == "nsubjpass":
            out.append(child)
        elif child.dep_ in {"prep", "prt"}:
            out += [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
    # "25,000 tons of food aid", "millions of dollars of aid": the noun after a measure
    out += [g for c in list(out) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]
    return out


def _np_tokens(head: Token, preps: frozenset[str] | set[str] = NP_PREPS) -> list[Token]:
    """The head's modifiers that can name who it belongs to ("Hungarian officials", "groups in Zimbabwe")."""
    out = []
    stack = [c for c in head.children if c.dep_ in NP_LINKS]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ not in preps:
            continue
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ in NP_LINKS | {"conj"}]
    return out


def _chain(d: _Draft) -> list[Token]:
    """The event's verbs from the trigger up to its frame, then the copula of an adjective frame."""
    chain = list(d.verbs)
    top = chain[-1]
    # an adjective frame ("ready", "willing") takes its mood from its copula
    if top.dep_ in {"acomp", "xcomp"} and top.head.i != top.i and top.pos_ == "ADJ":
        chain.append(top.head)
    if top.dep_ == "xcomp" and top.head.pos_ in {"VERB", "AUX", "ADJ"} and top.head.lemma_ in {"be", "seem"}:
        chain.append(top.head)
    return chain


def _chain_tokens(head: Token) -> list[Token]:
    out = [head]
    while head.dep_ in {"xcomp", "acomp"} and head.head.i != head.i:
        head = head.head
        out.append(head)
    return out


def _negated_report(top: Token) -> bool:
    """"Washington has not announced that it would contribute": the event in a denied report did not happen."""
    tok = top
    while tok.dep_ in {"ccomp", "xcomp", "conj"} and tok.head.i != tok.i:
        tok = tok.head
        if any(c.dep_ == "neg" for c in tok.children):
            return True
    return False


def _inside_if(top: Token) -> bool:
    tok = top
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
            return True
        tok = tok.head
    return False


def _clause_chars(head: Token) -> tuple[int, int]:
    top = head
    while top.dep_ in {"xcomp", "acomp"} and top.head.i != top.i:
        top = top.head
    return top.left_edge.idx, top.right_edge.idx + len(top.right_edge)


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Token index of each kept sentence's first token -> its index in `Record.sentences` (blank ones skipped)."""
    out: dict[int, int] = {}
    for s in doc.sents:
        if s.text.strip():
            out[s.start] = len(out)
    return out


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _trigger(d: _Draft) -> tuple[int, int]:
    first = min(d.tokens, key=lambda t: t.i)
    last = max(d.tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _by_sentence(drafts: list[_Draft]) -> list[_Draft]:
    """At most `MAX_PER_SENTENCE` events per sentence, one per trigger and participants."""
    out: list[_Draft] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    count: dict[int, int] = {}
    for d in drafts:
        key = (d.token.i, d.code, tuple(d.source), tuple(d.target))
        sent = d.token.sent.start
        if key in seen or count.get(sent, 0) >= MAX_PER_SENTENCE:
            continue
        seen.add(key)
        count[sent] = count.get(sent, 0) + 1
        out.append(d)
    return out


def find_events(doc: Doc, codebook: Codebook | None = None) -> list[Event]:
    """Events in `doc`, in text order (needs `doc._.actors`; uses `doc._.statements` and `doc._.dates`)."""
    if doc._.actors is None:
        return []
    coder = _Coder(doc, codebook or load_codebook())
    drafts = [d for d in (coder.draft(tok) for tok in doc) if d is not None]
    drafts += coder.obligations()
    drafts = [d for d in drafts if not d.consumed and d.source]
    for d in drafts:
        coder.as_intent(d)
        coder.fill_target(d)
    drafts.sort(key=lambda d: _trigger(d))
    text = doc.text
    sentences = _sentence_index(doc)
    out: list[Event] = []
    for d in _by_sentence(drafts):
        modality, condition = coder.modality(d)
        statement = coder.statement_of(d)
        plover = coder.book.plover(d.code)
        out.append(Event(
            id=f"e{len(out) + 1}", type=plover, cameo=d.code, quad=coder.book.quad(plover),
            source=tuple(d.source), target=tuple(d.target), trigger=_span(text, *_trigger(d)),
            sentence=sentences.get(d.token.sent.start, 0), date=coder.date(d, statement), location=coder.location(d),
            modality=modality, condition=_span(text, *condition) if condition else None,
            statement=statement.id if statement is not None else None))
    return out


class EventsComponent:
    """spaCy component: fill `doc._.events` (add after `communique_actors` and `communique_statements`)."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, self.codebook)
        return doc


@Language.factory("communique_events", assigns=["doc._.events"], requires=["doc._.actors", "doc._.statements"],
                  default_config={"data_dir": None})
def make_events_component(nlp: Language, name: str, data_dir: str | None) -> EventsComponent:
    """spaCy factory: the events stage, with the shipped codebooks plus the user's folder `data_dir`."""
    return EventsComponent(load_codebook(Path(data_dir) if data_dir else None))


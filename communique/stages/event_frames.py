"""Drafting events: plain triggers, complement frames over the event of their clause ("threatened to", "ready
to"), evaluations and obligations inside statements, and CAMEO's recoding of announced actions as intent."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..codebook import Pattern
from ..records import Statement
from .event_arguments import arguments, clause_targets, subject
from .event_context import OBLIGATION_PATTERN, Draft, EventContext, chain, statement_at, violent
from .event_copular import copular_tie
from .event_modality import ASPECTUAL, ENDING_VERBS, negated, performative
from .event_nominal import LIGHT_VERBS, nominal_draft
from .event_participants import FIRST_PERSON, addressee, listener, np_actors, participants
from .event_patterns import against_nature, complements, pattern
from .roles import author, own_words, principal
from .spans import doc_text, sentences
from .syntax import PROSPECTIVE_AUX, SUBJECT_DEPS, agent_objects, is_infinitive, is_nominal, pleased_act

__all__ = ["as_intent", "draft", "obligations"]

# Frame words after which the commitment itself happened ("agreed to meet"); other intent words only say it is meant.
COMMITTING = {"agree", "pledge", "promise", "vow", "swear", "offer", "commit", "decide", "propose"}
CONFLICT_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "PROTEST"}
COOPERATIVE_TYPES = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT"}
OBLIGATION = {"must", "should"}
VERBAL_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Frames that leave the event of their clause as it is and only set its modality.
MODAL_FRAMES = {"expect": "expected", "attempt": "intended", "fail": "denied"}


def draft(ctx: EventContext, tok: Token) -> Draft | None:
    """The event triggered by `tok` (memoised), after its complement frame has done its work."""
    if tok.i in ctx.memo:
        return ctx.memo[tok.i]
    ctx.memo[tok.i] = None  # guards against cycles in odd parses
    p = pattern(ctx, tok)
    result = None
    if p is not None and "salutation" in p.frames:
        result = _salutation(ctx, tok, p)
    elif p is not None and "partner" in p.frames:
        result = copular_tie(ctx, tok, p)
    elif p is not None and (is_nominal(tok) or "accusation" in p.frames):  # "this is genocide" tagged ADJ
        result = _framed(ctx, tok, p) if p.complement else nominal_draft(ctx, tok, p)
    elif p is not None:
        result = _framed(ctx, tok, p) if p.complement else None
        if result is None and p.cameo is not None:
            result = _plain(ctx, tok, p)
    ctx.memo[tok.i] = result
    return result


def _plain(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """The event of a trigger on its own, or None when the pattern's frames want arguments it lacks."""
    if "evaluative" in p.frames:
        return _evaluative(ctx, tok, p)
    if "clause_only" in p.frames or "request" in p.frames and not _request_ok(tok):
        return None
    source, target = arguments(ctx, tok, p)
    if not source and is_infinitive(tok):
        source = _pleased_speaker(ctx, tok)  # "It is a pleasure to welcome you": the speaker welcomes
        target = [t for t in target if t not in source]
    if not source and _thank_you(tok):  # "Thank you, Denmark!": the one whose words these are thanks Denmark
        source, target = _thanker(ctx, tok), target or _hailed(ctx, tok)
        target = [t for t in target if t not in source]
        if not target:
            return None  # "Thank you for your attention!": a courtesy to no one named
    if not source and tok.lemma_.lower() in HONOURS and statement_at(ctx, tok.idx) is None:
        source = [a for a in [_author_id(ctx)] if a is not None and a not in target]  # the state's awards
    if not target and violent(ctx, p.cameo):
        target = _gerund_of(ctx, tok)  # "Missile shelling of the Lviv region": a gerund read as a noun
    if not source and violent(ctx, p.cameo) and _harmless_agent(ctx, tok):
        return None  # "regions hit by low temperatures", "a town struck by floods": no attack
    if violent(ctx, p.cameo) and against_nature(ctx, complements(tok)):
        return None  # "to fight the spread of the infection", "combat the pandemic": no one is struck
    if not target and (p.complement or "request" in p.frames) and not (
            "request" in p.frames and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children)):
        target = clause_targets(ctx, tok, source)  # not "instructed the city authorities to help the families"
    objects = complements(tok)
    if not _has_arguments(tok, p, objects, target):
        return None
    if "no_purpose" in p.frames and not target and any(
            is_infinitive(g) and g.dep_ in {"acl", "relcl", "advcl"}
            for g in [*tok.children, *(c for o in objects for c in o.children)]):
        return None  # "took measures to help the families": the act is the help, not coercion
    if "symmetric" in p.frames and not target and len(source) > 1 and not (
            violent(ctx, p.cameo) and any(c.dep_ == "dobj" for c in objects)):
        target = list(source)  # "Chile and Peru fought", but not "fought terrorism" together
    elif "symmetric" in p.frames and not violent(ctx, p.cameo) and not any(
            c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children):  # "…with our families"
        you = _with_listener(ctx, tok, source)  # "I spoke with Macron. We discussed…": both, with each other
        if you:
            source = source + you
            target = source + [t for t in target if t not in source]
    tokens = [tok] + [c for c in tok.children if c.dep_ == "prt" and c.lower_ in p.particles]
    if violent(ctx, p.cameo):  # "hit by gunfire": the means is this act, not another one
        tokens += [g for g in agent_objects(tok) if (g.pos_ == "NOUN" or g.tag_ == "VBG")
                   and (found := pattern(ctx, g)) is not None and violent(ctx, found.cameo)]
    tokens += [c for c in objects if (c.lemma_.lower() in p.objects or c.lower_ in p.objects)
               and not (tok.dep_ == "acl" and c.i == tok.head.i)]  # "war crimes committed by…": the noun is its own
    assert p.cameo is not None
    # a named recipient may be the source's own country ("Iraqi Kurds ... independence from Iraq"): domestic
    return Draft(tok, p, p.cameo, source, target, tokens, [tok], base=p.cameo)


TALKING = frozenset({"meet", "discuss", "talk", "speak", "negotiate", "agree", "consult"})  # not "we held a meeting"


# Honours a head of state confers: told without their giver in his own address ("The title of Hero was awarded to
# Colonel X", "I signed decrees on awarding our heroes"), they are his.
HONOURS = frozenset({"award", "decorate"})


def _with_listener(ctx: EventContext, tok: Token, source: list[str]) -> list[str]:
    """The one spoken to, for a transcript turn's "we" that meets or talks with no one named ("we discussed the
    projects", "last time we met here"): the speaker and his listener."""
    subj, passive = subject(ctx, tok)
    if subj is None or passive or subj.lower_ != "we" or tok.lemma_.lower() not in TALKING:
        return []
    you = addressee(ctx, subj) or _last_spoken_with(ctx, tok, source)
    return [you] if you is not None and you not in source else []


SPOKEN_BACK = 3  # sentences back to the conversation a "we discussed" tells of


def _last_spoken_with(ctx: EventContext, tok: Token, source: list[str]) -> str | None:
    """Whom "we" last talked with, by the account of this sentence or the three before ("I had a conversation with
    President Macron. We discussed the sanctions."): the one person that conversation was with."""
    ours = {ctx.actors[a].country for a in source if ctx.actors[a].country}
    floor = tok.sent.start
    for _ in range(SPOKEN_BACK):
        floor = tok.doc[max(floor - 1, 0)].sent.start
    for i in range(tok.i - 1, floor - 1, -1):
        d = ctx.memo.get(i)
        if d is None or ctx.book.plover(d.code) != "CONSULT" or not d.source or len(d.target) != 1:
            continue
        if set(d.source) & set(source) or {ctx.actors[a].country for a in d.source} & ours:
            return d.target[0] if ctx.actors[d.target[0]].kind == "person" else None
    return None


def _pleased_speaker(ctx: EventContext, tok: Token) -> list[str]:
    """The person whose words say it is their pleasure to act, when the clause names no one else."""
    head = tok.head
    if not pleased_act(tok):
        return []
    st = statement_at(ctx, tok.idx)
    if st is None or not st.speaker or ctx.actors[st.speaker].kind != "person":
        return []
    subj = next((c for h in (head, head.head) for c in h.children if c.dep_ in SUBJECT_DEPS), None)
    return [st.speaker] if subj is None or subj.lower_ in {"it", "i", "this"} else []


def _thank_you(tok: Token) -> bool:
    """A sentence's opening "Thank you" (with no subject): the thanks of whoever speaks."""
    return tok.lemma_.lower() == "thank" and tok.i == tok.sent.start and not any(
        c.dep_ in SUBJECT_DEPS for c in tok.children) and any(c.dep_ == "dobj" and c.lower_ == "you"
                                                             for c in tok.children)


def _thanker(ctx: EventContext, tok: Token) -> list[str]:
    """Who says "Thank you": the speaker of the words it is in, else the author of an address."""
    st = statement_at(ctx, tok.idx)
    if st is not None:
        return [st.speaker] if st.speaker else []
    own = _author_id(ctx)
    return [own] if own is not None else []


def _hailed(ctx: EventContext, tok: Token) -> list[str]:
    """Whom "Thank you" hails by name ("Thank you, Denmark!"), else the one "you" is."""
    named = [a for c in tok.children if c.dep_ in {"npadvmod", "appos", "dobj"} and c.lower_ != "you"
             for a in np_actors(ctx, c)]
    you = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "you"), None)
    found = addressee(ctx, you) if not named and you is not None else None
    return named or ([found] if found else [])


def _salutation(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """A verbless greeting that heads its sentence ("Congratulations on your birthday!", "Happy anniversary!",
    "Best wishes to the team!"): the support of whoever speaks for the one greeted, named by "to", hailed, or the
    "you" of a transcript turn; None when it greets no one known."""
    if not is_nominal(tok) or any(a.pos_ in {"VERB", "AUX"} for a in tok.ancestors):
        return None  # "sold birthday cards"; a turn's label may head it: "Ruiz: Mr Okonkwo, congratulations!"
    source = _thanker(ctx, tok)
    named = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in p.preps for g in c.children
             if g.dep_ == "pobj" and g.lower_ != "you" for a in np_actors(ctx, g)]
    hailed = [a for c in [*tok.children, *tok.ancestors] if c.dep_ in {"npadvmod", "appos", "vocative"}
              and statement_at(ctx, c.idx) is statement_at(ctx, tok.idx) and c.pos_ == "PROPN"
              for a in np_actors(ctx, c)]
    you = addressee(ctx, tok) if not named and not hailed and _to_you(tok) else None
    target = [a for a in named or hailed or ([you] if you else []) if a not in source]
    if not source or not target:
        return None
    assert p.cameo is not None
    return Draft(tok, p, p.cameo, source, target, [tok], [tok], base=p.cameo)


def _to_you(tok: Token) -> bool:
    """Whether a greeting's words speak to someone: "on your birthday", "to you", or no one else named."""
    return not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) or any(
        w.lower_ in {"you", "your"} for w in tok.subtree)


def _gerund_of(ctx: EventContext, tok: Token) -> list[str]:
    """What a gerund with no subject and no object hits through "of" ("shelling of the Lviv region"), as its noun
    would: the actors or places its object names."""
    if tok.tag_ != "VBG" or any(c.dep_ in {*SUBJECT_DEPS, "dobj", "aux"} for c in tok.children):
        return []
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            for a in np_actors(ctx, g, places=True)]


def _harmless_agent(ctx: EventContext, tok: Token) -> bool:
    """Whether a passive's "by" names a force of nature, not an attacker ("regions hit by low temperatures", "a
    town struck by floods")."""
    nature = ctx.book.classes.get("nature", frozenset())
    return any(a.lemma_.lower() in nature or a.lower_ in nature for a in agent_objects(tok))


def _has_arguments(tok: Token, p: Pattern, objects: list[Token], target: list[str]) -> bool:
    """Whether `tok` has the object or target its pattern's frames ask for."""
    modifier = tok.dep_ in {"acl", "amod"} and tok.head.pos_ in {"NOUN", "PROPN"}  # "people killed", "murdered children"
    modifier = modifier or tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass"}  # "as shelling continues": a noun
    # "continues shelling", "did not stop firing": a gerund carried by a verb that goes on with an act or ends it
    modifier = modifier or tok.tag_ == "VBG" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ASPECTUAL | ENDING_VERBS
    if "needs_object" in p.frames and not objects and not target and not modifier:
        return False
    if ("needs_target" in p.frames or "actor_target" in p.frames) and not target:
        return False
    if "wish" in p.frames and not _someone_else(tok):
        return False
    deps = {c.dep_ for c in tok.children}
    clause = bool(deps & {"xcomp", "ccomp"}) and p.complement != "request"  # "asked Putin to convey" is a request
    return not ("actor_object" in p.frames and (not target or clause or {"oprd", "dobj"} <= deps))


def _someone_else(tok: Token) -> bool:
    """Whether a wish names another who is to act between the verb and its infinitive: "would like the United
    States to join", "wants Kyiv to withdraw"; "I would like to thank you" is the speaker's own act."""
    for clause in (k for k in tok.children if k.dep_ in {"ccomp", "xcomp"} and k.i > tok.i):
        to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is not None and any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in tok.doc[tok.i + 1:to.i]):
            return True
    return False


def _request_ok(tok: Token) -> bool:
    """A request verb is an event when it has an addressee, an object or a clause, not as a bare "asked"."""
    return any(c.dep_ in {"dobj", "dative", "xcomp", "ccomp", "prep"} for c in tok.children)


def _evaluative(ctx: EventContext, tok: Token, p: Pattern) -> Draft | None:
    """"X's views were insignificant", "X is responsible for the attack", "X bears the responsibility for…" inside
    someone's statement: the speaker criticises or accuses X."""
    st = statement_at(ctx, tok.idx)
    # an address's author judges in his own words, a readout's principal in its narrative
    speaker = st.speaker if st is not None else _author_id(ctx) or _principal_id(ctx)
    verb = tok.pos_ == "VERB"  # "Washington bears the responsibility for…"
    if not speaker or not verb and tok.dep_ not in {"acomp", "attr", "oprd"}:
        return None
    subj = next((c for c in (tok if verb else tok.head).children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or st is None and subj.tag_ in {"WDT", "WP"} or subj.pos_ == "PRON" and \
            subj.lower_ in FIRST_PERSON:
        return None  # the narrative's "…in Ukraine, which is unacceptable to Russia": what "which" is, is unsure
    target = [a for a in participants(ctx, subj) if a != speaker]
    if not target:
        return None
    assert p.cameo is not None
    return Draft(tok, p, p.cameo, [speaker], target, [tok], [tok])


def _principal_id(ctx: EventContext) -> str | None:
    """The person an account is about, whose office tells it (`roles.principal`)."""
    own = principal(ctx.actors.values(), ctx.doc)
    return own.id if own is not None else None


def _author_id(ctx: EventContext) -> str | None:
    """The author of an article that is one person's own words (an address, a statement), if it is one: whose
    "I" it is, else the one person its title names ("Statement by President of Russia Vladimir Putin")."""
    found = author(ctx.actors.values())
    if found is not None:
        return found.id
    text = doc_text(ctx.doc)
    end = text.find("\n")
    title = text[:end] if end > 0 else ""
    if not own_words(title):
        return None
    named = [a.id for a in ctx.actors.values() if a.kind == "person" and any(m.start < end for m in a.mentions)]
    return named[0] if len(named) == 1 else None


def _framed(ctx: EventContext, frame: Token, p: Pattern) -> Draft | None:
    """A complement frame over the event of its clause, or None when the clause has no event."""
    noun_source = _noun_frame_source(ctx, frame) if frame.pos_ == "NOUN" else []
    if "wish" in p.frames and not _someone_else(frame):
        return None  # "I would like to thank you": the speaker's own act, told as the act (`event_modality`)
    if frame.pos_ == "NOUN" and p.complement == "request" and not noun_source:
        return None  # "there is a need for aid": a need nobody states is no request
    inner_tok = _inner_verb(frame, p)
    inner = draft(ctx, inner_tok) if inner_tok is not None else None
    if inner is None and inner_tok is not None:
        inner = _carried(ctx, inner_tok)
    if inner is None and inner_tok is None and p.complement in NOUN_PREPS:
        inner = _prepared_for(ctx, frame, NOUN_PREPS[p.complement])
    if inner is None:
        return None
    kind = p.complement
    if kind == "intent" and inner_tok is not None and performative(inner_tok):
        return None  # "I want to thank you": the thanks itself, told by its own verb
    if frame.pos_ == "NOUN" and kind == "request" and not _asked_of(ctx, frame, inner, noun_source) and \
            ctx.book.plover(inner.code) in {"COOPERATE", "CONSULT", "AGREE"}:
        if inner_tok is None or inner.token.i != inner_tok.i:
            ctx.memo.pop(inner.token.i, None)  # the noun is drafted again as an event of its own
        return None  # "the leaders stressed the need for coordination": their own aim, asked of no one
    inner.consumed = True
    tokens = [frame] + inner.tokens
    if kind in MODAL_FRAMES:
        return replace(inner, tokens=tokens, verbs=inner.verbs + [frame], frame=frame, consumed=False,
                       extra_modality=inner.extra_modality + [MODAL_FRAMES[kind]])
    source = noun_source
    passive_asked: list[str] = []  # the subject a passive request is asked of
    if frame.pos_ != "NOUN":
        source, passive_asked = arguments(ctx, frame, p)
        if kind != "request" or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in frame.children):
            passive_asked = []
    if not passive_asked:  # "the army was ordered to destroy…": asked of the army, by no one named
        source = source or inner.source
    if kind == "intent" and ctx.book.plover(inner.code) in VERBAL_CONFLICT:
        return replace(inner, source=source or inner.source, tokens=tokens, verbs=inner.verbs + [frame],
                       frame=frame, consumed=False, extra_modality=inner.extra_modality + ["intended"])
    target, doers = inner.target, []
    if kind == "request":  # whom it is asked of: "urged Iran", "the need for withdrawal by the rebels"
        asked = _asked_of(ctx, frame, inner, source) if frame.pos_ == "NOUN" else []
        addressee = _addressee(ctx, frame, inner_tok) or passive_asked or asked
        unnamed = frame.pos_ != "NOUN" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in frame.children)
        target = addressee or ([] if unnamed else inner.target)  # asked of them, not of "the families" they help
        doers = [a for a in addressee if a not in source]
    code = ctx.book.frame_code(kind or "", inner.code)
    if code is None:
        return None
    mods = list(inner.extra_modality)
    if kind == "intent" and frame.lemma_.lower() not in COMMITTING:
        mods.append("intended")
    target = [t for t in target if t not in source]
    if "symmetric" in p.frames and not target and len(source) > 1:
        target = list(source)  # "Putin and Macron agreed to continue their contacts": with each other
    kept = _keep_inner(ctx, frame, kind, inner, source)
    if kept or _keep_asked(ctx, kind, inner, doers):
        tokens = [frame]  # the frame's trigger is its own word: the act it commits to is told apart
    result = Draft(frame, p, code, source, target, tokens, inner.verbs + [frame], frame=frame,
                   extra_modality=mods, base=inner.base or inner.code)
    if kept and not inner.source:
        inner.committed = result  # its doers are the commitment's, once the account names them
    return result


def _asked_of(ctx: EventContext, frame: Token, inner: Draft, source: list[str]) -> list[str]:
    """Whom a request noun asks to act: the doer of its event ("the need for withdrawal by the rebels", the parser
    hanging the "by" on either noun)."""
    by = [a for c in frame.children if c.dep_ == "prep" and c.lower_ == "by"
          for g in c.children if g.dep_ == "pobj" for a in participants(ctx, g)]
    return [a for a in inner.source or by if a not in source]


def _keep_inner(ctx: EventContext, frame: Token, kind: str | None, inner: Draft, source: list[str]) -> bool:
    """Keep the cooperative act a commitment frame commits to as an event of its own besides the commitment
    ("agreed to maintain contacts": an agreement, and contacts meant by those who committed); True when kept."""
    if kind != "intent" or frame.lemma_.lower() not in COMMITTING or ctx.book.plover(inner.code) not in COOPERATIVE_TYPES:
        return False
    inner.consumed = False
    inner.source = inner.source or list(source)
    inner.extra_modality.append("intended")
    return True


def _keep_asked(ctx: EventContext, kind: str | None, inner: Draft, doers: list[str]) -> bool:
    """Keep the act a request asks for in a clause of its own as an event expected of its doers, the request's
    addressees, once known ("instructed the Prime Minister to provide assistance": a request, and help the Prime
    Minister is to give; "instructed Lavrov and Kerry to continue their contacts": their contacts); True when kept."""
    clause = inner.token if inner.token.pos_ == "VERB" else inner.token.head  # "to continue active contacts"
    if kind != "request" or not doers or clause.pos_ != "VERB" or ctx.book.plover(inner.code) in VERBAL_CONFLICT:
        return False
    inner.consumed = False
    inner.source = list(doers)
    inner.target = [a for a in inner.target if a not in inner.source]
    inner.extra_modality.append("expected")
    return True


# Verbs that carry an event noun in a frame's clause without changing it.
CARRYING_VERBS = LIGHT_VERBS | {"maintain", "strengthen", "develop", "expand", "intensify", "ensure", "provide", "build",
                                "deepen", "step"}


def _carried(ctx: EventContext, verb: Token) -> Draft | None:
    """The event noun a verb of no event of its own carries ("to continue contacts", "to maintain the truce"); a verb
    that ends or changes it ("to end its support") carries none."""
    if verb.lemma_.lower() not in CARRYING_VERBS:
        return None
    return _event_noun(ctx, [obj for obj in verb.children if obj.dep_ == "dobj"])


# The prepositions through which a frame word takes an event noun: "open to dialogue", "ready for talks", "the need
# for a ceasefire", "the necessity of withdrawal".
NOUN_PREPS = {"intent": frozenset({"to", "for"}), "request": frozenset({"for", "of"})}


def _prepared_for(ctx: EventContext, frame: Token, preps: frozenset[str]) -> Draft | None:
    """The event noun a frame word takes through one of `preps` ("ready for talks", "the need for a ceasefire")."""
    objects = [obj for prep in frame.children if prep.dep_ == "prep" and prep.lower_ in preps
               for obj in prep.children if obj.dep_ == "pobj"]
    kinds = [g for obj in objects if obj.lemma_.lower() in KIND_NOUNS for of in obj.children
             if of.dep_ == "prep" and of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]
    return _event_noun(ctx, objects + kinds)  # "ready for any format of talks": the talks


KIND_NOUNS = frozenset({"format", "kind", "form", "type", "sort", "level"})


def _event_noun(ctx: EventContext, nouns: list[Token]) -> Draft | None:
    """The first of `nouns` that names an event, as a frame's inner event (remembered for the noun itself)."""
    for obj in nouns:
        p = pattern(ctx, obj) if obj.pos_ == "NOUN" else None
        if p is not None and not p.complement:
            found = nominal_draft(ctx, obj, p, framed=True)
            if found is not None:
                ctx.memo[obj.i] = found
                return found
    return None


def _noun_frame_source(ctx: EventContext, frame: Token) -> list[str]:
    """Whose readiness or intention a frame noun names: its owner ("Russia's readiness"), else the subject of the
    verb that carries it ("Putin expressed his readiness", "the sides confirmed their intention")."""
    owner = [a for c in frame.children if c.dep_ == "poss" and c.pos_ != "PRON" for a in participants(ctx, c)]
    if owner:
        return owner
    if frame.dep_ in {"dobj", "attr"} and frame.head.pos_ in {"VERB", "AUX"}:
        subj, _ = subject(ctx, frame.head)
        return participants(ctx, subj) if subj is not None else []
    return []


def _inner_verb(frame: Token, p: Pattern) -> Token | None:
    """The verb or adjective of the clause the frame takes ("threatened to strike", "demanded that X leave",
    "readiness to continue")."""
    if frame.pos_ == "NOUN":
        return next((c for c in frame.children if c.dep_ in {"acl", "relcl"} and is_infinitive(c)
                     and c.pos_ in {"VERB", "AUX"}), None)
    clause_deps = {"xcomp"} | ({"ccomp"} if p.complement in {"threat", "request"} else set())
    return next((c for c in frame.children if (c.dep_ in clause_deps or c.dep_ == "advcl" and is_infinitive(c))
                 and c.pos_ in {"VERB", "AUX", "ADJ"}), None)


def _addressee(ctx: EventContext, frame: Token, inner_tok: Token | None) -> list[str]:
    """Whom a request frame addresses: its object ("urged Iran"), else the subject of its clause."""
    addressee = [a for c in frame.children if c.dep_ in {"dobj", "dative"} for a in participants(ctx, c)] or [
        a for c in frame.children if c.dep_ == "prep" and c.lower_ in {"to", "on", "upon"}  # "appealed to", "called on"
        for g in c.children if g.dep_ == "pobj" for a in participants(ctx, g)]
    if not addressee and inner_tok is not None:
        subj = next((c for c in inner_tok.children if c.dep_ in SUBJECT_DEPS), None)
        addressee = participants(ctx, subj) if subj is not None else []
    return addressee


def as_intent(ctx: EventContext, d: Draft) -> None:
    """Recode an announced action as CAMEO does: intent (AGREE) or threat (THREATEN), modality expected."""
    # "will send aid" expresses intent; "would blockade the capital" and "may halt mediation" threaten; the draft
    # keeps its trigger. A negated one ("will not accept refugees") is a refusal.
    if d.frame is not None:
        return
    verbs = chain(d)
    auxes = {c.lower_ for t in verbs for c in t.children if c.dep_ == "aux"}
    plover = ctx.book.plover(d.code)
    if negated(verbs):
        refusal = ctx.book.frame_code("refuse", d.code) if auxes & PROSPECTIVE_AUX else None
        if refusal is not None and plover in COOPERATIVE_TYPES | {"AGREE"}:
            d.code = refusal  # "will not accept refugees", "would not meet their demands": a refusal
            d.extra_modality.append("refusal")
        return
    if plover in COOPERATIVE_TYPES and auxes & PROSPECTIVE_AUX:
        kind = "intent"
    elif plover in CONFLICT_TYPES and auxes & (PROSPECTIVE_AUX | {"may", "could", "might"}):
        kind = "threat"
    else:
        return
    code = ctx.book.frame_code(kind, d.code)
    if code is not None:
        d.code = code
        d.extra_modality.append("expected")


def obligations(ctx: EventContext) -> list[Draft]:
    """Reported obligations ("Britain said Libya must hand over the suspects" is a REQUEST of Libya) and
    imperatives in quoted words ("Close the sky!": a REQUEST by the speaker); in an address, the author's own
    imperatives and what he says others must do."""
    out = []
    for st in ctx.statements:
        found = _obligation(ctx, st)
        if found is not None:
            out.append(found)
        if st.kind in {"direct", "mixed"} and st.speaker:
            span = ctx.doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
            out += _imperatives(ctx, [] if span is None else sentences(ctx.doc, span.start, span.end), st.speaker)
    own = author(ctx.actors.values())
    if own is not None:
        told = [s for s in ctx.doc.sents if statement_at(ctx, s[0].idx) is None]  # no one else's words
        out += _imperatives(ctx, told, own.id)
        out += [d for d in (_must(ctx, s.root, own.id) for s in told) if d is not None]
    return out


# Imperatives that ask nothing of the listener: "Imagine…", "Look at…", "Let us…", "Thank you".
IDLE_IMPERATIVES = frozenset({"let", "thank", "please", "imagine", "look", "remember", "think", "see", "listen",
                              "note", "believe", "know", "excuse", "forgive", "glory", "welcome", "say", "tell", "be",
                              "come", "go", "hear", "watch", "read", "wait", "pay", "round"})


def _imperatives(ctx: EventContext, sents: list[SpacySpan], speaker: str) -> list[Draft]:
    """Requests `speaker` makes in the imperative: a sentence-initial base-form verb with no subject ("Close the
    sky over Ukraine", "Stop the shelling")."""
    out = []
    for sent in sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        verb = words[0] if words else None
        if verb is None or verb.tag_ != "VB" or verb.dep_ not in {"ROOT", "ccomp"} or any(
                c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        asks = any(c.dep_ in {"dobj", "prep", "xcomp", "ccomp", "prt", "dative"} for c in verb.children)
        if verb.lower_ in IDLE_IMPERATIVES or _a_look(verb) or not asks:
            continue  # "Round the clock.", "Achieve what?": no act asked
        inner = ctx.memo.get(verb.i)
        if inner is not None and ctx.book.plover(inner.code) == "ASSAULT":
            continue  # "Kill civilians indiscriminately.": an address mocking the enemy's orders, not asking
        code = ctx.book.frame_code("request", inner.code) if inner is not None else None
        if inner is not None:
            inner.consumed = True
        # asked of the listener, whom the words do not name ("Stop Russia" asks no Russian), unless the address
        # greets them ("Dear people of Luxembourg!")
        you = listener(ctx)
        out.append(Draft(verb, OBLIGATION_PATTERN, code or "100", [speaker], [you] if you else [], [verb], [verb]))
    return out


def _a_look(verb: Token) -> bool:
    """"Take a look at…", "have a look": an imperative that asks nothing ("Take care of…" does)."""
    return verb.lower_ in {"take", "have"} and any(c.dep_ == "dobj" and c.lower_ == "look" for c in verb.children)


def _obligation(ctx: EventContext, st: Statement) -> Draft | None:
    """The request a statement's "must"/"should" clause makes of its subject, consuming the event it demands."""
    if st.cue is None or not st.speaker:
        return None
    span = ctx.doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    return None if span is None else _must(ctx, span.root, st.speaker)


RECEIVING = frozenset({"get", "receive", "have", "obtain"})  # "Ukraine must get weapons": a plea for it
READY = frozenset({"ready", "prepared", "willing", "able"})


def _must(ctx: EventContext, root: Token, speaker: str) -> Draft | None:
    """What `speaker` says the subject of clause `root` must or should do, asked of that subject (never of
    himself), consuming the event it demands."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in root.children):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)  # "funds must be seized": asks no one
    if subj is None or any(t.pos_ == "PRON" and t.lower_ in FIRST_PERSON for t in subj.subtree) or \
            root.lemma_.lower() in RECEIVING or root.lemma_ == "be" and not any(
                c.dep_ == "acomp" and c.lemma_.lower() in READY for c in root.children):
        return None  # "the funds must be frozen": the funds are asked nothing; "must be ready to mediate" asks
    target = [a for a in participants(ctx, subj) if a != speaker]
    if not target:
        return None
    inner = ctx.memo.get(root.i)
    code = "100"
    if inner is not None:
        inner.consumed = True
        code = ctx.book.frame_code("request", inner.code) or "100"
        _keep_asked(ctx, "request", inner, target)
    return Draft(root, OBLIGATION_PATTERN, code, [speaker], target, [root], [root])

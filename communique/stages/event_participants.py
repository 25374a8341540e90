"""Who a phrase names: actors of noun phrases (with their owners and conjuncts), pronouns and places."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Actor, Statement
from .event_context import EventContext, statement_at, statement_cued, violent
from .roles import (
    STATE_GROUP_NOUNS,
    TITLE_HEADS,
    author,
    counterparts,
    meeting_group,
    plural_before,
    plural_subjects,
    principal,
    resolve_description,
    resolve_plural,
    resolve_title,
)
from .spans import doc_text
from .syntax import SUBJECT_DEPS, by_phrases

__all__ = [
    "FIRST_PERSON",
    "NP_PREPS",
    "SECOND_PERSON",
    "TARGET_NP_PREPS",
    "THIRD_PERSON",
    "addressee",
    "by_agents",
    "described",
    "in_own_words",
    "last_person",
    "listener",
    "names_victim",
    "np_actors",
    "others_of_ours",
    "participants",
    "place_of",
    "pronoun",
    "relation_parties",
    "speakers_state",
    "state_of",
    "words_of",
]

RELATIVE = {"who", "which", "that", "whom"}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
SECOND_PERSON = {"you", "your"}
THIRD_PERSON = {"he", "she", "they", "it", "him", "her", "them"}
NP_LINKS = {"amod", "compound", "poss", "nmod", "nummod", "quantmod", "det", "case", "prep", "pobj", "npadvmod"}
NP_PREPS = {"of", "from", "in", "for", "throughout", "across"}
TARGET_NP_PREPS = NP_PREPS | {"by", "on", "against", "to", "with"}  # "calls by Belarus", "curfew on Palestinians"
# The actor kinds a speaker must have for a pronoun to stand for them; other pronouns fit any collective.
PRONOUN_KINDS = {"he": {"person"}, "she": {"person"}, "him": {"person"}, "her": {"person"},
                 "it": {"organization", "country"}}
COLLECTIVE_KINDS = {"group", "anonymous", "organization", "country"}


def np_actors(ctx: EventContext, head: Token, places: bool = False,
              preps: frozenset[str] | set[str] = NP_PREPS) -> list[str]:
    """Actors named by the noun phrase headed by `head`, conjuncts expanded ("French and German diplomats")."""
    out: list[str] = []
    own = ctx.tok_actor.get(head.i)
    named = next((ctx.tok_actor[c.i] for c in head.children if c.dep_ == "appos" and c.i in ctx.tok_actor), None)
    if own is None and named is not None and (head.pos_ == "PROPN" or ctx.actors[named].kind == "person"):
        own = named  # "with Governor of Tula Region Alexei Dyumin", "his counterpart, Gabriel Boric": the person
    if own is not None:
        out.append(own)
    elif (ours := _our_state(ctx, head)) is not None:
        out.append(ours)  # "support for our European integration": ours, not Europe's
    if own is None and not out or own is not None and not ctx.actors[own].country:  # "U.S. envoy X": whose
        for tok in _np_tokens(head, preps):
            actor_id = ctx.tok_actor.get(tok.i)
            if actor_id is not None and actor_id not in out and (own is None or ctx.actors[actor_id].country):
                out.append(actor_id)
    for child in head.children:
        if child.dep_ == "conj":
            out += [a for a in np_actors(ctx, child, places, preps) if a not in out]
    if own is not None:  # "President of France Emmanuel Macron, Chancellor of Germany Olaf Scholz and…"
        for tok in (t for t in head.subtree if ctx.tok_actor.get(t.i) == own):
            for child in tok.children:
                if child.dep_ == "conj" and tok.i != head.i and ctx.tok_actor.get(child.i) not in (None, own) or \
                        _listed_person(ctx, tok, child):
                    out += [a for a in np_actors(ctx, child, places, preps) if a not in out]
    if not places:
        out = [a for a in out if ctx.actors[a].kind != "location"]
    return out


# What a leader's "our" makes his state's: "our country", "our army", "our European integration".
NATIONAL_NOUNS = frozenset({"country", "state", "nation", "people", "army", "military", "troops", "soldier",
                            "defender", "territory", "land", "sovereignty", "independence", "integration", "economy",
                            "defence", "defense", "border", "borders", "citizen", "compatriot"})
PLURAL_US = frozenset({"countries", "states", "nations", "peoples"})  # "our countries": both sides


def _our_state(ctx: EventContext, head: Token) -> str | None:
    """The state a leader's "our" on a national noun names ("our country", "our army", "our European
    integration"): the state of the person whose words they are, when the article names that state (any other
    "our" is the speaker's, `event_arguments._ours`)."""
    mine = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "our"), None)
    if mine is None or head.lemma_.lower() not in NATIONAL_NOUNS or head.lower_ in PLURAL_US:
        return None  # "our partners", "our enemies", "our meeting", "between our countries": not the speaker's own
    return speakers_state(ctx, mine)


def words_of(ctx: EventContext, tok: Token) -> Actor | None:
    """Whose words `tok` is in: the speaker of its statement, else the author of an address (an account's own
    narrative is no one's words)."""
    st = statement_at(ctx, tok.idx)
    return (ctx.actors[st.speaker] if st.speaker else None) if st is not None else author(ctx.actors.values())


def speakers_state(ctx: EventContext, tok: Token) -> str | None:
    """The state of the person whose words `tok` is in, when the article names that state ("our country")."""
    who = words_of(ctx, tok)
    return state_of(ctx, who.id) if who is not None and who.kind == "person" else None


def in_own_words(ctx: EventContext, tok: Token) -> bool:
    """Whether `tok` is in a person's own words: a speaker never calls himself "they" ("They will supply weapons to
    Ukraine," Putin said: not Putin and his guest)."""
    st = statement_at(ctx, tok.idx)
    if st is not None and st.speaker is not None:
        return ctx.actors[st.speaker].kind == "person"
    return author(ctx.actors.values()) is not None  # an address or a speech is its author's words throughout


def _listed_person(ctx: EventContext, head: Token, child: Token) -> bool:
    """A person "in apposition" to another person is the next of a list the parser misread ("Macron, Chancellor
    of Germany Olaf Scholz and…"): an appositive of a person is a title, never someone else."""
    if child.dep_ != "appos":
        return False
    own, other = ctx.tok_actor.get(head.i), ctx.tok_actor.get(child.i)
    return own is not None and other is not None and own != other and ctx.actors[own].kind == "person" and \
        ctx.actors[other].kind == "person"


def _np_tokens(head: Token, preps: frozenset[str] | set[str] = NP_PREPS) -> list[Token]:
    """The head's modifiers that can name who it belongs to ("Hungarian officials", "groups in Zimbabwe")."""
    out = []
    stack = [c for c in head.children if c.dep_ in NP_LINKS and not others_of_ours(head, c)]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ not in preps:
            continue
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ in NP_LINKS | {"conj"}]
    return out


# Nouns of others a speaker is close to: "our partners", "our friends" are not the speaker's own state.
OTHERS_NOUNS = frozenset({"partner", "friend", "ally", "neighbour", "neighbor", "colleague", "counterpart"})


def others_of_ours(head: Token, child: Token) -> bool:
    """Whether `child` is the "our"/"my" of others the speaker names ("our partners", "my colleagues")."""
    return child.dep_ == "poss" and child.lower_ in {"our", "my"} and head.lemma_.lower() in OTHERS_NOUNS


def participants(ctx: EventContext, tok: Token, meeting: bool = True) -> list[str]:
    """Actors for a subject or object token, pronouns and relative pronouns resolved; a "they" that stands for no
    one named before is the meeting's participants, unless not `meeting` ("they opened fire": not the leaders)."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return np_actors(ctx, tok.head.head)
    if tok.pos_ == "PRON" and tok.lower_ in SECOND_PERSON:
        found = addressee(ctx, tok)
        return [found] if found else []
    if tok.dep_ == "poss" and tok.lower_ in {"his", "her"}:
        found = _owner(ctx, tok)
        return [found] if found else []
    if tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON | THIRD_PERSON:
        found = pronoun(ctx, tok)
        if found is None and tok.lower_ == "they" and meeting and not plural_before(tok, meetings=False) and \
                not in_own_words(ctx, tok):
            people = [a.id for a in counterparts(ctx.actors.values(), ctx.doc)]  # a readout's "They discussed…"
            return people if len(people) > 1 else []
        return [found] if found else []
    if tok.i in ctx.tok_actor and not meeting_group(tok):
        if ctx.actors[ctx.tok_actor[tok.i]].kind == "group" and (holders := resolve_plural(ctx.doc, tok, ctx.actors)):
            return holders  # "the Russian and German leaders": the two the article names
        return np_actors(ctx, tok)  # "President of Ukraine Volodymyr Zelenskyy": the actors stage named him
    return described(ctx, tok) or np_actors(ctx, tok)


def described(ctx: EventContext, tok: Token) -> list[str]:
    """Who a description names: "the President of Russia" (one office-holder), "the two leaders", "the sides"
    (the meeting's participants), a speaker's "our two countries" (his state and his listener's)."""
    if tok.lower_ in PLURAL_US and any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children):
        return both_sides(ctx, tok)
    if meeting_group(tok):
        people = [a.id for a in counterparts(ctx.actors.values(), ctx.doc, tok)]
        if tok.lower_ in STATE_GROUP_NOUNS:  # "cooperation between the two countries": the participants' states
            people = [state_of(ctx, a) or a for a in people]
        return people if len(people) > 1 else []
    holders = resolve_plural(ctx.doc, tok, ctx.actors)
    if holders:  # "the presidents of Russia and Turkey"
        return holders
    headline = tok.i == tok.sent.start and tok.text[:1].isupper()  # "President held a meeting"
    his = tok.lemma_.lower() == "counterpart" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    if headline or his or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        found = resolve_description(ctx.doc, tok, ctx.actors)
        if found is None and tok.lower_ in TITLE_HEADS:  # "the Head of the President's Office"
            found = resolve_title(tok, ctx.actors)
        return [found] if found else []
    return []


def both_sides(ctx: EventContext, tok: Token) -> list[str]:
    """The two sides a speaker's "our" joins ("our countries", "our relations"): the states of the person whose
    words they are and of the one spoken to (the turn's listener, else the meeting's other party); none when either
    is unknown or both are of one state."""
    st = statement_at(ctx, tok.idx)
    me = st.speaker if st is not None else None
    if me is None or ctx.actors[me].kind != "person" or not ctx.actors[me].country:
        return []
    other = addressee(ctx, tok)
    if other is None:
        others = [a.id for a in counterparts(ctx.actors.values(), ctx.doc) if a.id != me]
        other = others[0] if len(others) == 1 else None
    if other is None or ctx.actors[other].country in {None, ctx.actors[me].country}:
        return []
    return [state_of(ctx, me) or me, state_of(ctx, other) or other]


def relation_parties(ctx: EventContext, noun: Token) -> list[str]:
    """The states a word of ties joins ("relations between Russia and Hungary", "Russian-Hungarian trade", "our
    relations", "Russia's ties with Kazakhstan"); with none named, the speaker's and his listener's, or outside
    anyone's words the meeting's two parties ("Bilateral trade has grown"). Fewer than two sides are none."""
    found: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"between", "with"}:
            for g in (g for g in c.children if g.dep_ == "pobj"):
                found += described(ctx, g) or np_actors(ctx, g)
        elif c.dep_ == "poss" and c.lower_ == "our":
            found += both_sides(ctx, c)
        elif c.dep_ in {"poss", "amod", "compound", "nmod"}:  # "Russia-Turkey trade": both of the pair
            found += [a for t in c.subtree if t.dep_ in {"poss", "amod", "compound", "nmod", "conj"} or t is c
                      for a in participants(ctx, t) if ctx.actors[a].kind != "location"]
    if not found:
        found = both_sides(ctx, noun) if statement_at(ctx, noun.idx) is not None else _two_parties(ctx)
    sides = list(dict.fromkeys(state_of(ctx, a) or a if ctx.actors[a].kind == "person" else a for a in found))
    return sides if len(sides) > 1 else []


def _two_parties(ctx: EventContext) -> list[str]:
    """The meeting's two parties, when they are of two states."""
    people = counterparts(ctx.actors.values(), ctx.doc)
    countries = {a.country for a in people}
    return [a.id for a in people] if len(people) == 2 and len(countries) == 2 and None not in countries else []


def state_of(ctx: EventContext, person: str) -> str | None:
    """The article's actor for the state of `person`'s country, when it names that state."""
    country = ctx.actors[person].country
    return next((a.id for a in ctx.actors.values() if a.kind == "country" and a.country == country), None) \
        if country else None


def pronoun(ctx: EventContext, tok: Token) -> str | None:
    """He/she/they/we: the speaker of the statement it sits in, else the subject of a governing clause."""
    word = tok.lower_
    if word in FIRST_PERSON and tok.i in ctx.tok_actor:
        return ctx.tok_actor[tok.i]  # the "I" and "we" of an address or a transcript turn: the actors stage knows
    speaker = _speaker_for(ctx, tok)
    if speaker is not None and not (tok.dep_ not in SUBJECT_DEPS and _said_by_subject(ctx, tok, speaker)):
        return speaker
    if word in FIRST_PERSON:
        return None
    if tok.dep_ not in SUBJECT_DEPS:  # "X told him", "I informed him": never X, nor the speaker, himself
        skip = _clause_subjects(ctx, tok) | ({speaker} if speaker is not None else set())
        return last_person(ctx, tok, skip, back=OBJECT_BACK) if word in {"him", "her"} else None
    found = _governing_subject(ctx, tok)
    if found is not None:
        return found
    if word == "they":
        return _plural_antecedent(ctx, tok)
    if word in {"he", "she", "him", "her"}:
        main = principal(ctx.actors.values(), ctx.doc)
        return _cued_speaker(ctx, tok) or last_person(ctx, tok) or (main.id if main is not None else None)
    return None


def _cued_speaker(ctx: EventContext, tok: Token) -> str | None:
    """The person the statement whose cue the pronoun is the subject of has as its speaker: "Kishida said he would
    meet Xi. He reaffirmed his commitment" is Kishida's, as the statement has it, not Xi's, the last one named."""
    if tok.dep_ not in SUBJECT_DEPS:
        return None
    st = statement_cued(ctx, [tok.head.idx])
    if st is None or not st.speaker or ctx.actors[st.speaker].kind != "person":
        return None
    return st.speaker


def _plural_antecedent(ctx: EventContext, tok: Token) -> str | None:
    """The group a subject "they" stands for: the latest plural subject naming a group or a body (not the meeting's
    parties) in its sentence or the one before ("Russian troops entered the city. They blew up the theatre")."""
    for t in reversed(plural_subjects(tok)):
        if t.i in ctx.tok_actor and not meeting_group(t):
            actor = ctx.actors[ctx.tok_actor[t.i]]
            return actor.id if actor.kind in {"organization", "group"} else None
    return None


def addressee(ctx: EventContext, tok: Token) -> str | None:
    """Whom a transcript turn's "you" speaks to: the person of the turn before it by someone else, else of the turn
    after it ("Putin: I am glad to welcome you. Tokayev: Thank you…"); outside a turn, the address's `listener`,
    never as the victim of its rhetoric ("imagine that they bomb you")."""
    turns: list[Statement] | None = ctx.index.get("turns")
    if turns is None:
        text = doc_text(ctx.doc)
        turns = ctx.index["turns"] = [st for st in ctx.statements if _turn(text, st)]
    here = next((n for n, st in enumerate(turns) if st.content.start <= tok.idx < st.content.end), None)
    if here is None:
        harm = any(violent(ctx, p.cameo) for p in ctx.book.patterns.get(tok.head.lemma_.lower(), ()))
        return listener(ctx) if statement_at(ctx, tok.idx) is None and not harm else None
    me = turns[here].speaker
    for st in [*reversed(turns[:here]), *turns[here + 1:]]:
        if st.speaker is not None and st.speaker != me and ctx.actors[st.speaker].kind == "person":
            return st.speaker
    return None


# How an address greets those it speaks to: "Dear people of Luxembourg!", "Dear members of the Bundestag!".
SALUTATION = re.compile(r"(?:\A|(?<=\n)|(?<=[.!?] ))(Dear [^!\n]{3,160}!)")
SALUTATION_CHARS = 600  # an address greets its listeners in its opening lines


def listener(ctx: EventContext) -> str | None:
    """Whom an address (one person's own words) speaks to, when its greeting names a state or a body other than the
    author's own ("Dear people of Luxembourg!"): its "you" and the one its imperatives ask."""
    if "listener" in ctx.index:
        cached: str | None = ctx.index["listener"]
        return cached
    own = author(ctx.actors.values())
    text = doc_text(ctx.doc)
    body = text.find("\n\n") + 2 if "\n\n" in text else 0
    greeted = [ctx.actors[ctx.tok_actor[t.i]] for m in (SALUTATION.finditer(text, body, body + SALUTATION_CHARS)
                                                       if own is not None else ())
               for t in ctx.doc.char_span(*m.span(1), alignment_mode="expand") or [] if t.i in ctx.tok_actor]
    found = next((a.id for a in greeted if own is not None and a.country != own.country and (
        a.kind == "country" or a.kind == "organization" and len(a.name.split()) > 1)), None)  # not "Dear Justin!"
    ctx.index["listener"] = found
    return found


# What follows a turn's label: its colon, after a note ("Viktor Orban (retranslated): …").
AFTER_LABEL = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:")


def _turn(text: str, st: Statement) -> bool:
    """Whether a statement is (a paragraph of) a transcript turn: a speaker's label, a colon and the words."""
    if st.cue is not None or st.speaker_mention is None or st.speaker is None:
        return False
    return AFTER_LABEL.match(text, st.speaker_mention.end) is not None


def _speaker_for(ctx: EventContext, tok: Token) -> str | None:
    """The speaker of the statement around the pronoun `tok`, when the pronoun can stand for them."""
    st = statement_at(ctx, tok.idx)
    if st is None or not st.speaker:
        return None
    word = tok.lower_
    kind = ctx.actors[st.speaker].kind
    return st.speaker if word in FIRST_PERSON or kind in PRONOUN_KINDS.get(word, COLLECTIVE_KINDS) else None


def _governing_subject(ctx: EventContext, tok: Token) -> str | None:
    """The first actor named by a non-pronoun subject of a clause that governs the subject `tok`."""
    verb = tok.head
    while verb.dep_ in {"ccomp", "advcl", "conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.pos_ != "PRON":
            found = np_actors(ctx, subj)
            if tok.lower_ == "they":  # a plural pronoun never stands for one person
                found = [a for a in found if ctx.actors[a].kind != "person"]
            if found:
                return found[0]
    return None


OBJECT_BACK = 3  # "I spoke with Scholz. Quite productive. First, about defence. I informed him…": three back


def last_person(ctx: EventContext, tok: Token, skip: frozenset[str] = frozenset(), back: int = 2) -> str | None:
    """The nearest person mentioned before `tok` in its sentence or the `back` before it, other than those in
    `skip`."""
    floor = tok.sent.start
    for _ in range(back):
        floor = tok.doc[max(floor - 1, 0)].sent.start
    for i in range(tok.i - 1, floor - 1, -1):
        actor_id = ctx.tok_actor.get(i)
        if actor_id is not None and ctx.actors[actor_id].kind == "person" and actor_id not in skip:
            return actor_id
    return None


def _owner(ctx: EventContext, poss: Token) -> str | None:
    """The person a "his"/"her" on an act names: the one the clause thanks or answers for it ("thanked Erdogan for
    his invitation"), else the clause's subject ("Macron spoke of the results of his visit"), else the speaker of
    the words it is in or the last person named."""
    verb = poss.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    people = [a for a in _actors_of(ctx, verb, {"dobj", "dative"}) if ctx.actors[a].kind == "person"]
    if people and any(c.dep_ == "prep" and c.lower_ == "for" and poss.i in {t.i for t in c.subtree}
                      for c in verb.children):
        return people[0]
    people = [a for a in _actors_of(ctx, verb, SUBJECT_DEPS) if ctx.actors[a].kind == "person"]
    if people:
        return people[0]
    st = statement_at(ctx, poss.idx)
    if st is not None and st.speaker and ctx.actors[st.speaker].kind == "person":
        return st.speaker  # "the President said that … his discussions with Bush": the speaker's own
    return last_person(ctx, poss)


def _actors_of(ctx: EventContext, verb: Token, deps: set[str] | frozenset[str]) -> list[str]:
    """The actors the verb's children of `deps` name (a pronoun subject resolved)."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ not in deps:
            continue
        if c.pos_ == "PRON" and c.lower_ in THIRD_PERSON:
            found = pronoun(ctx, c)
            out += [found] if found else []
        else:
            out += np_actors(ctx, c)
    return out


def _said_by_subject(ctx: EventContext, obj: Token, speaker: str) -> bool:
    """Whether the clause of an object pronoun has the speaker as its subject, by name or as "I"/"we" ("I informed
    him about the situation"): the pronoun is then someone else."""
    verb = obj.head.head if obj.dep_ == "pobj" else obj.head
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subj is not None and (subj.lower_ in {"i", "we"} or speaker in _clause_subjects(ctx, obj))


def _clause_subjects(ctx: EventContext, obj: Token) -> frozenset[str]:
    """The actors the subject of the clause an object pronoun sits in names (never the pronoun's referent)."""
    verb = obj.head.head if obj.dep_ == "pobj" else obj.head
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:  # a broken parse's subject, an appositive before the verb ("At the request of Bennett, the
        # President of Russia briefed him": the President, not Bennett, is the one who briefed)
        shifted = [t for t in verb.subtree if t.dep_ == "appos" and t.head.dep_ == "pobj" and t.i < verb.i]
        return frozenset(ctx.tok_actor[t.i] for a in shifted for t in a.subtree if t.i in ctx.tok_actor)
    return frozenset(ctx.tok_actor[t.i] for t in subj.subtree if t.i in ctx.tok_actor)


def place_of(ctx: EventContext, prep: Token, kinds: set[str], exclude: list[str], with_country: bool = False,
             preps: frozenset[str] | set[str] = frozenset({"in", "at"})) -> str | None:
    """The actor of a kind in `kinds` that the preposition `prep` ("in", "at") names, not one in `exclude`."""
    if prep.dep_ != "prep" or prep.lower_ not in preps:
        return None
    for g in prep.children:
        if g.dep_ == "pobj":
            for actor_id in np_actors(ctx, g, places=True):
                actor = ctx.actors[actor_id]
                if actor.kind in kinds and actor_id not in exclude and (actor.country or not with_country):
                    return actor_id
    return None


def by_agents(ctx: EventContext, tok: Token) -> list[str]:
    """The actors of the first "by" phrase of `tok` that names any (see `syntax.by_phrases`)."""
    for by in by_phrases(tok):
        found = [a for g in by.children if g.dep_ == "pobj" for a in participants(ctx, g)]
        if found:
            return found
    return []


def names_victim(tok: Token, own: frozenset[int] = frozenset()) -> bool:
    """Whether the act names what it struck, actor or not: an object, a passive subject, or "of"/"on"/"against"
    a noun phrase ("shelling of cities", "killed four soldiers", "a colonel was killed"); not an object that is part
    of the trigger (tokens `own`: the "damage" of "caused damage")."""
    if tok.dep_ in {"amod", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:  # "murdered children", "people killed"
        return True
    if tok.dep_ == "conj" and tok.head.dep_ in {"amod", "acl"} and tok.head.head.pos_ in {"NOUN", "PROPN"}:
        return True  # "people killed and tortured"
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and \
                child.lower_ != "it" and child.i not in own:  # "225 were destroyed"
            return True
        if child.dep_ == "prep" and child.lower_ in {"of", "on", "against"} and any(
                g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"} for g in child.children):
            return True
    return False

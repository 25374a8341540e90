"""Trigger patterns: which codebook row (if any) a word matches, from its lemma, part of speech and complements."""
from __future__ import annotations

from spacy.tokens import Token

from ..codebook import Pattern
from .event_context import EventContext
from .syntax import (
    agent_objects,
    bare_participle,
    gerund_noun,
    headline_noun,
    is_nominal,
    noun_pair_modifier,
    noun_verb,
    pleased_act,
    plural_noun,
)

__all__ = ["ENDING_NOUNS", "OBJECTS", "complements", "is_frame_word", "pattern", "relation_noun"]

OBJECTS = {"dobj", "dative", "iobj", "attr", "oprd"}
PLACE_WORD = "_place_"  # in a row's objects: any place the article names ("captured Kherson")


def pattern(ctx: EventContext, tok: Token) -> Pattern | None:
    """The best pattern for `tok`: object words and particles that match count most; None when none fits."""
    if not _pos_ok(tok):  # the cheap test first: this runs for every token
        return None
    if tok.pos_ == "VERB" and _time_framed(tok):
        return None  # "the day began with Russian strikes": the strikes are the act, not the day's beginning
    rows = next((ctx.book.patterns[k] for k in _lemma_keys(tok) if k in ctx.book.patterns), None)
    if not rows:
        return None
    comps = _noun_modifiers(tok) if is_nominal(tok) else complements(tok)
    comps += [g for c in comps for g in c.children if g.dep_ == "compound"]  # "mediation efforts"
    words = {c.lemma_.lower() for c in comps} | {c.lower_ for c in comps}
    if any(c.i in ctx.tok_actor and ctx.actors[ctx.tok_actor[c.i]].kind == "location" for c in comps):
        words.add(PLACE_WORD)  # "captured Kherson": a town by its name, as "captured the town"
    links = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep", "advmod"}}
    best: tuple[int, Pattern] | None = None
    for p in rows:
        if not _pos_fits(p.pos, tok) or not _row_fits(p, words, links):
            continue
        if "weapon_subject" in p.frames and not _weapon_subject(ctx, tok):
            continue
        if "greeting" in p.frames and not pleased_act(tok):
            continue  # "I am glad to see you", never "we see you standing with us"
        if "relation_subject" in p.frames and relation_noun(ctx, tok) is None:
            continue  # "our trade grew", never "the crisis grew"
        if "singular" in p.frames and tok.tag_ in {"NNS", "NNPS"}:
            continue  # "a political settlement", never "77 settlements of the region"
        if "plural" in p.frames and tok.tag_ == "NN" and not p.preps & links:
            continue  # "sanctions", "a sanction on Iran", never "without the sanction of the Security Council"
        score = 2 * bool(p.objects) + 2 * bool(p.particles) + bool(p.preps & links)
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


# Spans of time that, as a verb's subject, only frame what happened in them.
TIMES = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year", "today",
                   "tonight", "yesterday"})


def _time_framed(verb: Token) -> bool:
    """Whether a verb's subject is a span of time ("The night passed…", "Today began with…", read as an adverb
    when nothing else is the subject)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    told = subjects or [c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i]
    return any(c.lemma_.lower() in TIMES for c in told)


def _weapon_subject(ctx: EventContext, tok: Token) -> bool:
    """Whether the verb's subject is a munition ("Russian bombs fell on a hospital", "a shell landed in the yard",
    "the missiles that hit our land"), or, in the passive, its agent ("Lviv was hit by Russian missiles")."""
    munitions = ctx.book.classes.get("munitions", frozenset())
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + agent_objects(tok)
    if tok.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in doers):
        doers.append(tok.head)  # "the missiles that hit our land"
    return any(c.lemma_.lower() in munitions or c.lower_ in munitions for c in doers)


def relation_noun(ctx: EventContext, tok: Token) -> Token | None:
    """The ties between states a verb tells the growth of, when they are its subject ("our relations, which are
    developing", "bilateral trade has reached $25 billion", "cooperation continues to develop"): a word of the
    `relations` class."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in {"which", "that"} and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None and tok.dep_ == "xcomp":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    ties = ctx.book.classes.get("relations", frozenset())
    return subj if subj is not None and (subj.lower_ in ties or subj.lemma_.lower() in ties) else None


# Nouns of ending that take what they end through "to": "an end to hostilities".
ENDING_NOUNS = frozenset({"end", "halt", "stop"})


PARTAKING = frozenset({"participation"})  # nouns whose "in" names what one takes part in


def _noun_modifiers(tok: Token) -> list[Token]:
    """What a NOUN row's object words are matched against: the noun's modifiers and its "of" phrase ("to" for an
    ending: "an end to hostilities")."""
    out = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}] + noun_pair_modifier(tok)
    ending = tok.lemma_.lower() in ENDING_NOUNS
    preps = {"to"} if ending else {"of", "in"} if tok.lemma_.lower() in PARTAKING else {"of"}
    # "an end to the war", never "the end of the war" (a time); "participation in the forum"
    holders = [tok, tok.head] if ending and tok.dep_ == "dobj" else [tok]  # "put an end to the war": "to" on "put"
    return out + [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                  and (h is tok or c.lower_ == "to") for g in c.children if g.dep_ == "pobj"]


def _row_fits(p: Pattern, words: set[str], links: set[str]) -> bool:
    """Whether the complement `words` and linking `links` (particles, prepositions) satisfy row `p`."""
    if p.objects and not words & p.objects or words & p.excluded or p.particles and not links & p.particles:
        return False
    return not (p.excluded and links & p.excluded)


def is_frame_word(ctx: EventContext, tok: Token) -> bool:
    """Whether some pattern for `tok`'s lemma is a complement frame ("ready", "threaten")."""
    return any(p.complement for p in ctx.book.patterns.get(tok.lemma_.lower(), ()))


# Prefixes the tokenizer splits off ("de - escalation"); the whole word is no act of its stem: "so-called" is no call.
PREFIXES = frozenset({"de", "non", "anti", "counter", "re", "pre", "post", "self", "so"})


def split_prefix(tok: Token) -> Token | None:
    """The prefix the tokenizer split off `tok` ("de" of "de - escalation"), or None."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return doc[tok.i - 2] if doc[tok.i - 2].lower_ in PREFIXES else None


def _lemma_keys(tok: Token) -> list[str]:
    """The verb with its bare object ("take part"), the lemma, then the word, then the word less a verb ending (the
    lemmatiser reads "staged" as "stag"). A word the tokenizer split off its prefix ("de - escalation") is only the
    whole word: de-escalation is no escalation."""
    prefix = split_prefix(tok)
    if prefix is not None:
        return [f"{prefix.lower_}-{tok.lemma_.lower()}", f"{prefix.lower_}-{tok.lower_}"]
    keys = [f"{tok.lemma_.lower()} {c.lower_}" for c in tok.rights if c.dep_ == "dobj" and not c.n_lefts
            and not c.n_rights] if tok.pos_ == "VERB" and tok.n_rights else []  # "took part in": verb + bare object
    keys += [tok.lower_, tok.lemma_.lower()] if gerund_noun(tok) else [tok.lemma_.lower(), tok.lower_]  # "shelling"
    if tok.tag_ in {"VBD", "VBN", "VBZ", "VBG"} or participle_adjective(tok):
        word = tok.lower_
        keys += [word[:-1], word[:-2]] if word.endswith(("ed", "es", "s")) else [word[:-3]] if word.endswith(
            "ing") else []
    return keys


def _pos_fits(pos: str, tok: Token) -> bool:
    """VERB patterns fit verbs and participles used as adjectives ("opposed"); ADJ patterns fit adjectives; NOUN
    patterns fit nouns and a heading's noun read as a verb ("Visit to France")."""
    if headline_noun(tok) or gerund_noun(tok) or plural_noun(tok):
        return pos == "NOUN"
    if noun_verb(tok):
        return pos == "VERB"
    if pos == "VERB":
        return tok.pos_ == "VERB" or tok.pos_ == "ADJ" and (tok.tag_ in {"VBN", "VBG"} or participle_adjective(tok))
    if pos == "ADJ":
        return tok.pos_ == "ADJ" or tok.tag_ == "VBN"
    return tok.pos_ == pos


def participle_adjective(tok: Token) -> bool:
    """A past participle the tagger read as a plain adjective before its noun ("Raped women, murdered children")."""
    return tok.tag_ == "JJ" and tok.dep_ == "amod" and tok.lower_.endswith("ed")


def _pos_ok(tok: Token) -> bool:
    """Whether `tok` can trigger an event at all: a verb, adjective, noun or auxiliary, not punctuation."""
    return tok.pos_ in {"VERB", "ADJ", "NOUN", "AUX"} and not tok.is_punct


def complements(tok: Token) -> list[Token]:
    """Object-like nouns of `tok`: direct objects, passive subjects, attributes and prepositional objects."""
    out = []
    for child in tok.children:
        if child.dep_ in OBJECTS or child.dep_ == "nsubjpass" or child.dep_ == "nsubj" and bare_participle(tok):
            out.append(child)
        elif child.dep_ in {"prep", "prt"}:
            out += [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        elif child.dep_ in {"advmod", "npadvmod"} and child.tag_ == "JJS" and any(c.dep_ == "dative" for c in tok.children):
            out.append(child)  # "I wish you all the best", read as an adverb
        elif child.dep_ == "ccomp" and child.pos_ == "NOUN" and child.i > tok.i:
            # "wished Pashinyan a happy birthday", read as a small clause: the wish and the one wished it
            out += [child] + [g for g in child.children if g.dep_ == "nsubj"]
    if tok.dep_ == "acl" and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)) and (tok.head.pos_ in {"NOUN", "PROPN"} or
                                                                      _counted_victims(tok.head)):
        out.append(tok.head)  # "the sanctions imposed by the West" (a participle the tagger may take for a past tense)
    elif tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and any(
            c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} for c in tok.children):
        out.append(tok.head)  # "the missiles that Russia has used", "the howitzers which Germany delivered"
    elif tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.dep_ == "acl" and tok.head.tag_ == "VBN" and \
            tok.head.head.pos_ in {"NOUN", "PROPN"}:
        out.append(tok.head.head)  # "people killed and tortured": the people were tortured too
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.tag_ == "VBN" and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        out += [c for c in tok.head.children if c.dep_ == "nsubjpass" and c not in out]
        # "270 hospitals have been damaged or destroyed": destroyed too
    if tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.children):
        out += [c for c in tok.head.children if c.dep_ in {"nsubjpass", "nsubj"} and c not in out]
        # "aid is planned to be delivered to Izyum", "talks are expected to be held": what is to be done
    shared = shared_object(tok)
    if shared is not None and not out:
        out.append(shared)
    # "25,000 tons of food aid", "millions of dollars of aid": the noun after a measure
    out += [g for c in list(out) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]
    return out


def _counted_victims(head: Token) -> bool:
    """"Among those killed", "there are 17 wounded": the victims a report counts, not those a condolence or a list
    refers back to ("the families of those killed", "the list of those killed")."""
    return (head.lower_ == "those" or head.tag_ == "CD") and not (head.dep_ == "pobj" and head.head.lower_ == "of")


OWN_ARGUMENTS = OBJECTS | {"nsubjpass", "prt", "ccomp", "xcomp", "agent"}


def shared_object(tok: Token) -> Token | None:
    """The object a verb shares with the verb conjoined after it ("kills and maims our people", "condemned and
    rejected the plan"): the parser hangs it on the last verb only. None when the verb has arguments of its own or
    the next verb has its own subject ("Russia attacked and Ukraine answered")."""
    if tok.pos_ != "VERB" or any(c.dep_ in OWN_ARGUMENTS for c in tok.children):
        return None
    for conj in tok.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > tok.i and conj.tag_ == tok.tag_ and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            return next((c for c in conj.children if c.dep_ == "dobj"), None)
    return None


def against_nature(ctx: EventContext, objects: list[Token]) -> bool:
    """Whether what an act of force is aimed at is a force of nature or its spread ("the pandemic", "the spread of
    the infection"): a word of the `nature` class."""
    nature = ctx.book.classes.get("nature", frozenset())
    heads = objects + [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in nature or h.lower_ in nature for h in heads)

"""Who a description names: "the Head of State", "the President of Russia", "the Russian leader", "the two
leaders", "the sides", and who an article is about (its principal).

Official readouts name their principal once and then describe him: "Vladimir Putin had a telephone
conversation with…", then "the President of Russia stressed…", "the Russian side noted…". A description is
resolved to the person in the article whose role (or the role the description gives) fits, restricted to the
country the description names; without a country, to the article's principal when the role fits him.
Groups of the meeting ("the two leaders", "the Presidents", "the sides", "the parties") are its participants:
the principal and his counterparts.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial

from spacy.tokens import Doc, Token

from ..records import Actor
from .paragraphs import footer_start
from .spans import Intervals, by_identity, doc_memo, mention_index
from .syntax import SUBJECT_DEPS

__all__ = ["GROUP_NOUNS", "OWN_WORDS", "ROLE_NOUNS", "SELF", "TITLE_HEADS", "author", "counterparts", "first_mention",
           "meeting_group", "own_words", "person_like", "plural_before", "plural_subjects", "principal", "resolve_description",
           "resolve_title"]

# Head nouns of descriptions of one office-holder, and the role words each may stand for.
ROLE_NOUNS = {
    "president": {"president"}, "presidents": {"president"}, "leaders": {"president", "prime", "chancellor"},
    "ministers": {"minister", "secretary"}, "leader": {"president", "prime", "chancellor", "king", "emir", "leader"},
    "head": {"president", "prime", "chancellor", "king", "emir", "leader", "head"},
    "chancellor": {"chancellor"}, "premier": {"prime", "premier"}, "minister": {"minister"},
    "side": {"president", "prime", "chancellor", "king", "emir", "leader"},
    "secretary": {"secretary"}, "king": {"king"}, "emir": {"emir"},
    "counterpart": {"president", "prime", "chancellor", "king", "emir", "leader", "minister", "secretary"},
}
# Plural descriptions of the meeting's participants.
GROUP_NOUNS = {"leaders", "presidents", "sides", "parties", "heads", "interlocutors", "counterparts", "ministers",
               "countries", "states", "nations", "participants"}
GATHERING_NOUNS = frozenset({"meeting", "talks", "conversation", "call", "event", "conference", "negotiations"})
STATE_GROUP_NOUNS = {"countries", "states", "nations"}  # "the two countries": the participants' states
HEAD_OF_STATE = {"state", "government"}  # "Head of State", "Head of Government"


def _persons(actors: Iterable[Actor]) -> list[Actor]:
    return [a for a in actors if a.kind == "person" and a.mentions]


def principal(actors: Iterable[Actor], doc: Doc | None = None) -> Actor | None:
    """The person the article is most about: the one most often the subject of its sentences (a readout's
    "Vladimir Putin had a conversation with…"), then most mentioned, then first mentioned."""
    people = _persons(actors)
    if not people:
        return None
    if doc is not None:  # "Telephone conversation with President of Iran Hassan Rouhani": the guest is not it
        hosts = [a for a in people if not _guest(doc, a)]
        people = hosts or people
    subjects = _subject_counts(doc, people) if doc is not None else {}
    return min(people, key=lambda a: (-subjects.get(a.id, 0), -len(a.mentions), first_mention(a, doc)))


SELF = frozenset({"i", "me", "my", "myself", "mine"})

# Words of a meeting or call whose "with" names the one met: "conversation with", "met with", "talks with".
MEETING_WITH = frozenset({"conversation", "meeting", "talks", "call", "meet", "talk", "speak", "negotiations",
                          "conference", "consultations", "hold", "have"})
OPENING = 2  # the title and the lead's first sentence


def _guest(doc: Doc, actor: Actor) -> bool:
    """Whether the article's opening names `actor` as the one met or called ("Telephone conversation with X",
    "Putin had a telephone conversation with X", "Zelenskyy met with X")."""
    memo = doc_memo(doc)
    if "guest spans" not in memo:
        memo["guest spans"] = _met_spans(doc)
    spans: list[tuple[int, int]] = memo["guest spans"]
    return by_identity(doc, "guest", actor, lambda: any(s <= m.start < e for m in actor.mentions for s, e in spans))


def _met_spans(doc: Doc) -> list[tuple[int, int]]:
    """The characters of each word naming the one met, never of a clause about them ("Niinisto, who is on a
    visit at the invitation of the Russian President")."""
    out = []
    for _, sent in zip(range(OPENING), doc.sents):
        for tok in sent:
            if tok.lower_ == "with" and tok.dep_ == "prep" and tok.head.lemma_.lower() in MEETING_WITH:
                out += [(t.idx, t.idx + len(t)) for c in tok.children if c.dep_ == "pobj" for t in _phrase(c)]
    return out


def _phrase(head: Token) -> list[Token]:
    """A noun phrase's words without its clauses."""
    out = [head]
    for c in head.children:
        if c.dep_ not in {"relcl", "acl", "advcl", "punct"}:
            out += _phrase(c)
    return out


# Title words of an article that is one person's own words.
OWN_WORDS = frozenset({"address", "speech", "remarks", "statement", "interview", "message", "appeal", "article",
                       "lecture", "words"})


def own_words(title: str) -> bool:
    """Whether a title says the article is one person's own words ("Address by…", "Statement by…")."""
    return bool({w.strip(".,:;'’\"-–—").lower() for w in title.split()} & OWN_WORDS)


def author(actors: Iterable[Actor]) -> Actor | None:
    """Whose own words the article is: the person whose mentions include the "I" of an address (the actors stage
    gives them those mentions when the title says so)."""
    return next((a for a in _persons(actors) if any(m.text.lower() in SELF for m in a.mentions)), None)


def plural_subjects(tok: Token) -> list[Token]:
    """The plural subjects a "they" at `tok` may stand for: those of this sentence or the one before, before `tok`,
    in text order ("the rebels… They…")."""
    start = tok.doc[max(tok.sent.start - 1, 0)].sent.start
    return [t for t in tok.doc[start:tok.i] if t.tag_ in {"NNS", "NNPS"} and t.dep_ in SUBJECT_DEPS]


def plural_before(tok: Token, main_clauses: bool = False, meetings: bool = True) -> bool:
    """Whether this sentence or the one before names, as a subject before `tok`, a plural group "they" may stand
    for ("the rebels… They…"); with `main_clauses`, only a main clause's subject that is not the meeting's
    ("The presidents stated that relations… They…" is the meeting); without `meetings`, no subject that is the
    meeting's ("The leaders touched upon… They agreed…")."""
    return any((not main_clauses or t.head.dep_ == "ROOT" and not _the_parties(t))
               and (meetings or not meeting_group(t)) for t in plural_subjects(tok))


PARTY_NOUNS = frozenset({"leaders", "presidents", "heads", "sides", "ministers", "counterparts"})


def _the_parties(tok: Token) -> bool:
    """Whether `tok` heads a description of the meeting's parties: "the two leaders", or one that lists their
    states ("the Russian and German leaders", "the presidents of Russia and Turkey")."""
    if meeting_group(tok):
        return True
    if tok.lower_ not in PARTY_NOUNS:
        return False
    listed = [c for c in tok.children if c.dep_ in {"amod", "compound"}] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(any(g.dep_ == "conj" for g in c.children) for c in listed)


def first_mention(actor: Actor, doc: Doc | None = None) -> int:
    """Where `actor` is first mentioned (memoised on `doc`)."""
    return by_identity(doc, "first mention", actor, lambda: min(m.start for m in actor.mentions))


def _subject_counts(doc: Doc, people: list[Actor]) -> dict[str, int]:
    """How often each person's mention is (or holds) the subject of a verb (memoised per person on `doc`)."""
    counts: dict[str, int] = {}
    for a in people:
        count = by_identity(doc, "subject count", a, partial(_subject_count, doc, a))
        if count:
            counts[a.id] = counts.get(a.id, 0) + count
    return counts


def _subject_count(doc: Doc, actor: Actor) -> int:
    count = 0
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(t.dep_ in {"nsubj", "nsubjpass"} for t in span):
            count += 1
    return count


def counterparts(actors: Iterable[Actor], doc: Doc | None = None, group: Token | None = None) -> list[Actor]:
    """The meeting's participants: the principal and his counterpart(s), those holding the office the group
    names first ("the two Presidents"); two unless the article has more leaders of that rank."""
    actors = list(actors)
    if doc is not None:  # a person named only in the links to other stories takes no part in this one
        end = footer_start(doc)
        actors = [a for a in actors if first_mention(a, doc) < end]
    wanted = ROLE_NOUNS.get(group.lemma_.lower(), set()) if group is not None else set()
    people = [a for a in _persons(actors) if a.role]
    ranked = sorted(people, key=lambda a: (not _role_fits(a, wanted), -len(a.mentions), first_mention(a, doc)))
    first = principal(actors, doc)
    out = [first] if first is not None else []
    rest = [a for a in ranked if a not in out]
    peers = [a for a in rest if wanted and _role_fits(a, wanted)]
    two = group is None or any(c.lower_ in {"two", "both"} for c in group.children)
    return out + (rest[:1] if two or len(peers) < 2 else peers)


def meeting_group(tok: Token) -> bool:
    """Whether `tok` heads a description of the meeting's participants: "the two leaders", "both sides", "the
    parties", "the two countries"; "They" is not one; "30 Western leaders" and "some leaders" are not."""
    if tok.lower_ not in GROUP_NOUNS:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "predet", "preconj"}}
    if tok.lower_ == "participants" and not any(_gathering(tok, c) for c in tok.children):
        return False  # only "the participants of the meeting", "the meeting participants"
    placed = tok.lower_ in STATE_GROUP_NOUNS  # "the two countries in rail transport", but "the parties to the war"
    qualified = any((c.dep_ in {"amod", "compound", "poss"} or c.dep_ == "prep" and (
        not placed or c.lower_ in {"of", "from"}) and not _of_state(tok, c)) and not _gathering(tok, c)
        for c in tok.children)
    return bool(words) and words <= {"the", "two", "both"} and not qualified


def _gathering(head: Token, child: Token) -> bool:
    """Whether `child` names the gathering `head` ("participants") took part in: "meeting participants", "the
    participants of the talks"."""
    if head.lower_ != "participants":
        return False
    if child.dep_ == "compound":
        return child.lemma_.lower() in GATHERING_NOUNS
    return child.dep_ == "prep" and _of_state(head, child)


def _of_state(head: Token, prep: Token) -> bool:
    """Whether `prep` only says what `head` heads: "the heads of state", "the heads of government"; or which
    gathering `head` took part in: "the participants of the meeting"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if head.lower_ == "participants" and prep.lower_ in {"of", "in"}:
        return len(objects) == 1 and objects[0].lemma_.lower() in GATHERING_NOUNS
    return head.lower_ == "heads" and prep.lower_ == "of" and len(objects) == 1 and \
        objects[0].lower_ in HEAD_OF_STATE and not list(objects[0].children)


def _country_of(doc: Doc, head: Token, actors: dict[str, Actor]) -> str | None:
    """The country a description names: "of Russia", "Russian", "Ukraine's"."""
    index = mention_index(doc)
    words = [t for t in head.subtree if t.i != head.i and t.dep_ not in {"relcl", "acl", "appos"}]
    for tok in words:
        for _, _, actor_id in index.containing(tok.idx):
            actor = actors.get(actor_id)
            if actor is not None and actor.kind in {"country", "location"}:
                return actor.country
    return None


def _role_fits(actor: Actor, wanted: set[str]) -> bool:
    return bool(actor.role) and bool(wanted & set((actor.role or "").lower().replace("-", " ").split()))


def resolve_plural(doc: Doc, head: Token, actors: dict[str, Actor]) -> list[str]:
    """The office-holders a plural description names, one per country it lists ("the presidents of Russia and
    Turkey" → Putin, Erdogan), when the article names each of them; none otherwise."""
    word = head.lemma_.lower()
    word = word[:-1] if word not in ROLE_NOUNS and word.endswith("s") else word  # "Presidents" tagged NNPS
    if word not in ROLE_NOUNS or not plural(head):
        return []
    index = mention_index(doc)
    words = [t for t in head.subtree if t.i != head.i and t.dep_ not in {"relcl", "acl", "appos"}]
    codes = list(dict.fromkeys(c for t in words for c in _countries_named(t, head, index, actors)))
    wanted = ROLE_NOUNS[word]
    out = []
    for code in codes:
        holders = [a for a in _persons(actors.values()) if a.country == code and _role_fits(a, wanted)]
        first = principal(holders, doc)
        if first is None:
            return []
        out.append(first.id)
    return out if len(out) > 1 else []


def _countries_named(tok: Token, head: Token, index: Intervals[tuple[int, int, str]],
                     actors: dict[str, Actor]) -> list[str]:
    """The countries a word of a plural description names: a state or place of the article ("the presidents of
    Russia and Turkey"), or a demonym before the head ("the Russian and German leaders")."""
    out = [c for _, _, a in index.containing(tok.idx)
           if a in actors and actors[a].kind in {"country", "location"} and (c := actors[a].country)]
    demonym = _demonym_codes().get(tok.lower_) if tok.dep_ in {"amod", "conj"} and tok.i < head.i else None
    return out + ([demonym] if demonym else [])


@lru_cache(maxsize=1)
def _demonym_codes() -> dict[str, str]:
    """Lower-cased demonym -> ISO alpha-3 code, from the shipped gazetteer ("german" -> DEU)."""
    from ..gazetteer import load_gazetteer

    return {d.lower(): c.iso3 for c in load_gazetteer().countries.values() for d in c.demonyms}


def resolve_description(doc: Doc, head: Token, actors: dict[str, Actor]) -> str | None:
    """The person a singular description headed by `head` names ("the President of Russia" → Putin), or None."""
    word = head.lemma_.lower()
    if word not in ROLE_NOUNS or plural(head):
        return None
    if word == "head" and not any(t.lower_ in HEAD_OF_STATE for t in head.subtree):
        return None
    wanted = ROLE_NOUNS[word]
    country = _country_of(doc, head, actors)
    people = [a for a in _persons(actors.values()) if country is None or a.country == country]
    if word == "counterpart":  # the other party to the article's principal, never the principal
        own = principal(actors.values(), doc)
        people = [a for a in people if a is not own]
    fitting = [a for a in people if _role_fits(a, wanted)]
    if not fitting and word in {"side", "leader", "head", "counterpart"} and country is not None:
        fitting = [a for a in people if a.role]  # "the Russian side": its office-holder in the article
    if not fitting and word == "counterpart":
        # "his Kazakh counterpart": the person of that country; "his counterpart": the other party of the meeting
        fitting = people if country is not None else [a for a in counterparts(actors.values(), doc)[1:]
                                                      if a in people]
    if not fitting:
        return None
    first = principal(fitting, doc)
    return first.id if first is not None else None


def plural(head: Token) -> bool:
    """Whether a noun is plural, also when the tagger took it for a name ("the Prime Ministers of Albania and
    Montenegro": NNP)."""
    low = head.lower_
    return head.tag_ in {"NNS", "NNPS"} or low.endswith("s") and low[:-1] in ROLE_NOUNS


# Title nouns heading a phrase that ends in the titled person's name ("Director of the FBI Christopher Wray") or
# that names them by their post ("the Head of the President's Office"); descriptions of an office-holder of a
# country ("the President of Russia") are `resolve_description`'s.
TITLE_HEADS = frozenset({"head", "director", "chairman", "chairwoman", "chair", "chief", "spokesman", "spokeswoman",
                         "spokesperson", "governor", "mayor", "commander", "ambassador", "envoy", "adviser",
                         "advisor", "deputy", "representative"})


def resolve_title(head: Token, actors: dict[str, Actor]) -> str | None:
    """The person mentioned before `head` whose role has its word and shares most words with its phrase ("the
    Head of the President's Office" → the Head of the Presidential Office), none when the phrase names a body
    their role does not."""
    said = {t.lower_[:6] for t in head.subtree if t.is_alpha and not t.is_stop and t.i != head.i}
    best: tuple[int, int, str] | None = None
    for a in actors.values():
        role = (a.role or "").lower().split()
        if a.kind != "person" or head.lower_ not in role:
            continue
        first = first_mention(a, head.doc)
        shared = len(said & {w[:6] for w in role})
        if first < head.idx and (shared or not said) and (best is None or (shared, first) > best[:2]):
            best = (shared, first, a.id)
    return best[2] if best else None


DOER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PEOPLE_WORDS = frozenset({
    "ally", "partner", "official", "authority", "agency", "service", "expert", "investigator", "group", "force",
    "troop", "mayor", "governor", "commander", "chief", "government", "administration", "committee", "commission",
    "council", "ministry", "organisation", "organization", "people", "resident", "side", "party", "family",
    "journalist", "citizen", "civilian", "victim"})


def person_like(tok: Token) -> bool:
    """Whether a noun phrase's head names people ("the security service heads", "law enforcement agencies")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in DOER_ENTS or tok.lower_ in GROUP_NOUNS or lemma in PEOPLE_WORDS or lemma in ROLE_NOUNS

"""Actors: people, states, organisations, groups and anonymous sources, one canonical actor per referent.

Candidates come from the gazetteer (PhraseMatcher) and spaCy NER; gazetteer readings win because
the small model's labels are noisy ("Kiev" as PERSON). People are merged by name and surname variant
("Zelenskiy", "Zelensky", "Zelenskyy"); roles come from the gazetteer as of the article's date, or
from the title words the article puts before the name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .gazetteer import Gazetteer, load_gazetteer
from .pipeline import register_extensions
from .records import Actor, Span

register_extensions()  # the Doc._ attributes exist whenever a stage is importable

__all__ = ["ActorFinder", "actor_code", "find_actors", "surname_key"]

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from", "into", "via",
               "towards", "toward"}
MOTION_VERBS = {"go", "travel", "fly", "arrive", "return", "come", "head", "move", "trip", "drive", "sail"}
GOV_NOUNS = {"government", "presidency", "administration", "cabinet", "ministry", "foreign ministry",
             "foreign office", "state department", "embassy", "parliament", "authorities", "leadership"}
MIL_NOUNS = {"army", "military", "troops", "forces", "armed forces", "navy", "air force", "soldiers", "defence ministry",
             "defense ministry"}
ANON_HEADS = {"official", "officials", "diplomat", "diplomats", "source", "sources", "person", "people", "aide",
              "aides", "insider", "insiders", "governments", "government", "general", "generals", "commander",
              "commanders", "officer", "officers", "spokesman", "spokeswoman", "spokesperson", "envoy", "envoys",
              "negotiator", "negotiators", "analyst", "analysts", "lawmaker", "lawmakers"}
GROUP_HEADS = {"leaders", "ministers", "allies", "partners", "members", "countries", "nations", "states"}
OFFICIAL_COMPOUNDS = {"government", "administration", "military", "security", "intelligence", "defence", "defense",
                      "police", "army", "state", "ministry", "foreign", "embassy", "cabinet", "presidential",
                      "palace", "party", "kremlin", "pentagon", "coalition", "alliance", "union", "western"}
QUANTIFIERS = {"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other", "senior", "few"}
HEAD_TITLES = {"president", "prime", "premier", "king", "queen", "emir", "sheikh", "chancellor", "sultan", "dictator",
               "minister", "judge", "general", "governor", "commander", "speaker"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady"}
TITLE_EXTRA = {"former", "deputy", "vice", "senior", "chief", "top", "acting", "interim", "special", "foreign",
               "defence", "defense", "prime", "state", "general", "secretary", "minister", "president", "high",
               "representative", "affairs", "interior", "finance", "national", "security", "adviser", "advisor",
               "envoy", "ambassador", "presidential", "press", "sen.", "rep.", "gov.", "lt.", "maj.", "-", "junior",
               "assistant", "ousted", "exiled", "opposition", "trade", "economy", "justice", "army", "military"}


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _the(name: str) -> str:
    """"the United States", "the Netherlands", but "Belarus"."""
    plural = name.endswith(("s", "Islands")) and name not in {"Belarus", "Cyprus", "Honduras", "Mauritius",
                                                                "Barbados", "Laos", "Saint Kitts and Nevis"}
    prefixed = name.startswith(("United ", "Republic", "Democratic ", "Czech ", "Central African", "Dominican R",
                                "Holy ", "Gambia"))
    return f"the {name}" if plural or prefixed else name


def surname_key(name: str) -> str:
    """A key equal for transliteration variants of one surname ("Zelenskiy", "Zelensky", "Zelenskyy")."""
    last = re.split(r"[\s]+", _fold(name).strip())[-1] if name.strip() else ""
    last = re.sub(r"[^a-z-]", "", last)
    return re.sub(r"(iy|yy|ii|ij|y|i)$", "", last) or last


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: FRAGOV, IGONATO, RUS."""
    if sector == "IGO" and country:
        return f"IGO{country}"
    if country and sector:
        return f"{country}{sector}"
    return country


@dataclass(frozen=True)
class Entry:
    """What a gazetteer surface form stands for."""

    type: str  # country demonym capital seat org anaphor person short region region_demonym
    key: str


@dataclass
class Draft:
    """An actor under construction."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


class ActorFinder:
    """Matches gazetteer entries and resolves candidates into canonical actors for one pipeline."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, list[Entry]] = {}
        self.orgs = {o.name: o for o in gazetteer.organizations}
        self.regions = {r.code: r for r in gazetteer.regions}
        self.role_patterns = [(re.compile(rf"\b{re.escape(w)}\b"), len(w), s) for w, s in gazetteer.roles.items()]
        self._index(nlp)

    def _add(self, surface: str, entry: Entry, folded: bool = False) -> None:
        key = surface.lower() if folded else surface
        self.entries.setdefault(("~" if folded else "") + key, []).append(entry)

    def _index(self, nlp: Language) -> None:
        for c in self.gaz.countries.values():
            for s in (c.name, *c.aliases):
                self._add(s, Entry("country", c.iso3))
            for s in c.demonyms:
                self._add(s, Entry("demonym", c.iso3))
            for s in c.capitals:
                self._add(s, Entry("capital", c.iso3))
            for s in c.seats:
                self._add(s, Entry("seat", c.iso3))
        for o in self.gaz.organizations:
            for s in (o.name, *o.aliases):
                self._add(s, Entry("org", o.name), folded=len(s.split()) > 1)
            for s in o.anaphors:
                self._add(s, Entry("anaphor", o.name), folded=True)
            for s in o.seats:
                self._add(s, Entry("org_seat", o.name))
        for p in self.gaz.people.values():
            for s in (p.name, *p.aliases):
                self._add(s, Entry("person", p.name))
            for s in p.short:
                self._add(s, Entry("short", p.name))
        for r in self.gaz.regions:
            for s in (r.name, *r.aliases):
                self._add(s, Entry("region", r.code))
            for s in r.demonyms:
                self._add(s, Entry("region_demonym", r.code))
        for key in self.entries:
            if key.startswith("~"):
                self.folded.add(key, [nlp.make_doc(key[1:])])
            else:
                self.exact.add(key, [nlp.make_doc(key)])

    def matches(self, doc: Doc) -> list[tuple[SpacySpan, list[Entry]]]:
        """Longest non-overlapping gazetteer matches."""
        found = []
        for matcher, prefix in ((self.exact, ""), (self.folded, "~")):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                found.append((doc[start:end], self.entries[label] if label in self.entries else
                              self.entries[prefix + label]))
        found.sort(key=lambda m: (-(m[0].end - m[0].start), m[0].start))
        taken: set[int] = set()
        out = []
        for span, entries in found:
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                out.append((span, entries))
        return sorted(out, key=lambda m: m[0].start)


class _Resolver:
    """Resolution state for one document."""

    def __init__(self, finder: ActorFinder, doc: Doc) -> None:
        self.f = finder
        self.gaz = finder.gaz
        self.doc = doc
        self.published: date | None = doc._.published
        self.drafts: dict[str, Draft] = {}
        self.claimed: set[int] = set()  # token indices already part of a mention
        self.surnames: dict[str, str] = {}  # surname key -> person draft key

    def add(self, key: str, start: int, end: int, make: Draft | None = None) -> None:
        """Record the token range [start, end) as a mention of actor `key`."""
        if not self.claimed.isdisjoint(range(start, end)):
            return
        draft = self.drafts.get(key)
        if draft is None:
            if make is None:
                return
            draft = self.drafts[key] = make
        span = self.doc[start:end]
        draft.mentions.append((span.start_char, span.end_char))
        self.claimed.update(range(start, end))

    # -- states, capitals, organisations ------------------------------------------------------
    def country_draft(self, iso3: str) -> Draft:
        c = self.gaz.countries[iso3]
        return Draft(f"country:{iso3}", c.name, "country", iso3)

    def government_draft(self, iso3: str) -> Draft:
        return Draft(f"gov:{iso3}", f"Government of {_the(self.gaz.countries[iso3].name)}", "organization", iso3, "GOV")

    def military_draft(self, iso3: str) -> Draft:
        return Draft(f"mil:{iso3}", f"Armed forces of {_the(self.gaz.countries[iso3].name)}", "organization", iso3,
                     "MIL")

    def org_draft(self, name: str) -> Draft:
        o = self.f.orgs[name]
        return Draft(f"org:{name}", o.name, o.kind, o.code, o.sector)

    def is_place(self, span: SpacySpan) -> bool:
        """True when a capital is used as a place ("in Paris"), not as an agent ("Paris said")."""
        head = span.root.head
        if span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
            return True
        if span.root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in MOTION_VERBS:
            return True
        return span.root.dep_ == "dobj" and head.lemma_ == "visit"

    def institution_after(self, span: SpacySpan) -> tuple[int, str] | None:
        """(end token, sector) when a demonym or country is followed by an institution noun ("French Presidency")."""
        doc = self.doc
        for n in (2, 1):
            if span.end + n > len(doc):
                continue
            words = doc[span.end:span.end + n].text.lower()
            if words in GOV_NOUNS:
                return span.end + n, "GOV"
            if words in MIL_NOUNS:
                return span.end + n, "MIL"
        return None

    def place(self, span: SpacySpan, iso3: str | None) -> None:
        name = span.text
        self.add(f"place:{name}", span.start, span.end, Draft(f"place:{name}", name, "location", iso3))

    def state_match(self, span: SpacySpan, entry: Entry) -> None:
        iso3 = entry.key
        inst = self.institution_after(span) if entry.type in {"demonym", "country"} else None
        if inst is not None:
            end, sector = inst
            start = span.start - 1 if span.start > 0 and self.doc[span.start - 1].lower_ == "the" else span.start
            make = self.government_draft(iso3) if sector == "GOV" else self.military_draft(iso3)
            self.add(make.key, start, end, make)
            return
        if entry.type == "seat":
            self.add(f"gov:{iso3}", span.start, span.end, self.government_draft(iso3))
        elif entry.type == "capital":
            if self.is_place(span):
                self.place(span, iso3)
            else:
                self.add(f"gov:{iso3}", span.start, span.end, self.government_draft(iso3))
        elif entry.type == "demonym" and span.root.tag_ in {"NNS", "NNPS"} and span.text.endswith("s"):
            self.add(f"people:{iso3}", span.start, span.end, Draft(f"people:{iso3}", span.text, "group", iso3))
        else:
            self.add(f"country:{iso3}", span.start, span.end, self.country_draft(iso3))

    def org_match(self, span: SpacySpan, entry: Entry) -> None:
        if entry.type == "org_seat" and self.is_place(span):
            iso3 = next((e.key for e in self.f.entries.get(span.text, []) if e.type == "capital"), None)
            self.place(span, iso3)
            return
        if entry.type == "anaphor" and f"org:{entry.key}" not in self.drafts:
            return
        self.add(f"org:{entry.key}", span.start, span.end, self.org_draft(entry.key))

    def region_match(self, span: SpacySpan, entry: Entry) -> None:
        region = self.f.regions[entry.key]
        if entry.type == "region_demonym" and span.root.tag_ in {"NNS", "NNPS"}:
            key = f"people:{region.code}"
            self.add(key, span.start, span.end, Draft(key, span.text, "group", region.code))
        else:
            key = f"region:{region.code}"
            self.add(key, span.start, span.end, Draft(key, region.name, "location", region.code))

    # -- people ---------------------------------------------------------------------------------
    def title_before(self, start: int) -> tuple[int, list[str], str | None]:
        """Walk left over title words ("NATO Secretary General"): (new start, role words, country code)."""
        doc, i = self.doc, start
        words: list[str] = []
        country: str | None = None
        while i > 0:
            tok = doc[i - 1]
            low = tok.lower_
            entries = self.f.entries.get(tok.text, [])
            code = next((e.key for e in entries if e.type in {"demonym", "country"}), None) or next(
                (self.org_code(e.key) for e in entries if e.type == "org"), None)
            if code and tok.i not in self.claimed:
                country = country or code
            elif low in self.gaz.roles or low in TITLE_EXTRA:
                words.insert(0, tok.text)
            elif low in {"of", "for"} and words and i >= 2 and (doc[i - 2].lower_ in self.gaz.roles
                                                                 or doc[i - 2].lower_ in TITLE_EXTRA):
                words.insert(0, tok.text)  # "Secretary of State", "Minister for Europe"
            elif low in HONORIFICS:
                pass
            elif low in {"'s", "’s"} and i >= 2:
                prev = self.f.entries.get(doc[i - 2].text, [])
                country = country or next((e.key for e in prev if e.type in {"country", "demonym"}), None)
                break
            else:
                break
            i -= 1
        while i < start and (doc[i].lower_ in {"-"} or (not words and doc[i].lower_ in HONORIFICS)):
            i += 1
        return i, words, country

    def org_code(self, name: str) -> str:
        return self.f.orgs[name].code

    def affiliation_after(self, end: int) -> str | None:
        """Country or organisation named right after a person ("Rutte from NATO")."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].lower_ in {"from", "of"}:
            entries = self.f.entries.get(doc[end + 1].text, [])
            for e in entries:
                if e.type in {"country", "demonym"}:
                    return e.key
                if e.type == "org":
                    return self.org_code(e.key)
        return None

    def person(self, span: SpacySpan, known: str | None) -> None:
        """A person mention: a gazetteer person `known`, or a name spaCy found."""
        start, words, title_country = self.title_before(span.start)
        if known is None and len(span) == 1 and not words:
            linked = self.surnames.get(surname_key(span.text))
            if linked:
                self.add(linked, span.start, span.end)
            elif span.label_ == "PERSON":
                self.new_person(span, start, words, title_country, None)
            return
        key = f"person:{known}" if known else self.surnames.get(surname_key(span.text)) if len(span) == 1 else None
        if key and key in self.drafts:
            self.add(key, start, span.end)
            self.enrich(self.drafts[key], words, title_country or self.affiliation_after(span.end))
            return
        self.new_person(span, start, words, title_country, known)

    def new_person(self, span: SpacySpan, start: int, words: list[str], country: str | None,
                   known: str | None) -> None:
        name = known or span.text
        key = f"person:{name}"
        draft = Draft(key, name, "person")
        if known:
            self.apply_term(draft, known)
        self.enrich(draft, words, country or self.affiliation_after(span.end))
        self.add(key, start, span.end, draft)
        self.surnames.setdefault(surname_key(name), key)
        if known:
            for alias in (*self.gaz.people[known].aliases, *self.gaz.people[known].short):
                self.surnames.setdefault(surname_key(alias), key)

    def apply_term(self, draft: Draft, known: str) -> None:
        person = self.gaz.people[known]
        term = person.term_at(self.published)
        draft.country = term.country if term else person.nationality
        draft.sector = term.sector if term else None
        if term:
            draft.role = term.role
        elif person.terms and self.published and person.terms[0].start <= self.published:
            draft.role = f"former {person.terms[-1].role}"

    def enrich(self, draft: Draft, words: list[str], country: str | None) -> None:
        """Fill what the gazetteer did not know from the title the article gives."""
        if words and draft.role is None:
            draft.role = " ".join(words)
        if draft.country is None and country:
            draft.country = country
        if draft.sector is None and words:
            phrase = " ".join(words).lower()
            hits = [(n, s) for rx, n, s in self.f.role_patterns if rx.search(phrase)]
            if hits:
                draft.sector = max(hits)[1]
            if draft.sector == "IGO" and draft.country in self.gaz.countries:
                draft.sector = "GOV"

    def short_allowed(self, name: str) -> bool:
        """A bare surname from the gazetteer counts only for someone active near the article's date."""
        if self.published is None:
            return True
        terms = self.gaz.people[name].terms
        return any(t.start.year <= self.published.year + 1 and (t.end is None or t.end.year >= self.published.year - 8)
                   for t in terms)

    # -- anonymous sources and named groups --------------------------------------------------------
    def modifier_code(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """(country or region code, organisation name) named by modifier tokens."""
        code = org = None
        for tok in tokens:
            for e in self.f.entries.get(tok.text, []) + self.f.entries.get("~" + tok.lower_, []):
                if e.type in {"country", "demonym", "region_demonym", "region", "capital", "seat"}:
                    code = code or e.key
                elif e.type == "org" or (e.type == "anaphor" and f"org:{e.key}" in self.drafts):
                    org = org or e.key
        return code, org

    def noun_phrase(self, chunk: SpacySpan) -> None:
        root = chunk.root
        low = root.lower_
        dets = {t.lower_ for t in chunk if t.i < root.i}
        mods = [t for t in chunk if t.i < root.i]
        if low in GROUP_HEADS:
            self.group(chunk, mods)
        elif low in ANON_HEADS and self.anonymous_shape(root, dets):
            self.anonymous(chunk, mods)

    def anonymous_shape(self, root: Token, dets: set[str]) -> bool:
        if dets & {"the", "these", "those", "his", "her", "their", "its", "our", "this", "that"}:
            return False
        plural = root.tag_ in {"NNS", "NNPS"} or root.lower_ == "people"
        if root.lower_ in {"person", "people"}:
            return bool(dets & QUANTIFIERS) and any(c.dep_ in {"relcl", "acl", "amod"} for c in root.children) or \
                any(c.lower_ == "familiar" for c in root.subtree)
        if root.lower_ == "government":
            return bool(dets & {"a", "an", "one"})
        compounds = [c for c in root.children if c.dep_ == "compound" and c.i < root.i]
        if any(c.lower_ not in OFFICIAL_COMPOUNDS and not self.f.entries.get(c.text) for c in compounds):
            return False  # "election officials" are people acted upon, not a source
        return plural or bool(dets & QUANTIFIERS)

    def anonymous(self, chunk: SpacySpan, mods: list[Token]) -> None:
        root = chunk.root
        start = chunk.start + (1 if chunk[0].lower_ == "the" else 0)
        end = chunk.end
        if root.lower_ in {"person", "people", "source", "sources"} or any(
                c.dep_ in {"relcl", "acl", "amod"} and c.i > root.i for c in root.children):
            sent_end = root.sent.end
            end = min(max(end, root.right_edge.i + 1), sent_end)
            while end > start + 1 and self.doc[end - 1].is_punct:
                end -= 1
        code, org = self.modifier_code(mods)
        code = code or (self.org_code(org) if org else None)
        text = self.doc[start:end].text
        key = "anon:" + re.sub(r"^(an?|one|two|three|several|some)\s+", "", text.lower())
        sector = self.gaz.roles.get(root.lemma_.lower()) or (
            "GOV" if root.lemma_ in {"official", "diplomat", "government", "aide"} else None)
        self.add(key, start, end, Draft(key, text, "anonymous", code, sector))

    def group(self, chunk: SpacySpan, mods: list[Token]) -> None:
        code, org = self.modifier_code(mods)
        start = chunk.start + (1 if chunk[0].lower_ == "the" else 0)
        if org:
            self.add(f"org:{org}", start, chunk.end, self.org_draft(org))
        elif code:
            text = self.doc[start:chunk.end].text
            key = "group:" + text.lower()
            self.add(key, start, chunk.end, Draft(key, text, "group", code))
        elif {t.lower_ for t in mods} & (QUANTIFIERS - {"other"}) and chunk.root.tag_ == "NNS":
            self.anonymous(chunk, mods)  # "some leaders", "several ministers": unnamed, but someone

    # -- NER leftovers ---------------------------------------------------------------------------
    def ner_org(self, ent: SpacySpan) -> None:
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if start >= ent.end:
            return
        code, org = self.modifier_code(list(ent))
        text = self.doc[start:ent.end].text
        lower = text.lower()
        sector = "MIL" if any(n in lower for n in MIL_NOUNS) else "GOV" if any(n in lower for n in GOV_NOUNS) else None
        if code in self.gaz.countries and sector:
            make = self.military_draft(code) if sector == "MIL" else self.government_draft(code)
            self.add(make.key, start, ent.end, make)
            return
        key = "org:" + text
        self.add(key, start, ent.end, Draft(key, text, "organization", code or (self.org_code(org) if org else None),
                                            sector))

    # -- the passes -------------------------------------------------------------------------------
    def run(self) -> list[Draft]:
        doc = self.doc
        matches = self.f.matches(doc)
        gaz_tokens = {i for span, _ in matches for i in range(span.start, span.end)}
        self.people_pass(matches, gaz_tokens)
        for chunk in doc.noun_chunks:
            self.noun_phrase(chunk)
        for ent in doc.ents:
            inside = [e.type for s, es in matches if s.start < ent.end and ent.start < s.end for e in es]
            if ent.label_ == "ORG" and len(ent) > 1 and inside and set(inside) <= {"country", "demonym"}:
                self.ner_org(ent)
        for span, entries in matches:
            self.gazetteer_match(span, entries)
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC", "FAC"} and self.claimed.isdisjoint(range(ent.start, ent.end)):
                self.place(ent, None)
            elif ent.label_ == "ORG" and self.claimed.isdisjoint(range(ent.start, ent.end)):
                self.ner_org(ent)
        self.national_leaders()
        return sorted(self.drafts.values(), key=lambda d: min(d.mentions))

    def national_leaders(self) -> None:
        """"President Laurent Gbagbo" with no country in the title or the gazetteer: when the sentence names exactly
        one country, that is the one they lead. Two countries in the sentence leave it unknown."""
        for d in self.drafts.values():
            if d.kind != "person" or d.country or not d.role or not set(d.role.lower().split()) & HEAD_TITLES:
                continue
            first = self.doc.char_span(*min(d.mentions), alignment_mode="expand")
            if first is None:
                continue
            lo, hi = first.sent.start_char, first.sent.end_char
            codes = {o.country for o in self.drafts.values() if o is not d and o.country in self.gaz.countries
                     and any(lo <= s < hi for s, _ in o.mentions)}
            if len(codes) == 1:
                d.country = codes.pop()
                d.sector = d.sector or "GOV"

    def people_pass(self, matches: list[tuple[SpacySpan, list[Entry]]], gaz_tokens: set[int]) -> None:
        persons: list[tuple[int, int, SpacySpan, str | None]] = []
        for span, entries in matches:
            full = next((e.key for e in entries if e.type == "person"), None)
            short = next((e.key for e in entries if e.type == "short"), None)
            if full:
                persons.append((span.start, 0, span, full))
            elif short and (self.short_allowed(short) or self.full_name_present(short, matches)):
                persons.append((span.start, 1, span, short))
        for ent in self.doc.ents:
            if gaz_tokens.isdisjoint(range(ent.start, ent.end)) and (
                    ent.label_ == "PERSON" or (len(ent) == 1 and ent.label_ in {"ORG", "GPE", "NORP"})):
                persons.append((ent.start, 2, ent, None))
        for _, _, span, known in sorted(persons, key=lambda p: (p[0], p[1])):
            self.person(span, known)

    def full_name_present(self, name: str, matches: list[tuple[SpacySpan, list[Entry]]]) -> bool:
        return any(e.type == "person" and e.key == name for _, es in matches for e in es)

    def gazetteer_match(self, span: SpacySpan, entries: list[Entry]) -> None:
        if not self.claimed.isdisjoint(range(span.start, span.end)):
            return
        entry = entries[0]
        if entry.type in {"country", "demonym", "capital", "seat"}:
            org_seat = next((e for e in entries if e.type == "org_seat"), None)
            if org_seat and not self.is_place(span):
                self.org_match(span, org_seat)
            else:
                self.state_match(span, entry)
        elif entry.type in {"org", "anaphor", "org_seat"}:
            self.org_match(span, entry)
        elif entry.type in {"region", "region_demonym"}:
            self.region_match(span, entry)


def _to_actor(index: int, draft: Draft, text: str) -> Actor:
    mentions = tuple(Span(s, e, text[s:e]) for s, e in sorted(set(draft.mentions)))
    aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != draft.name))
    return Actor(id=f"a{index}", name=draft.name, kind=draft.kind, country=draft.country, sector=draft.sector,
                 code=actor_code(draft.country, draft.sector), role=draft.role, aliases=aliases, mentions=mentions)


def find_actors(doc: Doc, finder: ActorFinder) -> list[Actor]:
    """Canonical actors of `doc`, numbered in order of first mention."""
    drafts = _Resolver(finder, doc).run()
    text = doc.text  # Doc.text joins every token: read it once
    return [_to_actor(i, d, text) for i, d in enumerate(drafts, start=1)]


@Language.factory("communique_actors", assigns=["doc._.actors", "doc._.mention_actor"],
                  requires=["doc.ents", "token.dep"], default_config={"data_dir": None})
def make_actors_component(nlp: Language, name: str, data_dir: str | None) -> ActorsComponent:
    """spaCy factory: the actors stage, with the shipped gazetteer plus the user's folder `data_dir`."""
    return ActorsComponent(ActorFinder(nlp, load_gazetteer(Path(data_dir) if data_dir else None)))


class ActorsComponent:
    """spaCy component: fill `doc._.actors` and `doc._.mention_actor` ((start, end) -> actor id)."""

    def __init__(self, finder: ActorFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        actors = find_actors(doc, self.finder)
        doc._.actors = actors
        doc._.mention_actor = {(m.start, m.end): a.id for a in actors for m in a.mentions}
        return doc

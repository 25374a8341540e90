"""Gazetteer matching for the actors stage: every surface form of the gazetteer in two PhraseMatchers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..gazetteer import Gazetteer

__all__ = ["ActorFinder", "Entry", "Match"]


@dataclass(frozen=True)
class Entry:
    """What a gazetteer surface form stands for."""

    type: str  # country demonym capital seat org anaphor person short region region_demonym
    key: str


Match = tuple[SpacySpan, list[Entry]]


class ActorFinder:
    """Matches gazetteer entries and resolves candidates into canonical actors for one pipeline."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        """Index `gazetteer` for the vocabulary of `nlp`."""
        self.gaz = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, list[Entry]] = {}
        self.orgs = {o.name: o for o in gazetteer.organizations}
        self.regions = {r.name: r for r in gazetteer.regions}
        self.role_patterns = [(re.compile(rf"\b{re.escape(w)}\b"), len(w), s) for w, s in gazetteer.roles.items()]
        self._index(nlp)

    def _add(self, surface: str, entry: Entry, folded: bool = False) -> None:
        """Index one surface form (case-folded when `folded`)."""
        key = surface.lower() if folded else surface
        self.entries.setdefault(("~" if folded else "") + key, []).append(entry)
        if not folded and surface.startswith("the "):  # "the West" opens a sentence too: "The West imposed…"
            self.entries.setdefault("The " + surface[4:], []).append(entry)

    def _index(self, nlp: Language) -> None:
        """Index every gazetteer surface form and load the matchers."""
        self._index_countries()
        self._index_others()
        for key in self.entries:
            if key.startswith("~"):
                self.folded.add(key, [nlp.make_doc(key[1:])])
            else:
                self.exact.add(key, [nlp.make_doc(key)])

    def _index_countries(self) -> None:
        """Index country names, demonyms, capitals and seats of power."""
        for c in self.gaz.countries.values():
            for s in (c.name, *c.aliases):
                self._add(s, Entry("country", c.iso3))
            for s in c.demonyms:
                self._add(s, Entry("demonym", c.iso3))
            for s in c.capitals:
                self._add(s, Entry("capital", c.iso3))
            for s in c.seats:
                self._add(s, Entry("seat", c.iso3))

    def _index_others(self) -> None:
        """Index organisations, people and regions."""
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
                self._add(s, Entry("region", r.name))
            for s in r.demonyms:
                self._add(s, Entry("region_demonym", r.name))

    def matches(self, doc: Doc) -> list[Match]:
        """Longest non-overlapping gazetteer matches."""
        found = []
        for matcher, prefix in ((self.exact, ""), (self.folded, "~")):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                found.append((doc[start:end], self.entries[label] if label in self.entries else
                              self.entries[prefix + label]))
        # longest first; of two as long, the one without an article ("the West Bank": West Bank, not the West)
        found.sort(key=lambda m: (-(m[0].end - m[0].start), m[0][0].lower_ == "the", m[0].start))
        taken: set[int] = set()
        out = []
        for span, entries in found:
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                out.append((span, entries))
        return sorted(out, key=lambda m: m[0].start)

"""People's names: gazetteer names and the tagger's, then the names the small tagger misses or mislabels (after a
title and its country, after the body its bearer heads, read with a minister's portfolio, begun by a known first
name), each resolved to a person by `actor_people.person`."""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actor_context import Context, entries_of, feast
from .actor_finder import Match
from .actor_people import HONORIFICS, is_title_word, office_of_org, person, short_allowed, title_before

__all__ = ["people_pass"]


def full_name_present(name: str, matches: list[Match]) -> bool:
    """True when the gazetteer person `name` is matched by full name somewhere in the document."""
    return any(e.type == "person" and e.key == name for _, es in matches for e in es)


def _titled_name_after_country(ctx: Context, ent: SpacySpan) -> bool:
    """An entity spaCy read as "Romania Klaus Iohannis" after "President of": a country, then a person's name
    (two or three capitalised words, no organisation word), after a title."""
    rest = ent[1:]
    if ent.label_ not in {"ORG", "GPE", "NORP"} or not 2 <= len(rest) <= 3 or ent.start < 2:
        return False
    if not any(e.type == "country" for e in entries_of(ctx, ent[0].text)):
        return False
    if ctx.doc[ent.start - 1].lower_ != "of" or not is_title_word(ctx, ctx.doc[ent.start - 2].lower_):
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not is_title_word(ctx, t.lower_)
               and not entries_of(ctx, t.text) for t in rest)


NAME_WORDS = range(2, 5)  # a person's name after a title: two to four capitalised words (a hyphen joins two)
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "de", "da", "van", "von"})  # "Tamim bin Hamad Al Thani"


def _names_after_countries(ctx: Context, matches: list[Match]) -> list[SpacySpan]:
    """Names the tagger left unlabelled after a title and its country: "Prime Minister of Albania [Edi Rama]
    stressed…", "President of the Republic of Kazakhstan [Kassym-Jomart Tokayev]"; or between the title and its
    country: "King [Abdullah II] of the Hashemite Kingdom of Jordan". Capitalised proper nouns, none a title word or
    a gazetteer name."""
    out = []
    doc = ctx.doc
    for span, entries in matches:
        if not any(e.type == "country" for e in entries):
            continue
        before = span.start - 1
        if before > 0 and doc[before].lower_ == "the":
            before -= 1
        if before < 1 or doc[before].lower_ != "of":
            continue
        if is_title_word(ctx, doc[before - 1].lower_):
            name = _name_from(ctx, span.end)
            if name is not None:
                out.append(name)
        else:
            first = _name_back(ctx, before)
            if first is not None:
                out.append(doc[first:before])
    return out


def _name_from(ctx: Context, start: int) -> SpacySpan | None:
    """The name that begins at token `start` and ends before a lower-case word or the end of the text."""
    doc, end, words = ctx.doc, start, 0
    while end < len(doc) and words < NAME_WORDS.stop:
        if _name_word(ctx, doc[end]):
            words += 1
        elif not (end > start and end + 1 < len(doc) and _name_word(ctx, doc[end + 1]) and (
                doc[end].text == "-" and not doc[end].whitespace_ or doc[end].lower_ in NAME_PARTICLES)):
            break
        end += 1
    if words not in NAME_WORDS or end < len(doc) and doc[end].text[:1].isupper():
        return None
    return doc[start:end]


def _name_back(ctx: Context, end: int) -> int | None:
    """The first token of a name of one or two words (a regnal number may follow) between a head-of-state title
    and token `end`: "King [Abdullah II] of…", "Emir [Tamim] of…"."""
    doc, i = ctx.doc, end
    while i > 0 and end - i < NAME_WORDS.stop and (_name_word(ctx, doc[i - 1]) or doc[i - 1].text in REGNAL):
        i -= 1
    if i == end or i == 0 or doc[i - 1].lower_ not in MONARCHS:
        return None
    return i


REGNAL = frozenset({"I", "II", "III", "IV", "V", "VI"})
MONARCHS = frozenset({"king", "queen", "emir", "sultan", "sheikh", "prince", "emperor"})


def _name_word(ctx: Context, tok: Token, first: bool = False) -> bool:
    """A capitalised proper noun that is no title word nor a gazetteer name (a `first` name may be one: "Jordan")."""
    low = tok.lower_
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not is_title_word(ctx, low) \
        and not (low.endswith("s") and is_title_word(ctx, low[:-1])) and (first or not entries_of(ctx, tok.text))


# Words that make a capitalised phrase a body, never a person's name.
BODY_WORDS = frozenset({"administration", "ministry", "council", "office", "committee", "service", "agency", "bank",
                        "fund", "group", "company", "corporation", "party", "union", "organisation", "organization",
                        "forces", "army", "guard", "police", "university", "institute", "center", "centre", "court",
                        "assembly", "parliament", "government", "department", "commission", "foundation",
                        "association", "state", "republic", "federation", "kingdom", "region", "oblast", "city"})


def _names_after_bodies(ctx: Context) -> list[SpacySpan]:
    """Names the tagger left unlabelled after a title naming the body it heads: "Head of the Zaporizhzhia Regional
    Military Administration [Oleksandr Starukh]"."""
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ == "ORG" and office_of_org(ctx, ent.end) is not None:
            name = _name_from(ctx, ent.end)
            if name is not None and not any(t.lower_ in BODY_WORDS for t in name):
                out.append(name)
    return out


def _names_after_portfolios(ctx: Context) -> list[SpacySpan]:
    """A name the tagger read with the portfolio before it as one organisation: "Minister of [Economy Yulia
    Svyrydenko]", "Minister of [Foreign Affairs Dmytro Kuleba]": its last two words."""
    doc = ctx.doc
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or not 3 <= len(ent) <= 5 or ent.start < 2 or doc[ent.start - 1].lower_ != "of":
            continue
        if not is_title_word(ctx, doc[ent.start - 2].lower_):
            continue
        name = ent[-2:]
        if all(_name_word(ctx, t) and t.lower_ not in BODY_WORDS for t in name) and \
                not any(t.lower_ in BODY_WORDS for t in ent[:-2]):
            out.append(name)
    return out


def _names_by_first_name(ctx: Context) -> list[SpacySpan]:
    """Names the tagger missed or took for something else that begin with a known first name ("Oleksiy
    Arestovych", "Edi Rama"): a first name of `given_names.csv` and one to three more name words."""
    doc = ctx.doc
    wanted = given_name_ids(ctx.gaz.given_names)
    out = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)):
        tok = doc[int(i)]
        if not _name_word(ctx, tok, first=True):
            continue
        if tok.i > 0 and _name_word(ctx, doc[tok.i - 1]) and doc[tok.i - 1].ent_type_ == "PERSON":
            continue  # inside a name the tagger found
        name = _name_from(ctx, tok.i)
        if name is not None and not any(t.lower_ in BODY_WORDS for t in name):
            out.append(name)
    return out


@lru_cache(maxsize=4)
def given_name_ids(names: frozenset[str]) -> numpy.ndarray:
    """The string ids of lower-case first names, to find them in a document's LOWER column at once."""
    return numpy.array(sorted(get_string_id(n) for n in names), dtype=numpy.uint64)


def _recurring(ctx: Context, names: list[SpacySpan]) -> list[SpacySpan]:
    """The other mentions of names found after titles or tagged once, whatever the tagger made of them elsewhere
    ("Oleksandr Starukh reported…" read as the organisation "Oleksandr", a second "Patriarch Kirill" untagged)."""
    seen = {(n.start, n.end) for n in names}
    text = ctx.doc.text
    longer = [e for e in ctx.doc.ents if e.label_ != "PERSON"]
    out = []
    for name in {n.text for n in names}:
        at = text.find(name)
        while at >= 0:
            span = ctx.doc.char_span(at, at + len(name))
            if span is not None and (span.start, span.end) not in seen and not any(
                    e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in longer):
                out.append(span)  # not inside a longer name ("Delovaya Rossiya National Public Organisation")
            at = text.find(name, at + len(name))
    return out


def _names_taken_for_bodies(ctx: Context, named: set[str]) -> list[SpacySpan]:
    """Names the tagger took for an organisation: after a title ("Head of the Office [Oleksandr Starukh]") or
    elsewhere once the article names that person (`named`: "[Oleksandr Starukh] reported")."""
    names = [e for e in ctx.doc.ents if e.label_ == "ORG" and 2 <= len(e) <= 3 and all(
        _name_word(ctx, t) and t.lower_ not in BODY_WORDS for t in e)]
    titled = {e.text for e in names if title_before(ctx, e.start)[1]} | named
    return [e for e in names if e.text in titled]


def people_pass(ctx: Context, matches: list[Match], gaz_tokens: set[int]) -> None:
    """Resolve every person candidate, gazetteer names first at each position, then spaCy's."""
    persons: list[tuple[int, int, SpacySpan, str | None]] = []
    for span, entries in matches:
        full = next((e.key for e in entries if e.type == "person"), None)
        short = next((e.key for e in entries if e.type == "short"), None)
        if full:
            persons.append((span.start, 0, span, full))
        elif short and _someone_elses_first_name(ctx, span, short):
            persons.append((span.start - 1, 2, ctx.doc[span.start - 1:span.end], None))  # a namesake
        elif short and (short_allowed(ctx, short) or full_name_present(short, matches)):
            persons.append((span.start, 1, span, short))
    for ent in ctx.doc.ents:
        if feast(ent.text) or len(ent) == 1 and is_title_word(ctx, ent[0].lower_):
            continue  # "Emir" tagged as a name: the title of the name that follows
        if len(ent) > 1 and ent[0].lower_ in HONORIFICS and gaz_tokens.isdisjoint(range(ent.start, ent.end)):
            persons.append((ent.start + 1, 2, ent[1:], None))  # "Ms Bokova" taken for an organisation
            continue
        if _titled_name_after_country(ctx, ent):
            persons.append((ent.start + 1, 2, ent[1:], None))  # "President of [Romania Klaus Iohannis]"
            continue
        if gaz_tokens.isdisjoint(range(ent.start, ent.end)) and (
                ent.label_ == "PERSON" or (len(ent) == 1 and ent.label_ in {"ORG", "GPE", "NORP"})):
            persons.append((ent.start, 2, ent, None))
    taken = {(p[2].start, p[2].end) for p in persons}
    found = _names_after_countries(ctx, matches) + _names_after_bodies(ctx) + _names_after_portfolios(ctx)
    found += [n for n in _names_by_first_name(ctx) if not any(f.start <= n.start < f.end for f in found)]
    tagged = [e for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1 and not any(
        t.is_punct for t in e)]  # "Patriarch Kirill", then untagged; never "Lend-Lease"
    found += _recurring(ctx, found + tagged)
    named = {span.text for span in found} | {e.text for e in ctx.doc.ents if e.label_ == "PERSON"}
    persons += [(span.start, 3, span, None) for span in found + _names_taken_for_bodies(ctx, named)
                if (span.start, span.end) not in taken and gaz_tokens.isdisjoint(range(span.start, span.end))]
    # a bare surname waits for the full names, wherever they stand ("Mr Atambayev, …" before "Almazbek Atambayev:")
    spans = {(p[2].start, p[2].end) for p in persons}
    for _, _, span, known in sorted(persons, key=lambda p: (_known_or_long(p), p[0], p[1])):
        if known is not None or len(span) > 1 or not any(a < span.start < b for a, b in spans):
            person(ctx, span, known)  # never "Zhovkva" again inside "Ihor Zhovkva", titled "President … Ihor"


def _someone_elses_first_name(ctx: Context, span: SpacySpan, known: str) -> bool:
    """Whether a known surname follows a first name that is not the known person's: "Oleksiy Kuleba" is not
    Dmytro Kuleba."""
    if span.start == 0:
        return False
    before = ctx.doc[span.start - 1]
    first_names = {w.lower() for name in (known, *ctx.gaz.people[known].aliases) for w in name.split()[:-1]}
    return before.is_title and before.lower_ in ctx.gaz.given_names and before.lower_ not in first_names


def _known_or_long(p: tuple[int, int, SpacySpan, str | None]) -> int:
    """0 for a candidate that names a person fully (a gazetteer entry or more than one word), else 1."""
    return 0 if p[3] is not None or len(p[2]) > 1 else 1

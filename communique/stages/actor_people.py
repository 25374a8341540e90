"""People: names merged by surname variant, roles from gazetteer terms or from the title words before a name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actor_context import Context, Draft, add, entries_of, feast, modifier_code, org_code
from .actor_finder import Match

__all__ = ["national_leaders", "people_pass", "surname_key"]

HEAD_TITLES = {"president", "prime", "premier", "king", "queen", "emir", "sheikh", "chancellor", "sultan", "dictator",
               "minister", "judge", "general", "governor", "commander", "speaker"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady"}
TITLE_EXTRA = {"former", "deputy", "vice", "senior", "chief", "top", "acting", "interim", "special", "foreign",
               "defence", "defense", "prime", "state", "general", "secretary", "minister", "president", "high",
               "representative", "affairs", "interior", "finance", "national", "security", "adviser", "advisor",
               "envoy", "ambassador", "presidential", "press", "sen.", "rep.", "gov.", "lt.", "maj.", "-", "junior",
               "assistant", "ousted", "exiled", "opposition", "trade", "economy", "justice", "army", "military",
               "head", "director", "chairman", "chairwoman", "chair"}


def _fold(text: str) -> str:
    """Lower-case `text` without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def surname_key(name: str) -> str:
    """A key equal for transliteration variants of one surname ("Zelenskiy", "Zelensky", "Zelenskyy")."""
    last = re.split(r"[\s]+", _fold(name).strip())[-1] if name.strip() else ""
    last = re.sub(r"[^a-z-]", "", last)
    return re.sub(r"(iy|yy|ii|ij|y|i)$", "", last) or last


# -- titles ---------------------------------------------------------------------------------------
def _is_title_word(ctx: Context, low: str) -> bool:
    """True for a role word or another word of a title ("deputy", "foreign")."""
    return low in ctx.gaz.roles or low in TITLE_EXTRA


def _title_code(ctx: Context, tok: Token) -> str | None:
    """The country or organisation code a title word names ("French", "NATO")."""
    entries = entries_of(ctx, tok.text)
    return next((e.key for e in entries if e.type in {"demonym", "country"}), None) or next(
        (org_code(ctx, e.key) for e in entries if e.type == "org"), None)


def title_before(ctx: Context, start: int) -> tuple[int, list[str], str | None]:
    """Walk left over title words ("NATO Secretary General"): (new start, role words, country code)."""
    doc, i = ctx.doc, start
    words: list[str] = []
    country: str | None = None
    org_title = False  # a title naming an organisation is the person's, the organisation stays an actor of its own
    while i > 0:
        tok = doc[i - 1]
        low = tok.lower_
        named = _country_words_before(ctx, i)  # "Prime Minister of the Slovak Republic Eduard Heger"
        if named is not None and (words or country is None):
            i, country = named[0], country or named[1]
            continue
        code = _title_code(ctx, tok)
        if code and tok.i not in ctx.claimed:
            country = country or code
        elif low in {"-", "–"} and words and i >= 2 and f"{doc[i - 2].lower_}-{words[0].lower()}" in ctx.gaz.roles:
            words[0] = f"{doc[i - 2].text}-{words[0]}"  # "Director-General", "Secretary-General": one title
            i -= 1
        elif _is_title_word(ctx, low):
            words.insert(0, tok.text)
        elif low in {"of", "for"} and (words or country) and i >= 2 and _is_title_word(ctx, doc[i - 2].lower_):
            if words:
                words.insert(0, tok.text)  # "Secretary of State", "Minister for Europe"
            # else "Prime Minister of Bulgaria Boyko Borissov": the country is his, the title goes on
        elif low in HONORIFICS:
            pass
        elif low in {"'s", "’s"} and i >= 2:
            prev = entries_of(ctx, doc[i - 2].text)
            country = country or next((e.key for e in prev if e.type in {"country", "demonym"}), None)
            break
        elif not words and (office := _office_of_org(ctx, i)) is not None:
            i, words, country = office[0], office[1], country or office[2]
            org_title = True
            continue
        else:
            break
        i -= 1
    while i < start and (doc[i].lower_ in {"-"} or (not words and doc[i].lower_ in HONORIFICS)):
        i += 1
    return (start if org_title else i), words, country


def _office_of_org(ctx: Context, end: int) -> tuple[int, list[str], str | None] | None:
    """A title naming the organisation it heads, ending at token `end` ("Head of the Kharkiv Regional Military
    Administration Oleh Synegubov", "Director of the FBI Christopher Wray"): (the index of the title word after
    which the walk goes on, the title's words from "of", the country the organisation's name gives), else None."""
    doc = ctx.doc
    last = doc[end - 1]
    if last.ent_type_ != "ORG" or end < 4:
        return None
    first = end - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    j = first - 1 if doc[first].lower_ != "the" and doc[first - 1].lower_ == "the" else first
    if j < 2 or doc[j - 1].lower_ not in {"of", "for"} or not _is_title_word(ctx, doc[j - 2].lower_):
        return None
    return j - 1, [t.text for t in doc[j - 1:end]], modifier_code(ctx, list(doc[first:end]))[0]


def _country_words_before(ctx: Context, end: int) -> tuple[int, str] | None:
    """A country named in several words that ends at token `end` after "of" or "of the" ("of the Slovak
    Republic", "of the United Kingdom"): (the index of that "of", the country code), else None."""
    doc = ctx.doc
    for start in range(max(0, end - 4), end - 1):
        code = next((e.key for e in entries_of(ctx, doc[start:end].text) if e.type == "country"), None)
        if code is None or any(t.i in ctx.claimed for t in doc[start:end]):
            continue
        before = start - 1 if start >= 1 and doc[start - 1].lower_ == "the" else start
        if before >= 2 and doc[before - 1].lower_ in {"of", "for"} and _is_title_word(ctx, doc[before - 2].lower_):
            return before, code
    return None


APPOSITION_WORDS = 14  # at most this many words in a title set off by commas after a name


def title_after(ctx: Context, end: int) -> list[str]:
    """The title set off by commas after a name: "Mykhailo Podolyak, Adviser to the Head of the Office of the
    President, said" (its words up to the next comma or the sentence's end), none when it starts with no role."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != "," or not _is_title_word(ctx, doc[end + 1].lower_):
        return []
    words: list[str] = []
    for tok in doc[end + 1:min(len(doc), end + 1 + APPOSITION_WORDS)]:
        if tok.text in {",", ";", "(", ")"} or tok.is_sent_start or tok.pos_ in {"VERB", "AUX"}:
            break
        words.append(tok.text)
    return words if words and words[-1] not in {"of", "the", "and", "to"} else []


def affiliation_after(ctx: Context, end: int) -> str | None:
    """Country or organisation named right after a person ("Rutte from NATO")."""
    doc = ctx.doc
    if end + 1 < len(doc) and doc[end].lower_ in {"from", "of"}:
        for e in entries_of(ctx, doc[end + 1].text):
            if e.type in {"country", "demonym"}:
                return e.key
            if e.type == "org":
                return org_code(ctx, e.key)
    return None


# -- roles and terms ------------------------------------------------------------------------------
def apply_term(ctx: Context, draft: Draft, known: str) -> None:
    """Country, sector and role of the gazetteer person `known` as of the article's date."""
    person = ctx.gaz.people[known]
    term = person.term_at(ctx.published)
    draft.country = term.country if term else person.nationality
    draft.sector = term.sector if term else None
    if term:
        draft.role = term.role
    elif person.terms and ctx.published and person.terms[0].start <= ctx.published:
        past = [t for t in person.terms if t.start <= ctx.published]  # not an office they were yet to hold
        draft.role = f"former {past[-1].role}"


def enrich(ctx: Context, draft: Draft, words: list[str], country: str | None) -> None:
    """Fill what the gazetteer did not know from the title the article gives."""
    if words and draft.role is None:
        draft.role = " ".join(words)
    if draft.country is None and country:
        draft.country = country
    if draft.sector is None and words:
        # "Commander of the Black Sea Fleet": the rank before "of the" says the sector, the body after it does not
        # ("Head of the Regional Military Administration")
        phrase = " ".join(words).lower().split(" of the ")[0]
        hits = [(n, s) for rx, n, s in ctx.finder.role_patterns if rx.search(phrase)]
        if hits:
            draft.sector = max(hits)[1]
        if draft.sector == "IGO" and draft.country in ctx.gaz.countries:
            draft.sector = "GOV"


def short_allowed(ctx: Context, name: str) -> bool:
    """A bare surname from the gazetteer counts only for someone active near the article's date."""
    if ctx.published is None:
        return True
    year = ctx.published.year
    terms = ctx.gaz.people[name].terms
    return any(t.start.year <= year + 1 and (t.end is None or t.end.year >= year - 8) for t in terms)


# -- mentions -------------------------------------------------------------------------------------
def person(ctx: Context, span: SpacySpan, known: str | None) -> None:
    """A person mention: a gazetteer person `known`, or a name spaCy found."""
    start, words, title_country = title_before(ctx, span.start)
    if known is None and len(span) == 1 and not words:
        linked = ctx.surnames.get(surname_key(span.text))
        if linked:
            add(ctx, linked, span.start, span.end)
        elif span.label_ == "PERSON":
            new_person(ctx, span, start, words, title_country, None)
        return
    key = f"person:{known}" if known else ctx.surnames.get(surname_key(span.text)) if len(span) == 1 else None
    if key and key in ctx.drafts:
        add(ctx, key, start, span.end)
        enrich(ctx, ctx.drafts[key], words, title_country or affiliation_after(ctx, span.end))
        return
    new_person(ctx, span, start, words, title_country, known)


def new_person(ctx: Context, span: SpacySpan, start: int, words: list[str], country: str | None,
               known: str | None) -> None:
    """A first mention of a person, from token `start` (its title) to the end of `span`."""
    name = known or span.text
    key = f"person:{name}"
    draft = Draft(key, name, "person")
    if known:
        apply_term(ctx, draft, known)
    enrich(ctx, draft, words or title_after(ctx, span.end), country or affiliation_after(ctx, span.end))
    add(ctx, key, start, span.end, draft)
    ctx.surnames.setdefault(surname_key(name), key)
    if known:
        for alias in (*ctx.gaz.people[known].aliases, *ctx.gaz.people[known].short):
            ctx.surnames.setdefault(surname_key(alias), key)


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
    if ctx.doc[ent.start - 1].lower_ != "of" or not _is_title_word(ctx, ctx.doc[ent.start - 2].lower_):
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and not _is_title_word(ctx, t.lower_)
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
        if _is_title_word(ctx, doc[before - 1].lower_):
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
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not _is_title_word(ctx, low) \
        and not (low.endswith("s") and _is_title_word(ctx, low[:-1])) and (first or not entries_of(ctx, tok.text))


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
        if ent.label_ == "ORG" and _office_of_org(ctx, ent.end) is not None:
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
        if not _is_title_word(ctx, doc[ent.start - 2].lower_):
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
    """The other mentions of names found after titles, whatever the tagger made of them ("Oleksandr Starukh
    reported…" read as the organisation "Oleksandr")."""
    seen = {(n.start, n.end) for n in names}
    text = ctx.doc.text
    out = []
    for name in {n.text for n in names}:
        at = text.find(name)
        while at >= 0:
            span = ctx.doc.char_span(at, at + len(name))
            if span is not None and (span.start, span.end) not in seen:
                out.append(span)
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
        elif short and (short_allowed(ctx, short) or full_name_present(short, matches)):
            persons.append((span.start, 1, span, short))
    for ent in ctx.doc.ents:
        if feast(ent.text) or len(ent) == 1 and _is_title_word(ctx, ent[0].lower_):
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
    found += _recurring(ctx, found)
    named = {span.text for span in found} | {e.text for e in ctx.doc.ents if e.label_ == "PERSON"}
    persons += [(span.start, 3, span, None) for span in found + _names_taken_for_bodies(ctx, named)
                if (span.start, span.end) not in taken and gaz_tokens.isdisjoint(range(span.start, span.end))]
    for _, _, span, known in sorted(persons, key=lambda p: (p[0], p[1])):
        person(ctx, span, known)


def national_leaders(ctx: Context) -> None:
    """Give a head of state with no known country ("President Laurent Gbagbo") the one country their sentence names."""
    # Two countries in the sentence leave it unknown.
    for d in ctx.drafts.values():
        if d.kind != "person" or d.country or not d.role or not set(d.role.lower().split()) & HEAD_TITLES:
            continue
        first = ctx.doc.char_span(*min(d.mentions), alignment_mode="expand")
        if first is None:
            continue
        lo, hi = first.sent.start_char, first.sent.end_char
        codes = {o.country for o in ctx.drafts.values() if o is not d and o.country in ctx.gaz.countries
                 and o.kind != "person" and any(lo <= s < hi for s, _ in o.mentions)}  # not Putin's, who calls him
        if len(codes) == 1:
            d.country = codes.pop()
            d.sector = d.sector or "GOV"

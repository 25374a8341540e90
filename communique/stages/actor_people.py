"""People: names merged by surname variant, roles from gazetteer terms or from the title words before a name."""
from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actor_context import Context, Draft, add, entries_of, modifier_code, org_code

__all__ = ["apply_term", "is_title_word", "national_leaders", "office_of_org", "person", "short_allowed", "surname_key",
           "title_before"]

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
def is_title_word(ctx: Context, low: str) -> bool:
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
        elif is_title_word(ctx, low):
            words.insert(0, tok.text)
        elif low in {"of", "for"} and (words or country) and i >= 2 and is_title_word(ctx, doc[i - 2].lower_):
            if words:
                words.insert(0, tok.text)  # "Secretary of State", "Minister for Europe"
            # else "Prime Minister of Bulgaria Boyko Borissov": the country is his, the title goes on
        elif low in HONORIFICS:
            pass
        elif low in {"'s", "’s"} and i >= 2:
            prev = entries_of(ctx, doc[i - 2].text)
            country = country or next((e.key for e in prev if e.type in {"country", "demonym"}), None)
            break
        elif not words and (office := office_of_org(ctx, i)) is not None:
            i, words, country = office[0], office[1], country or office[2]
            org_title = True
            continue
        elif not words and (portfolio := _portfolio_before(ctx, i)) is not None:
            country = country or named_in(ctx, doc[portfolio:i], orgs=False)  # "Speaker of the United States House"
            i, words = portfolio, [t.text for t in doc[portfolio:i]]  # "Minister for Reintegration of the …"
            continue
        else:
            break
        i -= 1
    while i < start and (doc[i].lower_ in {"-"} or (not words and doc[i].lower_ in HONORIFICS)):
        i += 1
    while words and words[0] in {"-", "–"}:  # "launched - Iryna Vereshchuk": a dash, no title
        words = words[1:]
    return (start if org_title else i), words, country


def office_of_org(ctx: Context, end: int) -> tuple[int, list[str], str | None] | None:
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
    if j < 2 or doc[j - 1].lower_ not in {"of", "for"} or not is_title_word(ctx, doc[j - 2].lower_):
        return None
    return j - 1, [t.text for t in doc[j - 1:end]], modifier_code(ctx, list(doc[first:end]))[0]


PORTFOLIO_WORDS = 10  # at most this many words of a ministry's name after "Minister for"/"Minister of"
PORTFOLIO_LINKS = frozenset({"of", "for", "the", "and", "on", "to"})


def _portfolio_before(ctx: Context, end: int) -> int | None:
    """The start of a minister's portfolio spelled out before his name, ending at token `end`: "Minister for
    Reintegration of the Temporarily Occupied Territories", "Minister of Foreign Affairs" (capitalised words and
    links back to "for"/"of" after a title word); the index of that title word's "for"/"of", else None."""
    doc = ctx.doc
    j = end - 1
    while j > 1 and end - j <= PORTFOLIO_WORDS:
        tok = doc[j]
        if tok.i in ctx.claimed or not (tok.is_title or tok.lower_ in PORTFOLIO_LINKS):
            return None
        if tok.lower_ in {"of", "for"} and is_title_word(ctx, doc[j - 1].lower_) and j < end - 1:
            return j
        j -= 1
    return None


def _country_words_before(ctx: Context, end: int) -> tuple[int, str] | None:
    """A country named in several words that ends at token `end` after "of" or "of the" ("of the Slovak
    Republic", "of the United Kingdom"): (the index of that "of", the country code), else None."""
    doc = ctx.doc
    for start in range(max(0, end - 4), end - 1):
        code = next((e.key for e in entries_of(ctx, doc[start:end].text) if e.type == "country"), None)
        if code is None or any(t.i in ctx.claimed for t in doc[start:end]):
            continue
        before = start - 1 if start >= 1 and doc[start - 1].lower_ == "the" else start
        if before >= 2 and doc[before - 1].lower_ in {"of", "for"} and is_title_word(ctx, doc[before - 2].lower_):
            return before, code
    return None


APPOSITION_WORDS = 14  # at most this many words in a title set off by commas after a name


def title_after(ctx: Context, end: int) -> tuple[list[str], str | None]:
    """The title set off by commas after a name: "Mykhailo Podolyak, Adviser to the Head of the Office of the
    President, said", "Gabriel Boric, the President of Chile, said" (its words up to the next comma or the
    sentence's end, and the state or organisation it names first); none when it starts with no role."""
    doc = ctx.doc
    first = end + 2 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
    if first >= len(doc) or doc[end].text != "," or not is_title_word(ctx, doc[first].lower_):
        return [], None
    toks: list[Token] = []
    for tok in doc[first:min(len(doc), first + APPOSITION_WORDS)]:
        if tok.text in {",", ";", "(", ")"} or tok.is_sent_start or tok.pos_ in {"VERB", "AUX"}:
            break
        toks.append(tok)
    if not toks or toks[-1].lower_ in {"of", "the", "and", "to"}:
        return [], None
    return [t.text for t in toks], named_in(ctx, doc[toks[0].i:toks[-1].i + 1])


def title_before_comma(ctx: Context, span: SpacySpan) -> tuple[list[str], str | None]:
    """The title a name stands in apposition to, set off by a comma before it: "The President of Chile, Gabriel
    Boric, said", "The Chilean President, Gabriel Boric," (the title's words and the state it names first)."""
    doc, root = ctx.doc, span.root
    head = root.head
    if span.start < 2 or doc[span.start - 1].text != "," or root.dep_ != "appos" or head.i >= span.start or \
            not is_title_word(ctx, head.lower_):
        return [], None
    toks = [t for t in doc[head.left_edge.i:span.start - 1] if not t.is_punct]
    while toks and (toks[0].dep_ in {"det", "poss"} or toks[0].lower_ in HONORIFICS):
        toks = toks[1:]
    if not toks:
        return [], None
    return [t.text for t in toks], named_in(ctx, doc[toks[0].i:toks[-1].i + 1])


def named_in(ctx: Context, words: SpacySpan, orgs: bool = True) -> str | None:
    """The first state (in up to three words, "United States") or, with `orgs`, organisation a run of title words
    names."""
    for start in range(len(words)):
        for size in (3, 2, 1):
            part = words[start:start + size]
            if len(part) < size:
                continue
            for e in entries_of(ctx, part.text):
                if e.type in {"country", "demonym"}:
                    return e.key
                if orgs and e.type == "org":
                    return org_code(ctx, e.key)
    return None


AFFILIATION_WORDS = 5  # "of the Hashemite Kingdom of Jordan": how far after "of" a country may come


def affiliation_after(ctx: Context, end: int) -> str | None:
    """Country or organisation named right after a person ("Rutte from NATO"), or the country that ends the
    realm after a monarch's name ("King Abdullah II of the Hashemite Kingdom of Jordan")."""
    doc = ctx.doc
    if end + 1 < len(doc) and doc[end].lower_ in {"from", "of"}:
        for e in entries_of(ctx, doc[end + 1].text):
            if e.type in {"country", "demonym"}:
                return e.key
            if e.type == "org":
                return org_code(ctx, e.key)
        if doc[end].lower_ == "of":
            for tok in doc[end + 1:min(len(doc), end + 1 + AFFILIATION_WORDS)]:
                if tok.pos_ not in {"PROPN", "DET", "ADP"}:
                    break
                code = next((e.key for e in entries_of(ctx, tok.text) if e.type == "country"), None)
                if code is not None:
                    return code
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
    if not words and not title_country:
        words, title_country = title_before_comma(ctx, span)
    if known is None and len(span) == 1 and not words:
        linked = ctx.surnames.get(surname_key(span.text))
        if linked:
            add(ctx, linked, span.start, span.end)
        elif span.label_ == "PERSON" and span[0].pos_ != "ADJ":  # "Humanitarian aid…": a word, not a name
            new_person(ctx, span, start, words, title_country, None)
        return
    key = f"person:{known or span.text}" if known or len(span) > 1 else ctx.surnames.get(surname_key(span.text))
    if key and key in ctx.drafts:  # named again: a title given only now is still theirs
        add(ctx, key, start, span.end)
        after, after_country = title_after(ctx, span.end)
        enrich(ctx, ctx.drafts[key], words or after, title_country or affiliation_after(ctx, span.end) or after_country)
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
    after, after_country = title_after(ctx, span.end)
    enrich(ctx, draft, words or after, country or affiliation_after(ctx, span.end) or after_country)
    add(ctx, key, start, span.end, draft)
    ctx.surnames.setdefault(surname_key(name), key)
    if known:
        for alias in (*ctx.gaz.people[known].aliases, *ctx.gaz.people[known].short):
            ctx.surnames.setdefault(surname_key(alias), key)


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
                 and any(lo <= s < hi for s, _ in o.mentions)}
        if len(codes) == 1:
            d.country = codes.pop()
            d.sector = d.sector or "GOV"

"""States, capitals, places, regions and organisations: gazetteer matches and NER organisations."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..places import find_place, us_state
from .actor_context import Context, Draft, add, country_named, entries_of, modifier_code, org_code
from .actor_finder import Entry

DIRECTIONS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west", "central"}
GENERIC_BODIES = {"security council", "parliament", "national assembly", "constitutional court", "supreme court"}

__all__ = ["DOCUMENT_NOUNS", "GOV_NOUNS", "MIL_NOUNS", "gazetteer_match", "is_place", "names_an_accord", "ner_org",
           "org_draft", "place"]

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from", "into", "via",
               "towards", "toward"}
MOTION_VERBS = {"go", "travel", "fly", "arrive", "return", "come", "head", "move", "trip", "drive", "sail"}
GOV_NOUNS = {"government", "presidency", "administration", "cabinet", "ministry", "foreign ministry",
             "foreign office", "state department", "embassy", "parliament", "authorities", "leadership"}
MIL_NOUNS = {"army", "military", "troops", "forces", "armed forces", "navy", "air force", "soldiers", "defence ministry",
             "defense ministry"}
_SINGULAR_IN_S = {"Belarus", "Cyprus", "Honduras", "Mauritius", "Barbados", "Laos", "Saint Kitts and Nevis"}
_THE_PREFIXES = ("United ", "Republic", "Democratic ", "Czech ", "Central African", "Dominican R", "Holy ", "Gambia")


def _the(name: str) -> str:
    """A country name as a noun phrase: "the United States", "the Netherlands", but "Belarus"."""
    plural = name.endswith(("s", "Islands")) and name not in _SINGULAR_IN_S
    prefixed = name.startswith(_THE_PREFIXES)
    return f"the {name}" if plural or prefixed else name


def country_draft(ctx: Context, iso3: str) -> Draft:
    """A new draft for the country `iso3`."""
    c = ctx.gaz.countries[iso3]
    return Draft(f"country:{iso3}", c.name, "country", iso3)


def government_draft(ctx: Context, iso3: str) -> Draft:
    """A new draft for the government of `iso3`."""
    return Draft(f"gov:{iso3}", f"Government of {_the(ctx.gaz.countries[iso3].name)}", "organization", iso3, "GOV")


def military_draft(ctx: Context, iso3: str) -> Draft:
    """A new draft for the armed forces of `iso3`."""
    return Draft(f"mil:{iso3}", f"Armed forces of {_the(ctx.gaz.countries[iso3].name)}", "organization", iso3, "MIL")


def institution_draft(ctx: Context, iso3: str, sector: str) -> Draft:
    """A new government (GOV) or armed forces (MIL) draft for `iso3`."""
    return military_draft(ctx, iso3) if sector == "MIL" else government_draft(ctx, iso3)


def org_draft(ctx: Context, name: str) -> Draft:
    """A new draft for the gazetteer organisation `name`."""
    o = ctx.finder.orgs[name]
    return Draft(f"org:{name}", o.name, o.kind, o.code, o.sector)


def is_place(span: SpacySpan) -> bool:
    """True when a capital is used as a place ("in Paris"), not as an agent ("Paris said")."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return True
    if span.root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in MOTION_VERBS:
        return True
    return span.root.dep_ == "dobj" and head.lemma_ == "visit"


DOCUMENT_NOUNS = frozenset({"agreement", "agreements", "accord", "accords", "package", "protocol", "declaration",
                            "memorandum", "convention", "communique", "statute", "treaty"})
ACCORD_NOUNS = DOCUMENT_NOUNS | {"format", "process", "group"}  # what a capital's name may only label


def names_an_accord(span: SpacySpan, nouns: frozenset[str] = ACCORD_NOUNS) -> bool:
    """True when a name only labels an accord or a format (one of `nouns`) after the city it was made in ("the
    Minsk Package", "the Astana format", "the Paris Agreement")."""
    root = span.root
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.lower_ in nouns


def institution_after(ctx: Context, span: SpacySpan) -> tuple[int, str] | None:
    """(end token, sector) when a demonym or country is followed by an institution noun ("French Presidency")."""
    doc = ctx.doc
    for n in (2, 1):
        if span.end + n > len(doc):
            continue
        words = doc[span.end:span.end + n].text.lower()
        if words in GOV_NOUNS:
            return span.end + n, "GOV"
        if words in MIL_NOUNS:
            return span.end + n, "MIL"
    return None


def place(ctx: Context, span: SpacySpan, iso3: str | None, name: str | None = None) -> None:
    """Record `span` as a location in the country `iso3` (named `name` when the text spells it otherwise:
    "ODESA" in a dateline is Odesa)."""
    name = name or span.text
    add(ctx, f"place:{name}", span.start, span.end, Draft(f"place:{name}", name, "location", iso3))


def _part_of_country(ctx: Context, span: SpacySpan) -> bool:
    """"South Lebanon", "Eastern Ukraine": a region of the country, a place rather than the state."""
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in DIRECTIONS and before.text[:1].isupper()


def _owner_country(ctx: Context, span: SpacySpan) -> str | None:
    """The country a generic body belongs to: "Russia's Security Council", "the Ukrainian Parliament"."""
    doc = ctx.doc
    if span.start >= 2 and doc[span.start - 1].text in {"'s", "’s"}:
        owner = doc[span.start - 2].text
    elif span.start >= 1:
        owner = doc[span.start - 1].text
    else:
        return None
    return country_named(ctx, [owner])


UN_NAMES = ("U.N.", "United Nations")  # and the token "UN"


def _home_body(ctx: Context) -> str | None:
    """The publishing state of a government's own release, for a generic body it names bare ("the Security
    Council" in a Kremlin release), unless the release speaks of the United Nations at all."""
    un = any(name in ctx.doc.text for name in UN_NAMES) or any(t.text == "UN" for t in ctx.doc)
    return None if un else ctx.gaz.publisher_country(ctx.doc._.url)


def _national_body(ctx: Context, country: str, words: str) -> str | None:
    """The gazetteer's body of `country` whose name holds `words` ("Security Council of Russia"), if any."""
    return next((o.name for o in ctx.finder.orgs.values() if o.code == country and o.kind == "organization"
                 and words.lower() in o.name.lower()), None)


def _american_state(ctx: Context, span: SpacySpan) -> bool:
    """A country's name used for the US state of that name: after "state of" or "US state", or after one of that
    state's towns ("Atlanta, Georgia")."""
    state = us_state(span.text)
    if state is None or span.start == 0:
        return False
    before = ctx.doc[max(0, span.start - 4):span.start].text.lower()
    if before.endswith(("state of", "u.s. state", "us state", "american state")):
        return True
    if ctx.doc[span.start - 1].text != "," or span.start < 2:
        return False
    town = find_place(ctx.doc[span.start - 2].text, ["USA"])
    return town is not None and town.country == "USA" and town.admin1 == state.admin1


def state_match(ctx: Context, span: SpacySpan, entry: Entry) -> None:
    """A country, demonym, capital or seat of power: the state, its government, its people or a place."""
    iso3 = entry.key
    if entry.type == "country" and _american_state(ctx, span):
        place(ctx, span, "USA")  # "Atlanta, Georgia", "the US state of Georgia": not the country
        return
    if entry.type == "country" and _part_of_country(ctx, span):
        start = span.start - 1
        key = f"place:{ctx.doc[start:span.end].text.lower()}"
        add(ctx, key, start, span.end, Draft(key, ctx.doc[start:span.end].text, "location", iso3))
        return
    inst = institution_after(ctx, span) if entry.type in {"demonym", "country"} else None
    if inst is not None:
        end, sector = inst
        start = span.start - 1 if span.start > 0 and ctx.doc[span.start - 1].lower_ == "the" else span.start
        make = institution_draft(ctx, iso3, sector)
        add(ctx, make.key, start, end, make)
        return
    if entry.type == "seat":
        add(ctx, f"gov:{iso3}", span.start, span.end, government_draft(ctx, iso3))
    elif entry.type == "capital":
        if names_an_accord(span):
            return  # "the Minsk agreements", "the Astana format": a name, neither the government nor a place
        if is_place(span):
            place(ctx, span, iso3)
        else:
            add(ctx, f"gov:{iso3}", span.start, span.end, government_draft(ctx, iso3))
    elif entry.type == "demonym" and span.root.tag_ in {"NNS", "NNPS"} and span.text.endswith("s"):
        add(ctx, f"people:{iso3}", span.start, span.end, Draft(f"people:{iso3}", span.text, "group", iso3))
    else:
        add(ctx, f"country:{iso3}", span.start, span.end, country_draft(ctx, iso3))


def org_match(ctx: Context, span: SpacySpan, entry: Entry) -> None:
    """An organisation, its anaphor ("the alliance") or its seat ("Brussels" as the EU, or as a place)."""
    if entry.type == "org_seat" and is_place(span):
        iso3 = next((e.key for e in entries_of(ctx, span.text) if e.type == "capital"), None)
        place(ctx, span, iso3)
        return
    if entry.type == "anaphor" and f"org:{entry.key}" not in ctx.drafts:
        return
    generic = span.text.lower() in GENERIC_BODIES
    owner = None
    if generic:  # "the CSTO Collective Security Council" is another body, whoever publishes
        owner = _owner_country(ctx, span) or (None if _named_body(ctx, span) else _home_body(ctx))
    own = _national_body(ctx, owner, span.text) if owner else None
    if own is not None:  # a government's own release: "the Security Council" is its state's
        add(ctx, f"org:{own}", span.start, span.end, org_draft(ctx, own))
        return
    if owner is not None:  # "Russia's Security Council" is Russia's, not the UN's
        country = ctx.gaz.countries.get(owner)
        key = f"body:{owner}:{span.text.lower()}"
        name = f"{span.text} of {country.name if country else owner}"
        add(ctx, key, span.start, span.end, Draft(key, name, "organization", owner, "GOV"))
        return
    if generic and _named_body(ctx, span):
        return  # "the CSTO Collective Security Council", "the National Security Council": another body
    add(ctx, f"org:{entry.key}", span.start, span.end, org_draft(ctx, entry.key))


def _named_body(ctx: Context, span: SpacySpan) -> bool:
    """Whether a generic body's name goes on to the left with a capitalised word that is no country: "Collective
    Security Council", "National Security Council" (never "the UN Security Council", matched whole)."""
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and before.is_alpha


def region_match(ctx: Context, span: SpacySpan, entry: Entry) -> None:
    """A world region as a location, or its people ("Europeans") as a group."""
    region = ctx.finder.regions[entry.key]
    if entry.type == "region_demonym" and span.root.tag_ in {"NNS", "NNPS"}:
        key = f"people:{region.code}"
        add(ctx, key, span.start, span.end, Draft(key, span.text, "group", region.code))
    else:
        key = f"region:{region.name}"
        add(ctx, key, span.start, span.end, Draft(key, region.name, region.kind, region.code))


def gazetteer_match(ctx: Context, span: SpacySpan, entries: list[Entry]) -> None:
    """Resolve one unclaimed gazetteer match by its first entry's type."""
    if not ctx.claimed.isdisjoint(range(span.start, span.end)):
        return
    entry = entries[0]
    if entry.type in {"country", "demonym", "capital", "seat"}:
        org_seat = next((e for e in entries if e.type == "org_seat"), None)
        if org_seat and not is_place(span):
            org_match(ctx, span, org_seat)
        else:
            state_match(ctx, span, entry)
    elif entry.type in {"org", "anaphor", "org_seat"}:
        org_match(ctx, span, entry)
    elif entry.type in {"region", "region_demonym"}:
        region_match(ctx, span, entry)


def ner_org(ctx: Context, ent: SpacySpan) -> None:
    """An organisation spaCy found: a state's government or armed forces, or an organisation of its own."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if start >= ent.end:
        return
    code, org = modifier_code(ctx, list(ent))
    text = ctx.doc[start:ent.end].text
    lower = text.lower()
    sector = "MIL" if any(n in lower for n in MIL_NOUNS) else "GOV" if any(n in lower for n in GOV_NOUNS) else None
    if code in ctx.gaz.countries and sector:
        make = institution_draft(ctx, code, sector)
        add(ctx, make.key, start, ent.end, make)
        return
    key = "org:" + text
    add(ctx, key, start, ent.end, Draft(key, text, "organization", code or (org_code(ctx, org) if org else None),
                                        sector))

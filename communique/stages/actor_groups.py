"""Anonymous sources ("two senior officials") and named groups ("EU leaders") from noun chunks."""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .actor_context import Context, Draft, add, modifier_code, org_code
from .actor_states import org_draft

__all__ = ["noun_phrase", "public_countries"]

ANON_HEADS = {"official", "officials", "diplomat", "diplomats", "source", "sources", "person", "people", "aide",
              "aides", "insider", "insiders", "governments", "government", "general", "generals", "commander",
              "commanders", "officer", "officers", "spokesman", "spokeswoman", "spokesperson", "envoy", "envoys",
              "negotiator", "negotiators", "analyst", "analysts", "lawmaker", "lawmakers"}
GROUP_HEADS = {"leaders", "ministers", "allies", "partners", "members", "countries", "nations", "states"}
OFFICIAL_COMPOUNDS = {"government", "administration", "military", "security", "intelligence", "defence", "defense",
                      "police", "army", "state", "ministry", "foreign", "embassy", "cabinet", "presidential",
                      "palace", "party", "kremlin", "pentagon", "coalition", "alliance", "union", "western"}
QUANTIFIERS = {"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other", "senior", "few"}
DEFINITES = {"the", "these", "those", "his", "her", "their", "its", "our", "this", "that"}
# Unnamed perpetrators of violence, actors whatever their determiner ("gunmen", "the invaders"), with the
# sector their name gives (None when it says nothing of who they are).
ARMED_HEADS = {"gunman": None, "gunmen": None, "attacker": None, "attackers": None, "assailant": None,
               "assailants": None, "bomber": None, "bombers": None, "militant": "REB", "militants": "REB",
               "rebel": "REB", "rebels": "REB", "insurgent": "REB", "insurgents": "REB", "separatist": "REB",
               "separatists": "REB", "jihadist": "REB", "jihadists": "REB", "terrorist": "REB", "terrorists": "REB",
               "invader": "MIL", "invaders": "MIL", "occupier": "MIL", "occupiers": "MIL"}
MEDIA_HEADS = {"journalists", "reporters", "correspondents", "newsmen"}  # "spoke with Ukrainian journalists"
# The public a state acts for or upon, named as a group ("the civilians of Mariupol", "Ukrainian businessmen"),
# with the sector CAMEO gives it.
PUBLIC_HEADS = {"civilians": "CVL", "residents": "CVL", "citizens": "CVL", "pensioners": "CVL", "families": "CVL",
                "refugees": "REF", "businessmen": "BUS", "entrepreneurs": "BUS", "businesspeople": "BUS"}
ARMED_UNITS = {"group", "groups", "formation", "formations", "gang", "gangs", "organisation", "organisations",
               "organization", "organizations", "cell", "cells"}  # "illegal armed groups", "terrorist cells"
# Words that make a unit an armed one, with the sector they give: "armed groups", "terrorist organisations".
ARMED_MODIFIERS = {"armed": None, "terrorist": "REB", "extremist": "REB", "militant": "REB", "jihadist": "REB",
                   "rebel": "REB", "insurgent": "REB", "paramilitary": "REB"}


def noun_phrase(ctx: Context, chunk: SpacySpan) -> None:
    """A noun chunk headed by a group noun or an anonymous-source noun."""
    root = chunk.root
    low = root.lower_
    dets = {t.lower_ for t in chunk if t.i < root.i}
    mods = [t for t in chunk if t.i < root.i]
    if low in ARMED_HEADS or low in ARMED_UNITS and any(t.lower_ in ARMED_MODIFIERS for t in mods):
        armed(ctx, chunk, mods)
    elif low in GROUP_HEADS:
        group(ctx, chunk, mods)
    elif low in MEDIA_HEADS:
        media(ctx, chunk, mods)
    elif low in PUBLIC_HEADS:
        public(ctx, chunk, mods)
    elif low in ANON_HEADS and anonymous_shape(ctx, root, dets):
        anonymous(ctx, chunk, mods)


def anonymous_shape(ctx: Context, root: Token, dets: set[str]) -> bool:
    """True when the head `root` with determiners `dets` reads as an unnamed source ("officials said")."""
    if dets & DEFINITES:
        return False
    plural = root.tag_ in {"NNS", "NNPS"} or root.lower_ == "people"
    if root.lower_ in {"person", "people"}:
        return bool(dets & QUANTIFIERS) and any(c.dep_ in {"relcl", "acl", "amod"} for c in root.children) or \
            any(c.lower_ == "familiar" for c in root.subtree)
    if root.lower_ == "government":
        return bool(dets & {"a", "an", "one"})
    compounds = [c for c in root.children if c.dep_ == "compound" and c.i < root.i]
    if any(c.lower_ not in OFFICIAL_COMPOUNDS and not ctx.finder.entries.get(c.text) for c in compounds):
        return False  # "election officials" are people acted upon, not a source
    return plural or bool(dets & QUANTIFIERS)


def _anonymous_end(ctx: Context, root: Token, start: int, end: int) -> int:
    """Extend a described source ("people familiar with the talks") over its modifiers, within the sentence."""
    if root.lower_ in {"person", "people", "source", "sources"} or any(
            c.dep_ in {"relcl", "acl", "amod"} and c.i > root.i for c in root.children):
        sent_end = root.sent.end
        end = min(max(end, root.right_edge.i + 1), sent_end)
        while end > start + 1 and ctx.doc[end - 1].is_punct:
            end -= 1
    return end


def anonymous(ctx: Context, chunk: SpacySpan, mods: list[Token]) -> None:
    """Record an anonymous source, keyed by its words without the quantifier."""
    root = chunk.root
    start = chunk.start + (1 if chunk[0].lower_ == "the" else 0)
    end = _anonymous_end(ctx, root, start, chunk.end)
    code, org = modifier_code(ctx, mods)
    code = code or (org_code(ctx, org) if org else None)
    text = ctx.doc[start:end].text
    key = "anon:" + re.sub(r"^(an?|one|two|three|several|some)\s+", "", text.lower())
    sector = ctx.gaz.roles.get(root.lemma_.lower()) or (
        "GOV" if root.lemma_ in {"official", "diplomat", "government", "aide"} else None)
    add(ctx, key, start, end, Draft(key, text, "anonymous", code, sector))


def armed(ctx: Context, chunk: SpacySpan, mods: list[Token]) -> None:
    """An unnamed perpetrator ("gunmen", "a suicide bomber", "the Russian invaders"): one actor per kind and
    country in the article, carrying the country its words give."""
    root = chunk.root
    where = [t for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "from"}
             for g in c.children if g.dep_ == "pobj" for t in g.subtree]  # "rebels in Darfur"
    code, _ = modifier_code(ctx, mods)
    code = code or modifier_code(ctx, where)[0]
    start = next((t.i for t in chunk if t.lower_ not in DEFINITES | QUANTIFIERS), chunk.start)
    text = ctx.doc[start:chunk.end].text
    key = f"armed:{root.lemma_.lower()}:{code or ''}"
    sector = ARMED_HEADS.get(root.lower_) or next((ARMED_MODIFIERS[t.lower_] for t in mods
                                                    if ARMED_MODIFIERS.get(t.lower_)), None)
    add(ctx, key, start, chunk.end, Draft(key, text, "group", code, sector))


def media(ctx: Context, chunk: SpacySpan, mods: list[Token]) -> None:
    """Journalists as a group ("international and Ukrainian journalists", "foreign reporters"): one actor per
    country in the article, sector MED, whom a leader speaks to or answers."""
    code, _ = modifier_code(ctx, mods)
    start = next((t.i for t in chunk if t.lower_ not in DEFINITES | QUANTIFIERS), chunk.start)
    if start >= chunk.end:
        return
    text = ctx.doc[start:chunk.end].text
    add(ctx, f"media:{code or ''}", start, chunk.end, Draft(f"media:{code or ''}", text, "group", code, "MED"))


def public(ctx: Context, chunk: SpacySpan, mods: list[Token]) -> None:
    """Civilians, residents, businessmen… as one group per kind and country ("Ukrainian civilians", "the residents
    of Mariupol"): whom shelling, aid or a meeting is for, carrying the country its words give."""
    root = chunk.root
    where = [t for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "from"}
             for g in c.children if g.dep_ == "pobj" for t in g.subtree]  # "residents of Kharkiv"
    code = modifier_code(ctx, mods)[0] or modifier_code(ctx, where)[0]
    start = next((t.i for t in chunk if t.lower_ not in DEFINITES | QUANTIFIERS), chunk.start)
    if start >= chunk.end:
        return
    key = f"public:{root.lower_}:{code or ''}"
    add(ctx, key, start, chunk.end, Draft(key, ctx.doc[start:chunk.end].text, "group", code, PUBLIC_HEADS[root.lower_]))


def public_countries(ctx: Context) -> None:
    """Give civilians, residents or families whose words name no country the one country the towns and regions of
    their sentence are in ("the killings of civilians in Bucha", "help the families of those killed in
    St Petersburg"), else of the sentence before; none when those name two countries or none."""
    sentences = list(ctx.doc.sents)
    for d in ctx.drafts.values():
        if not d.key.startswith("public:") or d.country:
            continue
        first = ctx.doc.char_span(*min(d.mentions), alignment_mode="expand")
        if first is None:
            continue
        n = next(k for k, s in enumerate(sentences) if s.start <= first.start < s.end)
        for sent in (sentences[n], sentences[n - 1] if n else None):
            if sent is None:
                break
            codes = {o.country for o in ctx.drafts.values() if o.kind == "location" and o.country and
                     o.country in ctx.gaz.countries and any(sent.start_char <= s < sent.end_char for s, _ in o.mentions)}
            if codes:
                d.country = codes.pop() if len(codes) == 1 else None
                break


def group(ctx: Context, chunk: SpacySpan, mods: list[Token]) -> None:
    """A group named by an organisation or a country ("NATO allies", "European leaders"), else maybe a source."""
    code, org = modifier_code(ctx, mods)
    start = chunk.start + (1 if chunk[0].lower_ == "the" else 0)
    if org:
        add(ctx, f"org:{org}", start, chunk.end, org_draft(ctx, org))
    elif code:
        text = ctx.doc[start:chunk.end].text
        key = "group:" + text.lower()
        add(ctx, key, start, chunk.end, Draft(key, text, "group", code))
    elif {t.lower_ for t in mods} & (QUANTIFIERS - {"other"}) and chunk.root.tag_ == "NNS":
        anonymous(ctx, chunk, mods)  # "some leaders", "several ministers": unnamed, but someone
    elif chunk.root.lower_ in PARTNER_HEADS and all(t.lower_ in PARTNER_MODS | DEFINITES for t in mods):
        partners(ctx, chunk)


# Partners and allies a speaker counts on without naming them ("our partners", "international partners") are one
# collective actor; "trade partners" or "business partners" are not who a state deals with.
PARTNER_HEADS = frozenset({"partners", "allies"})
PARTNER_MODS = frozenset({"international", "foreign", "strategic", "key", "reliable", "close", "closest", "all",
                          "other", "many"})


def partners(ctx: Context, chunk: SpacySpan) -> None:
    """Unnamed partners or allies: one collective actor per head word, with no country of its own."""
    start = next((t.i for t in chunk if t.lower_ not in DEFINITES | {"all", "many", "other"}), chunk.end - 1)
    key = "group:" + chunk.root.lower_
    add(ctx, key, start, chunk.end, Draft(key, ctx.doc[start:chunk.end].text, "group", None))

"""The author of an article that is one person's own words: an address, a speech, an interview, a statement.

"Address by President Volodymyr Zelenskyy", "Speech by the President of Ukraine in the Verkhovna Rada",
"Vladimir Putin's address to…": the title says whose words follow, and the text then says "I", "me" and "my"
without ever naming them. Those pronouns, outside quotation marks, are mentions of the author (and "we", "our"
of the author's state, when the author holds office in one): the person the title names (in the gazetteer,
else among the article's people), else the gazetteer's holder of the office it names on the article's date
("the President of Ukraine"), else the one person the lead names.

A transcript gives each turn its speaker ("Pavel Zarubin: Mr President, … ? Vladimir Putin: I think…"): there the
pronouns of a turn are its speaker's, whatever the title says.
"""
from __future__ import annotations

import re

from .actor_context import Context, Draft, add, country_named
from .actor_offices import holder_on_date
from .actor_people import apply_term
from .actor_states import country_draft
from .roles import SELF, own_words
from .spans import doc_text

__all__ = ["author_pass", "title_of"]

OURS = frozenset({"we", "us", "our", "ours", "ourselves"})  # a state's leader speaking: his state
FIRST_PERSON = SELF | OURS
QUOTED = re.compile(r"[“\"«][^”\"»\n]*[”\"»]")
OFFICE = re.compile(r"\b(President|Prime Minister|Chancellor)\s+of\s+(?:the\s+)?([A-Z][\w ]+?)(?=\s+(?:on|in|at|to|"
                    r"for|during|before|after|and|,)\b|[,:.]|$)")
# A turn's speaker label: a name at the start of the text or of a line, or right after a sentence's end or a
# section's mark ("* * * President of Russia Vladimir Putin: …").
TURN = re.compile(r"(?:^|\n|(?<=[.?!…”\"]\s)|(?<=\* \*\s)|(?<=\* \*\s\s))((?:(?:[A-Z][\w.’'\-]+|of|the) ){0,6}"
                  r"[A-Z][\w.’'\-]+)"
                  r"(?: \([a-z][\w ]{0,28}\))?:\s")  # "Viktor Orban (retranslated): …"
TITLE_LINE = 200  # a first line this short, followed by a blank line, is the title of a text given without one


def title_of(ctx: Context) -> str:
    """The article's title: the one given with it, else a short first line set off by a blank line."""
    given = ctx.doc._.title
    if given:
        return str(given)
    text = doc_text(ctx.doc)
    end = text.find("\n\n")
    return text[:end] if 0 < end <= TITLE_LINE else ""


def _named_in_title(ctx: Context, title: str) -> Draft | None:
    """The one person the title names: a gazetteer person by a name or alias, else a person of the article."""
    known = {name for name, p in ctx.gaz.people.items()
             if any(re.search(rf"\b{re.escape(n)}\b", title) for n in (name, *p.aliases, *p.short))}
    if len(known) == 1:
        name = known.pop()
        draft = ctx.drafts.get(f"person:{name}") or Draft(f"person:{name}", name, "person")
        if draft.role is None:
            apply_term(ctx, draft, name)
        return draft
    found = [d for d in ctx.drafts.values() if d.kind == "person" and d.name.split()[-1] in title]
    return found[0] if len(found) == 1 else None


def _office_in_title(ctx: Context, title: str) -> Draft | None:
    """The gazetteer's holder, on the article's date, of the office the title names ("the President of Ukraine")."""
    m = OFFICE.search(title)
    country = country_named(ctx, [m.group(2).strip()]) if m is not None and ctx.published is not None else None
    holder = holder_on_date(ctx, {m.group(1).lower()}, country) if m is not None and country is not None else None
    return ctx.drafts.get(holder.key) or holder if holder is not None else None


def _named_in_lead(ctx: Context) -> Draft | None:
    """The one person the text's first paragraph names."""
    lead_end = doc_text(ctx.doc).find("\n\n")
    found = [d for d in ctx.drafts.values() if d.kind == "person" and any(s < lead_end for s, _ in d.mentions)]
    return found[0] if lead_end > 0 and len(found) == 1 else None


def _turns(ctx: Context) -> list[tuple[int, Draft | None]]:
    """Where each transcript turn starts and who speaks it (None: someone the article does not name as a person)."""
    out: list[tuple[int, Draft | None]] = []
    for m in TURN.finditer(doc_text(ctx.doc)):
        start, end = m.span(1)
        surname = m.group(1).split()[-1]
        who = next((d for d in ctx.drafts.values() if d.kind == "person" and (
            any(s < end and start < e for s, e in d.mentions) or d.name.split()[-1] == surname)), None)
        out.append((m.end(), who))
    return out if len(out) > 1 else []


def author_pass(ctx: Context) -> None:
    """Record the first-person pronouns outside quotations as mentions of whoever says them: the speaker of their
    transcript turn, else the article's author when its title says it is one person's own words (run last: it
    may add a person the text never names)."""
    title = title_of(ctx)
    draft = None
    if own_words(title):
        draft = _named_in_title(ctx, title) or _office_in_title(ctx, title) or _named_in_lead(ctx)
    turns = _turns(ctx)
    if draft is None and not turns:
        return
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc_text(ctx.doc))]
    for tok in ctx.doc:
        if tok.lower_ not in FIRST_PERSON or tok.pos_ != "PRON" or any(s <= tok.idx < e for s, e in quoted):
            continue
        turn = [who for at, who in turns if at <= tok.idx]
        who = turn[-1] if turn else draft
        if who is not None and tok.lower_ in SELF:
            add(ctx, who.key, tok.i, tok.i + 1, who)
        elif who is not None and who.country in ctx.gaz.countries and who.sector == "GOV":
            key = f"country:{who.country}"
            add(ctx, key, tok.i, tok.i + 1, ctx.drafts.get(key) or country_draft(ctx, who.country))

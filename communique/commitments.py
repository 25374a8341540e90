"""Commitments: who promised what to whom, on which condition, and what became of it.

Built from event records, never from the text alone: a pledge or offer (an AGREE, AID, SUPPORT, COOPERATE,
MOBILIZE or SANCTION event that is expected, intended or conditional, or asserted with a promise word), a
delivery (the same asserted with a delivery word), a refusal or a withdrawal (REJECT, denied modality, or a
withdrawal word) becomes one *mention* when its clause says what kind of thing is promised (the word lists of
`data/commitment_words.csv`). Mentions of the same holder, beneficiary and kind, with amounts that agree or
are absent, within a year of each other, are one *commitment*; its status follows its latest mention.

The same functions serve one record (`mentions_in`, for the brief and the gold) and the store (which builds
`EventView`s from its rows)."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from .amounts import Amount, amounts_in, to_eur
from .gazetteer import data_rows
from .records import Event, Record

__all__ = [
    "KINDS",
    "STATUSES",
    "Commitment",
    "EventView",
    "Mention",
    "Party",
    "classify",
    "collect",
    "counterparts",
    "make_commitment",
    "mentions_in",
    "thread",
    "thread_key",
]

KINDS = ("security_guarantee", "troops", "military_aid", "financial_aid", "humanitarian_aid", "sanctions", "talks",
         "other")
STATUSES = ("stated", "conditional", "restated", "narrowed", "withdrawn", "denied", "delivered")
PLEDGE_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE", "MOBILIZE", "SANCTION", "REJECT", "RETREAT"})
PROMISED = frozenset({"expected", "intended", "hypothetical"})
# kinds a government may promise its own people ("help the families of the victims"); any other promise to
# one's own country is a thanker taken for the donor, or home policy
DOMESTIC = frozenset({"humanitarian_aid"})
# kinds whose promise means little without a receiver: kept with none only as a refusal ("did not commit"), on a
# stated condition, or beside a mention of the same article that names one ("Norway pledges aid" over "… will
# provide Ukraine with")
NEEDS_RECEIVER = frozenset({"military_aid", "financial_aid", "troops", "security_guarantee"})
WINDOW_DAYS = 365
LEAD_CHARS = 60  # how far before the trigger a word still tells what is promised
_CLAUSE_END = re.compile(r"[,;:!?\"”]|\.(?!\d)")  # "1.2 billion" goes on
_PRONOUN = re.compile(r"\b(them|it|this|these|those|such|so)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Party:
    """A holder or beneficiary: the actor's id (the record's or the store's), name and country."""

    id: str
    name: str
    country: str | None = None
    kind: str | None = None  # the actor's: person, country, organization, group…

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "kind": self.kind}


@dataclass(frozen=True)
class EventView:
    """What classifying an event needs, from a record or from the store alike."""

    document: str
    event: str
    type: str
    modality: str
    trigger: str
    trigger_start: int
    sentence_idx: int
    sentence: str
    sentence_start: int
    previous: str
    condition: str | None
    holder: Party | None
    beneficiary: Party | None
    date: str | None
    source_type: str
    title: str | None = None
    url: str | None = None
    partners: tuple[Party, ...] = ()  # the holder's co-sources: with no target, each other's counterpart
    counterparts: tuple[Party, ...] = ()  # who the article's talks were with, most often first
    place: Party | None = None  # where the act is done ("evacuation from Mariupol"): whom humanitarian help is for


@dataclass(frozen=True)
class Mention:
    """One sentence's word on a commitment."""

    document: str
    event: str
    sentence_idx: int
    sentence: str
    date: str | None
    modality: str
    source_type: str
    holder: Party
    beneficiary: Party | None
    kind: str
    what: str
    status: str
    condition: str | None = None
    amount: Amount | None = None
    eur: float | None = None
    trigger_start: int = 0
    title: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "event": self.event, "sentence": self.sentence.strip(),
                "sentence_idx": self.sentence_idx, "date": self.date, "modality": self.modality,
                "source_type": self.source_type, "holder": self.holder.to_dict(),
                "beneficiary": self.beneficiary.to_dict() if self.beneficiary else None, "kind": self.kind,
                "what": self.what, "status": self.status, "condition": self.condition,
                "amount": self.amount.to_dict(self.eur) if self.amount else None, "title": self.title,
                "url": self.url}


@dataclass(frozen=True)
class Commitment:
    """Mentions of one promise across articles, oldest first, and where it stands after the latest."""

    id: str
    holder: Party
    beneficiary: Party | None
    kind: str
    what: str
    status: str
    condition: str | None
    amount: Amount | None
    eur: float | None
    first_stated: str | None
    last_seen: str | None
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    count: int = 0  # how many mentions, when a list leaves them out

    @property
    def mention_count(self) -> int:
        return len(self.mentions) or self.count

    def to_dict(self, history: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "holder": self.holder.to_dict(),
               "beneficiary": self.beneficiary.to_dict() if self.beneficiary else None, "kind": self.kind,
               "what": self.what, "amount": self.amount.to_dict(self.eur) if self.amount else None,
               "condition": self.condition, "status": self.status, "first_stated": self.first_stated,
               "last_seen": self.last_seen, "mention_count": self.mention_count}
        if history:
            out["mentions"] = [m.to_dict() for m in self.mentions]
        return out


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for _, row in data_rows("commitment_words.csv", None):
        grouped[row["group"].strip()].append(row["word"].strip().lower())
    return dict(grouped)


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a list of words and phrases, whole words only, the longest tried first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _groups() -> dict[str, re.Pattern[str]]:
    return {g: _alternation(ws) for g, ws in _words().items()}


@lru_cache(maxsize=1)
def _kind_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every kind's words in one pattern, and the kind of each word."""
    of: dict[str, str] = {}
    for kind in KINDS:
        for w in _words().get(kind, []):
            of.setdefault(w, kind)
    return _alternation(of), of


def _has(group: str, text: str) -> bool:
    return _groups()[group].search(text) is not None


_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
_CIRCUMSTANCE = re.compile(r"\b(during|at|after|following|before|on the sidelines of|in the course of)\s+"
                           r"(the\s+|a\s+|an\s+|their\s+|his\s+|her\s+|its\s+)?([\w-]+\s+){0,3}$", re.IGNORECASE)


def _kind(text: str, anchor: int) -> str | None:
    """The kind whose word lies nearest the trigger (at `anchor`) in `text`, words after it first; talks that
    are only the occasion ("agreed during the April meeting") are not what was promised."""
    best: tuple[int, int, str] | None = None
    pattern, of = _kind_words()
    for m in pattern.finditer(text):
        kind = of[m.group(0).lower()]
        if kind == "talks" and _CIRCUMSTANCE.search(text[max(0, m.start() - 60):m.start()]):
            continue
        if m.start() <= anchor < m.end():  # the trigger's own words ("military aid" around "aid")
            distance = 0
        else:
            distance = m.start() - anchor if m.start() >= anchor else (anchor - m.end()) * 2 + 1
        if best is None or (distance, -len(m.group(0))) < best[:2]:
            best = (distance, -len(m.group(0)), kind)
    return best[2] if best else None


def _condition(view: EventView, after: str) -> str | None:
    """The event's condition, or a condition clause ("once…", "if…", "provided that…") after the trigger."""
    if view.condition:
        return view.condition
    m = _groups()["condition"].search(after)
    return (_CLAUSE_END.split(after[m.start():], maxsplit=1)[0].strip() or None) if m else None


def _status(view: EventView, before: str, condition: str | None) -> str | None:
    trigger = view.trigger
    lead = " ".join(before.split()[-6:])  # "halts aid", "a decision to provide … assistance": the words before
    if _has("withdrawal", trigger) or (view.type in {"AID", "SANCTION"} and _has("withdrawal", lead)):
        return "withdrawn"
    if view.type == "REJECT" or view.modality == "denied":
        return "denied"
    if condition or view.modality == "conditional":
        return "conditional"
    if view.modality in PROMISED:
        return "stated"
    # asserted: a promise said now ("pledged", "announced the allocation") or a thing done ("handed over")
    if _has("pledge", trigger) or _has("pledge", lead):
        return "stated"
    if _has("delivery", trigger) or view.type in {"AID", "SANCTION", "MOBILIZE"}:
        return "delivered"
    return None


def _what(sentence: str, at: int) -> str:
    """The trigger's clause, shortened: from the trigger to the next comma or stop, at most twelve words."""
    clause = _CLAUSE_END.split(sentence[at:], maxsplit=1)[0]
    return " ".join(clause.split()[:12])


def _thanked(view: EventView) -> EventView | None:
    """"Zelenskyy thanked the EU for the macro-financial assistance": the thanked gave, the thanker received."""
    if view.type != "SUPPORT" or not _has("thanks", view.trigger) or view.holder is None or view.beneficiary is None:
        return None
    return replace(view, type="AID", holder=view.beneficiary, beneficiary=view.holder, partners=())


def _from_thanks(thanked: EventView) -> Mention | None:
    """The commitment thanks are for, when what follows them names its kind ("for … military assistance", "for
    the decision to send kitchens, demining systems and fuel")."""
    found = classify(thanked)
    if found is None:
        return None
    at = max(0, thanked.trigger_start - thanked.sentence_start)
    rest = _QUOTED.sub(lambda m: " " * len(m.group(0)), thanked.sentence[at:])  # a quoted title is no gift
    other = _groups()["thanks"].search(rest, len(thanked.trigger))
    rest = rest[:other.start()] if other else rest  # "… and thanked Lithuania for …": the next thanks' own
    kind = _kind(rest, 0)  # a list of what was given runs over commas
    if kind is None or kind == "talks" or (kind == "other" and not _has("other", thanked.sentence[at:])):
        return None  # thanks for talks, or for nothing they name, are no commitment
    if kind == "sanctions" and not _imposed(thanked, rest):
        return None  # thanks for keeping to the sanctions: no new ones
    found = replace(found, kind=kind)
    promised = _has("pledge", found.what) and found.status == "delivered"  # "thanked … for the decision to"
    return replace(found, status="stated") if promised else found


def _imposed(view: EventView, window: str) -> bool:
    """Sanctions are a commitment when imposed, promised or taken back ("the EU imposed new sanctions", "will
    extend the sanctions", "lifted the embargo"), not when merely named ("circumvent EU sanctions", "an
    organisation subject to UN sanctions", "adherence to the sanctions")."""
    return any(_has(g, window) for g in ("imposing", "withdrawal", "delivery"))


def _receiver(view: EventView, kind: str) -> Party | None:
    """Who receives: the target, else a co-party, else, for talks, whom the article's talks were with."""
    holder = view.holder
    assert holder is not None
    found = view.beneficiary or next((p for p in view.partners if p.id != holder.id), None)
    if found is None and kind == "talks":  # "agreed to maintain contacts"
        found = next((p for p in view.counterparts if p.id != holder.id and
                      (p.country is None or p.country != holder.country)), None)
    if found is None and kind == "humanitarian_aid":  # "people will be evacuated from Mariupol": its people's
        found = view.place
    return found if found != holder else None


def _at_home(holder: Party, receiver: Party | None, kind: str) -> bool:
    """A promise to one's own country: a thanker taken for the donor, or home policy (humanitarian help aside)."""
    return receiver is not None and kind not in DOMESTIC and bool(receiver.country) and \
        receiver.country == holder.country


def classify(view: EventView) -> Mention | None:
    """The commitment mention `view` is, or None when it is none (no holder, no kind, not a promise)."""
    thanked = _thanked(view)
    if thanked is not None:
        return _from_thanks(thanked)
    if view.type not in PLEDGE_TYPES or view.holder is None or not view.holder.country:
        return None  # a commitment is a polity's: a holder with no country or organisation is a private person
    at = max(0, view.trigger_start - view.sentence_start)
    sentence = view.sentence
    after, before = sentence[at:], sentence[:at]
    # what is promised is named near the trigger: in its clause, or just before it ("the military aid Norway
    # promised"), never in another clause of a long sentence
    lead = max(0, at - LEAD_CHARS)
    window = sentence[lead:at] + _CLAUSE_END.split(after, maxsplit=1)[0]
    kind = "sanctions" if view.type == "SANCTION" and not _has("withdrawal", view.trigger) else _kind(window, at - lead)
    if kind == "sanctions" and not _imposed(view, window):
        return None
    if kind is None and _PRONOUN.search(after):
        kind = _kind(view.previous, len(view.previous))  # "did not commit to them": what the last sentence named
    if kind is None and view.type == "AID":
        kind = "other"
    if kind is None:
        return None
    condition = _condition(view, after)
    status = _status(view, before, condition)
    if status is None or (kind == "talks" and status == "delivered"):  # talks held are events, not promises kept
        return None
    if view.type == "RETREAT" and not (kind == "troops" and status == "withdrawn" or kind == "humanitarian_aid"):
        return None  # only troops pulled out, or people let out and help let in ("humanitarian corridors")
    if kind != "sanctions" and re.search(r"\bagainst\b", _what(sentence, at)):  # "sent armoured vehicles against us"
        return None
    beneficiary = _receiver(view, kind)
    if _at_home(view.holder, beneficiary, kind):
        return None
    if kind == "talks" and beneficiary is not None and beneficiary.kind == "person" and not beneficiary.country:
        return None  # "invited Angelina Jolie to visit Ukraine": a guest, not a party to talks between polities
    sums = sorted(amounts_in(sentence), key=lambda a: abs(a.start - at))
    amount = sums[0] if sums else None
    return Mention(document=view.document, event=view.event, sentence_idx=view.sentence_idx, sentence=sentence,
                   date=view.date, modality=view.modality, source_type=view.source_type, holder=view.holder,
                   beneficiary=beneficiary, kind=kind,
                   what=_what(sentence, at), status=status, condition=condition, amount=amount,
                   eur=to_eur(amount, view.date) if amount else None, trigger_start=view.trigger_start,
                   title=view.title, url=view.url)


SANCTIONING = "163"  # CAMEO "impose embargo, boycott, or sanctions", which PLOVER files under COERCE


def _view_type(ev: Event) -> str:
    """The event's type as commitments read it: sanctions imposed or announced are sanctions, whatever PLOVER files
    them under,
    and a meeting still to come ("will meet in Paris", "Macron's visit is being prepared") is an agreement to meet."""
    if (ev.cameo or "").startswith(SANCTIONING) or ev.type == "THREATEN" and _has("sanctions", ev.trigger.text):
        return "SANCTION"  # "will impose new sanctions": PLOVER's threat, a promise of sanctions
    return "AGREE" if ev.type == "CONSULT" and ev.modality in {"expected", "intended"} else ev.type


def _views(record: Record) -> Iterable[EventView]:
    doc = record.document
    text = doc.text
    actors = {a.id: a for a in record.actors}
    said = {s.id: s.source_type for s in record.statements}

    def parties(ids: tuple[str, ...]) -> list[Party]:
        return [Party(a.id, a.name, a.country, a.kind) for a in (actors.get(i) for i in ids)
                if a is not None and a.kind != "location"]

    def other(source: tuple[str, ...], target: tuple[str, ...], aid: bool) -> Party | None:
        """The first target that is not the holder (a mutual event has both sides in both roles), else, for aid, a
        place of a known country it goes to ("help the families in St Petersburg"; a visit's place is no party)."""
        holder = next(iter(parties(source)), None)
        found = next((p for p in parties(target) if holder is None or p.id != holder.id), None)
        places = (a for a in (actors.get(i) for i in target) if a is not None and a.kind == "location" and a.country)
        return found or (next((Party(a.id, a.name, a.country, a.kind) for a in places), None) if aid else None)

    spoken = {s.id: s.speaker for s in record.statements if s.speaker}

    def spokesman(ev: Event) -> Party | None:
        """Whose word an act with no doer is, when it is an official's ("nine corridors have been agreed upon,
        Vereshchuk said"): the speaker, speaking for her state."""
        found = next(iter(parties((spoken[ev.statement],))), None) if ev.statement in spoken else None
        return found if found is not None and found.kind == "person" and found.country else None

    def where(ev: Event) -> Party | None:
        """The place of a known country the act is done in or for ("evacuation from Mariupol")."""
        places = [a for a in (actors.get(i) for i in (ev.location, *ev.target) if i) if a is not None and
                  a.kind == "location" and a.country]
        return Party(places[0].id, places[0].name, places[0].country, places[0].kind) if places else None

    published = doc.published.isoformat() if isinstance(doc.published, date) else doc.published
    talks = counterparts([parties(ev.source + ev.target) for ev in record.events if ev.type == "CONSULT"])
    asked = asked_for(record)
    for ev in record.events:
        kind = _view_type(ev)
        if kind not in PLEDGE_TYPES or ev.id in asked:
            continue
        sent = record.sentences[ev.sentence] if 0 <= ev.sentence < len(record.sentences) else None
        start, end = (sent.start, sent.end) if sent else (ev.trigger.start, ev.trigger.end)
        prev = record.sentences[ev.sentence - 1] if sent and ev.sentence > 0 else None
        yield EventView(document=doc.id, event=ev.id, type=kind, modality=ev.modality, trigger=ev.trigger.text,
                        trigger_start=ev.trigger.start, sentence_idx=ev.sentence, sentence=text[start:end],
                        sentence_start=start, previous=text[prev.start:prev.end] if prev else "",
                        condition=ev.condition.text if ev.condition else None,
                        holder=next(iter(parties(ev.source)), None) or (spokesman(ev) if not ev.source else None),
                        beneficiary=other(ev.source, ev.target, ev.type == "AID" or (ev.cameo or "").startswith("033")),
                        partners=tuple(parties(ev.source)[1:]), counterparts=talks,
                        place=where(ev),
                        date=ev.date if ev.date and len(ev.date) == 10 else published,
                        source_type=said.get(ev.statement or "", "article"), title=doc.title, url=doc.url)


def asked_for(record: Record) -> set[str]:
    """The events someone asked of others: an event in the sentence of a request addressed to its source, from
    the request on ("urged Finland to send aid": Finland's aid is asked for, not promised). An instruction to the
    requester's own country's people is its state's own commitment ("instructed the government to allocate…")."""
    country = {a.id: a.country for a in record.actors}

    def foreign(request: Event, ev: Event) -> bool:
        own = {country.get(x) for x in request.source} - {None}
        return not own or any(country.get(x) not in own for x in ev.source)

    requests = [ev for ev in record.events if ev.type == "REQUEST"]
    return {ev.id for ev in record.events if ev.type != "REQUEST" and ev.source and any(
        r.sentence == ev.sentence and r.trigger.start <= ev.trigger.start and set(ev.source) <= set(r.target)
        and foreign(r, ev) for r in requests)}


def counterparts(meetings: Iterable[list[Party]]) -> tuple[Party, ...]:
    """The parties of an article's talks (CONSULT events), those in most of them first."""
    seen: dict[str, tuple[int, int, Party]] = {}
    for order, party in enumerate(p for meeting in meetings for p in meeting):
        n, first, _ = seen.get(party.id, (0, order, party))
        seen[party.id] = (n + 1, first, party)
    return tuple(p for _, _, p in sorted(seen.values(), key=lambda t: (-t[0], t[1])))


# Of two mentions of one holder's commitment of one kind in one sentence ("will provide … 2 billion in military
# aid": the verb and the noun), the surer reading stands: a refusal over a condition over a promise over a thing
# done, since an aid noun alone reads as delivered.
_SURER = {"withdrawn": 0, "denied": 0, "conditional": 1, "stated": 2, "delivered": 3}


def collect(views: Iterable[EventView]) -> list[Mention]:
    """The commitment mentions of `views`, one per holder, kind and sentence, in text order."""
    best: dict[tuple[str, int, str, str], Mention] = {}
    for m in (classify(v) for v in views):
        if m is None:
            continue
        key = (m.document, m.sentence_idx, m.holder.id, m.kind)
        if key not in best or _SURER[m.status] < _SURER[best[key].status]:
            best[key] = m
    named = {(m.document, m.holder.id) for m in best.values() if m.kind != "other"}
    # a bare "aid" with no word of what kind ("EU aid" as a headline) is the holder's other mention, told better
    kept = [m for m in best.values() if m.kind != "other" or (m.document, m.holder.id) not in named]
    received = {(m.document, m.holder.id, m.kind) for m in kept if m.beneficiary is not None}
    kept = [m for m in kept if m.beneficiary is not None or m.kind not in NEEDS_RECEIVER
            or m.status in {"denied", "withdrawn", "conditional"} or (m.document, m.holder.id, m.kind) in received]
    return sorted(kept, key=lambda m: (m.document, m.trigger_start))


def mentions_in(record: Record) -> list[Mention]:
    """The commitment mentions of one article, in text order."""
    return collect(_views(record))


def _agree(a: Mention, b: Mention) -> bool:
    """Two amounts agree when one is absent or they differ by less than a tenth."""
    if a.amount is None or b.amount is None:
        return True
    x, y = (a.eur, b.eur) if a.eur is not None and b.eur is not None else (a.amount.value, b.amount.value)
    if (a.eur is None or b.eur is None) and a.amount.currency != b.amount.currency:
        return False
    return abs(x - y) <= 0.1 * max(abs(x), abs(y), 1.0)


def _days(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat((a or "")[:10]) - date.fromisoformat((b or "")[:10])).days)
    except ValueError:
        return 0


def _standing(mentions: list[Mention]) -> str:
    """Where a commitment stands after its latest mention."""
    statuses = [m.status for m in mentions]
    last = statuses[-1]
    if last in {"denied", "withdrawn", "delivered"}:
        return last
    if "delivered" in statuses:  # promised again after it came: still delivered
        return "delivered"
    if last == "conditional":
        return "narrowed" if "stated" in statuses[:-1] else "conditional"
    return "restated" if len({m.document for m in mentions}) > 1 else "stated"  # said again, in another story


def make_commitment(mentions: list[Mention]) -> Commitment:
    """The commitment its mentions (oldest first) make: its id, holder, standing, condition and amount."""
    first = mentions[0]
    key = f"{first.holder.id}|{first.beneficiary.id if first.beneficiary else ''}|{first.kind}|" \
          f"{first.document}#{first.event}"
    with_amount = [m for m in mentions if m.amount is not None]
    conditions = [m.condition for m in mentions if m.condition]
    last = mentions[-1]
    return Commitment(id="c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], holder=first.holder,
                      beneficiary=next((m.beneficiary for m in mentions if m.beneficiary), None), kind=first.kind,
                      what=last.what, status=_standing(mentions), condition=conditions[-1] if conditions else None,
                      amount=with_amount[-1].amount if with_amount else None,
                      eur=with_amount[-1].eur if with_amount else None, first_stated=first.date,
                      last_seen=last.date, mentions=tuple(mentions))


def _who(p: Party) -> str:
    """Whose commitment it is, across articles: a state's ("Biden" and "the United States" are the USA's), else
    the actor's own."""
    return p.country or f"#{p.id}"


def thread_key(m: Mention) -> str:
    """What a thread never crosses: the kind and the holder's state (for talks, both sides'). Commitments of
    different keys are threaded apart, so a query need only thread the keys it asks about."""
    sides = sorted(_sides(m)) if m.kind == "talks" else [_who(m.holder)]
    return "|".join([m.kind, *sides])


def _sides(m: Mention) -> frozenset[str]:
    return frozenset({_who(m.holder)} | ({_who(m.beneficiary)} if m.beneficiary else set()))


@dataclass(eq=False)
class _Thread:
    """A commitment being built, with what joining it needs kept up to date (no rescan of its mentions)."""

    mentions: list[Mention] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    sides: frozenset[str] = frozenset()
    known: set[str] = field(default_factory=set)  # its beneficiaries, as `_who` names them
    amounts: list[Mention] = field(default_factory=list)  # one mention per distinct sum

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.documents.add(m.document)
        self.sides = self.sides | _sides(m)
        if m.beneficiary is not None:
            self.known.add(_who(m.beneficiary))
        if m.amount is not None and not any(_agree(x, m) for x in self.amounts):
            self.amounts.append(m)


def _joins(t: _Thread, m: Mention, window_days: int) -> bool:
    """Whether `m` tells of the commitment `t`: same kind and holder (talks: the same two sides, either
    holding), the same beneficiary or one left unnamed, amounts that agree, within the window of the last."""
    head = t.mentions[0]
    if head.kind != m.kind or _days(t.mentions[-1].date, m.date) > window_days \
            or not all(_agree(x, m) for x in t.amounts):
        return False
    if m.kind == "talks":
        return _sides(m) == t.sides or (len(_sides(m)) == 1 and m.document in t.documents and _sides(m) <= t.sides)
    if _who(head.holder) != _who(m.holder):
        return False
    if m.beneficiary is None or not t.known:  # one side names no receiver: the same story's telling only
        return (m.beneficiary is None and not t.known) or m.document in t.documents
    return _who(m.beneficiary) in t.known


def thread(mentions: Iterable[Mention], window_days: int = WINDOW_DAYS) -> list[Commitment]:
    """Mentions joined into commitments (same holder, beneficiary and kind, a state's people counting as the
    state; amounts that agree or are absent; each within `window_days` of the one before), newest first. A
    mention that names no beneficiary ("Norway pledges aid") joins its holder's commitment of that kind that
    names one in the same article; across articles, only mentions that name none either."""
    ordered = sorted(mentions, key=lambda m: (m.date or "", m.document, m.trigger_start))
    threads: list[_Thread] = []
    by_holder: dict[tuple[str, str], list[_Thread]] = defaultdict(list)
    for m in ordered:
        keys = [(_who(p), m.kind) for p in [m.holder] + ([m.beneficiary] if m.kind == "talks" and m.beneficiary else [])]
        for k in keys:  # mentions come in date order: a thread quiet for longer than the window stays closed
            by_holder[k] = [t for t in by_holder[k] if _days(t.mentions[-1].date, m.date) <= window_days]
        candidates = [t for k in keys for t in by_holder[k] if _joins(t, m, window_days)]
        home = max(candidates, key=lambda t: (t.mentions[-1].date or "", t.mentions[-1].trigger_start), default=None)
        if home is None:
            home = _Thread()
            threads.append(home)
            by_holder[keys[0]].append(home)
        if m.kind == "talks" and m.beneficiary and home not in by_holder[(_who(m.beneficiary), m.kind)]:
            by_holder[(_who(m.beneficiary), m.kind)].append(home)
        home.add(m)
    made = [make_commitment(sorted(t.mentions, key=lambda m: (m.date or "", m.document, m.trigger_start)))
            for t in threads]
    return sorted(made, key=lambda c: (c.last_seen or "", c.id), reverse=True)

"""Frozen records: one dataclass per fact, character offsets into `Document.text` everywhere."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from .calendar import date_precision

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "DateMention",
    "Document",
    "Event",
    "Geo",
    "InputFailure",
    "Record",
    "Sentence",
    "Span",
    "Statement",
    "content_id",
]

SCHEMA = "communique.record/1"


@dataclass(frozen=True)
class Span:
    """A piece of the document text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))



@dataclass(frozen=True)
class Sentence:
    """A sentence's character range."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(int(data["start"]), int(data["end"]))


def _opt_span(data: dict[str, Any] | None) -> Span | None:
    return Span.from_dict(data) if data else None


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span else None


@dataclass(frozen=True)
class Geo:
    """Where a place or a state is on the map: coordinates, GeoNames id, admin-1 code and what kind of point it is
    (`city`, or `country` for a state placed at the population centre of its towns)."""

    latitude: float
    longitude: float
    geonameid: int | None = None
    admin1: str | None = None
    feature: str = "city"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Geo:
        return cls(latitude=float(data["latitude"]), longitude=float(data["longitude"]),
                   geonameid=data.get("geonameid"), admin1=data.get("admin1"), feature=data.get("feature") or "city")


@dataclass(frozen=True)
class Actor:
    """One canonical real-world actor with every mention of it in the article (places and states with a `geo`)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    geo: Geo | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["aliases"] = list(self.aliases)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        data["geo"] = self.geo.to_dict() if self.geo else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"], name=data["name"], kind=data["kind"], country=data.get("country"),
            sector=data.get("sector"), code=data.get("code"), role=data.get("role"),
            aliases=tuple(data.get("aliases") or ()),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions") or ()),
            geo=Geo.from_dict(data["geo"]) if data.get("geo") else None,
        )


@dataclass(frozen=True)
class DateMention:
    """A time expression and its normalised calendar value (None when it cannot be fixed)."""

    start: int
    end: int
    text: str
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), data.get("value"))


@dataclass(frozen=True)
class Statement:
    """Who said what: speaker actor id, the words naming them, the cue and the content. `speakers` is everyone it
    is attributed to, the speaker first: one for a person, the meeting's participants for "the two leaders"."""

    id: str
    kind: str
    speaker: str | None
    speaker_mention: Span | None
    source_type: str
    cue: Span | None
    content: Span
    date: str | None = None
    speakers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.speakers and self.speaker is not None:
            object.__setattr__(self, "speakers", (self.speaker,))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "speaker": self.speaker, "speakers": list(self.speakers),
            "speaker_mention": _span_dict(self.speaker_mention), "source_type": self.source_type,
            "cue": _span_dict(self.cue), "content": self.content.to_dict(), "date": self.date,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(
            id=data["id"], kind=data["kind"], speaker=data.get("speaker"),
            speaker_mention=_opt_span(data.get("speaker_mention")), source_type=data["source_type"],
            cue=_opt_span(data.get("cue")), content=Span.from_dict(data["content"]), date=data.get("date"),
            speakers=tuple(data.get("speakers") or ()),
        )


@dataclass(frozen=True)
class Event:
    """Who did what to whom (PLOVER type, CAMEO code), with its evidence and modality."""

    id: str
    type: str
    cameo: str | None
    quad: int
    source: tuple[str, ...]
    target: tuple[str, ...]
    trigger: Span
    sentence: int
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    condition: Span | None = None
    statement: str | None = None
    date_source: str | None = None
    location_precision: str | None = None
    goldstein: float | None = None
    inferred: tuple[str, ...] = ()  # the roles ("source", "target") the article's context gave, not the sentence

    @property
    def date_precision(self) -> str | None:
        """"day", "month" or "year": how much of a calendar date `date` gives."""
        return date_precision(self.date)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "cameo": self.cameo, "quad": self.quad, "goldstein": self.goldstein,
            "source": list(self.source), "source_known": bool(self.source), "target": list(self.target),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence, "date": self.date, "date_precision": self.date_precision,
            "date_source": self.date_source, "location": self.location,
            "location_precision": self.location_precision, "modality": self.modality,
            "condition": _span_dict(self.condition), "statement": self.statement, "inferred": list(self.inferred),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"], type=data["type"], cameo=data.get("cameo"), quad=int(data["quad"]),
            source=tuple(data.get("source") or ()), target=tuple(data.get("target") or ()),
            trigger=Span.from_dict(data["trigger"]), sentence=int(data["sentence"]), date=data.get("date"),
            location=data.get("location"), modality=data.get("modality", "asserted"),
            condition=_opt_span(data.get("condition")), statement=data.get("statement"),
            date_source=data.get("date_source"), location_precision=data.get("location_precision"),
            goldstein=data.get("goldstein"), inferred=tuple(data.get("inferred") or ()),
        )


def content_id(text: str) -> str:
    """The id of an article whose input gives none: a hash of its text, so the same text is the same article
    and different texts never share an id, whatever file or stream they came from."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """The article as given: `text` is never normalised. `origin` says where this copy came from (a path, a URL,
    standard input): provenance, never identity."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "published": self.published, "source": self.source,
            "url": self.url, "language": self.language, "origin": self.origin, "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=str(data["id"]), text=data["text"], title=data.get("title"), published=data.get("published"),
            source=data.get("source"), url=data.get("url"), language=data.get("language") or "en",
            origin=data.get("origin"),
        )


@dataclass(frozen=True)
class Article:
    """One article to extract, as a reader made it: the text exactly as given and what is known about it.
    `id` is the one the input gives (a JSONL id, a canonical URL), else `content_id(text)`."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str = "<text>"

    def document(self) -> Document:
        """The article as the record's document (the date written YYYY-MM-DD)."""
        return Document(id=self.id, text=self.text, title=self.title,
                        published=self.published.isoformat() if self.published else None, source=self.source,
                        url=self.url, language=self.language, origin=self.origin)


@dataclass(frozen=True)
class InputFailure:
    """An input (or one line of it) that could not become an article, and why."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Record:
    """Everything communique found in one article."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    dates: tuple[DateMention, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "document": self.document.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
            "actors": [a.to_dict() for a in self.actors],
            "dates": [d.to_dict() for d in self.dates],
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            document=Document.from_dict(data["document"]),
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences") or ()),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            dates=tuple(DateMention.from_dict(d) for d in data.get("dates") or ()),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            schema=data.get("schema", SCHEMA),
        )

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

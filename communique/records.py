"""Frozen records: one dataclass per fact, character offsets into `Document.text` everywhere."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "SCHEMA",
    "Actor",
    "DateMention",
    "Document",
    "Event",
    "Record",
    "Sentence",
    "Span",
    "Statement",
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
class Actor:
    """One canonical real-world actor with every mention of it in the article."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["aliases"] = list(self.aliases)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"], name=data["name"], kind=data["kind"], country=data.get("country"),
            sector=data.get("sector"), code=data.get("code"), role=data.get("role"),
            aliases=tuple(data.get("aliases") or ()),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions") or ()),
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
    """Who said what: speaker actor id, the words naming them, the cue and the content."""

    id: str
    kind: str
    speaker: str | None
    speaker_mention: Span | None
    source_type: str
    cue: Span | None
    content: Span
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "speaker": self.speaker,
            "speaker_mention": _span_dict(self.speaker_mention), "source_type": self.source_type,
            "cue": _span_dict(self.cue), "content": self.content.to_dict(), "date": self.date,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(
            id=data["id"], kind=data["kind"], speaker=data.get("speaker"),
            speaker_mention=_opt_span(data.get("speaker_mention")), source_type=data["source_type"],
            cue=_opt_span(data.get("cue")), content=Span.from_dict(data["content"]), date=data.get("date"),
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "cameo": self.cameo, "quad": self.quad,
            "source": list(self.source), "target": list(self.target), "trigger": self.trigger.to_dict(),
            "sentence": self.sentence, "date": self.date, "location": self.location,
            "modality": self.modality, "condition": _span_dict(self.condition), "statement": self.statement,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"], type=data["type"], cameo=data.get("cameo"), quad=int(data["quad"]),
            source=tuple(data.get("source") or ()), target=tuple(data.get("target") or ()),
            trigger=Span.from_dict(data["trigger"]), sentence=int(data["sentence"]), date=data.get("date"),
            location=data.get("location"), modality=data.get("modality", "asserted"),
            condition=_opt_span(data.get("condition")), statement=data.get("statement"),
        )


@dataclass(frozen=True)
class Document:
    """The article as given: `text` is never normalised."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "published": self.published, "source": self.source,
            "url": self.url, "language": self.language, "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=str(data["id"]), text=data["text"], title=data.get("title"), published=data.get("published"),
            source=data.get("source"), url=data.get("url"), language=data.get("language") or "en",
        )


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

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import example, given
from hypothesis import strategies as st

from communique.records import Actor, DateMention, Document, Event, Record, Sentence, Span, Statement

SCHEMA = json.loads((Path(__file__).parent.parent / "communique" / "data" / "record.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _enum(section: str, name: str) -> list[Any]:
    """The values the record schema allows for one field of an item of `section`."""
    return list(SCHEMA["properties"][section]["items"]["properties"][name]["enum"])


text = st.text(max_size=20)
opt = st.none() | text
ints = st.integers(min_value=0, max_value=10_000)
spans = st.builds(Span, ints, ints, text)
calendar_values = st.dates().map(lambda d: d.isoformat()) | st.dates().map(lambda d: d.isoformat()[:7]) | \
    st.dates().map(lambda d: d.isoformat()[:4])
opt_date = st.none() | calendar_values
actor_ids = st.integers(min_value=0, max_value=50).map(lambda n: f"a{n}")
actor_id_tuples = st.lists(actor_ids, max_size=3).map(tuple)

actors = st.builds(Actor, id=actor_ids, name=st.text(min_size=1, max_size=20),
                   kind=st.sampled_from(_enum("actors", "kind")), country=opt, sector=opt, code=opt, role=opt,
                   aliases=st.lists(text, max_size=3).map(tuple),
                   mentions=st.lists(spans, min_size=1, max_size=3).map(tuple))
statements = st.builds(Statement, id=text, kind=st.sampled_from(_enum("statements", "kind")),
                       speaker=st.none() | actor_ids, speaker_mention=st.none() | spans,
                       source_type=st.sampled_from(_enum("statements", "source_type")), cue=st.none() | spans,
                       content=spans, date=opt_date)
events = st.builds(Event, id=text, type=st.sampled_from(_enum("events", "type")), cameo=opt,
                   quad=st.integers(1, 4), source=st.lists(actor_ids, min_size=1, max_size=3).map(tuple),
                   target=actor_id_tuples, trigger=spans, sentence=ints, date=opt_date, location=st.none() | actor_ids,
                   modality=st.sampled_from(_enum("events", "modality")), condition=st.none() | spans,
                   statement=opt, date_source=st.sampled_from([None, "text", "context", "published"]),
                   inferred=st.sampled_from([(), ("source",), ("target",), ("source", "target")]))
documents = st.builds(Document, id=st.text(min_size=1, max_size=20), text=text, title=opt, published=opt_date,
                      source=opt, url=opt, language=st.sampled_from(["en", "fr", "ar", "zh-Hant"]),
                      origin=st.none() | st.sampled_from(["-", "<text>"]) | text)
records = st.builds(
    Record, document=documents,
    sentences=st.lists(st.builds(Sentence, ints, ints), max_size=3).map(tuple),
    actors=st.lists(actors, max_size=3).map(tuple),
    dates=st.lists(st.builds(DateMention, ints, ints, text, opt_date), max_size=3).map(tuple),
    statements=st.lists(statements, max_size=3).map(tuple), events=st.lists(events, max_size=3).map(tuple))

# One record with every optional part filled, so the round trip sees each of them whatever hypothesis draws.
_TEXT = "Norway, backed by Iceland, warned Chile and Peru it would act unless the port reopened, an aide said."
FULL = Record(
    document=Document(id="full", text=_TEXT, title="A warning", published="2024-11-30", source="Wire",
                      url="https://example.org/w", language="en", origin="stories/warning.txt"),
    sentences=(Sentence(0, len(_TEXT)),),
    actors=(Actor("a1", "Norway", "country", country="NOR", code="NOR", aliases=("Oslo",),
                  mentions=(Span(0, 6, "Norway"),)),
            Actor("a2", "Iceland", "country", country="ISL", mentions=(Span(18, 25, "Iceland"),)),
            Actor("a3", "Chile", "country", mentions=(Span(34, 39, "Chile"),)),
            Actor("a4", "Peru", "country", mentions=(Span(44, 48, "Peru"),))),
    dates=(DateMention(0, 6, "Norway", None),),
    statements=(Statement("s1", "indirect", None, Span(88, 95, "an aide"), "anonymous", Span(96, 100, "said"),
                          Span(0, 86, _TEXT[:86]), "2024-11"),),
    events=(Event("e1", "THREATEN", "130", 3, ("a1", "a2"), ("a3", "a4"), Span(27, 33, "warned"), 0,
                  date="2024-11-29", location="a1", modality="conditional", condition=Span(62, 86, _TEXT[62:86]),
                  statement="s1", date_source="context"),))


@given(records)
@example(FULL)
def test_record_round_trips_through_dict_and_json(record: Record) -> None:
    data = record.to_dict()
    assert Record.from_dict(data) == record
    assert Record.from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == record


@given(records)
@example(FULL)
def test_every_record_dict_matches_the_published_schema(record: Record) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(record.to_dict())]
    assert not errors, errors


def test_the_full_example_fills_every_part_it_claims_to() -> None:
    ev = FULL.events[0]
    assert len(ev.source) == 2 and len(ev.target) == 2 and set(ev.source).isdisjoint(ev.target)
    assert ev.condition and ev.statement and ev.date_source and FULL.statements and FULL.document.origin
    for span in [*(m for a in FULL.actors for m in a.mentions), ev.trigger, ev.condition,
                 FULL.statements[0].content, FULL.statements[0].cue, FULL.statements[0].speaker_mention]:
        assert span is not None and _TEXT[span.start:span.end] == span.text


def test_event_participants_keep_their_roles_and_order() -> None:
    data = FULL.to_dict()["events"][0]
    assert (data["source"], data["target"]) == (["a1", "a2"], ["a3", "a4"])
    assert (data["date_source"], data["condition"]["text"]) == ("context", "unless the port reopened")
    assert FULL.to_dict()["document"]["origin"] == "stories/warning.txt"


def test_a_statement_keeps_every_speaker_and_an_older_record_its_one_speaker() -> None:
    group = Statement("s1", "indirect", "a1", Span(0, 6, "Norway"), "collective", None, Span(0, 86, _TEXT[:86]),
                      speakers=("a1", "a2"))
    assert Statement.from_dict(group.to_dict()) == group and group.to_dict()["speakers"] == ["a1", "a2"]
    older = {k: v for k, v in group.to_dict().items() if k != "speakers"}
    assert Statement.from_dict(older).speakers == ("a1",)


def test_record_actor_lookup_by_id() -> None:
    a = Actor(id="a1", name="France", kind="country")
    record = Record(document=Document(id="d", text="France"), actors=(a,))
    assert record.actor("a1") is a
    assert record.actor("a2") is None

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from communique.records import Actor, DateMention, Document, Event, Record, Sentence, Span, Statement

text = st.text(max_size=20)
ints = st.integers(min_value=0, max_value=10_000)
spans = st.builds(Span, ints, ints, text)
opt = st.none() | text
actors = st.builds(Actor, id=text, name=text, kind=st.sampled_from(["person", "country"]), country=opt, sector=opt,
                   code=opt, role=opt, aliases=st.tuples(text), mentions=st.tuples(spans))
statements = st.builds(Statement, id=text, kind=st.just("direct"), speaker=opt, speaker_mention=st.none() | spans,
                       source_type=st.just("named"), cue=st.none() | spans, content=spans, date=opt)
events = st.builds(Event, id=text, type=st.just("CONSULT"), cameo=opt, quad=st.integers(1, 4),
                   source=st.tuples(text), target=st.tuples(), trigger=spans, sentence=ints, date=opt,
                   location=opt, modality=st.just("asserted"), condition=st.none() | spans, statement=opt)
records = st.builds(
    Record, document=st.builds(Document, id=text, text=text, title=opt, published=opt, source=opt, url=opt),
    sentences=st.lists(st.builds(Sentence, ints, ints), max_size=3).map(tuple),
    actors=st.lists(actors, max_size=3).map(tuple),
    dates=st.lists(st.builds(DateMention, ints, ints, text, opt), max_size=3).map(tuple),
    statements=st.lists(statements, max_size=2).map(tuple), events=st.lists(events, max_size=2).map(tuple))


@given(records)
def test_record_round_trips_through_dict(record: Record) -> None:
    assert Record.from_dict(record.to_dict()) == record


def test_record_actor_lookup_by_id() -> None:
    a = Actor(id="a1", name="France", kind="country")
    record = Record(document=Document(id="d", text="France"), actors=(a,))
    assert record.actor("a1") is a
    assert record.actor("a2") is None

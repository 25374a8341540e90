from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from communique.stages.quotes import find_quotes


def inside(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_straight_and_guillemet_quotes() -> None:
    text = 'He said “we are ready now”. She said "not yet at all". They said «maybe next week».'
    assert inside(text) == ["we are ready now", "not yet at all", "maybe next week"]


def test_unbalanced_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "He said “we are ready now and then\nNext paragraph has no quote."
    [q] = find_quotes(text)
    assert text[q.start:q.end] == "we are ready now and then" and not q.closed


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = "She said:\n“The first part of what I said goes here.\n“And the second part follows,” she added."
    [q] = find_quotes(text)
    assert text[q.start:q.end].startswith("The first part") and text[q.start:q.end].endswith("follows,")


def test_apostrophes_are_not_quotes() -> None:
    assert inside("Russia’s envoy didn't say 'no' to Kyiv’s plan.") == []


@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”\"«»„‘’'")), max_size=80))
def test_any_mix_of_marks_gives_spans_inside_the_text(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)

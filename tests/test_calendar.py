"""Written dates: publication dates are calendar dates, never phrases read against today's clock."""
from __future__ import annotations

from datetime import date

import pytest

from communique.calendar import parse_published, partial_date
from communique.errors import ConfigError, InputError


@pytest.mark.parametrize("value", ["yesterday", "tomorrow", "in 5 days", "1 year ago", "-2025-01-01", "next week",
                                   "2025-02-30", "soon"])
def test_relative_or_impossible_publication_dates_are_refused(value: str) -> None:
    with pytest.raises(InputError, match="not a calendar date.*YYYY-MM-DD"):
        parse_published(value, "line 3")


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-06-30", date(2024, 6, 30)), ("2024-06-30T08:15:00Z", date(2024, 6, 30)),
    ("June 30, 2024", date(2024, 6, 30)), ("", None), (None, None), (date(2020, 1, 2), date(2020, 1, 2)),
])
def test_calendar_publication_dates_are_read(value: object, expected: date | None) -> None:
    assert parse_published(value, "flag") == expected


def test_data_file_dates_may_be_partial_and_bad_ones_name_their_row() -> None:
    assert partial_date("2014-06", "x.csv:2") == date(2014, 6, 1) and partial_date(" ", "x.csv:3") is None
    with pytest.raises(ConfigError, match="x.csv:4"):
        partial_date("June 2014", "x.csv:4")


def test_a_date_more_than_a_year_from_its_article_is_a_reference() -> None:
    from communique.calendar import is_reference

    assert is_reference("1938", "2012-05-07") and is_reference("2030-01", "2016-03-01")
    assert not is_reference("2012-05-01", "2012-05-07") and not is_reference("2011", "2012-05-07")
    assert not is_reference(None, "2012-05-07") and not is_reference("2012-05-01", None)

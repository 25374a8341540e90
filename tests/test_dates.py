from __future__ import annotations

from datetime import date

import pytest

from communique.stages.dates import find_dates, normalise_date

THURSDAY = date(2025, 9, 4)


def values(text: str, published: date | None = THURSDAY) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


def test_weekday_refers_back_by_default() -> None:
    assert values("The ministers met on Wednesday.")["Wednesday"] == "2025-09-03"


def test_weekday_equal_to_publication_day_is_that_day() -> None:
    assert values("He spoke at a forum on Thursday.")["Thursday"] == "2025-09-04"


def test_weekday_goes_forward_when_clause_is_future() -> None:
    assert normalise_date("weekday", "Friday", THURSDAY, direction=1) == "2025-09-05"
    assert normalise_date("weekday", "next Monday", THURSDAY) == "2025-09-08"
    assert normalise_date("weekday", "last Monday", THURSDAY) == "2025-09-01"


def test_future_tense_is_read_from_the_parse(nlp) -> None:
    doc = nlp.make_doc("The envoys will meet again on Monday.")
    doc._.published = THURSDAY
    doc = nlp(doc)
    assert [(d.text, d.value) for d in doc._.dates] == [("Monday", "2025-09-08")]


@pytest.mark.parametrize("text,value", [
    ("in August", "2025-08"),
    ("last year", "2024"),
    ("next year", "2026"),
    ("this month", "2025-09"),
    ("last month", "2025-08"),
    ("yesterday", "2025-09-03"),
    ("today", "2025-09-04"),
    ("tomorrow", "2025-09-05"),
    ("two years ago", "2023"),
    ("three days ago", "2025-09-01"),
    ("September 4, 2025", "2025-09-04"),
    ("4 September 2025", "2025-09-04"),
    ("Sept. 12", "2025-09-12"),
    ("November 2006", "2006-11"),
    ("2019", "2019"),
    ("2025-03-01", "2025-03-01"),
    ("Tuesday, March 3 , 2015", "2015-03-03"),
    ("the end of the year", "2025"),
    ("the beginning of the month", "2025-09"),
    ("2014-15", "2014"),
])
def test_expression_is_normalised(text: str, value: str) -> None:
    found = find_dates(f"It happened {text} as planned.", THURSDAY)
    assert [(d.text.replace("in ", ""), d.value) for d in found] == [(text.replace("in ", ""), value)]


def test_month_without_year_takes_the_nearest_past_month() -> None:
    assert values("talks in December", date(2025, 3, 1))["December"] == "2024-12"


def test_relative_expressions_stay_null_without_publication_date() -> None:
    found = values("On Wednesday and in 2019 and on May 5, 2020.", None)
    assert found == {"Wednesday": None, "2019": "2019", "May 5, 2020": "2020-05-05"}


def test_money_and_percent_are_not_years() -> None:
    assert find_dates("It cost $2010 million and rose 2015% in value.", THURSDAY) == []


def test_may_the_verb_is_not_a_month() -> None:
    assert values("Officials said they may meet. Talks in May failed.") == {"May": "2025-05"}


def test_a_short_month_before_a_name_is_a_first_name() -> None:
    assert values("Jan Kowalski arrived. Talks in Jan 2024 ended.") == {"Jan 2024": "2024-01"}


def test_offsets_point_at_the_text() -> None:
    text = "Ministers met on Monday, and again in March 2024."
    for d in find_dates(text, THURSDAY):
        assert text[d.start:d.end] == d.text


def test_a_span_of_years_is_each_year_written_out_or_the_first_told_short() -> None:
    assert values("Plans for 2018–2019 and for 2014-15 were met; the report of 2017-07 was late.") == {
        "2018": "2018", "2019": "2019", "2014-15": "2014", "2017-07": "2017-07"}


def test_a_season_is_the_year_it_begins_in_and_on_this_day_is_the_publication_day() -> None:
    found = values("This autumn they will meet; last summer they did not. Next spring, perhaps. Last winter was "
                   "cold. I am glad to be with you on this day.", published=date(2022, 4, 10))
    assert found == {"This autumn": "2022", "last summer": "2021", "Next spring": "2023", "Last winter": "2021",
                     "this day": "2022-04-10"}
    assert values("Last summer was hot.", published=date(2022, 10, 1)) == {"Last summer": "2022"}
    assert values("It has not changed to this day.") == {}  # "up to now", no day


def test_a_decade_is_no_year_and_the_day_before_yesterday_is_two_days_back() -> None:
    assert values("In the 1990s and the 1980's it was calm; in 1990 it snowed.") == {"1990": "1990"}
    assert values("The day before yesterday he called; the day after tomorrow they meet.") == {
        "The day before yesterday": "2025-09-02", "the day after tomorrow": "2025-09-06"}


def test_a_part_of_a_year_joined_by_a_hyphen_is_that_year() -> None:
    assert values("In mid-2021 it began and by late-2023 it will end.") == {"mid-2021": "2021", "late-2023": "2023"}


def test_two_days_of_one_month_are_two_mentions_each_with_the_month_and_year() -> None:
    found = values("The talks ran from 1 to 3 July. They met again on March 5 and 6, 2024; the summit of 8-9 June "
                   "followed.")
    assert found == {"1": "2025-07-01", "3 July": "2025-07-03", "March 5": "2024-03-05", "6, 2024": "2024-03-06",
                     "8": "2025-06-08", "9 June": "2025-06-09"}


def test_a_four_digit_count_of_things_is_no_year() -> None:
    assert values("They have already fired 1993 missiles. In 2020 prices rose; since 2014 troops have fought.") == {
        "2020": "2020", "2014": "2014"}


def test_a_sentence_may_open_with_last_or_next() -> None:
    found = values("Last Thursday the envoys met. Next Thursday they meet again. Early September was calm.")
    assert found["Last Thursday"] == "2025-08-28"
    assert found["Next Thursday"] == "2025-09-11"
    assert found["Early September"] == "2025-09"


def test_last_and_next_of_the_current_month_are_a_year_away() -> None:
    found = values("The forum opened last September and closes next September; the talks were held last May.")
    assert found["last September"] == "2024-09"
    assert found["next September"] == "2026-09"
    assert found["last May"] == "2025-05"


def test_this_night_is_the_day_of_publication() -> None:
    assert values("This night the envoys flew home.")["This night"] == "2025-09-04"


def test_the_day_before_on_its_own_is_yesterday_but_not_the_day_before_an_event() -> None:
    assert values("The deal was reached in Astana the day before.", THURSDAY) == {"the day before": "2025-09-03"}
    assert values("The talks ended the previous day, officials said.", THURSDAY) == {
        "the previous day": "2025-09-03"}
    assert values("He arrived the day before the summit.", THURSDAY) == {}

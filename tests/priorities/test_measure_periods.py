"""What period a measure's value covers: in words for forms and charts, and as a date for charts."""

from datetime import date

import pytest

from priorities.measure_periods import ValueCovers, covers_text, period_end, reading_hint

Q2 = dict(start=date(2020, 4, 1), end=date(2020, 6, 30), plan_start=date(2020, 1, 1))


@pytest.mark.parametrize(
    "words, end",
    [
        ("2018/19", date(2019, 3, 31)),
        ("2018-2019", date(2019, 3, 31)),
        ("2019", date(2019, 12, 31)),
        ("Mid-2018", date(2018, 6, 30)),
        ("12 months to June 2020", date(2020, 6, 30)),
        ("April 2018 to March 2019", date(2019, 3, 31)),
        ("Not stated", None),
        ("12 months to the 2019 strategic assessment", None),
        ("2018/20", None),  # not one financial year: better no point than a guessed one
        ("", None),
    ],
)
def test_a_baseline_period_ends_where_its_words_say(words, end):
    assert period_end(words) == end


def test_each_kind_of_value_is_labelled_with_the_period_it_covers():
    assert covers_text(ValueCovers.ROLLING_YEAR, **Q2) == "rolling 12 months to June 2020"
    assert covers_text(ValueCovers.QUARTER, **Q2) == "April to June 2020"
    assert covers_text(ValueCovers.YEAR_TO_DATE, **Q2) == "year to date, January to June 2020"
    assert covers_text(ValueCovers.AT_QUARTER_END, **Q2) == "at 30 June 2020"
    assert covers_text(ValueCovers.NOT_STATED, **Q2) == ""


def test_the_reading_form_asks_for_the_period_the_value_must_cover():
    assert (
        reading_hint(ValueCovers.ROLLING_YEAR, **Q2)
        == "Enter the value for the rolling 12 months to June 2020."
    )
    assert reading_hint(ValueCovers.AT_QUARTER_END, **Q2) == "Enter the value at 30 June 2020."
    assert "Say in the narrative what period it covers" in reading_hint(ValueCovers.NOT_STATED, **Q2)

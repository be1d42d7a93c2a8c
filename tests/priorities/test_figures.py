"""A measure's figures to its own precision and with its unit (issue 17 item 5)."""

from decimal import Decimal
from types import SimpleNamespace

from priorities.figures import decimal_places, figure, measure_figure


def percentage_measure(baseline: str | None, target: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        baseline_value=Decimal(baseline) if baseline else None,
        target_value=Decimal(target) if target else None,
        unit="%",
    )


def test_readings_take_the_precision_of_the_baseline_and_target():
    measure = percentage_measure("21.40")  # stored with two places, written with one

    assert [measure_figure(Decimal(v), measure) for v in ("19.60", "20", "21.4")] == [
        "19.6 %",
        "20.0 %",
        "21.4 %",
    ]


def test_a_reading_more_precise_than_its_measure_keeps_its_own_digits():
    assert measure_figure(Decimal("19.65"), percentage_measure("21.4")) == "19.65 %"


def test_whole_numbers_are_grouped_in_thousands_with_no_decimal_point():
    offences = SimpleNamespace(baseline_value=Decimal("3275.00"), target_value=None, unit="offences")

    assert measure_figure(Decimal("3301.00"), offences) == "3,301 offences"
    assert figure(Decimal("283400")) == "283,400"
    assert figure(None, "people") == ""


def test_decimal_places_ignore_trailing_zeros_and_blanks():
    assert decimal_places(Decimal("21.40"), None, Decimal("7")) == 1
    assert decimal_places() == 0

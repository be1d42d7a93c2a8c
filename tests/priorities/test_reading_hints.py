"""The reading form says what period the value must cover and shows the baseline's period and unit,
so a quarter's count is not entered against a year's baseline by mistake (issue 19 item 5)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from priorities.measure_periods import ValueCovers
from priorities.models import MeasureReading
from tests import factories


@pytest.fixture
def knife_crime(p1):
    return factories.make_measure(
        p1,
        title="Knife crime",
        unit="offences",
        baseline_value=Decimal("261"),
        baseline_period="2018/19",
        value_covers=ValueCovers.ROLLING_YEAR,
    )


def hint(client, measure, period) -> str:
    """The value box's hint as drawn: the text of the element the input's aria-describedby names."""
    page = client.get(reverse("actions:edit_reading", args=[measure.pk, period.pk])).content.decode()
    match = re.search(r'id="id_value_hint" class="govuk-hint">(.*?)</(?:span|div)>', page, re.S)
    assert match, "the value box has a hint"
    return match.group(1)


def test_the_form_asks_for_the_period_the_value_covers_beside_the_baseline(
    client, lead_a, knife_crime, period
):
    client.force_login(lead_a)

    text = hint(client, knife_crime, period)

    assert "Enter the value for the rolling 12 months to March 2020." in text  # 2020 Q1 ends in March
    assert "The baseline is 261 offences for 2018/19." in text
    assert "A count" in text


def test_a_measure_that_does_not_say_asks_for_the_period_in_the_narrative(client, lead_a, p1, period):
    measure = factories.make_measure(p1, title="Hate crime reports", unit="reports")
    client.force_login(lead_a)

    text = hint(client, measure, period)

    assert "Say in the narrative what period it covers." in text
    assert "The baseline is" not in text


def test_the_hint_stays_when_the_value_is_refused(client, lead_a, knife_crime, period):
    client.force_login(lead_a)
    url = reverse("actions:edit_reading", args=[knife_crime.pk, period.pk])

    response = client.post(url, {"value": "2.5", "narrative": "", "version": "0"})

    page = response.content.decode()
    assert "Enter a whole number offences, like 12" in page
    assert "Enter the value for the rolling 12 months to March 2020." in page
    assert not MeasureReading.objects.filter(measure=knife_crime).exists()


def test_typed_units_and_periods_are_text_in_the_hint_not_markup(client, lead_a, p1, period):
    measure = factories.make_measure(
        p1, unit="<b>offences</b>", baseline_value=Decimal("5"), baseline_period="<i>2019</i>"
    )
    client.force_login(lead_a)

    text = hint(client, measure, period)

    assert "&lt;b&gt;offences&lt;/b&gt;" in text and "&lt;i&gt;2019&lt;/i&gt;" in text
    assert "<b>" not in text and "<i>" not in text

"""Trend charts: the same SVG on screen and in the PDF, safe to inline, with a text alternative."""

import json
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from reports.charts import describe, has_chart, trend_chart, trend_table_rows, value_axis
from reports.pack_data import MeasureRow, Reading, from_json
from tests.reports.test_issued_pack_json import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"


def measure(**fields) -> MeasureRow:
    values = dict(
        id=7,
        title="Knife crime offences",
        is_numeric=True,
        unit="offences",
        direction="lower",
        direction_label="Lower is better",
        baseline_value=Decimal("261"),
        baseline_period="2018/19",
        baseline_source="West Midlands Police",
        target_value=None,
        target_description="",
        readings=[Reading("2020 Q1", Decimal("70"), ""), Reading("2020 Q2", Decimal("64.50"), "")],
        latest=None,
        against_baseline="better",
    )
    values.update(fields)
    return MeasureRow(**values)


def test_a_chart_carries_a_title_and_a_description_first_and_no_script():
    svg = trend_chart(measure())
    root = ET.fromstring(svg)

    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert root.find(f"{SVG}title").text == "Knife crime offences"
    assert "from 70 offences in 2020 Q1 to 64.5 offences in 2020 Q2" in root.find(f"{SVG}desc").text
    assert "<script" not in svg and "<!--" not in svg
    assert len(root.findall(f".//{SVG}title")) == 1  # no tooltip titles for screen readers to wade through
    assert root.get("role") == "img"


def test_the_same_data_draws_the_same_bytes():
    assert trend_chart(measure()) == trend_chart(measure())
    assert trend_chart(measure()) != trend_chart(measure(target_value=Decimal("200")))


def test_the_compact_chart_still_has_its_title_for_screen_readers():
    root = ET.fromstring(trend_chart(measure(), compact=True))

    assert root.find(f"{SVG}title").text == "Knife crime offences"
    assert root.get("width") == "320"


def test_untrusted_titles_are_escaped():
    svg = trend_chart(measure(title="<script>alert(1)</script> & more"))

    assert "<script>" not in svg
    assert ET.fromstring(svg).find(f"{SVG}title").text == "<script>alert(1)</script> & more"


def test_no_chart_without_numbers():
    assert trend_chart(measure(is_numeric=False, readings=[Reading("2020 Q1", None, "Going well")])) == ""
    assert not has_chart(measure(readings=[]))


def test_the_table_alternative_lists_baseline_readings_and_target():
    rows = trend_table_rows(measure(target_value=Decimal("200")))

    assert rows == [
        ("Baseline (2018/19)", "261 offences"),
        ("2020 Q1", "70 offences"),
        ("2020 Q2", "64.5 offences"),
        ("Target", "200 offences"),
    ]
    assert describe(measure()).endswith("Lower is better.")


# The count that drew its axis from 3,280 to 3,380 (issue 19): a 3.5 % rise made to look like a surge.
DOMESTIC_ABUSE = dict(
    title="Domestic abuse offences",
    unit="offences",
    baseline_value=Decimal("3275"),
    baseline_period="2018/19",
    baseline_end=date(2019, 3, 31),
    readings=[
        Reading(
            "2020 Q1", Decimal("3301"), "", end=date(2020, 3, 31), covers="rolling 12 months to March 2020"
        ),
        Reading(
            "2020 Q2", Decimal("3389"), "", end=date(2020, 6, 30), covers="rolling 12 months to June 2020"
        ),
    ],
)


def value_labels(root) -> dict[float, float]:
    """The value axis's labels, by the y they are drawn at: {0.0: 250.0, 1000.0: ...}."""
    labels = {}
    for text in root.iter(f"{SVG}text"):
        if text.get("text-anchor") == "end":
            labels[float(text.text.replace(",", ""))] = float(text.get("y"))
    return labels


def drawn_points(root) -> list[tuple[float, float]]:
    """(x, y) of every point drawn: the readings' dots and the baseline's square."""
    dots = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    squares = [
        (float(r.get("x")) + 4, float(r.get("y")) + 4)
        for r in root.iter(f"{SVG}rect")
        if r.get("width") == "8"
    ]
    return dots + squares


@pytest.mark.parametrize("compact", [False, True])
def test_a_count_is_drawn_from_zero_with_every_point_inside_the_labelled_range(compact):
    root = ET.fromstring(trend_chart(measure(**DOMESTIC_ABUSE), compact=compact))
    labels = value_labels(root)
    lowest, highest = min(labels), max(labels)
    points = drawn_points(root)

    assert lowest == 0
    assert highest >= 3389
    assert len(points) == 3  # the baseline and both readings
    # SVG's y grows downwards: the top label's y is the smallest.
    assert all(labels[highest] - 0.5 <= y <= labels[lowest] + 0.5 for _, y in points)


def test_the_value_axis_reaches_the_target_too():
    root = ET.fromstring(trend_chart(measure(target_value=Decimal("400"))))

    assert max(value_labels(root)) >= 400
    assert value_axis(3389) == [0, 1000, 2000, 3000, 4000]
    assert value_axis(64.5)[-1] >= 64.5 and value_axis(64.5)[0] == 0


def test_points_are_spaced_by_date_with_the_baseline_at_its_own_period():
    root = ET.fromstring(trend_chart(measure(**DOMESTIC_ABUSE)))
    (q1, _), (q2, _), (baseline, _) = drawn_points(root)

    # A year from the baseline's end (March 2019) to Q1, a quarter from Q1 to Q2: four times the room.
    assert (q1 - baseline) / (q2 - q1) == pytest.approx(366 / 91, rel=0.01)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Baseline 2018/19" in texts


def test_the_period_each_value_covers_is_labelled():
    row = measure(**DOMESTIC_ABUSE)
    svg = trend_chart(row)

    assert "Latest value: rolling 12 months to June 2020." in svg
    assert ("2020 Q2 (rolling 12 months to June 2020)", "3,389 offences") in trend_table_rows(row)
    assert describe(row).endswith("Latest value: rolling 12 months to June 2020.")


def test_a_baseline_that_cannot_be_placed_in_time_is_a_labelled_line_not_a_point():
    root = ET.fromstring(trend_chart(measure(baseline_period="Not stated", baseline_end=None)))
    texts = [t.text for t in root.iter(f"{SVG}text")]

    assert len(drawn_points(root)) == 2  # the readings only
    assert "Baseline" in texts
    assert max(value_labels(root)) >= 261


def test_an_issued_packs_json_keeps_what_each_value_covers_and_when():
    pack = from_json(json.loads((FIXTURES / "issued_pack_before_sub_priorities.json").read_text()))
    row = measure(**DOMESTIC_ABUSE)
    pack.priorities[0].measures = [row]

    again = from_json(json.loads(json.dumps(pack.as_json(), cls=DjangoJSONEncoder)))

    assert again.priorities[0].measures[0] == row
    assert trend_chart(again.priorities[0].measures[0]) == trend_chart(row)

"""Trend charts: the same SVG on screen and in the PDF, safe to inline, with a text alternative."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from reports.charts import describe, has_chart, trend_chart, trend_table_rows
from reports.pack_data import MeasureRow, Reading

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
    assert trend_chart(measure()) != trend_chart(measure(id=8))


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

"""Trend charts of a measure's readings: one SVG for the screen and the PDF alike.

pygal draws them (pure Python, a few milliseconds a chart, no numpy). Its SVG is cleaned before
use: no <script> (pygal always adds its tooltip config, which a content security policy would
block and WeasyPrint ignores), no comments carrying today's date, no tooltip <title>s on the
guide lines, and an id derived from the measure, so the same data always gives the same bytes.
Each chart keeps one <title> and gains a <desc> saying what it shows in words; WeasyPrint takes
the PDF's alternative text from the <title>. The data table beside each chart is the full text
alternative (trend_table_rows).
"""

from decimal import Decimal

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.etree import etree
from pygal.style import Style

from priorities.figures import measure_figure

from .pack_data import MeasureRow

# The standard library's ElementTree always, so output does not depend on whether lxml happens
# to be installed (it comes with pikepdf in the test environment only).
etree.to_etree()

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
# Dark blue readings and a black dashed target: both pass 3:1 against white, and the target is
# told apart by its dashes and legend, not by colour.
READING_COLOUR, TARGET_COLOUR = "#1d70b8", "#0b0c0c"


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _label(value: Decimal | None, measure: MeasureRow) -> str:
    return measure_figure(value, measure) if value is not None else "no figure"


def trend_table_rows(measure: MeasureRow) -> list[tuple[str, str]]:
    """The chart's data as (when, value) rows: baseline, each quarter's reading, then the target."""
    rows = []
    if measure.baseline_value is not None:
        when = f"Baseline ({measure.baseline_period})" if measure.baseline_period else "Baseline"
        rows.append((when, _label(measure.baseline_value, measure)))
    for reading in measure.readings:
        if reading.value is not None:
            rows.append((reading.period, _label(reading.value, measure)))
    if measure.target_value is not None:
        rows.append(("Target", _label(measure.target_value, measure)))
    return rows


def describe(measure: MeasureRow) -> str:
    """One sentence saying what the chart shows, for its <desc> and for captions."""
    points = [(r.period, r.value) for r in measure.readings if r.value is not None]
    parts = []
    if measure.baseline_value is not None:
        parts.append(f"baseline {_label(measure.baseline_value, measure)}")
    if points:
        first, last = points[0], points[-1]
        parts.append(
            f"{_label(first[1], measure)} in {first[0]}"
            if len(points) == 1
            else f"from {_label(first[1], measure)} in {first[0]} to {_label(last[1], measure)} in {last[0]}"
        )
    if measure.target_value is not None:
        parts.append(f"target {_label(measure.target_value, measure)}")
    direction = f" {measure.direction_label}." if measure.direction_label else ""
    # A title that ends in a full stop ("…weapons.") gets no second mark before the colon.
    return f"{measure.title.rstrip('.')}: {', '.join(parts)}.{direction}"


def has_chart(measure: MeasureRow) -> bool:
    """A chart needs a numeric measure with at least one reading with a value."""
    return measure.is_numeric and any(r.value is not None for r in measure.readings)


def _tag(element) -> str:
    """The element's tag without a namespace (ElementTree keeps pygal's tags un-namespaced)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _clean(root, measure: MeasureRow):
    for parent in root.iter():
        for child in list(parent):
            tag = _tag(child)
            if not tag or tag == "script" or (tag == "title" and parent is not root):
                parent.remove(child)  # comments, scripts and tooltip titles
    title = next(child for child in root if _tag(child) == "title")
    title.text = measure.title  # also for the compact chart, which draws no title
    desc = etree.Element("desc")
    desc.text = describe(measure)
    # <title> and <desc> first, as screen readers and WeasyPrint expect.
    root.remove(title)
    root.insert(0, desc)
    root.insert(0, title)
    root.set("role", "img")
    return root


def trend_chart(measure: MeasureRow, *, compact: bool = False) -> SafeString:
    """The measure's readings over the quarters (with baseline and target) as inline SVG; "" if none."""
    if not has_chart(measure):
        return mark_safe("")
    labels = ["Baseline"] if measure.baseline_value is not None else []
    values = [_number(measure.baseline_value)] if measure.baseline_value is not None else []
    labels += [r.period for r in measure.readings]
    values += [_number(r.value) for r in measure.readings]
    style = Style(
        font_family=FONT,
        background="white",
        plot_background="white",
        foreground="#0b0c0c",
        foreground_strong="#0b0c0c",
        foreground_subtle="#505a5f",
        colors=(READING_COLOUR, TARGET_COLOUR),
        label_font_size=11 if compact else 12,
        major_label_font_size=11 if compact else 12,
        legend_font_size=12,
        title_font_size=14,
        guide_stroke_color="#b1b4b6",
        major_guide_stroke_color="#b1b4b6",
        guide_stroke_dasharray="2,4",
        major_guide_stroke_dasharray="2,4",
        stroke_opacity="1",
        stroke_width="2",
    )
    chart = pygal.Line(
        style=style,
        js=[],
        disable_xml_declaration=True,
        explicit_size=True,
        width=320 if compact else 640,
        height=120 if compact else 280,
        title=None if compact else measure.title,
        y_title=None if compact else (measure.unit or None),
        show_legend=not compact and measure.target_value is not None,
        legend_at_bottom=True,
        show_y_labels=not compact,
        show_x_labels=not compact,
        max_scale=6,
        x_label_rotation=0,
        dots_size=3,
        stroke_style={"width": 2},
        margin=4 if compact else 12,
        include_x_axis=False,
        print_values=False,
        allow_interruptions=True,
        truncate_label=-1,
    )
    chart.uuid = f"measure-{measure.id}{'-compact' if compact else ''}"
    chart.x_labels = labels
    chart.add(f"Reading ({measure.unit})" if measure.unit else "Reading", values)
    if measure.target_value is not None:
        chart.add(
            "Target",
            [_number(measure.target_value)] * len(labels),
            stroke_style={"dasharray": "6,4"},
            show_dots=False,
        )
    chart.add_xml_filter(lambda root: _clean(root, measure))
    return mark_safe(chart.render(is_unicode=True))

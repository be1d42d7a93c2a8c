"""Trend charts of a measure's readings: one small SVG for the screen and the PDF alike.

Drawn here rather than by a charting library, because what a board needs from them is honesty,
which the library did not give by default (a count's axis from 3,280 to 3,380 made a 3.5 % rise look
like a surge and left points outside the labelled range), and because it cost a tenth of the
pack's render time in SVG and CSS that WeasyPrint had to lay out. The rules:

- the value axis starts at zero (readings are never negative: Measure.value_problem), and its top
  is a round number at or above every value drawn, target and baseline included;
- points are spaced by the date their period ends (the baseline at its own period when its words
  say when that is, "2018/19"; otherwise it is a labelled line across, never a guessed point);
- the period each value covers is written on the chart ("rolling 12 months to June 2020");
- a <title> first (WeasyPrint's alternative text, and screen readers'), a <desc> saying in words
  what it shows, and the data table beside it (trend_table_rows) is the full text alternative.

Colour never carries meaning alone: readings are round dots on a solid line, the baseline a square,
the target a dashed line, and each is labelled in words. The same data always gives the same bytes.
"""

import math
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from priorities.figures import measure_figure

from .pack_data import MeasureRow

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
# Dark blue readings and a black dashed target: both pass 3:1 against white.
READING_COLOUR, TARGET_COLOUR, TEXT_COLOUR, GRID_COLOUR = "#1d70b8", "#0b0c0c", "#0b0c0c", "#b1b4b6"


@dataclass(frozen=True)
class Size:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    font: int
    label_gap: int  # the least room between two labels on the time axis, in pixels


FULL = Size(width=640, height=300, left=64, right=96, top=40, bottom=40, font=12, label_gap=64)
COMPACT = Size(width=320, height=150, left=48, right=72, top=10, bottom=24, font=11, label_gap=56)


@dataclass(frozen=True, eq=False)  # compared by identity: two readings may be equal
class Point:
    when: date | None
    value: float
    label: str


def _label(value: Decimal | None, measure: MeasureRow) -> str:
    return measure_figure(value, measure) if value is not None else "no figure"


def _baseline_when(measure: MeasureRow) -> str:
    return f"Baseline ({measure.baseline_period})" if measure.baseline_period else "Baseline"


def trend_table_rows(measure: MeasureRow) -> list[tuple[str, str]]:
    """The chart's data as (when, value) rows: baseline, each quarter's reading, then the target.

    Each reading says what period its value covers, when the measure says: "2020 Q2 (rolling 12
    months to June 2020)".
    """
    rows = []
    if measure.baseline_value is not None:
        rows.append((_baseline_when(measure), _label(measure.baseline_value, measure)))
    for reading in measure.readings:
        if reading.value is not None:
            when = f"{reading.period} ({reading.covers})" if reading.covers else reading.period
            rows.append((when, _label(reading.value, measure)))
    if measure.target_value is not None:
        rows.append(("Target", _label(measure.target_value, measure)))
    return rows


def covers_note(measure: MeasureRow) -> str:
    """What the latest value covers, as the chart and its caption say it; "" when unstated."""
    latest = next((r for r in reversed(measure.readings) if r.value is not None and r.covers), None)
    return f"Latest value: {latest.covers}." if latest else ""


def describe(measure: MeasureRow) -> str:
    """One sentence saying what the chart shows, for its <desc> and for captions."""
    points = [r for r in measure.readings if r.value is not None]
    parts = []
    if measure.baseline_value is not None:
        when = f" ({measure.baseline_period})" if measure.baseline_period else ""
        parts.append(f"baseline {_label(measure.baseline_value, measure)}{when}")
    if points:
        first, last = points[0], points[-1]
        parts.append(
            f"{_label(first.value, measure)} in {first.period}"
            if len(points) == 1
            else f"from {_label(first.value, measure)} in {first.period} to "
            f"{_label(last.value, measure)} in {last.period}"
        )
    if measure.target_value is not None:
        parts.append(f"target {_label(measure.target_value, measure)}")
    direction = f" {measure.direction_label}." if measure.direction_label else ""
    covers = f" {covers_note(measure)}" if covers_note(measure) else ""
    # A title that ends in a full stop ("…weapons.") gets no second mark before the colon.
    return f"{measure.title.rstrip('.')}: {', '.join(parts)}.{direction}{covers}"


def has_chart(measure: MeasureRow) -> bool:
    """A chart needs a numeric measure with at least one reading with a value."""
    return measure.is_numeric and any(r.value is not None for r in measure.readings)


def value_axis(highest: float) -> list[float]:
    """Ticks from zero to a round number at or above `highest`: 0, 1,000, 2,000, 3,000, 4,000."""
    if highest <= 0:
        return [0.0, 1.0]
    rough = highest / 4
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    count = math.ceil(highest / step - 1e-9)
    return [step * i for i in range(count + 1)]


def _tick_text(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _points(measure: MeasureRow) -> tuple[Point | None, list[Point]]:
    """The baseline (a point only when its period's end is known) and the readings with values."""
    baseline = None
    if measure.baseline_value is not None and measure.baseline_end is not None:
        baseline = Point(measure.baseline_end, float(measure.baseline_value), measure.baseline_period)
    readings = [Point(r.end, float(r.value), r.period) for r in measure.readings if r.value is not None]
    return baseline, readings


def _x_positions(points: list[Point], size: Size) -> list[float]:
    """Each point's x: by its date when every point has one (an older pack's JSON has none), else evenly."""
    left, width = size.left, size.width - size.left - size.right
    if len(points) == 1:
        return [left + width / 2]
    if all(p.when is not None for p in points):
        first, last = points[0].when.toordinal(), points[-1].when.toordinal()
        if last > first:
            return [left + (p.when.toordinal() - first) / (last - first) * width for p in points]
    return [left + i / (len(points) - 1) * width for i in range(len(points))]


def _text(x: float, y: float, text: str, size: int, anchor: str = "middle", weight: str = "") -> str:
    bold = ' font-weight="bold"' if weight else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{bold} '
        f'fill="{TEXT_COLOUR}">{escape(text)}</text>'
    )


def _line_label(y: float, text: str, size: Size) -> str:
    """A label for a line across the chart, written to the right of the plot where it ends."""
    return _text(size.width - size.right + 4, y + size.font / 3, text, size.font, anchor="start")


def trend_chart(measure: MeasureRow, *, compact: bool = False) -> SafeString:
    """The measure's readings over the quarters (with baseline and target) as inline SVG; "" if none."""
    if not has_chart(measure):
        return mark_safe("")
    size = COMPACT if compact else FULL
    baseline, readings = _points(measure)
    if measure.target_value is None and (measure.baseline_value is None or baseline is not None):
        size = replace(size, right=32)  # no line across to label: the room a quarter's label needs
    points = ([baseline] if baseline else []) + readings
    points.sort(key=lambda p: p.when or date.min)
    across = [float(v) for v in (measure.target_value, measure.baseline_value) if v is not None]
    ticks = value_axis(max([p.value for p in points] + across))
    top, bottom = size.top, size.height - size.bottom

    def y(value: float) -> float:
        return bottom - value / ticks[-1] * (bottom - top)

    xs = dict(zip(points, _x_positions(points, size), strict=True))
    parts = [f"<title>{escape(measure.title)}</title>", f"<desc>{escape(describe(measure))}</desc>"]
    parts.append(f'<rect width="{size.width}" height="{size.height}" fill="#ffffff"/>')
    if not compact:
        # The measure's title is the heading above the chart (and the <title> here), not drawn in it:
        # a long title would run past the chart's edge, or be cut mid-word.
        note = covers_note(measure)
        unit = f"Value axis: {measure.unit}, from zero." if measure.unit else "Value axis from zero."
        parts.append(_text(size.left, 20, f"{unit} {note}".strip(), size.font, anchor="start"))
    for tick in ticks:  # the grid and the value axis's labels, zero included
        parts.append(
            f'<line x1="{size.left}" y1="{y(tick):.1f}" x2="{size.width - size.right}" y2="{y(tick):.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        if not compact or tick in (ticks[0], ticks[-1]):
            parts.append(_text(size.left - 6, y(tick) + size.font / 3, _tick_text(tick), size.font, "end"))
    parts.append(
        f'<line x1="{size.left}" y1="{bottom}" x2="{size.width - size.right}" y2="{bottom}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    )
    if measure.target_value is not None:
        ty = y(float(measure.target_value))
        parts.append(
            f'<line x1="{size.left}" y1="{ty:.1f}" x2="{size.width - size.right}" y2="{ty:.1f}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6,4"/>'
        )
        parts.append(_line_label(ty, "Target", size))
    if measure.baseline_value is not None and baseline is None:
        # When the baseline's period cannot be placed in time, it is a line across, not a point.
        by = y(float(measure.baseline_value))
        parts.append(
            f'<line x1="{size.left}" y1="{by:.1f}" x2="{size.width - size.right}" y2="{by:.1f}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="1" stroke-dasharray="2,3"/>'
        )
        parts.append(_line_label(by, "Baseline", size))
    if len(readings) > 1:
        path = " ".join(f"{xs[p]:.1f},{y(p.value):.1f}" for p in readings)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{READING_COLOUR}" stroke-width="2"/>')
    for p in readings:
        parts.append(f'<circle cx="{xs[p]:.1f}" cy="{y(p.value):.1f}" r="4" fill="{READING_COLOUR}"/>')
    if baseline:
        bx, by = xs[baseline], y(baseline.value)
        parts.append(f'<rect x="{bx - 4:.1f}" y="{by - 4:.1f}" width="8" height="8" fill="{TEXT_COLOUR}"/>')
    parts += _time_labels(points, xs, size, baseline)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{size.width}" height="{size.height}" '
        f'viewBox="0 0 {size.width} {size.height}" font-family="{FONT}">{"".join(parts)}</svg>'
    )
    return mark_safe(svg)


def _time_labels(points: list[Point], xs: dict, size: Size, baseline: Point | None) -> list[str]:
    """Each point's period under it, skipping any that would run into the one before (the last and
    the baseline always shown), so labels never overlap on a narrow chart."""
    chosen: list[Point] = []
    for p in reversed(points):  # from the latest back: the latest quarter matters most
        if not chosen or xs[chosen[-1]] - xs[p] >= size.label_gap or p is baseline:
            if chosen and xs[chosen[-1]] - xs[p] < size.label_gap:
                chosen.pop()  # the baseline wins the room over a reading
            chosen.append(p)
    y = size.height - size.bottom + size.font + 6
    labels = []
    for p in chosen:
        text = f"Baseline {p.label}".strip() if p is baseline else p.label
        labels.append(_text(xs[p], y, text, size.font))
    return labels

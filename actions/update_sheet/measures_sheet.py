"""The update sheet's "Measures" sheet: the measures the person leads, for reference while they write.

Readings are entered on the web (Your updates), so this sheet is information only: protected like
the grey columns, and never read back (an upload reads the first sheet, Updates).
"""

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from governance.models import User
from priorities.models import Measure, MeasureReading, Plan, ReportingPeriod
from swp.sheets.writing import WORKBOOK, new_cell

from ..review_context import quarter_before

MEASURES_SHEET = "Measures"
_GREY = PatternFill("solid", fgColor="F3F2F1")


def led_measures(*, user: User, plan: Plan) -> list[Measure]:
    return list(
        Measure.objects.filter(priority__plan=plan, priority__lead_officer=user)
        .select_related("priority")
        .order_by("priority__order", "order")
    )


def _number(measure: Measure, value: Decimal | None) -> str:
    """1,227 people; 45.5 %: the figure without trailing zeros, with the measure's unit."""
    return f"{value.normalize():,f} {measure.unit}".strip() if value is not None else ""


def _figure(measure: Measure, reading: MeasureReading | None) -> str:
    if reading is None:
        return "No reading"
    parts = [_number(measure, reading.value)] if reading.value is not None else []
    if reading.narrative:
        parts.append(reading.narrative)
    return ". ".join(parts) or "No reading"


def measures_sheet(workbook: Workbook, *, user: User, plan: Plan, period: ReportingPeriod) -> None:
    """Add the sheet when the person leads any measures; two queries whatever their number."""
    measures = led_measures(user=user, plan=plan)
    if not measures:
        return
    previous = quarter_before(period)
    quarters = [p for p in (previous, period) if p is not None]
    readings = {
        (r.measure_id, r.period_id): r
        for r in MeasureReading.objects.filter(measure__in=measures, period__in=quarters)
    }
    sheet = workbook.create_sheet(MEASURES_SHEET)
    sheet.protection.sheet = True
    headings = ["Priority", "Measure", "Baseline", "Target"]
    headings += [f"Reading {p.label}" + (" (last quarter)" if p == previous else "") for p in quarters]
    for letter, width in zip("ABCDEF", (28, 50, 30, 30, 30, 30), strict=False):
        sheet.column_dimensions[letter].width = width

    def cell(value, *, bold=False):
        return new_cell(sheet, value, kind=WORKBOOK, bold=bold, wrap=True, fill=_GREY)

    sheet.append([cell(f"Measures you lead: readings for {period.label} are entered on the web", bold=True)])
    sheet.append([cell("For information only: this sheet is not read back when you upload.")])
    sheet.append([cell(heading, bold=True) for heading in headings])
    for measure in measures:
        baseline = _number(measure, measure.baseline_value)
        if baseline and measure.baseline_period:
            baseline += f" ({measure.baseline_period})"
        target = measure.target_description or _number(measure, measure.target_value)
        row = [f"{measure.priority.order}. {measure.priority.title}", measure.title, baseline, target]
        row += [_figure(measure, readings.get((measure.pk, p.pk))) for p in quarters]
        sheet.append([cell(value) for value in row])

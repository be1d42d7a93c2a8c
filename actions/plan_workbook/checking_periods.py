"""The Reporting periods sheet, which the export writes; without it, quarters made from the plan's period."""

from priorities.models import ReportingPeriod
from swp.sheets.values import parse_uk_date

from . import format as f
from .periods import MAX_QUARTERS, make_quarters
from .preview import PeriodRow, Preview, Problem
from .sources import SheetReader


def read_periods(preview: Preview, reader: SheetReader | None) -> None:
    if reader is not None:
        labels: dict[str, int] = {}
        for row in reader.rows():
            period = PeriodRow(
                row.number,
                row.text("label", required=True, limit=(ReportingPeriod, "label")),
                row.parse("start", parse_uk_date),
                row.parse("end", parse_uk_date),
                row.parse("deadline", parse_uk_date),
            )
            for key, value in (
                ("start", period.start),
                ("end", period.end),
                ("deadline", period.update_deadline),
            ):
                if value is None and not row.failed:
                    row.problem(key, "Enter a date like 31/03/2023")
            if row.failed:
                continue
            if period.end <= period.start:
                row.problem("end", "The period must end after it starts")
            if period.update_deadline < period.start:
                row.problem("deadline", "The update deadline must be on or after the start of the period")
            if period.label.casefold() in labels:
                row.problem("label", f"“{period.label}” is already on row {labels[period.label.casefold()]}")
            labels[period.label.casefold()] = row.number
            if not row.failed:
                preview.periods.append(period)
        if preview.periods:
            return
    start, end = preview.plan.get("period_start"), preview.plan.get("period_end")
    if start and end and end > start:
        preview.periods = make_quarters(start, end, preview.plan["quarter_scheme"])
        preview.periods_made = True
        if len(preview.periods) > MAX_QUARTERS:
            preview.problems.append(
                Problem(
                    f.PLAN.title,
                    None,
                    "Period",
                    f"A plan of more than {MAX_QUARTERS // 4} years is not supported",
                )
            )

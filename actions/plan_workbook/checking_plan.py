"""The Plan sheet (one detail a row: its name in column A, its value in B), the strategic assessment
it names, and the Baseline statistics sheet of that assessment's figures.

A plan whose title the partnership already uses is refused, so importing twice makes one plan. A
strategic assessment the partnership already has (by title) is used as it is, and so may not be given
new figures on the Baseline statistics sheet.
"""

import datetime

from django.db import models

from priorities.models import BaselineStatistic, Plan, StrategicAssessment
from swp.sheets.reading import Value
from swp.sheets.values import CellError, limited_text, normalise_words, parse_uk_date, text

from . import format as f
from .periods import parse_period
from .preview import Preview, Problem, StatisticRow
from .sources import RefersToProblemRow, SheetReader, SheetSource, shown_as_percentage, split_list


def read_plan_sheet(preview: Preview, source: SheetSource | None) -> None:
    sheet = f.PLAN
    if source is None:
        preview.problems.append(
            Problem(
                "", None, None, "The workbook has no “Plan” sheet: add it, with the plan's title and period"
            )
        )
        return
    fields = {name: field_ for field_ in sheet.fields for name in field_.column.names()}
    values: dict[str, tuple[int, Value]] = {}
    for row in source.rows:
        if row.is_blank() or not row.cells:
            continue
        name = normalise_words(row.cells[0])
        if name in ("detail", "field", "value", "details") or not name:
            continue
        field_ = fields.get(name)
        if field_ is None:
            preview.notes.append(
                f"Plan sheet, row {row.number}: “{text(row.cells[0])}” is not a detail the import uses, "
                "so it was ignored"
            )
            continue
        if field_.key in values:
            preview.problems.append(
                Problem(sheet.title, row.number, None, f"“{field_.label}” is given twice; keep one")
            )
            continue
        values[field_.key] = (row.number, row.cells[1] if len(row.cells) > 1 else None)

    def problem(key: str, message: str) -> None:
        row = values.get(key, (None, None))[0]
        preview.problems.append(Problem(sheet.title, row, sheet.label_of(key), message))

    def get_text(key: str, limit: tuple[type[models.Model], str] | None = None) -> str:
        """The detail's text, refused when longer than the field `limit` names (model, field) allows."""
        raw = values.get(key, (None, None))[1]
        try:
            return limited_text(raw, limit[0]._meta.get_field(limit[1]).max_length if limit else None)
        except CellError as error:
            problem(key, str(error))
            return text(raw)

    def get_date(key: str) -> datetime.date | None:
        try:
            return parse_uk_date(values.get(key, (None, None))[1])
        except CellError as error:
            problem(key, str(error))
            return None

    plan = preview.plan
    plan["title"] = get_text("title")
    if not plan["title"]:
        problem("title", "Enter the plan's title")
    elif len(plan["title"]) > 200:
        problem("title", f"The title must be 200 characters or fewer; it has {len(plan['title'])}")
    elif Plan.objects.filter(partnership=preview.partnership, title__iexact=plan["title"]).exists():
        problem(
            "title",
            f"{preview.partnership.name} already has a plan called “{plan['title']}”. Nothing has been "
            "imported. If this is the same plan, it is already loaded; if not, give it another title",
        )
    start, end, scheme = get_date("starts"), get_date("ends"), None
    period_text = get_text("period")
    if period_text:
        try:
            from_start, from_end, scheme = parse_period(period_text)
        except CellError as error:
            problem("period", str(error))
        else:
            if (start and start != from_start) or (end and end != from_end):
                problem("period", f"“{period_text}” does not agree with Starts and Ends. Correct one of them")
            start, end = start or from_start, end or from_end
    if not start or not end:
        if not any(
            p.sheet == sheet.title and p.column in ("Period", "Starts", "Ends") for p in preview.problems
        ):
            problem("period", "Give the plan's period, such as 2021 or 2021/22, or its Starts and Ends dates")
    elif end <= start:
        problem("ends", "The plan must end after it starts")
    plan["period_start"], plan["period_end"] = start, end
    scheme_text = get_text("quarter_scheme")
    plan["quarter_scheme"] = scheme or Plan.QuarterScheme.CALENDAR
    if scheme_text:
        try:
            plan["quarter_scheme"] = f.QUARTER_SCHEME.parse(scheme_text)
        except CellError as error:
            problem("quarter_scheme", str(error))
    plan["vision"] = get_text("vision", limit=(Plan, "vision"))
    for key, name in (
        ("red", "rag_red_definition"),
        ("amber", "rag_amber_definition"),
        ("green", "rag_green_definition"),
    ):
        if value := get_text(key, limit=(Plan, name)):
            plan[name] = value
    for index, aim in enumerate(split_list(get_text("aims"))):
        if len(aim) > 300:
            problem("aims", f"Aim {index + 1} must be 300 characters or fewer; it has {len(aim)}")
        preview.aims.append(aim)
    plan["assessment_title"] = get_text("assessment")
    plan["assessment_on"] = get_date("assessment_on")
    plan["assessment_summary"] = get_text("assessment_summary", limit=(StrategicAssessment, "summary"))


def check_assessment(preview: Preview) -> None:
    title = preview.plan.get("assessment_title")
    if not title:
        return
    if len(title) > 200:
        preview.problems.append(
            Problem(f.PLAN.title, None, "Strategic assessment", "The title must be 200 characters or fewer")
        )
    existing = StrategicAssessment.objects.filter(
        partnership=preview.partnership, title__iexact=title
    ).first()
    if existing is not None:
        if preview.statistics:
            preview.problems.append(
                Problem(
                    f.PLAN.title,
                    None,
                    "Strategic assessment",
                    f"The partnership already has the strategic assessment “{existing.title}”. "
                    "Leave the Baseline "
                    "statistics sheet empty to use it as it is, or give the new assessment another title",
                )
            )
        else:
            preview.notes.append(
                f"The plan will rest on the partnership's existing strategic assessment “{existing.title}”"
            )
            preview.plan["assessment"] = existing
    elif not preview.plan.get("assessment_on") and not any(
        p.column == "Assessment completed on" for p in preview.problems
    ):
        preview.not_stated(f.PLAN.title, None, ["Assessment completed on"])


def read_statistics(preview: Preview, reader: SheetReader) -> None:
    references: dict[str, int] = {}
    for row in reader.rows():
        reference = row.text("reference", limit=None)
        stat = StatisticRow(
            row.number,
            reference,
            row.text("label", required=True, limit=(BaselineStatistic, "label")),
            row.decimal("value", field=(BaselineStatistic, "value")),
            row.text("unit", limit=(BaselineStatistic, "unit")),
            row.text("period", limit=(BaselineStatistic, "period")),
            row.text("source", limit=(BaselineStatistic, "source")),
            row.text("note", limit=(BaselineStatistic, "note")),
        )
        if stat.value is None and not row.failed:
            row.problem("value", "Enter the value: it is required on every row")
        if not stat.unit and shown_as_percentage(row, "value"):
            stat.unit = "%"  # the cell shows 26 %
        if reference:
            if reference.casefold() in references:
                row.problem(
                    "reference", f"“{reference}” is already used on row {references[reference.casefold()]}"
                )
            references[reference.casefold()] = row.number
        if row.failed:
            preview.left_out(f.STATISTICS.key, row.number, reference, stat.label)
        else:
            preview.statistics.append(stat)
            preview.not_stated(
                f.STATISTICS.title,
                row.number,
                [label for key, label in (("unit", "Unit"), ("period", "Period"), ("source", "Source"))
                 if not getattr(stat, key)],
            )  # fmt: skip
    if preview.statistics and not preview.plan.get("assessment_title"):
        preview.problems.append(
            Problem(
                f.PLAN.title,
                None,
                None,
                "The baseline statistics need the strategic assessment they come from: give its title "
                "(Strategic assessment) on the Plan sheet",
            )
        )


def statistic_key(preview: Preview, raw: str) -> str:
    wanted = raw.casefold()
    by_reference = [s for s in preview.statistics if s.reference and s.reference.casefold() == wanted]
    by_label = [s for s in preview.statistics if s.label.casefold() == wanted]
    found = by_reference or by_label
    if len(found) == 1:
        return f"stat:{found[0].row}"
    if len(found) > 1:
        raise CellError(f"More than one baseline statistic is called “{raw}”: use its reference instead")
    if (row := preview.left_out_row(f.STATISTICS.key, raw)) is not None:
        raise RefersToProblemRow(f.STATISTICS.title, row)
    raise CellError(f"“{raw}” is not a reference or label on the Baseline statistics sheet")

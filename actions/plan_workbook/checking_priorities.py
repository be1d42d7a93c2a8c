"""The Priorities sheet (priorities and sub-priorities) and the Measures sheet of their success measures.

Sub-priorities: "Part of" names the parent; blank, the reference's prefix does (1.1 is part of 1) if
that priority exists.
"""

from collections.abc import Iterable

from priorities.models import Measure, Priority
from swp.sheets.values import CellError, parse_number, text

from . import format as f
from .checking_partners import resolve_names
from .checking_plan import statistic_key
from .preview import MeasureRow, Preview, PriorityRow
from .sources import RefersToProblemRow, RowReader, SheetReader, shown_as_percentage, split_list


def read_priorities(preview: Preview, reader: SheetReader) -> None:
    seen_refs: dict[str, int] = {}
    seen_titles: dict[str, int] = {}
    explicit_parent: dict[str, tuple[RowReader, str]] = {}
    for row in reader.rows():
        reference = row.reference("reference", required=True)
        title = row.text("title", required=True, limit=(Priority, "title"))
        leads, problems = resolve_names(preview, row.text("lead_bodies"), what="lead bodies", groups=True)
        for message in problems:
            row.problem("lead_bodies", message)
        statistics = []
        for part in split_list(row.text("statistics")):
            try:
                statistics.append(statistic_key(preview, part))
            except CellError as error:
                row.report("statistics", error)
        priority = PriorityRow(
            row.number,
            reference,
            title,
            "",
            leads,
            row.text("lead_as_written", limit=(Priority, "lead_as_written")),
            row.text("lead_officer", limit=(Priority, "lead_officer_name")),
            row.text("lead_support_officer", limit=(Priority, "lead_support_officer_name")),
            row.text("aim", limit=(Priority, "aim")),
            row.text("why", limit=(Priority, "why")),
            row.text("you_told_us", limit=(Priority, "you_told_us")),
            statistics,
        )
        if reference:
            if reference in seen_refs:
                row.problem(
                    "reference",
                    f"Priority {reference} is already on row {seen_refs[reference]}. "
                    "Each needs its own number"
                    " (if Excel turned 1.10 into 1.1, format the column as text)",
                )
                continue
            seen_refs[reference] = row.number
        if title:
            if title.casefold() in seen_titles:
                row.problem("title", f"“{title}” is already the title on row {seen_titles[title.casefold()]}")
            seen_titles[title.casefold()] = row.number
        if parent := row.reference("parent"):
            explicit_parent[reference] = (row, parent)
        if row.failed:
            preview.left_out(f.PRIORITIES.key, row.number, reference)
        else:
            preview.priorities.append(priority)
    refs = {p.reference for p in preview.priorities}
    for priority in preview.priorities:
        if priority.reference in explicit_parent:
            row, parent = explicit_parent[priority.reference]
            if parent == priority.reference:
                row.problem("parent", "A priority cannot be part of itself")
            elif parent not in refs:
                row.report("parent", no_priority(preview, parent))
            else:
                priority.parent = parent
        else:
            priority.parent = longest_prefix(priority.reference, refs - {priority.reference}) or ""
    by_ref = {p.reference: p for p in preview.priorities}
    for priority in preview.priorities:
        seen, current = {priority.reference}, priority
        while current.parent:
            if current.parent in seen:
                reader.problem(
                    priority.row, "parent", "These priorities are each part of the other: correct “Part of”"
                )
                break
            seen.add(current.parent)
            current = by_ref[current.parent]
            priority.depth += 1


def no_priority(preview: Preview, reference: str) -> CellError:
    """Why `reference` is not one of the preview's priorities: its row has a problem, or there is none."""
    if (row := preview.left_out_row(f.PRIORITIES.key, reference)) is not None:
        return RefersToProblemRow(f.PRIORITIES.title, row)
    return CellError(f"There is no priority {reference} on the Priorities sheet")


def left_out_priorities(preview: Preview) -> set[str]:
    return {name for sheet, name in preview.failed if sheet == f.PRIORITIES.key}


def longest_prefix(reference: str, candidates: Iterable[str]) -> str | None:
    matches = [c for c in candidates if reference.startswith(c + ".")]
    return max(matches, key=len) if matches else None


def read_measures(preview: Preview, reader: SheetReader) -> None:
    refs = {p.reference for p in preview.priorities}
    orders: dict[str, int] = {}
    for row in reader.rows():
        priority = row.reference("priority", required=True)
        if priority and priority not in refs:
            row.report("priority", no_priority(preview, priority))
        baseline_value = row.decimal("baseline_value", field=(Measure, "baseline_value"))
        target_raw = row.raw("target_value")
        target_description = row.text("target_description", limit=(Measure, "target_description"))
        target_value = None
        try:
            parse_number(target_raw)
        except CellError:
            if target_description:
                row.problem(
                    "target_value", f"“{text(target_raw)}” is not a number. Put words in Target description"
                )
            else:
                target_description = row.text("target_value", limit=(Measure, "target_description"))
        else:
            target_value = row.decimal("target_value", field=(Measure, "target_value"))
        has_numbers = baseline_value is not None or target_value is not None
        kind = row.words(
            "kind", f.MEASURE_KIND, Measure.Kind.NUMERIC if has_numbers else Measure.Kind.QUALITATIVE
        )
        unit = row.text("unit", limit=(Measure, "unit"))
        if not unit and shown_as_percentage(row, "baseline_value", "target_value"):
            unit = "%"  # the cells show 26 %: the unit is what the plan shows, not a guess
        default_unit_type = (
            Measure.UnitType.PERCENTAGE if unit.strip() == "%" else
            Measure.UnitType.MONEY if unit.strip().startswith("£") else Measure.UnitType.COUNT
        )  # fmt: skip
        direction = row.words("direction", f.DIRECTION)
        if kind == Measure.Kind.QUALITATIVE and has_numbers:
            row.problem(
                "kind",
                "An outcome measure has no baseline or target value: make it a Numeric indicator, or put the "
                "figures in the notes",
            )
        if kind == Measure.Kind.NUMERIC and not direction:
            row.problem("direction", "Say whether higher or lower is better for a numeric indicator")
        statistic = None
        if raw := row.text("baseline_statistic"):
            try:
                statistic = statistic_key(preview, raw)
            except CellError as error:
                row.report("baseline_statistic", error)
        measure = MeasureRow(
            row.number,
            priority,
            orders.get(priority, 0) + 1,
            row.text("title", required=True, limit=(Measure, "title")),
            kind,
            unit,
            row.words("unit_type", f.UNIT_TYPE, default_unit_type),
            direction,
            baseline_value,
            row.text("baseline_period", limit=(Measure, "baseline_period")),
            row.text("baseline_source", limit=(Measure, "baseline_source")),
            row.text("baseline_note", limit=(Measure, "baseline_note")),
            statistic,
            target_value,
            target_description,
        )
        if not row.failed:
            orders[priority] = measure.order
            preview.measures.append(measure)
            if kind == Measure.Kind.NUMERIC:
                preview.not_stated(f.MEASURES.title, row.number, _unstated(measure))


def _unstated(measure: MeasureRow) -> list[str]:
    """What a numeric measure's figures leave unsaid: its unit, and its baseline's period and source
    (which a baseline statistic gives instead)."""
    unstated = ["Unit"] if not measure.unit else []
    if measure.baseline_value is not None and not measure.baseline_statistic:
        unstated += [
            label
            for label, value in (
                ("Baseline period", measure.baseline_period),
                ("Baseline source", measure.baseline_source),
            )
            if not value
        ]
    return unstated

"""The Actions sheet of the delivery plan, and the Themes sheet of the themes that cut across it.

An action's priority is its Priority reference, or else the longest priority reference its own
reference starts with (1.1.1 belongs to 1.1, else 1). A deadline that is an unambiguous date is the
deadline; words ("Ongoing", "2021/22") are the timescale as written; something date-shaped that is not
a real date (31/09/2022) is an error. Themes named only on the Actions sheet are made too.
"""

import datetime
import re

from django.utils import timezone

from priorities.models import Theme
from swp.sheets.values import CellError, is_blank, normalise_words, parse_uk_date, text

from ..models import Action, Rag
from . import format as f
from .checking_partners import resolve_names
from .checking_priorities import left_out_priorities, longest_prefix, no_priority
from .preview import ActionRow, PeriodRow, Preview, ReportedStatus, ThemeRow
from .sources import RowReader, SheetReader, split_list

_DATE_SHAPED = re.compile(r"^\s*(\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})(\s|$)")


def _deadline(row: RowReader) -> tuple[datetime.date | None, str]:
    """(deadline, timescale as written): a date only when it is unambiguously one."""
    raw = row.raw("deadline")
    if is_blank(raw):
        return None, ""
    if (
        isinstance(raw, (int, float))
        and not isinstance(raw, bool)
        and float(raw).is_integer()
        and 1900 <= raw <= 2200
    ):
        return None, str(int(raw))  # a year on its own
    if (
        isinstance(raw, str)
        and not _DATE_SHAPED.match(raw)
        and not re.match(r"^\s*\d{4}-\d{1,2}-\d{1,2}", raw)
    ):
        try:
            return parse_uk_date(raw), ""
        except CellError:
            return None, text(raw)  # words: the timescale as written
    return row.parse("deadline", parse_uk_date), ""


def _year(raw) -> int | None:
    """The year a cell gives on its own (2020, typed or as a number), or None."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        year = int(raw)
    elif isinstance(raw, str) and re.fullmatch(r"\s*\d{4}\s*", raw):
        year = int(raw)
    else:
        return None
    return year if 1900 <= year <= 2199 else None


def _start(preview: Preview, row: RowReader) -> datetime.date | None:
    """The start date; a year on its own ("2020", as plans write it) is taken as the start of that year,
    and the preview says so."""
    if (year := _year(row.raw("start"))) is not None:
        preview.notes.append(
            f"{f.ACTIONS.title} sheet, row {row.number}: start “{year}” is a year, so it is taken as "
            f"1 January {year}"
        )
        return datetime.date(year, 1, 1)
    return row.parse("start", parse_uk_date)


def read_actions(preview: Preview, reader: SheetReader, themes: dict[str, ThemeRow]) -> None:
    refs = {p.reference for p in preview.priorities}
    seen: dict[str, int] = {}
    orders: dict[str, int] = {}
    for row in reader.rows():
        reference = row.reference("reference", required=True)
        priority = row.reference("priority")
        if priority and priority not in refs:
            row.report("priority", no_priority(preview, priority))
        elif not priority and reference:
            priority = longest_prefix(reference, refs | left_out_priorities(preview)) or ""
            if priority and priority not in refs:
                row.report("priority", no_priority(preview, priority))
            elif not priority:
                row.problem(
                    "priority",
                    f"Say which priority item {reference} belongs to: give its Priority reference, "
                    "or number the "
                    "item after its priority (1.1 for priority 1)",
                )
        if reference in seen:
            row.problem(
                "reference",
                f"Item {reference} is already on row {seen[reference]}. Each needs its own number"
                " (if Excel turned 1.10 into 1.1, format the column as text)",
            )
        seen.setdefault(reference, row.number)
        organisations, problems = resolve_names(
            preview, row.text("organisations"), what="responsible organisations", groups=False
        )
        for message in problems:
            row.problem("organisations", message)
        start = _start(preview, row)
        deadline, timescale_words = _deadline(row)
        timescale = row.text("timescale", limit=(Action, "timescale"))
        if timescale_words:
            if timescale and timescale != timescale_words:
                row.problem(
                    "deadline", f"“{timescale_words}” is not a date, and Timescale is already filled in"
                )
            timescale = timescale_words
            if len(timescale) > 100:
                row.problem(
                    "deadline", f"A timescale must be 100 characters or fewer; it has {len(timescale)}"
                )
        if start and deadline and deadline < start:
            row.problem("deadline", "The deadline must be on or after the start date")
        theme_names = []
        for name in split_list(row.text("themes")):
            if len(name) > 200:
                row.problem("themes", "A theme's name must be 200 characters or fewer")
                continue
            theme = themes.setdefault(name.casefold(), ThemeRow(None, name, "", []))
            theme_names.append(theme.name)
        action = ActionRow(
            row.number,
            reference,
            priority,
            orders.get(priority, 0) + 1,
            row.text("overall_objective", required=True, limit=(Action, "overall_objective")),
            row.text("objective", limit=(Action, "objective")),
            row.words("horizon", f.HORIZON, Action.Horizon.ONE_YEAR),
            row.text("responsible_officer", limit=(Action, "responsible_officer")),
            organisations,
            start,
            deadline,
            timescale,
            row.words("status", f.ACTION_STATUS, Action.Status.NOT_STARTED),
            theme_names,
            _reported(preview, row),
        )
        if not row.failed:
            orders[priority] = action.order
            preview.actions.append(action)


def _reported(preview: Preview, row: RowReader) -> ReportedStatus | None:
    """The action's latest report, if the row gives one: a quarter's accepted update once loaded.

    The database keeps an accepted update only with a rating, and a red or amber one only with what
    is being done; both are asked for here, at the row, so that nothing fails when the plan is saved.
    """
    rag = row.words("rag", f.RAG)
    status = ReportedStatus(
        "",
        rag,
        row.text("progress"),
        row.text("recovery_plan"),
        row.text("outcomes"),
    )
    written = row.raw("reported_for")
    if not any((rag, status.progress, status.recovery_plan, status.outcomes)):
        if not is_blank(written):
            row.problem("rag", "Give the RAG rating reported for that quarter, or leave “Reported for” blank")
        return None
    if not rag and is_blank(row.raw("rag")):
        row.problem("rag", "Give the RAG rating reported with this progress: Red, Amber or Green")
    if rag in (Rag.RED, Rag.AMBER) and not status.recovery_plan:
        row.problem("recovery_plan", f"Say what is being done to get this {rag} action back on track")
    if is_blank(written):
        row.problem(
            "reported_for", "Say which quarter this was reported for, such as its label or a date in it"
        )
        return None
    try:
        status.period = _quarter(preview, written).label
    except CellError as error:
        row.problem("reported_for", str(error))
        return None
    return status


def _quarter(preview: Preview, written) -> PeriodRow:
    """The quarter a cell names: by its label (any case), or as the quarter a date falls in."""
    if isinstance(written, (datetime.date, datetime.datetime)) or _DATE_SHAPED.match(text(written)):
        day = parse_uk_date(written)
        found = [p for p in preview.periods if p.start <= day <= p.end]
    else:
        found = [p for p in preview.periods if normalise_words(p.label) == normalise_words(written)]
    if not found:
        labels = ", ".join(p.label for p in preview.periods) or "none"
        raise CellError(f"“{text(written)}” is not one of the plan's quarters ({labels})")
    quarter = found[0]
    if quarter.start > timezone.localdate():
        raise CellError(
            f"{quarter.label} has not started yet: a latest update can be brought in only for a quarter "
            "that has begun"
        )
    return quarter


def read_themes(preview: Preview, reader: SheetReader | None) -> dict[str, ThemeRow]:
    themes: dict[str, ThemeRow] = {}
    if reader is None:
        return themes
    refs = {p.reference for p in preview.priorities}
    for row in reader.rows():
        name = row.text("name", required=True, limit=(Theme, "name"))
        description = row.text("description", limit=(Theme, "description"))
        priorities = []
        for reference in split_list(row.text("priorities")):
            reference = reference.rstrip(".")
            if reference not in refs:
                row.report("priorities", no_priority(preview, reference))
            else:
                priorities.append(reference)
        if name.casefold() in themes:
            row.problem("name", f"“{name}” is already on row {themes[name.casefold()].row}")
        if not row.failed:
            themes[name.casefold()] = ThemeRow(row.number, name, description, priorities)
    return themes

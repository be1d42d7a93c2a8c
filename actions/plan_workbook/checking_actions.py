"""The Actions sheet of the delivery plan, and the Themes sheet of the themes that cut across it.

An action's priority is its Priority reference, or else the longest priority reference its own
reference starts with (1.1.1 belongs to 1.1, else 1). A deadline that is an unambiguous date is the
deadline; words ("Ongoing", "2021/22") are the timescale as written; something date-shaped that is not
a real date (31/09/2022) is an error. Themes named only on the Actions sheet are made too.
"""

import datetime
import re

from priorities.models import Theme
from swp.sheets.values import CellError, is_blank, parse_uk_date, text

from ..models import Action
from . import format as f
from .checking_partners import resolve_names
from .checking_priorities import longest_prefix
from .preview import ActionRow, Preview, ThemeRow
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


def read_actions(preview: Preview, reader: SheetReader, themes: dict[str, ThemeRow]) -> None:
    refs = {p.reference for p in preview.priorities}
    seen: dict[str, int] = {}
    orders: dict[str, int] = {}
    for row in reader.rows():
        reference = row.reference("reference", required=True)
        priority = row.reference("priority")
        if priority and priority not in refs:
            row.problem("priority", f"There is no priority {priority} on the Priorities sheet")
        elif not priority and reference:
            priority = longest_prefix(reference, refs) or ""
            if not priority:
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
        start = row.parse("start", parse_uk_date)
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
        )
        if not row.failed:
            orders[priority] = action.order
            preview.actions.append(action)


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
                row.problem("priorities", f"There is no priority {reference} on the Priorities sheet")
            priorities.append(reference)
        if name.casefold() in themes:
            row.problem("name", f"“{name}” is already on row {themes[name.casefold()].row}")
        if not row.failed:
            themes[name.casefold()] = ThemeRow(row.number, name, description, priorities)
    return themes

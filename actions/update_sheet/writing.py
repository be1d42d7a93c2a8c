"""The lead's quarterly update sheet: an XLSX of every action they may update in the open quarter.

Sheet "Updates": a title, a line pointing at the instructions, then one row per action. Grey
columns (reference, priority, objective, current deadline, this quarter's state, any comment
from the secretary, and last quarter's rating and progress) are context: the sheet is protected so
they cannot be typed over by accident, but protection is only a convenience (it has no password)
and the upload checks everything again.
White columns are the update: RAG (a Red/Amber/Green drop-down), progress, what is being done,
outcomes, complete? (Yes/No), a proposed deadline and its reason, and "Submit for review?"
(Yes/No, or blank: see the instructions). The last column, hidden, is the sheet check: which
action the row was downloaded for and the version of its update then, so a change someone else
made since is found rather than overwritten (columns.py says how, preview.py reads it).

Sheet "Measures", when the person leads any: those measures with last quarter's and this quarter's
readings, for information only (measures_sheet.py). Sheet "Instructions": plain English, including
the plan's own RAG definitions. A hidden sheet "About" records the plan and quarter the sheet was
made for.

Every cell is written by swp/sheets/writing.write_cell: text neutralised and a string cell, so text
beginning "=" can never become a live formula (SEC-14). Written in openpyxl's write-only mode, so
a plan of thousands of actions needs little memory.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from governance.models import User
from governance.permissions import can
from priorities.models import Plan, ReportingPeriod
from swp.sheets.writing import WORKBOOK, new_cell
from swp.text_limits import COMMENT, NARRATIVE

from ..models import Action, ActionUpdate
from ..review_context import last_quarter_updates, quarter_before
from ..status import NO_UPDATE, UPDATE_STATE_LABELS
from .columns import LABELS, SHEET_COLUMNS, SHEET_KIND, fingerprint, sheet_marker
from .measures_sheet import measures_sheet

UPDATES_SHEET = "Updates"
INSTRUCTIONS_SHEET = "Instructions"
ABOUT_SHEET = "About"
HEADER_ROW = 3

_INDEX = {column.heading: index for index, column in enumerate(SHEET_COLUMNS)}

_GREY = PatternFill("solid", fgColor="F3F2F1")
_HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


def sheet_actions(*, user: User, plan: Plan, period: ReportingPeriod) -> list[Action]:
    """Every action of the plan the person may update, with this quarter's update as `sheet_update`."""
    updates = {u.action_id: u for u in ActionUpdate.objects.filter(period=period)}
    actions = (
        Action.objects.filter(plan=plan)
        .exclude(status=Action.Status.CANCELLED)
        .select_related("plan", "priority")
        .order_by("priority__order", "order", "id")
    )
    mine = []
    for action in actions:
        if can(user, "actions.edit_update", action):
            action.sheet_update = updates.get(action.pk)
            mine.append(action)
    return mine


def _cell(sheet, value, *, editable: bool = False, bold: bool = False, wrap: bool = False, fill=None):
    """A cell of the sheet: white and unlocked if it is for the update, else grey and locked."""
    if fill is None and not editable:
        fill = _GREY
    protection = _UNLOCKED if editable else _LOCKED
    return new_cell(sheet, value, kind=WORKBOOK, bold=bold, wrap=wrap, fill=fill, protection=protection)


def _last_quarter(previous: ReportingPeriod | None, last: ActionUpdate | None) -> str:
    """Last quarter's reported update in a few words: "2020 Q1, Amber: Knife arches bought..."."""
    if previous is None:
        return ""
    if last is None:
        return f"No update reported for {previous.label}"
    rating = "Complete" if last.marks_complete else last.get_rag_display()
    return f"{previous.label}, {rating}: {last.progress}".rstrip(": ")


def _row_values(action: Action, last_quarter: str) -> list:
    update: ActionUpdate | None = action.sheet_update
    state = update.state if update else NO_UPDATE
    values = [
        action.reference,
        f"{action.priority.order}. {action.priority.title}",
        action.objective or action.overall_objective,
        action.deadline,
        UPDATE_STATE_LABELS[state],
        update.review_comment if update and update.state == ActionUpdate.State.RETURNED else "",
        last_quarter,
    ]
    if update is None:
        values += ["", "", "", "", "", None, "", ""]
    else:
        values += [
            update.get_rag_display(),
            update.progress,
            update.recovery_plan,
            update.outcomes,
            "Yes" if update.marks_complete else "No",
            update.proposed_deadline,
            update.deadline_change_reason,
            "",  # blank: the upload decides (see the instructions)
        ]
    values.append(fingerprint(action, update))
    return values


def _validation(sheet, options: str, column_heading: str, rows: int, prompt: str) -> None:
    letter = get_column_letter(_INDEX[column_heading] + 1)
    validation = DataValidation(
        type="list",
        formula1=f'"{options}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=column_heading,
        error=f"Choose {options.replace(',', ', ').rsplit(', ', 1)[0]} or {options.rsplit(',', 1)[1]}",
        showInputMessage=True,
        promptTitle=column_heading,
        prompt=prompt,
    )
    validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + max(rows, 1)}")
    sheet.data_validations.append(validation)


def _updates_sheet(workbook: Workbook, *, plan: Plan, period: ReportingPeriod, actions: list[Action]) -> None:
    sheet = workbook.create_sheet(UPDATES_SHEET)
    for index, column in enumerate(SHEET_COLUMNS, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"
    # Say the sheet's size up front, as Excel does: without it openpyxl's reader parses the whole
    # sheet once more each time it opens the workbook, just to find out how big it is.
    last = get_column_letter(len(SHEET_COLUMNS))
    sheet.calculate_dimension = lambda: f"A1:{last}{HEADER_ROW + len(actions)}"
    # Protected so the grey columns are not typed over by mistake; no password, and never trusted.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.sort = False
    sheet.protection.autoFilter = False
    _validation(
        sheet,
        "Red,Amber,Green",
        LABELS["rag"],
        len(actions),
        "Red, Amber or Green: see the Instructions sheet",
    )
    _validation(sheet, "Yes,No", LABELS["complete"], len(actions), "Yes if the action is finished")
    _validation(
        sheet,
        "Yes,No",
        LABELS["submit"],
        len(actions),
        "Yes: submit. No: keep as a draft. Blank: see Instructions",
    )
    title = f"{plan.title}: updates for {period.label}"
    title_row = [_cell(sheet, title, bold=True, fill=PatternFill())]
    title_row += [_cell(sheet, None, fill=PatternFill()) for _ in SHEET_COLUMNS[2:]]
    title_row.append(_cell(sheet, sheet_marker(plan, period), fill=PatternFill()))  # in the hidden column
    sheet.append(title_row)
    sheet.append(
        [
            _cell(
                sheet,
                "Fill in the white columns, one row per action. Grey columns are for information: "
                "they are not read back. The Instructions sheet explains each column.",
                fill=PatternFill(),
            )
        ]
    )
    sheet.append(
        [
            _cell(sheet, column.heading, bold=True, wrap=True, fill=_HEADER_FILL, editable=False)
            for column in SHEET_COLUMNS
        ]
    )
    previous = quarter_before(period)
    last = last_quarter_updates((action.pk for action in actions), previous)
    for action in actions:
        values = _row_values(action, _last_quarter(previous, last.get(action.pk)))
        sheet.append(
            [
                _cell(sheet, value, editable=column.editable, wrap=column.wrap)
                for column, value in zip(SHEET_COLUMNS, values, strict=True)
            ]
        )


def _up_to(limit: int) -> str:
    return f"Up to {limit:,} characters."


def instructions(plan: Plan, period: ReportingPeriod) -> list[tuple[str, str]]:
    """The Instructions sheet, as (heading, text) pairs; also shown on the upload page."""
    deadline = f"{period.update_deadline:%-d %B %Y}" if period.update_deadline else "the deadline"
    return [
        (
            "What this is",
            f"Your updates for {period.label} on {plan.title}, one row per action you can update.",
        ),
        (
            "How to use it",
            f"Fill in the white columns on the Updates sheet, save the file as .xlsx, and upload it from "
            f"“Your updates”. You will see exactly what will change, row by row, before anything is saved; "
            f"nothing is saved until you confirm, and then every row is saved or none is. Updates are due "
            f"by {deadline}.",
        ),
        ("Ref", "The action's item number. Do not change it: it says which action the row is for."),
        (
            "Grey columns",
            "Priority, objective, current deadline, this quarter's state, the secretary's "
            "comment and last quarter's rating and progress are there to help you. They are not read "
            "back, so changing them does nothing.",
        ),
        (
            "Measures",
            "If you lead measures, the Measures sheet lists them with last quarter's and this "
            "quarter's readings, for information. Enter readings on the web, from “Your updates”: "
            "that sheet is not read back.",
        ),
        (
            "RAG",
            "How the action is doing: Red, Amber or Green (R, A or G also work). "
            "“Complete” marks the action complete and rates it green. “Not started” keeps the update "
            "as a draft with no rating.",
        ),
        ("Red", plan.rag_red_definition or "Off track."),
        ("Amber", plan.rag_amber_definition or "At risk."),
        ("Green", plan.rag_green_definition or "On track."),
        ("Progress", f"What has been done since the last update, in plain English. {_up_to(NARRATIVE)}"),
        (
            "What is being done",
            "Needed when you rate an action red or amber: how it will get back on track. "
            + _up_to(NARRATIVE),
        ),
        (
            "Outcomes",
            "What difference it has made so far, for example, 3 events held with 120 residents. "
            + _up_to(NARRATIVE),
        ),
        ("Complete?", "Yes if the action is finished. The secretary's acceptance marks it complete."),
        (
            "Proposed deadline",
            "Only if the deadline should change: a date like 31/03/2021 (day first). "
            "It must be on or after the action's start date, and needs a reason. A date equal to the "
            "current deadline means no change.",
        ),
        ("Reason for new deadline", f"Why the deadline should change. {_up_to(COMMENT)}"),
        (
            "Submit for review?",
            "Yes: submit the update to the secretary (it needs a rating and progress, "
            "and, for red or amber, what is being done). No: save it as a draft. Blank: submit it if it "
            "has all of those, otherwise save it as a draft. A row you did not change is left as it is.",
        ),
        (
            "Blank rows",
            "Rows with nothing filled in are skipped. A blank cell in a row you filled in clears that field.",
        ),
        (
            "Dates",
            "Day first: 31/03/2021, 31/3/21 or 2021-03-31. Anything that is not clearly one date, "
            "such as “TBC” or 31/09/2021, is shown as an error for you to fix.",
        ),
        (
            "Sheet check",
            "A hidden column records each row's update as it was when you downloaded the sheet. "
            "If someone else has changed an update since, that row is shown as an error rather than "
            "overwriting their change: download a new sheet.",
        ),
        (
            "Other spreadsheets",
            "You can also upload your own sheet or a CSV file: it needs a column for the "
            "item number (Ref, Item No. or Item number) and columns such as RAG, Progress, Recovery plan, "
            "Outcomes and Proposed deadline. A column headed Deadline or Due is taken as the action's "
            "current deadline and proposes nothing. Title rows above the headings, and notes or a key "
            "below, are fine; the check before saving shows which column was read as what.",
        ),
    ]


def _instructions_sheet(workbook: Workbook, *, plan: Plan, period: ReportingPeriod) -> None:
    sheet = workbook.create_sheet(INSTRUCTIONS_SHEET)
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 100
    sheet.append(
        [_cell(sheet, f"How to fill in your {period.label} update sheet", bold=True, fill=PatternFill())]
    )
    sheet.append([])
    for heading, body in instructions(plan, period):
        sheet.append(
            [
                _cell(sheet, heading, bold=True, fill=PatternFill(), wrap=True),
                _cell(sheet, body, fill=PatternFill(), wrap=True),
            ]
        )


def _about_sheet(workbook: Workbook, *, plan: Plan, period: ReportingPeriod, user: User) -> None:
    sheet = workbook.create_sheet(ABOUT_SHEET)
    sheet.sheet_state = "hidden"
    for key, value in (
        ("Sheet", SHEET_KIND),
        ("Plan", plan.pk),
        ("Quarter", period.pk),
        ("Quarter label", period.label),
        ("Downloaded by", user.pk),
    ):
        sheet.append([_cell(sheet, key, fill=PatternFill()), _cell(sheet, value, fill=PatternFill())])


def update_sheet_bytes(
    *, user: User, plan: Plan, period: ReportingPeriod, actions: list[Action] | None = None
) -> bytes:
    """The workbook, as bytes. `actions` defaults to sheet_actions(user=, plan=, period=)."""
    if actions is None:
        actions = sheet_actions(user=user, plan=plan, period=period)
    workbook = Workbook(write_only=True)
    _updates_sheet(workbook, plan=plan, period=period, actions=actions)
    measures_sheet(workbook, user=user, plan=plan, period=period)
    _instructions_sheet(workbook, plan=plan, period=period)
    _about_sheet(workbook, plan=plan, period=period, user=user)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()

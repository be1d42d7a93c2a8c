"""Reading an uploaded update sheet into a plan of changes, and applying it all or nothing.

`build_plan()` reads the rows (our own sheet, or a lead's own spreadsheet or CSV) and decides, row
by row, what would happen: a change (field: old -> new, submitted or kept as a draft), unchanged,
skipped (blank), ignored (a title, heading, key or footnote), or an error with the row, the column
and the reason. It writes nothing. `apply_import()` builds the plan again inside one transaction,
against the database as it is now, refuses if anything differs from the preview the person saw (the
plan's digest) or has any error, and saves every change through services.save_updates_in_bulk:
the same rules, versions and history as the web form's services.save_update. Any exception rolls
everything back.

The rules, which the Instructions sheet and the notes repeat:

- Which rows: the heading row is found among the first rows (titles above it are fine); headings
  match case-insensitively with synonyms (COLUMNS). Blank rows are skipped. A row without an item
  number that looks like a heading, key ("Key: R = …"), source or note is reported and ignored; a
  row with update values but no recognisable item number is an error.
- Which action: the Ref must be an item of the plan; a reference Excel turned into a number that
  could be two items (1.1 and 1.10) is an error, as are an item the uploader may not update, a
  cancelled item, and the same item twice.
- Values: RAG as R/A/G or the words, any case, stray spaces. "Complete"/"Completed" (in the RAG
  or a Status column) marks the action complete and rates it green; "Not started" keeps the update
  as a draft with no rating (an error if the row says to submit it). Anything else ("Ongoing",
  "TBC", 31/09/2022) is an error, never a guess. A proposed deadline equal to the current deadline
  means no change.
- Fields: a column the sheet does not have leaves that field as it is; a blank cell in a row with
  something filled in clears it. A row with only its Ref filled in is skipped.
- Submit or draft ("Submit for review?"): Yes submits (the web form's rules for submitting apply);
  No saves a draft; blank submits when the row has a rating, progress and, for red or amber, what
  is being done, and otherwise saves a draft (the preview says why). A row equal to what is stored
  is unchanged and nothing is written, unless it explicitly asks to submit a draft or returned
  update, or to take a submitted one back to draft. Changing a locked quarter's or an accepted
  update is an error; leaving it as it is, is not.
- Sheet check: our sheet's hidden column names the action and update version each row was
  downloaded with. A row that would change an update someone else has changed since is an error;
  a row whose Ref was changed to another item's is an error.
"""

import datetime
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from governance.models import PendingImport, User
from governance.permissions import can
from priorities.models import Plan, Priority, ReportingPeriod
from swp.sheets.headers import Column, HeaderMatch, find_header
from swp.sheets.reading import SheetRow, read_rows
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import (
    CellError,
    is_blank,
    parse_rag,
    parse_reference,
    parse_uk_date,
    parse_yes_no,
    reference_was_number,
    text,
    words,
)

from . import services
from .models import Action, ActionUpdate, Rag
from .update_sheet import CONTEXT_HEADINGS, SHEET_KIND

MAX_ROWS = 20_000

COLUMNS = (
    Column(
        "reference",
        "Ref (do not change)",
        (
            "Ref", "Ref no", "Reference", "Item", "Item no", "Item number", "Item ref", "Action ref",
            "Action reference", "Action no", "Action number", "No", "Number",
        ),
        required=True,
    ),
    Column("rag", "RAG", ("RAG status", "RAG rating", "On target", "On track", "Rating", "Current RAG")),
    Column("status", "Status", ("Action status", "Progress status", "Overall status")),
    Column(
        "progress",
        "Progress",
        (
            "Update", "Progress update", "Progress this quarter", "Progress narrative", "Latest update",
            "Update this quarter", "Quarterly update", "Commentary", "Progress to date",
        ),
    ),
    Column(
        "recovery_plan",
        "What is being done",
        (
            "Recovery plan", "Actions to get back on track", "Action to get back on track",
            "What is being done to bring it back on track", "Mitigation", "Remedial action",
            "Remedial actions", "Recovery actions",
        ),
    ),
    Column("outcomes", "Outcomes", ("Actual outcomes", "Outcome", "Outcomes achieved", "Impact")),
    Column("complete", "Complete?", ("Completed", "Action complete", "Is the action complete")),
    Column(
        "proposed_deadline",
        "Proposed deadline",
        (
            "Proposed new deadline", "New deadline", "Revised deadline", "Deadline", "Due", "Due date",
            "Target date", "Revised due date",
        ),
    ),
    Column(
        "deadline_change_reason",
        "Reason for new deadline",
        (
            "Why the deadline should change", "Reason for change", "Deadline change reason",
            "Reason for revised deadline", "Reason",
        ),
    ),
    Column("submit", "Submit for review?", ("Submit", "Ready to submit", "Submit for review")),
    Column("fingerprint", "Sheet check (do not change)"),
)  # fmt: skip
UPDATE_KEYS = tuple(column.key for column in COLUMNS if column.key not in ("reference", "fingerprint"))
FIELD_LABELS = {
    "rag": "RAG",
    "progress": "Progress",
    "recovery_plan": "What is being done",
    "outcomes": "Outcomes",
    "marks_complete": "Complete?",
    "proposed_deadline": "Proposed deadline",
    "deadline_change_reason": "Reason for new deadline",
}
TEXT_FIELDS = ("progress", "recovery_plan", "outcomes", "deadline_change_reason")
_OUR_HEADINGS = {heading.lower() for heading in CONTEXT_HEADINGS}

CHANGE, UNCHANGED, SKIPPED, IGNORED, ERROR = "change", "unchanged", "skipped", "ignored", "error"

# Words a Yes/No column here also takes, beyond swp.sheets.values' own.
_ALSO_YES = ("submit", "complete", "completed")
_ALSO_NO = ("draft", "not complete", "incomplete")
_COMPLETE = {"complete", "completed"}
_NOT_STARTED = {"not started", "not yet started"}
_IN_PROGRESS = {"in progress", "started"}  # a Status column's word that says nothing about the rating
_STATUS_HINT = "Enter Red, Amber or Green (or R, A or G), Complete, or Not started"
# What a reference looks like: 1, 1.4, 1.1.2, 2a, P1.3, 1-4.
_REFERENCE_SHAPE = re.compile(r"^[a-z]{0,3}\s?\d+(?:[.\-]\d+)*[a-z]?$", re.IGNORECASE)
_LEGEND_START = re.compile(
    r"^(key|legend|rag key|source|sources|note|notes|nb|n\.b|\*|total|totals|prepared by|"
    r"last updated|updated|date produced|version|guidance|red|amber|green)\b",
    re.IGNORECASE,
)
_FINGERPRINT = re.compile(r"^a(\d+)v(\d+)$")


# The result ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowError:
    column: str
    message: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(slots=True)
class RowPlan:
    number: int
    outcome: str = ""
    reference: str = ""
    action: Action | None = None
    changes: list[FieldChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    submit: bool = False
    draft_reason: str = ""  # why a row left to us is kept as a draft
    explicit_submit: bool = False  # the row said Yes or No in "Submit for review?"
    note: str = ""  # what an ignored row said
    data: services.UpdateInput | None = None
    expected_version: int = 0

    def error(self, column: str, message: str) -> None:
        self.outcome = ERROR
        self.errors.append(RowError(column, message))

    @property
    def result_label(self) -> str:
        return "Submitted for review" if self.submit else "Saved as a draft"


@dataclass
class ImportPlan:
    plan: Plan
    period: ReportingPeriod
    rows: list[RowPlan] = field(default_factory=list)
    sheet_errors: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    header_row: int | None = None
    blank_rows: int = 0

    def _of(self, outcome: str) -> list[RowPlan]:
        return [row for row in self.rows if row.outcome == outcome]

    @property
    def changes(self) -> list[RowPlan]:
        return self._of(CHANGE)

    @property
    def unchanged(self) -> list[RowPlan]:
        return self._of(UNCHANGED)

    @property
    def skipped(self) -> list[RowPlan]:
        return self._of(SKIPPED)

    @property
    def ignored(self) -> list[RowPlan]:
        return self._of(IGNORED)

    @property
    def error_rows(self) -> list[RowPlan]:
        return self._of(ERROR)

    @property
    def submitted_count(self) -> int:
        return sum(row.submit for row in self.changes)

    @property
    def error_messages(self) -> list[str]:
        """Every problem in plain English, the sheet's own first, then row by row."""
        return [*self.sheet_errors] + [
            f"Row {row.number}, {problem.column}: {problem.message}"
            for row in self.error_rows
            for problem in row.errors
        ]

    @property
    def can_confirm(self) -> bool:
        return not self.sheet_errors and not self.error_rows and bool(self.changes)

    def digest(self) -> str:
        """What confirming would do, in 64 characters: a confirm is refused if it no longer matches."""
        digest = hashlib.sha256(f"{self.plan.pk}:{self.period.pk}:{self.sheet_errors!r}".encode())
        for row in self.rows:
            if row.outcome == SKIPPED and row.action is None:
                continue
            values = services.stored_values(row.data) if row.data else None
            digest.update(
                repr(
                    (row.number, row.outcome, row.action.pk if row.action else None, row.expected_version,
                     row.submit, values, row.errors)
                ).encode()
            )  # fmt: skip
        return digest.hexdigest()


# The web form's rules -----------------------------------------------------------------------------


def update_problems(action: Action, data: services.UpdateInput, *, submitting: bool) -> dict[str, str]:
    """actions.forms.UpdateForm.clean()'s rules, by field (tests hold the two to the same answers)."""
    problems: dict[str, str] = {}
    if submitting:
        if not data.rag:
            problems["rag"] = "Choose Red, Amber or Green to submit this update"
        if not data.progress.strip():
            problems["progress"] = "Enter the progress this quarter to submit this update"
    if data.rag in (Rag.RED, Rag.AMBER) and submitting and not data.recovery_plan.strip():
        problems["recovery_plan"] = f"Say what is being done, as you rated it {data.rag}"
    deadline = data.proposed_deadline
    if deadline:
        if action.start_date and deadline < action.start_date:
            problems["proposed_deadline"] = (
                f"The new deadline must be on or after the action's start date, {_date(action.start_date)}"
            )
        elif deadline == action.deadline:
            problems["proposed_deadline"] = "The new deadline must be different from the current deadline"
        if not data.deadline_change_reason.strip():
            problems["deadline_change_reason"] = "Give a reason for the new deadline"
    return problems


# Reading values -----------------------------------------------------------------------------------


def _date(value: datetime.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "none"


@dataclass
class _Status:
    rag: str = ""
    complete: bool = False
    not_started: bool = False
    said: bool = False  # the cell said something about the rating


def _read_status(value, *, rating_column: bool) -> _Status:
    """A RAG or Status cell: a rating, Complete or Not started. CellError for anything else."""
    if is_blank(value):
        return _Status()
    word = words(value)
    if word in _COMPLETE:
        return _Status(rag=Rag.GREEN, complete=True, said=True)
    if word in _NOT_STARTED:
        return _Status(not_started=True, said=True)
    if not rating_column and word in _IN_PROGRESS:
        return _Status()
    return _Status(rag=parse_rag(value, hint=_STATUS_HINT), said=True)


def _yes_no(value, *, what: str) -> bool | None:
    return parse_yes_no(value, also_yes=_ALSO_YES, also_no=_ALSO_NO, hint=what)


def _show(key: str, value) -> str:
    if key == "rag":
        return str(Rag(value).label) if value else "No rating"
    if key == "marks_complete":
        return "Yes" if value else "No"
    if key == "proposed_deadline":
        return _date(value) if value else "None"
    return value if value else "(blank)"


# Finding the action -------------------------------------------------------------------------------


class _References:
    def __init__(self, actions: Iterable[Action]):
        self.by_text: dict[str, Action] = {}
        self.by_number: dict[Decimal, list[Action]] = {}
        for action in actions:
            key = action.reference.strip().rstrip(".").lower()
            self.by_text[key] = action
            try:
                number = Decimal(key)
            except InvalidOperation:
                continue
            if number.is_finite():
                self.by_number.setdefault(number.normalize(), []).append(action)

    def find(self, value) -> tuple[Action | None, str, str]:
        """(action, the reference as written, a problem) for a Ref cell."""
        reference = parse_reference(value)
        if reference_was_number(value):
            candidates = self.by_number.get(Decimal(reference).normalize(), [])
            if len(candidates) > 1:
                listed = " or ".join(sorted(a.reference for a in candidates))
                return (
                    None,
                    reference,
                    (
                        f"“{reference}” could be item {listed}: the spreadsheet has turned the item number "
                        "into a number. Format the Ref column as text, type the item number again and upload "
                        "it again"
                    ),
                )
            if candidates:
                return candidates[0], candidates[0].reference, ""
        action = self.by_text.get(reference.lower())
        if action is None:
            return None, reference, ""
        return action, action.reference, ""


# Building the plan --------------------------------------------------------------------------------


_MARKER = re.compile(r"^" + re.escape(SHEET_KIND) + r": plan (\d+), quarter (\d+) \((.*)\)$")


def _sheet_rows(
    data: bytes, fmt: str, plan: Plan, period: ReportingPeriod, result: ImportPlan
) -> list[SheetRow]:
    """The first sheet's rows (the workbook is opened once: each opening reads all its text again)."""
    rows = []
    for row in read_rows(data, fmt):
        rows.append(row)
        if len(rows) > MAX_ROWS + 50:
            raise UploadRefused(f"The sheet has more than {MAX_ROWS:,} rows. Split it into smaller files")
    _check_marker(rows, plan, period, result)
    return rows


def _check_marker(rows: list[SheetRow], plan: Plan, period: ReportingPeriod, result: ImportPlan) -> None:
    """Our own sheet says which plan and quarter it was made for; it must be this plan's current quarter."""
    for row in rows[:5]:
        for value in row.cells:
            match = _MARKER.match(value) if isinstance(value, str) else None
            if match is None:
                continue
            if match[1] != str(plan.pk):
                result.sheet_errors.append(
                    f"This sheet was downloaded for another plan. Download the sheet for {plan.title} "
                    "from “Your updates” and fill that in"
                )
            elif match[2] != str(period.pk):
                result.sheet_errors.append(
                    f"This sheet is for {match[3]}, but updates are now for {period.label}. "
                    "Download a new sheet from “Your updates”"
                )
            return


def _plan_actions(plan: Plan) -> list[Action]:
    """The plan's actions with just what the rules and checks read, sharing one plan and priority object each.

    Thousands of rows: loading only these fields and attaching the plan and priorities already in
    hand (rather than a joined copy per action) halves the time the preview spends on the database.
    """
    priorities = {priority.pk: priority for priority in Priority.objects.filter(plan=plan)}
    actions = list(
        Action.objects.filter(plan=plan)
        .only("id", "reference", "plan_id", "priority_id", "status", "start_date", "deadline", "owner_id")
        .order_by("priority__order", "order", "id")
    )
    for action in actions:
        action._state.fields_cache["plan"] = plan
        action._state.fields_cache["priority"] = priorities[action.priority_id]
    return actions


def build_plan(*, data: bytes, fmt: str, user: User, plan: Plan, period: ReportingPeriod) -> ImportPlan:
    """What uploading these bytes would do, row by row. Writes nothing. UploadRefused if unreadable."""
    result = ImportPlan(plan=plan, period=period)
    rows = _sheet_rows(data, fmt, plan, period, result)
    try:
        header = find_header(rows, COLUMNS)
    except CellError as problem:
        result.sheet_errors.append(str(problem))
        return result
    result.header_row = header.row_number
    heading_row = rows[header.row_number - 1]
    result.unused_columns = [heading for heading in header.ignored if heading.lower() not in _OUR_HEADINGS]
    if not any(key in header.positions for key in UPDATE_KEYS):
        result.sheet_errors.append(
            "The sheet has no columns for the update. It needs columns such as RAG, Progress and "
            "What is being done"
        )
        return result
    headings = {
        key: text(heading_row.cells[index]) or next(c.label for c in COLUMNS if c.key == key)
        for key, index in header.positions.items()
    }
    actions = _plan_actions(plan)
    updates = {update.action_id: update for update in ActionUpdate.objects.filter(period=period)}
    references = _References(actions)
    seen: dict[int, int] = {}
    body = rows[header.row_number :]
    last = max((index for index, row in enumerate(body) if not row.is_blank()), default=-1)
    if last + 1 > MAX_ROWS:
        raise UploadRefused(f"The sheet has more than {MAX_ROWS:,} rows. Split it into smaller files")
    for row in body[: last + 1]:
        if row.is_blank():
            result.blank_rows += 1
            continue
        planned = _plan_row(row, header, headings, references, updates, seen, user=user, period=period)
        result.rows.append(planned)
    if not result.rows and not result.sheet_errors:
        result.sheet_errors.append("The sheet has headings but no rows of updates under them")
    return result


def _plan_row(
    row: SheetRow,
    header: HeaderMatch,
    headings: dict[str, str],
    references: _References,
    updates: dict[int, ActionUpdate],
    seen: dict[int, int],
    *,
    user: User,
    period: ReportingPeriod,
) -> RowPlan:
    planned = RowPlan(number=row.number)
    cells = {key: header.get(row, key) for key in header.positions}
    update_cells_blank = all(is_blank(cells.get(key)) for key in UPDATE_KEYS)
    raw_reference = cells.get("reference")
    first_text = next((text(value) for value in row.cells if not is_blank(value)), "")
    if is_blank(raw_reference):
        if update_cells_blank or _LEGEND_START.match(first_text) or "=" in first_text:
            return _ignored(planned, first_text)
        planned.error(
            headings["reference"], "There is no item number. Enter the action's Ref, or delete the row"
        )
        return planned
    action, reference, problem = references.find(raw_reference)
    planned.reference = reference
    if problem:
        planned.error(headings["reference"], problem)
        return planned
    if action is None:
        looks_like_reference = bool(_REFERENCE_SHAPE.match(reference))
        if not looks_like_reference and (
            update_cells_blank or _LEGEND_START.match(reference) or "=" in reference
        ):
            return _ignored(planned, first_text)
        planned.error(headings["reference"], f"There is no item “{reference}” in {period.plan.title}")
        return planned
    planned.action = action
    if update_cells_blank:
        planned.outcome = SKIPPED
        return planned
    if action.pk in seen:
        planned.error(
            headings["reference"],
            f"Item {action.reference} is also on row {seen[action.pk]}. Keep one row for each action",
        )
        return planned
    seen[action.pk] = row.number
    if not can(user, "actions.edit_update", action):
        planned.error(
            headings["reference"],
            f"You cannot update item {action.reference}: only its owner, its priority's lead and the board "
            "secretary can. Delete the row",
        )
        return planned
    if action.status == Action.Status.CANCELLED:
        planned.error(
            headings["reference"], f"Item {action.reference} has been cancelled, so it takes no updates"
        )
        return planned
    update = updates.get(action.pk)
    _read_update(planned, cells, headings, action, update)
    if planned.outcome == ERROR:
        return planned
    _compare(planned, cells, headings, update, period)
    return planned


def _ignored(planned: RowPlan, said: str) -> RowPlan:
    planned.outcome = IGNORED
    planned.note = said if len(said) <= 100 else said[:97] + "…"
    return planned


def _read_update(
    planned: RowPlan, cells: dict, headings: dict[str, str], action: Action, update: ActionUpdate | None
) -> None:
    """Fill planned.data (and submit) from the row, or add errors."""
    base = {
        "rag": update.rag if update else "",
        "progress": update.progress if update else "",
        "recovery_plan": update.recovery_plan if update else "",
        "outcomes": update.outcomes if update else "",
        "marks_complete": update.marks_complete if update else False,
        "proposed_deadline": update.proposed_deadline if update else None,
        "deadline_change_reason": update.deadline_change_reason if update else "",
    }
    values = dict(base)
    statuses = []
    for key in ("rag", "status"):
        if key in cells:
            try:
                statuses.append(_read_status(cells[key], rating_column=key == "rag"))
            except CellError as problem:
                planned.error(headings[key], str(problem))
    ratings = {status.rag for status in statuses if status.rag}
    not_started = any(status.not_started for status in statuses)
    complete_word = any(status.complete for status in statuses)
    if len(ratings) > 1 or (not_started and (ratings or complete_word)):
        planned.error(
            headings.get("rag", headings.get("status", "RAG")),
            "The RAG and Status columns disagree. Make them say the same thing",
        )
    if "rag" in cells or "status" in cells:
        values["rag"] = next(iter(ratings), "")
    if complete_word:
        values["marks_complete"] = True
    if "complete" in cells:
        try:
            said = _yes_no(cells["complete"], what="Enter Yes if the action is complete, or No")
        except CellError as problem:
            planned.error(headings["complete"], str(problem))
        else:
            if complete_word and said is False:
                planned.error(headings["complete"], "It says No, but the RAG or Status column says Complete")
            elif not complete_word:
                values["marks_complete"] = bool(said)
    for key in TEXT_FIELDS:
        if key in cells:
            new = text(cells[key])
            # Stored text may hold Windows line endings; equal apart from those is unchanged.
            values[key] = base[key] if text(base[key]) == new else new
    if "proposed_deadline" in cells:
        try:
            deadline = parse_uk_date(cells["proposed_deadline"])
        except CellError as problem:
            planned.error(headings["proposed_deadline"], str(problem))
        else:
            # A Deadline column repeating the current deadline proposes nothing.
            values["proposed_deadline"] = None if deadline == action.deadline else deadline
    submit = None
    if "submit" in cells:
        try:
            submit = _yes_no(
                cells["submit"], what="Enter Yes to submit the update for review, No to keep it as a draft"
            )
        except CellError as problem:
            planned.error(headings["submit"], str(problem))
    if planned.outcome == ERROR:
        return
    data = services.UpdateInput(**values)
    if not_started and submit:
        planned.error(
            headings.get("rag", headings.get("status", "RAG")),
            "“Not started” is not a rating, and a submitted update needs Red, Amber or Green. "
            "Choose a rating, or say No in “Submit for review?”",
        )
        return
    if submit is None:
        # Left to us: submitted if the web form would accept it for review, else kept as a draft.
        missing = update_problems(action, data, submitting=True)
        problems = update_problems(action, data, submitting=False)
        submit = not missing and not not_started
        if not submit and not problems:
            planned.draft_reason = (
                "Kept as a draft: the row says Not started"
                if not_started
                else "Kept as a draft: " + _lower_first("; ".join(missing.values()))
            )
    else:
        problems = update_problems(action, data, submitting=submit)
    for key, message in problems.items():
        planned.error(headings.get(key, FIELD_LABELS[key]), message)
    planned.data = data
    planned.submit = submit
    planned.explicit_submit = "submit" in cells and not is_blank(cells["submit"])


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]


def _compare(
    planned: RowPlan,
    cells: dict,
    headings: dict[str, str],
    update: ActionUpdate | None,
    period: ReportingPeriod,
) -> None:
    action = planned.action
    after = services.stored_values(planned.data)
    before = {
        key: getattr(update, key)
        if update
        else services.stored_values(services.UpdateInput(rag="", progress=""))[key]
        for key in after
    }
    changes = [
        FieldChange(FIELD_LABELS[key], _show(key, before[key]), _show(key, after[key]))
        for key in after
        if after[key] != before[key]
    ]
    state = update.state if update else None
    explicit = planned.explicit_submit
    state_changes = False
    if explicit and planned.submit and state in (None, ActionUpdate.State.DRAFT, ActionUpdate.State.RETURNED):
        state_changes = True
    if (
        explicit
        and not planned.submit
        and state in (ActionUpdate.State.SUBMITTED, ActionUpdate.State.RETURNED)
    ):
        state_changes = True
    if not changes and not state_changes:
        planned.outcome = UNCHANGED
        planned.submit = state == ActionUpdate.State.SUBMITTED
        planned.draft_reason = ""
        return
    new_state = ActionUpdate.State.SUBMITTED if planned.submit else ActionUpdate.State.DRAFT
    if state != new_state:
        old = ActionUpdate.State(state).label if state else "Not started"
        changes.append(FieldChange("State", old, "Submitted for review" if planned.submit else "Draft"))
    planned.changes = changes
    problem = services.editable_problem(update, period)
    if problem:
        planned.error(headings["reference"], f"Item {action.reference} cannot be changed. {problem}")
        return
    fingerprint = text(cells.get("fingerprint"))
    version = update.version if update else 0
    if fingerprint:
        match = _FINGERPRINT.match(fingerprint)
        if match is None:
            planned.error(
                headings["fingerprint"],
                "The hidden sheet check has been changed. Download a new sheet from “Your updates”",
            )
            return
        if int(match[1]) != action.pk:
            planned.error(
                headings["reference"],
                f"This row was downloaded for a different item, not {action.reference}: its Ref has been "
                "changed. Put the Ref back, or download a new sheet",
            )
            return
        if int(match[2]) != version:
            planned.error(
                headings["reference"],
                f"Someone else has changed item {action.reference}'s update since you downloaded this sheet. "
                "Download a new sheet and make your changes again",
            )
            return
    if planned.outcome != ERROR:
        planned.outcome = CHANGE
        planned.expected_version = version


# Applying -----------------------------------------------------------------------------------------


class PreviewOutOfDate(Exception):
    """The upload would now do something other than the preview showed; `plan` is what it would do."""

    def __init__(self, plan: ImportPlan):
        super().__init__("The updates have changed since the preview.")
        self.plan = plan


def pending_bytes(pending: PendingImport) -> bytes:
    return bytes(pending.content)


def apply_import(
    *, pending: PendingImport, user: User, plan: Plan, period: ReportingPeriod, expected_digest: str
) -> ImportPlan:
    """Build the plan again and apply every change in one transaction, or raise and apply nothing.

    PreviewOutOfDate if the plan has errors or differs from the preview; services.Conflict or
    NotAllowedNow (or any database error) if a row cannot be saved: all roll back.
    """
    with transaction.atomic():
        result = build_plan(
            data=pending_bytes(pending), fmt=pending.file_format, user=user, plan=plan, period=period
        )
        if not result.can_confirm or result.digest() != expected_digest:
            raise PreviewOutOfDate(result)
        apply_plan(result, by=user)
        pending.applied_at = timezone.now()
        pending.save(update_fields=["applied_at"])
    return result


def apply_plan(result: ImportPlan, *, by: User) -> list[ActionUpdate]:
    items = [
        services.BulkUpdate(
            action=row.action, expected_version=row.expected_version, data=row.data, submit=row.submit
        )
        for row in result.changes
    ]
    return services.save_updates_in_bulk(period=result.period, by=by, items=items)

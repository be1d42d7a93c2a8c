"""What one row of an upload would do: a change, unchanged, skipped, ignored, or an error, and why.

A row names its action by its Ref; one without an item number that reads as a heading, key, source
or note is ignored, and anything else that cannot be pinned to one action the uploader may update is
an error, never a guess. The row's values (row_values.py) are then compared with the update as
stored: equal is unchanged, unless the row explicitly asks to submit a draft or returned update, or
to take a submitted one back to draft. A change to a locked quarter or an accepted update is an
error, and so is one to an update someone changed since the sheet was downloaded (its sheet check).
"""

import re
from dataclasses import dataclass, field

from governance.models import User
from governance.permissions import can
from priorities.models import ReportingPeriod
from swp.sheets.headers import HeaderMatch
from swp.sheets.reading import SheetRow, Value
from swp.sheets.values import CellError, is_blank, parse_uk_date, text

from .. import services
from ..models import Action, ActionUpdate, Rag
from .columns import FIELD_LABELS, FINGERPRINT, UPDATE_KEYS
from .references import References
from .row_values import read_row_values

CHANGE, UNCHANGED, SKIPPED, IGNORED, ERROR = "change", "unchanged", "skipped", "ignored", "error"

# What a reference looks like: 1, 1.4, 1.1.2, 2a, P1.3, 1-4.
_REFERENCE_SHAPE = re.compile(r"^[a-z]{0,3}\s?\d+(?:[.\-]\d+)*[a-z]?$", re.IGNORECASE)
_LEGEND_START = re.compile(
    r"^(key|legend|rag key|source|sources|note|notes|nb|n\.b|\*|total|totals|prepared by|"
    r"last updated|updated|date produced|version|guidance|red|amber|green)\b",
    re.IGNORECASE,
)


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
class RowPreview:
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
    notice: str = ""  # what the preview points out without refusing, with the column as the file names it
    data: services.UpdateInput | None = None
    expected_version: int = 0

    def error(self, column: str, message: str) -> None:
        self.outcome = ERROR
        self.errors.append(RowError(column, message))

    @property
    def result_label(self) -> str:
        return "Submitted for review" if self.submit else "Saved as a draft"


def preview_row(
    row: SheetRow,
    header: HeaderMatch,
    headings: dict[str, str],
    references: References,
    updates: dict[int, ActionUpdate],
    seen: dict[int, int],
    *,
    user: User,
    period: ReportingPeriod,
) -> RowPreview:
    """What this row would do. `seen` ({action id: row number}) finds an action given twice."""
    row_preview = RowPreview(number=row.number)
    cells = {key: header.get(row, key) for key in header.positions}
    update_cells_blank = all(is_blank(cells.get(key)) for key in UPDATE_KEYS)
    raw_reference = cells.get("reference")
    first_text = next((text(value) for value in row.cells if not is_blank(value)), "")
    if is_blank(raw_reference):
        if update_cells_blank or _LEGEND_START.match(first_text) or "=" in first_text:
            return _ignored(row_preview, first_text)
        row_preview.error(
            headings["reference"], "There is no item number. Enter the action's Ref, or delete the row"
        )
        return row_preview
    action, reference, problem = references.find(raw_reference)
    row_preview.reference = reference
    if problem:
        row_preview.error(headings["reference"], problem)
        return row_preview
    if action is None:
        looks_like_reference = bool(_REFERENCE_SHAPE.match(reference))
        if not looks_like_reference and (
            update_cells_blank or _LEGEND_START.match(reference) or "=" in reference
        ):
            return _ignored(row_preview, first_text)
        row_preview.error(headings["reference"], f"There is no item “{reference}” in {period.plan.title}")
        return row_preview
    row_preview.action = action
    row_preview.notice = _other_deadline(cells, headings, action)
    if update_cells_blank:
        row_preview.outcome = SKIPPED
        return row_preview
    if action.pk in seen:
        row_preview.error(
            headings["reference"],
            f"Item {action.reference} is also on row {seen[action.pk]}. Keep one row for each action",
        )
        return row_preview
    seen[action.pk] = row.number
    if not can(user, "actions.edit_update", action):
        row_preview.error(
            headings["reference"],
            f"You cannot update item {action.reference}: only its owner, its priority's lead and the board "
            "secretary can. Delete the row",
        )
        return row_preview
    if action.status == Action.Status.CANCELLED:
        row_preview.error(
            headings["reference"], f"Item {action.reference} has been cancelled, so it takes no updates"
        )
        return row_preview
    update = updates.get(action.pk)
    values = read_row_values(cells, headings, action, update)
    for column, message in values.errors:
        row_preview.error(column, message)
    row_preview.data, row_preview.submit = values.data, values.submit
    row_preview.explicit_submit, row_preview.draft_reason = values.explicit_submit, values.draft_reason
    if row_preview.outcome == ERROR:
        return row_preview
    _compare(row_preview, cells, headings, update, period)
    return row_preview


def _other_deadline(cells: dict[str, Value], headings: dict[str, str], action: Action) -> str:
    """A current-deadline column (“Deadline” in a lead's own sheet) giving a date that is not the action's
    deadline: said, since it is never read as a proposed one; words such as “Ongoing” are left be."""
    if "current_deadline" not in cells:
        return ""
    try:
        written = parse_uk_date(cells["current_deadline"])
    except CellError:
        return ""
    if written is None or written == action.deadline:
        return ""
    current = f"{action.deadline:%-d %B %Y}" if action.deadline else "none"
    if not action.deadline and action.timescale:
        current = f"none, the plan says “{action.timescale}”"
    return (
        f"{headings['current_deadline']}: {written:%-d %B %Y} is not item {action.reference}'s current "
        f"deadline ({current}). It was not read as a new deadline: to propose one, put it in a column headed "
        "“Proposed deadline”, with a reason"
    )


def _ignored(row_preview: RowPreview, said: str) -> RowPreview:
    row_preview.outcome = IGNORED
    row_preview.note = said if len(said) <= 100 else said[:97] + "…"
    return row_preview


def _show(key: str, value) -> str:
    """A stored value as the preview shows it: “RAG: ‘No rating’ to ‘Amber’”."""
    if key == "rag":
        return str(Rag(value).label) if value else "No rating"
    if key == "marks_complete":
        return "Yes" if value else "No"
    if key == "proposed_deadline":
        return f"{value:%-d %B %Y}" if value else "None"
    return value if value else "(blank)"


def _compare(
    row_preview: RowPreview,
    cells: dict[str, Value],
    headings: dict[str, str],
    update: ActionUpdate | None,
    period: ReportingPeriod,
) -> None:
    """A change (and what changes), or unchanged; or an error if the update may not be changed now."""
    action = row_preview.action
    after = services.stored_values(row_preview.data)
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
    explicit, submit = row_preview.explicit_submit, row_preview.submit
    state_changes = False
    if explicit and submit and state in (None, ActionUpdate.State.DRAFT, ActionUpdate.State.RETURNED):
        state_changes = True
    if explicit and not submit and state in (ActionUpdate.State.SUBMITTED, ActionUpdate.State.RETURNED):
        state_changes = True
    if not changes and not state_changes:
        row_preview.outcome = UNCHANGED
        row_preview.submit = state == ActionUpdate.State.SUBMITTED
        row_preview.draft_reason = ""
        return
    new_state = ActionUpdate.State.SUBMITTED if row_preview.submit else ActionUpdate.State.DRAFT
    if state != new_state:
        old = ActionUpdate.State(state).label if state else "Not started"
        changes.append(FieldChange("State", old, "Submitted for review" if row_preview.submit else "Draft"))
    row_preview.changes = changes
    problem = services.editable_problem(update, period)
    if problem:
        row_preview.error(headings["reference"], f"Item {action.reference} cannot be changed. {problem}")
        return
    fingerprint = text(cells.get("fingerprint"))
    version = update.version if update else 0
    if fingerprint:
        match = FINGERPRINT.match(fingerprint)
        if match is None:
            row_preview.error(
                headings["fingerprint"],
                "The hidden sheet check has been changed. Download a new sheet from “Your updates”",
            )
            return
        if int(match[1]) != action.pk:
            row_preview.error(
                headings["reference"],
                f"This row was downloaded for a different item, not {action.reference}: its Ref has been "
                "changed. Put the Ref back, or download a new sheet",
            )
            return
        if int(match[2]) != version:
            row_preview.error(
                headings["reference"],
                f"Someone else has changed item {action.reference}'s update since you downloaded this sheet. "
                "Download a new sheet and make your changes again",
            )
            return
    if row_preview.outcome != ERROR:
        row_preview.outcome = CHANGE
        row_preview.expected_version = version

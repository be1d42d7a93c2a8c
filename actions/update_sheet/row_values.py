"""A row's cells read into the update it asks for, and whether that update is submitted or kept as a draft.

A column the sheet does not have leaves its field as stored; a blank cell clears it. RAG as R/A/G or
the words; "Complete" (in the RAG or a Status column) marks the action complete and rates it green;
"Not started" keeps the update as a draft with no rating. "Submit for review?" Yes submits, No
keeps a draft, and blank submits only what the web form would accept for review. Whatever the
sheet says, the web form's rules (actions/update_rules.py) decide what may be saved; here they are
worded for the person fixing a cell.
"""

from dataclasses import dataclass, field

from swp.sheets.reading import Value
from swp.sheets.values import (
    CellError,
    is_blank,
    limited_text,
    parse_rag,
    parse_uk_date,
    parse_yes_no,
    text,
    words,
)

from ..models import Action, ActionUpdate, Rag
from ..services import UpdateInput
from ..update_rules import UpdateRule, broken_rules
from .columns import FIELD_COLUMNS, FIELD_LABELS, TEXT_FIELDS

# Words a Yes/No column here also takes, beyond swp.sheets.values' own.
_ALSO_YES = ("submit", "complete", "completed")
_ALSO_NO = ("draft", "not complete", "incomplete")
_COMPLETE = {"complete", "completed"}
_NOT_STARTED = {"not started", "not yet started"}
_IN_PROGRESS = {"in progress", "started"}  # a Status column's word that says nothing about the rating
_STATUS_HINT = "Enter Red, Amber or Green (or R, A or G), Complete, or Not started"
# The update rules in the sheet's words: the row is named already, so each says what the cell needs.
_RULE_MESSAGES = {
    UpdateRule.RATING_TO_SUBMIT: "Choose Red, Amber or Green to submit this update",
    UpdateRule.PROGRESS_TO_SUBMIT: "Enter the progress this quarter to submit this update",
    UpdateRule.RECOVERY_PLAN_WHEN_OFF_TRACK: "Say what is being done, as you rated it {rag}",
    UpdateRule.DEADLINE_NOT_BEFORE_START: (
        "The new deadline must be on or after the action's start date, {start}"
    ),
    UpdateRule.DEADLINE_CHANGES: "The new deadline must be different from the current deadline",
    UpdateRule.REASON_FOR_DEADLINE: "Give a reason for the new deadline",
}


@dataclass
class RowValues:
    """What a row asks for: the update and whether it is submitted, or the problems that stop it."""

    errors: list[tuple[str, str]] = field(default_factory=list)  # (column heading, message)
    data: UpdateInput | None = None
    submit: bool = False
    explicit_submit: bool = False  # the row said Yes or No in "Submit for review?"
    draft_reason: str = ""  # why a row left to us is kept as a draft

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, message))


def update_problems(action: Action, data: UpdateInput, *, submitting: bool) -> dict[str, str]:
    """The web form's rules (update_rules.broken_rules) by field, in the sheet's words."""
    start = f"{action.start_date:%-d %B %Y}" if action.start_date else ""
    return {
        key: _RULE_MESSAGES[rule].format(rag=data.rag, start=start)
        for key, rule in broken_rules(action, data, submitting=submitting).items()
    }


@dataclass
class _Status:
    rag: str = ""
    complete: bool = False
    not_started: bool = False
    said: bool = False  # the cell said something about the rating


def _read_status(value: Value, *, rating_column: bool) -> _Status:
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


def _yes_no(value: Value, *, what: str) -> bool | None:
    return parse_yes_no(value, also_yes=_ALSO_YES, also_no=_ALSO_NO, hint=what)


def read_row_values(
    cells: dict[str, Value], headings: dict[str, str], action: Action, update: ActionUpdate | None
) -> RowValues:
    """The update a row asks for, starting from what is stored, or the problems with its cells."""
    result = RowValues()
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
                result.error(headings[key], str(problem))
    ratings = {status.rag for status in statuses if status.rag}
    not_started = any(status.not_started for status in statuses)
    complete_word = any(status.complete for status in statuses)
    if len(ratings) > 1 or (not_started and (ratings or complete_word)):
        result.error(
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
            result.error(headings["complete"], str(problem))
        else:
            if complete_word and said is False:
                result.error(headings["complete"], "It says No, but the RAG or Status column says Complete")
            elif not complete_word:
                values["marks_complete"] = bool(said)
    for key in TEXT_FIELDS:
        if key in cells:
            try:
                new = limited_text(cells[key], ActionUpdate._meta.get_field(key).max_length)
            except CellError as problem:
                result.error(headings[key], str(problem))
                continue
            # Stored text may hold Windows line endings; equal apart from those is unchanged.
            values[key] = base[key] if text(base[key]) == new else new
    if "proposed_deadline" in cells:
        try:
            deadline = parse_uk_date(cells["proposed_deadline"])
        except CellError as problem:
            result.error(headings["proposed_deadline"], str(problem))
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
            result.error(headings["submit"], str(problem))
    if result.errors:
        return result
    data = UpdateInput(**values)
    if not_started and submit:
        result.error(
            headings.get("rag", headings.get("status", "RAG")),
            "“Not started” is not a rating, and a submitted update needs Red, Amber or Green. "
            "Choose a rating, or say No in “Submit for review?”",
        )
        return result
    if submit is None:
        # Left to us: submitted if the web form would accept it for review, else kept as a draft.
        missing = update_problems(action, data, submitting=True)
        problems = update_problems(action, data, submitting=False)
        submit = not missing and not not_started
        if not submit and not problems:
            result.draft_reason = (
                "Kept as a draft: the row says Not started"
                if not_started
                else "Kept as a draft: " + _lower_first("; ".join(missing.values()))
            )
    else:
        problems = update_problems(action, data, submitting=submit)
    for key, message in problems.items():
        result.error(_heading(headings, key), message)
    result.data = data
    result.submit = submit
    result.explicit_submit = "submit" in cells and not is_blank(cells["submit"])
    return result


def _heading(headings: dict[str, str], key: str) -> str:
    """The column a field's problem is in, as the file heads it: "Completed" rather than our "Complete?",
    "Status" for the rating when the file has no RAG column; our label only for a column it lacks."""
    column = FIELD_COLUMNS.get(key, key)
    if column == "rag" and "rag" not in headings:
        column = "status"
    return headings.get(column, FIELD_LABELS[key])


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]

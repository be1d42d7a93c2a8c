"""Reading an uploaded update sheet into a preview of its changes, row by row. It writes nothing.

`preview_upload()` reads the rows (our own sheet, or a lead's own spreadsheet or CSV) and says, row
by row, what saving it would do: a change (field: old -> new, submitted or kept as a draft),
unchanged, skipped (blank), ignored (a title, heading, key or footnote), or an error with the row,
the column and the reason. applying.py previews the upload again when the person confirms, and
saves only if that preview is the one they saw (its digest).

The rules, which the Instructions sheet and the notes repeat:

- Which rows: the heading row is found among the first rows (titles above it are fine); headings
  match case-insensitively with synonyms (columns.COLUMNS). Blank rows are skipped. A row without
  an item number that looks like a heading, key ("Key: R = …"), source or note is reported and
  ignored; a row with update values but no recognisable item number is an error.
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

Which row is which action, and what it would change, is row_preview.py; reading a row's values is
row_values.py.
"""

import hashlib
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from governance.models import PendingImport, User
from priorities.models import Plan, Priority, ReportingPeriod
from swp.sheets.headers import find_header
from swp.sheets.reading import SheetRow, read_rows
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import CellError, text

from .. import services
from ..models import Action, ActionUpdate
from .columns import COLUMNS, CONTEXT_HEADINGS, LABELS, MARKER, READ_AS, UPDATE_KEYS
from .references import References
from .row_preview import CHANGE, ERROR, IGNORED, SKIPPED, UNCHANGED, RowPreview, preview_row

MAX_ROWS = 20_000
_OUR_HEADINGS = {heading.lower() for heading in CONTEXT_HEADINGS}


@dataclass
class UploadPreview:
    """What saving an upload would do, row by row, for one plan's quarter."""

    plan: Plan
    period: ReportingPeriod
    rows: list[RowPreview] = field(default_factory=list)
    sheet_errors: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    header_row: int | None = None
    blank_rows: int = 0
    # Which column of the file was read as which field, in the file's order: (heading, letter, read as).
    columns_read: list[tuple[str, str, str]] = field(default_factory=list)

    def _of(self, outcome: str) -> list[RowPreview]:
        return [row for row in self.rows if row.outcome == outcome]

    @property
    def changes(self) -> list[RowPreview]:
        return self._of(CHANGE)

    @property
    def unchanged(self) -> list[RowPreview]:
        return self._of(UNCHANGED)

    @property
    def skipped(self) -> list[RowPreview]:
        return self._of(SKIPPED)

    @property
    def ignored(self) -> list[RowPreview]:
        return self._of(IGNORED)

    @property
    def error_rows(self) -> list[RowPreview]:
        return self._of(ERROR)

    @property
    def notices(self) -> list[str]:
        """What the preview points out without refusing: a Deadline that is not the current one, say."""
        return [f"Row {row.number}, {row.notice}" for row in self.rows if row.notice]

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


def pending_bytes(pending: PendingImport) -> bytes:
    return bytes(pending.content)


def preview_upload(
    *, data: bytes, fmt: str, user: User, plan: Plan, period: ReportingPeriod
) -> UploadPreview:
    """What uploading these bytes would do, row by row. Writes nothing. UploadRefused if unreadable."""
    preview = UploadPreview(plan=plan, period=period)
    rows = _sheet_rows(data, fmt, plan, period, preview)
    try:
        header = find_header(rows, COLUMNS)
    except CellError as problem:
        preview.sheet_errors.append(str(problem))
        return preview
    preview.header_row = header.row_number
    heading_row = rows[header.row_number - 1]
    preview.unused_columns = [heading for heading in header.ignored if heading.lower() not in _OUR_HEADINGS]
    if not any(key in header.positions for key in UPDATE_KEYS):
        preview.sheet_errors.append(
            "The sheet has no columns for the update. It needs columns such as RAG, Progress and "
            "What is being done"
        )
        return preview
    headings = {key: text(heading_row.cells[index]) or LABELS[key] for key, index in header.positions.items()}
    preview.columns_read = [
        (headings[key], get_column_letter(index + 1), READ_AS[key])
        for key, index in sorted(header.positions.items(), key=lambda item: item[1])
        if key != "fingerprint"
    ]
    actions = _actions_to_match(plan)
    updates = {update.action_id: update for update in ActionUpdate.objects.filter(period=period)}
    references = References(actions)
    seen: dict[int, int] = {}
    body = rows[header.row_number :]
    last = max((index for index, row in enumerate(body) if not row.is_blank()), default=-1)
    if last + 1 > MAX_ROWS:
        raise UploadRefused(f"The sheet has more than {MAX_ROWS:,} rows. Split it into smaller files")
    for row in body[: last + 1]:
        if row.is_blank():
            preview.blank_rows += 1
            continue
        preview.rows.append(
            preview_row(row, header, headings, references, updates, seen, user=user, period=period)
        )
    if not preview.rows and not preview.sheet_errors:
        preview.sheet_errors.append("The sheet has headings but no rows of updates under them")
    return preview


def _sheet_rows(
    data: bytes, fmt: str, plan: Plan, period: ReportingPeriod, preview: UploadPreview
) -> list[SheetRow]:
    """The first sheet's rows (the workbook is opened once: each opening reads all its text again)."""
    rows = []
    for row in read_rows(data, fmt):
        rows.append(row)
        if len(rows) > MAX_ROWS + 50:
            raise UploadRefused(f"The sheet has more than {MAX_ROWS:,} rows. Split it into smaller files")
    _check_marker(rows, plan, period, preview)
    return rows


def _check_marker(rows: list[SheetRow], plan: Plan, period: ReportingPeriod, preview: UploadPreview) -> None:
    """Our own sheet says which plan and quarter it was made for; it must be this plan's current quarter."""
    for row in rows[:5]:
        for value in row.cells:
            match = MARKER.match(value) if isinstance(value, str) else None
            if match is None:
                continue
            if match[1] != str(plan.pk):
                preview.sheet_errors.append(
                    f"This sheet was downloaded for another plan. Download the sheet for {plan.title} "
                    "from “Your updates” and fill that in"
                )
            elif match[2] != str(period.pk):
                preview.sheet_errors.append(
                    f"This sheet is for {match[3]}, but updates are now for {period.label}. "
                    "Download a new sheet from “Your updates”"
                )
            return


def _actions_to_match(plan: Plan) -> list[Action]:
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

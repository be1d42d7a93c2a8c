"""The update sheet's columns: what an upload is read by, and what our downloaded sheet writes.

An upload may be our own sheet or the lead's own spreadsheet or CSV, so each column an upload is
read by (COLUMNS) has synonyms; headings match ignoring case and punctuation (swp.sheets.headers).
Our sheet's own headings are those columns' labels, taken from COLUMNS below, so a sheet we wrote
always reads back. Its grey context columns (CONTEXT_HEADINGS) are never read back, and an upload
that has them is not told they went unused.

Two hidden marks tie a downloaded sheet to where it came from: the title row names the plan and
quarter (sheet_marker, MARKER), and each row's "Sheet check" names the action and the version of its
update when downloaded (fingerprint, FINGERPRINT), so a change someone made since is found rather
than overwritten.
"""

import re
from dataclasses import dataclass

from priorities.models import Plan, ReportingPeriod
from swp.sheets.headers import Column

from ..models import Action, ActionUpdate

# What an upload is read by -------------------------------------------------------------------------

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
        ("Proposed new deadline", "New deadline", "Revised deadline", "Revised due date", "New due date"),
    ),
    # A lead's own sheet often carries the action's deadline as it stands (issue 15 item 8): read, so
    # that it is not taken for a proposed one, and shown for information only.
    Column(
        "current_deadline",
        "Current deadline (do not change)",
        ("Current deadline", "Deadline", "Due", "Due date", "Target date", "Deadline date", "Timescale"),
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
LABELS = {column.key: column.label for column in COLUMNS}
# The columns that say something about the update; a row with all of them blank is skipped.
UPDATE_KEYS = tuple(key for key in LABELS if key not in ("reference", "fingerprint", "current_deadline"))
# What each column is read as, for the preview's first table: "which column of the file was read as what".
READ_AS = {
    "reference": "The action's item number",
    "rag": "RAG rating",
    "status": "Status (Complete or Not started; In progress says nothing about the rating)",
    "progress": "Progress",
    "recovery_plan": "What is being done",
    "outcomes": "Outcomes",
    "complete": "Whether the action is complete",
    "proposed_deadline": "Proposed new deadline",
    "current_deadline": "The action's current deadline, for information only: it proposes no new deadline",
    "deadline_change_reason": "Reason for the new deadline",
    "submit": "Whether to submit the update for review",
    "fingerprint": "Our sheet's hidden check of which action and version each row was downloaded for",
}
# Each field of an update (services.UpdateInput) by the label of the column it is read from.
FIELD_LABELS = {
    "rag": LABELS["rag"],
    "progress": LABELS["progress"],
    "recovery_plan": LABELS["recovery_plan"],
    "outcomes": LABELS["outcomes"],
    "marks_complete": LABELS["complete"],
    "proposed_deadline": LABELS["proposed_deadline"],
    "deadline_change_reason": LABELS["deadline_change_reason"],
}
TEXT_FIELDS = ("progress", "recovery_plan", "outcomes", "deadline_change_reason")
# The column each field is read from, where its key differs.
FIELD_COLUMNS = {"marks_complete": "complete"}


# What our sheet writes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetColumn:
    heading: str
    width: int
    editable: bool
    hidden: bool = False
    wrap: bool = False


CONTEXT_HEADINGS = (
    "Priority (do not change)",
    "Objective (do not change)",
    "Current deadline (do not change)",
    "State this quarter (do not change)",
    "Secretary's comment (do not change)",
    "Last quarter (do not change)",
)
SHEET_COLUMNS = (
    SheetColumn(LABELS["reference"], 12, editable=False),
    SheetColumn(CONTEXT_HEADINGS[0], 28, editable=False, wrap=True),
    SheetColumn(CONTEXT_HEADINGS[1], 50, editable=False, wrap=True),
    SheetColumn(CONTEXT_HEADINGS[2], 16, editable=False),
    SheetColumn(CONTEXT_HEADINGS[3], 16, editable=False),
    SheetColumn(CONTEXT_HEADINGS[4], 30, editable=False, wrap=True),
    SheetColumn(CONTEXT_HEADINGS[5], 40, editable=False, wrap=True),
    SheetColumn(LABELS["rag"], 10, editable=True),
    SheetColumn(LABELS["progress"], 50, editable=True, wrap=True),
    SheetColumn(LABELS["recovery_plan"], 40, editable=True, wrap=True),
    SheetColumn(LABELS["outcomes"], 35, editable=True, wrap=True),
    SheetColumn(LABELS["complete"], 11, editable=True),
    SheetColumn(LABELS["proposed_deadline"], 16, editable=True),
    SheetColumn(LABELS["deadline_change_reason"], 35, editable=True, wrap=True),
    SheetColumn(LABELS["submit"], 12, editable=True),
    SheetColumn(LABELS["fingerprint"], 14, editable=False, hidden=True),
)


# The hidden marks ---------------------------------------------------------------------------------

SHEET_KIND = "Quarterly update sheet"
MARKER = re.compile(r"^" + re.escape(SHEET_KIND) + r": plan (\d+), quarter (\d+) \((.*)\)$")
FINGERPRINT = re.compile(r"^a(\d+)v(\d+)$")


def sheet_marker(plan: Plan, period: ReportingPeriod) -> str:
    """Which plan and quarter a sheet was made for, in the title row's hidden cell (MARKER reads it)."""
    return f"{SHEET_KIND}: plan {plan.pk}, quarter {period.pk} ({period.label})"


def fingerprint(action: Action, update: ActionUpdate | None) -> str:
    """What a row was when downloaded: the action it is for and the version of its update (0: none)."""
    return f"a{action.pk}v{update.version if update else 0}"

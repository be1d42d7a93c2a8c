"""Reading update sheets people really fill in: our own, their own spreadsheets and CSV files.

Each test previews an upload (nothing is written) and checks what a lead would see on the
preview page: the changes, and every problem with its row and column, never a guess.
"""

import datetime

import pytest
from django.utils import timezone

from actions import services
from actions.forms import UpdateForm
from actions.models import ActionUpdate, Rag
from actions.update_sheet import row_values
from actions.update_sheet.preview import preview_upload
from actions.update_sheet.row_preview import CHANGE, UNCHANGED
from priorities.models import ReportingPeriod
from tests import factories
from tests.actions import test_update_sheet_helpers as helpers
from tests.actions.test_update_sheet_helpers import (
    csv_of,
    download,
    fill,
    new_xlsx,
    preview,
    row_preview,
    xlsx,
)

sheet_world = helpers.sheet_world  # the fixture

REAL_HEADINGS = [
    "Item No.", "Action", "RAG status", "Progress update", "Recovery plan", "Revised deadline", "Reason",
]  # fmt: skip


def real_world_rows() -> list[list]:
    return [
        ["Safer Partnership – Delivery Plan 2020", "", "", "", "", "", ""],
        ["Quarter 1 update", "", "", "", "", "", ""],
        [],
        REAL_HEADINGS,
        ["1.1", "Deliver the thing", " r ", "Two of four done.", "Extra staff from May.", "", ""],
        ["", "", "", "", "", "", ""],
        [
            "1.2",
            "Another thing",
            "AMBER",
            "Delayed by lockdown.",
            "Online sessions instead.",
            "1/4/21",
            "Venue shut",
        ],
        ["1.3", "", "Green ", "All going well.", "", "31/12/2020", ""],
        ["Priority 2: Prevent", "", "", "", "", "", ""],
        ["Key: R = off track, A = at risk, G = on track", "", "", "", "", "", ""],
        ["Source: partnership performance team", "", "", "", "", "", ""],
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_a_real_world_csv_with_titles_synonyms_blank_rows_and_a_key(sheet_world, encoding):
    rows = real_world_rows()
    rows[4][3] = "Two of four done – £1,200 spent, “on budget”."
    result = preview(sheet_world, csv_of(rows, encoding=encoding), fmt="csv")
    assert result.error_messages == []
    assert result.header_row == 4
    assert result.unused_columns == ["Action"]
    assert result.blank_rows == 1
    assert [row.note for row in result.ignored] == [
        "Priority 2: Prevent",
        "Key: R = off track, A = at risk, G = on track",
        "Source: partnership performance team",
    ]
    first, second, third = result.changes
    assert first.data.rag == Rag.RED and first.submit
    assert first.data.progress == "Two of four done – £1,200 spent, “on budget”."
    assert second.data.rag == Rag.AMBER and second.data.proposed_deadline == datetime.date(2021, 4, 1)
    assert second.data.deadline_change_reason == "Venue shut"
    # 31/12/2020 is 1.3's current deadline: repeating it proposes nothing.
    assert third.data.rag == Rag.GREEN and third.data.proposed_deadline is None


def test_a_real_world_xlsx_with_excel_dates_and_numbers_for_references(sheet_world):
    rows = real_world_rows()
    rows[4][0] = 1.1  # Excel turned the reference into a number: only one item can be meant here
    rows[6][5] = datetime.datetime(2021, 3, 31)
    result = preview(sheet_world, new_xlsx(rows))
    assert result.error_messages == []
    assert row_preview(result, "1.1").data.rag == Rag.RED
    assert row_preview(result, "1.2").data.proposed_deadline == datetime.date(2021, 3, 31)


def test_a_number_that_could_be_two_references_is_an_error(sheet_world):
    factories.make_action(sheet_world.p1, "1.10")
    rows = [["Ref", "RAG", "Progress"], [1.1, "G", "Fine."], ["1.10", "G", "Fine too."]]
    result = preview(sheet_world, new_xlsx(rows))
    assert result.error_messages == [
        "Row 2, Ref: “1.1” could be item 1.1 or 1.10: the spreadsheet has turned the item number into a "
        "number. Format the Ref column as text, type the item number again and upload it again"
    ]
    assert not result.can_confirm


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("31/03/2023", datetime.date(2023, 3, 31)),
        ("1/4/22", datetime.date(2022, 4, 1)),
        ("2023-03-31", datetime.date(2023, 3, 31)),
        ("31 March 2023", datetime.date(2023, 3, 31)),
    ],
)
def test_uk_dates(sheet_world, cell, expected):
    rows = [["Ref", "Progress", "New deadline", "Reason"], ["1.1", "Moving.", cell, "Funding late"]]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == []
    assert result.changes[0].data.proposed_deadline == expected


RAG_HELP = "Enter Red, Amber or Green (or R, A or G), Complete, or Not started"


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("New deadline", "31/09/2022", "“31/09/2022” is not a real date: September has no day 31"),
        ("Proposed deadline", "TBC", "“TBC” is not a date. Enter a date like 31/03/2023, or leave it blank"),
        ("RAG", "Purple", "“Purple” is not a RAG rating. " + RAG_HELP),
        ("RAG", "Ongoing", "“Ongoing” is not a RAG rating. " + RAG_HELP),
        ("Complete?", "Maybe", "“Maybe” is not Yes or No. Enter Yes if the action is complete, or No"),
    ],
)  # fmt: skip
def test_ambiguous_values_are_errors_on_their_row_and_column(sheet_world, column, cell, message):
    rows = [["Ref", "Progress", column, "Reason"], ["1.1", "Fine.", "G" if column != "RAG" else "", ""]]
    rows[1][2] = cell
    rows.append(["1.2", "Also fine.", "", ""])
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == [f"Row 2, {column}: {message}"]
    assert row_preview(result, "1.2").outcome == CHANGE
    assert not result.can_confirm


def test_complete_marks_the_action_complete_and_not_started_keeps_a_draft(sheet_world):
    rows = [
        ["Ref", "RAG", "Progress"],
        ["1.1", "Completed", "Finished in March."],
        ["1.2", " complete ", "Done."],
        ["1.3", "Not started", "Waiting for funding."],
        ["1.4", "not started", ""],
    ]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == []
    done = row_preview(result, "1.1")
    assert done.data.marks_complete and done.data.rag == Rag.GREEN and done.submit
    waiting = row_preview(result, "1.3")
    assert waiting.data.rag == "" and not waiting.submit
    assert waiting.draft_reason == "Kept as a draft: the row says Not started"


def test_not_started_cannot_be_submitted(sheet_world):
    rows = [["Ref", "Status", "Progress", "Submit?"], ["1.1", "Not started", "Nothing yet.", "Yes"]]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == [
        "Row 2, Status: “Not started” is not a rating, and a submitted update needs Red, Amber or Green. "
        "Choose a rating, or say No in “Submit for review?”"
    ]


def test_a_status_column_alongside_rag(sheet_world):
    rows = [
        ["Ref", "RAG", "Status", "Progress"],
        ["1.1", "A", "In progress", "Slow."],
        ["1.2", "G", "Complete", "Done."],
        ["1.3", "R", "Not started", "Hmm."],
    ]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == [
        "Row 4, RAG: The RAG and Status columns disagree. Make them say the same thing"
    ]
    amber = row_preview(result, "1.1")
    assert not amber.submit and "say what is being done" in amber.draft_reason
    assert row_preview(result, "1.2").data.marks_complete


def test_the_submit_column_and_the_rule_when_it_is_blank(sheet_world):
    rows = [
        ["Ref", "RAG", "Progress", "What is being done", "Submit for review?"],
        ["1.1", "Green", "On track.", "", ""],  # complete: submitted
        ["1.2", "Red", "Behind.", "", ""],  # red without a recovery plan: a draft, saying why
        ["1.3", "Green", "On track.", "", "No"],  # asked for a draft
        ["1.4", "", "Some progress.", "", "Yes"],  # asked to submit, but no rating: an error
    ]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert row_preview(result, "1.1").submit
    red = row_preview(result, "1.2")
    assert not red.submit
    assert red.draft_reason == "Kept as a draft: say what is being done, as you rated it red"
    assert not row_preview(result, "1.3").submit
    assert result.error_messages == ["Row 5, RAG: Choose Red, Amber or Green to submit this update"]


def test_unknown_duplicate_and_forbidden_references_are_errors(sheet_world):
    rows = [
        ["Ref", "RAG", "Progress"],
        ["9.9", "G", "Fine."],
        ["1.1", "G", "Fine."],
        ["1.1", "A", "Hmm."],
        ["2.1", "G", "Not mine."],
        ["", "G", "No reference at all."],
    ]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == [
        "Row 2, Ref: There is no item “9.9” in Test Plan 2020",
        "Row 4, Ref: Item 1.1 is also on row 3. Keep one row for each action",
        "Row 5, Ref: You cannot update item 2.1: only its owner, its priority's lead and the board "
        "secretary can. Delete the row",
        "Row 6, Ref: There is no item number. Enter the action's Ref, or delete the row",
    ]


def test_a_locked_quarter_or_an_accepted_update_cannot_change_but_can_be_left_alone(sheet_world):
    accepted = factories.make_update(
        sheet_world.actions["1.1"],
        sheet_world.period,
        state=ActionUpdate.State.ACCEPTED,
        rag=Rag.GREEN,
        progress="Done.",
        submitted_at=timezone.now(),
    )
    rows = [["Ref", "RAG", "Progress"], ["1.1", "Green", "Done."], ["1.2", "Green", "New."]]
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert row_preview(result, "1.1").outcome == UNCHANGED
    rows[1][2] = "Done, and more."
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.error_messages == [
        "Row 2, Ref: Item 1.1 cannot be changed. The secretary has accepted this update, so it can no "
        "longer be changed."
    ]
    ReportingPeriod.objects.filter(pk=sheet_world.period.pk).update(status=ReportingPeriod.Status.LOCKED)
    sheet_world.period.refresh_from_db()
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert "Row 3, Ref: Item 1.2 cannot be changed. 2020 Q1 is locked" in result.error_messages[1]
    assert accepted.pk


def test_our_sheet_filled_in_with_messy_values(sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(workbook, "1.1", RAG=" a ", Progress="Halfway.\r\nMore to do.", What_is_being_done="Two more staff.")
    fill(workbook, "1.2", RAG="G", Progress="Done.", Complete="yes")
    fill(workbook, "1.3", Progress="Started.", Proposed="30/06/2021", Reason="Contractor late")
    result = preview(sheet_world, xlsx(workbook))
    assert result.error_messages == []
    assert [row.reference for row in result.changes] == ["1.1", "1.2", "1.3"]
    assert row_preview(result, "1.1").data.progress == "Halfway.\nMore to do."
    assert row_preview(result, "1.2").data.marks_complete
    started = row_preview(result, "1.3")
    assert not started.submit and started.draft_reason.startswith(
        "Kept as a draft: choose Red, Amber or Green"
    )
    assert [row.reference for row in result.skipped] == ["1.4"]
    changes = {change.label: (change.old, change.new) for change in row_preview(result, "1.1").changes}
    assert changes["RAG"] == ("No rating", "Amber")
    assert changes["State"] == ("Not started", "Submitted for review")


def test_a_change_someone_else_made_since_the_download_is_not_overwritten(sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(workbook, "1.1", RAG="Green", Progress="Mine.")
    fill(workbook, "1.2", RAG="Green", Progress="Also mine.")
    services.save_update(
        action=sheet_world.actions["1.1"],
        period=sheet_world.period,
        by=sheet_world.other_lead,
        expected_version=0,
        data=services.UpdateInput(rag=Rag.AMBER, progress="Theirs.", recovery_plan="Plan."),
        submit=True,
    )
    result = preview(sheet_world, xlsx(workbook))
    assert result.error_messages == [
        "Row 4, Ref (do not change): Someone else has changed item 1.1's update since you downloaded this "
        "sheet. Download a new sheet and make your changes again"
    ]


def test_a_changed_reference_in_our_sheet_is_caught(sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    fill(workbook, "1.1", RAG="Green", Progress="Meant for 1.1.")
    sheet = workbook["Updates"]
    sheet["A4"] = "1.3"
    sheet["A6"] = "1.1"  # swapped
    result = preview(sheet_world, xlsx(workbook))
    assert result.error_messages[0].startswith(
        "Row 4, Ref (do not change): This row was downloaded for a different"
    )


def test_a_sheet_for_another_quarter(sheet_world):
    data = xlsx(download(sheet_world.lead, sheet_world.plan, sheet_world.period))
    sheet_world.period.status = ReportingPeriod.Status.LOCKED
    sheet_world.period.save()
    q2 = factories.make_period(sheet_world.plan, quarter=2)
    result = preview_upload(data=data, fmt="xlsx", user=sheet_world.lead, plan=sheet_world.plan, period=q2)
    assert result.sheet_errors == [
        "This sheet is for 2020 Q1, but updates are now for 2020 Q2. Download a new sheet from “Your updates”"
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Name", "Colour"], ["x", "y"]], "No heading row found"),
        ([["Ref", "Objective"], ["1.1", "x"]], "The sheet has no columns for the update"),
        ([["Ref", "RAG", "RAG rating"], ["1.1", "G", "G"]], "Columns B and C could both be “RAG”"),
    ],
)
def test_sheets_that_cannot_be_read(sheet_world, rows, message):
    result = preview(sheet_world, csv_of(rows), fmt="csv")
    assert result.sheet_errors[0].startswith(message)
    assert not result.can_confirm


def test_a_200_row_sheet_reports_exactly_the_bad_rows(sheet_world):
    """INT-04's sheet: row 57 rated Purple, row 143 dated 31/02/2025."""
    for n in range(5, 205):
        factories.make_action(sheet_world.p1, f"1.{n}", start_date=datetime.date(2020, 1, 1))
    rows = [["Ref", "RAG", "Progress", "New deadline", "Reason"]]
    for n in range(5, 204):
        rows.append([f"1.{n}", "G", f"Progress {n}", "", ""])
    rows[56][1] = "Purple"
    rows[142][3], rows[142][4] = "31/02/2025", "Late"
    result = preview(sheet_world, new_xlsx(rows))
    assert result.error_messages == [
        "Row 57, RAG: “Purple” is not a RAG rating. Enter Red, Amber or Green (or R, A or G), Complete, or "
        "Not started",
        "Row 143, New deadline: “31/02/2025” is not a real date: February has no day 31",
    ]
    assert len(result.changes) == 197


D = datetime.date
FORM_CASES = [
    dict(rag="", progress="", submit=True),
    dict(rag="red", progress="x", submit=True),
    dict(rag="amber", progress="x", recovery_plan="y", submit=True),
    dict(rag="green", progress="", submit=True),
    dict(rag="red", progress="", submit=False),
    dict(rag="green", progress="x", proposed_deadline=D(2019, 1, 1), deadline_change_reason="z", submit=True),
    dict(rag="green", progress="x", proposed_deadline=D(2020, 12, 31), submit=True),
    dict(rag="green", progress="x", proposed_deadline=D(2021, 6, 1), submit=False),
    dict(rag="", progress="", proposed_deadline=D(2021, 6, 1), deadline_change_reason="r", submit=False),
]  # fmt: skip


@pytest.mark.parametrize("case", FORM_CASES)
def test_the_sheet_applies_the_web_forms_rules(sheet_world, case):
    """update_problems() and UpdateForm object to the same fields for the same update."""
    case = dict(case)
    submitting = case.pop("submit")
    action = sheet_world.actions["1.1"]
    data = services.UpdateInput(**case)
    deadline = data.proposed_deadline
    posted = {
        "rag": data.rag,
        "progress": data.progress,
        "recovery_plan": data.recovery_plan,
        "outcomes": data.outcomes,
        "deadline_change_reason": data.deadline_change_reason,
        "version": 0,
        **(
            {
                "proposed_deadline_0": deadline.day,
                "proposed_deadline_1": deadline.month,
                "proposed_deadline_2": deadline.year,
            }
            if deadline
            else {}
        ),
    }
    form = UpdateForm(posted, action=action, submitting=submitting)
    form.is_valid()
    assert set(row_values.update_problems(action, data, submitting=submitting)) == set(form.errors)

"""The lead's own spreadsheet (issue 15 item 8): a column headed "Deadline" is the action's current
deadline, never silently a proposed one; the preview says first which column was read as what; every
message names the column as the file names it; a deadline that has not changed proposes nothing."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionUpdate
from governance.models import PendingImport
from tests.actions import test_update_sheet_helpers as helpers
from tests.actions.test_update_sheet_helpers import csv_of, download, new_xlsx, preview, xlsx

sheet_world = helpers.sheet_world  # the fixture

# Items 1.1 to 1.4 are due 31/12/2020 (sheet_world).
LEADS_OWN = [
    ["Item No.", "Action", "Deadline", "RAG", "Update", "Completed"],
    ["1.1", "Deliver the thing", "31/12/2020", "Green", "All going well.", "No"],
    ["1.2", "Another thing", "31/03/2021", "Green", "Moving.", "No"],
    ["1.3", "A third thing", "Ongoing", "Green", "Steady.", "No"],
]


def test_a_deadline_column_is_the_current_deadline_and_proposes_nothing(sheet_world):
    result = preview(sheet_world, new_xlsx(LEADS_OWN))
    assert result.error_messages == []
    assert len(result.changes) == 3
    assert all(row.data.proposed_deadline is None for row in result.changes)
    assert not any(change.label == "Proposed deadline" for row in result.changes for change in row.changes)


def test_a_deadline_that_is_not_the_current_one_is_pointed_out_not_proposed(sheet_world):
    result = preview(sheet_world, new_xlsx(LEADS_OWN))
    assert result.notices == [
        "Row 3, Deadline: 31 March 2021 is not item 1.2's current deadline (31 December 2020). It was not "
        "read as a new deadline: to propose one, put it in a column headed “Proposed deadline”, with a reason"
    ]


def test_the_preview_says_which_column_was_read_as_what_in_the_files_order(sheet_world):
    result = preview(sheet_world, csv_of(LEADS_OWN), fmt="csv")
    assert result.columns_read == [
        ("Item No.", "A", "The action's item number"),
        ("Deadline", "C", "The action's current deadline, for information only: it proposes no new deadline"),
        ("RAG", "D", "RAG rating"),
        ("Update", "E", "Progress"),
        ("Completed", "F", "Whether the action is complete"),
    ]
    assert result.unused_columns == ["Action"]


def test_messages_name_the_column_as_the_file_names_it(sheet_world):
    rows = [
        ["Item No.", "Status", "Update", "Completed", "Revised deadline", "Reason for change"],
        ["1.1", "Complete", "Done.", "Maybe", "", ""],
        ["1.2", "In progress", "Moving.", "", "1/1/2019", ""],
    ]
    result = preview(sheet_world, new_xlsx(rows))
    assert result.error_messages == [
        "Row 2, Completed: “Maybe” is not Yes or No. Enter Yes if the action is complete, or No",
        "Row 3, Revised deadline: The new deadline must be on or after the action's start date, "
        "1 January 2020",
        "Row 3, Reason for change: Give a reason for the new deadline",
    ]


def test_a_proposed_deadline_equal_to_the_current_one_proposes_nothing(sheet_world):
    rows = [["Ref", "RAG", "Progress", "Proposed deadline"], ["1.1", "Green", "Fine.", "31/12/2020"]]
    result = preview(sheet_world, new_xlsx(rows))
    assert result.error_messages == []
    assert result.changes[0].data.proposed_deadline is None


def test_our_own_sheet_reads_back_with_its_current_deadline_as_information(sheet_world):
    book = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    helpers.fill(book, "1.1", RAG="Green", Progress="Fine.")
    result = preview(sheet_world, xlsx(book))
    assert result.error_messages == [] and result.notices == []
    read_as = {heading: read for heading, _, read in result.columns_read}
    assert read_as["Current deadline (do not change)"].startswith("The action's current deadline")
    assert read_as["Proposed deadline"] == "Proposed new deadline"


def test_the_preview_page_shows_the_columns_first_and_the_deadline_notice(client, sheet_world):
    client.force_login(sheet_world.lead)
    updates_before = list(ActionUpdate.objects.values_list("pk", "version"))
    upload = SimpleUploadedFile("my-sheet.csv", csv_of(LEADS_OWN), "text/csv")
    response = client.post(reverse("actions:update_sheet_upload"), {"file": upload}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("How your columns were read") < page.index("Will change")
    assert "current deadline, for information only: it proposes no new deadline" in page
    assert "31 March 2021 is not item 1.2" in page
    assert PendingImport.objects.count() == 1
    assert list(ActionUpdate.objects.values_list("pk", "version")) == updates_before


def test_the_default_date_parse_is_day_first(sheet_world):
    # 03/04/2021 is 3 April, so it differs from 31 December 2020 and is pointed out as that date.
    rows = [["Ref", "Deadline", "RAG", "Progress"], ["1.1", "03/04/2021", "Green", "Fine."]]
    result = preview(sheet_world, new_xlsx(rows))
    assert result.notices[0].startswith("Row 2, Deadline: 3 April 2021 is not item 1.1's current deadline")
    assert sheet_world.actions["1.1"].deadline == datetime.date(2020, 12, 31)

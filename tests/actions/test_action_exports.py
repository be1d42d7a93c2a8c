"""The actions list's CSV and XLSX downloads, as a board officer reads them (issue 16, item 7)."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from tests import factories

URL = reverse("actions:plan")


@pytest.fixture
def exported(client, viewer, plan, p1, lead_b, walsall):
    """Two actions in an open quarter: one red with a recovery plan and an owner, one owned by nobody."""
    period = factories.make_period(plan, 1)
    housing = factories.make_organisation(walsall, "Test Housing")
    owner = factories.make_user(walsall, full_name="Olive Owner", organisation=housing)
    red = factories.make_action(
        p1,
        "1.1",
        overall_objective="Reduce knife crime",
        responsible_officer="Chief Insp. Khan",
        owner=owner,
        deadline=datetime.date(2020, 6, 30),
    )
    factories.make_update(
        red,
        period,
        rag=Rag.RED,
        state=ActionUpdate.State.SUBMITTED,
        submitted_at=timezone.now(),
        progress="Two knife arches bought.",
        recovery_plan="Extra patrols in the town centre from May.",
        outcomes="Fewer knives found at the station.",
    )
    factories.make_action(p1, "1.2", overall_objective="Listen to our communities")
    client.force_login(viewer)
    return client


def _csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_the_csv_says_what_is_being_done_the_outcomes_and_who_reports(exported):
    rows = _csv_rows(exported.get(URL, {"format": "csv"}))
    red, unowned = rows
    assert red["What is being done 2020 Q1"] == "Extra patrols in the town centre from May."
    assert red["Actual outcomes 2020 Q1"] == "Fewer knives found at the station."
    assert red["Responsible officer"] == "Chief Insp. Khan"
    assert red["Reports progress"] == "Olive Owner, Test Housing"
    # No owner: the priority's lead officer reports its progress.
    assert unowned["Reports progress"] == "Alice Lead, Test Police"
    assert unowned["What is being done 2020 Q1"] == ""


def test_the_xlsx_is_laid_out_for_reading(exported):
    response = exported.get(URL, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert "What is being done 2020 Q1" in header and "Reports progress" in header
    # A filter on every heading, over every row.
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}3"
    progress = openpyxl.utils.get_column_letter(header.index("Progress 2020 Q1") + 1)
    item = openpyxl.utils.get_column_letter(header.index("Item") + 1)
    assert sheet.column_dimensions[progress].width > sheet.column_dimensions[item].width >= 8
    assert all(cell.alignment.wrap_text for cell in sheet[2])
    deadline = sheet.cell(row=2, column=header.index("Deadline") + 1)
    assert deadline.is_date and deadline.number_format == "dd/mm/yyyy"
    assert sheet.freeze_panes == "A2"

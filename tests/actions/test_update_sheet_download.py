"""Downloading the lead's update sheet: what is in it, what is protected, and who may have it."""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from actions.update_sheet import writing
from actions.update_sheet.row_preview import UNCHANGED
from tests import factories
from tests.actions import test_update_sheet_helpers as helpers
from tests.actions.test_update_sheet_helpers import (
    download,
    headings,
    preview,
    row_of,
    xlsx,
)

sheet_world = helpers.sheet_world  # the fixture

DOWNLOAD = reverse("actions:update_sheet_download")


def test_the_sheet_lists_only_the_actions_the_lead_may_update(sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    assert workbook.sheetnames == ["Updates", "Instructions", "About"]
    sheet = workbook["Updates"]
    references = [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)]
    assert references == ["1.1", "1.2", "1.3", "1.4"]  # not 2.1: lead_b's priority
    assert all(sheet.cell(row, 1).data_type == "s" for row in range(4, sheet.max_row + 1))
    assert "2020 Q1" in sheet["A1"].value


def test_the_sheet_has_drop_downs_a_hidden_check_protection_and_instructions(sheet_world):
    workbook = download(sheet_world.lead, sheet_world.plan, sheet_world.period)
    sheet = workbook["Updates"]
    columns = headings(sheet)
    formulas = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    rag_letter = openpyxl.utils.get_column_letter(columns["RAG"])
    assert formulas['"Red,Amber,Green"'] == f"{rag_letter}4:{rag_letter}7"
    assert '"Yes,No"' in formulas
    check = openpyxl.utils.get_column_letter(columns["Sheet check (do not change)"])
    assert sheet.column_dimensions[check].hidden
    assert sheet.cell(4, columns["Sheet check (do not change)"]).value.startswith("a")
    assert sheet.protection.sheet
    assert sheet.cell(4, 1).protection.locked  # the reference cannot be typed over by accident
    assert not sheet.cell(4, columns["Progress"]).protection.locked
    assert workbook["About"].sheet_state == "hidden"
    instructions = " ".join(
        str(cell.value) for row in workbook["Instructions"].iter_rows() for cell in row if cell.value
    )
    for expected in (
        sheet_world.plan.rag_red_definition,
        "31/03/2021",
        "skipped",
        "needs a rating and progress",
        "Not started",
        "Up to 4,000 characters",  # progress, what is being done, outcomes
        "Up to 2,000 characters",  # the reason for a new deadline
    ):
        assert expected in instructions


def test_an_existing_update_is_filled_in_and_a_returned_one_shows_the_comment(sheet_world):
    action = sheet_world.actions["1.2"]
    factories.make_update(
        action,
        sheet_world.period,
        state=ActionUpdate.State.RETURNED,
        rag=Rag.AMBER,
        progress="Half done.",
        recovery_plan="More staff.",
        submitted_at=timezone.now(),
        review_comment="Add the dates",
        version=3,
    )
    sheet = download(sheet_world.lead, sheet_world.plan, sheet_world.period)["Updates"]
    columns, row = headings(sheet), row_of(sheet, "1.2")
    assert sheet.cell(row, columns["RAG"]).value == "Amber"
    assert sheet.cell(row, columns["Progress"]).value == "Half done."
    assert sheet.cell(row, columns["State this quarter (do not change)"]).value == "Returned"
    assert sheet.cell(row, columns["Secretary's comment (do not change)"]).value == "Add the dates"
    assert sheet.cell(row, columns["Sheet check (do not change)"]).value == f"a{action.pk}v3"


PAYLOADS = ["=1+1", '==HYPERLINK("http://x","y")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def test_no_text_becomes_a_formula_and_it_comes_back_unchanged(sheet_world):
    """SEC-14 for the sheet; and the one protective apostrophe is taken off again on upload."""
    for payload, reference in zip(PAYLOADS, ["1.1", "1.2", "1.3", "1.4"], strict=False):
        factories.make_update(
            sheet_world.actions[reference],
            sheet_world.period,
            rag=Rag.GREEN,
            progress=payload,
            outcomes=payload,
        )
    data = writing.update_sheet_bytes(user=sheet_world.lead, plan=sheet_world.plan, period=sheet_world.period)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert not any(cell.data_type == "f" for cell in row)
    result = preview(sheet_world, data)
    assert not result.error_messages
    assert {row.outcome for row in result.rows} == {UNCHANGED}


def test_the_download_view_gives_an_attachment_and_logs_it(client, sheet_world, caplog):
    client.force_login(sheet_world.lead)
    with caplog.at_level("INFO", logger="swp.security"):
        response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="test-plan-2020-updates-2020-q1.xlsx"' in response["Content-Disposition"]
    assert any(record.security["event"] == "update_sheet_downloaded" for record in caplog.records)


def test_people_who_update_nothing_get_no_sheet(client, sheet_world, viewer):
    client.force_login(viewer)
    assert client.get(DOWNLOAD).status_code == 403
    assert client.get(reverse("actions:update_sheet_upload")).status_code == 403


def test_the_secretary_gets_every_action(client, sheet_world, secretary):
    client.force_login(secretary)
    response = client.get(DOWNLOAD)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Updates"]
    assert [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
    ]


def test_an_outsider_never_gets_another_partnerships_sheet(client, sheet_world, outsider):
    client.force_login(outsider)
    response = client.get(DOWNLOAD)
    assert response.status_code == 404  # their own partnership has no plan; never walsall's


def test_the_download_takes_a_fixed_number_of_queries(client, sheet_world, django_assert_max_num_queries):
    for n in range(5, 60):
        factories.make_action(sheet_world.p1, f"1.{n}")
    client.force_login(sheet_world.lead)
    with django_assert_max_num_queries(15):
        response = client.get(DOWNLOAD)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Updates"]
    assert sheet.max_row == 3 + 4 + 55


def test_your_updates_links_to_the_sheet_for_leads_only(client, sheet_world, viewer):
    client.force_login(sheet_world.lead)
    page = client.get(reverse("actions:my_updates")).content.decode()
    assert "Download my update sheet" in page and reverse("actions:update_sheet_upload") in page
    client.force_login(viewer)
    assert "Download my update sheet" not in client.get(reverse("actions:my_updates")).content.decode()


@pytest.mark.parametrize("reference", ["1.1"])
def test_a_round_trip_with_nothing_filled_in_changes_nothing(sheet_world, reference):
    data = xlsx(download(sheet_world.lead, sheet_world.plan, sheet_world.period))
    result = preview(sheet_world, data)
    assert not result.error_messages and not result.changes
    assert len(result.skipped) == 4

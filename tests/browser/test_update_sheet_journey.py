"""The demo lead gives two updates from a spreadsheet: download, fill in messily, upload, check, save.

Items 1.2 and 1.3 are left for the update cycle journey; this one uses the lead's next two items
with no update in the open 2020 Q3. The preview page must pass axe-core.
"""

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from actions.models import Action, ActionUpdate
from priorities.models import ReportingPeriod
from tests.browser.test_update_cycle_journey import LEAD, QUARTER, sign_in, update_row

pytestmark = pytest.mark.browser

RESERVED = {"1.2", "1.3"}


@pytest.fixture
def free_items(demo) -> list[str]:
    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label=QUARTER)
    taken = set(ActionUpdate.objects.filter(period=period).values_list("action__reference", flat=True))
    mine = Action.objects.filter(plan=period.plan, priority__lead_officer__email=LEAD).order_by(
        "priority__order", "order", "id"
    )
    free = [a.reference for a in mine if a.reference not in taken | RESERVED]
    assert len(free) >= 2, "the demo lead needs two items with no 2020 Q3 update"
    return free[:2]


def test_a_lead_gives_updates_from_a_spreadsheet(
    page: Page, demo_server, free_items, tmp_path, assert_no_axe_violations
):
    base = demo_server.url
    first, second = free_items
    page.goto(f"{base}/")
    sign_in(page, base, LEAD, assert_no_axe_violations)
    page.wait_for_url(f"{base}/my-updates/")

    # 1. Download the sheet from "Your updates".
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my update sheet").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.suffix == ".xlsx"

    # 2. Fill it in the way people do: lower case, stray spaces, a short UK date, Windows line breaks.
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Updates"]
    columns = {cell.value: cell.column for cell in sheet[3] if cell.value}
    rows = {sheet.cell(row, 1).value: row for row in range(4, sheet.max_row + 1)}
    sheet.cell(rows[first], columns["RAG"]).value = " a "
    sheet.cell(rows[first], columns["Progress"]).value = "Two partner briefings held.\r\nThe third is booked."
    sheet.cell(rows[first], columns["What is being done"]).value = "Extra analyst time agreed for October."
    sheet.cell(rows[second], columns["RAG"]).value = "GREEN"
    sheet.cell(rows[second], columns["Progress"]).value = "Joint patrol plan agreed for the autumn."
    sheet.cell(rows[second], columns["Proposed deadline"]).value = "31/3/21"
    sheet.cell(rows[second], columns["Reason for new deadline"]).value = "Lockdown delayed the start."
    workbook.save(path)

    # 3. Upload it and check the preview.
    page.get_by_role("link", name="Upload my update sheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload your update sheet")
    assert_no_axe_violations(page)
    page.get_by_label("Upload a file").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your updates before saving")
    changes = page.get_by_role("table", name="Changes by row of the sheet")
    expect(changes.get_by_role("row").filter(has_text=first)).to_contain_text("“No rating” to “Amber”")
    expect(changes.get_by_role("row").filter(has_text=second)).to_contain_text("31 March 2021")
    assert_no_axe_violations(page)

    # 4. Save, and see the result on "Your updates".
    with page.expect_navigation():
        page.get_by_role("button", name="Save 2 updates").click()
    page.wait_for_url(f"{base}/my-updates/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("2 updates saved from")
    expect(update_row(page, first)).to_contain_text("Submitted")
    expect(update_row(page, first)).to_contain_text("Amber")
    expect(update_row(page, second)).to_contain_text("Green")
    assert_no_axe_violations(page)

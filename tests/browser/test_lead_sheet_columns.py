"""A lead uploads their own spreadsheet, whose "Deadline" column is the action's current deadline
(issue 15 item 8): the preview says first how each column was read, points out a deadline that is not
the current one without proposing it, and is axe-clean and fits a phone without sideways scrolling."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from actions.models import Action
from tests.browser.test_dashboard_pages import page_scrolls_sideways, wide_things
from tests.browser.test_every_page import sign_in
from tests.browser.test_typed_text_kept import LEAD

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_leads_own_sheet_shows_how_its_columns_were_read(page: Page, demo_server, assert_no_axe_violations):
    action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="1.2")
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            ["Item No.", "Action", "Deadline", "RAG", "Update"],
            ["1.2", "As the lead's sheet words it", "01/01/2031", "Green", "On track, as planned."],
        ]
    )
    base = demo_server.url
    sign_in(page, base, LEAD)
    page.goto(f"{base}/my-updates/sheet/upload/")
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "my-actions.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and preview").click()

    columns = page.get_by_role("table", name="How your columns were read")
    expect(columns).to_contain_text("Deadline (column C)")
    expect(columns).to_contain_text("for information only: it proposes no new deadline")
    expect(page.get_by_role("main")).to_contain_text("1 January 2031 is not item 1.2")
    assert_no_axe_violations(page)
    page.set_viewport_size(PHONE)
    assert not page_scrolls_sideways(page), wide_things(page)
    assert_no_axe_violations(page)
    assert Action.objects.get(pk=action.pk).deadline == action.deadline

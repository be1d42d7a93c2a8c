"""Loading a plan from a workbook in a real browser: the partnership admin downloads the blank
workbook, fills it in, uploads it, checks the preview (axe-clean), confirms and sees the draft plan."""

import copy
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from priorities.models import Plan
from tests.fixtures.plan_workbooks import SAFER_BOROUGH, fill

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
ADMIN = "admin@demo.example"
TITLE = SAFER_BOROUGH["Plan"]["Title"]


def brought_in_mid_year() -> dict:
    """Safer Borough's plan with item 1.1's latest status, as a plan moving from spreadsheets has it."""
    plan = copy.deepcopy(SAFER_BOROUGH)
    headers, *rows = plan["Actions"]
    extra = ["Latest RAG", "Latest progress", "What is being done", "Reported for"]
    plan["Actions"] = [
        headers + extra,
        rows[0] + ["Amber", "Sessions booked in every school", "Two more trainers", "2021/22 Q2"],
        *(row + ["", "", "", ""] for row in rows[1:]),
    ]
    return plan


def sign_in(page: Page, base: str, email: str, then: str) -> None:
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_the_admin_loads_a_plan_from_the_blank_workbook(
    page: Page, demo_server, assert_no_axe_violations, tmp_path: Path
):
    base = demo_server.url
    sign_in(page, base, ADMIN, "/plan-workbooks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan workbooks")
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the blank plan workbook (.xlsx)").click()
    blank = Path(download_info.value.path()).read_bytes()
    filled = tmp_path / "safer-borough-plan.xlsx"
    filled.write_bytes(fill(blank, brought_in_mid_year()))

    page.get_by_role("link", name="Upload the filled-in workbook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Load a plan from a workbook")
    assert_no_axe_violations(page)
    page.get_by_label("Upload the plan workbook").set_input_files(str(filled))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the plan before loading it")
    expect(page.get_by_role("table", name=re.compile(r"^Priorities \(4\)"))).to_contain_text(
        "Knife crime among under-18s"
    )
    expect(page.get_by_role("table", name=re.compile(r"^Partners"))).to_contain_text(
        "Violence Reduction Group"
    )
    expect(page.get_by_role("table", name=re.compile(r"^Latest updates"))).to_contain_text(
        "Sessions booked in every school"
    )
    assert_no_axe_violations(page)
    assert not Plan.objects.filter(title=TITLE).exists()

    with page.expect_navigation():
        page.get_by_role("button", name="Load the plan as a draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Loaded “{TITLE}” as a draft"
    )
    expect(page.get_by_text("Draft", exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Priorities")).to_contain_text(
        "Knife crime among under-18s (part of 1.1)"
    )
    assert_no_axe_violations(page)
    assert Plan.objects.get(title=TITLE).status == Plan.Status.DRAFT

"""A partnership other than Walsall goes from nothing to its first issued pack in the browser alone
(issue 15, item 9): no shell and no Django admin anywhere in it.

The site administrator creates the partnership and invites its admin; the admin accepts, downloads the
blank plan workbook, fills it in as a person would in Excel (sub-priorities 1.1 and 1.2, joint lead
partners, a lead group, a baseline typed as 26 % that Excel keeps as 0.26, a deadline written
"Ongoing") and loads it; invites the lead the plan names and the board secretary, and opens the
first quarter; the lead accepts and submits an update; the secretary accepts their invitation,
accepts the update and issues the first pack. The pack's sections follow the plan's hierarchy with
the plan's own numbers. axe-core runs on every page, each also checked at 390 px.
"""

import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from priorities.models import Plan
from reports.models import IssuedPack
from tests import factories
from tests.browser.test_email_journey import run_on_commit
from tests.browser.test_onboarding_journey import WIDE, check, link_in, sign_out
from tests.fixtures.plan_workbooks import fill

pytestmark = pytest.mark.browser

ADMIN_EMAIL = "nia@newtown.example"
ADMIN_PASSWORD = "newtown admin chooses four words"
SECRETARY_EMAIL = "sam@newtown.example"
SECRETARY_PASSWORD = "the secretary keeps the minutes"
LEAD_EMAIL = "lee@newtown.example"
LEAD_PASSWORD = "the lead picks another phrase"
TITLE = "Safer Newtown Plan 2026/27"
# The pack's priority sections: the plan's hierarchy, under the plan's own numbers.
SECTIONS = ["1. Violence reduction", "1.1 Youth violence", "1.2 Domestic abuse", "2. Safer neighbourhoods"]
# The baseline Excel keeps as 0.26, shown as the plan's author typed it (with a narrow space before %).
BASELINE = re.compile(r"26\s%\s\(2025/26\)")
PROGRESS = "Sessions ran in four of the six secondary schools."

NEWTOWN_PLAN = {
    "Plan": {"Title": TITLE, "Period": "2026/27"},
    "Partners": [
        ["Name", "Short name", "Kind", "Membership"],
        ["Newtown Police", "", "Police", "Statutory responsible authority"],
        ["Newtown Council", "", "Council", "Statutory responsible authority"],
        ["Violence Reduction Group", "", "Group", ""],
    ],
    "Priorities": [
        ["Reference", "Title", "Part of", "Lead bodies", "Lead as written"],
        ["1", "Violence reduction", "", "Newtown Police; Newtown Council", ""],
        ["1.1", "Youth violence", "1", "Violence Reduction Group", ""],
        ["1.2", "Domestic abuse", "1", "", ""],
        ["2", "Safer neighbourhoods", "", "", "All partners"],
    ],
    "Measures": [
        ["Priority reference", "Title", "Direction", "Baseline value", "Baseline period"],
        ["1.2", "Repeat victims of domestic abuse", "Lower is better", 0.26, "2025/26"],
    ],
    "Actions": [
        ["Reference", "Priority reference", "Overall objective", "Responsible officer",
         "Responsible organisations", "Deadline"],
        ["1.1.1", "1.1", "Run knife-awareness sessions in every school", "Lee Lead", "Newtown Police",
         "Ongoing"],
        ["1.2.1", "1.2", "Train front-line staff to spot coercive control", "", "Newtown Council",
         "31/03/2027"],
        ["2.1", "2", "Target anti-social behaviour hotspots", "", "Newtown Council", "31/03/2027"],
    ],
}  # fmt: skip


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def as_excel_keeps_it(filled: bytes) -> bytes:
    """The baseline shown as 26 %: Excel stores 0.26 in the cell and shows it through the format "0%"."""
    book = openpyxl.load_workbook(io.BytesIO(filled))
    sheet = book["Measures"]
    column = next(c for c in range(1, sheet.max_column + 1) if sheet.cell(1, c).value == "Baseline value")
    assert sheet.cell(2, column).value == 0.26
    sheet.cell(2, column).number_format = "0%"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def invitation_to(email: str, outbox) -> object:
    # Invitations go through the outbox, sent once the request's transaction commits; here that
    # transaction is the test's, so its on-commit callbacks are run by hand first.
    run_on_commit()
    return next(m for m in outbox if m.to == [email] and "/accounts/invitation/" in m.body)


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def accept(page: Page, link: str, password: str, axe) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accept your invitation")
    check(page, axe)
    page.get_by_label("Choose a password").fill(password)
    page.get_by_label("Confirm your password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("alert")).to_contain_text("Welcome to Safer Newtown Partnership")
    check(page, axe)


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def fact(section, key: str):
    """The value beside a key in a pack section's summary list ("Lead group": "Violence Reduction Group")."""
    row = section.locator(".govuk-summary-list__row").filter(has=section.page.get_by_text(key, exact=True))
    return row.locator("dd")


def pdf_text(path: str) -> str:
    done = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True)
    return done.stdout


def in_order(text: str, *parts: str) -> bool:
    """Whether each part appears in the text after the one before it."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def test_a_new_partnership_goes_from_nothing_to_its_first_issued_pack_in_the_browser(
    page: Page, demo_server, mailoutbox, settings, assert_no_axe_violations, tmp_path: Path
):
    axe = assert_no_axe_violations
    base = settings.SITE_URL = demo_server.url
    heading = page.get_by_role("heading", level=1)
    main = page.get_by_role("main")
    page.set_viewport_size(WIDE)
    site_admin = factories.make_user(None, None, full_name="Site Admin", is_superuser=True, is_staff=True)

    visited: list[str] = []
    page.on("framenavigated", lambda frame: visited.append(frame.url) if frame == page.main_frame else None)
    menu = page.get_by_role("navigation", name="Menu")

    # 1. The site administrator creates the partnership and invites its admin.
    sign_in(page, base, site_admin.email, factories.PASSWORD)
    click(page, page.get_by_role("banner").get_by_role("link", name="Partnerships"))
    click(page, page.get_by_role("link", name="Create a partnership"))
    expect(heading).to_have_text("Create a partnership")
    page.get_by_label("Partnership name").fill("Safer Newtown Partnership")
    page.get_by_label("Its first admin's full name").fill("Nia Newtown")
    page.get_by_label("Its first admin's work email").fill(ADMIN_EMAIL)
    click(page, page.get_by_role("button", name="Create the partnership and invite its admin"))
    expect(page.get_by_role("alert")).to_contain_text("Safer Newtown Partnership created")
    check(page, axe)
    sign_out(page)

    # 2. The admin accepts the emailed invitation.
    to_admin = invitation_to(ADMIN_EMAIL, mailoutbox)
    assert to_admin.to == [ADMIN_EMAIL]
    accept(page, link_in(to_admin, base), ADMIN_PASSWORD, axe)

    # 3. The admin finds where the plan comes from, downloads the blank workbook, fills it in as Excel
    # keeps it, and loads it.
    click(page, menu.get_by_role("link", name="Plan actions"))
    expect(main).to_contain_text("Safer Newtown Partnership has no plan yet.")
    check(page, axe)
    click(page, main.get_by_role("link", name="Load the plan from a workbook"))
    expect(heading).to_have_text("Plan workbooks")
    check(page, axe)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the blank plan workbook (.xlsx)").click()
    blank = Path(download_info.value.path()).read_bytes()
    filled = tmp_path / "safer-newtown-plan.xlsx"
    filled.write_bytes(as_excel_keeps_it(fill(blank, NEWTOWN_PLAN)))
    click(page, page.get_by_role("link", name="Upload the filled-in workbook"))
    expect(heading).to_have_text("Load a plan from a workbook")
    check(page, axe)
    page.get_by_label("Upload the plan workbook").set_input_files(str(filled))
    click(page, page.get_by_role("button", name="Upload and preview"))
    expect(heading).to_have_text("Check the plan before loading it")
    expect(page.get_by_role("table", name=re.compile(r"^Priorities \(4\)"))).to_contain_text("Domestic abuse")
    check(page, axe)
    click(page, page.get_by_role("button", name="Load the plan as a draft"))
    expect(heading).to_have_text(TITLE)
    check(page, axe)

    # 4. The admin invites the lead the plan names for action 1.1.1.
    expect(page.get_by_role("heading", name="People the plan names")).to_be_visible()
    page.get_by_label("Work email for Lee Lead").fill(LEAD_EMAIL)
    click(page, page.get_by_role("button", name="Invite these people"))
    expect(page.get_by_role("alert")).to_contain_text("Invited 1 person named in the plan")
    check(page, axe)

    # 5. And the board's secretary, from the people page.
    click(page, page.get_by_role("banner").get_by_role("link", name="People"))
    click(page, page.get_by_role("link", name="Invite someone"))
    page.get_by_label("Full name").fill("Sam Secretary")
    page.get_by_label("Work email").fill(SECRETARY_EMAIL)
    page.get_by_label("Board secretary").check()
    click(page, page.get_by_role("button", name="Send the invitation"))
    expect(page.get_by_role("alert")).to_contain_text("Invitation sent to Sam Secretary")
    check(page, axe)

    # 6. The admin opens the first quarter for updates.
    plan = Plan.objects.get(partnership__name="Safer Newtown Partnership")
    click(page, menu.get_by_role("link", name="Review updates"))
    quarter = re.fullmatch(r"Review (.+) updates", heading.inner_text())[1]
    period = plan.periods.get(label=quarter)
    check(page, axe)
    click(page, page.get_by_role("link", name=f"Open, lock or change the deadline for {quarter}"))
    expect(heading).to_have_text(quarter)
    check(page, axe)
    deadline = page.get_by_role("group", name="Deadline for updates")
    deadline.get_by_label("Day").fill(str(period.end.day))
    deadline.get_by_label("Month").fill(str(period.end.month))
    deadline.get_by_label("Year").fill(str(period.end.year))
    click(page, page.get_by_role("button", name="Open for updates"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"{quarter}: open for updates – done"
    )
    check(page, axe)
    sign_out(page)

    # 7. The lead accepts the invitation and submits an update for the action they own.
    to_lead = invitation_to(LEAD_EMAIL, mailoutbox)
    accept(page, link_in(to_lead, base), LEAD_PASSWORD, axe)
    expect(heading).to_have_text(f"Your updates for {quarter}")
    check(page, axe)
    click(page, page.get_by_role("link", name="Give update for 1.1.1"))
    check(page, axe)
    page.get_by_role("radio", name="Green", exact=True).check()
    page.get_by_label("Progress this quarter").fill(PROGRESS)
    click(page, page.get_by_role("button", name="Submit for review"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("1.1.1 submitted for review")
    check(page, axe)
    sign_out(page)

    # 8. The secretary accepts the invitation, lands on the quarter's updates, accepts the lead's update
    # and issues the first pack.
    accept(page, link_in(invitation_to(SECRETARY_EMAIL, mailoutbox), base), SECRETARY_PASSWORD, axe)
    expect(heading).to_have_text(f"Review {quarter} updates")
    click(page, page.get_by_role("link", name="Review 1.1.1", exact=True))
    check(page, axe)
    page.get_by_role("radio", name="Accept it").check()
    click(page, page.get_by_role("button", name="Save decision"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("1.1.1 accepted")
    check(page, axe)

    click(page, menu.get_by_role("link", name="Board packs"))
    expect(heading).to_have_text("Board packs")
    check(page, axe)
    click(page, page.get_by_role("link", name=f"Preview the {quarter} pack"))
    expect(heading).to_have_text(f"Board pack: {quarter}")
    section_headings = main.locator("section.pack-priority > [id^=priority-]")
    sections = [text.strip() for text in section_headings.all_inner_texts()]
    assert sections == SECTIONS
    one, youth, domestic, neighbourhoods = (main.get_by_role("region", name=name) for name in SECTIONS)
    expect(fact(one, "Joint lead partners")).to_have_text("Newtown Police, Newtown Council")
    expect(fact(youth, "Part of")).to_have_text("1. Violence reduction")
    expect(fact(youth, "Lead group")).to_have_text("Violence Reduction Group")
    expect(neighbourhoods).to_contain_text("All partners")
    action = youth.get_by_role("row").filter(has_text="Run knife-awareness sessions in every school")
    expect(action).to_contain_text("Ongoing")
    expect(action).to_contain_text(PROGRESS)
    expect(domestic).to_contain_text(BASELINE)
    check(page, axe)
    click(page, page.get_by_role("button", name="Issue this pack"))
    expect(heading).to_have_text(f"Issue the {quarter} board pack")
    check(page, axe)
    # The quarter is still open: issuing asks the secretary to say they know, in plain words.
    click(page, page.get_by_role("button", name="Issue pack"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm that you want to issue the pack while updates are still open"
    )
    check(page, axe)
    assert not IssuedPack.objects.filter(plan=plan).exists()
    page.get_by_role("checkbox", name=f"I understand {quarter} is still open").check()
    page.get_by_role("button", name="Issue pack").click()
    expect(heading).to_have_text(f"{quarter} board pack, revision 1", timeout=60_000)
    success = page.locator(".govuk-notification-banner--success")
    expect(success).to_contain_text(f"{quarter} board pack issued")
    check(page, axe)
    pack = IssuedPack.objects.get(plan=plan)
    assert (pack.state, pack.issued_by.email) == (IssuedPack.State.ISSUED, SECRETARY_EMAIL)

    # The issued PDF: its sections in the plan's order, under the plan's own numbers.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the PDF").click()
    text = pdf_text(download_info.value.path())
    assert in_order(text, *sections), f"{sections} not in order in the PDF"
    assert BASELINE.search(text) and "Ongoing" in text
    assert not [url for url in visited if "/admin/" in url], "the journey went through the Django admin"

"""The governance pages in a real browser, as the board secretary and as a viewer: each shows its
heading and the governance navigation, and axe-core finds nothing (A11Y-01) on the pages the
every-page crawl does not reach (a searched decisions log, a quarter's meeting, the cabinet meeting)
nor on the secretary's forms, with errors and without; the secretary records a decision and marks an
EqIA action done, by keyboard; the viewer is offered nothing to change."""

import pytest
from playwright.sync_api import Page, expect

from governance.models import Meeting
from priorities.models import EqiaActionItem

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
SECRETARY = "secretary@demo.example"
VIEWER = "officer@demo.example"

# The every-page crawl checks these with axe for both roles (tests/browser/test_every_page.py)…
READ_PAGES = [
    ("/governance/", "Governance structure"),
    ("/governance/meetings/", "Meetings"),
    ("/governance/decisions/", "Decisions log"),
    ("/governance/plan/approvals/", "Plan approvals"),
    ("/governance/assessment/", "Strategic assessment"),
    ("/governance/consultation/", "Consultation"),
    ("/governance/equality/", "Equality Impact Assessment"),
]
# …but not a searched log, nor these meetings: it visits one meeting for each role.
SEARCHED_LOG = (
    "/governance/decisions/?q=priorities&date_from_0=1&date_from_1=7&date_from_2=2019",
    "Decisions log",
)


def sign_in(page: Page, base: str, email: str, then: str) -> None:
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def q1_meeting() -> Meeting:
    return Meeting.objects.get(board__partnership__slug="safer-walsall", date="2020-04-21")


def shows_its_heading(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("navigation", name="Governance")).to_be_visible()


@pytest.mark.parametrize("email", [SECRETARY, VIEWER])
def test_every_governance_page_shows_its_heading_and_those_the_crawl_skips_pass_axe(
    page: Page, demo_server, assert_no_axe_violations, email
):
    base = demo_server.url
    sign_in(page, base, email, "/governance/")
    for path, heading in READ_PAGES:
        shows_its_heading(page, f"{base}{path}", heading)
    meeting = q1_meeting()
    cabinet = Meeting.objects.get(board__partnership__slug="safer-walsall", date="2019-10-23")
    for path, heading in [
        SEARCHED_LOG,
        (f"/governance/meetings/{meeting.pk}/", "Quarterly board meeting: 2020 Q1 progress, 21 April 2020"),
        (f"/governance/meetings/{cabinet.pk}/", "Cabinet, 23 October 2019"),
    ]:
        shows_its_heading(page, f"{base}{path}", heading)
        assert_no_axe_violations(page)


def test_the_viewer_is_offered_nothing_to_change(page: Page, demo_server):
    base = demo_server.url
    sign_in(page, base, VIEWER, "/governance/equality/")
    expect(page.get_by_role("button", name="Mark done")).to_have_count(0)
    page.goto(f"{base}/governance/meetings/{q1_meeting().pk}/")
    expect(page.get_by_role("link", name="Record a decision")).to_have_count(0)
    page.goto(f"{base}/governance/plan/approvals/")
    expect(page.get_by_role("link", name="Record an approval step")).to_have_count(0)
    response = page.goto(f"{base}/governance/plan/approvals/new/")
    assert response.status == 403


def test_the_secretarys_forms_pass_axe_with_and_without_errors(
    page: Page, demo_server, assert_no_axe_violations
):
    base = demo_server.url
    meeting = q1_meeting()
    sign_in(page, base, SECRETARY, f"/governance/meetings/{meeting.pk}/")
    for link, heading, button in [
        ("Record a decision", "Record a decision", "Save decision"),
        ("Record attendance", "Record attendance", "Save attendance"),
    ]:
        page.goto(f"{base}/governance/meetings/{meeting.pk}/")
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_no_axe_violations(page)
        page.get_by_role("button", name=button).click()
        expect(page.locator(".govuk-error-summary")).to_be_focused()
        expect(page).to_have_title(f"Error: {heading} – Partnership plan manager")
        assert_no_axe_violations(page)

    page.goto(f"{base}/governance/plan/approvals/")
    page.get_by_role("link", name="Record an approval step").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an approval step")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save step").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date of the decision")
    assert_no_axe_violations(page)


def test_the_secretary_records_a_decision_and_marks_an_eqia_action_done_by_keyboard(
    page: Page, demo_server, assert_no_axe_violations
):
    base = demo_server.url
    meeting = q1_meeting()
    sign_in(page, base, SECRETARY, f"/governance/meetings/{meeting.pk}/decisions/new/")
    page.get_by_role("radio", name="Action").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Demo: Share the consultation results with residents")
    page.get_by_label("Who will do it").focus()
    page.keyboard.type("Board secretary")
    page.get_by_role("button", name="Save decision").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action recorded")
    expect(
        page.get_by_role("table", name="Decisions, resolutions and actions of this meeting")
    ).to_contain_text("Share the consultation results with residents")
    assert_no_axe_violations(page)

    page.goto(f"{base}/governance/equality/")
    button = page.get_by_role("button", name="Feedback results of consultation to public")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Marked done: Feedback")
    expect(page.get_by_text("2 of 10 actions still open.")).to_be_visible()
    assert_no_axe_violations(page)
    assert EqiaActionItem.objects.get(action="Feedback").done

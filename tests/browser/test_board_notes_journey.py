"""The lead's commentary and the secretary's asks, written and reviewed in a real browser (issue 19).

The Violence reduction lead writes the quarter's commentary from their updates page (tripping the
"enter your commentary" error first); the secretary writes the asks of the board and accepts the
commentary; a partnership admin accepts the asks (nobody reviews their own); the secretary's preview
of the pack then shows both where the board reads them. axe-core runs on every page (A11Y-01), and
the notes page is checked at 390 px wide for sideways scrolling.
"""

import pytest
from playwright.sync_api import Page, expect

from actions.models import BoardNote

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
LEAD = "lead.violence@demo.example"
SECRETARY = "secretary@demo.example"
ADMIN = "admin@demo.example"
QUARTER = "2020 Q3"
COMMENTARY = "Listening events restarted outdoors; knife crime referrals are up, so 1.10 stays amber."
ASKS = "Agree to move the deadline of action 3.6 to March 2021."


def sign_in(page: Page, base: str, email: str, then: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def scrolls_sideways(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_commentary_and_asks_are_written_reviewed_and_printed(
    page: Page, demo_server, assert_no_axe_violations
):
    base = demo_server.url

    # The lead: from their updates to the notes page, then the commentary form.
    sign_in(page, base, LEAD, "/my-updates/")
    page.get_by_role("link", name=f"Your commentary for the board, {QUARTER}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Commentary and asks for the board, {QUARTER}")
    expect(page.get_by_text("Not written")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert not scrolls_sideways(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Write the commentary on Violence reduction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Commentary on Violence reduction")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your commentary")
    assert_no_axe_violations(page)
    page.get_by_label("Your commentary for the board").fill(COMMENTARY)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Commentary submitted for review"
    )
    expect(page.get_by_text("Waiting for review")).to_be_visible()
    assert_no_axe_violations(page)

    # The secretary: writes the asks, then accepts the lead's commentary.
    sign_in(page, base, SECRETARY, "/review/")
    page.get_by_role("link", name=f"Commentary and asks for the board, {QUARTER}").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Write the asks of the board").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Asks of the board")
    page.get_by_label("What is the board asked to decide or note?").fill(ASKS)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Asks of the board submitted for review"
    )
    page.get_by_role("link", name="Review the commentary on Violence reduction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review the commentary on Violence reduction")
    expect(page.locator(".govuk-inset-text")).to_contain_text(COMMENTARY)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether to accept or return the note"
    )
    assert_no_axe_violations(page)
    page.get_by_role("radio", name="Accept it").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Lead's commentary accepted")

    # The secretary may not review the asks they wrote.
    page.get_by_role("link", name="Review the asks of the board").click()
    expect(page.get_by_text("You wrote this, so someone else must review it.")).to_be_visible()
    assert_no_axe_violations(page)

    # A partnership admin accepts the asks.
    sign_in(page, base, ADMIN, "/review/")
    page.get_by_role("link", name=f"Commentary and asks for the board, {QUARTER}").click()
    page.get_by_role("link", name="Review the asks of the board").click()
    page.get_by_role("radio", name="Accept it").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Asks of the board accepted")
    assert list(BoardNote.objects.filter(period__label=QUARTER).values_list("state", flat=True)) == [
        BoardNote.State.ACCEPTED,
        BoardNote.State.ACCEPTED,
    ]

    # The pack's preview shows both where the board reads them.
    page.goto(f"{base}/packs/")
    page.get_by_role("link", name=f"Preview the {QUARTER} pack").click()
    glance = page.locator("section.pack-glance")
    expect(glance.locator(".pack-asks")).to_contain_text(ASKS)
    expect(page.locator(".pack-commentary").first).to_contain_text(COMMENTARY)
    expect(page.locator("section.pack-decisions")).to_contain_text(ASKS)
    assert_no_axe_violations(page)

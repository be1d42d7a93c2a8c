"""The idle-timeout warning in a real browser (SEC-09, A11Y-09), with the timeout cut to seconds.

The live server runs in this process, so the `settings` fixture sets its timeout: 8 seconds idle,
a warning 5 seconds before the end.
"""

import datetime
import time

import pytest
from playwright.sync_api import Page, expect

from governance.models import Membership, Partnership, Role, User
from priorities.models import Plan

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"
IDLE, WARNING = 8, 5


@pytest.fixture
def officer(db, settings) -> User:
    settings.SWP_IDLE_TIMEOUT_SECONDS = IDLE
    settings.SWP_IDLE_WARNING_SECONDS = WARNING
    partnership = Partnership.objects.create(name="Timeout Partnership", slug="timeout", area="Testshire")
    Plan.objects.create(
        partnership=partnership,
        title="Timeout Plan 2020",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        status=Plan.Status.ACTIVE,
    )
    user = User.objects.create_user(email="tim.out@example.org", password=PASSWORD, full_name="Tim Out")
    Membership.objects.create(partnership=partnership, user=user, role=Role.CONTRIBUTOR)
    return user


def sign_in(page: Page, demo_server, user: User) -> None:
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{demo_server.url}/actions/")


def seconds_left(page: Page) -> dict:
    return page.evaluate(
        "url => fetch(url, {headers: {Accept: 'application/json'}}).then(r => r.json())",
        "/accounts/session/status/",
    )


def test_the_warning_appears_and_stay_signed_in_by_keyboard_keeps_you_signed_in(
    page: Page, demo_server, officer, assert_no_axe_violations
):
    sign_in(page, demo_server, officer)
    dialog = page.get_by_role("alertdialog", name="You’re about to be signed out")
    expect(dialog).to_be_hidden()
    signed_in_at = time.monotonic()

    expect(dialog).to_be_visible(timeout=(IDLE - WARNING + 3) * 1000)
    expect(dialog).to_have_attribute("aria-modal", "true")
    assert page.evaluate("document.activeElement.id") == "app-timeout-dialog", "focus moves into the dialog"
    expect(dialog).to_contain_text("we will sign you out in")
    expect(dialog).to_contain_text("Anything you have not saved will be lost.")
    expect(dialog.get_by_role("button", name="Sign out")).to_be_visible()
    assert_no_axe_violations(page)

    # The countdown you can see ticks; the live region does not chatter every second.
    live = page.locator("#app-timeout-live")
    heard = {live.text_content()}
    for _ in range(2):
        page.wait_for_timeout(1000)
        heard.add(live.text_content())
    assert len(heard) <= 2

    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Stay signed in")).to_be_focused()
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    status = seconds_left(page)
    assert status["signed_in"] and status["seconds_left"] >= IDLE - 2
    # Past the time the first session would have ended: still signed in, on the same page.
    page.wait_for_timeout(max(0, (IDLE + 1 - (time.monotonic() - signed_in_at)) * 1000))
    assert seconds_left(page)["signed_in"]
    page.reload()
    assert page.url == f"{demo_server.url}/actions/"


def test_escape_means_stay_signed_in(page: Page, demo_server, officer):
    sign_in(page, demo_server, officer)
    dialog = page.get_by_role("alertdialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible(timeout=(IDLE - WARNING + 3) * 1000)

    page.keyboard.press("Escape")

    expect(dialog).to_be_hidden()
    assert seconds_left(page)["seconds_left"] >= IDLE - 2


def test_doing_nothing_signs_you_out_with_a_message(page: Page, demo_server, officer):
    sign_in(page, demo_server, officer)

    page.wait_for_url("**/accounts/login/?next=%2Factions%2F", timeout=(IDLE + 6) * 1000)

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"You were signed out after {IDLE} seconds without activity. Sign in again to carry on."
    )
    page.goto(f"{demo_server.url}/actions/")
    page.wait_for_url("**/accounts/login/**")

"""Two-factor authentication in a real browser (SEC-10): set up, recovery codes, code, recovery code.

Each page is checked with axe-core, the forms with and without errors.
"""

import base64
import datetime
import time

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from governance.models import Membership, Partnership, Role, User
from priorities.models import Plan

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"


@pytest.fixture
def secretary(db, settings) -> User:
    settings.SWP_REQUIRE_TWO_FACTOR = True
    partnership = Partnership.objects.create(
        name="Browser 2FA Partnership", slug="browser-2fa", area="Testshire"
    )
    Plan.objects.create(
        partnership=partnership,
        title="Browser 2FA Plan 2020",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        status=Plan.Status.ACTIVE,
    )
    user = User.objects.create_user(email="sam.sec@example.org", password=PASSWORD, full_name="Sam Secretary")
    Membership.objects.create(partnership=partnership, user=user, role=Role.SECRETARY)
    return user


def sign_in(page: Page, demo_server, user: User) -> None:
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def code_for(typed_key: str) -> str:
    """What an authenticator app shows for the key the person typed in."""
    key = base64.b32decode(typed_key.replace(" ", ""))
    return f"{totp(key, step=30, t0=0, digits=6, drift=0):06d}"


def test_a_secretary_sets_up_two_factor_then_signs_in_with_a_recovery_code(
    page: Page, demo_server, secretary, assert_no_axe_violations
):
    sign_in(page, demo_server, secretary)

    # Straight to set-up: the role needs it, and nothing else is reachable first.
    page.wait_for_url("**/accounts/two-factor/set-up/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{demo_server.url}/dashboard/")
    page.wait_for_url("**/accounts/two-factor/set-up/**")

    # A wrong code first: the GOV.UK error summary, focused, and still clean.
    typed_key = page.locator("#secret-key").inner_text()
    code_box = page.get_by_label("Enter the 6-digit code your app shows")
    expect(code_box).to_have_attribute("autocomplete", "one-time-code")
    expect(code_box).to_have_attribute("inputmode", "numeric")
    code_box.fill("12")
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code must be 6 digits")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_no_axe_violations(page)

    page.get_by_label("Enter the 6-digit code your app shows").fill(code_for(typed_key))
    page.get_by_role("button", name="Confirm and continue").click()

    page.wait_for_url("**/accounts/two-factor/recovery-codes/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    codes = page.locator(".app-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert_no_axe_violations(page)
    page.get_by_role("button", name="I have saved these codes").click()
    page.wait_for_url(lambda url: "/two-factor/" not in url and "/accounts/login/" not in url)

    # Next time: the password, then a code. This person has no phone to hand: a recovery code.
    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_url(f"{demo_server.url}/")
    sign_in(page, demo_server, secretary)
    page.wait_for_url("**/accounts/two-factor/verify/**")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enter the 6-digit code from your authenticator app"
    )
    assert_no_axe_violations(page)
    page.get_by_label("Code", exact=True).fill("000000" if code_for(typed_key) != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    assert_no_axe_violations(page)

    time.sleep(1.1)  # the pause after a wrong code
    page.get_by_role("link", name="use a recovery code instead").click()
    page.wait_for_url("**/accounts/two-factor/recovery/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter a recovery code")
    assert_no_axe_violations(page)
    page.get_by_label("Recovery code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(lambda url: "/two-factor/" not in url and "/accounts/login/" not in url)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have 9 recovery codes left.")

"""A new partnership sets itself up in the browser (issue 15, items 1 and 2), with axe-core on every page
and each page checked at 390 px wide, where none may scroll sideways: the site administrator creates
the partnership; its admin accepts the emailed invitation and invites a lead; the lead accepts."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.test_dashboard_pages import page_scrolls_sideways, wide_things
from tests.browser.test_email_journey import run_on_commit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
ADMIN_PASSWORD = "newtown admin chooses four words"
LEAD_PASSWORD = "the lead picks another phrase"


def check(page: Page, axe) -> None:
    """axe at full width, then at 390 px, where the page must not scroll sideways."""
    axe(page)
    page.set_viewport_size(PHONE)
    assert not page_scrolls_sideways(page), f"{page.url} scrolls sideways at 390 px: {wide_things(page)}"
    axe(page)
    page.set_viewport_size(WIDE)


def link_in(message, base: str) -> str:
    return re.search(rf"{re.escape(base)}/accounts/invitation/\S+/", message.body)[0]


def sign_out(page: Page) -> None:
    # Sign out sits with who is signed in, in the header (the banner), not in the menu.
    with page.expect_navigation():
        page.get_by_role("banner").get_by_role("button", name="Sign out").click()


def test_a_site_admin_creates_a_partnership_whose_admin_invites_a_lead(
    page: Page, demo_server, mailoutbox, settings, assert_no_axe_violations
):
    axe = assert_no_axe_violations
    base = settings.SITE_URL = demo_server.url
    heading = page.get_by_role("heading", level=1)
    page.set_viewport_size(WIDE)
    site_admin = factories.make_user(None, None, full_name="Site Admin", is_superuser=True, is_staff=True)

    # The site administrator creates the partnership.
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(site_admin.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base}/partnerships/")
    expect(heading).to_have_text("Partnerships")
    check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Create a partnership").click()
    expect(heading).to_have_text("Create a partnership")
    check(page, axe)
    with page.expect_navigation():
        page.get_by_role("button", name="Create the partnership and invite its admin").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the partnership's name")
    check(page, axe)
    page.get_by_label("Partnership name").fill("Safer Newtown Partnership")
    page.get_by_label("Its first admin's full name").fill("Nia Newtown")
    page.get_by_label("Its first admin's work email").fill("nia@newtown.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the partnership and invite its admin").click()
    expect(page.get_by_role("alert")).to_contain_text("Safer Newtown Partnership created")
    check(page, axe)
    sign_out(page)

    # Its admin accepts the emailed invitation and lands on the people page. (The outbox sends once
    # the request's transaction commits; here it is the test's, so its callbacks are run by hand.)
    run_on_commit()
    [to_admin] = mailoutbox
    page.goto(link_in(to_admin, base))
    expect(heading).to_have_text("Accept your invitation")
    check(page, axe)
    page.get_by_label("Choose a password").fill(ADMIN_PASSWORD)
    page.get_by_label("Confirm your password").fill(ADMIN_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create my account").click()
    expect(heading).to_have_text("People")
    expect(page.get_by_role("alert")).to_contain_text("Welcome to Safer Newtown Partnership")
    check(page, axe)

    # The admin invites a lead.
    with page.expect_navigation():
        page.get_by_role("link", name="Invite someone").click()
    expect(heading).to_have_text("Invite someone")
    check(page, axe)
    page.get_by_label("Full name").fill("Lee Lead")
    page.get_by_label("Work email").fill("lee@newtown.example")
    page.get_by_label("Partner officer").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("Invitation sent to Lee Lead")
    expect(page.get_by_role("region", name="Invited (1)")).to_contain_text("lee@newtown.example")
    check(page, axe)
    sign_out(page)

    # The lead accepts, and the used link cannot be used again.
    run_on_commit()
    to_lead = mailoutbox[-1]
    assert to_lead.to == ["lee@newtown.example"]
    page.goto(link_in(to_lead, base))
    expect(heading).to_have_text("Accept your invitation")
    page.get_by_label("Choose a password").fill(LEAD_PASSWORD)
    page.get_by_label("Confirm your password").fill(LEAD_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("alert")).to_contain_text("Welcome to Safer Newtown Partnership")
    expect(page.locator(".govuk-service-navigation__service-name")).to_have_text("Safer Newtown Partnership")
    sign_out(page)
    page.goto(link_in(to_lead, base))
    expect(heading).to_have_text("This invitation link cannot be used")
    check(page, axe)

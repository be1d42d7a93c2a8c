"""The site shell in a real browser: signing in by keyboard, and zero axe-core violations where the
every-page crawl does not look (sign-in errors, the server error page, choosing a partnership).

The crawl (tests/browser/test_every_page.py) checks the sign-in, home, accessibility statement, 404
and public plan pages as an anonymous visitor, and each role's start page and the plan's actions,
with axe; the test below checks that they are the pages they should be."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from governance.models import Membership, Partnership, Role, User
from priorities.models import Plan

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"


@pytest.fixture
def officer(db) -> User:
    """A partner officer in a partnership with an active plan, so the staff page has something to show."""
    partnership = Partnership.objects.create(
        name="Browser Test Partnership", slug="browser-test", area="Testshire"
    )
    Plan.objects.create(
        partnership=partnership,
        title="Browser Test Plan 2020",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        status=Plan.Status.ACTIVE,
    )
    user = User.objects.create_user(email="jo.bloggs@example.org", password=PASSWORD, full_name="Jo Bloggs")
    Membership.objects.create(partnership=partnership, user=user, role=Role.CONTRIBUTOR)
    return user


def tab_to(page: Page, selector: str, *, limit: int = 20) -> None:
    """Press Tab until the element is focused, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Pressed Tab {limit} times without reaching {selector}")


def test_the_pages_the_crawl_checks_are_the_right_ones(page: Page, demo_server):
    base = demo_server.url
    page.goto(f"{base}/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page).to_have_title("Sign in – Partnership plan manager")

    page.goto(f"{base}/")
    expect(page.get_by_role("link", name="Published plans")).to_have_attribute("aria-current", "page")
    page.goto(f"{base}/accessibility/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    response = page.goto(f"{base}/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.goto(f"{base}/plans/safer-walsall/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Safer Walsall")

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill("officer@demo.example")
    page.get_by_label("Password").fill("demo-walsall-2020")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{base}/actions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan actions")
    expect(page.locator(".app-rag--green").first).to_have_text("Green")  # 2020 Q3: three submitted, green


def test_login_page_with_errors_has_no_axe_violations(page: Page, demo_server, assert_no_axe_violations):
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the work email and password for your account")
    expect(summary).to_be_focused()  # GOV.UK Frontend's JS ran
    expect(page).to_have_title("Error: Sign in – Partnership plan manager")
    assert_no_axe_violations(page)


def test_login_page_with_empty_fields_has_no_axe_violations(
    page: Page, demo_server, assert_no_axe_violations
):
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your work email")
    # Red border from our CSS: crispy-forms-gds gives email and password inputs no error class.
    expect(page.locator("#id_password")).to_have_css("border-color", "rgb(202, 53, 53)")
    assert_no_axe_violations(page)


def test_officer_signs_in_with_keyboard_only(page: Page, demo_server, officer):
    page.goto(f"{demo_server.url}/accounts/login/")

    tab_to(page, "#id_username")
    page.keyboard.type("Jo.Bloggs@example.org")
    page.keyboard.press("Tab")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url(f"{demo_server.url}/actions/")  # no actions to report on, so the plan
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan actions")
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Plan actions")).to_have_attribute("aria-current", "page")
    header = page.get_by_role("banner")
    expect(header).to_contain_text(f"Signed in as {officer.full_name}")
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    expect(header.get_by_role("link", name="Site admin")).to_have_count(0)
    expect(page.locator(".govuk-service-navigation__service-name")).to_have_text("Browser Test Partnership")


def test_sign_out_returns_to_published_plans(page: Page, demo_server, officer):
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{demo_server.url}/actions/")

    page.get_by_role("button", name="Sign out").click()

    page.wait_for_url(f"{demo_server.url}/")
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in")).to_be_visible()


def test_server_error_page_stands_alone_and_has_no_axe_violations(
    page: Page, demo_server, assert_no_axe_violations
):
    # Django renders 500.html with no request context: render it that way, then show it
    # from the live server's origin so its stylesheet loads.
    from django.test import RequestFactory
    from django.views.defaults import server_error

    html = server_error(RequestFactory().get("/")).content.decode()
    page.goto(f"{demo_server.url}/static/js/app.js")
    page.set_content(html, wait_until="load")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sorry, there is a problem with the service")
    expect(page.get_by_role("heading", level=1)).to_have_css(
        "font-family", 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
    )
    assert_no_axe_violations(page)


def test_choosing_a_partnership_has_no_axe_violations(
    page: Page, demo_server, officer, assert_no_axe_violations
):
    elsewhere = Partnership.objects.create(
        name="Second Test Partnership", slug="second-test", area="Elsewhere"
    )
    Membership.objects.create(partnership=elsewhere, user=officer, role=Role.VIEWER)
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Change partnership").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Which partnership are you working in?")
    expect(page.get_by_label("Browser Test Partnership")).to_be_checked()  # where they are now
    assert_no_axe_violations(page)

    page.get_by_label("Second Test Partnership").check()
    page.keyboard.press("Enter")
    page.wait_for_url("**/actions/")
    expect(page.locator(".govuk-service-navigation__service-name")).to_have_text("Second Test Partnership")

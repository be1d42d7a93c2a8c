"""Signing in with your own organisation's account, in a real browser against a real OpenID provider
(tests/oidc/provider.mjs): email first, the provider's sign-in and consent, back signed in; two factors
once; refusals with a clear page; and signing out of the provider too. Every page of ours is checked
with axe-core, and at 390 px wide, where none may scroll sideways.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from governance.models import Membership, Partnership, Role, User
from tests import factories
from tests.browser.test_dashboard_pages import page_scrolls_sideways, wide_things
from tests.oidc.real_provider import make_identity_provider, running_provider

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def issuer(shared_live_server) -> Iterator[str]:
    with running_provider([shared_live_server.url]) as issuer:
        yield issuer


@pytest.fixture
def police(issuer, demo_server):
    return make_identity_provider(issuer)


def demo_person_as(demo_email: str, email: str) -> User:
    """A demo person, now at the police's email domain."""
    person = User.objects.get(email=demo_email)
    person.email = email
    person.save(update_fields=["email"])
    return person


def check(page: Page, axe) -> None:
    axe(page)
    page.set_viewport_size(PHONE)
    assert not page_scrolls_sideways(page), f"{page.url} scrolls sideways at 390 px: {wide_things(page)}"
    axe(page)
    page.set_viewport_size(WIDE)


def sign_in_at_provider(page: Page, base: str, issuer: str, email: str, axe=None) -> None:
    page.goto(f"{base}/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_label("Password")).to_have_count(0)  # email first
    if axe:
        check(page, axe)
    page.get_by_label("Work email").fill(email)
    with page.expect_navigation(url=f"{issuer}/interaction/**"):
        page.get_by_role("button", name="Continue").click()
    # The provider's own development sign-in page, then its consent page.
    expect(page.locator("input[name=login]")).to_have_value(email)  # our login_hint
    page.locator("input[name=password]").fill("their organisation's password")
    page.get_by_role("button", name="Sign-in").click()
    with page.expect_navigation(url=f"{base}/**"):
        page.get_by_role("button", name="Continue").click()


def test_a_lead_signs_in_with_their_organisations_account_and_signs_out_of_both(
    page: Page, demo_server, issuer, police, settings, assert_no_axe_violations
):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    page.set_viewport_size(WIDE)
    lead = demo_person_as("lead.violence@demo.example", "lee.lead@police.example")

    sign_in_at_provider(page, demo_server.url, issuer, "lee.lead@police.example", assert_no_axe_violations)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Your updates")
    assert lead.federated_identities.get().provider == police

    with page.expect_navigation():
        page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    check(page, assert_no_axe_violations)
    page.get_by_role("link", name="Sign out of your Testshire Police account too").click()
    # The provider asks to confirm, then sends the person back to our home page.
    page.wait_for_url(f"{issuer}/session/end**")
    with page.expect_navigation(url=f"{demo_server.url}/"):
        page.get_by_role("button", name="Yes, sign me out").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()


def test_everyone_else_signs_in_with_a_password_as_before_their_email_kept(
    page: Page, demo_server, police, assert_no_axe_violations
):
    walsall = Partnership.objects.get(slug="safer-walsall")
    person = factories.make_user(walsall, Role.CONTRIBUTOR, email="pat.partner@walsall.example")
    page.set_viewport_size(WIDE)
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(person.email)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()

    expect(page.get_by_label("Work email")).to_have_value(person.email)
    check(page, assert_no_axe_violations)
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("banner")).to_contain_text(person.full_name)


def test_a_secretary_whose_provider_asserted_mfa_is_not_asked_for_our_code(
    page: Page, demo_server, issuer, police, settings
):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    demo_person_as("secretary@demo.example", "sam.secretary@police.example")

    sign_in_at_provider(page, demo_server.url, issuer, "sam.secretary@police.example")

    assert "/accounts/two-factor/" not in page.url
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("two-factor")


def test_an_admin_whose_provider_did_not_assert_mfa_sets_up_our_code(
    page: Page, demo_server, issuer, police, settings
):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    demo_person_as("admin@demo.example", "ash.admin@police.example")

    sign_in_at_provider(page, demo_server.url, issuer, "ash.admin@police.example")

    page.wait_for_url("**/accounts/two-factor/set-up/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")


def test_an_unknown_email_is_refused_with_a_clear_page(
    page: Page, demo_server, issuer, police, assert_no_axe_violations
):
    sign_in_at_provider(page, demo_server.url, issuer, "stan.stranger@police.example")

    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find an invitation for you")
    message = page.get_by_text("We could not find an invitation for stan.stranger@police.example.")
    expect(message).to_contain_text("Ask your partnership's admin to invite you.")
    check(page, assert_no_axe_violations)
    assert not User.objects.filter(email="stan.stranger@police.example").exists()


def test_a_deactivated_person_is_refused_though_their_provider_accepted_them(
    page: Page, demo_server, issuer, police, assert_no_axe_violations
):
    gone = demo_person_as("owner@demo.example", "gil.gone@police.example")
    Membership.objects.filter(user=gone).update(ended_at="2026-01-01T00:00Z")

    sign_in_at_provider(page, demo_server.url, issuer, "gil.gone@police.example")

    expect(page.get_by_role("heading", level=1)).to_have_text("Your account has been switched off")
    check(page, assert_no_axe_violations)
    page.goto(f"{demo_server.url}/start/")
    assert "/accounts/login/" in page.url  # not signed in


def test_a_tampered_state_is_refused(page: Page, demo_server, issuer, police):
    demo_person_as("lead.violence@demo.example", "lee.lead@police.example")
    callbacks: list[str] = []

    def hold_back_the_return(route):
        """The consent's answer leads, by redirects the browser follows unseen, back to us: follow them
        here instead (with the browser's cookies) and keep the address it would have come back to."""
        if route.request.method != "POST" or "prompt=consent" not in (route.request.post_data or ""):
            route.continue_()
            return
        location = route.fetch(max_redirects=0).headers["location"]
        while not location.startswith(demo_server.url):
            location = page.request.get(location, max_redirects=0).headers["location"]
        callbacks.append(location)
        route.fulfill(status=200, content_type="text/plain", body="held")

    page.route(f"{issuer}/interaction/**", hold_back_the_return)
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill("lee.lead@police.example")
    with page.expect_navigation(url=f"{issuer}/interaction/**"):
        page.get_by_role("button", name="Continue").click()
    page.locator("input[name=password]").fill("their organisation's password")
    page.get_by_role("button", name="Sign-in").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert len(callbacks) == 1 and "state=" in callbacks[0]

    page.goto(callbacks[0].replace("state=", "state=tampered"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Your sign-in could not be finished")
    page.goto(f"{demo_server.url}/start/")
    assert "/accounts/login/" in page.url


def test_the_partnership_admin_sees_who_signs_in_with_the_provider_and_unlinks_them(
    page: Page, demo_server, police, assert_no_axe_violations
):
    walsall = Partnership.objects.get(slug="safer-walsall")
    admin = factories.make_user(walsall, Role.ADMIN, email="ada.admin@walsall.example", full_name="Ada Admin")
    lead = demo_person_as("lead.violence@demo.example", "lee.lead@police.example")
    lead.federated_identities.create(provider=police, subject="p-lead")
    page.set_viewport_size(WIDE)
    page.goto(f"{demo_server.url}/accounts/login/?next=/people/")
    page.get_by_label("Work email").fill(admin.email)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation(url="**/people/"):
        page.get_by_role("button", name="Sign in").click()

    row = page.get_by_role("row").filter(has_text=lead.email)
    expect(row).to_contain_text("Signs in with Testshire Police")
    check(page, assert_no_axe_violations)
    row.get_by_role("link", name=f"Unlink {lead.full_name} from Testshire Police").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Unlink {lead.full_name} from Testshire Police?"
    )
    check(page, assert_no_axe_violations)
    with page.expect_navigation(url="**/people/"):
        page.get_by_role("button", name="Unlink").click()

    expect(page.get_by_text(f"{lead.full_name} unlinked from Testshire Police")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=lead.email)).to_contain_text(
        "Will sign in with Testshire Police"
    )
    assert not lead.federated_identities.exists()


def test_a_forgotten_password_at_a_providers_address_leads_to_the_provider(
    page: Page, demo_server, issuer, police, mailoutbox, assert_no_axe_violations
):
    demo_person_as("lead.violence@demo.example", "lee.lead@police.example")
    page.set_viewport_size(WIDE)
    page.goto(f"{demo_server.url}/accounts/password_reset/")
    page.get_by_label("Work email").fill("lee.lead@police.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in with your Testshire Police account")
    check(page, assert_no_axe_violations)
    assert mailoutbox == []  # no password here to reset
    with page.expect_navigation(url=f"{issuer}/interaction/**"):
        page.get_by_role("link", name="Continue with Testshire Police").click()

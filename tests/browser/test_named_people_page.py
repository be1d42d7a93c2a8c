"""The people a plan names, on the plan's page (issue 15, item 2), in Chromium: axe-core with no
violations and no sideways scrolling at 390 px, with the form, its error state and after sending."""

import pytest
from playwright.sync_api import Page, expect

from governance.models import Role
from tests import factories
from tests.browser.test_email_journey import run_on_commit
from tests.browser.test_onboarding_journey import PHONE, WIDE, check

pytestmark = pytest.mark.browser


def test_the_named_people_form_is_accessible_and_fits_a_phone(
    page: Page, demo_server, mailoutbox, assert_no_axe_violations
):
    axe = assert_no_axe_violations
    newtown = factories.make_partnership("Safer Newtown Partnership")
    police = factories.make_organisation(newtown, "Newtown Police")
    admin = factories.make_user(newtown, Role.ADMIN, full_name="Nia Newtown")
    plan = factories.make_plan(newtown, title="Newtown Plan 2024")
    priority = factories.make_priority(
        plan,
        1,
        reference="1",
        lead_organisation=police,
        lead_officer_name="Detective Inspector Jo Bloggs-Smythe",
    )
    factories.make_action(priority, "1.1", responsible_officer="Community Safety Partnership Manager")

    page.set_viewport_size(WIDE)
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(admin.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(f"{demo_server.url}/plan-workbooks/plans/{plan.pk}/")
    expect(page.get_by_role("heading", name="People the plan names")).to_be_visible()
    check(page, axe)

    page.get_by_label("Work email for Detective Inspector Jo Bloggs-Smythe").fill("not an address")
    with page.expect_navigation():
        page.get_by_role("button", name="Invite these people").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("work email in the right format")
    check(page, axe)

    page.get_by_label("Work email for Detective Inspector Jo Bloggs-Smythe").fill("jo@police.example")
    with page.expect_navigation():
        page.get_by_role("button", name="Invite these people").click()
    expect(page.get_by_role("alert")).to_contain_text("Invited 1 person named in the plan")
    expect(
        page.get_by_text("Detective Inspector Jo Bloggs-Smythe: invited at jo@police.example")
    ).to_be_visible()
    check(page, axe)
    run_on_commit()  # the outbox sends once the invitations commit
    assert mailoutbox[-1].to == ["jo@police.example"]
    page.set_viewport_size(PHONE)

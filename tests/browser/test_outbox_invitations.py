"""Invitation emails on the outbox page, in Chromium: sent, waiting and cancelled (replaced by a resend),
with axe-core finding nothing and no sideways scrolling at 390 px."""

import pytest
from playwright.sync_api import Page, expect

from governance import invitations
from governance.models import Role
from tests import factories
from tests.browser.test_email_journey import run_on_commit
from tests.browser.test_onboarding_journey import WIDE, check

pytestmark = pytest.mark.browser


def test_the_admin_sees_each_invitation_email_and_what_became_of_it(
    page: Page, demo_server, mailoutbox, assert_no_axe_violations
):
    newtown = factories.make_partnership("Safer Newtown Partnership")
    admin = factories.make_user(newtown, Role.ADMIN, full_name="Nia Newtown")

    def invite(email: str, name: str):
        return invitations.invite(
            partnership=newtown, email=email, full_name=name, role=Role.CONTRIBUTOR, by=admin
        )

    invite("nadia@newtown.example", "Nadia Newcomer")
    lee = invite("lee@newtown.example", "Lee Lead")
    invitations.resend(lee, by=admin)  # Lee's first email had not gone: it is cancelled
    run_on_commit()
    invite("pat@newtown.example", "Pat Partner")  # not sent yet

    page.set_viewport_size(WIDE)
    page.goto(f"{demo_server.url}/accounts/login/")
    page.get_by_label("Work email").fill(admin.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.goto(f"{demo_server.url}/outbox/")

    expect(page.get_by_text("2 sent, 1 waiting to be sent, 0 not sent, 1 cancelled.")).to_be_visible()
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows.filter(has_text="pat@newtown.example")).to_contain_text("Waiting")
    expect(rows.filter(has_text="nadia@newtown.example")).to_contain_text("Sent")
    lees = rows.filter(has_text="lee@newtown.example")
    expect(lees).to_have_count(2)
    expect(lees.filter(has_text="Cancelled")).to_contain_text("the invitation was sent again or withdrawn")
    expect(lees.filter(has_text="Invitation: You are invited to Safer Newtown Partnership")).to_have_count(2)
    check(page, assert_no_axe_violations)
    assert [m.to for m in mailoutbox] == [["nadia@newtown.example"], ["lee@newtown.example"]]

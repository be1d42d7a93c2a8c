"""The emailed link in a real browser: the secretary chases and returns an update, the lead opens the
link from the email, fixes and resubmits, and the secretary accepts. axe-core checks every page,
the new ones (chase, its preview, the outbox, email choices) at 390 px wide too.

The live server answers inside the test's transaction (tests/browser/shared_live_server.py), so
nothing commits: the test runs what would run on commit (the outbox asking for each email to be
sent) itself, and reads the emails from Django's test outbox.
"""

import re

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from actions import services
from actions.models import Action, Rag
from actions.services import UpdateInput
from governance.models import OutboxMessage, User
from priorities.models import ReportingPeriod
from tests.browser.test_update_cycle_journey import (
    LEAD,
    QUARTER,
    SECRETARY,
    expect_success,
    sign_in,
    sign_out,
)

pytestmark = pytest.mark.browser

COMMENT = "Say which wards the sessions covered"
LINK = re.compile(r"https?://\S+/actions/\d+/updates/\d+/")


def run_on_commit() -> None:
    while connection.run_on_commit:
        _, callback, _ = connection.run_on_commit.pop(0)
        callback()


def fits_390(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    wider = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not wider, f"{page.url} scrolls sideways at 390 px"
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def submitted(demo):
    action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="1.2")
    period = ReportingPeriod.objects.get(plan=action.plan, label=QUARTER)
    lead = User.objects.get(email=LEAD)
    services.save_update(
        action=action,
        period=period,
        by=lead,
        expected_version=0,
        data=UpdateInput(
            rag=Rag.AMBER, progress="Two of three sessions ran.", recovery_plan="Third in October"
        ),
        submit=True,
    )
    return action, period


def test_the_lead_follows_the_emailed_link_to_fix_a_returned_update(
    page: Page, demo_server, submitted, mailoutbox, settings, assert_no_axe_violations
):
    base, axe = demo_server.url, assert_no_axe_violations
    settings.SITE_URL = base
    action, period = submitted
    page.goto(f"{base}/")

    # The secretary chases someone who still owes, seeing the email first.
    sign_in(page, base, SECRETARY, axe)
    page.wait_for_url(f"{base}/review/{period.pk}/")
    page.get_by_role("link", name=f"Chase who still owes {QUARTER} updates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Chase {QUARTER} updates")
    axe(page)
    fits_390(page)
    page.get_by_role("link", name=re.compile(r"^Send a reminder now to ")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Send a reminder now to ")
    expect(page.get_by_role("main")).to_contain_text(f"Your updates for {QUARTER}")
    axe(page)
    fits_390(page)
    page.get_by_role("button", name="Send this reminder now").click()
    expect_success(page, "Reminder sent to ")
    expect(page.get_by_role("main")).to_contain_text("Reminded today")
    axe(page)

    # The secretary returns 1.2 with a comment.
    page.goto(f"{base}/review/{period.pk}/")
    page.get_by_role("link", name="Review 1.2", exact=True).click()
    page.get_by_role("radio", name="Return it to the owner").check()
    page.get_by_label("Comment for the owner").fill(COMMENT)
    page.get_by_role("button", name="Save decision").click()
    expect_success(page, "1.2 returned to its owner")

    # The outbox page lists both emails.
    page.goto(f"{base}/outbox/?quarter={QUARTER}")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Update returned: 1.2 returned for changes")
    expect(main).to_contain_text("Reminder sent by the secretary")
    axe(page)
    fits_390(page)
    sign_out(page, base, axe)

    # The email reaches the lead, with the comment and an absolute link.
    run_on_commit()
    [email] = [m for m in mailoutbox if m.to == [LEAD] and "returned" in m.subject]
    assert COMMENT in email.body
    link = LINK.search(email.body).group(0)
    assert link == f"{base}/actions/{action.pk}/updates/{period.pk}/"

    # The lead opens the link, signs in, and lands on the update with the comment.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Work email").fill(LEAD)
    page.get_by_label("Password").fill("demo-walsall-2020")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(link)
    expect(page.get_by_role("region", name="Returned to you")).to_contain_text(COMMENT)
    axe(page)
    page.get_by_label("Progress this quarter").fill("Two of three sessions ran, in Blakenall and Darlaston.")
    page.get_by_role("button", name="Submit for review").click()
    expect_success(page, "1.2 submitted for review")

    # The lead turns off comment emails.
    page.goto(f"{base}/accounts/emails/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Emails you get")
    axe(page)
    fits_390(page)
    page.get_by_role("checkbox", name="Comments on updates you are part of").uncheck()
    page.get_by_role("button", name="Save your choices").click()
    expect_success(page, "Your email choices have been saved")
    expect(page.get_by_role("checkbox", name="Comments on updates you are part of")).not_to_be_checked()
    axe(page)
    sign_out(page, base, axe)

    # The secretary accepts the corrected update.
    sign_in(page, base, SECRETARY, axe)
    page.wait_for_url(f"{base}/review/{period.pk}/")
    page.get_by_role("link", name="Review 1.2", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("Blakenall and Darlaston")
    page.get_by_role("radio", name="Accept it").check()
    page.get_by_role("button", name="Save decision").click()
    expect_success(page, "1.2 accepted")
    axe(page)
    run_on_commit()
    assert OutboxMessage.objects.filter(recipient__email=LEAD, kind="returned").count() == 1

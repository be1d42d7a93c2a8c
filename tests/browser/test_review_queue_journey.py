"""Review with context in Chromium (issue 16, item 6), with axe-core on every page and the queue and
confirmation checked at 390 px: the secretary filters the queue, reviews with last quarter in view,
returns one, accepts the next and is taken to the one after, then accepts two together."""

import re

import pytest
from playwright.sync_api import Page, expect

from actions import services
from actions.models import Action, ActionUpdate, Rag
from actions.services import UpdateInput
from governance.models import User
from priorities.models import ReportingPeriod
from tests.browser.test_dashboard_pages import page_scrolls_sideways, wide_things

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
SECRETARY = "secretary@demo.example"
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def row(page: Page, reference: str):
    return page.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=reference, exact=True))


def fits_a_phone(page: Page, axe) -> None:
    page.set_viewport_size(PHONE)
    axe(page)
    assert not page_scrolls_sideways(page), f"{page.url} scrolls sideways: {wide_things(page)}"
    page.set_viewport_size(WIDE)


@pytest.fixture
def quarter(demo) -> dict:
    """The demo's open 2020 Q3, with two more of the violence lead's updates submitted: 1.2 green, and
    1.3 red where 2020 Q2 was amber (so it has worsened)."""
    plan_actions = Action.objects.filter(plan__partnership__slug="safer-walsall")
    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label="2020 Q3")
    assert period.status == ReportingPeriod.Status.OPEN
    lead = User.objects.get(email="lead.violence@demo.example")
    for reference, data in (
        ("1.2", UpdateInput(rag=Rag.GREEN, progress="Demo update: The working group agreed its plan.")),
        (
            "1.3",
            UpdateInput(
                rag=Rag.RED,
                progress="Demo update: Parents' conversations were cancelled again.",
                recovery_plan="Demo: Move them online from November.",
            ),
        ),
    ):
        action = plan_actions.get(reference=reference)
        assert not ActionUpdate.objects.filter(action=action, period=period).exists()
        services.save_update(
            action=action, period=period, by=lead, expected_version=0, data=data, submit=True
        )
    return {"period": period, "updates": ActionUpdate.objects.filter(period=period)}


def test_the_secretary_reviews_with_last_quarter_in_view_and_accepts_two_together(
    page: Page, demo_server, quarter, assert_no_axe_violations
):
    base, period, axe = demo_server.url, quarter["period"], assert_no_axe_violations
    page.set_viewport_size(WIDE)
    sign_in(page, base, SECRETARY)
    page.wait_for_url(f"{base}/review/{period.pk}/")

    # The queue: last quarter's rating beside this one's, and the slide flagged in words.
    expect(row(page, "1.3")).to_contain_text("Worsened")
    expect(row(page, "1.2")).not_to_contain_text("Worsened")
    fits_a_phone(page, axe)

    # Only the submitted ones.
    page.get_by_label("State").select_option(label="Submitted")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter the updates").click()
    expect(row(page, "1.1")).to_be_visible()
    expect(page.locator("tbody").get_by_text("Not started")).to_have_count(0)
    axe(page)

    # 1.1 with last quarter beside it; returned with a comment, and the next one opens.
    with page.expect_navigation():
        page.get_by_role("link", name="Review 1.1", exact=True).click()
    beside = page.get_by_role("table", name="2020 Q3 beside 2020 Q2")
    expect(beside).to_contain_text("Online survey launched; 388 responses")  # 2020 Q2's outcomes
    expect(beside).to_contain_text("Survey results report circulated")  # this quarter's
    axe(page)
    page.get_by_role("radio", name="Return it to the owner").check()
    page.get_by_label("Comment for the owner").fill("Say how many people came to each session.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "1.1 returned to its owner. This is the next update waiting for review."
    )
    expect(page.get_by_text("item 1.2")).to_be_visible()
    axe(page)

    # 1.2 accepted: on to 1.3, flagged as worsened.
    page.get_by_role("radio", name="Accept it").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("1.2 accepted")
    expect(page.get_by_text("item 1.3")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Worsened")
    axe(page)

    # Back to the queue, still filtered, and two accepted together after the confirmation page.
    with page.expect_navigation():
        page.get_by_role("link", name="Back to 2020 Q3 updates").click()
    expect(page).to_have_url(re.compile(r"\?state=submitted$"))
    waiting = [
        u.action.reference for u in quarter["updates"].filter(state="submitted").order_by("action__id")
    ]
    chosen = waiting[:2]
    assert "1.3" in waiting and len(waiting) >= 2
    for reference in chosen:
        page.get_by_label(f"Choose {reference} to accept").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the chosen updates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accept these 2 updates?")
    fits_a_phone(page, axe)
    with page.expect_navigation():
        page.get_by_role("button", name="Accept 2 updates").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("2 updates accepted")
    axe(page)

    states = {u.action.reference: u.state for u in quarter["updates"]}
    assert states["1.1"] == ActionUpdate.State.RETURNED and states["1.2"] == ActionUpdate.State.ACCEPTED
    assert all(states[reference] == ActionUpdate.State.ACCEPTED for reference in chosen)

"""The quarterly update cycle in a real browser, by keyboard only, with axe-core on every page.

A lead gives updates (tripping and fixing a validation error), the board secretary returns one
with a comment (and the next update waiting opens), the lead corrects it, the secretary accepts both,
each decision opening the next, and locks the quarter; the lead
then finds the update read only and its history on the action page. A viewer reads but cannot
change anything. The lead's and the secretary's interactions use only Tab, Shift+Tab, arrow keys,
typing, Space and Enter (A11Y-03), and every page, error pages included, must pass axe (A11Y-01).
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from actions.models import Action, ActionUpdate
from governance.models import User
from priorities.models import ReportingPeriod

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
LEAD = "lead.violence@demo.example"
SECRETARY = "secretary@demo.example"
VIEWER = "officer@demo.example"
QUARTER = "2020 Q3"
RETURN_COMMENT = "Add the date of the next multi-agency meeting"


# Keyboard helpers -------------------------------------------------------------------------


def is_focused(locator: Locator) -> bool:
    return locator.evaluate_all("elements => elements.includes(document.activeElement)")


def tab_to(page: Page, locator: Locator, *, limit: int = 250) -> None:
    """Press Tab (or Shift+Tab, if the element comes before the focus) until the element has focus.

    The direction is what a sighted keyboard user would choose; only the keys move the focus.
    """
    if is_focused(locator):
        return
    backwards = locator.first.evaluate(
        """target => {
            const active = document.activeElement;
            if (!active || active === document.body) return false;
            return Boolean(target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if is_focused(locator):
            return
    raise AssertionError(f"Pressed {key} {limit} times without reaching {locator}")


def press_enter_on(page: Page, locator: Locator) -> None:
    """Move to a link or button by keyboard and press Enter, waiting for the page that follows."""
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, locator: Locator, text: str, *, replace: bool = False) -> None:
    tab_to(page, locator)
    if replace:
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def choose_radio(page: Page, radio: Locator) -> None:
    """Tab into the radio group, arrow to the option, and press Space on it."""
    name = radio.get_attribute("name")
    group = page.locator(f'input[type="radio"][name="{name}"]')
    tab_to(page, group)
    for _ in range(group.count()):
        if is_focused(radio):
            break
        page.keyboard.press("ArrowDown")
    assert is_focused(radio), f"Arrow keys did not reach {radio}"
    page.keyboard.press("Space")
    expect(radio).to_be_checked()


def tick(page: Page, checkbox: Locator) -> None:
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()


def sign_in(page: Page, base_url: str, email: str, axe) -> None:
    """From the published plans page (where signing out lands), sign in with the keyboard."""
    if not page.url.startswith(base_url):
        page.goto(f"{base_url}/")
    menu = page.get_by_role("navigation", name="Menu")
    press_enter_on(page, menu.get_by_role("link", name="Sign in"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    axe(page)
    type_into(page, page.get_by_label("Work email"), email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_out(page: Page, base_url: str, axe) -> None:
    menu = page.get_by_role("navigation", name="Menu")
    press_enter_on(page, page.get_by_role("banner").get_by_role("button", name="Sign out"))
    page.wait_for_url(f"{base_url}/")
    expect(menu.get_by_role("link", name="Sign in")).to_be_visible()
    axe(page)


# Page checks ------------------------------------------------------------------------------


def expect_error_pattern(page: Page, *, title_rest: str, message: str, field: Locator) -> None:
    """The GOV.UK error pattern (A11Y-04): title, focused summary linking to the field, message by it."""
    expect(page).to_have_title(re.compile(rf"^Error: {re.escape(title_rest)}"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    field_id = field.get_attribute("id")
    expect(summary.get_by_role("link", name=message)).to_have_attribute("href", f"#{field_id}")
    # The message is shown by the field, and the field's aria-describedby points at it.
    described_by = (field.get_attribute("aria-describedby") or "").split()
    messages = [page.locator(f'[id="{ref}"].govuk-error-message') for ref in described_by]
    shown = [m for m in messages if m.count() and message in m.inner_text()]
    assert shown, f"#{field_id} has aria-describedby={described_by}, none of them an error saying {message!r}"
    expect(shown[0]).to_be_visible()


def expect_success(page: Page, text: str) -> None:
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(text)
    expect(banner).to_be_focused()  # GOV.UK Frontend moves focus to a success banner


def update_row(page: Page, reference: str) -> Locator:
    return page.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=reference, exact=True))


def give_update(page: Page, rag: str, progress: str) -> None:
    choose_radio(page, page.get_by_role("radio", name=rag, exact=True))
    type_into(page, page.get_by_label("Progress this quarter"), progress)


@pytest.fixture
def objects(demo) -> dict:
    actions = {
        ref: Action.objects.get(plan__partnership__slug="safer-walsall", reference=ref)
        for ref in ("1.2", "1.3")
    }
    period = ReportingPeriod.objects.get(plan=actions["1.2"].plan, label=QUARTER)
    assert period.status == ReportingPeriod.Status.OPEN
    assert not ActionUpdate.objects.filter(action__in=actions.values(), period=period).exists()
    return {
        **actions,
        "period": period,
        "lead": User.objects.get(email=LEAD),
        "secretary": User.objects.get(email=SECRETARY),
    }


# The journey ------------------------------------------------------------------------------


def test_lead_and_secretary_run_the_quarter_by_keyboard(
    page: Page, demo_server, objects, assert_no_axe_violations
):
    base = demo_server.url
    axe = assert_no_axe_violations
    action, period = objects["1.2"], objects["period"]
    lead_name, secretary_name = objects["lead"].full_name, objects["secretary"].full_name
    page.goto(f"{base}/")

    # 1. The lead signs in and lands on their updates.
    sign_in(page, base, LEAD, axe)
    page.wait_for_url(f"{base}/my-updates/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your updates for {QUARTER}")
    expect(update_row(page, "1.1")).to_contain_text("Submitted")
    expect(update_row(page, "1.2")).to_contain_text("Not started")
    axe(page)

    # 2. Item 1.2 rated red without saying what is being done: the GOV.UK error pattern.
    press_enter_on(page, page.get_by_role("link", name="Give update for 1.2"))
    expect(page).to_have_title(re.compile(rf"^{QUARTER} update for 1\.2 "))
    axe(page)
    give_update(page, "Red", "Two of the three planned youth diversion sessions ran.")
    press_enter_on(page, page.get_by_role("button", name="Submit for review"))
    recovery_plan = page.get_by_label("What is being done to bring it back on track")
    expect_error_pattern(
        page,
        title_rest=f"{QUARTER} update for 1.2",
        message="Say what is being done, as you rated it red",
        field=recovery_plan,
    )
    expect(page.get_by_role("radio", name="Red", exact=True)).to_be_checked()  # what was typed is kept
    axe(page)
    # Following the summary's link puts the focus in the field.
    tab_to(page, page.locator(".govuk-error-summary").get_by_role("link"))
    page.keyboard.press("Enter")
    expect(recovery_plan).to_be_focused()
    page.keyboard.type("The third session moves to October.")
    press_enter_on(page, page.get_by_role("button", name="Submit for review"))
    page.wait_for_url(f"{base}/my-updates/")
    expect_success(page, "1.2 submitted for review")
    expect(update_row(page, "1.2")).to_contain_text("Submitted")
    expect(update_row(page, "1.2")).to_contain_text("Red")
    axe(page)

    # 3. Item 1.3, green.
    press_enter_on(page, page.get_by_role("link", name="Give update for 1.3"))
    axe(page)
    give_update(page, "Green", "The knife crime awareness campaign ran in all secondary schools.")
    press_enter_on(page, page.get_by_role("button", name="Submit for review"))
    page.wait_for_url(f"{base}/my-updates/")
    expect_success(page, "1.3 submitted for review")
    expect(update_row(page, "1.3")).to_contain_text("Submitted")
    expect(update_row(page, "1.3")).to_contain_text("Green")
    axe(page)

    # 4. The secretary returns 1.2, first forgetting the comment.
    sign_out(page, base, axe)
    sign_in(page, base, SECRETARY, axe)
    page.wait_for_url(f"{base}/review/{period.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review {QUARTER} updates")
    axe(page)
    press_enter_on(page, page.get_by_role("link", name="Review 1.2", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review the {QUARTER} update")
    axe(page)
    choose_radio(page, page.get_by_role("radio", name="Return it to the owner"))
    press_enter_on(page, page.get_by_role("button", name="Save decision"))
    comment = page.get_by_label("Comment for the owner")
    expect_error_pattern(
        page,
        title_rest=f"Review 1.2 for {QUARTER}",
        message="Enter a comment saying what needs to change",
        field=comment,
    )
    axe(page)
    type_into(page, comment, RETURN_COMMENT)
    press_enter_on(page, page.get_by_role("button", name="Save decision"))
    # The next update waiting for review opens: 1.3.
    expect_success(page, "1.2 returned to its owner. This is the next update waiting for review.")
    expect(page.get_by_text("item 1.3")).to_be_visible()
    axe(page)
    press_enter_on(page, page.get_by_role("link", name=f"Back to {QUARTER} updates"))
    expect(update_row(page, "1.2")).to_contain_text("Returned")
    axe(page)

    # 5. The lead sees the comment, changes the progress and resubmits.
    sign_out(page, base, axe)
    sign_in(page, base, LEAD, axe)
    page.wait_for_url(f"{base}/my-updates/")
    expect(update_row(page, "1.2")).to_contain_text("Returned")
    expect(update_row(page, "1.2")).to_contain_text(f"Secretary's comment: {RETURN_COMMENT}")
    axe(page)
    press_enter_on(page, page.get_by_role("link", name="Continue for 1.2"))
    banner = page.get_by_role("region", name="Returned to you")
    expect(banner).to_contain_text(RETURN_COMMENT)
    expect(banner).to_contain_text(secretary_name)
    axe(page)
    type_into(
        page,
        page.get_by_label("Progress this quarter"),
        "Two of the three sessions ran. The next multi-agency meeting is on 14 October 2020.",
        replace=True,
    )
    press_enter_on(page, page.get_by_role("button", name="Submit for review"))
    page.wait_for_url(f"{base}/my-updates/")
    expect_success(page, "1.2 submitted for review")
    expect(update_row(page, "1.2")).to_contain_text("Submitted")
    axe(page)

    # 6. The secretary accepts both and locks the quarter, first forgetting to confirm.
    sign_out(page, base, axe)
    sign_in(page, base, SECRETARY, axe)
    page.wait_for_url(f"{base}/review/{period.pk}/")
    axe(page)
    press_enter_on(page, page.get_by_role("link", name="Review 1.2", exact=True))
    axe(page)
    # Each decision opens the next update waiting for review: 1.3 after 1.2.
    for reference, following in (("1.2", "1.3"), ("1.3", None)):
        choose_radio(page, page.get_by_role("radio", name="Accept it"))
        press_enter_on(page, page.get_by_role("button", name="Save decision"))
        expect_success(page, f"{reference} accepted")
        if following:
            expect(page.get_by_text(f"item {following}")).to_be_visible()
        axe(page)
    page.goto(f"{base}/review/{period.pk}/")
    for reference in ("1.2", "1.3"):
        expect(update_row(page, reference)).to_contain_text("Accepted")
    axe(page)
    press_enter_on(page, page.get_by_role("link", name=f"Open, lock or change the deadline for {QUARTER}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(QUARTER)
    axe(page)
    lock = page.get_by_role("button", name="Lock this quarter")
    press_enter_on(page, lock)
    confirm = page.get_by_role("checkbox", name=re.compile("cannot be changed once it is locked"))
    expect_error_pattern(
        page,
        title_rest=f"{QUARTER}: open, lock or change the deadline",
        message="Confirm that you understand updates can no longer be changed",
        field=confirm,
    )
    axe(page)
    tick(page, confirm)
    press_enter_on(page, lock)
    expect_success(page, f"{QUARTER}: lock this quarter – done")
    status = page.locator(".govuk-summary-list__row").filter(has_text="Status")
    expect(status.locator("dd")).to_have_text("Locked")
    axe(page)
    period.refresh_from_db()
    assert period.status == ReportingPeriod.Status.LOCKED

    # 7. The lead finds the update read only.
    sign_out(page, base, axe)
    sign_in(page, base, LEAD, axe)
    page.wait_for_url(f"{base}/my-updates/")
    expect(page.get_by_role("main")).to_contain_text(
        f"{QUARTER} is locked, so these updates can be read but not changed"
    )
    expect(update_row(page, "1.2")).to_contain_text("Accepted")
    expect(update_row(page, "1.2").get_by_role("link", name="View 1.2")).to_be_visible()
    axe(page)
    page.goto(f"{base}/actions/{action.pk}/updates/{period.pk}/")
    main = page.get_by_role("main")
    expect(main.locator(".govuk-warning-text")).to_contain_text(f"{QUARTER} is locked")
    expect(main.get_by_role("button", name="Submit for review")).to_have_count(0)
    expect(main.get_by_role("button", name="Save as draft")).to_have_count(0)
    expect(main.get_by_role("radio")).to_have_count(0)
    expect(main.locator('input[type="file"]')).to_have_count(0)
    expect(main).to_contain_text("Accepted")
    axe(page)

    # 8. The action page shows who changed what, from what to what.
    press_enter_on(page, page.get_by_role("link", name="the action's updates and history"))
    page.wait_for_url(f"{base}/actions/{action.pk}/")
    expect(page.get_by_role("link", name=re.compile("Give or change"))).to_have_count(0)
    entries = page.locator(".app-history > li").filter(has_text=f"{QUARTER} update")

    def entry(who: str, verb: str, *changes: str) -> Locator:
        found = entries.filter(has_text=f"by {who} on ").filter(has_text=verb)
        for change in changes:
            found = found.filter(has_text=change)
        return found

    expect(entry(lead_name, f"{QUARTER} update added")).to_have_count(1)
    expect(
        entry(
            secretary_name,
            "State changed from Submitted to Returned",
            f"Review comment set to “{RETURN_COMMENT}”",
        )
    ).to_have_count(1)
    expect(
        entry(lead_name, "State changed from Returned to Submitted", "Progress narrative changed from “Two")
    ).to_have_count(1)
    expect(entry(secretary_name, "State changed from Submitted to Accepted")).to_have_count(1)
    axe(page)


def test_viewer_reads_but_cannot_change_updates(page: Page, demo_server, objects, assert_no_axe_violations):
    base = demo_server.url
    action, period = objects["1.2"], objects["period"]
    page.goto(f"{base}/")
    sign_in(page, base, VIEWER, assert_no_axe_violations)
    page.wait_for_url(f"{base}/actions/")

    page.goto(f"{base}/my-updates/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your updates for {QUARTER}")
    main = page.get_by_role("main")
    expect(main).to_contain_text("You do not own or lead any actions in this plan")
    expect(main.get_by_role("link", name=re.compile(r"^(Give update|Change|Continue)\b"))).to_have_count(0)
    assert_no_axe_violations(page)

    page.goto(f"{base}/actions/{action.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(action.short_title)
    expect(main.get_by_role("heading", name="History")).to_be_visible()
    expect(main.get_by_role("link", name=re.compile(r"Give|Change"))).to_have_count(0)
    assert_no_axe_violations(page)

    response = page.goto(f"{base}/actions/{action.pk}/updates/{period.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have permission to see this page")
    assert_no_axe_violations(page)

"""What a person types survives a failed CSRF check, in a real browser (static/js/keep-typed-text.js).

A lead types a long update, the CSRF cookie goes (as when it has expired), the form is refused with
our page; back at the form the text is there again, and once the form goes through the browser's copy
is gone. Passwords are never kept, and signing out forgets everything. A file name too long to read
gets our 400 page. Every page and state passes axe.
"""

import pytest
from playwright.sync_api import Page, expect

from actions.models import Action
from priorities.models import ReportingPeriod

from .test_every_page import sign_in

pytestmark = pytest.mark.browser

LEAD = "lead.violence@demo.example"
KEPT = "() => Object.keys(sessionStorage).filter(key => key.startsWith('app-typed-text'))"
LONG_UPDATE = "\n\n".join(
    f"Paragraph {n}: the multi-agency panel met, reviewed the hotspot data and agreed the next patrols."
    for n in range(1, 16)
)


@pytest.fixture
def update_form(demo) -> str:
    action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="1.2")
    period = ReportingPeriod.objects.get(plan=action.plan, label="2020 Q3")
    return f"/actions/{action.pk}/updates/{period.pk}/"


def test_a_long_update_survives_a_failed_csrf_check_and_is_forgotten_once_saved(
    page: Page, demo_server, update_form, assert_no_axe_violations
):
    base = demo_server.url
    sign_in(page, base, LEAD)
    assert page.evaluate(KEPT) == [], "a password or username was kept"
    page.goto(f"{base}{update_form}")
    progress = page.get_by_label("Progress this quarter")
    progress.fill(LONG_UPDATE[:-40])
    progress.press_sequentially(LONG_UPDATE[-40:])
    page.context.clear_cookies(name="csrftoken")

    with page.expect_navigation():
        page.get_by_role("button", name="Save as draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sorry, your form could not be saved")
    expect(page.get_by_role("main")).to_contain_text("this browser has kept what you typed")
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Go back to the form").click()
    expect(progress).to_have_value(LONG_UPDATE)
    banner = page.get_by_role("region", name="Important")
    expect(banner).to_contain_text("What you typed here before has been put back")
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert page.evaluate(KEPT) == []
    page.goto(f"{base}{update_form}")
    expect(progress).to_have_value(LONG_UPDATE)  # from the database now
    expect(page.get_by_text("What you typed here before has been put back")).to_have_count(0)


def test_what_was_put_back_can_be_removed_and_signing_out_forgets_everything(
    page: Page, demo_server, update_form, assert_no_axe_violations
):
    base = demo_server.url
    sign_in(page, base, LEAD)
    page.goto(f"{base}{update_form}")
    progress = page.get_by_label("Progress this quarter")
    saved = progress.input_value()
    progress.fill("Typed, then the tab was left")

    page.goto(f"{base}{update_form}")  # back to the form without sending it
    expect(progress).to_have_value("Typed, then the tab was left")
    page.get_by_role("button", name="Remove what was put back").click()
    expect(progress).to_have_value(saved)
    expect(progress).to_be_focused()
    assert page.evaluate(KEPT) == []
    assert_no_axe_violations(page)

    progress.fill("Typed again")
    assert len(page.evaluate(KEPT)) == 1
    with page.expect_navigation():
        page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    assert page.evaluate(KEPT) == []


def test_a_file_name_too_long_to_read_gets_our_page(page: Page, demo_server, assert_no_axe_violations):
    base = demo_server.url
    sign_in(page, base, LEAD)
    page.goto(f"{base}/my-updates/sheet/upload/")
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "a" * 10_000 + ".csv", "mimeType": "text/csv", "buffer": b"Ref,RAG\n1.1,Green\n"}]
    )

    with page.expect_navigation():
        page.get_by_role("button", name="Upload and preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sorry, the file could not be uploaded")
    expect(page.get_by_role("main")).to_contain_text("Rename the file with a shorter name")
    assert_no_axe_violations(page)

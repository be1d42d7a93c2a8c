"""A lead on a phone with JavaScript off (blocked, failed to load, or a slow connection) still reads
their updates row by row: /my-updates/ labels its cells in the HTML, so the stylesheet stacks the
table without static/js/stacked-tables.js, and the page does not scroll sideways at 390 px.
The review queue (a scrolling region of its own) and an action page are checked the same way.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
LEAD = "lead.violence@demo.example"
SECRETARY = "secretary@demo.example"


@pytest.fixture
def phone_without_javascript(browser: Browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def sign_in(page: Page, base: str, email: str, then: str) -> None:
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def scrolls_sideways(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def on_screen(page: Page, selector: str) -> bool:
    """The element's right edge is inside the 390 px the phone shows."""
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_my_updates_stacks_at_390_px_without_javascript(phone_without_javascript, demo_server):
    page = phone_without_javascript
    sign_in(page, demo_server.url, LEAD, "/my-updates/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not scrolls_sideways(page), "/my-updates/ scrolls sideways at 390 px without JavaScript"
    # Each row is a card: the next step is on the screen, under its label.
    next_step = 'table.app-table--stacked td[data-label="What to do"] a'
    assert on_screen(page, next_step)
    label = (
        page.locator(next_step)
        .first.locator("xpath=..")
        .evaluate("cell => getComputedStyle(cell, '::before').content")
    )
    assert "What to do" in label

    page.locator('td[data-label="Action"] a').first.click()
    assert page.url != f"{demo_server.url}/my-updates/"
    assert not scrolls_sideways(page), f"{page.url} scrolls sideways at 390 px without JavaScript"


def test_the_review_queue_fits_390_px_without_javascript(phone_without_javascript, demo_server):
    page = phone_without_javascript
    sign_in(page, demo_server.url, SECRETARY, "/review/")

    expect(page.get_by_role("heading", name="Every update")).to_be_visible()
    assert not scrolls_sideways(page), f"{page.url} scrolls sideways at 390 px without JavaScript"

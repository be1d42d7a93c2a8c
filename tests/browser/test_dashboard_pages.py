"""The dashboard, the filtered actions list, partner, theme and public progress pages in Chromium.

No sideways page scroll at 400% zoom, 320 CSS px wide, and zero axe-core violations there, filter
errors and no matches included (A11Y-06, A11Y-01: wide tables scroll inside their own labelled
region), ratings in words as well as colour (A11Y-05), and the officer's journey from the dashboard
to a filtered XLSX download and an action's page. Each role's view of these pages at full width is
checked with axe by the every-page crawl (tests/browser/test_every_page.py).
"""

import re

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from governance.models import Organisation
from priorities.models import Plan

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
VIEWER = "officer@demo.example"
NARROW = {"width": 320, "height": 256}  # 1280×1024 at 400% zoom


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def pages_to_check(base: str) -> list[tuple[str, str]]:
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    police = Organisation.objects.get(partnership=plan.partnership, name="West Midlands Police")
    theme = plan.themes.get(name="Domestic abuse")
    q2 = plan.periods.get(label="2020 Q2")
    return [
        ("dashboard", f"{base}/dashboard/"),
        ("dashboard, Q2", f"{base}/dashboard/?quarter={q2.pk}"),
        ("actions", f"{base}/actions/"),
        ("actions, filtered", f"{base}/actions/?rag=amber&organisation={police.pk}&quarter={q2.pk}"),
        ("actions, bad filter", f"{base}/actions/?deadline_from_0=31&deadline_from_1=2&deadline_from_2=2020"),
        ("actions, none match", f"{base}/actions/?q=nothing+matches+this"),
        ("partner", f"{base}/partners/{police.pk}/"),
        ("theme", f"{base}/themes/{theme.pk}/"),
        ("public progress", f"{base}/plans/safer-walsall/"),
    ]


def page_scrolls_sideways(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def wide_things(page: Page) -> list[str]:
    """What sticks out past the viewport, outside a scrollable region: to say why a test failed."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter(e => !e.closest('.app-table-scroll'))
            .slice(0, 5)
            .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""
    )


def test_no_page_scrolls_sideways_at_400_percent_zoom(page: Page, demo_server, assert_no_axe_violations):
    sign_in(page, demo_server.url, VIEWER)
    page.set_viewport_size(NARROW)
    for name, url in pages_to_check(demo_server.url):
        page.goto(url)
        assert not page_scrolls_sideways(page), f"{name} scrolls sideways at 320px: {wide_things(page)}"
        assert_no_axe_violations(page)


def test_wide_tables_scroll_in_a_labelled_focusable_region(page: Page, demo_server):
    sign_in(page, demo_server.url, VIEWER)
    page.set_viewport_size(NARROW)
    page.goto(f"{demo_server.url}/dashboard/")
    regions = page.locator(".app-table-scroll")
    assert regions.count() >= 4
    for region in regions.all():
        expect(region).to_have_attribute("role", "region")
        expect(region).to_have_attribute("tabindex", "0")
        label = region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
        assert label, "a scrollable region needs a name"
    glance = page.get_by_role("region", name=re.compile("Each priority's status"))
    assert glance.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, the page does not
    assert not page_scrolls_sideways(page)


def test_ratings_are_words_as_well_as_colours(page: Page, demo_server):
    sign_in(page, demo_server.url, VIEWER)
    page.goto(f"{demo_server.url}/dashboard/")
    tags = page.locator(".app-rag")
    assert tags.count() >= 15
    words = set(tags.all_inner_texts())
    assert words <= {"Red", "Amber", "Green", "Complete", "No rating", "No actions"}
    assert {"Green", "No rating"} <= words


def test_the_officer_filters_downloads_and_follows_an_item(page: Page, demo_server, tmp_path):
    """Done when: officer@ opens the dashboard, filters to red actions led by West Midlands Police,
    downloads them as XLSX and follows one to its page. In the open 2020 Q3 the demo has one: 1.3,
    submitted red by the violence reduction lead.
    """
    base = demo_server.url
    sign_in(page, base, VIEWER)
    page.goto(f"{base}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard: 2020 Q3")

    page.get_by_role("link", name="See every action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan actions")
    page.get_by_role("checkbox", name="Red").check()
    page.get_by_label("Responsible partner").select_option(label="West Midlands Police")
    page.get_by_role("button", name="Apply filters").click()

    expect(page.get_by_role("heading", name="1 action matches your filters")).to_be_visible()
    assert "rag=red" in page.url and "organisation=" in page.url
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".app-rag")).to_have_text("Red")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download this list as Excel")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    data = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[header.index("Item")] for row in data] == ["1.10"]
    assert {row[header.index("Rating 2020 Q3")] for row in data} == {"Red"}
    assert all("West Midlands Police" in row[header.index("Responsible partners")] for row in data)
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]

    first = data[0][header.index("Item")]
    page.get_by_role("link", name=re.compile(rf"^{re.escape(first)}\b")).first.click()
    expect(page.locator(".govuk-caption-l")).to_contain_text(f"item {first}")

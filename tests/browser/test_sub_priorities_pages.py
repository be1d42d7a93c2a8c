"""A plan with sub-priorities, joint and group leads, timescales and caveats (tests/fixtures/nested_plan.py)
in Chromium: the dashboard, the actions list (whole and filtered), the public page and the pack preview
have zero axe-core violations at full width and at 390 px, where none scrolls sideways, and are valid
HTML by the Nu HTML checker (their headings and nested lists are made as deep as the plan)."""

import json
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.test_dashboard_pages import page_scrolls_sideways, wide_things
from tests.browser.test_every_page import VNU_ARGS, VNU_JAR
from tests.fixtures.nested_plan import make_nested_plan

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_a_nested_plans_pages_are_accessible_valid_and_fit_a_phone(
    page: Page, demo_server, assert_no_axe_violations, tmp_path
):
    nested = make_nested_plan()
    base = demo_server.url
    pages = {
        "dashboard": f"/dashboard/?quarter={nested.q2.pk}",
        "actions": "/actions/",
        "actions-filtered": f"/actions/?priority={nested.priorities['1'].pk}&rag=red",
        "public": f"/plans/{nested.partnership.slug}/",
        "pack-preview": f"/packs/{nested.q2.pk}/preview/",
    }
    sign_in(page, base, nested.secretary.email)
    for size_name, size in (("wide", WIDE), ("phone", PHONE)):
        page.set_viewport_size(size)
        for name, path in pages.items():
            response = page.goto(base + path)
            assert response is not None and response.ok, f"{name}: {response and response.status}"
            expect(page.get_by_text("1.1.1 Knife crime among under-18s").first).to_be_attached()
            assert_no_axe_violations(page)
            assert not page_scrolls_sideways(page), f"{name} scrolls sideways at {size}: {wide_things(page)}"
            if size_name == "wide":
                (tmp_path / f"{name}.html").write_text(page.content())

    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail("The Nu HTML checker needs Java and node_modules/vnu-jar (script/build-assets)")
    result = subprocess.run(
        [
            java,
            "-XX:TieredStopAtLevel=1",
            "-Xss2m",
            "-jar",
            str(VNU_JAR),
            *VNU_ARGS,
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    errors = [
        m for m in json.loads(result.stdout)["messages"] if m.get("type") in {"error", "non-document-error"}
    ]
    assert not errors, "\n".join(
        f"{m.get('url')}: {m.get('message')} {m.get('extract', '')[:120]}" for m in errors
    )


def test_the_filter_and_the_contents_are_usable_by_keyboard(page: Page, demo_server):
    nested = make_nested_plan()
    sign_in(page, demo_server.url, nested.secretary.email)
    page.set_viewport_size(PHONE)
    page.goto(f"{demo_server.url}/actions/")
    page.get_by_label("Priority, with its sub-priorities").select_option(
        label="\u00a0\u00a01.1 Youth violence"
    )
    page.get_by_role("button", name="Apply filters").press("Enter")
    results = "2 actions across 2 priorities (2 sub-priorities) match your filters"
    expect(page.get_by_role("heading", level=2, name=results)).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="1.1.1 Knife crime among under-18s")).to_be_visible()

    nav = page.get_by_role("navigation", name="Priorities on this page")
    nav.get_by_role("link", name="1.1.1 Knife crime among under-18s").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"priority={nested.priorities['1.1'].pk}&.*#priority-3$"))

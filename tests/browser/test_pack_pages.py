"""The board secretary previews, issues and downloads the 2020 Q2 Safer Walsall pack in a real browser.

axe-core runs on the packs list, the preview, the issue form and the issued pack's page (A11Y-01).
The pack is made inline (the immediate task backend), with WeasyPrint, as `make run` would.
"""

import pytest
from playwright.sync_api import Page, expect

from reports.models import IssuedPack

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
SECRETARY = "secretary@demo.example"
VIEWER = "officer@demo.example"
QUARTER = "2020 Q2"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def sign_in(page: Page, base: str, email: str, then: str) -> None:
    page.goto(f"{base}/accounts/login/?next={then}")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def quarter_section(page: Page, label: str):
    return page.locator("section").filter(has=page.get_by_role("heading", level=2, name=label, exact=True))


def test_secretary_previews_issues_and_downloads_the_pack(page: Page, demo_server, assert_no_axe_violations):
    base = demo_server.url
    sign_in(page, base, SECRETARY, "/packs/")

    # The list of quarters.
    page.wait_for_url(f"{base}/packs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Board packs")
    q2 = quarter_section(page, QUARTER)
    expect(q2).to_contain_text(f"No pack has been issued for {QUARTER}.")
    assert_no_axe_violations(page)

    # The preview: the pack on screen, under its own heading.
    q2.get_by_role("link", name=f"Preview the {QUARTER} pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Board pack: {QUARTER}")
    expect(page.get_by_role("heading", level=2, name="The plan at a glance")).to_be_visible()
    expect(page.get_by_role("heading", name="Violence reduction").first).to_be_visible()
    assert_no_axe_violations(page)

    # The issue form, with the quarter's meeting already chosen.
    page.get_by_role("button", name="Issue this pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Issue the {QUARTER} board pack")
    expect(page.get_by_role("radio", name="OFFICIAL", exact=True)).to_be_checked()
    expect(
        page.get_by_role("group", name="Which board meeting is this pack for?").get_by_role("radio").first
    ).to_be_checked()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Issue pack").click()

    # Made inline: the pack's own page offers the download.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{QUARTER} board pack, revision 1", timeout=60_000
    )
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"{QUARTER} board pack issued"
    )
    assert_no_axe_violations(page)
    pack = IssuedPack.objects.get(period__label=QUARTER, plan__partnership__slug="safer-walsall")
    assert pack.state == IssuedPack.State.ISSUED

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the PDF").click()
    download = download_info.value
    assert download.suggested_filename == "safer-walsall-2020-Q2-pack-r1.pdf"
    with open(download.path(), "rb") as pdf:
        content = pdf.read()
    assert content.startswith(b"%PDF") and len(content) > 10_000

    # Back on the list, the revision is there with its fingerprint.
    page.get_by_role("link", name="Back to board packs").click()
    q2 = quarter_section(page, QUARTER)
    expect(q2.get_by_role("table")).to_contain_text(pack.pdf_sha256[:12])
    expect(q2.get_by_role("button", name="Issue a correction to the 2020 Q2 pack")).to_be_visible()
    assert_no_axe_violations(page)


def test_with_a_busy_worker_the_secretary_is_told_the_pack_is_being_made(
    page: Page, demo_server, settings, assert_no_axe_violations
):
    """With a real worker (SWP_TASKS_BACKEND=database) the request answers 202 and a page saying so."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # queued, not run
    base = demo_server.url
    sign_in(page, base, SECRETARY, "/packs/")
    page.wait_for_url(f"{base}/packs/")
    quarter_section(page, QUARTER).get_by_role("link", name=f"Preview the {QUARTER} pack").click()
    page.get_by_role("button", name="Issue this pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Issue the {QUARTER} board pack")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Issue pack").click()
    assert answer.value.status == 202

    expect(page.get_by_role("heading", level=1)).to_have_text(f"The {QUARTER} board pack is being made")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Check progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{QUARTER} board pack, revision 1")
    expect(page.locator("main")).to_contain_text("Being made")
    pack = IssuedPack.objects.get(period__label=QUARTER, plan__partnership__slug="safer-walsall")
    assert pack.state == IssuedPack.State.QUEUED

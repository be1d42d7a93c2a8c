"""Playwright against Debian's Chromium, and axe-core accessibility checks.

Run alone with `pytest -m browser`. Needs `script/build-assets` (for the CSS the pages
load, and for node_modules/axe-core). Nothing is fetched from the network.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test.utils import modify_settings

from .shared_live_server import SharedLiveServer

# Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
# from a thread with a running loop unless told the caller knows what it is doing.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT_CSS = REPO_ROOT / "static" / "build" / "application.css"
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.2 AA as axe-core tags it, plus target-size (WCAG 2.2 2.5.8), which axe leaves off.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
}


@pytest.fixture(scope="session", autouse=True)
def built_assets() -> None:
    for path in (BUILT_CSS, AXE_JS):
        if not path.exists():
            pytest.fail(f"{path.relative_to(REPO_ROOT)} is missing: run script/build-assets", pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # Playwright cannot download its own browsers here, and needs none: use Debian's.
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Chromium is not installed: apt-get install -y chromium", pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def offline_and_no_broken_assets(page) -> Iterator[None]:
    """Refuse every request that leaves this machine, and fail on a missing static file."""
    refused: list[str] = []
    broken: list[str] = []

    def only_local(route):
        if urlsplit(route.request.url).hostname in {"localhost", "127.0.0.1"}:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    def record_broken(response):
        if response.status >= 400 and "/static/" in response.url:
            broken.append(f"{response.status} {response.url}")

    page.route("**/*", only_local)
    page.on("response", record_broken)
    yield
    problems = [f"refused network request: {url}" for url in refused] + [f"static file: {r}" for r in broken]
    assert not problems, "\n".join(problems)


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now and return its violations (empty when clean)."""
    # Evaluated through the DevTools protocol, which the content security policy does not govern;
    # an injected <script> tag would be blocked, as it should be for any inline script.
    # An expect() on the DOM can pass after a form post before the stylesheet has arrived;
    # axe on an unstyled page reports every link as a too-small target, so wait for "load".
    page.wait_for_load_state("load")
    page.evaluate(AXE_JS.read_text())
    return page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", AXE_OPTIONS
    )


def describe_violations(violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility rule(s) failed:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(
                f"    at {' '.join(map(str, node['target']))}: {node['failureSummary']}".replace("\n", " ")
            )
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe_violations(violations)}"


@pytest.fixture(name="axe_violations")
def axe_violations_fixture():
    """The axe_violations(page) helper, for tests that want to inspect the violations."""
    return axe_violations


@pytest.fixture(name="assert_no_axe_violations")
def assert_no_axe_violations_fixture():
    """assert_no_axe_violations(page): fails listing each rule, its impact, help and nodes."""
    return assert_no_axe_violations


@pytest.fixture(scope="session")
def shared_live_server(django_db_setup) -> Iterator[SharedLiveServer]:
    server = SharedLiveServer()
    yield server
    server.stop()


@pytest.fixture
def demo_server(shared_live_server, demo) -> Iterator[SharedLiveServer]:
    """A live server over the demo, shared by this process's tests (tests/browser/shared_live_server.py).

    Whatever a test does through it is rolled back after the test, with its database transaction. A
    test that needs its changes committed (seen from a second connection) would use pytest-django's
    `live_server`, which empties the database after it; none does today.
    """
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}), shared_live_server.serving_one_test():
        yield shared_live_server

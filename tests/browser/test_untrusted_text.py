"""SEC-11: text people typed is shown as text wherever it appears: on every page each role reaches,
in the board pack preview and in the PDF.

Every free-text value of the Safer Walsall demo (partner names, priority titles, objectives,
progress notes, comments, meeting minutes …) gets a payload added that would turn into markup if
any template, filter, chart or script put it into the page unescaped: a closing quote and bracket,
a <script> calling alert(), and an element carrying a data-xss marker
(tests/fixtures/untrusted_text.py). Then a priority lead, the partnership admin and an anonymous
visitor follow every link they can see (one page per route), and on each page the marker must not
exist as an element, no dialog may open, and the payload must be there as text on the pages that
show what was typed. The content security policy would stop the script anyway; the marker element
is what shows whether escaping alone held. The PDF's side is in tests/reports/test_pack_pdf.py.
"""

from collections import Counter

import pytest
from playwright.sync_api import Page

from tests.fixtures.untrusted_text import PAYLOAD, seed_payloads

from .test_every_page import ROLES, normalise, reason_to_skip, route_of, sign_in

pytestmark = pytest.mark.browser

PAGE_CAP = 60


INJECTED_JS = "() => document.querySelectorAll('[data-xss]').length"


def crawl(page: Page, base: str, start: list[str]) -> tuple[list[str], Counter, list[str]]:
    """Every same-origin page reachable from `start`, one per route. Returns the pages visited, how
    many showed the payload as text, and every problem found."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.message!r} at {page.url}"), dialog.dismiss()))
    queue, seen, routes = [normalise(url) for url in start], set(start), set()
    visited, problems, shown = [], [], Counter()
    while queue and len(visited) < PAGE_CAP:
        url = queue.pop(0)
        route = route_of(url)
        if route in routes:
            continue
        routes.add(route)
        response = page.goto(url)
        if response is None or "text/html" not in (response.header_value("content-type") or ""):
            continue
        visited.append(url)
        if response.status >= 500:
            problems.append(f"{response.status} at {url}")
        if page.evaluate(INJECTED_JS):
            problems.append(f"typed text became markup at {url}")
        if PAYLOAD in page.inner_text("body"):
            shown["pages showing the text"] += 1
        for href in page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)"):
            href = normalise(href)
            if href not in seen and not reason_to_skip(href, base):
                seen.add(href)
                queue.append(href)
    problems += [f"a dialog opened: {dialog}" for dialog in dialogs]
    return visited, shown, problems


@pytest.mark.parametrize("role", ["lead", "admin", "anonymous"])
def test_typed_text_is_shown_as_text_on_every_page(page: Page, demo_server, role):
    assert seed_payloads() > 300  # names, titles, objectives, narratives, minutes… all of them
    base = demo_server.url
    if ROLES[role]:
        sign_in(page, base, ROLES[role])
        start = [page.url, f"{base}/dashboard/"]
    else:
        start = [f"{base}/", f"{base}/plans/safer-walsall/"]

    visited, shown, problems = crawl(page, base, start)

    assert not problems, "\n".join(problems)
    assert len(visited) >= (2 if role == "anonymous" else 15), visited
    # The payload really reached the pages, as text: else the checks above prove nothing.
    assert shown["pages showing the text"] >= len(visited) // 2, (shown, visited)

"""Every page each role can reach, in Chromium: axe-core, the Nu HTML checker, 400% zoom and text spacing.

A11Y-01: for an anonymous visitor and for each role of the Safer Walsall demo (partnership admin,
secretary, a priority lead, an action owner, a viewer), sign in through the sign-in form, then
follow every same-origin link from the page sign-in lands on, the published plans and the
navigation, breadth first, plus the pages reached by typing rather than a link (two-factor, change
password, plan workbooks; for the anonymous visitor the 404 page and the password reset pages after
the form, an emailed link that works and one that does not among them). Each HTML page gets axe-core with
the WCAG 2.2 AA tags and the target-size rule: zero violations; and it must link to the
accessibility statement from its footer (A11Y-11). Downloads (?format=, PDF/CSV/XLSX/ZIP),
sign-out, the Django admin (not built with our components: the accessibility statement says so)
and the session endpoints are not followed. Links to the same route that differ only by ids are
visited twice at most (`django.urls.resolve` names the route; a route an earlier role checked gets
one visit, a public page the anonymous visitor checked none), and each role has a page cap, so the
crawl stays inside its time budget however much data the demo grows.

Then each form the crawl met (POST, with fields someone can see, not a destructive one) is
submitted once with its text fields emptied, and the error state is checked with axe too. This
runs after the crawl, inside this test's database transaction (the shared live server's, rolled
back after the test), so an accepted submission cannot change what the crawl saw or what another
test sees; forms that confirm, delete, lock, reopen, issue or roll forward are never submitted. The
anonymous visitor also checks the pages a refused request lands on: a sign-in without its CSRF
cookie, and one too large to read.

A11Y-02: for every page (and error state) the crawl saw, both the HTML the server sent (what a
browser without JavaScript gets) and the DOM after our scripts and GOV.UK Frontend's have run
(serialised before axe is injected) are kept, and the last test runs the Nu HTML checker (npm
vnu-jar, Java) over all of them in one JVM: zero errors. The crawl and the checker are one
xdist_group, so under pytest-xdist they run in one process, in this order, and the checker sees
every role's pages (it checks that it does).

Every page and error state the crawl checks is also laid out at 390 CSS px wide (a phone) and at
320 (1280 px at 400% zoom), where the page itself must not scroll sideways: wide tables read as
stacked rows there (static/js/stacked-tables.js) or scroll inside a labelled region. And no
page shows a word meant for the team rather than the people using it (BANNED_WORDS: the seed,
load_demo, raw timestamps, bare ids), nor text no careful writer leaves (CLUMSY_TEXT: doubled
punctuation, brackets in brackets, "2250 days overdue"), and all its text is in the one type
face (FONT_STACK: no serif fallback). At 1280 px the service navigation is one row, and the
header says who is signed in.

A11Y-06: a representative set of pages at 320 CSS px wide (1280 px at 400% zoom) does not
scroll sideways, except inside labelled, focusable table regions, and with the WCAG 1.4.12
text-spacing styles applied no text is cut off.

Each role's pages and axe's "incomplete" items (for a person to review) are written to
var/accessibility/.
"""

import functools
import json
import os
import re
import shutil
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from actions.models import Action
from governance.models import Meeting, User
from priorities.models import Plan

from .conftest import AXE_JS, AXE_OPTIONS, REPO_ROOT, describe_violations

pytestmark = pytest.mark.browser

PASSWORD = "demo-walsall-2020"
ROLES = {
    "anonymous": None,
    "admin": "admin@demo.example",
    "secretary": "secretary@demo.example",
    "lead": "lead.violence@demo.example",
    "owner": "owner@demo.example",
    "viewer": "officer@demo.example",
}
# Pages per role, error states not counted: enough for every route today (the admin, first to
# sign in, stops here after its repeats). SWP_A11Y_PAGE_CAP changes it for a longer or shorter run.
PAGE_CAP = int(os.environ.get("SWP_A11Y_PAGE_CAP", "40"))
# Instances of one route worth checking (one if an earlier role checked it); SWP_A11Y_PER_ROUTE=1
# makes the run about a quarter shorter.
PER_ROUTE = int(os.environ.get("SWP_A11Y_PER_ROUTE", "2"))
ARTEFACTS = REPO_ROOT / "var" / "accessibility"
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Not followed: signing out, the session-timeout endpoints (JSON), the Django admin (Django's own
# markup, listed as untested in the accessibility statement), the health check, files.
SKIP_PATH_PREFIXES = (
    "/admin/",
    "/accounts/logout/",
    "/accounts/session/",
    "/healthz/",
    "/static/",
    "/media/",
)
DOWNLOAD_ROUTES = {"reports:pack_download", "actions:evidence"}
DOWNLOAD_SUFFIXES = (".pdf", ".csv", ".xlsx", ".zip")

# Forms never submitted, whatever their fields: by the URL they post to or the page they are on
# (confirming an import, deleting, locking or reopening a quarter, issuing a pack, rolling forward)…
NEVER_SUBMIT_PATHS = re.compile(
    r"/admin/|/issue/|roll-forward|delete|/quarter/|/retry/|logout|/accounts/session/|turn-off"
    r"|new-recovery-codes|/confirm"
)
# …or by what their buttons say.
NEVER_SUBMIT_BUTTONS = re.compile(
    r"\b(delete|remove|lock|reopen|issue|sign out|turn off|roll forward|import|approve|publish)\b",
    re.I,
)

FORMS_JS = """() => [...document.forms].map((form, index) => {
    const visible = [...form.elements].filter(e =>
        !['hidden', 'submit', 'button', 'image', 'reset'].includes(e.type)
        && !['BUTTON', 'FIELDSET', 'OUTPUT', 'OBJECT'].includes(e.tagName)
        && e.getClientRects().length > 0);
    return {
        index,
        method: (form.getAttribute('method') || 'get').toLowerCase(),
        action: form.action,
        fields: visible.length,
        buttons: [...form.querySelectorAll('button, input[type=submit]')]
            .map(b => (b.innerText || b.value || '').trim()),
    };
})"""

# Empties every field someone can type in and submits the form with its first submit button,
# with the browser's own validation off so the server's error messages are what is checked.
SUBMIT_EMPTY_JS = """index => {
    const form = document.forms[index];
    form.noValidate = true;
    for (const e of form.elements) {
        const typed = ['text', 'email', 'number', 'date', 'url', 'tel', 'search', 'password', 'file'];
        if (e.tagName === 'TEXTAREA' || (e.tagName === 'INPUT' && typed.includes(e.type))) {
            e.value = '';
        }
    }
    const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
    if (button) { button.click(); } else { form.requestSubmit(); }
}"""


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 720}  # pytest-playwright's default, where axe runs

# Words meant for the team, never for a user: how the demo was made (its provenance shows as its
# "Demo update:" labels), a timestamp as the database stores it, an id where a name belongs.
BANNED_WORDS = re.compile(
    r"\bseed(?:ed|s)?\b|\btranscri(?:bed|ption)\b|load_demo"
    r"|\b\d{4}-\d\d-\d\d[ T]\d\d:\d\d"  # 2026-12-04 13:55:52.309342+00:00
    r"|(?<![\w&])#\d+\b|\bid \d+\b",
    re.I,
)


# Text no careful writer leaves: doubled punctuation ("weapons.: baseline"), brackets inside
# brackets ("No rating (not comparable (no rating in one quarter) …)"), and a count of days
# overdue past a month, when the date says it better ("2250 days overdue").
CLUMSY_TEXT = re.compile(
    r"\.[,:;]|[,:;]\.|,,|::|;;|\([^()]*\(|\b(?:3[2-9]|[4-9]\d|\d{3,}|\d,\d{3}) days overdue"
)


# Our one type face (frontend/application.scss), as Chromium reports a computed font-family.
FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'

# How many rows the service navigation's items take (one at 1280 px, for every role).
NAVIGATION_ROWS_JS = """() => new Set([...document.querySelectorAll('.govuk-service-navigation__item')]
    .filter(e => e.getClientRects().length).map(e => Math.round(e.getBoundingClientRect().top))).size"""

# Each element with text of its own, and the font it is drawn in when that is not the body's. Charts
# (SVG) name their own sans-serif font, shared with the PDF; code would be monospace.
FONTS_JS = """() => {
    const stack = getComputedStyle(document.body).fontFamily;
    const others = new Set();
    for (const e of document.querySelectorAll('body *')) {
        if (e.closest('svg, pre, code, kbd, samp') || !e.getClientRects().length) continue;
        if (![...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
        const family = getComputedStyle(e).fontFamily;
        if (family !== stack) others.add(`<${e.tagName.toLowerCase()} class="${e.className}"> in ${family}`);
    }
    return {stack, others: [...others].slice(0, 5)};
}"""


@dataclass
class Visit:
    url: str
    status: int
    title: str
    state: str = "clean"  # or "errors": the page after an empty submission
    violations: list = field(default_factory=list)
    incomplete: list = field(default_factory=list)
    load_seconds: float = 0.0
    axe_seconds: float = 0.0


@dataclass
class Crawl:
    role: str
    visits: list[Visit] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    downloads: list[str] = field(default_factory=list)
    refused_forms: list[str] = field(default_factory=list)  # re-rendered with an error summary
    accepted_forms: list[str] = field(default_factory=list)  # empty submission went through
    problems: list[str] = field(default_factory=list)


# What the roles crawled earlier in this run checked, so that a later role spends its time on what
# is new to it: a route another signed-in role checked gets one visit, not two; the public pages the
# anonymous visitor checked are not checked again (their content is the same for everyone, and the
# navigation that differs is on every other page); a form's error state is checked once.
ROUTES_CHECKED: dict[str, Counter] = {}
FORMS_CHECKED: set[str] = set()


def allowance(route: str, role: str) -> int:
    earlier = {r: counts[route] for r, counts in ROUTES_CHECKED.items() if r != role and counts[route]}
    if not earlier:
        return PER_ROUTE
    return 0 if "anonymous" in earlier else 1


@pytest.fixture(scope="session")
def saved_html(tmp_path_factory) -> Path:
    """Where the server's HTML of each page checked goes, for the Nu HTML checker at the end.

    Session-wide, not per module: pytest-django runs the tests that use the database first, so the
    crawl and the checker (which needs none) are not next to each other in a full run, and a module
    fixture would be made afresh, empty, between them. Under pytest-xdist a session is one worker's:
    their xdist_group keeps them in the same one."""
    return tmp_path_factory.mktemp("every-page-html")


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"


@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text()


def run_axe(page: Page) -> tuple[list, list]:
    page.evaluate(axe_source())
    results = page.evaluate(
        "options => axe.run(document, options)"
        ".then(r => ({violations: r.violations, incomplete: r.incomplete}))",
        AXE_OPTIONS,
    )
    return results["violations"], results["incomplete"]


def normalise(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def route_of(url: str) -> str:
    """The name of the URL pattern a URL resolves to: /actions/1/ and /actions/2/?x=y are one route."""
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


def reason_to_skip(url: str, base: str) -> str | None:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base:
        return "another site"
    if parts.path.startswith(SKIP_PATH_PREFIXES):
        return parts.path.split("/")[1] or "/"
    if "format" in dict(parse_qsl(parts.query)):
        return "download (?format=)"
    if parts.path.lower().endswith(DOWNLOAD_SUFFIXES):
        return "download"
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None  # followed, so that a broken link shows up as a 404
    if f"{match.namespace}:{match.url_name}" in DOWNLOAD_ROUTES:
        return "download"
    return None


def file_name(role: str, number: int, state: str, source: str) -> str:
    return f"{role}-{number:03d}-{state}-{source}.html"


def check_here(
    page: Page, crawl: Crawl, url: str, status: int, html: str, state: str, saved_html: Path, loaded: float
) -> None:
    number = len(crawl.visits)
    (saved_html / file_name(crawl.role, number, state, "server")).write_text(html)
    (saved_html / file_name(crawl.role, number, state, "dom")).write_text(page.content())
    began = time.monotonic()
    violations, incomplete = run_axe(page)
    visit = Visit(url, status, page.title(), state, violations, incomplete)
    visit.load_seconds, visit.axe_seconds = began - loaded, time.monotonic() - began
    crawl.visits.append(visit)
    crawl.problems += phone_problems(page, f"{url} [{state}]")
    rows = page.evaluate(NAVIGATION_ROWS_JS)
    if rows > 1:
        crawl.problems.append(f"{url} [{state}]: the service navigation takes {rows} rows at 1280 px")
    if ROLES[crawl.role] and "Signed in as" not in page.locator("header").inner_text():
        crawl.problems.append(f"{url} [{state}]: the header does not say who is signed in")
    fonts = page.evaluate(FONTS_JS)
    if fonts["stack"] != FONT_STACK or fonts["others"]:
        crawl.problems.append(
            f"{url} [{state}] is not all in one type face ({fonts['stack']}): {fonts['others']}"
        )
    text = page.inner_text("body")
    words = sorted({match.group(0) for match in BANNED_WORDS.finditer(text)})
    if words:
        crawl.problems.append(f"{url} [{state}] shows words meant for the team: {words}")
    clumsy = sorted(
        {text[max(match.start() - 30, 0) : match.end() + 30] for match in CLUMSY_TEXT.finditer(text)}
    )
    if clumsy:
        crawl.problems.append(f"{url} [{state}] has clumsy text: {clumsy}")


def phone_problems(page: Page, where: str) -> list[str]:
    """The page laid out on a phone and at 400% zoom: nothing may make the page scroll sideways."""
    problems = []
    try:
        for size in (PHONE, NARROW):
            page.set_viewport_size(size)
            overflow = page.evaluate(OVERFLOWING_JS)
            if overflow["scrollWidth"] > size["width"] or overflow["culprits"]:
                wide = f"{overflow['scrollWidth']} px wide at {size['width']} px"
                problems.append(f"{where} is {wide}: {overflow['culprits']}")
    finally:
        page.set_viewport_size(DESKTOP)
    return problems


def reset_links(base: str) -> list[str]:
    """The password reset pages after the form: "check your email", an emailed link that works (it
    leads on to the new-password form) and one that does not, and "your password has been reset"."""
    viewer = User.objects.get(email=ROLES["viewer"])
    uid = urlsafe_base64_encode(str(viewer.pk).encode())
    return [
        f"{base}{reverse('password_reset_done')}",
        f"{base}{reverse('password_reset_confirm', args=[uid, default_token_generator.make_token(viewer)])}",
        f"{base}{reverse('password_reset_confirm', args=[uid, 'no-longer-a-good-token'])}",
        f"{base}{reverse('password_reset_complete')}",
    ]


def extra_start_pages(base: str, role: str) -> list[str]:
    """Pages someone reaches by typing or from an email rather than a link, where they exist.

    For a role that may not see one, its 403 or 404 page is what gets checked.
    """
    names = (
        [
            "two_factor:manage",
            "password_change",
            "plan_workbook:index",
            "email_preferences",
            "governance:outbox",
        ]
        if ROLES[role]
        else []
    )
    urls = []
    for name in names:
        try:
            urls.append(f"{base}{reverse(name)}")
        except NoReverseMatch:
            pass
    if not ROLES[role]:
        urls.append(f"{base}/no-such-page/")  # the 404 page
        urls += reset_links(base)
    return urls


# More than Django reads in one request (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB).
TOO_LARGE_JS = "() => { document.querySelector('input[type=password]').value = 'x'.repeat(3 * 1024 * 1024); }"


def check_refusals(page: Page, base: str, crawl: Crawl, saved_html: Path) -> None:
    """The pages a refused sign-in lands on (swp/errors.py), checked as error states: without its
    CSRF cookie (as when it has expired), and too large to read."""
    spoilers = {
        "a failed CSRF check": lambda: page.context.clear_cookies(name="csrftoken"),
        "a request too large to read": lambda: page.evaluate(TOO_LARGE_JS),
    }
    for what, spoil in spoilers.items():
        page.goto(f"{base}{reverse('login')}")
        page.get_by_label("Work email").fill(ROLES["viewer"])
        spoil()
        loaded = time.monotonic()
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Sign in").click()
        response = navigation.value
        if response is None or response.status not in (400, 403):
            crawl.problems.append(f"{what} was not refused: {response and response.status}")
            continue
        html = response.text()
        check_here(page, crawl, normalise(page.url), response.status, html, "errors", saved_html, loaded)


def crawl_as(page: Page, base: str, role: str, saved_html: Path) -> Crawl:
    crawl = Crawl(role)
    start = [page.url, f"{base}/"] if ROLES[role] else [f"{base}/", f"{base}/accounts/login/"]
    extras = {normalise(url) for url in extra_start_pages(base, role)}
    queue = [normalise(url) for url in start] + sorted(extras)
    seen = set(queue)
    per_route = ROUTES_CHECKED[role] = Counter()
    forms: dict[str, tuple[str, int]] = {}  # route of the page + where it posts -> (page url, form index)
    while queue and len(crawl.visits) < PAGE_CAP:
        # Breadth first, but a route this role has not seen yet goes before another instance of
        # one it has, so that the page cap, if it bites, cuts repeats rather than new pages.
        url = queue.pop(next((i for i, queued in enumerate(queue) if not per_route[route_of(queued)]), 0))
        route = route_of(url)
        if per_route[route] >= allowance(route, role):
            crawl.skipped["same route, other ids, or checked for another role"] += 1
            continue
        per_route[route] += 1
        loaded = time.monotonic()
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                crawl.downloads.append(url)
                continue
            raise
        assert response is not None
        if "text/html" not in (response.header_value("content-type") or ""):
            crawl.downloads.append(url)
            continue
        if response.status >= 400 and url not in extras:
            crawl.problems.append(f"{response.status} at {url} (linked from a page {role} can see)")
        landed = normalise(page.url)
        if landed != url and landed in seen and route_of(landed) != route:
            continue  # a redirect to a page already on the list
        seen.add(landed)
        if not page.locator(f'footer a[href="{reverse("accessibility")}"]').count():  # A11Y-11
            crawl.problems.append(f"{landed} has no link to the accessibility statement in its footer")
        check_here(page, crawl, landed, response.status, response.text(), "clean", saved_html, loaded)

        for form in page.evaluate(FORMS_JS):
            key = f"{route_of(landed)} -> {route_of(form['action'])}"
            if (
                form["method"] == "post"
                and form["fields"]
                and key not in forms
                and key not in FORMS_CHECKED
                and not NEVER_SUBMIT_PATHS.search(urlsplit(form["action"]).path + " " + urlsplit(landed).path)
                and not any(NEVER_SUBMIT_BUTTONS.search(text) for text in form["buttons"])
            ):
                forms[key] = (landed, form["index"])

        links = page.eval_on_selector_all(
            "a[href]", "links => links.map(a => [a.href, a.hasAttribute('download')])"
        )
        for href, is_download in links:
            href = normalise(href)
            if href in seen:
                continue
            seen.add(href)
            reason = "download" if is_download else reason_to_skip(href, base)
            if reason:
                crawl.skipped[reason] += 1
            else:
                queue.append(href)
    crawl.skipped["routes left out by the page cap"] += len(
        {route_of(url) for url in queue if per_route[route_of(url)] < allowance(route_of(url), role)}
    )

    # Each form once, emptied, after the crawl: whatever it changes, the crawl has seen its pages.
    for key, (url, index) in forms.items():
        FORMS_CHECKED.add(key)
        page.goto(url)
        loaded = time.monotonic()
        with page.expect_navigation() as navigation:
            page.evaluate(SUBMIT_EMPTY_JS, index)
        response = navigation.value
        refused = ".govuk-error-summary, .govuk-notification-banner:not(.govuk-notification-banner--success)"
        if response is None or page.locator(refused).count() == 0:
            crawl.accepted_forms.append(f"{key} at {url}")
            continue
        crawl.refused_forms.append(f"{key} at {url}")
        check_here(
            page, crawl, normalise(page.url), response.status, response.text(), "errors", saved_html, loaded
        )
    if not ROLES[role]:
        check_refusals(page, base, crawl, saved_html)
    return crawl


def write_artefact(crawl: Crawl, seconds: float) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    lines = [f"{crawl.role}: {len(crawl.visits)} pages checked in {seconds:.1f} s"]
    lines += [
        f"  {v.status} {v.state:6} {v.load_seconds:4.1f}+{v.axe_seconds:4.1f}s {v.url}  ({v.title})"
        for v in crawl.visits
    ]
    lines.append(f"Forms refused empty and checked in their error state: {len(crawl.refused_forms)}")
    lines += [f"  {form}" for form in crawl.refused_forms]
    lines.append(
        f"Forms that accepted an empty submission (no error state to check): {len(crawl.accepted_forms)}"
    )
    lines += [f"  {form}" for form in crawl.accepted_forms]
    lines.append(f"Not followed (links): {dict(crawl.skipped)}; downloads met: {len(crawl.downloads)}")
    lines.append("axe-core 'incomplete' items, for a person to review:")
    for visit in crawl.visits:
        for item in visit.incomplete:
            targets = "; ".join(" ".join(map(str, node["target"])) for node in item["nodes"][:3])
            lines.append(f"  {visit.url} [{visit.state}] {item['id']}: {item['help']} at {targets}")
    (ARTEFACTS / f"crawl-{crawl.role}.txt").write_text("\n".join(lines) + "\n")


@pytest.mark.xdist_group("every-page-crawl")
@pytest.mark.parametrize("role", ROLES)
def test_every_page_each_role_reaches_has_no_axe_violations(page: Page, demo_server, saved_html, role):
    began = time.monotonic()
    base = demo_server.url
    if ROLES[role]:
        sign_in(page, base, ROLES[role])
    crawl = crawl_as(page, base, role, saved_html)
    write_artefact(crawl, time.monotonic() - began)

    print(f"\n{role}: {len(crawl.visits)} pages checked ({len(crawl.refused_forms)} in an error state)")
    failures = [
        f"{visit.url} [{visit.state}]\n{describe_violations(visit.violations)}"
        for visit in crawl.visits
        if visit.violations
    ]
    assert not failures, "\n\n".join(failures)
    assert not crawl.problems, "\n".join(crawl.problems)
    assert len(crawl.visits) >= (3 if role == "anonymous" else 10), "the crawl found too few pages"


def test_the_text_checks_find_what_issue_17_found_and_pass_plain_english():
    found = [
        "The seed writes the plan",
        "the seed's governance diagram did not survive",
        "Loaded from the plan (load_demo)",
        "2026-12-04 13:55:52.309342+00:00",
        "Owner: → #3",
    ]
    clumsy = [
        "No rating (not comparable (no rating in one quarter) since 2020 Q2, was amber)",
        "Reducing serious crime involving weapons.: baseline 261 offences",
        "6 October 2020 (2250 days overdue)",
        "(32 days overdue)",
    ]
    plain = (
        "RAG rating changed from Green to Red by Priya Shah on 4 December 2026 at 1:55pm. "
        "Deadline was 6 October 2020 (31 days overdue is still counted). 19.6 % beside 21.4 %. "
        "Actions on domestic abuse (2). Seedlings, a transcript, an id card."
    )
    assert all(BANNED_WORDS.search(text) for text in found)
    assert all(CLUMSY_TEXT.search(text) for text in clumsy)
    assert not BANNED_WORDS.search(plain) and not CLUMSY_TEXT.search(plain)


def test_the_type_face_check_finds_text_in_another_font(page: Page):
    page.set_content(
        '<body style="font-family: Arial"><p>In the stack</p><p style="font-family: serif">Fallen back</p>'
        '<svg><text font-family="Liberation Sans">A chart label</text></svg></body>'
    )

    fonts = page.evaluate(FONTS_JS)

    assert fonts["stack"] == "Arial"
    assert fonts["others"] == ['<p class=""> in serif']


# --- A11Y-06: 400% zoom and text spacing ---------------------------------------------------------

NARROW = {"width": 320, "height": 256}  # 1280×1024 at 400% zoom

# WCAG 1.4.12's test values, as the W3C's text-spacing bookmarklet applies them. A constructed
# style sheet, because the content security policy (rightly) refuses an injected <style>.
TEXT_SPACING_JS = """() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
        * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }
    `);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# What sticks out sideways past the viewport, other than inside a region that scrolls on its own,
# can be reached by keyboard (tabindex="0") and has a name (the GOV.UK pattern for wide tables).
OVERFLOWING_JS = """() => {
    const width = document.documentElement.clientWidth;
    const inLabelledScroller = e => {
        for (let a = e.parentElement; a; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (['auto', 'scroll'].includes(style.overflowX) && a.getAttribute('tabindex') === '0'
                    && (a.getAttribute('aria-label') || a.getAttribute('aria-labelledby'))) {
                return true;
            }
        }
        return false;
    };
    return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: width,
        culprits: [...document.querySelectorAll('body *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 1)
            .filter(e => !inLabelledScroller(e))
            .slice(0, 5)
            .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">`
                + ` right edge at ${Math.round(e.getBoundingClientRect().right)}px`),
    };
}"""

# Text cut off: an element that hides its overflow (hidden or clip) and has more content than room,
# and whose content is text. The 1 px visually hidden text for screen readers is left out: it is
# meant to be clipped.
CLIPPED_JS = """() => [...document.querySelectorAll('body *')]
    .filter(e => {
        const style = getComputedStyle(e);
        const hides = v => v === 'hidden' || v === 'clip';
        if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
        if (!e.getClientRects().length || e.clientWidth <= 1 || e.clientHeight <= 1) return false;
        if (!e.innerText || !e.innerText.trim()) return false;
        return (hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1)
            || (hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1);
    })
    .slice(0, 5)
    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">`
        + ` ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}:`
        + ` ${e.innerText.trim().slice(0, 60)}`)"""


def representative_pages(base: str) -> list[tuple[str, str]]:
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    q2, q3 = plan.periods.get(label="2020 Q2"), plan.periods.get(label="2020 Q3")
    action = Action.objects.filter(plan=plan).order_by("priority__order", "order").first()
    meeting = Meeting.objects.filter(board__partnership=plan.partnership).order_by("-date").first()
    return [
        ("dashboard", f"{base}/dashboard/"),
        ("actions list", f"{base}/actions/"),
        ("an action's update form", f"{base}/actions/{action.pk}/updates/{q3.pk}/"),
        ("board pack preview", f"{base}/packs/{q2.pk}/preview/"),
        ("governance meeting", f"{base}/governance/meetings/{meeting.pk}/"),
    ]


def assert_reflows(page: Page, name: str) -> None:
    overflow = page.evaluate(OVERFLOWING_JS)
    assert overflow["scrollWidth"] <= overflow["clientWidth"] + 1, (
        f"{name} scrolls sideways at 320 CSS px ({overflow['scrollWidth']} > {overflow['clientWidth']}): "
        f"{overflow['culprits']}"
    )
    assert not overflow["culprits"], f"{name}: content sticks out at 320 CSS px: {overflow['culprits']}"


def assert_text_spacing_clips_nothing(page: Page, name: str) -> None:
    page.evaluate(TEXT_SPACING_JS)
    assert page.evaluate("() => getComputedStyle(document.body).wordSpacing") != "0px"  # it applied
    clipped = page.evaluate(CLIPPED_JS)
    assert not clipped, f"{name}: text cut off with WCAG 1.4.12 text spacing: {clipped}"
    assert_reflows(page, f"{name} with text spacing")


def test_the_reflow_and_clipping_checks_find_what_they_look_for(page: Page):
    """The two checks below fail pages for the right reasons: a wide box and cut-off text are found,
    a wide table in a labelled, focusable scrolling region and visually hidden text are not."""
    page.set_viewport_size(NARROW)
    page.set_content(
        """<main>
        <div style="overflow-x: auto" tabindex="0" aria-label="Wide table"><table style="width: 900px">
          <tr><td>wide but scrolls on its own</td></tr></table></div>
        <span style="position: absolute; width: 1px; height: 1px; overflow: hidden">visually hidden</span>
        <p style="height: 1em; overflow: hidden">Text that cannot fit on one line at 320px, so it is cut</p>
        </main>"""
    )
    assert_reflows(page, "a page whose only wide thing scrolls in its own region")
    clipped = page.evaluate(CLIPPED_JS)
    assert len(clipped) == 1 and "cannot fit" in clipped[0]

    page.set_content('<div style="width: 900px">too wide</div>')
    with pytest.raises(AssertionError, match="scrolls sideways"):
        assert_reflows(page, "a page with a wide box")


def test_representative_pages_reflow_at_400_percent_zoom_and_keep_text_with_wider_spacing(
    page: Page, demo_server
):
    base = demo_server.url
    page.set_viewport_size(NARROW)
    page.goto(f"{base}/accounts/login/")
    assert_reflows(page, "sign-in page")
    assert_text_spacing_clips_nothing(page, "sign-in page")

    sign_in(page, base, ROLES["secretary"])
    for name, url in representative_pages(base):
        response = page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} gave {response and response.status}"
        assert_reflows(page, name)
        assert_text_spacing_clips_nothing(page, name)


# --- A11Y-02: the Nu HTML checker over every page the crawl saw ----------------------------------

# vnu errors we accept, each with the reason. Keep this list short and each pattern narrow: a
# pattern matches the message text, and the error must also come from the markup named.
VNU_ALLOWED: list[tuple[str, str, str]] = [
    # (message regex, extract substring, why)
]


VNU_ARGS = ("--errors-only", "--format", "json", "--stdout")


def allowed(message: dict) -> bool:
    return any(
        re.search(pattern, message.get("message", "")) and extract in message.get("extract", "")
        for pattern, extract, _why in VNU_ALLOWED
    )


@pytest.mark.xdist_group("every-page-crawl")
def test_every_page_the_crawl_saw_is_valid_html(saved_html, request):
    """Runs last: one JVM over every page and error state checked above, as sent and after scripts."""
    pages = sorted(saved_html.glob("*.html"))
    dom = list(saved_html.glob("*-dom.html"))
    assert len(dom) * 2 == len(pages), "each page is checked as sent and as the scripts left it"
    crawled = {
        item.callspec.params["role"]
        for item in request.session.items
        if item.originalname == test_every_page_each_role_reaches_has_no_axe_violations.__name__
    }
    assert {path.name.split("-")[0] for path in pages} == crawled, (
        "the checker must see the pages of every role crawled in this run: under pytest-xdist the "
        "crawl and the checker share an xdist_group, and --dist loadgroup keeps them in one process"
    )
    if not pages:
        pytest.skip("no pages saved: the crawl tests in this module did not run")
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is missing, so the Nu HTML checker cannot run: apt-get install default-jre-headless"
        )
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR.relative_to(REPO_ROOT)} is missing: run script/build-assets (npm ci)")

    began = time.monotonic()
    result = subprocess.run(
        # C1 JIT only: this short run spends more on compiling than it saves (14 s, not 66 s, here).
        [java, "-XX:TieredStopAtLevel=1", "-Xss2m", "-jar", str(VNU_JAR), *VNU_ARGS, *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    seconds = time.monotonic() - began
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(
            f"The Nu HTML checker did not report (status {result.returncode}): {result.stderr[:2000]}"
        )
    print(f"\nNu HTML checker: {len(pages)} pages in {seconds:.1f} s")

    errors = [m for m in messages if m.get("type") in {"error", "non-document-error"} and not allowed(m)]
    lines = [
        f"{Path(urlsplit(m.get('url', '')).path).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        f"\n    {m.get('extract', '').strip()[:200]}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML error(s) in {len(pages)} pages:\n" + "\n".join(lines[:60])

"""The permission matrix of docs/permissions.md, cell by cell, over every URL (SEC-05, SEC-06).

MATRIX (tests/permissions/matrix.py) is the doc's table: one row per operation, one column per role.
Each cell is run by one parametrised test, which also checks that a refused request changed nothing
and that an allowed POST really did change something (a redirect alone could hide a silent refusal).
test_every_url_is_in_the_matrix walks the URLconf, so a new page without a row fails, and
test_the_doc_and_the_test_have_the_same_matrix reads the doc's table and compares it with MATRIX.
A cell the app gets wrong is listed in KNOWN_BUGS (a strict xfail) until the view is fixed.
"""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse

from tests.permissions.clients import client_as
from tests.permissions.matrix import EXPECTED, KNOWN_BUGS, MATRIX, OK, OWN, ROLES, SIGN_IN
from tests.permissions.operations import OPERATIONS, matrix_url_names, perform, snapshot, url_patterns

pytestmark = pytest.mark.usefixtures("two_factor_enforced")

assert set(OPERATIONS) == set(MATRIX)

# Named URLs that are not partnership data, so have no row. Anything else must be in OPERATIONS.
EXEMPT = {
    "healthz": "public health check for the load balancer: whether the database answers, migrated",
    "login": "sign-in page, open to everyone (SEC-07, SEC-08)",
    "logout": "sign-out, POST only, for whoever is signed in (SEC-09; CSRF in test_csrf_everywhere.py)",
    "password_change": "Django's page for changing your own password: signed in, no partnership data",
    "password_change_done": "Django's confirmation after changing your own password",
    "email_preferences": "your own choice of optional emails, no partnership data "
    "(tests/governance/test_email_preferences.py)",
    "password_reset": "Django's forgotten-password form, open to everyone; says nothing about who exists",
    "password_reset_done": "Django's 'check your email' page",
    "password_reset_confirm": "Django's reset link page; only a valid emailed token lets anyone in",
    "password_reset_complete": "Django's 'password reset' confirmation",
    "accessibility": "the public accessibility statement (A11Y-11)",
    "favicon": "the public service icon, which browsers ask for at /favicon.ico",
    "reports:home": "the public home page, listing published plans",
    "reports:public_plan": "a published plan's public progress page (tests/reports/test_public_pages.py)",
    "governance:choose": "the partnership chooser: lists and chooses only your own memberships "
    "(tests/governance/test_choose_partnership.py)",
    "actions:start": "after sign-in, a redirect to the review, your updates or the plan by role "
    "(tests/actions/test_plan_page.py)",
    # Two-factor authentication (SEC-10): each person's own second factor, no partnership data; each
    # page is tested in tests/governance/test_two_factor.py.
    "two_factor:manage": "your own two-factor settings",
    "two_factor:set_up": "setting up your own authenticator app",
    "two_factor:recovery_codes": "your own new recovery codes, shown once",
    "two_factor:verify": "the code after your password",
    "two_factor:recovery": "a recovery code instead of the app's code",
    "two_factor:new_recovery_codes": "replacing your own recovery codes",
    "two_factor:turn_off": "turning off your own optional 2FA, with a code",
    "invitation_link": "an emailed invitation link: puts its signed token in the session "
    "(tests/governance/test_invitations.py)",
    "invitation_accept": "accepting an invitation; only a valid signed token for an open invitation "
    "lets anyone in (tests/governance/test_invitations.py)",
    "session:extend": "'Stay signed in': POST only, your own session (tests/swp/test_session_timeout.py)",
    "session:status": "seconds left in your own session; not activity (tests/swp/test_session_timeout.py)",
    # Signing in with your own organisation's account: open to everyone, as the sign-in page is; only an
    # invited or active account gets in (tests/oidc/test_federated_sign_in.py).
    "oidc_start": "off to an enabled provider's sign-in page, open to everyone",
    "oidc_callback": "back from the provider: state, PKCE, nonce and ID token checked; invited people only",
    "signed_out": "after signing out of a federated sign-in: the provider's sign-out link, no data",
}


def text_of(response) -> str:
    """What a person would read: the page, or a download's name and its cells."""
    content = getattr(response, "streamed", None)
    if content is None:
        content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        body = " ".join(
            str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v
        )
    else:
        body = content.decode(errors="replace")
    return response.get("Content-Disposition", "") + "\n" + body


def _cell(role: str, op: str):
    marks = (
        [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(role, op)])] if (role, op) in KNOWN_BUGS else []
    )
    return pytest.param(role, op, id=f"{role}-{op}", marks=marks)


CELLS = [_cell(role, op) for op in MATRIX for role in ROLES]


@pytest.mark.parametrize("role, op", CELLS)
def test_permission_matrix(role, op, w, users):
    expected, operation = EXPECTED[(role, op)], OPERATIONS[op]
    before = snapshot(w)

    client = client_as(w, role)
    response = perform(client, w, op)

    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    elif expected in (OK, OWN):
        assert response.status_code == operation.ok, response.content[:2000]
        if operation.ok == 302:
            assert not response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected
    if expected == OWN:
        page = client.get(response.url) if response.status_code == 302 else response
        assert page.status_code == 200
        body = text_of(page)
        assert [mark for mark in w.walsall_marks if mark in body] == []
        assert any(mark in body for mark in w.elsewhere_marks), body[:2000]
    if expected == OK and operation.method == "post":
        assert snapshot(w) != before, "an allowed POST must change something, or it was silently refused"
    else:
        assert snapshot(w) == before


# --- Every URL has a row ----------------------------------------------------------------------


def test_every_url_is_in_the_matrix(w):
    covered = set(matrix_url_names(w).values())
    staff_urls = [url for url in url_patterns() if not url.route.startswith("admin/")]

    unnamed = [url.route for url in staff_urls if url.name is None]
    assert unnamed == [], "Give these URL patterns a name, and add them to the permission matrix"
    names = {url.name for url in staff_urls}
    missing = sorted(names - covered - EXEMPT.keys())
    assert missing == [], (
        f"{missing}: add a row for each to MATRIX in tests/permissions/matrix.py, to OPERATIONS in "
        "tests/permissions/operations.py and to the table in docs/permissions.md (or, if it is not "
        "partnership data, to EXEMPT with the reason)"
    )
    stale = sorted(EXEMPT.keys() - names)
    assert stale == [], f"{stale} are no longer in the URLconf: remove them from EXEMPT"
    both = sorted(covered & EXEMPT.keys())
    assert both == [], f"{both} have rows in the matrix: remove them from EXEMPT"


DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
DOC_CELLS = {"✓": OK, "own": OWN, "sign in": SIGN_IN, "403": 403, "404": 404}


def doc_matrix() -> dict[str, list[tuple]]:
    """The doc's matrix: each test id with the cells of the rows that name it."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("## The matrix") :].split("\n## ")[0]
    found: dict[str, list[tuple]] = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 + len(ROLES) + 1 or cells[0] in ("Object", "---"):
            continue
        test_id = re.search(r"`(\w+)`", cells[-1])
        assert test_id, f"No test id in the doc's row: {line}"
        found.setdefault(test_id[1], []).append(tuple(DOC_CELLS[cell] for cell in cells[3:-1]))
    return found


def test_the_doc_and_the_test_have_the_same_matrix():
    documented = doc_matrix()
    assert sorted(documented) == sorted(MATRIX), "docs/permissions.md and MATRIX list different operations"
    for op, rows in documented.items():
        for row in rows:
            assert row == MATRIX[op], f"{op}: the doc says {row}, the test {MATRIX[op]}"


def doc_urls_with_no_row() -> set[str]:
    """The URL names in the doc's "URLs with no row" table."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("## URLs with no row") :].split("\n## ")[0]
    names = set()
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1] not in ("Name", "---"):
            names.update(re.findall(r"`([\w:*]+)`", cells[1]))
    return names


def test_the_doc_lists_every_url_with_no_row():
    # The Django admin is one row in the doc, and outside the URLconf walk of EXEMPT.
    assert sorted(doc_urls_with_no_row() - {"admin:*"}) == sorted(EXEMPT)

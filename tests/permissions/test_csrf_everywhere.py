"""SEC-04: every state-changing URL refuses a POST without its CSRF token; POST-only URLs refuse a GET.

The partnership admin, who may make every change in the matrix, posts each one with the CSRF
cookie a browser would send but without the token, as a form on another site would. Django's
CsrfViewMiddleware refuses before the view runs, so the whole URLconf is walked too, the Django
admin included: nothing may be exempt. Each refusal must be the CSRF check's (it logs why), and
nothing in the database, the media directory, the session or the outbox may change.
"""

import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import NoReverseMatch, reverse

from governance.models import User
from swp.session_timeout import LAST_ACTIVITY
from tests.factories import PASSWORD
from tests.permissions.clients import client_as
from tests.permissions.operations import OPERATIONS, matrix_url_names, snapshot, url_patterns

# The POSTs that are not partnership data (EXEMPT in the matrix), with what a real form sends.
ACCOUNT_POSTS = {
    "sign_in": (
        lambda w: reverse("login"),
        lambda w: {"username": w.users["admin"].email, "password": PASSWORD},
    ),
    "sign_out": (lambda w: reverse("logout"), lambda w: {}),
    "change_password": (
        lambda w: reverse("password_change"),
        lambda w: {
            "old_password": PASSWORD,
            "new_password1": "a brand new passphrase for 2020",
            "new_password2": "a brand new passphrase for 2020",
        },
    ),
    "email_preferences": (lambda w: reverse("email_preferences"), lambda w: {"wanted": ["digests"]}),
    "reset_password": (lambda w: reverse("password_reset"), lambda w: {"email": w.users["admin"].email}),
    "choose_partnership": (lambda w: reverse("governance:choose"), lambda w: {"partnership": w.walsall.pk}),
}
POSTS = {
    **{
        op: (operation.url, operation.data)
        for op, operation in OPERATIONS.items()
        if operation.method == "post"
    },
    **ACCOUNT_POSTS,
}


def row_counts() -> tuple:
    """How many rows every table has, history and sessions included, in one query."""
    quote = connection.ops.quote_name
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)})
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))
        return tuple(zip(tables, cursor.fetchone(), strict=True))


def state(w, client) -> dict:
    admin = User.objects.get(pk=w.users["admin"].pk)
    return {
        "world": snapshot(w),
        "rows": row_counts(),
        "admin": (admin.password, admin.is_active),
        "emails": len(mail.outbox),
        # Still signed in, in the same session, working in the same partnership. The last-activity
        # stamp is left out: it is refreshed once a minute, and a walk on a busy machine takes longer.
        "session": (
            client.session.session_key,
            {key: value for key, value in client.session.items() if key != LAST_ACTIVITY},
        ),
    }


def admin_without_token(w):
    """The admin's browser: signed in, holding a CSRF cookie, about to post a form from elsewhere."""
    client = client_as(w, "admin", enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = w.csrf_cookie
    return client


@pytest.fixture
def csrf_cookie(w):
    # A page with a form sets the cookie, as it would for the browser.
    client = client_as(w, "admin", enforce_csrf_checks=True)
    assert client.get(reverse("priorities:record_approval")).status_code == 200
    w.csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME].value
    return w.csrf_cookie


def refused_for_csrf(response, caplog) -> bool:
    reasons = [r.getMessage() for r in caplog.records if r.name == "django.security.csrf"]
    return response.status_code == 403 and any("CSRF token missing" in reason for reason in reasons)


@pytest.mark.parametrize("op", POSTS)
def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(op, w, csrf_cookie, caplog):
    url, data = POSTS[op]
    client = admin_without_token(w)
    before = state(w, client)

    response = client.post(url(w), data(w))

    assert refused_for_csrf(response, caplog), (response.status_code, caplog.text[-500:])
    assert state(w, client) == before


def test_the_same_post_with_the_token_goes_through(w, csrf_cookie):
    """The control: the refusals above are for the missing token, not for the cookie or the client."""
    client = admin_without_token(w)
    before = snapshot(w)
    response = client.post(
        reverse("governance:record_decision", args=[w.meeting.pk]),
        {"kind": "decision", "text": "Agreed", "csrfmiddlewaretoken": csrf_cookie},
    )
    assert response.status_code == 302
    assert snapshot(w) != before


def sample_url(name: str) -> str:
    """The URL of a named pattern, with 1 for each of its parameters (a UUID for a pending upload, an
    app's label for the admin)."""
    some_uuid = uuid.UUID(int=1)
    for args in ([], [1], [1, 1], [1, 1, 1], [some_uuid], *([label] for label in sorted(apps.app_configs))):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    raise AssertionError(f"Cannot make a URL for {name}: teach sample_url its parameters")


def test_every_url_in_the_urlconf_refuses_a_post_without_the_token(w, csrf_cookie, caplog):
    """Whatever a view does with a POST, the middleware refuses it first: the admin's URLs too."""
    urls = {url.name for url in url_patterns() if url.name}
    client = admin_without_token(w)
    before = state(w, client)

    answers = {}
    for name in sorted(urls):
        caplog.clear()
        response = client.post(sample_url(name), {})
        answers[name] = "refused" if refused_for_csrf(response, caplog) else response.status_code

    assert {name: answer for name, answer in answers.items() if answer != "refused"} == {}
    assert len(answers) > 200  # the admin's URLs were walked too
    assert state(w, client) == before


def test_no_view_is_exempt_from_the_csrf_check():
    exempt = [url.route for url in url_patterns() if getattr(url.view, "csrf_exempt", False)]
    assert exempt == []


def post_only_urls(w) -> dict[str, str]:
    """The matrix's URLs that have no GET operation, so take only POST; and sign-out."""
    names = matrix_url_names(w)
    read = {names[op] for op, operation in OPERATIONS.items() if operation.method == "get"}
    urls = {op: OPERATIONS[op].url(w) for op, name in names.items() if name not in read}
    return urls | {"sign_out": reverse("logout")}


def test_a_get_to_a_post_only_url_is_refused_and_changes_nothing(w, csrf_cookie):
    client = admin_without_token(w)
    urls = post_only_urls(w)
    before = state(w, client)

    answers = {op: client.get(url) for op, url in urls.items()}

    assert {op: r.status_code for op, r in answers.items() if r.status_code != 405} == {}
    assert all("POST" in r["Allow"] for r in answers.values())
    assert sorted(urls) == [
        "bulk_accept_post",
        "comment_post",
        "deactivate_member_post",
        "delete_draft_post",
        "eqia_action_done_post",
        "evidence_upload_post",
        "invite_named_people_post",
        "pack_retry_post",
        "plan_workbook_confirm_post",
        "reactivate_member_post",
        "resend_invitation_post",
        "revoke_invitation_post",
        "sign_out",
        "update_sheet_confirm_post",
    ]
    assert state(w, client) == before

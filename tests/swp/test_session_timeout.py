"""Session lifecycle (SEC-09, A11Y-09): idle timeout, absolute lifetime, the warning's endpoints, sign-out.

The clock is "moved" by editing the stamps the session keeps (swp/session_timeout.py).
"""

import json
import logging
import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from swp.session_timeout import LAST_ACTIVITY, SIGNED_IN_AT, describe_duration
from tests.factories import PASSWORD

DASHBOARD = reverse("reports:dashboard")
EXTEND = reverse("session:extend")
STATUS = reverse("session:status")
LOGIN = reverse("login")
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def signed_in(client, viewer, plan):
    client.force_login(viewer)
    return client


def move_clock(client, seconds: float, key: str = LAST_ACTIVITY) -> None:
    """Make the session's stamp that many seconds older, as if that time had passed."""
    session = client.session
    session[key] -= seconds
    session.save()


def stamp(client, key: str = LAST_ACTIVITY) -> float:
    return client.session[key]


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def security_events(caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    return lambda: [r.security["event"] for r in caplog.records if r.name == "swp.security"]


def test_the_settings(settings):
    assert settings.SWP_IDLE_MINUTES == 30 and settings.SWP_IDLE_TIMEOUT_SECONDS == 1800
    assert settings.SWP_IDLE_WARNING_SECONDS == 120
    assert settings.SESSION_COOKIE_AGE == settings.SWP_SESSION_MAX_SECONDS == 12 * 3600


def test_idle_for_30_minutes_signs_you_out_with_a_plain_message(signed_in, security_events):
    assert signed_in.get(DASHBOARD).status_code == 200
    old_key = signed_in.session.session_key
    move_clock(signed_in, 30 * 60 + 1)

    response = signed_in.get(DASHBOARD)

    assert response.status_code == 302 and response.url == f"{LOGIN}?next=/dashboard/"
    page = signed_in.get(response.url)
    assert "You were signed out after 30 minutes without activity. Sign in again to carry on." in text(page)
    assert not Session.objects.filter(session_key=old_key).exists()
    assert signed_in.get(DASHBOARD).status_code == 302
    assert "session_expired" in security_events()


def test_activity_keeps_you_signed_in(signed_in):
    move_clock(signed_in, 29 * 60)
    assert signed_in.get(DASHBOARD).status_code == 200
    move_clock(signed_in, 29 * 60)
    assert signed_in.get(DASHBOARD).status_code == 200


def test_an_ordinary_request_does_not_save_the_session_every_time(signed_in):
    signed_in.get(DASHBOARD)
    with CaptureQueriesContext(connection) as queries:
        signed_in.get(DASHBOARD)
    assert not [q["sql"] for q in queries if "UPDATE" in q["sql"] and "django_session" in q["sql"]]


def test_after_12_hours_you_are_signed_out_however_active(signed_in):
    move_clock(signed_in, 12 * 3600 + 1, key=SIGNED_IN_AT)
    response = signed_in.get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert "You were signed out because you signed in 12 hours ago" in text(signed_in.get(response.url))


def test_the_warning_is_on_every_signed_in_page_and_no_other(signed_in, settings):
    html = signed_in.get(DASHBOARD).content.decode()
    dialog = re.search(r"<dialog[^>]*>", html)[0]
    for attribute in (
        'role="alertdialog"',
        'aria-modal="true"',
        'aria-labelledby="app-timeout-heading"',
        'data-idle-seconds="1800"',
        'data-warning-seconds="120"',
        f'data-status-url="{STATUS}"',
    ):
        assert attribute in dialog
    assert 'aria-live="polite"' in html and "Stay signed in" in html
    assert '<script src="/static/js/session-timeout.js" defer></script>' in html
    assert 'name="csrfmiddlewaretoken"' in html.split("app-timeout-extend")[1]

    assert "app-timeout-dialog" not in Client().get(reverse("reports:home")).content.decode()


def test_status_says_how_long_is_left_and_is_not_activity(signed_in):
    move_clock(signed_in, 600)
    before = stamp(signed_in)
    response = signed_in.get(STATUS, **JSON)
    assert response.status_code == 200
    answer = response.json()
    assert answer["signed_in"] is True and 1195 <= answer["seconds_left"] <= 1200
    assert stamp(signed_in) == before
    assert signed_in.post(STATUS).status_code == 405


def test_status_after_the_timeout_signs_you_out(signed_in):
    move_clock(signed_in, 1801)
    response = signed_in.get(STATUS, **JSON)
    assert response.status_code == 401 and response.json() == {"signed_in": False, "seconds_left": 0}
    assert signed_in.get(DASHBOARD).status_code == 302


def test_stay_signed_in_extends_the_session(viewer, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    page = client.get(DASHBOARD).content.decode()
    token = re.search(r'id="app-timeout-extend".*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S)[1]
    move_clock(client, 25 * 60)

    response = client.post(EXTEND, {"csrfmiddlewaretoken": token}, **JSON)

    assert response.status_code == 200
    assert response.json()["signed_in"] is True and response.json()["seconds_left"] >= 1799
    move_clock(client, 25 * 60)
    assert client.get(DASHBOARD).status_code == 200


def test_extend_needs_post_and_the_csrf_token(viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    assert client.get(EXTEND).status_code == 405
    move_clock(client, 25 * 60)
    before = stamp(client)
    assert client.post(EXTEND, {}, **JSON).status_code == 403
    assert stamp(client) == before


def test_extend_is_for_signed_in_people_only(client, db):
    response = client.post(EXTEND, {}, **JSON)
    assert response.status_code == 401 and response.json()["signed_in"] is False
    assert client.post(EXTEND, {}).url.startswith(LOGIN)


def test_extend_without_javascript_goes_back_to_the_page(signed_in):
    assert signed_in.post(EXTEND, {"next": DASHBOARD}).url == DASHBOARD
    assert signed_in.post(EXTEND, {"next": "https://evil.example/"}).url == reverse("actions:start")


def test_the_session_key_changes_at_sign_in(client, viewer):
    session = client.session
    session["before"] = "anonymous"
    session.save()
    key_before = client.cookies["sessionid"].value

    client.post(LOGIN, {"username": viewer.email, "password": PASSWORD})

    assert client.cookies["sessionid"].value != key_before
    assert not Session.objects.filter(session_key=key_before).exists()


def test_signing_out_deletes_the_session_so_the_old_cookie_is_useless(signed_in):
    old_cookie = signed_in.cookies["sessionid"].value
    assert signed_in.get(reverse("logout")).status_code == 405, "sign-out is POST only"

    assert signed_in.post(reverse("logout")).status_code == 302

    assert not Session.objects.filter(session_key=old_cookie).exists()
    replay = Client()
    replay.cookies["sessionid"] = old_cookie
    response = replay.get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_switched_off_account_is_signed_out_at_its_next_request(signed_in, viewer):
    viewer.is_active = False
    viewer.save()
    assert signed_in.get(DASHBOARD).url.startswith(LOGIN)


def test_changing_your_password_signs_out_your_other_sessions(signed_in, viewer):
    other = Client()
    other.force_login(viewer)
    response = signed_in.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a new and rather long passphrase",
            "new_password2": "a new and rather long passphrase",
        },
    )
    assert response.url == reverse("password_change_done")
    assert signed_in.get(DASHBOARD).status_code == 200
    assert other.get(DASHBOARD).url.startswith(LOGIN)


@pytest.mark.parametrize(
    "seconds, words",
    [
        (1800, "30 minutes"),
        (60, "1 minute"),
        (3600, "1 hour"),
        (43200, "12 hours"),
        (8, "8 seconds"),
        (90, "90 seconds"),
    ],
)
def test_durations_read_plainly(seconds, words):
    assert describe_duration(seconds) == words


def test_short_timeouts_for_tests_say_so(signed_in, settings):
    settings.SWP_IDLE_TIMEOUT_SECONDS = 8
    move_clock(signed_in, 9)
    response = signed_in.get(STATUS, **JSON)
    assert json.loads(response.content)["signed_in"] is False
    assert "You were signed out after 8 seconds without activity" in text(signed_in.get(LOGIN))

"""Failed sign-ins (SEC-07): ten wrong passwords lock out that account from that address only."""

import datetime
import json
import logging

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.utils import timezone

from swp.security_log import JsonFormatter
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def sign_in(client: Client, email: str, password: str, ip: str = "192.0.2.1", **headers):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip, **headers)


def fail(client, email, times, **kwargs):
    for attempt in range(1, times + 1):
        expected = 429 if attempt >= 10 else 200  # the tenth failure is the one that locks
        assert sign_in(client, email, "not-the-password", **kwargs).status_code == expected


@pytest.fixture
def xavier(walsall):
    return factories.make_user(walsall, full_name="Xavier", email="xavier@example.org")


@pytest.fixture
def yasmin(walsall):
    return factories.make_user(walsall, full_name="Yasmin", email="yasmin@example.org")


def test_ten_failures_lock_the_account_from_that_address_even_with_the_right_password(client, xavier, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    fail(client, xavier.email, 10)

    locked = sign_in(client, xavier.email, PASSWORD)

    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    events = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "swp.security"]
    assert any(e["event"] == "lockout" and e["username"] == xavier.email for e in events)


def test_the_nine_before_it_still_let_the_right_password_in(client, xavier):
    fail(client, xavier.email, 9)

    assert sign_in(client, xavier.email, PASSWORD).status_code == 302


def test_another_account_from_the_same_office_is_not_locked(client, xavier, yasmin):
    fail(client, xavier.email, 10)

    assert sign_in(Client(), yasmin.email, PASSWORD).status_code == 302


def test_the_same_account_from_another_address_is_not_locked(client, xavier):
    fail(client, xavier.email, 10)

    assert sign_in(Client(), xavier.email, PASSWORD, ip="198.51.100.7").status_code == 302


def test_the_lockout_lifts_after_the_cool_off(client, xavier):
    fail(client, xavier.email, 10)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    assert sign_in(client, xavier.email, PASSWORD).status_code == 302


@override_settings(SWP_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_is_counted_apart(client, xavier):
    proxy = "10.0.0.5"  # every request reaches the app from the proxy
    fail(client, xavier.email, 10, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.10")

    first = sign_in(Client(), xavier.email, PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.10")
    other = sign_in(Client(), xavier.email, PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.99")

    assert first.status_code == 429
    assert other.status_code == 302


@override_settings(SWP_PROXY_COUNT=1)
def test_a_forged_forwarded_for_does_not_escape_the_count(client, xavier):
    # The client writes its own X-Forwarded-For; the proxy appends the real address after it.
    fail(client, xavier.email, 10, ip="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.10")

    forged = sign_in(
        Client(), xavier.email, PASSWORD, ip="10.0.0.5", HTTP_X_FORWARDED_FOR="5.6.7.8, 203.0.113.10"
    )

    assert forged.status_code == 429


@pytest.mark.parametrize(
    "cool_off, words",
    [
        (datetime.timedelta(minutes=15), "15 minutes"),
        (datetime.timedelta(hours=1), "1 hour"),
        (datetime.timedelta(minutes=90), "90 minutes"),
    ],
)
def test_the_lockout_page_gives_the_wait_in_words_and_offers_a_reset(
    client, xavier, settings, cool_off, words
):
    settings.AXES_COOLOFF_TIME = cool_off
    fail(client, xavier.email, 10)

    page = sign_in(client, xavier.email, PASSWORD).content.decode()

    assert f"we have paused signing in to it for {words}, even with the right password" in page
    assert f"Wait {words}, then" in page
    assert "PT" not in page.split("<main")[1]  # not axes' ISO 8601 duration (PT15M, PT1H)
    assert '<a class="govuk-link" href="/accounts/password_reset/">Reset your password</a>' in page

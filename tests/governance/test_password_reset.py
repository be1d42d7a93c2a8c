"""Forgotten passwords (issue 20): our pages and email, a link that works once, and limits on asking
that never say whether an address has an account."""

import datetime
import json
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend

from governance.models import PasswordResetRequest
from governance.password_reset import address_key
from swp.security_log import JsonFormatter
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
RESET = reverse("password_reset")
NEW_PASSWORD = "a new passphrase for the plan"


@pytest.fixture
def xavier(walsall):
    return factories.make_user(walsall, full_name="Xavier Example", email="xavier@example.org")


def ask(client: Client, email: str, ip: str = "192.0.2.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def link_in(message) -> str:
    return re.search(r"http://testserver\S+/reset/\S+/", message.body)[0]


def events(caplog) -> list[dict]:
    return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "swp.security"]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver"


# --- The pages -------------------------------------------------------------------------------------


def test_the_form_is_ours_not_the_django_admins(client):
    html = client.get(RESET).content.decode()
    assert "<title>Reset your password – Partnership plan manager</title>" in html
    assert '<h1 class="govuk-heading-l">Reset your password</h1>' in html
    assert 'class="govuk-input' in html and 'autocomplete="username"' in html
    assert "Django" not in html and "/admin/" not in html


def test_an_empty_or_malformed_address_is_asked_for_again_in_plain_words(client):
    empty = client.post(RESET, {"email": ""}).content.decode()
    assert "<title>Error: Reset your password" in empty and "govuk-error-summary" in empty
    assert "Enter your work email" in empty
    malformed = client.post(RESET, {"email": "xavier at example"}).content.decode()
    assert "Enter your work email in the right format, like name@example.org" in malformed
    assert not PasswordResetRequest.objects.exists() and not mail.outbox


@pytest.mark.parametrize("page", ["login", "password_change"])
def test_sign_in_and_change_password_link_to_the_reset(client, viewer, page):
    if page == "password_change":
        client.force_login(viewer)
    html = client.get(reverse(page)).content.decode()
    assert f'<a class="govuk-link" href="{RESET}">Forgotten your password?</a>' in html
    assert "ask your partnership admin to reset" not in html


# --- The journey -----------------------------------------------------------------------------------


def test_the_email_links_to_a_page_that_sets_a_new_password_once(client, xavier, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    response = ask(client, "Xavier@Example.org")

    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    [message] = mail.outbox
    assert message.to == ["xavier@example.org"]
    assert message.subject == "Reset your password for the Partnership plan manager"
    assert message.body.startswith("Dear Xavier Example,")
    assert "The link works once, for 1 hour." in message.body
    link = link_in(message)
    html, _ = message.alternatives[0]
    assert f'<a href="{link}"' in html and "Dear Xavier Example," in html

    form = client.get(link, follow=True)
    assert "<title>Choose a new password – Partnership plan manager</title>" in form.content.decode()
    set_password = form.redirect_chain[-1][0]
    done = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert done.url == reverse("password_reset_complete")
    assert "Your password has been reset" in client.get(done.url).content.decode()
    assert (
        Client().post(reverse("login"), {"username": xavier.email, "password": NEW_PASSWORD}).status_code
        == 302
    )
    again = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in again and "Ask for a new link" in again
    logged = [e["event"] for e in events(caplog)]
    assert logged[:2] == ["password_reset_requested", "password_reset_sent"]
    assert "password_reset_completed" in logged and "password_reset_link_refused" in logged


def test_a_weak_new_password_is_refused_and_the_old_one_still_works(client, xavier):
    ask(client, xavier.email)
    set_password = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]

    response = client.post(set_password, {"new_password1": "839201746153", "new_password2": "839201746153"})

    html = response.content.decode()
    assert "<title>Error: Choose a new password" in html and "This password is entirely numeric." in html
    mismatch = client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "!"})
    assert "The two new passwords do not match" in mismatch.content.decode()
    xavier.refresh_from_db()
    assert xavier.check_password(PASSWORD)


def test_a_made_up_link_is_refused_with_what_to_do(client, xavier, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    response = client.get(reverse("password_reset_confirm", args=["MQ", "not-a-real-token"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>This link no longer works – Partnership plan manager</title>" in html
    assert f'href="{RESET}"' in html and "<form" not in html.split("<main")[1]
    assert [e["event"] for e in events(caplog)] == ["password_reset_link_refused"]


def test_choosing_a_new_password_lifts_a_sign_in_lockout(client, xavier):
    for _ in range(10):
        client.post(
            reverse("login"), {"username": xavier.email, "password": "wrong"}, REMOTE_ADDR="192.0.2.1"
        )
    assert AccessAttempt.objects.filter(username=xavier.email).exists()
    ask(client, xavier.email)
    set_password = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]

    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    signed_in = Client().post(
        reverse("login"), {"username": xavier.email, "password": NEW_PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert signed_in.status_code == 302


@pytest.mark.parametrize("account", ["switched off", "no usable password"])
def test_accounts_that_cannot_sign_in_get_no_email(client, walsall, account):
    user = factories.make_user(walsall, is_active=account != "switched off")
    if account == "no usable password":
        user.set_unusable_password()
        user.save()

    assert ask(client, user.email).url == reverse("password_reset_done")
    assert mail.outbox == []


# --- Saying nothing about who has an account ---------------------------------------------------------


def test_the_answer_is_the_same_for_an_account_no_account_and_over_the_limit(client, xavier, settings):
    settings.SWP_RESETS_PER_ADDRESS = 1
    pages = {}
    for case, email in [
        ("account", xavier.email),
        ("no account", "nobody@example.org"),
        ("limited", xavier.email),
    ]:
        response = ask(Client(), email)
        done = Client().get(response.url)
        pages[case] = (response.status_code, response.url, response.content, done.status_code, done.content)

    assert pages["account"] == pages["no account"] == pages["limited"]
    assert pages["account"][3] == 200 and b"Check your email" in pages["account"][4]
    assert len(mail.outbox) == 1


def test_the_request_does_the_same_work_whoever_it_is_for_and_sends_no_email_itself(client, xavier, settings):
    """The timing check: in each case the request runs the same SQL statements (the values apart) and
    queues one task; the email is sent by the task, on the worker, never inside the request."""
    settings.SWP_RESETS_PER_ADDRESS = 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    statements = {}
    for case, email in [
        ("account", xavier.email),
        ("no account", "nobody@example.org"),
        ("limited", xavier.email),
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert ask(Client(), email).status_code == 302
        statements[case] = [
            re.sub(r"'[^']*'|\b\d+\b|\b(?:true|false)\b|%s", "?", q["sql"]) for q in queries.captured_queries
        ]

    assert statements["account"] == statements["no account"] == statements["limited"]
    assert mail.outbox == []
    assert [r.args[1] for r in default_task_backend.results] == [
        xavier.email,
        "nobody@example.org",
        xavier.email,
    ]
    assert [r.task.name for r in default_task_backend.results] == ["send_reset_link"] * 3


def test_the_log_never_has_an_address_in_clear(client, xavier, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    ask(client, "nobody@example.org")
    ask(client, xavier.email)

    lines = [JsonFormatter().format(r) for r in caplog.records if r.name == "swp.security"]
    assert not any("nobody@example.org" in line or xavier.email in line for line in lines)
    requested = [e for e in events(caplog) if e["event"] == "password_reset_requested"]
    assert [e["account"] for e in requested] == [address_key("nobody@example.org"), address_key(xavier.email)]
    assert requested[0]["ip"] == "192.0.2.1"


# --- The limits ---------------------------------------------------------------------------------------


def test_21_requests_for_one_account_send_3_emails(client, xavier, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    for n in range(21):
        ask(Client(), xavier.email, ip=f"198.51.100.{n}")  # from 21 addresses: the account's limit holds

    assert len(mail.outbox) == 3
    limited = [e for e in events(caplog) if e["event"] == "password_reset_limited"]
    assert len(limited) == 18
    assert {e["reason"] for e in limited} == {"too many links asked for this address"}


def test_many_addresses_from_one_client_are_limited_too(client, walsall):
    people = [factories.make_user(walsall) for _ in range(25)]
    for person in people:
        ask(client, person.email, ip="203.0.113.9")

    assert len(mail.outbox) == 20
    ask(Client(), people[-1].email, ip="203.0.113.10")  # the same person from elsewhere is not
    assert mail.outbox[-1].to == [people[-1].email]


def test_behind_the_proxy_each_client_is_counted_apart(client, walsall, settings):
    settings.SWP_PROXY_COUNT = 1
    settings.SWP_RESETS_PER_CLIENT = 2
    people = [factories.make_user(walsall) for _ in range(4)]
    for person, client_address in zip(
        people, ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"], strict=True
    ):
        client.post(
            RESET, {"email": person.email}, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=client_address
        )

    assert [m.to[0] for m in mail.outbox] == [people[0].email, people[1].email, people[3].email]


def test_the_limit_lifts_once_the_window_has_passed_and_old_requests_are_forgotten(client, xavier):
    for _ in range(4):
        ask(client, xavier.email)
    assert len(mail.outbox) == 3
    PasswordResetRequest.objects.update(requested_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    ask(client, xavier.email)

    assert len(mail.outbox) == 4
    assert PasswordResetRequest.objects.count() == 1  # the task removed those older than the window


# --- Someone who has only signed in with their organisation's account ------------------------------


def test_no_password_here_gets_a_link_once_their_provider_is_switched_off(client, walsall, mailoutbox):
    from governance.models import FederatedIdentity, IdentityProvider

    person = factories.make_user(walsall, email="jo@police.example")
    person.set_unusable_password()
    person.save()
    provider = IdentityProvider.objects.create(
        name="Testshire Police", slug="police", issuer="https://login.example.org",
        client_id="c", client_secret_name="SWP_OIDC_POLICE_SECRET",
    )  # fmt: skip
    provider.domains.create(domain="police.example")
    FederatedIdentity.objects.create(user=person, provider=provider, subject="jo")

    ask(client, "jo@police.example")
    assert mailoutbox == []  # their organisation's sign-in is the way in while it is on

    provider.enabled = False
    provider.save()
    ask(client, "jo@police.example", ip="192.0.2.2")
    assert [message.to for message in mailoutbox] == [["jo@police.example"]]
    form = client.get(link_in(mailoutbox[0]), follow=True)
    set_password = form.redirect_chain[-1][0]
    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


# --- An organisation that signs in its own people -------------------------------------------------


@pytest.fixture
def police_provider():
    from governance.models import IdentityProvider

    provider = IdentityProvider.objects.create(
        name="Testshire Police", slug="police", issuer="https://login.example.org",
        client_id="c", client_secret_name="SWP_OIDC_POLICE_SECRET",
    )  # fmt: skip
    provider.domains.create(domain="police.example")
    return provider


def test_a_password_at_a_providers_domain_is_not_reset_and_the_page_sends_them_to_it(
    client, walsall, police_provider, mailoutbox
):
    """Signing in refuses their password while the provider covers the domain, so a link to choose one
    would only lead to another refusal: the page points to the provider, whether or not the account
    exists, and no email is sent."""
    factories.make_user(walsall, email="jo@police.example")
    pages = []
    for email, ip in [("jo@police.example", "192.0.2.1"), ("nobody@police.example", "192.0.2.2")]:
        browser = Client()
        response = ask(browser, email, ip=ip)
        pages.append(browser.get(response.url).content.decode())

    assert mailoutbox == []
    assert pages[0] == pages[1]
    assert '<h1 class="govuk-heading-l">Sign in with your Testshire Police account</h1>' in pages[0]
    assert f'href="{reverse("oidc_start", args=["police"])}"' in pages[0]
    assert "Check your email</h1>" not in pages[0]

    # Another address afterwards, in the same browser, gets the ordinary page.
    browser = Client()
    ask(browser, "jo@police.example")
    ask(browser, "someone@example.org", ip="192.0.2.3")
    assert "Check your email</h1>" in browser.get(reverse("password_reset_done")).content.decode()


def test_a_superuser_at_a_providers_domain_still_gets_a_link_for_break_glass_access(
    client, walsall, police_provider, mailoutbox
):
    admin = factories.make_user(walsall, email="root@police.example", is_superuser=True, is_staff=True)

    ask(client, admin.email)

    assert [message.to for message in mailoutbox] == [["root@police.example"]]
    police_provider.enabled = False
    police_provider.save()
    page = client.get(reverse("password_reset_done")).content.decode()
    assert "Check your email</h1>" in page  # a switched-off provider is not offered

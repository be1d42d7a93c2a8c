"""Demo accounts in production (issue 20): the deploy check, and sign-in refused with DEBUG off.

The test database holds the Safer Walsall demo with its nine accounts at demo.example, made with the
demo password, as a database made with `make run` and then put into production would.
"""

import json
import logging

import pytest
from django.core.checks import run_checks
from django.urls import reverse

from governance import demo_accounts
from governance.demo_accounts import DEMO_PASSWORD
from governance.models import Role, User
from swp.security_log import JsonFormatter
from tests.factories import PASSWORD, make_user

LOGIN = reverse("login")


def demo_account_issues(databases=("default",)) -> list:
    """What `check --deploy --database default` says about demo accounts."""
    issues = run_checks(include_deployment_checks=True, databases=list(databases) if databases else None)
    return [issue for issue in issues if issue.id.startswith("governance.")]


def deactivate_the_demos_accounts() -> None:
    User.objects.filter(email__endswith="@demo.example").update(is_active=False)


def with_demo_password(user: User) -> User:
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SWP_ALLOW_DEMO_SIGN_IN = False
    return settings


# --- The deploy check ---------------------------------------------------------------------------


def test_the_deploy_check_fails_while_the_demos_accounts_are_active(production, demo):
    [issue] = demo_account_issues()

    assert issue.id == "governance.E001" and issue.is_serious()
    assert "9 active accounts are demo accounts" in issue.msg
    assert "admin@demo.example" in issue.msg and "secretary@demo.example" in issue.msg
    assert "Deactivate or change the password of each of them" in issue.hint
    assert "run with DJANGO_DEBUG=1 for a demo" in issue.hint


def test_the_deploy_check_passes_once_they_are_deactivated(production, demo):
    deactivate_the_demos_accounts()

    assert demo_account_issues() == []


def test_a_demo_address_fails_the_check_even_with_a_password_of_its_own(production, demo):
    deactivate_the_demos_accounts()
    admin = User.objects.get(email="admin@demo.example")
    admin.is_active = True
    admin.set_password("a-password-of-its-own")
    admin.save()

    [issue] = demo_account_issues()

    assert "1 active account is a demo account" in issue.msg and "admin@demo.example" in issue.msg


def test_any_account_with_the_demo_password_fails_the_check_until_it_is_changed(production, walsall):
    deactivate_the_demos_accounts()
    person = with_demo_password(make_user(walsall, email="jo.bloggs@walsall.example"))

    [issue] = demo_account_issues()
    assert "jo.bloggs@walsall.example" in issue.msg

    person.set_password("a-password-of-its-own")
    person.save()
    assert demo_account_issues() == []


def test_with_many_accounts_the_password_is_tried_on_those_who_can_do_most(production, walsall, monkeypatch):
    # Above the limit, each Argon2id check (about 25 ms) is spent where it matters most; the sign-in
    # form refuses the demo password from anyone, whatever the check tried.
    monkeypatch.setattr(demo_accounts, "CHECK_EVERY_PASSWORD_UP_TO", 1)
    secretary = with_demo_password(make_user(walsall, Role.SECRETARY, email="sec@walsall.example"))
    superuser = with_demo_password(make_user(None, email="root@walsall.example", is_superuser=True))
    viewer = with_demo_password(make_user(walsall, Role.VIEWER, email="viewer@walsall.example"))

    found = {user.email for user in demo_accounts.active_demo_accounts()}

    assert {secretary.email, superuser.email, "admin@demo.example", "officer@demo.example"} <= found
    assert viewer.email not in found


def test_with_debug_on_the_demo_is_expected(settings, demo):
    settings.DEBUG = True

    assert demo_account_issues() == []


def test_without_a_database_the_check_says_it_did_not_look(production, demo):
    [issue] = demo_account_issues(databases=None)

    assert issue.id == "governance.W001" and not issue.is_serious()
    assert "--database default" in issue.hint


def test_the_check_costs_two_queries_however_many_accounts_it_tries(
    production, demo, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the count, then the accounts with their hashes
        demo_accounts.active_demo_accounts()


# --- Signing in ---------------------------------------------------------------------------------


def sign_in(client, email: str, password: str):
    return client.post(LOGIN, {"username": email, "password": password})


def security_events(caplog) -> list[dict]:
    return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "swp.security"]


def test_a_demo_account_cannot_sign_in_with_debug_off(production, client, demo, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")

    response = sign_in(client, "admin@demo.example", DEMO_PASSWORD)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Demo accounts cannot sign in to this installation" in content
    assert "<title>Error: Sign in" in content
    assert "_auth_user_id" not in client.session
    admin = User.objects.get(email="admin@demo.example")
    refused = [e for e in security_events(caplog) if e["event"] == "sign_in_refused"]
    assert refused == [refused[0]] and refused[0]["user_id"] == admin.pk
    assert refused[0]["reason"] == "demo account"
    assert not [e for e in security_events(caplog) if e["event"] == "sign_in"]


def test_a_demo_address_with_a_password_of_its_own_cannot_sign_in_either(production, client, demo):
    admin = User.objects.get(email="officer@demo.example")
    admin.set_password(PASSWORD)
    admin.save()

    response = sign_in(client, "officer@demo.example", PASSWORD)

    assert "Demo accounts cannot sign in to this installation" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_demo_password_cannot_sign_in_to_any_account(production, client, walsall):
    person = with_demo_password(make_user(walsall, email="jo.bloggs@walsall.example"))

    response = sign_in(client, person.email, DEMO_PASSWORD)

    assert "Demo accounts cannot sign in to this installation" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_for_a_demo_account_gets_the_usual_message(production, client, demo):
    content = sign_in(client, "admin@demo.example", "not-the-password").content.decode()

    assert "Enter the work email and password for your account" in content
    assert "Demo accounts" not in content


def test_with_debug_on_a_demo_account_signs_in(settings, client, demo):
    settings.DEBUG = True
    settings.SWP_ALLOW_DEMO_SIGN_IN = False

    response = sign_in(client, "officer@demo.example", DEMO_PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="officer@demo.example").pk)


def test_the_load_tests_setting_lets_a_demo_account_sign_in_with_debug_off(production, client, demo):
    production.SWP_ALLOW_DEMO_SIGN_IN = True

    assert sign_in(client, "officer@demo.example", DEMO_PASSWORD).status_code == 302


def test_other_accounts_still_sign_in_with_debug_off(production, client, lead_a):
    assert sign_in(client, lead_a.email, PASSWORD).status_code == 302

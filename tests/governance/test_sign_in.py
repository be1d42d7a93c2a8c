from django.urls import reverse

from tests.factories import PASSWORD, make_user

LOGIN = reverse("login")


def test_signing_in_with_a_work_email_in_any_case_reaches_the_plan(client, walsall, lead_a, plan):
    response = client.post(LOGIN, {"username": lead_a.email.upper(), "password": PASSWORD}, follow=True)
    assert response.redirect_chain[0] == (reverse("actions:start"), 302)
    assert response.redirect_chain[-1] == (reverse("actions:plan"), 302)


def test_a_wrong_password_is_refused_with_a_plain_message(client, lead_a):
    response = client.post(LOGIN, {"username": lead_a.email, "password": "not-the-password"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter the work email and password for your account" in content
    assert "<title>Error: Sign in" in content
    assert "_auth_user_id" not in client.session


def test_empty_fields_say_what_to_enter(client, db):
    content = client.post(LOGIN, {"username": "", "password": ""}).content.decode()
    assert "Enter your work email" in content and "Enter your password" in content


def test_a_switched_off_account_cannot_sign_in(client, walsall):
    user = make_user(walsall, is_active=False)
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_login_form_helps_password_managers(client, db):
    content = client.get(LOGIN).content.decode()
    assert 'autocomplete="username"' in content and 'autocomplete="current-password"' in content


def test_signing_out_ends_the_session(client, lead_a, plan):
    client.force_login(lead_a)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("reports:home")
    assert client.get(reverse("actions:plan")).status_code == 302


def test_signing_out_needs_a_post(client, lead_a, plan):
    client.force_login(lead_a)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("actions:plan")).status_code == 200

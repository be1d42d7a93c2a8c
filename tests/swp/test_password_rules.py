"""Password rules (SEC-08): at least 12 characters, not common, not all numbers, pasting allowed,
and inputs that password managers understand."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

CHANGE = reverse("password_change")


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def input_tag(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html)[0]


def test_the_validators_are_configured(settings):
    validators = {
        v["NAME"].rsplit(".", 1)[1]: v.get("OPTIONS", {}) for v in settings.AUTH_PASSWORD_VALIDATORS
    }
    assert validators["MinimumLengthValidator"] == {"min_length": 12}
    assert {"CommonPasswordValidator", "NumericPasswordValidator", "UserAttributeSimilarityValidator"} <= set(
        validators
    )


@pytest.fixture
def signed_in(client, viewer):
    client.force_login(viewer)
    return client


@pytest.mark.parametrize(
    "password, messages",
    [
        ("Tr0ub4dr", ["This password is too short. It must contain at least 12 characters."]),
        ("password123", ["This password is too short.", "This password is too common."]),
        ("839201746153", ["This password is entirely numeric."]),
    ],
    ids=["short", "common", "all-numeric"],
)
def test_weak_passwords_are_refused_with_plain_messages(signed_in, viewer, password, messages):
    response = signed_in.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": password, "new_password2": password}
    )

    assert response.status_code == 200
    page = text(response)
    assert "<title>Error: Change your password" in page and "govuk-error-summary" in page
    for message in messages:
        assert message in page
    viewer.refresh_from_db()
    assert viewer.check_password(PASSWORD), "the old password still works"


def test_a_long_passphrase_with_spaces_is_accepted(signed_in, viewer):
    passphrase = "correct horse battery staple and a few more words to make sixty4"
    assert len(passphrase) == 64

    response = signed_in.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": passphrase, "new_password2": passphrase}
    )

    assert response.url == reverse("password_change_done")
    assert "Your password has been changed" in text(signed_in.get(response.url))
    viewer.refresh_from_db()
    assert viewer.check_password(passphrase)


def test_the_wrong_old_password_is_refused(signed_in):
    new = "a perfectly good passphrase"
    response = signed_in.post(CHANGE, {"old_password": "not-it", "new_password1": new, "new_password2": new})
    assert "Your old password was entered incorrectly" in text(response)


def test_the_change_form_tells_password_managers_what_each_field_is(signed_in):
    html = signed_in.get(CHANGE).content.decode()
    assert 'autocomplete="current-password"' in input_tag(html, "old_password")
    assert 'autocomplete="new-password"' in input_tag(html, "new_password1")
    assert 'autocomplete="new-password"' in input_tag(html, "new_password2")
    assert "onpaste" not in html and "oncopy" not in html
    assert '<h1 class="govuk-heading-l">Change your password</h1>' in html


def test_the_sign_in_form_tells_password_managers_what_each_field_is(client, db):
    html = client.get(reverse("login")).content.decode()
    assert 'autocomplete="current-password"' in input_tag(html, "password")
    assert 'autocomplete="username"' in input_tag(html, "username")
    assert "onpaste" not in html


def test_changing_your_password_needs_you_signed_in(client, db):
    assert client.get(CHANGE).url.startswith(reverse("login"))

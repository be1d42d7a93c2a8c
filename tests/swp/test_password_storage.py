"""Passwords are stored with Argon2id at OWASP's parameters; older hashes still work and are
replaced at the next sign-in (swp/passwords.py). The test settings hash with MD5 for speed, so
these tests put the shipped hashers back."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse

import swp.settings
from tests.factories import PASSWORD

LOGIN = reverse("login")
SHIPPED = override_settings(PASSWORD_HASHERS=swp.settings.PASSWORD_HASHERS)


def argon2_parameters(encoded: str) -> dict[str, int]:
    algorithm, variety, version, parameters, _salt, _hash = encoded.split("$")
    assert (algorithm, variety, version) == ("argon2", "argon2id", "v=19")
    return {name: int(value) for name, value in (pair.split("=") for pair in parameters.split(","))}


@SHIPPED
def test_new_passwords_are_hashed_with_argon2id_at_least_at_owasps_minimum():
    parameters = argon2_parameters(make_password("a long passphrase for the board"))
    assert parameters["m"] >= 19 * 1024 and parameters["t"] >= 2 and parameters["p"] >= 1


def sign_in(client, user) -> None:
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    client.logout()


@SHIPPED
@pytest.mark.parametrize(
    "older_hasher",
    ["django.contrib.auth.hashers.PBKDF2PasswordHasher", "django.contrib.auth.hashers.Argon2PasswordHasher"],
    ids=["PBKDF2", "Django's own Argon2 parameters"],
)
def test_an_older_hash_still_signs_in_and_is_replaced_once(client, lead_a, older_hasher):
    with override_settings(PASSWORD_HASHERS=[older_hasher]):
        lead_a.set_password(PASSWORD)
    lead_a.save()
    older = lead_a.password

    sign_in(client, lead_a)
    lead_a.refresh_from_db()
    replaced = lead_a.password
    assert replaced != older and argon2_parameters(replaced)["m"] == 19 * 1024

    sign_in(client, lead_a)
    lead_a.refresh_from_db()
    assert lead_a.password == replaced, "a current hash is not made again at every sign-in"


@SHIPPED
def test_a_wrong_password_against_an_older_hash_changes_nothing(client, lead_a):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        lead_a.set_password(PASSWORD)
    lead_a.save()
    older = lead_a.password
    response = client.post(LOGIN, {"username": lead_a.email, "password": "not-the-password"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    lead_a.refresh_from_db()
    assert lead_a.password == older

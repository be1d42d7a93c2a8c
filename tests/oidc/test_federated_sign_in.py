"""Signing in with your organisation's account, against a real OpenID provider (tests/oidc/provider.mjs).

Django's test client plays our site and `requests` plays the person at the provider's own pages, so
state, PKCE, nonce and the ID token's signature are all checked for real.
"""

import json
import logging
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse

from governance.models import FederatedIdentity, Invitation, Membership, Role, User
from governance.two_factor import SECOND_FACTOR_AT_PROVIDER
from tests.factories import PASSWORD, make_partnership, make_user

from .real_provider import (
    ACCOUNTS,
    SITE,
    SLUG,
    free_port,
    make_identity_provider,
    sign_in_with_provider,
    through_provider_sign_in,
)

pytestmark = pytest.mark.django_db
EMAIL = {account["sub"]: account["email"] for account in ACCOUNTS}


@pytest.fixture
def provider(oidc_issuer):
    return make_identity_provider(oidc_issuer)


@pytest.fixture
def partnership():
    return make_partnership("Testshire Community Safety Partnership")


@pytest.fixture
def security_lines(caplog):
    caplog.set_level(logging.INFO, logger="swp.security")

    def lines(event: str) -> list[dict]:
        return [r.security for r in caplog.records if getattr(r, "security", {}).get("event") == event]

    return lines


def test_the_redirect_asks_for_a_code_with_pkce_state_and_nonce(client, provider):
    response = client.get(reverse("oidc_start", args=[SLUG]))
    query = parse_qs(urlsplit(response.url).query)
    assert response.url.startswith(provider.issuer)
    assert query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"][0] and query["nonce"][0] and query["code_challenge"][0]
    assert query["scope"] == ["openid email profile"]


def test_an_active_lead_signs_in_and_is_linked_without_a_password_of_ours(
    client, provider, partnership, security_lines
):
    lead = make_user(partnership, Role.CONTRIBUTOR, email="Lee.Lead@Police.Example")

    response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 302 and response.url == reverse("actions:start")
    assert client.session["_auth_user_id"] == str(lead.pk)
    assert FederatedIdentity.objects.get(provider=provider, subject="p-lead").user == lead
    lead.refresh_from_db()
    assert lead.check_password(PASSWORD)  # untouched: they may still use it
    assert [line["object"] for line in security_lines("federated_account_linked")] == [
        f"governance.IdentityProvider:{provider.pk}"
    ]
    assert security_lines("federated_sign_in")[0]["reason"] == "single factor"


def test_nothing_of_the_tokens_is_kept_or_logged(client, provider, partnership, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])
    started = client.get(reverse("oidc_start", args=[SLUG]))
    back = through_provider_sign_in(started.url, "p-lead", back_to=SITE)
    code = parse_qs(urlsplit(back).query)["code"][0]
    client.get(back.removeprefix(SITE))

    stored = json.dumps(dict(client.session.items()))
    for word in ("token", "eyJ", code):
        assert word not in stored
    logged = json.dumps([getattr(record, "security", {}) for record in caplog.records])
    assert code not in logged and "eyJ" not in logged
    assert client.session["swp_oidc_provider"] == provider.pk


def test_a_later_sign_in_matches_the_subject_even_after_an_email_change(client, provider, partnership):
    person = make_user(partnership, Role.CONTRIBUTOR, email="rene.oldname@police.example")
    FederatedIdentity.objects.create(user=person, provider=provider, subject="p-renamed")

    response = sign_in_with_provider(client, "p-renamed")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_an_invited_person_gets_their_role_with_no_password(client, provider, partnership, security_lines):
    Invitation.objects.create(
        partnership=partnership, email=EMAIL["p-invited"], full_name="Ivy Invited", role=Role.CONTRIBUTOR
    )

    response = sign_in_with_provider(client, "p-invited")

    assert response.status_code == 302
    person = User.objects.get(email=EMAIL["p-invited"])
    assert not person.has_usable_password()
    assert Membership.objects.current().filter(user=person, partnership=partnership).exists()
    assert Invitation.objects.get(email=EMAIL["p-invited"]).accepted_by == person
    assert client.session["_auth_user_id"] == str(person.pk)
    assert security_lines("invitation_accepted") and security_lines("federated_account_linked")


@pytest.mark.parametrize(
    ("login", "reason", "says"),
    [
        (
            "p-stranger",
            "unknown_email",
            "We could not find an invitation for stan.stranger@police.example. "
            "Ask your partnership&#x27;s admin to invite you.",
        ),
        ("p-unverified", "unverified_email", "Testshire Police did not confirm your email address"),
        ("p-elsewhere", "wrong_domain", "signed you in as ella@council.example, which is not an address"),
    ],
)
def test_nobody_gets_an_account_by_signing_in(client, provider, security_lines, login, reason, says):
    users = User.objects.count()

    response = sign_in_with_provider(client, login)

    assert response.status_code == 403
    assert says in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == users
    assert not FederatedIdentity.objects.exists()
    assert [line["reason"] for line in security_lines("federated_sign_in_refused")] == [reason]


def test_an_email_vouched_for_as_entra_id_does_is_accepted(client, provider, partnership):
    person = make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-entra"])

    response = sign_in_with_provider(client, "p-entra")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_an_expired_invitation_does_not_let_anyone_in(client, provider, partnership, settings):
    invitation = Invitation.objects.create(
        partnership=partnership, email=EMAIL["p-invited"], full_name="Ivy Invited", role=Role.CONTRIBUTOR
    )
    Invitation.objects.filter(pk=invitation.pk).update(issued_at=invitation.issued_at.replace(year=2020))

    response = sign_in_with_provider(client, "p-invited")

    assert response.status_code == 403
    assert not User.objects.filter(email=EMAIL["p-invited"]).exists()


def test_a_deactivated_person_is_refused_though_their_provider_accepted_them(
    client, provider, partnership, security_lines
):
    gone = make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-gone"])
    Membership.objects.filter(user=gone).update(ended_at="2026-01-01T00:00Z")

    response = sign_in_with_provider(client, "p-gone")

    assert response.status_code == 403
    assert "your account here has been switched off" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert security_lines("federated_sign_in_refused")[0]["reason"] == "deactivated"


def test_a_person_switched_off_everywhere_is_refused(client, provider, partnership, security_lines):
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-gone"], is_active=False)

    assert sign_in_with_provider(client, "p-gone").status_code == 403
    assert "_auth_user_id" not in client.session
    assert security_lines("federated_sign_in_refused")[0]["reason"] == "deactivated"


def test_a_deactivated_person_invited_again_comes_back(client, provider, partnership):
    gone = make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-gone"], is_active=False)
    Membership.objects.filter(user=gone).update(ended_at="2026-01-01T00:00Z")
    Invitation.objects.create(
        partnership=partnership, email=EMAIL["p-gone"], full_name="Gil Gone", role=Role.VIEWER
    )

    assert sign_in_with_provider(client, "p-gone").status_code == 302

    gone.refresh_from_db()
    assert gone.is_active and gone.check_password(PASSWORD)  # as the invitation page would; password kept
    assert Membership.objects.current().get(user=gone).role == Role.VIEWER


def test_a_subject_linked_to_someone_else_is_refused(client, provider, partnership, security_lines):
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])
    someone_else = make_user(partnership, Role.CONTRIBUTOR)
    FederatedIdentity.objects.create(user=someone_else, provider=provider, subject="p-lead")

    response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 403
    assert "already linked to another person" in response.content.decode()
    assert security_lines("federated_sign_in_refused")[0]["reason"] == "subject_taken"


def test_a_tampered_state_is_refused(client, provider, partnership, security_lines):
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])

    response = sign_in_with_provider(client, "p-lead", tamper_state=True)

    assert response.status_code == 403
    assert "Start again from the sign-in page" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert security_lines("federated_sign_in_refused")[0]["reason"] == "state_mismatch"


def test_a_callback_replayed_after_sign_in_is_refused(client, provider, partnership):
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])
    started = client.get(reverse("oidc_start", args=[SLUG]))
    back = through_provider_sign_in(started.url, "p-lead", back_to=SITE).removeprefix(SITE)
    assert client.get(back).status_code == 302
    client.logout()

    assert client.get(back).status_code == 403


def test_the_provider_saying_no_gets_a_plain_page(client, provider):
    response = client.get(reverse("oidc_callback", args=[SLUG]), {"error": "access_denied", "state": "x"})
    assert response.status_code == 403
    assert "Testshire Police could not sign you in just now" in response.content.decode()


def test_a_provider_that_does_not_answer_gets_a_plain_page(client, security_lines):
    make_identity_provider(f"http://127.0.0.1:{free_port()}")  # nothing listens there

    response = client.get(reverse("oidc_start", args=[SLUG]))

    assert response.status_code == 403
    assert "Testshire Police could not sign you in just now" in response.content.decode()
    assert security_lines("federated_sign_in_refused")[0]["reason"] == "provider_error"


def test_a_provider_switched_off_is_not_found(client, provider):
    provider.enabled = False
    provider.save()
    assert client.get(reverse("oidc_start", args=[SLUG])).status_code == 404
    assert client.get(reverse("oidc_callback", args=[SLUG])).status_code == 404


# --- Two factors once -------------------------------------------------------------------------


def test_a_secretary_whose_provider_asserts_mfa_is_not_asked_for_our_code(
    client, provider, partnership, settings
):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    make_user(partnership, Role.SECRETARY, email=EMAIL["p-secretary"])

    sign_in_with_provider(client, "p-secretary")

    assert client.session[SECOND_FACTOR_AT_PROVIDER] is True
    response = client.get(reverse("actions:start"))
    assert not response.get("Location", "").startswith("/accounts/two-factor/")
    nothing_to_verify = client.get(reverse("two_factor:verify"))
    assert not nothing_to_verify.url.startswith("/accounts/two-factor/")


def test_an_admin_whose_provider_does_not_assert_mfa_sets_up_our_code(
    client, provider, partnership, settings
):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    make_user(partnership, Role.ADMIN, email=EMAIL["p-admin"])

    sign_in_with_provider(client, "p-admin")

    assert SECOND_FACTOR_AT_PROVIDER not in client.session
    response = client.get(reverse("governance:people"))
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor:set_up"))


# --- Signing out ------------------------------------------------------------------------------


def test_sign_out_offers_the_providers_sign_out_too(client, provider, partnership):
    make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])
    sign_in_with_provider(client, "p-lead")

    response = client.post(reverse("logout"))

    assert response.status_code == 302 and response.url == reverse("signed_out")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("signed_out")).content.decode()
    expected = f"{provider.issuer}/session/end?" + urlencode(
        {"client_id": provider.client_id, "post_logout_redirect_uri": f"{SITE}/"}
    )
    assert "Sign out of your Testshire Police account too" in page
    assert f'href="{expected.replace("&", "&amp;")}"' in page


def test_sign_out_after_a_password_is_as_before(client, partnership, provider):
    person = make_user(partnership, Role.CONTRIBUTOR)
    client.force_login(person)

    response = client.post(reverse("logout"))

    assert response.status_code == 302 and response.url == reverse("reports:home")
    assert client.get(reverse("signed_out")).status_code == 302

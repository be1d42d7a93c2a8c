"""The Django admin honours the provider's multi-factor sign-in as the staff pages do (SEC-10)."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

from .real_provider import ACCOUNTS, make_identity_provider, sign_in_with_provider

pytestmark = pytest.mark.django_db
EMAIL = {account["sub"]: account["email"] for account in ACCOUNTS}
ADMIN = reverse("admin:index")


@pytest.fixture(autouse=True)
def provider(oidc_issuer, settings):
    settings.SWP_REQUIRE_TWO_FACTOR = True
    return make_identity_provider(oidc_issuer)


def site_administrator(email: str):
    """A superuser with our authenticator app set up, so only a code (or the provider's MFA) is missing."""
    person = make_user(None, None, email=email, is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    return person


def test_a_superuser_whose_provider_asserts_mfa_reaches_the_admin_without_our_code(client):
    site_administrator(EMAIL["p-secretary"])  # the provider's account that signs in with two factors

    sign_in_with_provider(client, "p-secretary")
    response = client.get(ADMIN)

    assert response.status_code == 200
    assert "Site administration" in response.content.decode()


def test_a_superuser_whose_provider_does_not_assert_mfa_is_asked_for_our_code(client):
    site_administrator(EMAIL["p-admin"])  # signs in at the provider with a password alone

    sign_in_with_provider(client, "p-admin")
    response = client.get(ADMIN)

    assert response.status_code == 302 and response.url.startswith(reverse("two_factor:verify"))


def test_the_admins_own_lock_asks_the_same_question_as_the_middleware(client, settings):
    """Should the two-factor middleware ever be left out, the admin site itself still refuses."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("TwoFactorMiddleware")]
    site_administrator(EMAIL["p-admin"])
    sign_in_with_provider(client, "p-admin")
    refused = client.get(ADMIN)
    client.logout()
    site_administrator(EMAIL["p-secretary"])
    sign_in_with_provider(client, "p-secretary")
    allowed = client.get(ADMIN)

    assert refused.status_code == 302 and refused.url.startswith(reverse("admin:login"))
    assert allowed.status_code == 200

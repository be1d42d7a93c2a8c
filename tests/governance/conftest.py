"""Fixtures shared by the governance tests."""

import pytest

from governance.models import IdentityProvider


@pytest.fixture
def police():
    """An enabled provider that signs in the police force's addresses."""
    provider = IdentityProvider.objects.create(
        name="West Midlands Police",
        slug="wmp",
        issuer="https://login.example.org/tenant/v2.0",
        client_id="client",
        client_secret_name="SWP_OIDC_WMP_SECRET",
    )
    provider.domains.create(domain="westmidlands.police.uk")
    return provider

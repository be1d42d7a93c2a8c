"""Fixtures shared by the sign-in tests of governance."""

import pytest

from governance.models import IdentityProvider


@pytest.fixture
def wmp_provider(db):
    """West Midlands Police's sign-in, for addresses at westmidlands.police.uk. Not named `police`:
    tests/conftest.py's `police` is the partner organisation."""
    provider = IdentityProvider.objects.create(
        name="West Midlands Police",
        slug="wmp",
        issuer="https://login.example.org/tenant/v2.0",
        client_id="client",
        client_secret_name="SWP_OIDC_WMP_SECRET",
    )
    provider.domains.create(domain="westmidlands.police.uk")
    return provider

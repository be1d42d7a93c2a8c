"""The test OpenID provider, for tests driven through Django's test client (site: http://testserver)."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from .real_provider import running_provider


@pytest.fixture(scope="session")
def oidc_issuer() -> Iterator[str]:
    with running_provider(["http://testserver"]) as issuer:
        yield issuer


@pytest.fixture(autouse=True)
def no_provider_documents_kept():
    """Each test starts with no provider's discovery document or keys in the cache (governance/oidc.py)."""
    cache.clear()
    yield
    cache.clear()

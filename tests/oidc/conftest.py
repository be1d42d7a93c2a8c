"""The test OpenID provider, for tests driven through Django's test client (site: http://testserver)."""

from collections.abc import Iterator

import pytest

from .real_provider import running_provider


@pytest.fixture(scope="session")
def oidc_issuer() -> Iterator[str]:
    with running_provider(["http://testserver"]) as issuer:
        yield issuer

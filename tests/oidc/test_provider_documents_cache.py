"""A provider's discovery document and keys are kept for an hour (governance/oidc.py), counted at the
real provider: one fetch for many sign-ins, a fresh fetch for a changed issuer, none remembered from
a failure, and a rotated key still accepted, even one replaced under the same key id."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from joserfc.jwk import KeySet, RSAKey

from governance.oidc import CachedProviderClient, cache_key, discovery_url
from tests.factories import make_partnership, make_user

from .real_provider import (
    ACCOUNTS,
    SLUG,
    fail_next_discovery,
    make_identity_provider,
    requests_made,
    sign_in_with_provider,
)

pytestmark = pytest.mark.django_db
DISCOVERY = "/.well-known/openid-configuration"
KEYS = "/jwks"
EMAIL = {account["sub"]: account["email"] for account in ACCOUNTS}


@pytest.fixture
def provider(oidc_issuer):
    return make_identity_provider(oidc_issuer)


@pytest.fixture
def lead():
    return make_user(make_partnership("Testshire Community Safety Partnership"), email=EMAIL["p-lead"])


def fetches(issuer: str, before: dict[str, int]) -> dict[str, int]:
    """Discovery and key requests the provider has had since `before`."""
    now = requests_made(issuer)
    return {path: now.get(path, 0) - before.get(path, 0) for path in (DISCOVERY, KEYS)}


def test_two_sign_ins_and_a_sign_out_fetch_the_documents_once(client, provider, lead):
    before = requests_made(provider.issuer)

    assert sign_in_with_provider(client, "p-lead").status_code == 302
    client.post(reverse("logout"))
    assert (
        "Sign out of your Testshire Police account too" in client.get(reverse("signed_out")).content.decode()
    )
    assert sign_in_with_provider(client, "p-lead").status_code == 302

    assert fetches(provider.issuer, before) == {DISCOVERY: 1, KEYS: 1}


def test_a_changed_issuer_is_fetched_afresh_at_once(client, provider, lead):
    assert sign_in_with_provider(client, "p-lead").status_code == 302
    before = requests_made(provider.issuer)
    client.logout()
    # The same provider under another name for this machine: a new discovery address.
    provider.issuer = provider.issuer.replace("127.0.0.1", "localhost")
    provider.save()

    started = client.get(reverse("oidc_start", args=[SLUG]))

    assert started.status_code == 302
    assert fetches(provider.issuer.replace("localhost", "127.0.0.1"), before)[DISCOVERY] == 1


def test_a_failed_fetch_is_not_remembered(client, provider, lead):
    fail_next_discovery(provider.issuer)
    before = requests_made(provider.issuer)

    refused = client.get(reverse("oidc_start", args=[SLUG]))
    assert refused.status_code == 403
    assert "Testshire Police could not sign you in just now" in refused.content.decode()

    assert sign_in_with_provider(client, "p-lead").status_code == 302  # asked again, and it answered
    assert fetches(provider.issuer, before)[DISCOVERY] == 2


def test_a_token_signed_with_a_rotated_key_is_accepted_after_one_fresh_fetch_of_the_keys(
    client, provider, lead
):
    # The keys kept from before the provider rotated them: none of them signs its tokens now.
    retired = KeySet([RSAKey.generate_key(2048, parameters={"kid": "retired-key", "use": "sig"})])
    keys_key = cache_key("jwks", discovery_url(provider))
    cache.set(keys_key, retired.as_dict(private=False))
    before = requests_made(provider.issuer)

    response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 302 and client.session["_auth_user_id"] == str(lead.pk)
    assert fetches(provider.issuer, before)[KEYS] == 1
    assert "retired-key" not in {key["kid"] for key in cache.get(keys_key)["keys"]}


def test_a_key_replaced_under_the_same_key_id_is_fetched_afresh_not_refused_for_an_hour(
    client, provider, lead
):
    assert sign_in_with_provider(client, "p-lead").status_code == 302
    client.logout()
    keys_key = cache_key("jwks", discovery_url(provider))
    [kid] = {key["kid"] for key in cache.get(keys_key)["keys"]}
    # What was kept is an older key under the id the provider signs with now.
    older = KeySet([RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})])
    cache.set(keys_key, older.as_dict(private=False))
    before = requests_made(provider.issuer)

    response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 302 and client.session["_auth_user_id"] == str(lead.pk)
    assert fetches(provider.issuer, before)[KEYS] == 1
    assert cache.get(keys_key)["keys"][0]["n"] != older.as_dict(private=False)["keys"][0]["n"]


def test_a_token_that_fresh_keys_do_not_verify_is_refused_without_asking_again(client, provider, lead):
    assert sign_in_with_provider(client, "p-lead").status_code == 302
    client.logout()
    [kid] = {key["kid"] for key in cache.get(cache_key("jwks", discovery_url(provider)))["keys"]}
    asked = []

    def fresh_keys_that_are_not_the_providers(self, force=False):
        asked.append(force)
        self.keys_were_kept = False
        return KeySet([RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})]).as_dict(
            private=False
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CachedProviderClient, "fetch_jwk_set", fresh_keys_that_are_not_the_providers)
        response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 403 and "_auth_user_id" not in client.session
    assert asked == [False]  # once: a fresh set that fails means a bad token, not stale keys

"""Signing in with your own organisation's account: OpenID Connect, one provider per partner organisation.

The library is Authlib (its Django OAuth client). It registers any number of providers at run time
from their discovery document, runs the authorization code flow with PKCE (S256), makes and checks
`state` and `nonce`, and validates the ID token's signature against the provider's published keys
(JWKS), its issuer, audience and expiry. Considered and rejected:

- django-allauth: brings its own accounts, sign-up and email flows, which would sit beside our
  sign-in, invitations and django-otp and would need switching off piece by piece;
- mozilla-django-oidc: one provider per installation, where we need one per partner organisation.

Here: which provider an email belongs to, the client secret (from the environment or the secrets
file, never the database), and an Authlib client for a provider, whose discovery document and keys
are kept in Django's cache for an hour. What a callback's claims lead to
is decided in governance/federated_sign_in.py; the pages are in governance/oidc_views.py.
"""

import hashlib
import json
import os

from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.core.cache import cache
from joserfc.errors import BadSignatureError

from .models import IdentityProvider, IdentityProviderDomain

SCOPE = "openid email profile"
# How long a provider's discovery document and keys are kept. Providers change them rarely and say so
# ahead; a key rotated sooner is caught by the refetch in CachedProviderClient.fetch_jwk_set.
PROVIDER_DOCUMENTS_SECONDS = 60 * 60


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def provider_for_email(email: str) -> IdentityProvider | None:
    """The enabled provider that signs in for this address's domain, if any."""
    if "@" not in email:
        return None
    found = (
        IdentityProviderDomain.objects.select_related("provider")
        .filter(domain=domain_of(email), provider__enabled=True)
        .first()
    )
    return found.provider if found else None


def covers(provider: IdentityProvider, email: str) -> bool:
    return "@" in email and provider.domains.filter(domain=domain_of(email)).exists()


def client_secret(name: str) -> str:
    """The secret called `name`: from SWP_OIDC_SECRETS_FILE's JSON object when it has it, else the
    environment. Read at each use, so a rotated secret needs no restart. Empty when not set."""
    path = settings.SWP_OIDC_SECRETS_FILE
    if path:
        try:
            with open(path, encoding="utf-8") as file:
                secrets = json.load(file)
        except (OSError, ValueError):
            secrets = {}
        if isinstance(secrets, dict) and isinstance(secrets.get(name), str) and secrets[name]:
            return secrets[name]
    return os.environ.get(name, "")


def discovery_url(provider: IdentityProvider) -> str:
    return provider.issuer.rstrip("/") + "/.well-known/openid-configuration"


def cache_key(kind: str, url: str) -> str:
    """Keyed by the discovery address, so an issuer changed in the admin is fetched afresh at once.
    Hashed: cache backends limit a key's length and characters."""
    return f"swp:oidc:{kind}:{hashlib.sha256(url.encode()).hexdigest()}"


class CachedProviderClient(DjangoOAuth2App):
    """Authlib's Django client, with the provider's discovery document and keys (JWKS) kept in Django's
    cache: a fresh client is made for every request, and would otherwise fetch both every time.

    Only what was fetched and read without error is kept: a failure raises before anything is stored,
    so the next sign-in asks the provider again. When an ID token is signed by a key that is not in
    the kept set (the provider rotated its keys), Authlib's parse_id_token asks for the set again with
    force=True, once, and that fresh set replaces the kept one. A key replaced under the same key id
    fails the signature instead, so then too the kept set is dropped and the token checked once more
    against a fresh one (parse_id_token below), rather than refusing everyone for up to an hour."""

    keys_were_kept = False  # whether the last fetch_jwk_set answered from the cache

    def load_server_metadata(self) -> dict:
        if self._server_metadata_url and "_loaded_at" not in self.server_metadata:
            key = cache_key("discovery", self._server_metadata_url)
            kept = cache.get(key)
            if kept is None:
                kept = dict(super().load_server_metadata())  # raises on any failure: nothing is kept
                kept.pop("jwks", None)
                cache.set(key, kept, PROVIDER_DOCUMENTS_SECONDS)
            self.server_metadata.update(kept)
        return self.server_metadata

    def fetch_jwk_set(self, force: bool = False) -> dict:
        key = cache_key("jwks", self._server_metadata_url)
        if not force:
            kept = cache.get(key)
            if kept is not None:
                self.keys_were_kept = True
                return kept
        jwk_set = super().fetch_jwk_set(force=True)
        self.keys_were_kept = False
        cache.set(key, jwk_set, PROVIDER_DOCUMENTS_SECONDS)
        return jwk_set

    def parse_id_token(self, token, nonce, **kwargs):
        try:
            return super().parse_id_token(token, nonce, **kwargs)
        except BadSignatureError:
            if not self.keys_were_kept:
                raise  # checked against the provider's keys as they are now: a bad token
            cache.delete(cache_key("jwks", self._server_metadata_url))
            return super().parse_id_token(token, nonce, **kwargs)


def client_for(provider: IdentityProvider) -> CachedProviderClient:
    """A fresh Authlib client: providers change in the admin, so none is kept between requests (only
    the provider's documents are, above). Every call to the provider (discovery, keys, token) gives up
    after 10 seconds rather than hold a worker."""
    oauth = OAuth()
    return oauth.register(
        name=provider.slug,
        client_cls=CachedProviderClient,
        client_id=provider.client_id,
        client_secret=client_secret(provider.client_secret_name),
        server_metadata_url=discovery_url(provider),
        client_kwargs={"scope": SCOPE, "code_challenge_method": "S256", "default_timeout": 10},
    )


def end_session_endpoint(provider: IdentityProvider) -> str:
    """The provider's sign-out address from its discovery document, or "" when it has none or is down."""
    try:
        metadata = client_for(provider).load_server_metadata()
    except Exception:  # noqa: BLE001 - any failure only means no link is offered
        return ""
    return metadata.get("end_session_endpoint", "") if isinstance(metadata, dict) else ""


def asserts_mfa(provider: IdentityProvider, claims: dict) -> bool:
    """Whether the ID token says the person used more than one factor, by the provider's own rule."""
    value = claims.get(provider.mfa_claim)
    values = value if isinstance(value, list) else [value]
    return any(isinstance(item, str) and item in provider.mfa_value_list for item in values)

"""Identity providers as a site administrator sets them up: validation, routing by domain, secrets."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from governance.identity_provider_admin import IdentityProviderForm
from governance.models import IdentityProvider, IdentityProviderDomain
from governance.oidc import asserts_mfa, client_secret, provider_for_email

pytestmark = pytest.mark.django_db


def make_provider(slug="wmp", *, domains=("westmidlands.police.uk",), enabled=True, **fields):
    provider = IdentityProvider.objects.create(
        name=fields.pop("name", "West Midlands Police"),
        slug=slug,
        issuer=fields.pop("issuer", "https://login.example.org/tenant/v2.0"),
        client_id="client",
        client_secret_name="SWP_TEST_SECRET",
        enabled=enabled,
        **fields,
    )
    for domain in domains:
        IdentityProviderDomain.objects.create(provider=provider, domain=domain)
    return provider


def test_issuer_must_be_https(settings):
    settings.SWP_OIDC_ALLOW_HTTP_LOOPBACK = False
    provider = IdentityProvider(
        name="P", slug="p", issuer="http://login.example.org", client_id="c", client_secret_name="S"
    )
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "starting https://" in str(error.value)


def test_http_issuer_on_loopback_only_when_allowed(settings):
    provider = IdentityProvider(
        name="P", slug="p", issuer="http://127.0.0.1:9000", client_id="c", client_secret_name="S"
    )
    settings.SWP_OIDC_ALLOW_HTTP_LOOPBACK = True
    provider.full_clean()
    settings.SWP_OIDC_ALLOW_HTTP_LOOPBACK = False
    with pytest.raises(ValidationError):
        provider.full_clean()
    provider.issuer = "http://evil.example.org"
    settings.SWP_OIDC_ALLOW_HTTP_LOOPBACK = True
    with pytest.raises(ValidationError):
        provider.full_clean()


def test_secret_name_must_look_like_an_environment_variable():
    provider = IdentityProvider(
        name="P", slug="p", issuer="https://x.example.org", client_id="c", client_secret_name="the secret!"
    )
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "client_secret_name" in error.value.message_dict


def test_domain_is_kept_lower_case_and_validated():
    provider = make_provider(domains=())
    domain = IdentityProviderDomain(provider=provider, domain="  WestMidlands.Police.UK ")
    domain.full_clean()
    assert domain.domain == "westmidlands.police.uk"
    for bad in ("jo@westmidlands.police.uk", "west midlands.police.uk", "localhost"):
        with pytest.raises(ValidationError):
            IdentityProviderDomain(provider=provider, domain=bad).full_clean()


def test_a_domain_belongs_to_one_provider_only():
    make_provider()
    other = make_provider("council", domains=(), name="Walsall Council")
    duplicate = IdentityProviderDomain(provider=other, domain="WESTMIDLANDS.POLICE.UK")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Another provider already signs in for this email domain." in str(error.value)
    with pytest.raises(IntegrityError):
        IdentityProviderDomain.objects.create(provider=other, domain="westmidlands.police.uk")


def test_email_goes_to_the_enabled_provider_of_its_domain():
    police = make_provider()
    make_provider("council", domains=("walsall.gov.uk",), name="Walsall Council", enabled=False)
    assert provider_for_email("Jo.Bloggs@WestMidlands.Police.UK") == police
    assert provider_for_email("jo@walsall.gov.uk") is None  # switched off: a password of ours
    assert provider_for_email("jo@example.org") is None
    assert provider_for_email("no-at-sign") is None


def test_secret_from_the_environment_or_the_secrets_file(monkeypatch, settings, tmp_path):
    monkeypatch.delenv("SWP_TEST_SECRET", raising=False)
    settings.SWP_OIDC_SECRETS_FILE = ""
    assert client_secret("SWP_TEST_SECRET") == ""
    monkeypatch.setenv("SWP_TEST_SECRET", "from-env")
    assert client_secret("SWP_TEST_SECRET") == "from-env"
    secrets = tmp_path / "secrets.json"
    secrets.write_text(json.dumps({"SWP_TEST_SECRET": "from-file"}))
    settings.SWP_OIDC_SECRETS_FILE = str(secrets)
    assert client_secret("SWP_TEST_SECRET") == "from-file"
    secrets.write_text(json.dumps({"SWP_TEST_SECRET": "rotated"}))  # read at use: no restart
    assert client_secret("SWP_TEST_SECRET") == "rotated"
    secrets.write_text("not json")
    assert client_secret("SWP_TEST_SECRET") == "from-env"


def admin_form_data(**changes):
    data = {
        "name": "West Midlands Police",
        "slug": "wmp",
        "issuer": "https://login.example.org/tenant/v2.0",
        "client_id": "client",
        "client_secret_name": "SWP_TEST_SECRET",
        "mfa_claim": "amr",
        "mfa_values": "mfa",
        "enabled": "on",
    }
    data.update(changes)
    return data


def test_admin_form_says_plainly_when_the_secret_is_not_set(monkeypatch, settings):
    settings.SWP_OIDC_SECRETS_FILE = ""
    monkeypatch.delenv("SWP_TEST_SECRET", raising=False)
    form = IdentityProviderForm(data=admin_form_data())
    assert not form.is_valid()
    assert "SWP_TEST_SECRET is not set on this server" in form.errors["client_secret_name"][0]
    switched_off = admin_form_data()
    del switched_off["enabled"]
    assert IdentityProviderForm(data=switched_off).is_valid()
    monkeypatch.setenv("SWP_TEST_SECRET", "s3cret")
    assert IdentityProviderForm(data=admin_form_data()).is_valid()


def test_mfa_is_read_from_the_configured_claim():
    provider = make_provider()
    assert asserts_mfa(provider, {"amr": ["pwd", "mfa"]})
    assert not asserts_mfa(provider, {"amr": ["pwd"]})
    assert not asserts_mfa(provider, {})
    provider.mfa_claim, provider.mfa_values = "acr", "urn:example:mfa, phr"
    assert asserts_mfa(provider, {"acr": "phr"})
    assert not asserts_mfa(provider, {"acr": "pwd", "amr": ["mfa"]})


def test_the_deploy_check_names_an_enabled_provider_whose_secret_is_not_set(monkeypatch, settings):
    from governance.checks import check_identity_provider_secrets

    settings.SWP_OIDC_SECRETS_FILE = ""
    monkeypatch.delenv("SWP_TEST_SECRET", raising=False)
    make_provider()
    make_provider("council", domains=(), name="Walsall Council", enabled=False)  # off: not asked about

    [issue] = check_identity_provider_secrets(databases=["default"])
    assert issue.id == "governance.E002" and issue.is_serious()
    assert issue.msg == (
        "The identity provider West Midlands Police is enabled, but its client secret SWP_TEST_SECRET "
        "is not set on this server."
    )
    monkeypatch.setenv("SWP_TEST_SECRET", "s3cret")
    assert check_identity_provider_secrets(databases=["default"]) == []


def test_the_admin_says_which_partnership_each_organisation_is_in():
    from tests.factories import make_organisation, make_partnership

    for name in ("Testshire North", "Testshire South"):
        make_organisation(make_partnership(name), "Testshire Police")

    labels = [label for _, label in IdentityProviderForm().fields["organisations"].choices]

    assert sorted(label for label in labels if label.startswith("Testshire Police")) == [
        "Testshire Police (Testshire North)",
        "Testshire Police (Testshire South)",
    ]

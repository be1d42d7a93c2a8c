"""While an enabled provider signs in for an email's domain, our password is refused for it, on the
server, whatever the page sent; superusers keep it, as break-glass access while the provider is down."""

import logging

import pytest
from django.urls import reverse

from governance.models import Role
from tests.factories import PASSWORD, make_partnership, make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")
REFUSAL = "People with this email address sign in with their West Midlands Police account."


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(f"{LOGIN}?next=/dashboard/", {"username": email, "password": password})


def test_a_password_user_of_a_providers_domain_is_sent_to_the_provider(client, wmp_provider, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    make_user(make_partnership("Testshire CSP"), Role.CONTRIBUTOR, email="jo@westmidlands.police.uk")

    response = sign_in(client, "Jo@WestMidlands.Police.UK")

    page = response.content.decode()
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert REFUSAL in page and "Choose Continue with West Midlands Police." in page
    assert f'href="{reverse("oidc_start", args=["wmp"])}?next=%2Fdashboard%2F"' in page
    refused = [
        r.security for r in caplog.records if getattr(r, "security", {}).get("event") == "sign_in_refused"
    ]
    assert [line["reason"] for line in refused] == ["organisation signs in"]


def test_the_refusal_reads_the_same_for_an_unknown_address_and_a_wrong_password(client, wmp_provider):
    make_user(make_partnership("Testshire CSP"), Role.CONTRIBUTOR, email="jo@westmidlands.police.uk")

    pages = [
        sign_in(client, "jo@westmidlands.police.uk").content.decode(),
        sign_in(client, "jo@westmidlands.police.uk", "not the password").content.decode(),
        sign_in(client, "nobody@westmidlands.police.uk").content.decode(),
    ]

    errors = [page[page.index("govuk-error-summary") :][:800] for page in pages]
    assert all(REFUSAL in error for error in errors)
    assert errors[0] == errors[1] == errors[2].replace("nobody@", "jo@")
    assert "_auth_user_id" not in client.session


def test_a_superuser_keeps_their_password_while_the_provider_is_down(client, wmp_provider):
    make_user(None, None, email="it.lead@westmidlands.police.uk", is_superuser=True, is_staff=True)

    response = sign_in(client, "it.lead@westmidlands.police.uk")

    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_a_superusers_wrong_password_gets_the_same_refusal_as_anyone(client, wmp_provider):
    make_user(None, None, email="it.lead@westmidlands.police.uk", is_superuser=True, is_staff=True)

    response = sign_in(client, "it.lead@westmidlands.police.uk", "not the password")

    assert REFUSAL in response.content.decode() and "_auth_user_id" not in client.session


def test_other_domains_and_a_switched_off_provider_keep_the_password(client, wmp_provider):
    partnership = make_partnership("Testshire CSP")
    make_user(partnership, Role.CONTRIBUTOR, email="sam@walsall.gov.uk")
    make_user(partnership, Role.CONTRIBUTOR, email="jo@westmidlands.police.uk")

    assert sign_in(client, "sam@walsall.gov.uk").status_code == 302
    client.logout()
    wmp_provider.enabled = False
    wmp_provider.save()
    assert sign_in(client, "jo@westmidlands.police.uk").status_code == 302


def test_a_wrong_password_elsewhere_still_gets_the_usual_message(client, wmp_provider):
    make_user(make_partnership("Testshire CSP"), Role.CONTRIBUTOR, email="sam@walsall.gov.uk")
    page = sign_in(client, "sam@walsall.gov.uk", "not the password").content.decode()
    assert "Enter the work email and password for your account" in page and REFUSAL not in page

"""The sign-in page asks for the email first only while some organisation signs in with its own account."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("login")


def test_with_no_provider_the_page_is_as_before(client):
    page = client.get(LOGIN).content.decode()
    assert 'name="password"' in page and ">Sign in<" in page.replace("\n", "")
    assert "Continue" not in page


def test_a_provider_switched_off_leaves_the_page_as_before(client, wmp_provider):
    wmp_provider.enabled = False
    wmp_provider.save()
    assert 'name="password"' in client.get(LOGIN).content.decode()


def test_with_a_provider_the_page_asks_for_the_email_first(client, wmp_provider):
    response = client.get(LOGIN)
    page = response.content.decode()
    assert 'name="email"' in page and 'name="password"' not in page
    assert 'value="Continue"' in page or ">Continue<" in page.replace("\n", "").replace(" ", "")
    # The form's redirects end at the provider, so the page's policy lets forms reach it.
    assert "form-action 'self' https://login.example.org" in response["Content-Security-Policy"]


def test_the_sign_in_page_costs_one_query_more_than_before(client, wmp_provider, django_assert_num_queries):
    with django_assert_num_queries(1):  # the enabled providers
        client.get(LOGIN)
    wmp_provider.enabled = False
    wmp_provider.save()
    with django_assert_num_queries(1):
        client.get(LOGIN)


def test_an_email_of_a_providers_domain_goes_to_that_provider(client, wmp_provider):
    response = client.post(f"{LOGIN}?next=/dashboard/", {"email": "Jo.Bloggs@WestMidlands.Police.UK"})
    assert response.status_code == 302
    assert response.url == reverse("oidc_start", args=["wmp"]) + "?next=%2Fdashboard%2F"
    assert client.session["swp_oidc_login_hint"] == "jo.bloggs@westmidlands.police.uk"


def test_anyone_else_gets_the_password_step_with_their_email_kept(client, wmp_provider):
    person = make_user(email="sam@walsall.gov.uk")
    page = client.post(LOGIN, {"email": "sam@walsall.gov.uk"}).content.decode()
    assert 'name="password"' in page and 'value="sam@walsall.gov.uk"' in page
    assert "_auth_user_id" not in client.session

    response = client.post(LOGIN, {"username": "sam@walsall.gov.uk", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_wrong_password_at_the_password_step_gets_the_usual_message(client, wmp_provider):
    make_user(email="sam@walsall.gov.uk")
    response = client.post(LOGIN, {"username": "sam@walsall.gov.uk", "password": "wrong"})
    assert "Enter the work email and password for your account" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter your work email"),
        ("not an email", "Enter your work email in the right format, like name@example.org"),
    ],
)
def test_a_missing_or_malformed_email_is_explained(client, wmp_provider, typed, message):
    response = client.post(LOGIN, {"email": typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and "govuk-error-summary" in page
    assert "<title>Error: Sign in" in page

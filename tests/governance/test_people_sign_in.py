"""The people page says how each person signs in, and the partnership admin can unlink someone from
their organisation's sign-in (governance/people_views.py, federated_sign_in.unlink)."""

import logging

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import FederatedIdentity, Membership, Role, User
from tests import factories

pytestmark = pytest.mark.django_db
PEOPLE = reverse("governance:people")


@pytest.fixture
def linked(walsall, wmp_provider):
    person = factories.make_user(
        walsall, Role.CONTRIBUTOR, full_name="Lee Linked", email="lee@westmidlands.police.uk"
    )
    FederatedIdentity.objects.create(user=person, provider=wmp_provider, subject="sub-lee")
    return person


def unlink_url(person) -> str:
    return reverse("governance:unlink_member", args=[Membership.objects.get(user=person).pk])


@pytest.fixture
def as_admin(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_page_says_how_each_person_signs_in(as_admin, walsall, linked, viewer):
    factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Nia New", email="nia@westmidlands.police.uk")

    page = as_admin.get(PEOPLE).content.decode()

    assert "Signs in with West Midlands Police" in page
    assert "Will sign in with West Midlands Police" in page  # Nia: her domain's provider, not linked yet
    assert "Signs in with a password" in page  # Vic, and the admin
    assert f'href="{unlink_url(linked)}"' in page
    assert "sub-lee" not in page


def test_unlinking_asks_first_then_forgets_the_link_and_logs_it(as_admin, linked, admin_user, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")

    confirm = as_admin.get(unlink_url(linked)).content.decode()
    assert "Unlink Lee Linked from West Midlands Police?" in confirm
    assert FederatedIdentity.objects.filter(user=linked).exists()

    response = as_admin.post(unlink_url(linked), follow=True)

    page = response.content.decode()
    assert "Lee Linked unlinked from West Midlands Police" in page
    assert "Will sign in with West Midlands Police" in page
    assert not FederatedIdentity.objects.filter(user=linked).exists()
    assert Membership.objects.get(user=linked).ended_at is None  # the role stays
    lines = [
        r.security
        for r in caplog.records
        if getattr(r, "security", {}).get("event") == "federated_account_unlinked"
    ]
    assert len(lines) == 1
    assert lines[0]["user_id"] == admin_user.pk and lines[0]["account"] == "wmp"
    assert lines[0]["object"] == f"governance.Membership:{Membership.objects.get(user=linked).pk}"


def test_someone_not_linked_cannot_be_unlinked(as_admin, viewer):
    response = as_admin.post(unlink_url(viewer), follow=True)
    assert "Vic Viewer is not linked to a provider" in response.content.decode()


def test_only_the_partnerships_admin_unlinks(client, linked, secretary, viewer):
    for person in (secretary, viewer, linked):
        client.force_login(person)
        assert client.get(unlink_url(linked)).status_code == 403
        assert client.post(unlink_url(linked)).status_code == 403
    assert FederatedIdentity.objects.filter(user=linked).exists()


def test_another_partnerships_person_is_not_found(as_admin, elsewhere, wmp_provider):
    theirs = factories.make_user(elsewhere, Role.CONTRIBUTOR, email="them@westmidlands.police.uk")
    FederatedIdentity.objects.create(user=theirs, provider=wmp_provider, subject="sub-them")

    assert as_admin.get(unlink_url(theirs)).status_code == 404
    assert as_admin.post(unlink_url(theirs)).status_code == 404
    assert FederatedIdentity.objects.filter(user=theirs).exists()


def test_the_page_costs_the_same_queries_however_many_are_linked(as_admin, walsall, wmp_provider):
    def link_people(count: int) -> None:
        for _ in range(count):
            person = factories.make_user(walsall, Role.CONTRIBUTOR)
            person.email = person.email.replace("example.org", "westmidlands.police.uk")
            person.save()
            FederatedIdentity.objects.create(user=person, provider=wmp_provider, subject=f"sub-{person.pk}")

    def queries_for_the_page() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            page = as_admin.get(PEOPLE).content.decode()
        return len(queries), page

    link_people(1)
    as_admin.get(PEOPLE)  # warm the session
    with_one, _ = queries_for_the_page()
    link_people(14)
    with_fifteen, page = queries_for_the_page()

    assert with_fifteen == with_one <= 12
    assert page.count("Signs in with West Midlands Police") == 15


def test_unlinking_signs_the_person_out_everywhere_and_no_one_else(as_admin, linked, viewer):
    dashboard = reverse("email_preferences")  # a page any signed-in person has
    their_browsers = [Client(), Client()]
    for browser in their_browsers:
        browser.force_login(linked)
        assert browser.get(dashboard).status_code == 200
    someone_else = Client()
    someone_else.force_login(viewer)

    response = as_admin.post(unlink_url(linked), follow=True)

    assert "Lee Linked unlinked from West Midlands Police and signed out" in response.content.decode()
    for browser in their_browsers:
        signed_out = browser.get(dashboard)
        assert signed_out.status_code == 302 and signed_out.url.startswith(reverse("login"))
    assert someone_else.get(dashboard).status_code == 200
    assert as_admin.get(PEOPLE).status_code == 200
    assert User.objects.get(pk=linked.pk).check_password(factories.PASSWORD)  # the password is untouched
    fresh = Client()
    fresh.force_login(User.objects.get(pk=linked.pk))
    assert fresh.get(dashboard).status_code == 200


def test_an_admin_who_unlinks_themselves_stays_signed_in_here_only(client, admin_user, wmp_provider):
    FederatedIdentity.objects.create(user=admin_user, provider=wmp_provider, subject="sub-ada")
    elsewhere_browser = Client()
    elsewhere_browser.force_login(admin_user)
    client.force_login(admin_user)

    response = client.post(unlink_url(admin_user), follow=True)

    page = response.content.decode()
    assert "Ada Admin unlinked from West Midlands Police<" in page  # not "… and signed out"
    assert client.get(PEOPLE).status_code == 200
    assert elsewhere_browser.get(PEOPLE).status_code == 302


def test_sessions_from_before_sign_outs_existed_stay_signed_in(linked):
    # Adding the count must not sign everyone out: at 0 the hash is Django's own.
    assert linked.sign_outs == 0
    assert linked.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(linked)
    linked.sign_out_everywhere()
    assert linked.get_session_auth_hash() != AbstractBaseUser.get_session_auth_hash(linked)

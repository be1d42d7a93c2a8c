from django.urls import reverse

from governance.models import Membership, Role
from tests import factories

URL = reverse("governance:choose")


def test_someone_in_two_partnerships_can_switch_between_them(client, walsall, elsewhere, lead_a, plan):
    factories.make_plan(elsewhere, title="Elsewhere Plan")
    Membership.objects.create(partnership=elsewhere, user=lead_a, role=Role.VIEWER)
    client.force_login(lead_a)
    assert "Change<span" in client.get(reverse("actions:plan")).content.decode()

    response = client.post(URL, {"partnership": elsewhere.pk})
    assert response.status_code == 302 and response.url == reverse("actions:plan")
    assert "Elsewhere Plan" in client.get(reverse("actions:plan")).content.decode()

    client.post(URL, {"partnership": walsall.pk})
    assert "Test Plan 2020" in client.get(reverse("actions:plan")).content.decode()


def test_the_form_lists_only_their_own_partnerships(client, walsall, elsewhere, lead_a):
    client.force_login(lead_a)
    content = client.get(URL).content.decode()
    assert walsall.name in content and elsewhere.name not in content


def test_choosing_a_partnership_they_have_no_role_in_is_refused_and_changes_nothing(
    client, walsall, elsewhere, lead_a, plan
):
    client.force_login(lead_a)
    response = client.post(URL, {"partnership": elsewhere.pk})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Select a partnership you have a role in" in content and "<title>Error:" in content
    assert "partnership_id" not in client.session
    assert "Test Plan 2020" in client.get(reverse("actions:plan")).content.decode()


def test_choosing_nothing_says_what_to_do(client, lead_a):
    client.force_login(lead_a)
    assert "Select the partnership you are working in" in client.post(URL, {}).content.decode()


def test_someone_with_one_partnership_is_not_offered_a_change(client, lead_a, plan):
    client.force_login(lead_a)
    assert "Change<span" not in client.get(reverse("actions:plan")).content.decode()


def test_signed_out_people_are_sent_to_sign_in(client, db):
    assert client.get(URL).status_code == 302

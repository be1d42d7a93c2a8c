"""People a plan names, invited in one step from the plan's page after an import, and linked to what
the plan names them for when they accept (issue 15, item 2)."""

import pytest
from django.core import mail
from django.urls import reverse

from actions.named_people import named_people
from governance.models import Invitation, Role
from tests import factories
from tests.governance.invitation_helpers import accept, last_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_plan(walsall, police):
    plan = factories.make_plan(walsall, title="Newtown Plan 2024")
    p1 = factories.make_priority(
        plan, 1, reference="1", lead_organisation=police, lead_officer_name="Insp. Jo Bloggs"
    )
    p2 = factories.make_priority(plan, 2, reference="2", lead_support_officer_name="Sam Support")
    a1 = factories.make_action(p1, "1.1", responsible_officer="insp.  jo bloggs")  # the same person
    a1.responsible_organisations.add(police)
    factories.make_action(p2, "2.1", responsible_officer="Pat Probation")
    return plan


def page(plan) -> str:
    return reverse("plan_workbook:plan", args=[plan.pk])


def invite_url(plan) -> str:
    return reverse("plan_workbook:invite_named_people", args=[plan.pk])


def test_the_plan_names_each_person_once_with_what_for(named_plan, police):
    people = named_people(named_plan)
    assert [(p.name, p.named_for) for p in people] == [
        ("Insp. Jo Bloggs", ["lead officer, priority 1", "responsible officer, 1.1"]),
        ("Sam Support", ["lead support officer, priority 2"]),
        ("Pat Probation", ["responsible officer, 2.1"]),
    ]
    assert people[0].organisation == police


def test_the_admin_sees_an_email_box_for_each_and_others_see_none(client, named_plan, admin_user, viewer):
    client.force_login(admin_user)
    body = client.get(page(named_plan)).content.decode()
    assert "People the plan names" in body
    assert "Work email for Insp. Jo Bloggs" in body and "Named as lead officer, priority 1" in body
    client.force_login(viewer)
    assert "People the plan names" not in client.get(page(named_plan)).content.decode()


def test_one_submit_invites_those_with_an_email_and_leaves_the_rest(
    client, named_plan, admin_user, police, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):  # the emails go once the invitations commit
        response = client.post(invite_url(named_plan), {"email_0": "jo.bloggs@police.example", "email_2": ""})

    assert response.status_code == 302
    [invitation] = Invitation.objects.all()
    assert (invitation.email, invitation.full_name, invitation.role, invitation.organisation) == (
        "jo.bloggs@police.example",
        "Insp. Jo Bloggs",
        Role.CONTRIBUTOR,
        police,
    )
    assert mail.outbox[-1].to == ["jo.bloggs@police.example"]
    body = client.get(page(named_plan)).content.decode()
    assert "Invited 1 person named in the plan" in body
    assert "Insp. Jo Bloggs: invited at jo.bloggs@police.example" in body


def test_one_wrong_address_invites_nobody(client, named_plan, admin_user, viewer):
    client.force_login(admin_user)
    response = client.post(
        invite_url(named_plan),
        {"email_0": "jo.bloggs@police.example", "email_1": "not-an-email", "email_2": viewer.email},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Enter Sam Support&#x27;s work email in the right format" in body
    assert f"{viewer.email} already has a role in this partnership" in body
    assert not Invitation.objects.exists() and mail.outbox == []


def test_the_same_address_for_two_names_is_refused(client, named_plan, admin_user):
    client.force_login(admin_user)
    response = client.post(invite_url(named_plan), {"email_0": "a@example.org", "email_1": "A@example.org"})
    assert "is also typed for Insp. Jo Bloggs" in response.content.decode()
    assert not Invitation.objects.exists()


def test_nothing_typed_says_so(client, named_plan, admin_user):
    client.force_login(admin_user)
    response = client.post(invite_url(named_plan), {})
    assert "Type the work email of at least one person to invite" in response.content.decode()


def test_accepting_makes_them_lead_and_owner_of_what_the_plan_named_them_for(
    client, named_plan, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite_url(named_plan), {"email_0": "jo.bloggs@police.example"})
    client.post(reverse("logout"))

    accept(client, last_link())

    p1 = named_plan.priorities.get(reference="1")
    a1 = named_plan.actions.get(reference="1.1")
    assert p1.lead_officer.email == "jo.bloggs@police.example"
    assert a1.owner == p1.lead_officer and a1.version == 2
    assert named_plan.actions.get(reference="2.1").owner is None
    assert a1.history.latest().history_change_reason.startswith("Named in the plan")
    # Jo now reports on their action.
    assert client.get(reverse("actions:my_updates")).status_code == 200
    assert named_people(named_plan)[0].name == "Sam Support"


def test_someone_already_linked_is_not_replaced(
    client, named_plan, admin_user, lead_a, django_capture_on_commit_callbacks
):
    a1 = named_plan.actions.get(reference="1.1")
    a1.owner = lead_a
    a1.save()
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite_url(named_plan), {"email_0": "jo.bloggs@police.example"})
    client.post(reverse("logout"))
    accept(client, last_link())
    a1.refresh_from_db()
    assert a1.owner == lead_a


def test_only_the_admin_and_only_their_own_plan(client, named_plan, secretary, outsider):
    client.force_login(secretary)
    assert client.post(invite_url(named_plan), {"email_0": "x@example.org"}).status_code == 403
    client.force_login(outsider)
    assert client.post(invite_url(named_plan), {"email_0": "x@example.org"}).status_code == 404
    assert not Invitation.objects.exists()

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from governance.models import Board, Membership, Role, User
from tests import factories


def test_create_user_stores_email_in_lower_case(db):
    user = User.objects.create_user(email="Jo.Bloggs@Walsall.GOV.uk", password="x", full_name="Jo Bloggs")
    assert user.email == "jo.bloggs@walsall.gov.uk"


def test_two_accounts_cannot_share_an_email_in_different_case(db):
    User.objects.create_user(email="jo@example.org", password="x", full_name="Jo")
    clash = User(email="JO@example.org", full_name="Jo again")
    with pytest.raises(ValidationError) as raised:
        clash.full_clean()
    assert "Someone already signs in with this email." in str(raised.value)
    with pytest.raises(IntegrityError):
        clash.save()


def test_a_person_has_one_role_per_partnership(walsall, lead_a):
    with pytest.raises(IntegrityError):
        Membership.objects.create(partnership=walsall, user=lead_a, role=Role.ADMIN)


def test_the_same_person_can_belong_to_two_partnerships(walsall, elsewhere, lead_a):
    Membership.objects.create(partnership=elsewhere, user=lead_a, role=Role.VIEWER)
    assert set(lead_a.memberships.values_list("partnership__name", flat=True)) == {
        walsall.name,
        elsewhere.name,
    }


def test_a_board_cannot_report_to_itself(walsall):
    board = Board.objects.create(partnership=walsall, name="Partnership Board")
    board.parent = board
    with pytest.raises(IntegrityError):
        board.save()


def test_organisation_names_are_unique_within_a_partnership_only(walsall, elsewhere):
    factories.make_organisation(walsall, "West Midlands Police")
    factories.make_organisation(elsewhere, "West Midlands Police")
    with pytest.raises(IntegrityError):
        factories.make_organisation(walsall, "West Midlands Police")

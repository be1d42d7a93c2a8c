"""Creating a partnership without a shell (issue 15, item 1): the site administrator's page, the
create_partnership command, and the --partnership option of every command."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from governance.command_partnership import partnership_from_option
from governance.models import Invitation, Membership, Partnership, Role
from tests import factories

pytestmark = pytest.mark.django_db
NEW = reverse("governance:new_partnership")
LIST = reverse("governance:partnerships")


@pytest.fixture
def site_admin(client, db):
    superuser = factories.make_user(None, None, full_name="Site Admin", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    return client


def payload(**changes) -> dict:
    return {
        "name": "Safer Newtown Partnership",
        "admin_name": "Nia New",
        "admin_email": "nia@example.org",
        **changes,
    }


def test_the_site_admin_creates_a_partnership_and_its_admin_is_invited(
    site_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once the partnership commits
        response = site_admin.post(NEW, payload(area="Newtown"))

    assert response.status_code == 302 and response.url == LIST
    newtown = Partnership.objects.get(name="Safer Newtown Partnership")
    assert (newtown.slug, newtown.area) == ("safer-newtown-partnership", "Newtown")
    [invitation] = Invitation.objects.filter(partnership=newtown)
    assert (invitation.email, invitation.full_name, invitation.role) == (
        "nia@example.org",
        "Nia New",
        Role.ADMIN,
    )
    assert mail.outbox[-1].to == ["nia@example.org"]
    # Nothing else: no organisations, no people yet, no plan.
    assert not newtown.organisations.exists() and not Membership.objects.filter(partnership=newtown).exists()
    page = site_admin.get(LIST).content.decode()
    assert "Safer Newtown Partnership created. Invitation sent to nia@example.org" in page
    assert "/plans/safer-newtown-partnership/" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "Enter the partnership&#x27;s name"),
        ({"admin_email": "nia"}, "Enter a work email in the right format"),
        ({"slug": "Not a slug!"}, "Use only lower-case letters, numbers and hyphens"),
        ({"name": "safer test partnership"}, "There is already a partnership with this name"),
        ({"slug": "WALSALL"}, "is taken: choose another"),
    ],
)
def test_bad_input_says_what_is_wrong_and_creates_nothing(site_admin, walsall, changes, message):
    if changes.get("slug") == "WALSALL":
        changes = {"slug": walsall.slug}
    before = Partnership.objects.count()
    response = site_admin.post(NEW, payload(**changes))
    assert response.status_code == 200 and message in response.content.decode()
    assert Partnership.objects.count() == before and not Invitation.objects.exists()


def test_a_partnership_admin_who_is_not_a_superuser_is_refused(client, admin_user):
    client.force_login(admin_user)
    assert client.get(LIST).status_code == 403
    assert client.post(NEW, payload()).status_code == 403
    assert not Partnership.objects.filter(name="Safer Newtown Partnership").exists()


def test_the_command_creates_the_partnership_and_invites_its_admin(
    capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_partnership",
            "--name",
            "Safer Newtown",
            "--slug",
            "newtown",
            "--admin-email",
            "Nia@Example.org",
        )
    newtown = Partnership.objects.get(slug="newtown")
    invitation = Invitation.objects.get(partnership=newtown)
    assert invitation.email == "nia@example.org" and invitation.role == Role.ADMIN
    assert mail.outbox[-1].to == ["nia@example.org"]
    assert "invited nia@example.org as its partnership admin" in capsys.readouterr().out


def test_the_command_refuses_a_taken_slug_or_a_bad_email(walsall):
    before = Partnership.objects.count()
    with pytest.raises(CommandError, match="is taken"):
        call_command(
            "create_partnership", "--name", "Other", "--slug", walsall.slug, "--admin-email", "a@b.org"
        )
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("create_partnership", "--name", "Other", "--admin-email", "nobody")
    assert Partnership.objects.count() == before


def test_an_unknown_slug_lists_the_known_ones_and_says_how_to_create_one(walsall, elsewhere):
    with pytest.raises(CommandError) as refused:
        partnership_from_option("nowhere")
    message = str(refused.value)
    assert "There is no partnership “nowhere”" in message
    listed = message.split("The partnerships here are: ")[1].split(". Create")[0].split(", ")
    assert {walsall.slug, elsewhere.slug} <= set(listed) and listed == sorted(listed)
    assert "python manage.py create_partnership" in message


@pytest.mark.parametrize(
    "command, arguments",
    [
        ("import_plan", ["plan.xlsx"]),
        ("export_plan", ["--output", "x.xlsx"]),
        ("roll_forward_plan", []),
        ("board_pack", ["--period", "2020 Q1", "--output", "x.pdf"]),
    ],
)
def test_every_command_taking_a_partnership_says_how_to_create_one(command, arguments, walsall):
    with pytest.raises(CommandError, match="There is no partnership “nowhere”.*create_partnership"):
        call_command(command, *arguments, "--partnership", "nowhere")

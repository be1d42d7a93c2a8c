"""Every admin page a partnership admin relies on loads: changelists, add forms, change forms, history."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django_tasks_db.models import DBTaskResult, get_date_max
from simple_history.admin import SimpleHistoryAdmin

from governance.models import User
from reports.models import IssuedPack

pytestmark = pytest.mark.usefixtures("demo")

MODEL_ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
IDS = [model._meta.label for model, _ in MODEL_ADMINS]


@pytest.fixture
def admin_client(client, demo, settings, tmp_path, wmp_provider):
    """The demo's superuser, with one of each record the demo itself doesn't make."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from actions.models import ActionUpdate, UpdateComment, UpdateEvidence
    from governance.models import (
        DailyJobRun,
        DigestLine,
        EmailPreferences,
        Invitation,
        OutboxMessage,
        PasswordResetRequest,
        PendingImport,
    )

    settings.MEDIA_ROOT = tmp_path
    admin = User.objects.get(email="admin@demo.example")
    Group.objects.get_or_create(name="Auditors")
    update = ActionUpdate.objects.filter(action__plan__partnership__slug="safer-walsall").first()
    UpdateComment.objects.create(update=update, author=admin, body="Please add the survey figures")
    evidence = UpdateEvidence(
        update=update,
        original_name="notes.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
        uploaded_by=admin,
    )
    evidence.file.save("notes.pdf", ContentFile(b"%PDF-1.4"), save=False)
    evidence.save()
    OutboxMessage.objects.create(
        key="test:admin",
        kind="reminder",
        partnership=update.period.plan.partnership,
        recipient=admin,
        to_address=admin.email,
        subject="Your updates are overdue",
        text="Dear Admin",
        html="<p>Dear Admin</p>",
    )
    DigestLine.objects.create(
        recipient=admin, partnership=update.period.plan.partnership, text="1.1 update submitted by Admin"
    )
    EmailPreferences.objects.create(user=admin, comments=False)
    DailyJobRun.objects.create(job="send_reminders", date=timezone.localdate(), succeeded=True)
    # A board pack request that failed, and a queued task: neither has an add or change form.
    IssuedPack.objects.create(
        plan=update.period.plan, period=update.period, issued_by=admin, state="failed", failure_message="Test"
    )
    DBTaskResult.objects.create(
        args_kwargs={"args": [0], "kwargs": {}},
        task_path="reports.tasks.make_pack",
        backend_name="default",
        enqueued_at=timezone.now(),
        run_after=get_date_max(),  # "as soon as possible", as enqueue() stores it
    )
    # A spreadsheet waiting for its uploader's confirmation: shown to support, never edited here.
    PendingImport.objects.create(
        kind="update_sheet",
        partnership=update.period.plan.partnership,
        created_by=admin,
        original_name="my-updates.xlsx",
        file_format="xlsx",
        content=b"PK",
        sha256="0" * 64,
    )
    # An invitation waiting to be accepted: made only from the people page.
    Invitation.objects.create(
        partnership=update.period.plan.partnership,
        email="new@example.org",
        full_name="New Person",
        role="viewer",
    )
    # A request for a password reset link, as its limit counts it.
    PasswordResetRequest.objects.create(address_key="0" * 64, client_key="1" * 64)
    # An authenticator app and recovery codes (django-otp's models are in the admin too).
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # Someone else's: the signed-in admin would otherwise be asked for a code first.
    secretary = User.objects.get(email="secretary@demo.example")
    TOTPDevice.objects.create(user=secretary, name="Authenticator app")
    StaticDevice.objects.create(user=secretary, name="Recovery codes")
    # A partner organisation's own sign-in service (wmp_provider), and someone linked to it at their
    # first sign-in.
    from governance.models import FederatedIdentity

    FederatedIdentity.objects.create(user=secretary, provider=wmp_provider, subject="abc")
    client.force_login(admin)
    return client


def test_import_and_export_pages_load_for_the_six_spreadsheet_models(admin_client):
    from actions.models import Action, ActionUpdate
    from governance.models import Organisation
    from priorities.models import Measure, MeasureReading, Priority

    for model in (Organisation, Priority, Measure, MeasureReading, Action, ActionUpdate):
        for view in ("import", "export"):
            response = admin_client.get(_url(model, view))
            assert response.status_code == 200, (model, view)
            assert "csv" in response.content.decode() and "xlsx" in response.content.decode()


def test_the_admin_is_for_superusers_only(client, walsall):
    from tests.factories import make_user

    staff = make_user(walsall, is_staff=True)
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", [m for m, _ in MODEL_ADMINS], ids=IDS)
def test_changelist_loads(admin_client, model):
    response = admin_client.get(_url(model, "changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", [m for m, _ in MODEL_ADMINS], ids=IDS)
def test_add_page_loads(admin_client, model):
    response = admin_client.get(_url(model, "add"))
    # Evidence comes only through the update page (its content is checked there); emails only by
    # being sent; board packs only by issuing them; task results only from the tasks they record; pending
    # imports only by uploading them; password reset requests only by asking for a link; invitations
    # only from the people page; links to a sign-in service only by signing in with it.
    read_only = {
        "updateevidence",
        "outboxmessage",
        "digestline",
        "dailyjobrun",
        "issuedpack",
        "dbtaskresult",
        "pendingimport",
        "passwordresetrequest",
        "invitation",
        "federatedidentity",
    }
    assert response.status_code == (403 if model._meta.model_name in read_only else 200)


@pytest.mark.parametrize("model", [m for m, _ in MODEL_ADMINS], ids=IDS)
def test_change_page_loads_for_a_demo_record(admin_client, model):
    obj = model._default_manager.first()
    response = admin_client.get(_url(model, "change", obj.pk))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "model", [m for m, a in MODEL_ADMINS if isinstance(a, SimpleHistoryAdmin)], ids=lambda m: m._meta.label
)
def test_history_page_loads(admin_client, model):
    obj = model._default_manager.first()
    response = admin_client.get(_url(model, "history", obj.pk))
    assert response.status_code == 200


def test_every_domain_model_is_registered():
    from django.apps import apps

    registered = {model for model, _ in MODEL_ADMINS}
    for app in ("governance", "priorities", "actions"):
        for model in apps.get_app_config(app).get_models():
            if not model.__name__.startswith("Historical"):
                assert model in registered, f"{model.__name__} is not in the admin"


def test_priority_page_has_measure_and_action_inlines(admin_client):
    from priorities.models import Priority

    priority = Priority.objects.get(title="Violence reduction")
    response = admin_client.get(_url(Priority, "change", priority.pk))
    content = response.content.decode()
    assert "Stopping violence in Walsall before it starts" in content
    assert "Continue to listen to our communities" in content


def test_admin_edit_of_an_action_is_in_its_history_with_the_editor(admin_client):
    from actions.models import Action

    action = Action.objects.get(reference="1.1")
    response = admin_client.get(_url(Action, "change", action.pk))
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["responsible_organisations"] = [o.pk for o in action.responsible_organisations.all()]
    data["themes"] = [t.pk for t in action.themes.all()]
    data["objective"] = "Hold four listening events in 2020"
    for prefix in ("updates",):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(_url(Action, "change", action.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = action.history.first()
    assert latest.objective == "Hold four listening events in 2020"
    assert latest.history_user.email == "admin@demo.example"
    action.refresh_from_db()
    assert action.version == 2


def test_the_admin_home_offers_the_blank_plan_workbook(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert reverse("plan_workbook:template") in response.content.decode()
    assert admin_client.get(reverse("plan_workbook:template")).status_code == 200


def test_the_admin_names_its_third_party_sections_as_people_would(admin_client):
    home = admin_client.get(reverse("admin:index")).content.decode()
    section = admin_client.get(reverse("admin:app_list", args=["otp_totp"])).content.decode()

    for name in (
        "Two-factor authentication: authenticator apps",
        "Authenticator apps",
        "Two-factor authentication: recovery codes",
        "Recovery codes",
        "Board pack tasks",
    ):
        assert name in home
    for package_name in (
        "Otp_Totp",
        "Otp_Static",
        "Tasks Database Backend",
        "TOTP devices",
        "Static devices",
    ):
        assert package_name not in home
    assert "Two-factor authentication: authenticator apps" in section and "Otp_Totp" not in section


@pytest.mark.parametrize(
    ("app_label", "model_name", "title", "add_button"),
    [
        ("otp_totp", "totpdevice", "Select authenticator app to change", "Add authenticator app"),
        ("otp_static", "staticdevice", "Select set of recovery codes to change", "Add set of recovery codes"),
        ("django_tasks_database", "dbtaskresult", "Select task result to view", None),
    ],
)
def test_the_third_party_changelists_are_titled_as_people_would(
    admin_client, app_label, model_name, title, add_button
):
    page = admin_client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).content.decode()

    assert title in page
    if add_button:
        assert add_button in page
    for package_name in (
        "TOTP device",
        "static device",
        "Static device",
        "Task Result",
        "Tasks Database Backend",
    ):
        assert package_name not in page

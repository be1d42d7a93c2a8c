"""The permission matrix of docs/permissions.md, cell by cell (SEC-05, SEC-06).

MATRIX below is the doc's table: one row per operation, one column per role. Each cell is run
by one parametrised test, which also checks that a refused request changed nothing and that an
allowed POST really did change something (a redirect alone could hide a silent refusal).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actions import services
from actions.models import Action, ActionUpdate, Rag, UpdateComment, UpdateEvidence
from governance.models import Role
from priorities.models import MeasureReading, ReportingPeriod
from tests import factories

PDF = b"%PDF-1.4\n%%EOF"

OK = "ok"  # allowed: the operation's own success status, Operation.ok (200, or 302 for a redirect)
OWN = "own"  # a page about "your partnership": an outsider gets their own, never walsall's
SIGN_IN = "sign in"  # redirected to the sign-in page

# lead: leads P1, the action's priority; owner: owns the action; other_lead: leads P2;
# officer: a partner officer (contributor) who leads and owns nothing; outsider: admin of `elsewhere`.
ROLES = ("admin", "secretary", "lead", "owner", "other_lead", "officer", "viewer", "outsider", "signed_out")

# fmt: off
MATRIX = {
    # columns are ROLES:      admin  secr.  lead   owner  o.lead off.   viewer outs.  signed out
    "view_plan":             (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_action":           (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_my_updates":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "edit_update_get":       (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "edit_update_post":      (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "comment_post":          (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_upload_post":  (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_download_get": (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "evidence_delete_get":   (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_delete_post":  (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "review_start_get":      (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "review_period_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_update_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_update_post":    (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "manage_period_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "lock_period_post":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "edit_reading_get":      (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
    "edit_reading_post":     (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
}
# fmt: on
EXPECTED = {(role, op): cell for op, row in MATRIX.items() for role, cell in zip(ROLES, row, strict=True)}


def update_payload(w, version: int | None = None) -> dict:
    """A valid 'Submit for review' of the action's update, with every field UpdateForm has."""
    return {
        "rag": Rag.AMBER,
        "progress": "Two of three ward walkabouts held.",
        "recovery_plan": "The third is booked for April.",
        "outcomes": "40 residents took part.",
        "marks_complete": "",
        "proposed_deadline_0": "31",
        "proposed_deadline_1": "3",
        "proposed_deadline_2": "2021",
        "deadline_change_reason": "The venue closed for repairs.",
        "version": w.update.version if version is None else version,
        "submit": "",
    }


@dataclass(frozen=True)
class Operation:
    method: str
    url: Callable[[SimpleNamespace], str]
    data: Callable[[SimpleNamespace], dict] = lambda w: {}
    ok: int = 200


OPERATIONS = {
    "view_plan": Operation("get", lambda w: reverse("actions:plan")),
    "view_action": Operation("get", lambda w: reverse("actions:detail", args=[w.action.pk])),
    "view_my_updates": Operation("get", lambda w: reverse("actions:my_updates")),
    "edit_update_get": Operation("get", lambda w: w.edit_url),
    "edit_update_post": Operation("post", lambda w: w.edit_url, update_payload, ok=302),
    "comment_post": Operation(
        "post",
        lambda w: reverse("actions:add_comment", args=[w.update.pk]),
        lambda w: {"body": "Can you add the ward names?"},
        ok=302,
    ),
    "evidence_upload_post": Operation(
        "post",
        lambda w: reverse("actions:upload_evidence", args=[w.update.pk]),
        lambda w: {"file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf")},
        ok=302,
    ),
    "evidence_download_get": Operation("get", lambda w: reverse("actions:evidence", args=[w.evidence.pk])),
    "evidence_delete_get": Operation(
        "get", lambda w: reverse("actions:delete_evidence", args=[w.evidence.pk])
    ),
    "evidence_delete_post": Operation(
        "post", lambda w: reverse("actions:delete_evidence", args=[w.evidence.pk]), ok=302
    ),
    "review_start_get": Operation("get", lambda w: reverse("actions:review"), ok=302),
    "review_period_get": Operation("get", lambda w: reverse("actions:review_period", args=[w.period.pk])),
    "review_update_get": Operation("get", lambda w: reverse("actions:review_update", args=[w.update.pk])),
    "review_update_post": Operation(
        "post",
        lambda w: reverse("actions:review_update", args=[w.update.pk]),
        lambda w: {"decision": "accept", "comment": "", "version": w.update.version},
        ok=302,
    ),
    "manage_period_get": Operation("get", lambda w: reverse("actions:manage_period", args=[w.period.pk])),
    "lock_period_post": Operation(
        "post",
        lambda w: reverse("actions:manage_period", args=[w.period.pk]),
        lambda w: {"lock-confirm": "on", "lock": ""},
        ok=302,
    ),
    "edit_reading_get": Operation("get", lambda w: w.reading_url),
    "edit_reading_post": Operation(
        "post", lambda w: w.reading_url, lambda w: {"value": "12", "version": 0}, ok=302
    ),
}
assert set(OPERATIONS) == set(MATRIX)


# --- The world: walsall's plan with one action, its submitted update, a file and a measure --------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def owner(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Olu Owner")


@pytest.fixture
def officer(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Pat Partner-Officer")


@pytest.fixture
def action(p1, owner):
    return factories.make_action(p1, "1.1", owner=owner)


@pytest.fixture
def update(action, period, owner):
    return factories.make_update(
        action,
        period,
        state=ActionUpdate.State.SUBMITTED,
        rag=Rag.GREEN,
        progress="On track.",
        submitted_by=owner,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def evidence(update, owner, media):
    return services.add_evidence(
        update=update,
        by=owner,
        upload=SimpleUploadedFile("report.pdf", PDF),
        content_type="application/pdf",
    )


@pytest.fixture
def measure(p1):
    return factories.make_measure(p1, 1, title="Violent offences recorded")


@pytest.fixture
def w(elsewhere, plan, period, p2, action, update, evidence, measure, media) -> SimpleNamespace:
    # The outsider's own partnership has a plan of its own, so "own" pages have something to show.
    elsewhere_plan = factories.make_plan(elsewhere, title="Elsewhere Plan 2020")
    return SimpleNamespace(
        plan=plan,
        period=period,
        action=action,
        update=update,
        evidence=evidence,
        measure=measure,
        media=media,
        edit_url=reverse("actions:edit_update", args=[action.pk, period.pk]),
        reading_url=reverse("actions:edit_reading", args=[measure.pk, period.pk]),
        elsewhere_plan=elsewhere_plan,
        elsewhere_period=factories.make_period(elsewhere_plan, 1),
    )


@pytest.fixture
def users(admin_user, secretary, lead_a, owner, lead_b, officer, viewer, outsider) -> dict:
    return {
        "admin": admin_user,
        "secretary": secretary,
        "lead": lead_a,
        "owner": owner,
        "other_lead": lead_b,
        "officer": officer,
        "viewer": viewer,
        "outsider": outsider,
        "signed_out": None,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def snapshot(w) -> dict:
    """Everything the operations could change, to compare before and after a request."""
    update = ActionUpdate.objects.get(pk=w.update.pk)
    action = Action.objects.get(pk=w.action.pk)
    period = ReportingPeriod.objects.get(pk=w.period.pk)
    return {
        "update": (
            update.version,
            update.state,
            update.rag,
            update.progress,
            update.proposed_deadline,
            update.submitted_by_id,
            update.reviewed_by_id,
        ),
        "updates": ActionUpdate.objects.filter(action__plan=w.plan).count(),
        "action": (action.version, action.priority_id, action.owner_id, action.status, action.deadline),
        "comments": UpdateComment.objects.filter(update=w.update).count(),
        "evidence": sorted(UpdateEvidence.objects.filter(update=w.update).values_list("pk", flat=True)),
        "stored files": sorted(str(p) for p in w.media.rglob("*") if p.is_file()),
        "period": (period.status, period.update_deadline),
        "readings": list(MeasureReading.objects.filter(measure=w.measure).values_list("version", "value")),
    }


def perform(client: Client, w, op: str):
    operation = OPERATIONS[op]
    response = getattr(client, operation.method)(operation.url(w), operation.data(w))
    if hasattr(response, "streaming_content"):
        # Read it through: the test client then finishes the request without closing the
        # database connection (response.close() would, and PostgreSQL tests would lose it).
        b"".join(response.streaming_content)
    return response


CELLS = [pytest.param(role, op, id=f"{role}-{op}") for op in MATRIX for role in ROLES]


@pytest.mark.parametrize("role, op", CELLS)
def test_permission_matrix(role, op, w, users):
    expected, operation = EXPECTED[(role, op)], OPERATIONS[op]
    before = snapshot(w)

    client = client_for(users[role])
    response = perform(client, w, op)

    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    elif expected in (OK, OWN):
        assert response.status_code == operation.ok, response.content[:2000]
        if operation.ok == 302:
            assert not response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected
    if expected == OWN:
        page = client.get(response.url) if response.status_code == 302 else response
        body = page.content.decode()
        assert page.status_code == 200
        assert w.plan.title not in body and w.action.overall_objective not in body
        assert w.elsewhere_plan.title in body
    if expected == OK and operation.method == "post":
        assert snapshot(w) != before, "an allowed POST must change something, or it was silently refused"
    else:
        assert snapshot(w) == before


# --- Focused tests -------------------------------------------------------------------------------


def _normalised(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_outsiders_probing_ids_get_the_same_404_for_real_and_missing_objects(w, outsider):
    client = client_for(outsider)
    missing = 10**9
    probes = [
        ("get", "actions:detail", [w.action.pk], [missing]),
        ("get", "actions:edit_update", [w.action.pk, w.period.pk], [missing, missing]),
        ("post", "actions:edit_update", [w.action.pk, w.period.pk], [missing, missing]),
        ("post", "actions:add_comment", [w.update.pk], [missing]),
        ("post", "actions:upload_evidence", [w.update.pk], [missing]),
        ("get", "actions:evidence", [w.evidence.pk], [missing]),
        ("post", "actions:delete_evidence", [w.evidence.pk], [missing]),
        ("get", "actions:review_period", [w.period.pk], [missing]),
        ("post", "actions:review_update", [w.update.pk], [missing]),
        ("post", "actions:manage_period", [w.period.pk], [missing]),
        ("post", "actions:edit_reading", [w.measure.pk, w.period.pk], [missing, missing]),
    ]
    before = snapshot(w)
    for method, name, real_args, missing_args in probes:
        real = getattr(client, method)(reverse(name, args=real_args))
        absent = getattr(client, method)(reverse(name, args=missing_args))
        assert (name, real.status_code) == (name, 404)
        assert (name, absent.status_code) == (name, 404)
        assert _normalised(real.content.decode()) == _normalised(absent.content.decode()), name
    assert snapshot(w) == before


def test_a_lead_cannot_set_fields_the_update_form_does_not_have(w, lead_a, lead_b, secretary, p2):
    """SEC-06: extra fields posted with a valid update are ignored; only the form's fields change."""
    other_action = factories.make_action(p2, "2.1", owner=lead_b)
    other_period = factories.make_period(w.plan, 2, status=ReportingPeriod.Status.PLANNED)
    version = w.update.version
    tampered = {
        **update_payload(w),
        "priority": p2.pk,
        "owner": lead_b.pk,
        "state": ActionUpdate.State.ACCEPTED,
        "reviewed_by": secretary.pk,
        "action": other_action.pk,
        "period": other_period.pk,
        "submitted_by": lead_b.pk,
    }
    response = client_for(lead_a).post(w.edit_url, tampered)
    assert response.status_code == 302

    update = ActionUpdate.objects.get(pk=w.update.pk)
    assert (update.action_id, update.period_id) == (w.action.pk, w.period.pk)
    assert (update.rag, update.progress, update.recovery_plan) == (
        Rag.AMBER,
        "Two of three ward walkabouts held.",
        "The third is booked for April.",
    )
    assert update.proposed_deadline.isoformat() == "2021-03-31"
    assert update.state == ActionUpdate.State.SUBMITTED
    assert update.submitted_by == lead_a
    assert update.reviewed_by is None
    assert update.version == version + 1
    action = Action.objects.get(pk=w.action.pk)
    assert (action.priority_id, action.owner_id) == (w.action.priority_id, w.action.owner_id)
    assert not ActionUpdate.objects.filter(action=other_action).exists()
    assert not ActionUpdate.objects.filter(period=other_period).exists()


def test_a_posted_version_cannot_be_forced(w, lead_a):
    """SEC-06: a made-up version is a conflict, not a way to overwrite the row."""
    before = snapshot(w)
    response = client_for(lead_a).post(w.edit_url, update_payload(w, version=999))
    assert response.status_code == 409
    assert snapshot(w) == before


WRITES_TO_AN_UPDATE = ["edit_update_post", "evidence_upload_post", "evidence_delete_post"]
# The most powerful role and the person who reports: the rule is the same for everyone in between.
REPORTERS = ["admin", "lead"]


def lock(w, by) -> None:
    url = reverse("actions:manage_period", args=[w.period.pk])
    assert client_for(by).post(url, {"lock-confirm": "on", "lock": ""}).status_code == 302
    assert ReportingPeriod.objects.get(pk=w.period.pk).status == ReportingPeriod.Status.LOCKED


@pytest.mark.parametrize("op", [*WRITES_TO_AN_UPDATE, "edit_reading_post"])
@pytest.mark.parametrize("role", REPORTERS)
def test_a_locked_quarter_is_read_only_for_everyone(role, op, w, users, secretary):
    lock(w, secretary)
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


@pytest.mark.parametrize("role", ["admin", "secretary"])
def test_a_locked_quarters_updates_cannot_be_reviewed(role, w, users, secretary):
    lock(w, secretary)
    before = snapshot(w)
    # The refusal is a message on the review page (a redirect); what matters here is that nothing changed.
    perform(client_for(users[role]), w, "review_update_post")
    assert snapshot(w) == before


@pytest.mark.parametrize("op", WRITES_TO_AN_UPDATE)
@pytest.mark.parametrize("role", REPORTERS)
def test_an_accepted_update_is_frozen_for_everyone(role, op, w, users, secretary):
    services.accept_update(update=w.update, by=secretary, expected_version=w.update.version)
    w.update.refresh_from_db()
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


def date_input(name: str, day: int, month: int, year: int) -> dict:
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


# Each of the quarter page's forms, posted when the quarter is in the state that offers it.
QUARTER_FORMS = {
    "open": (ReportingPeriod.Status.PLANNED, {**date_input("open-update_deadline", 14, 4, 2020), "open": ""}),
    "deadline": (
        ReportingPeriod.Status.OPEN,
        {**date_input("deadline-update_deadline", 30, 4, 2020), "deadline": ""},
    ),
    "lock": (ReportingPeriod.Status.OPEN, {"lock-confirm": "on", "lock": ""}),
    "reopen": (ReportingPeriod.Status.LOCKED, {"reopen-reason": "Figures were late.", "reopen": ""}),
}


@pytest.mark.parametrize("operation", QUARTER_FORMS)
@pytest.mark.parametrize("role", ["secretary", "lead", "viewer"])
def test_only_the_secretary_and_admins_run_the_quarter(role, operation, w, users):
    status, form = QUARTER_FORMS[operation]
    w.period.status = status
    w.period.save()
    before = snapshot(w)

    response = client_for(users[role]).post(reverse("actions:manage_period", args=[w.period.pk]), form)

    if role in ("admin", "secretary"):
        assert response.status_code == 302
        assert snapshot(w)["period"] != before["period"]
    else:
        assert response.status_code == 403
        assert snapshot(w) == before


def test_reopening_a_locked_quarter_needs_a_reason(w, admin_user):
    lock(w, admin_user)
    client = client_for(admin_user)
    url = reverse("actions:manage_period", args=[w.period.pk])

    refused = client.post(url, {"reopen-reason": "  ", "reopen": ""})
    assert refused.status_code == 200
    assert "Enter why you are reopening this quarter" in refused.content.decode()
    assert ReportingPeriod.objects.get(pk=w.period.pk).status == ReportingPeriod.Status.LOCKED

    client.post(url, {"reopen-reason": "The police figures were late.", "reopen": ""})
    period = ReportingPeriod.objects.get(pk=w.period.pk)
    assert period.status == ReportingPeriod.Status.OPEN
    assert period.history.latest().history_change_reason == "Reopened: The police figures were late."


def test_a_django_superuser_of_another_partnership_is_still_an_outsider(w, elsewhere):
    """The partnership wall holds for everyone: Django's superuser flag is for /admin/, not for this."""
    superuser = factories.make_user(elsewhere, Role.ADMIN, is_staff=True, is_superuser=True)
    client = client_for(superuser)
    before = snapshot(w)
    for op in [
        "view_action",
        "edit_update_get",
        "edit_update_post",
        "review_update_post",
        "lock_period_post",
    ]:
        assert (op, perform(client, w, op).status_code) == (op, 404)
    assert snapshot(w) == before

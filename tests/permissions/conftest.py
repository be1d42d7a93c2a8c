"""The permission tests' world: two partnerships, a person in each role of the matrix, and one of
everything the matrix acts on (tests/permissions/operations.py says what each operation does).

Speed: the world is built once for the package inside a transaction; each test runs in a savepoint
inside it (pytest-django's `db`), gets its own copies of the world's objects, and has the media
directory put back afterwards. Clients share one request handler (tests/permissions/clients.py).
"""

import copy
import datetime
import hashlib
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from actions import services
from actions.models import ActionUpdate, BoardNote, Rag
from actions.update_sheet.preview import preview_upload
from governance.models import FederatedIdentity, IdentityProvider, Invitation, Membership, PendingImport, Role
from priorities import approvals
from priorities.models import (
    ApprovalStage,
    EqiaActionItem,
    EqualityImpactAssessment,
    Plan,
    ReportingPeriod,
    Theme,
)
from reports import services as pack_services
from reports.models import IssuedPack
from tests import factories
from tests.fixtures.plan_workbooks import minimal, workbook
from tests.permissions.clients import session_cookie
from tests.permissions.operations import PDF, UPDATE_SHEET_CSV
from tests.reports.pack_helpers import fake_pdf


@pytest.fixture(scope="package")
def fake_pdf_for_package():
    """tests/reports/pack_helpers.fake_pdf while the world lives: packs are made in milliseconds."""
    with pytest.MonkeyPatch.context() as patch:
        yield fake_pdf.__wrapped__(patch)


def build_world(media) -> SimpleNamespace:
    """Two partnerships, a person in each column's role, and one of everything the matrix acts on."""
    walsall = factories.make_partnership("Safer Test Partnership")
    elsewhere = factories.make_partnership("Elsewhere Partnership")
    police = factories.make_organisation(walsall, "Test Police")
    make_user = factories.make_user
    users = {
        "admin": make_user(walsall, Role.ADMIN, full_name="Ada Admin"),
        "secretary": make_user(walsall, Role.SECRETARY, full_name="Sam Secretary"),
        "lead": make_user(walsall, Role.CONTRIBUTOR, full_name="Alice Lead", organisation=police),
        "owner": make_user(walsall, Role.CONTRIBUTOR, full_name="Olu Owner"),
        "other_lead": make_user(walsall, Role.CONTRIBUTOR, full_name="Bob Lead"),
        "officer": make_user(walsall, Role.CONTRIBUTOR, full_name="Pat Partner-Officer"),
        "viewer": make_user(walsall, Role.VIEWER, full_name="Vic Viewer"),
        "outsider": make_user(elsewhere, Role.ADMIN, full_name="Charlie Outsider"),
        "signed_out": None,
    }
    secretary = users["secretary"]

    plan = factories.make_plan(walsall, title="Test Plan 2020")
    # Council approved it: the trail agrees with the plan being active, so another step keeps it so.
    approvals.record_step(
        plan=plan,
        stage=ApprovalStage.COUNCIL,
        date=datetime.date(2019, 11, 20),
        outcome="approved",
        by=secretary,
    )
    period = factories.make_period(plan, quarter=1)  # open
    p1 = factories.make_priority(
        plan, 1, title="Violence reduction", lead_organisation=police, lead_officer=users["lead"]
    )
    p2 = factories.make_priority(
        plan,
        2,
        title="Prevent extremist activity",
        lead_officer=users["other_lead"],
        lead_support_officer_name="Sue Support",  # named in the plan, with no account
    )
    action = factories.make_action(p1, "1.1", owner=users["owner"])
    # The owner still owes this one's update, so the secretary has someone to chase.
    factories.make_action(p1, "1.9", objective="Train frontline staff", owner=users["owner"])
    action.responsible_organisations.add(police)
    theme = Theme.objects.create(plan=plan, name="Domestic abuse")
    theme.priorities.add(p1)
    action.themes.add(theme)
    update = factories.make_update(
        action,
        period,
        state=ActionUpdate.State.SUBMITTED,
        rag=Rag.GREEN,
        progress="On track.",
        submitted_by=users["owner"],
        submitted_at=timezone.now(),
    )
    evidence = services.add_evidence(
        update=update,
        by=users["owner"],
        upload=SimpleUploadedFile("report.pdf", PDF),
        content_type="application/pdf",
    )
    measure = factories.make_measure(p1, 1, title="Violent offences recorded")
    # The lead's commentary on P1 for the quarter, submitted for review.
    note = BoardNote.objects.create(
        period=period,
        kind=BoardNote.Kind.COMMENTARY,
        priority=p1,
        text="Listening events are on hold.",
        state=BoardNote.State.SUBMITTED,
        written_by=users["lead"],
        submitted_at=timezone.now(),
    )

    # Q2 is locked, for the board's July meeting, and its pack was issued; Q1's pack failed.
    board = factories.make_board(walsall, "Safer Test Board")
    meeting = factories.make_meeting(board, datetime.date(2020, 7, 21), title="July board")
    q2 = factories.make_period(plan, quarter=2, status=ReportingPeriod.Status.LOCKED)
    q2.meeting = meeting
    q2.save()
    issued_pack = pack_services.request_pack(plan=plan, period=q2, user=secretary, marking="OFFICIAL")
    assert issued_pack.is_issued
    issued_pack = IssuedPack.objects.defer("read_model").get(pk=issued_pack.pk)  # lighter to copy
    failed_pack = IssuedPack.objects.create(
        plan=plan,
        period=period,
        state=IssuedPack.State.FAILED,
        failure_message="The PDF could not be made.",
        issued_by=secretary,
    )

    eqia = EqualityImpactAssessment.objects.create(plan=plan, proposal_name="Test Plan 2020")
    eqia_item = EqiaActionItem.objects.create(
        eqia=eqia, order=1, action="Publish an easy-read summary", responsibility="Community safety officer"
    )
    draft = factories.make_plan(
        walsall,
        title="Test Plan 2022",
        published=False,
        status=Plan.Status.DRAFT,
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
    )

    # The outsider's own partnership has a plan of its own, so "own" pages have something to show.
    elsewhere_plan = factories.make_plan(elsewhere, title="Elsewhere Plan 2020")
    approvals.record_step(
        plan=elsewhere_plan,
        stage=ApprovalStage.COUNCIL,
        date=datetime.date(2019, 11, 20),
        outcome="approved",
        by=users["outsider"],
    )
    factories.make_board(elsewhere, "Elsewhere Board")
    # The lead's update sheet, uploaded and previewed but not yet confirmed.
    pending_sheet = PendingImport.objects.create(
        kind=PendingImport.Kind.UPDATE_SHEET,
        partnership=walsall,
        created_by=users["lead"],
        original_name="updates.csv",
        file_format="csv",
        content=UPDATE_SHEET_CSV,
        sha256=hashlib.sha256(UPDATE_SHEET_CSV).hexdigest(),
        context={"plan": plan.pk, "period": period.pk},
    )
    pending_sheet_digest = preview_upload(
        data=UPDATE_SHEET_CSV, fmt="csv", user=users["lead"], plan=plan, period=period
    ).digest()
    # A whole-plan workbook the admin has uploaded and not yet confirmed.
    plan_workbook = workbook(minimal())
    pending_plan = PendingImport.objects.create(
        kind=PendingImport.Kind.PLAN_WORKBOOK,
        partnership=walsall,
        created_by=users["admin"],
        original_name="plan.xlsx",
        file_format="xlsx",
        content=plan_workbook,
        sha256=hashlib.sha256(plan_workbook).hexdigest(),
    )
    # People: someone invited and not yet answered, and someone who left and was deactivated.
    invitation = Invitation.objects.create(
        partnership=walsall, email="invited@example.org", full_name="Ines Invited", role=Role.VIEWER
    )
    former = make_user(walsall, Role.VIEWER, full_name="Fran Former", is_active=False)
    Membership.objects.filter(user=former).update(ended_at=timezone.now())
    factories.make_action(
        factories.make_priority(elsewhere_plan, 1, title="Elsewhere's priority"),
        "1.1",
        overall_objective="Elsewhere's own objective",
    )
    # The viewer signs in with their organisation's account (switched off here, so that every other
    # sign-in is as before): the partnership admin may unlink them.
    provider = IdentityProvider.objects.create(
        name="Test Police sign-in",
        slug="test-police",
        issuer="https://login.example.org/",
        client_id="c",
        client_secret_name="SWP_OIDC_TEST",
        enabled=False,
    )
    FederatedIdentity.objects.create(user=users["viewer"], provider=provider, subject="viewer-at-police")
    return SimpleNamespace(
        walsall=walsall,
        elsewhere=elsewhere,
        police=police,
        users=users,
        plan=plan,
        period=period,
        p1=p1,
        p2=p2,
        action=action,
        theme=theme,
        update=update,
        note=note,
        evidence=evidence,
        measure=measure,
        board=board,
        meeting=meeting,
        q2=q2,
        issued_pack=issued_pack,
        failed_pack=failed_pack,
        eqia_item=eqia_item,
        draft=draft,
        pending_sheet=pending_sheet,
        pending_sheet_digest=pending_sheet_digest,
        plan_workbook=plan_workbook,
        pending_plan=pending_plan,
        invitation=invitation,
        viewer_membership=Membership.objects.get(user=users["viewer"]),
        former_membership=Membership.objects.get(user=former),
        media=media,
        edit_url=reverse("actions:edit_update", args=[action.pk, period.pk]),
        reading_url=reverse("actions:edit_reading", args=[measure.pk, period.pk]),
        elsewhere_plan=elsewhere_plan,
        elsewhere_period=factories.make_period(elsewhere_plan, 1),
        # Text that shows whose data a page is about, for the "own" check.
        walsall_marks=["Safer Test Partnership", plan.title, action.overall_objective, board.name],
        elsewhere_marks=[
            "Elsewhere Partnership",
            elsewhere_plan.title,
            "Elsewhere's own objective",
            "Elsewhere Board",
        ],
    )


def _files(media) -> dict:
    return {path: path.read_bytes() for path in media.rglob("*") if path.is_file()}


@pytest.fixture
def two_factor_enforced(settings):
    """The matrix holds with two-factor authentication required, as in production.

    The world's sessions are made once for the package, so the idle timeout is set long enough for a
    slow run of it not to sign them out.
    """
    settings.SWP_REQUIRE_TWO_FACTOR = True
    settings.SWP_IDLE_TIMEOUT_SECONDS = settings.SWP_SESSION_MAX_SECONDS = 24 * 3600


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory, fake_pdf_for_package):
    """The world, built once for the package in a transaction that is rolled back at its end."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world(media)
            built.files = _files(media)
            built.sessions = {role: session_cookie(user) for role, user in built.users.items() if user}
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def w(world, db):
    """The world for one test: its own copies of the objects; the database and files as built."""
    yield copy.deepcopy(world)
    # The savepoint puts the database back; files written or removed are put back here.
    now = _files(world.media)
    for path in now.keys() - world.files.keys():
        path.unlink()
    for path, content in world.files.items():
        if now.get(path) != content:
            path.write_bytes(content)


@pytest.fixture
def users(w) -> dict:
    return w.users

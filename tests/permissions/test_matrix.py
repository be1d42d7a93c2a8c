"""The permission matrix of docs/permissions.md, cell by cell, over every URL (SEC-05, SEC-06).

MATRIX below is the doc's table: one row per operation, one column per role. Each cell is run
by one parametrised test, which also checks that a refused request changed nothing and that an
allowed POST really did change something (a redirect alone could hide a silent refusal).
test_every_url_is_in_the_matrix walks the URLconf, so a new page without a row fails, and
test_the_doc_and_the_test_have_the_same_matrix reads the doc's table and compares it with MATRIX.
A cell the app gets wrong is listed in KNOWN_BUGS (a strict xfail) until the view is fixed.

Speed: the world is built once per module inside a transaction; each test runs in a savepoint
inside it (pytest-django's `db`), gets its own copies of the world's objects, and has the media
directory put back afterwards. Clients share one request handler, because each new handler makes
WhiteNoise scan every static file again (about a tenth of a second a time).
"""

import copy
import datetime
import hashlib
import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from actions import services
from actions.models import Action, ActionUpdate, Rag
from actions.update_sheet_import import build_plan as build_update_sheet_plan
from governance.models import Meeting, PendingImport, Role
from priorities import approvals
from priorities.models import (
    ApprovalStage,
    EqiaActionItem,
    EqualityImpactAssessment,
    MeasureReading,
    Plan,
    ReportingPeriod,
    Theme,
)
from reports import services as pack_services
from reports.models import IssuedPack
from tests import factories
from tests.fixtures.plan_workbooks import minimal, workbook
from tests.reports.pack_helpers import fake_pdf

PDF = b"%PDF-1.4\n%%EOF"
# A lead's update sheet as people write them: just the item number and this quarter's progress.
UPDATE_SHEET_CSV = b"Ref,Progress\r\n1.1,Now with the ward names.\r\n"

OK = "ok"  # allowed: the operation's own success status, Operation.ok (200, or 302 for a redirect)
OWN = "own"  # a page about "your partnership": an outsider gets their own, never walsall's
SIGN_IN = "sign in"  # redirected to the sign-in page

# lead: leads P1, the action's priority; owner: owns the action; other_lead: leads P2;
# officer: a partner officer (contributor) who leads and owns nothing; outsider: admin of `elsewhere`.
ROLES = ("admin", "secretary", "lead", "owner", "other_lead", "officer", "viewer", "outsider", "signed_out")

# fmt: off
MATRIX = {
    # columns are ROLES:      admin  secr.  lead   owner  o.lead off.   viewer outs.  signed out
    # The plan's actions and the quarterly update cycle
    "view_plan":             (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "download_actions_csv":  (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "download_actions_xlsx": (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
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
    # Board packs
    "view_packs":            (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "pack_preview_get":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_issue_get":        (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_issue_post":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_status_get":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "pack_retry_post":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_download_get":     (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    # Dashboard, partner and theme pages
    "view_dashboard":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_partner":          (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_theme":            (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    # Governance: boards, meetings, decisions
    "view_structure":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_meetings":         (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_meeting":          (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_decisions":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "record_decision_get":   (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_decision_post":  (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_attendance_get": (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_attendance_post": (OK,   OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    # The plan's statutory records
    "view_approvals":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "record_approval_get":   (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "record_approval_post":  (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "view_assessment":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_consultation":     (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_equality":         (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "eqia_action_done_post": (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    # Next year's plan
    "roll_forward_get":      (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "roll_forward_post":     (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "delete_draft_post":     (OK,    403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    # The lead's update sheet: for those who may update actions; a pending upload is its uploader's
    "update_sheet_download_get": (OK, OK,   OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_upload_get": (OK,  OK,    OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_upload_post": (OK, OK,    OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_preview_get": (404, 404,  OK,    404,   403,   403,   403,   404,   SIGN_IN),
    "update_sheet_confirm_post": (404, 404, OK,    404,   403,   403,   403,   404,   SIGN_IN),
    # Whole-plan workbooks: loading a plan is the partnership admin's; exporting is any member's
    "plan_workbooks_get":    (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "plan_workbook_template_get": (OK, 403, 403,   403,   403,   403,   403,   OK,    SIGN_IN),
    "plan_workbook_upload_get": (OK, 403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "plan_workbook_upload_post": (OK, 403,  403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "plan_workbook_preview_get": (OK, 403,  403,   403,   403,   403,   403,   404,   SIGN_IN),
    "plan_workbook_confirm_post": (OK, 403, 403,   403,   403,   403,   403,   404,   SIGN_IN),
    "view_plan_workbook_plan": (OK,  OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "export_plan_xlsx":      (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "export_plan_csv":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
}
# fmt: on
EXPECTED = {(role, op): cell for op, row in MATRIX.items() for role, cell in zip(ROLES, row, strict=True)}

# Cells where the app does not yet give the matrix's answer: (role, op) -> what is wrong and where.
# Each is a strict xfail, so fixing the view makes the test fail until its line here is removed.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


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


def date_input(name: str, day: int, month: int, year: int) -> dict:
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


def approval_payload(w) -> dict:
    """Scrutiny noted the plan, after council approved it: a step that leaves the plan active."""
    return {
        "stage": ApprovalStage.SCRUTINY,
        "outcome": "noted",
        "body": "",
        "notes": "",
        **date_input("date", 10, 12, 2019),
    }


@dataclass(frozen=True)
class Operation:
    method: str
    url: Callable[[SimpleNamespace], str]
    data: Callable[[SimpleNamespace], dict] = lambda w: {}
    ok: int = 200


def get(url: Callable[[SimpleNamespace], str], ok: int = 200) -> Operation:
    return Operation("get", url, ok=ok)


def post(
    url: Callable[[SimpleNamespace], str], data: Callable[[SimpleNamespace], dict] = lambda w: {}
) -> Operation:
    return Operation("post", url, data, ok=302)


OPERATIONS = {
    "view_plan": get(lambda w: reverse("actions:plan")),
    "download_actions_csv": get(lambda w: reverse("actions:plan") + "?format=csv"),
    "download_actions_xlsx": get(lambda w: reverse("actions:plan") + "?format=xlsx"),
    "view_action": get(lambda w: reverse("actions:detail", args=[w.action.pk])),
    "view_my_updates": get(lambda w: reverse("actions:my_updates")),
    "edit_update_get": get(lambda w: w.edit_url),
    "edit_update_post": post(lambda w: w.edit_url, update_payload),
    "comment_post": post(
        lambda w: reverse("actions:add_comment", args=[w.update.pk]),
        lambda w: {"body": "Can you add the ward names?"},
    ),
    "evidence_upload_post": post(
        lambda w: reverse("actions:upload_evidence", args=[w.update.pk]),
        lambda w: {"file": SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf")},
    ),
    "evidence_download_get": get(lambda w: reverse("actions:evidence", args=[w.evidence.pk])),
    "evidence_delete_get": get(lambda w: reverse("actions:delete_evidence", args=[w.evidence.pk])),
    "evidence_delete_post": post(lambda w: reverse("actions:delete_evidence", args=[w.evidence.pk])),
    "review_start_get": get(lambda w: reverse("actions:review"), ok=302),
    "review_period_get": get(lambda w: reverse("actions:review_period", args=[w.period.pk])),
    "review_update_get": get(lambda w: reverse("actions:review_update", args=[w.update.pk])),
    "review_update_post": post(
        lambda w: reverse("actions:review_update", args=[w.update.pk]),
        lambda w: {"decision": "accept", "comment": "", "version": w.update.version},
    ),
    "manage_period_get": get(lambda w: reverse("actions:manage_period", args=[w.period.pk])),
    "lock_period_post": post(
        lambda w: reverse("actions:manage_period", args=[w.period.pk]),
        lambda w: {"lock-confirm": "on", "lock": ""},
    ),
    "edit_reading_get": get(lambda w: w.reading_url),
    "edit_reading_post": post(lambda w: w.reading_url, lambda w: {"value": "12", "version": 0}),
    # Board packs: Q2 is locked and has revision 1 issued; Q1's first attempt failed.
    "view_packs": get(lambda w: reverse("reports:packs")),
    "pack_preview_get": get(lambda w: reverse("reports:pack_preview", args=[w.q2.pk])),
    "pack_issue_get": get(lambda w: reverse("reports:pack_issue", args=[w.q2.pk])),
    "pack_issue_post": post(
        lambda w: reverse("reports:pack_issue", args=[w.q2.pk]),
        lambda w: {
            "meeting": w.meeting.pk,
            "protective_marking": "OFFICIAL",
            "reason": "An update for action 1.1 was accepted after the pack was issued.",
        },
    ),
    "pack_status_get": get(lambda w: reverse("reports:pack_status", args=[w.issued_pack.pk])),
    "pack_retry_post": post(lambda w: reverse("reports:pack_retry", args=[w.failed_pack.pk])),
    "pack_download_get": get(lambda w: reverse("reports:pack_download", args=[w.issued_pack.pk])),
    "view_dashboard": get(lambda w: reverse("reports:dashboard")),
    "view_partner": get(lambda w: reverse("reports:partner", args=[w.police.pk])),
    "view_theme": get(lambda w: reverse("reports:theme", args=[w.theme.pk])),
    "view_structure": get(lambda w: reverse("governance:structure")),
    "view_meetings": get(lambda w: reverse("governance:meetings")),
    "view_meeting": get(lambda w: reverse("governance:meeting", args=[w.meeting.pk])),
    "view_decisions": get(lambda w: reverse("governance:decisions")),
    "record_decision_get": get(lambda w: reverse("governance:record_decision", args=[w.meeting.pk])),
    "record_decision_post": post(
        lambda w: reverse("governance:record_decision", args=[w.meeting.pk]),
        lambda w: {"kind": "decision", "text": "Noted the Q2 board pack"},
    ),
    "record_attendance_get": get(lambda w: reverse("governance:record_attendance", args=[w.meeting.pk])),
    "record_attendance_post": post(
        lambda w: reverse("governance:record_attendance", args=[w.meeting.pk]),
        lambda w: {"name": "Guest Speaker", "position": "in_attendance", "status": "apologies"},
    ),
    "view_approvals": get(lambda w: reverse("priorities:approvals")),
    "record_approval_get": get(lambda w: reverse("priorities:record_approval")),
    "record_approval_post": post(lambda w: reverse("priorities:record_approval"), approval_payload),
    "view_assessment": get(lambda w: reverse("priorities:assessment")),
    "view_consultation": get(lambda w: reverse("priorities:consultation")),
    "view_equality": get(lambda w: reverse("priorities:equality")),
    "eqia_action_done_post": post(lambda w: reverse("priorities:eqia_action_done", args=[w.eqia_item.pk])),
    "roll_forward_get": get(lambda w: reverse("actions:roll_forward")),
    "roll_forward_post": post(lambda w: reverse("actions:roll_forward")),
    "delete_draft_post": post(lambda w: reverse("actions:delete_draft", args=[w.draft.pk])),
    "update_sheet_download_get": get(lambda w: reverse("actions:update_sheet_download")),
    "update_sheet_upload_get": get(lambda w: reverse("actions:update_sheet_upload")),
    "update_sheet_upload_post": post(
        lambda w: reverse("actions:update_sheet_upload"),
        lambda w: {"file": SimpleUploadedFile("updates.csv", UPDATE_SHEET_CSV)},
    ),
    "update_sheet_preview_get": get(
        lambda w: reverse("actions:update_sheet_preview", args=[w.pending_sheet.pk])
    ),
    "update_sheet_confirm_post": post(
        lambda w: reverse("actions:update_sheet_confirm", args=[w.pending_sheet.pk]),
        lambda w: {"digest": w.pending_sheet_digest},
    ),
    "plan_workbooks_get": get(lambda w: reverse("plan_workbook:index")),
    "plan_workbook_template_get": get(lambda w: reverse("plan_workbook:template")),
    "plan_workbook_upload_get": get(lambda w: reverse("plan_workbook:upload")),
    "plan_workbook_upload_post": post(
        lambda w: reverse("plan_workbook:upload"),
        lambda w: {"file": SimpleUploadedFile("plan.xlsx", w.plan_workbook)},
    ),
    "plan_workbook_preview_get": get(lambda w: reverse("plan_workbook:preview", args=[w.pending_plan.pk])),
    "plan_workbook_confirm_post": post(lambda w: reverse("plan_workbook:confirm", args=[w.pending_plan.pk])),
    "view_plan_workbook_plan": get(lambda w: reverse("plan_workbook:plan", args=[w.plan.pk])),
    "export_plan_xlsx": get(lambda w: reverse("plan_workbook:export", args=[w.plan.pk]) + "?format=xlsx"),
    "export_plan_csv": get(lambda w: reverse("plan_workbook:export", args=[w.plan.pk]) + "?format=csv"),
}
assert set(OPERATIONS) == set(MATRIX)

# Named URLs that are not partnership data, so have no row. Anything else must be in OPERATIONS.
EXEMPT = {
    "healthz": "public health check for the load balancer: says only whether the database answers",
    "login": "sign-in page, open to everyone (SEC-07, SEC-08)",
    "logout": "sign-out, POST only, for whoever is signed in (SEC-09; CSRF in test_csrf_everywhere.py)",
    "password_change": "Django's page for changing your own password: signed in, no partnership data",
    "password_change_done": "Django's confirmation after changing your own password",
    "password_reset": "Django's forgotten-password form, open to everyone; says nothing about who exists",
    "password_reset_done": "Django's 'check your email' page",
    "password_reset_confirm": "Django's reset link page; only a valid emailed token lets anyone in",
    "password_reset_complete": "Django's 'password reset' confirmation",
    "accessibility": "the public accessibility statement (A11Y-11)",
    "reports:home": "the public home page, listing published plans",
    "reports:public_plan": "a published plan's public progress page (tests/reports/test_public_pages.py)",
    "governance:choose": "the partnership chooser: lists and chooses only your own memberships "
    "(tests/governance/test_choose_partnership.py)",
    "actions:start": "after sign-in, a redirect to the review, your updates or the plan by role "
    "(tests/actions/test_plan_page.py)",
    # Two-factor authentication (SEC-10): each person's own second factor, no partnership data.
    "two_factor:manage": "your own two-factor settings (tests/test_two_factor.py)",
    "two_factor:set_up": "setting up your own authenticator app (tests/test_two_factor.py)",
    "two_factor:recovery_codes": "your own new recovery codes, shown once (tests/test_two_factor.py)",
    "two_factor:verify": "the code after your password (tests/test_two_factor.py)",
    "two_factor:recovery": "a recovery code instead of the app's code (tests/test_two_factor.py)",
    "two_factor:new_recovery_codes": "replacing your own recovery codes (tests/test_two_factor.py)",
    "two_factor:turn_off": "turning off your own optional 2FA, with a code (tests/test_two_factor.py)",
    "session:extend": "'Stay signed in': POST only, your own session (tests/test_session_timeout.py)",
    "session:status": "seconds left in your own session; not activity (tests/test_session_timeout.py)",
}


# --- The world: walsall's plan with an action, its update, a file, a measure, packs, meetings… --


@pytest.fixture(scope="module")
def fake_pdf_for_module():
    """tests/reports/pack_helpers.fake_pdf for the whole module: packs are made in milliseconds."""
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
        plan, 2, title="Prevent extremist activity", lead_officer=users["other_lead"]
    )
    action = factories.make_action(p1, "1.1", owner=users["owner"])
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
    pending_sheet_digest = build_update_sheet_plan(
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
    factories.make_action(
        factories.make_priority(elsewhere_plan, 1, title="Elsewhere's priority"),
        "1.1",
        overall_objective="Elsewhere's own objective",
    )
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


def verified(client: Client, user) -> Client:
    """Sign the client in as the user, with the second factor given (SEC-10 is enforced here).

    The user gets a confirmed authenticator app if they have none, and the session records it as
    django_otp.login would after a right code: what every role's session looks like in production.
    """
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Test app", "confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _signed_in(user) -> str:
    return verified(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(autouse=True)
def two_factor_enforced(settings):
    """The matrix holds with two-factor authentication required, as in production.

    The world's sessions are made once for the module, so the idle timeout is set long enough for a
    slow run of it not to sign them out.
    """
    settings.SWP_REQUIRE_TWO_FACTOR = True
    settings.SWP_IDLE_TIMEOUT_SECONDS = settings.SWP_SESSION_MAX_SECONDS = 24 * 3600


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory, fake_pdf_for_module):
    """The world, built once for the module in a transaction that is rolled back at its end."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world(media)
            built.files = _files(media)
            built.sessions = {role: _signed_in(user) for role, user in built.users.items() if user}
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


_HANDLERS = {}


def client_for(user, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    # Reuse one handler (its middleware): a new one costs a WhiteNoise scan of every static file.
    client.handler = _HANDLERS.setdefault(enforce_csrf_checks, client.handler)
    if user is not None:
        verified(client, user)
    return client


def client_as(w, role: str, *, enforce_csrf_checks: bool = False) -> Client:
    """A client signed in as the world's person in that column, with the session made with the world."""
    client = client_for(None, enforce_csrf_checks=enforce_csrf_checks)
    if role in w.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[role]
    return client


def rows(queryset, *fields) -> list:
    """The fields of every row, in an order that does not depend on ids (PostgreSQL and SQLite alike)."""
    return sorted(queryset.order_by().values_list(*fields), key=repr)


def snapshot(w) -> dict:
    """Everything the operations could change, to compare before and after a request (nine queries)."""
    updates = ActionUpdate.objects.filter(action__plan=w.plan).annotate(
        comments_=Count("comments", distinct=True), evidence_=Count("evidence", distinct=True)
    )
    meetings = Meeting.objects.filter(board__partnership=w.walsall).annotate(
        decisions_=Count("decisions", distinct=True), attendance_=Count("attendance", distinct=True)
    )
    plans = Plan.objects.filter(partnership=w.walsall).annotate(steps_=Count("approval_steps"))
    return {
        "updates": rows(
            updates,
            *(
                "action__reference",
                "period__label",
                "version",
                "state",
                "rag",
                "progress",
                "proposed_deadline",
            ),
            *("submitted_by_id", "reviewed_by_id", "comments_", "evidence_"),
        ),
        "actions": rows(
            Action.objects.filter(plan=w.plan),
            "reference",
            "version",
            "priority_id",
            "owner_id",
            "status",
            "deadline",
        ),
        "stored files": sorted(str(p) for p in w.media.rglob("*") if p.is_file()),
        "periods": rows(ReportingPeriod.objects.filter(plan=w.plan), "label", "status", "update_deadline"),
        "readings": rows(
            MeasureReading.objects.filter(measure=w.measure), "period__label", "version", "value"
        ),
        "packs": rows(IssuedPack.objects.filter(plan=w.plan), "period__label", "revision", "state", "reason"),
        "meetings": rows(meetings, "date", "decisions_", "attendance_"),
        "plans": rows(plans, "title", "status", "steps_"),
        "eqia actions": rows(EqiaActionItem.objects.filter(eqia__plan=w.plan), "order", "done", "done_by_id"),
        "pending imports": rows(
            PendingImport.objects.filter(partnership=w.walsall), "kind", "original_name", "applied_at"
        ),
    }


def perform(client: Client, w, op: str):
    operation = OPERATIONS[op]
    response = getattr(client, operation.method)(operation.url(w), operation.data(w))
    if hasattr(response, "streaming_content"):
        # Read it through: the test client then finishes the request without closing the
        # database connection (response.close() would, and PostgreSQL tests would lose it).
        response.streamed = b"".join(response.streaming_content)
    return response


def text_of(response) -> str:
    """What a person would read: the page, or a download's name and its cells."""
    content = getattr(response, "streamed", None)
    if content is None:
        content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        body = " ".join(
            str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v
        )
    else:
        body = content.decode(errors="replace")
    return response.get("Content-Disposition", "") + "\n" + body


def _cell(role: str, op: str):
    marks = (
        [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(role, op)])] if (role, op) in KNOWN_BUGS else []
    )
    return pytest.param(role, op, id=f"{role}-{op}", marks=marks)


CELLS = [_cell(role, op) for op in MATRIX for role in ROLES]


@pytest.mark.parametrize("role, op", CELLS)
def test_permission_matrix(role, op, w, users):
    expected, operation = EXPECTED[(role, op)], OPERATIONS[op]
    before = snapshot(w)

    client = client_as(w, role)
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
        assert page.status_code == 200
        body = text_of(page)
        assert [mark for mark in w.walsall_marks if mark in body] == []
        assert any(mark in body for mark in w.elsewhere_marks), body[:2000]
    if expected == OK and operation.method == "post":
        assert snapshot(w) != before, "an allowed POST must change something, or it was silently refused"
    else:
        assert snapshot(w) == before


# --- Every URL has a row ----------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str | None  # with its namespaces, as reverse() takes it
    route: str  # the whole path, as the URLconf spells it
    view: Callable


def url_patterns(patterns=None, namespace: str = "", prefix: str = ""):
    """Every pattern in the URLconf, following includes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from url_patterns(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else None
            yield Route(name, route, pattern.callback)


def matrix_url_names(w) -> dict[str, str]:
    """The URL name each operation exercises."""
    return {op: resolve(operation.url(w).split("?")[0]).view_name for op, operation in OPERATIONS.items()}


def test_every_url_is_in_the_matrix(w):
    covered = set(matrix_url_names(w).values())
    staff_urls = [url for url in url_patterns() if not url.route.startswith("admin/")]

    unnamed = [url.route for url in staff_urls if url.name is None]
    assert unnamed == [], "Give these URL patterns a name, and add them to the permission matrix"
    names = {url.name for url in staff_urls}
    missing = sorted(names - covered - EXEMPT.keys())
    assert missing == [], (
        f"{missing}: add a row for each to MATRIX and OPERATIONS in tests/test_permission_matrix.py and to "
        "the table in docs/permissions.md (or, if it is not partnership data, to EXEMPT with the reason)"
    )
    stale = sorted(EXEMPT.keys() - names)
    assert stale == [], f"{stale} are no longer in the URLconf: remove them from EXEMPT"
    both = sorted(covered & EXEMPT.keys())
    assert both == [], f"{both} have rows in the matrix: remove them from EXEMPT"


DOC = Path(__file__).resolve().parent.parent / "docs" / "permissions.md"
DOC_CELLS = {"✓": OK, "own": OWN, "sign in": SIGN_IN, "403": 403, "404": 404}


def doc_matrix() -> dict[str, list[tuple]]:
    """The doc's matrix: each test id with the cells of the rows that name it."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("## The matrix") :].split("\n## ")[0]
    found: dict[str, list[tuple]] = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 + len(ROLES) + 1 or cells[0] in ("Object", "---"):
            continue
        test_id = re.search(r"`(\w+)`", cells[-1])
        assert test_id, f"No test id in the doc's row: {line}"
        found.setdefault(test_id[1], []).append(tuple(DOC_CELLS[cell] for cell in cells[3:-1]))
    return found


def test_the_doc_and_the_test_have_the_same_matrix():
    documented = doc_matrix()
    assert sorted(documented) == sorted(MATRIX), "docs/permissions.md and MATRIX list different operations"
    for op, rows in documented.items():
        for row in rows:
            assert row == MATRIX[op], f"{op}: the doc says {row}, the test {MATRIX[op]}"


# --- Focused tests -------------------------------------------------------------------------------

MISSING = 10**9


def _normalised(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def _missing(value):
    """An id of the same kind that names nothing: a number, or a UUID for pending uploads."""
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=0)
    return MISSING if isinstance(value, int) else value


def _with_missing_ids(url: str) -> str:
    path, _, query = url.partition("?")
    match = resolve(path)
    kwargs = {key: _missing(value) for key, value in match.kwargs.items()}
    return reverse(match.view_name, kwargs=kwargs) + (f"?{query}" if query else "")


PROBED = [op for op in MATRIX if EXPECTED[("outsider", op)] == 404]


@pytest.mark.parametrize("op", PROBED)
def test_outsiders_probing_ids_get_the_same_404_for_real_and_missing_objects(op, w, users):
    """Sequential-ID probing leaks nothing: another partnership's object is 'Page not found'."""
    client, operation = client_for(users["outsider"]), OPERATIONS[op]
    url = operation.url(w)
    absent_url = _with_missing_ids(url)
    assert absent_url != url
    before = snapshot(w)

    real = getattr(client, operation.method)(url, operation.data(w))
    absent = getattr(client, operation.method)(absent_url, operation.data(w))

    assert (real.status_code, absent.status_code) == (404, 404)
    assert _normalised(real.content.decode()) == _normalised(absent.content.decode())
    assert snapshot(w) == before


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.CONTRIBUTOR, Role.VIEWER])
def test_an_outsider_of_any_role_learns_nothing_from_ids(role, w):
    """The outsider column is an admin elsewhere; with any other role there, ids still tell nothing.

    Where the person's own role would refuse the change anyway (deleting a draft is for admins),
    they may be told 403 rather than 404, but the same for a real id as for a made-up one.
    """
    client = client_for(factories.make_user(w.elsewhere, role))
    before = snapshot(w)
    answers = {}
    for op in PROBED:
        operation = OPERATIONS[op]
        real = getattr(client, operation.method)(operation.url(w), operation.data(w))
        absent = getattr(client, operation.method)(_with_missing_ids(operation.url(w)), operation.data(w))
        same = _normalised(real.content.decode()) == _normalised(absent.content.decode())
        answers[op] = (real.status_code, absent.status_code, same)
    assert {
        op: answer for op, answer in answers.items() if answer not in ((404, 404, True), (403, 403, True))
    } == {}
    assert snapshot(w) == before


def test_a_lead_cannot_set_fields_the_update_form_does_not_have(w, users):
    """SEC-06: extra fields posted with a valid update are ignored; only the form's fields change."""
    lead_a, lead_b, secretary = users["lead"], users["other_lead"], users["secretary"]
    other_action = factories.make_action(w.p2, "2.1", owner=lead_b)
    other_period = factories.make_period(w.plan, 3, status=ReportingPeriod.Status.PLANNED)
    version = w.update.version
    tampered = {
        **update_payload(w),
        "priority": w.p2.pk,
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


def test_a_posted_version_cannot_be_forced(w, users):
    """SEC-06: a made-up version is a conflict, not a way to overwrite the row."""
    before = snapshot(w)
    response = client_for(users["lead"]).post(w.edit_url, update_payload(w, version=999))
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
def test_a_locked_quarter_is_read_only_for_everyone(role, op, w, users):
    lock(w, users["secretary"])
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


@pytest.mark.parametrize("role", ["admin", "secretary"])
def test_a_locked_quarters_updates_cannot_be_reviewed(role, w, users):
    lock(w, users["secretary"])
    before = snapshot(w)
    # The refusal is a message on the review page (a redirect); what matters here is that nothing changed.
    perform(client_for(users[role]), w, "review_update_post")
    assert snapshot(w) == before


@pytest.mark.parametrize("op", WRITES_TO_AN_UPDATE)
@pytest.mark.parametrize("role", REPORTERS)
def test_an_accepted_update_is_frozen_for_everyone(role, op, w, users):
    services.accept_update(update=w.update, by=users["secretary"], expected_version=w.update.version)
    w.update.refresh_from_db()
    before = snapshot(w)

    response = perform(client_for(users[role]), w, op)

    assert response.status_code == 403
    assert snapshot(w) == before


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
        assert snapshot(w)["periods"] != before["periods"]
    else:
        assert response.status_code == 403
        assert snapshot(w) == before


def test_reopening_a_locked_quarter_needs_a_reason(w, users):
    admin_user = users["admin"]
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


def test_a_django_superuser_of_another_partnership_is_still_an_outsider(w):
    """The partnership wall holds for everyone: Django's superuser flag is for /admin/, not for this."""
    superuser = factories.make_user(w.elsewhere, Role.ADMIN, is_staff=True, is_superuser=True)
    client = client_for(superuser)
    before = snapshot(w)
    refused = [op for op in MATRIX if EXPECTED[("outsider", op)] == 404]
    for op in refused:
        assert (op, perform(client, w, op).status_code) == (op, 404)
    assert snapshot(w) == before

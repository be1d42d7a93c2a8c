"""What each row of the permission matrix does: the request (OPERATIONS), and everything it could
change (snapshot), compared before and after."""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from actions.models import Action, ActionUpdate, BoardNote, Rag
from governance.models import FederatedIdentity, Invitation, Meeting, Membership, OutboxMessage, PendingImport
from priorities.models import ApprovalStage, EqiaActionItem, MeasureReading, Plan, ReportingPeriod
from reports.models import IssuedPack

PDF = b"%PDF-1.4\n%%EOF"
# A lead's update sheet as people write them: just the item number and this quarter's progress.
UPDATE_SHEET_CSV = b"Ref,Progress\r\n1.1,Now with the ward names.\r\n"


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


def chase_send_url(w) -> str:
    """Chase the owner, who still owes the update on 1.9."""
    return f"{reverse('actions:chase_send', args=[w.period.pk])}?person={w.users['owner'].pk}"


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
        # Not the world's evidence file again, which would be asked about before it is kept.
        lambda w: {
            "file": SimpleUploadedFile("x.pdf", PDF + b"\n% another file", content_type="application/pdf")
        },
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
    "bulk_accept_post": post(
        lambda w: reverse("actions:bulk_accept", args=[w.period.pk]),
        lambda w: {"updates": f"{w.update.pk}:{w.update.version}", "confirm": "yes"},
    ),
    # Notes for the board: the lead's commentary on P1 is submitted and waiting for review.
    "board_notes_get": get(lambda w: reverse("actions:board_notes", args=[w.period.pk])),
    "commentary_get": get(lambda w: reverse("actions:edit_commentary", args=[w.period.pk, w.p1.pk])),
    "commentary_post": post(
        lambda w: reverse("actions:edit_commentary", args=[w.period.pk, w.p1.pk]),
        lambda w: {"text": "Events resume in the autumn.", "version": w.note.version, "submit": ""},
    ),
    "asks_get": get(lambda w: reverse("actions:edit_asks", args=[w.period.pk])),
    "asks_post": post(
        lambda w: reverse("actions:edit_asks", args=[w.period.pk]),
        lambda w: {"text": "Agree the new deadline for action 1.1.", "version": 0, "submit": ""},
    ),
    "review_note_get": get(lambda w: reverse("actions:review_note", args=[w.note.pk])),
    "review_note_post": post(
        lambda w: reverse("actions:review_note", args=[w.note.pk]),
        lambda w: {"decision": "accept", "comment": "", "version": w.note.version},
    ),
    "manage_period_get": get(lambda w: reverse("actions:manage_period", args=[w.period.pk])),
    "lock_period_post": post(
        lambda w: reverse("actions:manage_period", args=[w.period.pk]),
        lambda w: {"lock-confirm": "on", "lock": ""},
    ),
    "chase_get": get(lambda w: reverse("actions:chase", args=[w.period.pk])),
    "chase_preview_get": get(lambda w: chase_send_url(w)),
    "chase_send_post": post(lambda w: chase_send_url(w)),
    "view_outbox": get(lambda w: reverse("governance:outbox")),
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
    # People: the partnership admin's; creating partnerships is the site administrator's (superuser)
    "view_people": get(lambda w: reverse("governance:people")),
    "invite_get": get(lambda w: reverse("governance:invite")),
    "invite_post": post(
        lambda w: reverse("governance:invite"),
        lambda w: {"full_name": "Nadia Newcomer", "email": "nadia@example.org", "role": "contributor"},
    ),
    "resend_invitation_post": post(lambda w: reverse("governance:resend_invitation", args=[w.invitation.pk])),
    "revoke_invitation_post": post(lambda w: reverse("governance:revoke_invitation", args=[w.invitation.pk])),
    "deactivate_member_post": post(
        lambda w: reverse("governance:deactivate_member", args=[w.viewer_membership.pk])
    ),
    "reactivate_member_post": post(
        lambda w: reverse("governance:reactivate_member", args=[w.former_membership.pk])
    ),
    "unlink_member_get": get(lambda w: reverse("governance:unlink_member", args=[w.viewer_membership.pk])),
    "unlink_member_post": post(lambda w: reverse("governance:unlink_member", args=[w.viewer_membership.pk])),
    "invite_named_people_post": post(
        lambda w: reverse("plan_workbook:invite_named_people", args=[w.plan.pk]),
        lambda w: {"email_0": "sue@example.org"},
    ),
    "view_partnerships": get(lambda w: reverse("governance:partnerships")),
    "new_partnership_get": get(lambda w: reverse("governance:new_partnership")),
    "new_partnership_post": post(
        lambda w: reverse("governance:new_partnership"),
        lambda w: {"name": "Safer Newtown", "admin_name": "Nia New", "admin_email": "nia@example.org"},
    ),
}


def rows(queryset, *fields) -> list:
    """The fields of every row, in an order that does not depend on ids (PostgreSQL and SQLite alike)."""
    return sorted(queryset.order_by().values_list(*fields), key=repr)


def snapshot(w) -> dict:
    """Everything the operations could change, to compare before and after a request (ten queries)."""
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
        "board notes": rows(
            BoardNote.objects.filter(period__plan=w.plan), "kind", "priority_id", "state", "version", "text"
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
        "invitations": rows(
            Invitation.objects.filter(partnership__name__in=["Safer Test Partnership", "Safer Newtown"]),
            "email",
            "issue",
            "revoked_at",
        ),
        "memberships": rows(
            Membership.objects.filter(partnership=w.walsall), "user__email", "role", "ended_at"
        ),
        "sign-in links": rows(
            FederatedIdentity.objects.filter(user__memberships__partnership=w.walsall),
            "user__email",
            "subject",
        ),
        "emails": rows(OutboxMessage.objects.filter(partnership=w.walsall), "key", "state"),
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

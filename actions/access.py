"""Access helpers: every actions view starts with one.

The same answer, 404, for "no such thing" and "another partnership's thing", so IDs can't be
probed; 403 for members whose role doesn't allow the change. Each refusal is logged once
(swp/access.py: not_found, forbidden). Rules live in actions/rules.py.
"""

from django.core.files import File
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.access import (
    PEOPLE_ADMINS_ONLY,
    get_current_partnership_for_user,
    get_partnership_for_admin,
)
from governance.models import Partnership, PendingImport
from governance.permissions import can
from priorities.access import get_current_plan_for_user, get_plan_for_user
from priorities.models import Plan, Priority, ReportingPeriod
from swp.access import forbidden, not_found

from .models import Action, ActionUpdate, BoardNote, UpdateEvidence
from .selectors import reporting_period_for_updates


def _check(request: HttpRequest, perm: str, action: Action) -> None:
    if not can(request.user, "actions.view_action", action):
        not_found(request, obj=action, message="No such action.")
    if perm != "actions.view_action" and not can(request.user, perm, action):
        forbidden(request, "Your role does not allow this.", obj=action)


def get_action_for_user(request: HttpRequest, pk: int, *, perm: str = "actions.view_action") -> Action:
    action = get_object_or_404(
        Action.objects.select_related(
            "plan__partnership", "priority__lead_officer", "priority__lead_organisation", "owner"
        ),
        pk=pk,
    )
    _check(request, perm, action)
    return action


def get_action_and_period_for_user(
    request: HttpRequest, pk: int, period_pk: int, *, perm: str = "actions.view_action"
) -> tuple[Action, ReportingPeriod]:
    action = get_action_for_user(request, pk, perm=perm)
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan"), pk=period_pk, plan=action.plan)
    return action, period


def get_update_for_user(request: HttpRequest, pk: int, *, perm: str = "actions.view_action") -> ActionUpdate:
    update = get_object_or_404(
        ActionUpdate.objects.select_related(
            "period__plan",
            "action__plan__partnership",
            "action__priority__lead_officer",
            "action__owner",
            "submitted_by",
            "reviewed_by",
        ),
        pk=pk,
    )
    _check(request, perm, update.action)
    return update


def get_evidence_for_user(
    request: HttpRequest, pk: int, *, perm: str = "actions.view_action"
) -> UpdateEvidence:
    evidence = get_object_or_404(
        UpdateEvidence.objects.select_related(
            "update__period", "update__action__plan", "update__action__priority", "uploaded_by"
        ),
        pk=pk,
    )
    _check(request, perm, evidence.update.action)
    return evidence


def open_evidence_for_user(request: HttpRequest, pk: int) -> tuple[UpdateEvidence, File]:
    """Evidence to download, with its file open: 404 too when the file is missing from storage."""
    evidence = get_evidence_for_user(request, pk)
    try:
        return evidence, evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("No such file.") from None


# The secretary's review and the partnership admin's roll-forward -------------------------------


def _current_plan_for(request: HttpRequest, perm: str, refusal: str) -> Plan:
    """The current plan, if the person's role in its partnership has `perm` (a governance rule); else 403."""
    plan = get_current_plan_for_user(request)
    if not can(request.user, perm, plan.partnership):
        forbidden(request, refusal, obj=plan)
    return plan


def get_plan_for_review(request: HttpRequest) -> Plan:
    return _current_plan_for(
        request, "governance.run_cycle", "Only the board secretary and partnership admins review updates."
    )


def get_plan_for_roll_forward(request: HttpRequest) -> Plan:
    return _current_plan_for(
        request, "governance.manage_partnership", "Only the partnership's admin can roll the plan forward."
    )


def get_draft_for_roll_forward(request: HttpRequest, pk: int) -> tuple[Plan, Plan]:
    """The current plan and one of its partnership's plans (the draft to delete): 403, then 404."""
    plan = get_plan_for_roll_forward(request)
    return plan, get_plan_for_user(request, pk)


# The lead's update sheet (actions/update_sheet/views.py) ---------------------------------------


def _may_update_some_action(user, plan: Plan) -> bool:
    """Whether the person may update at least one of the plan's actions (the sheet's rule, per action)."""
    actions = Action.objects.filter(plan=plan).exclude(status=Action.Status.CANCELLED)
    actions = actions.select_related("plan", "priority")
    if not can(user, "governance.run_cycle", plan.partnership):
        actions = actions.filter(Q(owner=user) | Q(priority__lead_officer=user))
    candidate = actions.first()
    return candidate is not None and can(user, "actions.edit_update", candidate)


def get_update_sheet_plan_for_user(request: HttpRequest) -> tuple[Plan, ReportingPeriod]:
    plan = get_current_plan_for_user(request)
    if not _may_update_some_action(request.user, plan):
        forbidden(request, "You do not own or lead any actions, so you have no update sheet.", obj=plan)
    period = reporting_period_for_updates(plan=plan)
    if period is None:
        raise Http404("No quarter is open for updates yet.")
    return plan, period


def get_pending_update_sheet_for_user(request: HttpRequest, pk, plan: Plan) -> PendingImport:
    """The person's own unapplied upload in this partnership, or 404 (another person's is never found)."""
    pending = get_object_or_404(
        PendingImport.objects.for_user(
            user=request.user, partnership=plan.partnership, kind=PendingImport.Kind.UPDATE_SHEET
        ),
        pk=pk,
    )
    if pending.context.get("plan") != plan.pk:
        raise Http404("No such upload.")
    return pending


# Whole-plan workbooks (actions/plan_workbook_views.py) ------------------------------------------

WORKBOOK_EXPORTS = ("xlsx", "csv")


def get_partnership_for_workbooks(request: HttpRequest, *, load: bool = False) -> Partnership:
    """The person's partnership, whose plans every member exports; load=True, for its admin (403)."""
    if load:
        return get_partnership_for_admin(
            request, refusal="Only the partnership's admin can load a plan from a workbook."
        )
    return get_current_partnership_for_user(request)


def check_workbook_template_for_user(request: HttpRequest) -> None:
    """The blank workbook is for a partnership admin, and for superusers (the Django admin links to it)."""
    if not (request.user.is_superuser and request.user.is_staff):
        get_partnership_for_workbooks(request, load=True)


def get_pending_workbook_for_user(request: HttpRequest, pk) -> tuple[Partnership, PendingImport]:
    """Only the admin's own, unconfirmed upload in this partnership; anyone else's is not found."""
    partnership = get_partnership_for_workbooks(request, load=True)
    pending = get_object_or_404(
        PendingImport.objects.for_user(
            user=request.user, partnership=partnership, kind=PendingImport.Kind.PLAN_WORKBOOK
        ),
        pk=pk,
    )
    return partnership, pending


def get_plan_export_for_user(request: HttpRequest, pk: int) -> tuple[Plan, str]:
    """A plan of the person's partnership and the format asked for (?format=); 404 for any other format."""
    plan = get_plan_for_user(request, pk)
    fmt = request.GET.get("format", "xlsx")
    if fmt not in WORKBOOK_EXPORTS:
        raise Http404("Choose an Excel workbook or CSV files.")
    return plan, fmt


def get_plan_for_named_people(request: HttpRequest, pk: int) -> Plan:
    """A plan of the admin's own partnership, whose named people they invite: 404 for another's plan,
    403 for anyone but the partnership admin."""
    plan = get_plan_for_user(request, pk)
    if not can(request.user, "governance.manage_people", plan.partnership):
        forbidden(request, PEOPLE_ADMINS_ONLY, obj=plan)
    return plan


# Board notes: the leads' commentary and the secretary's asks (actions/board_note_views.py) --------


def _period_for_notes(request: HttpRequest, period_pk: int) -> ReportingPeriod:
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan__partnership"), pk=period_pk)
    if not can(request.user, "governance.view_plan_data", period.plan.partnership):
        not_found(request, obj=period, message="No such quarter.")
    return period


def get_period_for_board_notes(request: HttpRequest, period_pk: int) -> ReportingPeriod:
    period = _period_for_notes(request, period_pk)
    if not can(request.user, "actions.see_board_notes", period.plan):
        forbidden(
            request,
            "Only priority leads, the board secretary and partnership admins write for the board.",
            obj=period,
        )
    return period


def get_commentary_for_user(
    request: HttpRequest, period_pk: int, priority_pk: int
) -> tuple[ReportingPeriod, Priority]:
    period = _period_for_notes(request, period_pk)
    priority = get_object_or_404(
        Priority.objects.select_related("plan", "lead_officer"), pk=priority_pk, plan=period.plan
    )
    if not can(request.user, "actions.write_commentary", priority):
        forbidden(
            request,
            "Only the priority's lead officer and the board secretary write its commentary.",
            obj=priority,
        )
    return period, priority


def get_period_for_asks(request: HttpRequest, period_pk: int) -> ReportingPeriod:
    period = _period_for_notes(request, period_pk)
    if not can(request.user, "actions.write_asks", period.plan):
        forbidden(
            request,
            "Only the board secretary and partnership admins write the asks of the board.",
            obj=period,
        )
    return period


def get_note_for_review(request: HttpRequest, pk: int) -> BoardNote:
    note = get_object_or_404(
        BoardNote.objects.select_related(
            "period__plan__partnership", "priority", "written_by", "reviewed_by"
        ),
        pk=pk,
    )
    if not can(request.user, "governance.view_plan_data", note.period.plan.partnership):
        not_found(request, obj=note, message="No such note.")
    if not can(request.user, "actions.review_note", note):
        forbidden(
            request, "Only the board secretary and partnership admins review notes for the board.", obj=note
        )
    return note

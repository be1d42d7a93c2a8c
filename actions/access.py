"""Access helpers: every actions view starts with one.

The same answer, 404, for "no such thing" and "another partnership's thing", so IDs can't be
probed; 403 for members whose role doesn't allow the change. Rules live in actions/rules.py.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.models import PendingImport
from governance.permissions import can
from priorities.access import get_current_plan_for_user
from priorities.models import Plan, ReportingPeriod
from swp.security_log import refused_as_not_found

from .models import Action, ActionUpdate, UpdateEvidence
from .selectors import reporting_period_for_updates


def _check(request: HttpRequest, perm: str, action: Action) -> None:
    if not can(request.user, "actions.view_action", action):
        refused_as_not_found(request, action)
        raise Http404("No such action.")
    if perm != "actions.view_action" and not can(request.user, perm, action):
        raise PermissionDenied("Your role does not allow this.")


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


# The lead's update sheet (actions/update_sheet_views.py) ---------------------------------------


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
        raise PermissionDenied("You do not own or lead any actions, so you have no update sheet.")
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

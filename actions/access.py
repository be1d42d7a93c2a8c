"""Access helpers: every actions view starts with one.

The same answer, 404, for "no such thing" and "another partnership's thing", so IDs can't be
probed; 403 for members whose role doesn't allow the change. Rules live in actions/rules.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from governance.permissions import can
from priorities.models import ReportingPeriod
from swp.security_log import refused_as_not_found

from .models import Action, ActionUpdate, UpdateEvidence


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

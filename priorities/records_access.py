"""Access helpers for the plan's statutory records: approvals trail, assessment, consultation, EqIA.

Like priorities/access.py: 404 for another partnership's objects, 403 for a member whose role
doesn't allow the change, each refusal logged once. Rules in priorities/rules.py.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from governance.permissions import can
from swp.access import forbidden, not_found

from .access import get_current_plan_for_user
from .models import EqiaActionItem, Plan

KEEPERS_ONLY = "Only partnership admins and the board secretary keep the plan's governance records."


def get_plan_records_for_user(request: HttpRequest, *, perm: str | None = None) -> Plan:
    """The current plan, to read its records; with perm (say "priorities.record_approval"), to change them."""
    plan = get_current_plan_for_user(request)
    if perm and not can(request.user, perm, plan):
        forbidden(request, KEEPERS_ONLY, obj=plan)
    return plan


def get_eqia_action_for_user(request: HttpRequest, pk: int) -> EqiaActionItem:
    """An EqIA action item, to mark it done: 404 outside the person's partnerships, 403 for readers."""
    item = get_object_or_404(EqiaActionItem.objects.select_related("eqia__plan"), pk=pk)
    plan = item.eqia.plan
    if not can(request.user, "priorities.view_plan_content", plan):
        not_found(request, obj=item)
    if not can(request.user, "priorities.update_equality_actions", plan):
        forbidden(request, KEEPERS_ONLY, obj=item)
    return item

"""Read models for actions, shared by pages, exports and the board pack."""

from django.db.models import Prefetch, QuerySet

from priorities.models import Plan, Priority

from .models import Action, ActionUpdate


def priorities_with_actions(*, plan: Plan) -> QuerySet[Priority]:
    """The plan's priorities, each with its actions and their updates newest first, in four queries."""
    updates = ActionUpdate.objects.select_related("period").order_by("-period__start")
    actions = (
        Action.objects.select_related("owner")
        .prefetch_related("responsible_organisations", Prefetch("updates", queryset=updates))
        .order_by("order", "id")
    )
    return (
        plan.priorities.select_related("lead_organisation", "lead_officer")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("order")
    )


def latest_reported_update(action: Action) -> ActionUpdate | None:
    """The newest update that has left draft: what the partnership was last told."""
    for update in action.updates.all():  # prefetched newest first
        if update.state != ActionUpdate.State.DRAFT:
            return update
    return None

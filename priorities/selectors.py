"""Read models for plans, shared by the staff pages and the public pages."""

from django.db.models import Prefetch, QuerySet

from governance.models import Partnership

from .models import Measure, Plan, Priority


def current_plan(*, partnership: Partnership) -> Plan | None:
    """The plan the partnership is working to: the active one, else the most recent."""
    plans = Plan.objects.filter(partnership=partnership)
    return plans.filter(status=Plan.Status.ACTIVE).order_by("-period_start").first() or plans.first()


def published_plans() -> QuerySet[Plan]:
    return (
        Plan.objects.filter(is_published=True)
        .select_related("partnership")
        .order_by("partnership__name", "-period_start")
    )


def published_plan(*, partnership_slug: str) -> Plan | None:
    """The latest published plan of a partnership, for the public plan page."""
    return published_plans().filter(partnership__slug=partnership_slug).first()


def priorities_with_measures(*, plan: Plan) -> QuerySet[Priority]:
    measures = Measure.objects.select_related("baseline_statistic").order_by("order")
    return (
        plan.priorities.select_related("lead_organisation", "lead_officer")
        .prefetch_related(Prefetch("measures", queryset=measures))
        .order_by("order")
    )

"""The annual roll-forward: next year's draft plan, made from this year's.

Priorities, measures, themes and aims are copied; actions not yet complete are carried over,
each pointing back to the action it came from; completed and cancelled actions stay behind. The
new plan is a draft with four new quarters and an empty approvals trail: it goes through its own
approvals like any plan. Nothing in the old plan changes. Deleting the draft undoes it all.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from governance.models import User
from priorities.models import Measure, Plan, PlanAim, Priority, ReportingPeriod, Theme
from swp.history import save_as

from .models import Action

LEFT_BEHIND = (Action.Status.COMPLETE, Action.Status.CANCELLED)
# Copied as they are; everything else about a row is either its new parent or starts afresh.
PRIORITY_FIELDS = (
    "order", "reference", "title", "lead_organisation", "lead_officer", "lead_support_officer",
    "lead_as_written", "lead_officer_name", "lead_support_officer_name", "you_told_us", "why", "aim",
)  # fmt: skip
MEASURE_FIELDS = (
    "order", "title", "kind", "unit", "unit_type", "direction", "baseline_value", "baseline_period",
    "baseline_source", "baseline_note", "baseline_statistic", "target_value", "target_description",
)  # fmt: skip
ACTION_FIELDS = (
    "reference", "order", "overall_objective", "objective", "horizon", "responsible_officer", "owner",
    "start_date", "deadline", "timescale", "status",
)  # fmt: skip


@dataclass
class RollForwardPreview:
    """What rolling forward would make, for the confirmation page and the command's dry run."""

    plan: Plan
    title: str
    period_start: datetime.date
    period_end: datetime.date
    priorities: int
    measures: int
    themes: int
    carried: list[Action]
    left_behind: list[Action]
    problem: str | None


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def next_title(plan: Plan) -> str:
    """ "… Plan 2020" becomes "… Plan 2021"; "… 2020-23" becomes "… 2021-24"; else the year is added."""
    years = list(re.finditer(r"(?<!\d)(\d{4})(?:([-–/])(\d{2,4}))?(?!\d)", plan.title))
    if not years:
        return f"{plan.title} {_next_year(plan.period_start).year}"
    last = years[-1]
    start = int(last[1]) + 1
    replacement = str(start)
    if last[3]:
        end = int(last[3]) + 1
        replacement += f"{last[2]}{end % 100:02d}" if len(last[3]) == 2 else f"{last[2]}{end}"
    return plan.title[: last.start()] + replacement + plan.title[last.end() :]


def preview(*, plan: Plan) -> RollForwardPreview:
    actions = list(plan.actions.order_by("priority__order", "order", "id"))
    title = next_title(plan)
    problem = None
    if plan.status != Plan.Status.ACTIVE:
        problem = (
            f"Only an active plan can be rolled forward; this one is {plan.get_status_display().lower()}."
        )
    elif Plan.objects.filter(partnership_id=plan.partnership_id, title=title).exists():
        problem = f"There is already a plan called “{title}”. Delete that draft first, or rename it."
    return RollForwardPreview(
        plan=plan,
        title=title,
        period_start=_next_year(plan.period_start),
        period_end=_next_year(plan.period_end),
        priorities=plan.priorities.count(),
        measures=Measure.objects.filter(priority__plan=plan).count(),
        themes=plan.themes.count(),
        carried=[a for a in actions if a.status not in LEFT_BEHIND],
        left_behind=[a for a in actions if a.status in LEFT_BEHIND],
        problem=problem,
    )


def _copy(instance, fields, **overrides):
    values = {name: getattr(instance, name) for name in fields}
    values.update(overrides)
    return type(instance)(**values)


@transaction.atomic
def _leads_in_written_order(plan: Plan) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Each priority's joint lead partners and lead groups, as ids in the order they were linked."""
    joint: dict[int, list[int]] = {}
    groups: dict[int, list[int]] = {}
    for links, body, found in (
        (Priority.co_lead_organisations.through, "organisation_id", joint),
        (Priority.lead_groups.through, "board_id", groups),
    ):
        for priority_id, body_id in (
            links.objects.filter(priority__plan=plan).order_by("id").values_list("priority_id", body)
        ):
            found.setdefault(priority_id, []).append(body_id)
    return joint, groups


def roll_forward(*, plan: Plan, by: User | None) -> Plan:
    """Create next year's draft plan from `plan`. Raises ValidationError, changing nothing, if it cannot."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # two clicks make one draft, not two
    summary = preview(plan=plan)
    if summary.problem:
        raise ValidationError(summary.problem)

    new = Plan(
        partnership_id=plan.partnership_id,
        title=summary.title,
        period_start=summary.period_start,
        period_end=summary.period_end,
        vision=plan.vision,
        final_approval_stage=plan.final_approval_stage,
        quarter_scheme=plan.quarter_scheme,
        strategic_assessment=plan.strategic_assessment,
        rag_red_definition=plan.rag_red_definition,
        rag_amber_definition=plan.rag_amber_definition,
        rag_green_definition=plan.rag_green_definition,
    )  # a draft, unpublished: its own approvals trail decides the rest
    save_as(new, by=by, reason=f"Rolled forward from {plan.title}")
    bulk_create_with_history(
        [PlanAim(plan=new, order=a.order, text=a.text) for a in plan.aims.all()], PlanAim
    )

    priorities = {}
    old_priorities = plan.priorities.prefetch_related("cites", "measures").order_by("order")
    joint_leads, lead_groups = _leads_in_written_order(plan)
    for old in old_priorities:
        priority = _copy(old, PRIORITY_FIELDS, plan=new)
        priority.save()
        priority.cites.set(old.cites.all())
        # One at a time, as the plan workbook links them: the link rows' order is the plan's order
        # of joint leads and groups (priorities.selectors.leads_as_written), which set() loses.
        for organisation_id in joint_leads.get(old.pk, []):
            priority.co_lead_organisations.add(organisation_id)
        for board_id in lead_groups.get(old.pk, []):
            priority.lead_groups.add(board_id)
        priorities[old.pk] = priority
        bulk_create_with_history(
            [_copy(m, MEASURE_FIELDS, priority=priority) for m in old.measures.all()], Measure
        )

    # Sub-priorities point at their parent's copy, which exists once every priority is copied.
    for old in old_priorities:
        if old.parent_id:
            priority = priorities[old.pk]
            priority.parent = priorities[old.parent_id]
            priority.save(update_fields=["parent"])

    themes = {}
    for old in plan.themes.prefetch_related("priorities"):
        theme = Theme.objects.create(plan=new, name=old.name, description=old.description)
        theme.priorities.set([priorities[p.pk] for p in old.priorities.all()])
        themes[old.pk] = theme

    for old in Action.objects.filter(pk__in=[a.pk for a in summary.carried]).prefetch_related(
        "responsible_organisations", "themes", "answers"
    ):
        action = _copy(
            old, ACTION_FIELDS, plan=new, priority=priorities[old.priority_id], carried_over_from=old
        )
        save_as(action, by=by, reason=f"Carried over from {plan.title}")
        action.responsible_organisations.set(old.responsible_organisations.all())
        action.themes.set([themes[t.pk] for t in old.themes.all()])
        action.answers.set(old.answers.all())

    for old in plan.periods.order_by("start"):
        start, end = _next_year(old.start), _next_year(old.end)
        ReportingPeriod.objects.create(
            plan=new,
            label=old.label.replace(str(old.start.year), str(start.year), 1),
            start=start,
            end=end,
            update_deadline=_next_year(old.update_deadline),
        )
    return new


def can_undo(plan: Plan) -> str | None:
    """Why the draft cannot simply be deleted, or None when deleting it undoes the roll-forward."""
    if plan.status != Plan.Status.DRAFT:
        return "Only a draft plan can be deleted; this one has been approved."
    if plan.approval_steps.exists():
        return "This draft has approval steps recorded, so it is a governance record and cannot be deleted."
    if (
        plan.periods.filter(action_updates__isnull=False).exists()
        or plan.periods.filter(readings__isnull=False).exists()
    ):
        return "Updates or readings have been entered against this draft, so deleting it would lose them."
    return None

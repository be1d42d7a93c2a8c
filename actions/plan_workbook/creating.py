"""Create the plan from a preview with no problems: all of it, as a draft, or none of it.

`apply(preview, by=...)` creates everything in one transaction; it refuses a preview with problems,
and any failure part way rolls everything back (INT-04, INT-05). The confirm step always reads the
stored upload again first, so what is created is what the person saw. The person who loaded it is
named on every history record.
"""

from django.db import models, transaction
from django.utils import timezone

from governance.models import Board, Organisation, Partnership, User
from priorities.models import (
    BaselineStatistic,
    Measure,
    Plan,
    PlanAim,
    Priority,
    ReportingPeriod,
    StrategicAssessment,
    Theme,
)
from swp.history import save_as

from ..models import Action, ActionUpdate
from .preview import ActionRow, Preview, PriorityRow, ReportedStatus

REASON = "Imported from a plan workbook"


class ImportRefused(ValueError):
    """The preview has problems, so nothing was created."""


@transaction.atomic
def apply(preview: Preview, *, by: User | None, reason: str = REASON) -> Plan:
    """Create the plan as a draft from a preview with no problems, in one transaction: all or nothing."""
    if not preview.ok:
        raise ImportRefused("The workbook has problems, so nothing was imported")
    partnership = preview.partnership
    bodies: dict[str, models.Model] = {}
    parent_board = _sole_partnership_board(partnership)
    for partner in preview.partners:
        key = f"sheet:{partner.row}"
        if partner.existing is not None:
            bodies[key] = partner.existing
        elif partner.is_group:
            board = Board(
                partnership=partnership,
                name=partner.name,
                short_name=partner.short_name,
                kind=Board.Kind.THEMATIC_GROUP,
                parent=parent_board,
            )
            save_as(board, by=by, reason=reason)
            bodies[key] = board
        else:
            organisation = Organisation(
                partnership=partnership,
                name=partner.name,
                short_name=partner.short_name,
                kind=partner.kind,
                membership=partner.membership,
            )
            save_as(organisation, by=by, reason=reason)
            bodies[key] = organisation
    for key, (_kind, body) in preview.bodies.items():
        if not key.startswith("sheet:"):
            bodies[key] = body

    plan_data = preview.plan
    assessment = plan_data.get("assessment")
    statistics: dict[str, BaselineStatistic] = {}
    if assessment is None and plan_data.get("assessment_title"):
        assessment = StrategicAssessment(
            partnership=partnership,
            title=plan_data["assessment_title"],
            completed_on=plan_data["assessment_on"],
            summary=plan_data.get("assessment_summary", ""),
        )
        save_as(assessment, by=by, reason=reason)
        for order, stat in enumerate(preview.statistics, start=1):
            statistic = BaselineStatistic(
                assessment=assessment, order=order, label=stat.label, value=stat.value, unit=stat.unit,
                period=stat.period, source=stat.source, note=stat.note,
            )  # fmt: skip
            _save(statistic, by=by, reason=reason)
            statistics[f"stat:{stat.row}"] = statistic

    plan = Plan(
        partnership=partnership,
        title=plan_data["title"],
        period_start=plan_data["period_start"],
        period_end=plan_data["period_end"],
        vision=plan_data.get("vision", ""),
        quarter_scheme=plan_data["quarter_scheme"],
        strategic_assessment=assessment,
        status=Plan.Status.DRAFT,
        is_published=False,
        **{k: v for k, v in plan_data.items() if k.startswith("rag_")},
    )
    save_as(plan, by=by, reason=reason)
    for order, aim in enumerate(preview.aims, start=1):
        _save(PlanAim(plan=plan, order=order, text=aim), by=by, reason=reason)

    priorities: dict[str, Priority] = {}
    orders = {p.reference: index for index, p in enumerate(preview.priorities, start=1)}
    for row in sorted(preview.priorities, key=lambda p: (p.depth, orders[p.reference])):
        priorities[row.reference] = create_priority(
            row, plan, priorities, bodies, statistics, orders, by=by, reason=reason
        )

    themes: dict[str, Theme] = {}
    for row in preview.themes:
        theme = Theme(plan=plan, name=row.name, description=row.description)
        _save(theme, by=by, reason=reason)
        theme.priorities.set([priorities[ref] for ref in row.priorities])
        themes[row.name.casefold()] = theme

    for row in preview.measures:
        measure = Measure(
            priority=priorities[row.priority], order=row.order, title=row.title, kind=row.kind, unit=row.unit,
            unit_type=row.unit_type, direction=row.direction, baseline_value=row.baseline_value,
            baseline_period=row.baseline_period, baseline_source=row.baseline_source,
            baseline_note=row.baseline_note, baseline_statistic=statistics.get(row.baseline_statistic),
            target_value=row.target_value, target_description=row.target_description,
        )  # fmt: skip
        _save(measure, by=by, reason=reason)

    actions = [
        (row, create_action(row, plan, priorities, bodies, themes, by=by, reason=reason))
        for row in preview.actions
    ]

    periods: dict[str, ReportingPeriod] = {}
    for row in preview.periods:
        period = ReportingPeriod(
            plan=plan, label=row.label, start=row.start, end=row.end, update_deadline=row.update_deadline
        )
        _save(period, by=by, reason=reason)
        periods[row.label] = period
    for row, action in actions:
        if row.reported:
            create_reported_update(row.reported, action, periods[row.reported.period], by=by, reason=reason)
    return plan


def create_reported_update(
    reported: ReportedStatus, action: Action, period: ReportingPeriod, *, by: User | None, reason: str
) -> ActionUpdate:
    """The action's latest report, as the quarter's accepted update: the board has had it already, so it
    goes in as accepted, with the person who loaded the plan named as having submitted and accepted it
    (and on its history record), at the time it was loaded."""
    now = timezone.now()
    update = ActionUpdate(
        action=action,
        period=period,
        rag=reported.rag,
        progress=reported.progress,
        recovery_plan=reported.recovery_plan,
        outcomes=reported.outcomes,
        state=ActionUpdate.State.ACCEPTED,
        submitted_by=by,
        submitted_at=now,
        reviewed_by=by,
        reviewed_at=now,
    )
    _save(update, by=by, reason=f"{reason}: the update reported for {period.label}")
    return update


def _save(obj: models.Model, *, by: User | None, reason: str) -> None:
    """Save a row the reader has already checked, with the importer named in its history.

    Each field is still validated (lengths, choices); uniqueness and the table's constraints were
    checked against the workbook by the reader and are enforced again by the database on insert, so
    they are not asked of the database a second time here: a plan is a few hundred rows, each
    with several foreign keys and constraints, and asking costs a query apiece.
    """
    obj._history_user = by
    obj._change_reason = reason
    related = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=related, validate_unique=False, validate_constraints=False)
    obj.save()


def _sole_partnership_board(partnership: Partnership) -> Board | None:
    boards = list(Board.objects.filter(partnership=partnership, kind=Board.Kind.PARTNERSHIP_BOARD)[:2])
    return boards[0] if len(boards) == 1 else None


def create_priority(
    row: PriorityRow,
    plan: Plan,
    priorities: dict[str, Priority],
    bodies: dict[str, models.Model],
    statistics: dict[str, BaselineStatistic],
    orders: dict[str, int],
    *,
    by: User | None,
    reason: str,
) -> Priority:
    organisations = [bodies[key] for key in row.leads if isinstance(bodies[key], Organisation)]
    groups = [bodies[key] for key in row.leads if isinstance(bodies[key], Board)]
    priority = Priority(
        plan=plan,
        order=orders[row.reference],
        reference=row.reference,
        parent=priorities.get(row.parent),
        title=row.title,
        lead_organisation=organisations[0] if organisations else None,
        lead_as_written=row.lead_as_written,
        lead_officer_name=row.lead_officer,
        lead_support_officer_name=row.lead_support_officer,
        aim=row.aim,
        why=row.why,
        you_told_us=row.you_told_us,
    )
    _save(priority, by=by, reason=reason)
    # One at a time: the order of the link rows is the order the plan names its joint leads and groups
    # in (priorities.selectors.leads_as_written), which set() and add(*many) do not keep.
    for organisation in organisations[1:]:
        priority.co_lead_organisations.add(organisation)
    for group in groups:
        priority.lead_groups.add(group)
    if row.statistics:
        priority.cites.set([statistics[key] for key in row.statistics])
    return priority


def create_action(
    row: ActionRow,
    plan: Plan,
    priorities: dict[str, Priority],
    bodies: dict[str, models.Model],
    themes: dict[str, Theme],
    *,
    by: User | None,
    reason: str,
) -> Action:
    action = Action(
        plan=plan,
        priority=priorities[row.priority],
        reference=row.reference,
        order=row.order,
        overall_objective=row.overall_objective,
        objective=row.objective,
        horizon=row.horizon,
        responsible_officer=row.responsible_officer,
        start_date=row.start_date,
        deadline=row.deadline,
        timescale=row.timescale,
        status=row.status,
    )
    _save(action, by=by, reason=reason)
    if row.organisations:
        action.responsible_organisations.set([bodies[key] for key in row.organisations])
    if row.themes:
        action.themes.set([themes[name.casefold()] for name in row.themes])
    return action

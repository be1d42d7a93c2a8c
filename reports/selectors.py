"""The board pack's read model: everything the quarterly pack shows, gathered in a fixed number of queries.

`board_pack()` returns plain data (reports/pack_data.py), never model instances, so the HTML
preview, the PDF and the JSON stored with an issued pack are three renderings of one thing.

An action's status in a quarter follows the rule in actions/status.py. A priority's overall status
is the worst status of its actions and its sub-priorities' actions, never an average, and an
action with no rating counts as worse than green, so missing updates cannot make a priority look on
track. Priorities come in the plan's order, each sub-priority straight after its parent.
"""

from datetime import date

from django.db.models import Prefetch

from actions.models import Action, ActionUpdate, BoardNote
from actions.status import (
    AMBER,
    CHANGE_LABELS,
    COMPLETE,
    GREEN,
    NO_UPDATE,
    RED,
    REPORTED_STATES,
    UNCHANGED,
    against_baseline,
    change_between,
    quarter_status,
    reported_status,
    status_label,
    worst,
)
from priorities.measure_periods import covers_text, period_end
from priorities.models import BaselineStatistic, Measure, MeasureReading, Plan, Priority, ReportingPeriod
from priorities.outline import in_plan_order
from priorities.selectors import Leads, baseline_caveats, leads_as_written

from .pack_data import (
    BOARD_TERMS,
    GLANCE_QUARTERS,
    GLOSSARY,
    LAYOUT_BOARD,
    LEAD_GROUP_TERM,
    SUB_PRIORITY_TERM,
    ActionRow,
    BoardNoteRow,
    BoardPack,
    MeasureRow,
    PriorityRow,
    Reading,
    Submission,
    ThemeRow,
    counts_of,
)


def _action_row(action: Action, period: ReportingPeriod, earlier: list[ReportingPeriod]) -> ActionRow:
    """`earlier`: the quarters before `period` that the plan at a glance shows, oldest first."""
    updates = action.pack_updates  # prefetched oldest first, up to this quarter
    this = next((u for u in updates if u.period_id == period.id), None)
    status = quarter_status(action, updates, period)
    # Earlier quarters as the board was told then: by reported updates, as the change is measured.
    recent = [reported_status(updates, p) for p in earlier]
    before = recent[-1] if recent else None
    change = change_between(before, status)
    reported = this if this is not None and this.state in REPORTED_STATES else None
    return ActionRow(
        id=action.pk,
        reference=action.reference,
        priority_id=action.priority_id,
        objective=action.objective,
        overall_objective=action.overall_objective,
        horizon=action.get_horizon_display(),
        responsible_officer=action.responsible_officer or (action.owner.full_name if action.owner else ""),
        organisations=[o.short_name or o.name for o in action.pack_organisations],
        deadline=action.deadline,
        status=status,
        status_label=status_label(status),
        previous_status=before,
        change=change,
        change_label=CHANGE_LABELS[change],
        overdue=bool(action.deadline and action.deadline <= period.end and status != COMPLETE),
        update_state=this.state if this is not None else NO_UPDATE,
        progress=reported.progress if reported else "",
        recovery_plan=reported.recovery_plan if reported else "",
        outcomes=reported.outcomes if reported else "",
        proposed_deadline=reported.proposed_deadline if reported else None,
        theme_ids=[t.pk for t in action.pack_themes],
        timescale=action.timescale,
        start_date=action.start_date,
        deadline_change_reason=reported.deadline_change_reason
        if reported and reported.proposed_deadline
        else "",
        recent_statuses=[*recent, status],
    )


def _reading(reading: MeasureReading, covers: str, plan_start: date | None) -> Reading:
    period = reading.period
    return Reading(
        period.label,
        reading.value,
        reading.narrative,
        end=period.end,
        covers=covers_text(covers, start=period.start, end=period.end, plan_start=plan_start),
    )


def _measure_row(measure: Measure, plan_start: date | None = None) -> MeasureRow:
    readings = [_reading(r, measure.value_covers, plan_start) for r in measure.pack_readings]
    latest = readings[-1] if readings else None
    return MeasureRow(
        id=measure.pk,
        title=measure.title,
        is_numeric=measure.is_numeric,
        unit=measure.unit,
        direction=measure.direction,
        direction_label=measure.get_direction_display() if measure.direction else "",
        baseline_value=measure.baseline_value,
        baseline_period=measure.baseline_period,
        baseline_source=measure.baseline_source,
        target_value=measure.target_value,
        target_description=measure.target_description,
        readings=readings,
        latest=latest,
        against_baseline=against_baseline(measure, latest.value if latest else None),
        baseline_caveats=baseline_caveats(measure),
        baseline_end=period_end(measure.baseline_period),
    )


def _submission(action: Action, update: ActionUpdate) -> Submission:
    return Submission(
        action_reference=action.reference,
        state=update.state,
        state_label=update.get_state_display(),
        rag=update.rag,
        submitted_by=update.submitted_by.full_name if update.submitted_by else "",
        submitted_at=update.submitted_at,
        reviewed_by=update.reviewed_by.full_name if update.reviewed_by else "",
        reviewed_at=update.reviewed_at,
    )


def _note_row(note: BoardNote | None) -> BoardNoteRow | None:
    if note is None:
        return None
    author = note.written_by.full_name if note.written_by else ""
    return BoardNoteRow(text=note.text, author=author, reviewed=note.state == BoardNote.State.ACCEPTED)


def _notes(period: ReportingPeriod, accepted_only: bool) -> dict[tuple[str, int | None], BoardNote]:
    """The quarter's notes for the board, by kind and priority: submitted or accepted ones, as updates
    count. The public pages (accepted_only) show none: they carry officers' names."""
    if accepted_only:
        return {}
    notes = BoardNote.objects.filter(period=period, state__in=REPORTED_STATES).select_related("written_by")
    return {(note.kind, note.priority_id): note for note in notes}


def assessment_line(statistics: list[BaselineStatistic]) -> str:
    """The strategic assessment's figures a priority cites, as one line under each assessment's title,
    as the plan's delivery table heads a priority ("Jan 2019 - Strategic assessment: ...")."""
    by_assessment: dict[str, list[str]] = {}
    for s in statistics:
        figure = f"{s.value.normalize():,f}"
        by_assessment.setdefault(s.assessment.title, []).append(f"{s.label}: {figure} {s.unit} ({s.period})")
    return " ".join(f"{title}: {'; '.join(figures)}." for title, figures in by_assessment.items())


def _priority_row(
    priority: Priority,
    depth: int,
    leads: Leads,
    actions: list[ActionRow],
    family: list[ActionRow],
    previous: ReportingPeriod | None,
    commentary: BoardNote | None = None,
) -> PriorityRow:
    """A priority with its own actions, and its status, change and counts over its family: those
    and its sub-priorities' actions."""
    status = worst(r.status for r in family)
    before = worst(r.previous_status for r in family if r.previous_status) if previous else None
    change = change_between(before, status) if status else UNCHANGED
    bodies = [*leads.partners, *leads.groups]
    return PriorityRow(
        id=priority.pk,
        order=priority.order,
        title=priority.title,
        lead_organisation="; ".join(body.name for body in bodies) or priority.lead_as_written,
        lead_officer=priority.lead_officer.full_name if priority.lead_officer else priority.lead_officer_name,
        aim=priority.aim,
        status=status,
        status_label=status_label(status),
        previous_status=before,
        change=change,
        change_label=CHANGE_LABELS[change],
        counts=counts_of(family),
        measures=[_measure_row(m, priority.plan.period_start) for m in priority.pack_measures],
        actions=actions,
        number=priority.number,
        parent_id=priority.parent_id,
        depth=depth,
        lead_partners=leads.partners,
        lead_groups=leads.groups,
        lead_support_officer=(
            priority.lead_support_officer.full_name
            if priority.lead_support_officer
            else priority.lead_support_officer_name
        ),
        assessment=assessment_line(priority.pack_cites),
        commentary=_note_row(commentary),
    )


def board_pack(*, plan: Plan, period: ReportingPeriod, accepted_only: bool = False) -> BoardPack:
    """Everything the quarterly pack for `period` shows, in thirteen queries whatever the plan's size.

    With accepted_only, only updates the board secretary has accepted count (a submitted one is as
    if not there): the public pages show only what has been approved.
    """
    periods = list(plan.periods.select_related("meeting__board").order_by("start"))  # 1
    period = next(p for p in periods if p.pk == period.pk)
    earlier = [p for p in periods if p.start < period.start][-(GLANCE_QUARTERS - 1) :]
    previous = earlier[-1] if earlier else None

    updates = ActionUpdate.objects.filter(period__start__lte=period.start)
    if accepted_only:
        updates = updates.filter(state=ActionUpdate.State.ACCEPTED)
    updates = updates.select_related("period", "submitted_by", "reviewed_by").order_by("period__start")
    actions = (
        Action.objects.exclude(status=Action.Status.CANCELLED)
        .select_related("owner")
        .prefetch_related(
            # to_attr lists: prefetching into .all() costs a queryset per object, which adds up.
            Prefetch("updates", queryset=updates, to_attr="pack_updates"),
            Prefetch("responsible_organisations", to_attr="pack_organisations"),
            Prefetch("themes", to_attr="pack_themes"),
        )
        .order_by("order", "id")
    )
    readings = MeasureReading.objects.filter(period__start__lte=period.start).select_related("period")
    measures = (
        Measure.objects.select_related("baseline_statistic")
        .prefetch_related(
            Prefetch("readings", queryset=readings.order_by("period__start"), to_attr="pack_readings")
        )
        .order_by("order")
    )
    cites = BaselineStatistic.objects.select_related("assessment").order_by("assessment", "order", "id")
    priorities = list(
        plan.priorities.select_related("lead_organisation", "lead_officer", "lead_support_officer")  # 2
        .prefetch_related(
            Prefetch("measures", queryset=measures, to_attr="pack_measures"),
            Prefetch("actions", queryset=actions, to_attr="pack_actions"),
            Prefetch("cites", queryset=cites, to_attr="pack_cites"),
        )
        .order_by("order")
    )  # 3 measures, 4 readings, 5 actions, 6 updates, 7 organisations, 8 themes, 9 cited figures
    leads = leads_as_written(priorities)  # 10 joint leads and groups
    notes = _notes(period, accepted_only)  # 11 the leads' commentary and the asks of the board

    ordered = in_plan_order(priorities)
    own = {p.pk: [_action_row(action, period, earlier) for action in p.pack_actions] for p, _ in ordered}
    priority_rows, submissions = [], []
    for index, (priority, depth) in enumerate(ordered):
        # In the plan's order a priority's sub-priorities follow it, up to the next one no deeper.
        end = next((i for i in range(index + 1, len(ordered)) if ordered[i][1] <= depth), len(ordered))
        family = [row for p, _ in ordered[index:end] for row in own[p.pk]]
        commentary = notes.get((BoardNote.Kind.COMMENTARY, priority.pk))
        priority_rows.append(
            _priority_row(priority, depth, leads[priority.pk], own[priority.pk], family, previous, commentary)
        )
        for action in priority.pack_actions:
            submissions += [
                _submission(action, u)
                for u in action.pack_updates
                if u.period_id == period.pk and u.state != ActionUpdate.State.DRAFT
            ]

    by_id = {row.id: row for priority in priority_rows for row in priority.actions}
    themes = []
    for theme in plan.themes.prefetch_related("priorities").order_by("name"):  # 12, 13
        linked = [row for row in by_id.values() if theme.pk in row.theme_ids]
        themes.append(
            ThemeRow(
                id=theme.pk,
                name=theme.name,
                description=theme.description,
                priority_titles=[p.title for p in sorted(theme.priorities.all(), key=lambda p: p.order)],
                action_ids=[row.id for row in linked],
                counts=counts_of(linked),
            )
        )

    glossary = [*GLOSSARY, *BOARD_TERMS]
    if any(row.lead_groups for row in priority_rows):
        glossary.append(LEAD_GROUP_TERM)
    if any(row.parent_id for row in priority_rows):
        glossary.append(SUB_PRIORITY_TERM)
    meeting = period.meeting
    return BoardPack(
        partnership=plan.partnership.name,
        partnership_slug=plan.partnership.slug,
        plan_id=plan.pk,
        plan_title=plan.title,
        period_id=period.pk,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        previous_period_label=previous.label if previous else None,
        meeting=f"{meeting.board.name}, {meeting.date:%-d %B %Y}" if meeting else None,
        meeting_date=meeting.date if meeting else None,
        rag_definitions={
            RED: plan.rag_red_definition,
            AMBER: plan.rag_amber_definition,
            GREEN: plan.rag_green_definition,
        },
        priorities=priority_rows,
        themes=themes,
        submissions=submissions,
        glossary=glossary,
        layout=LAYOUT_BOARD,
        asks=_note_row(notes.get((BoardNote.Kind.ASKS, None))),
        recent_periods=[p.label for p in [*earlier, period]],
    )

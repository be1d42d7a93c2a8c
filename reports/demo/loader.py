"""Load the Safer Walsall Partnership Plan 2020 (walsall_2020_plan.py) and what the demo invents
around it (walsall_2020_invented.py) into the database.

Idempotent by construction (upsert.py): a second run writes nothing, not even a history row. The
steps run in this order because each needs the records of the ones before it.
"""

from django.db import transaction

from priorities.signals import announce_plan_changed

from .load_governance import (
    load_approvals,
    load_boards,
    load_consultation,
    load_equality_impact_assessment,
    load_findings_answered,
    load_meeting_records,
)
from .load_people import load_partnership, load_users
from .load_plan import load_actions, load_assessment, load_plan, load_priorities, load_themes
from .load_updates import load_board_notes, load_periods, load_readings, load_updates
from .upsert import LoadReport


@transaction.atomic
def load_walsall_demo(*, with_users: bool = True) -> LoadReport:
    report = LoadReport()
    partnership, organisations = load_partnership(report)
    users = load_users(report, partnership, organisations) if with_users else {}
    assessment, statistics = load_assessment(report, partnership)
    plan = load_plan(report, partnership, assessment)
    meetings = load_boards(report, partnership, organisations, users)
    load_meeting_records(report, meetings, organisations, users)
    periods = load_periods(report, plan, meetings)
    priorities = load_priorities(report, plan, organisations, users, statistics)
    themes = load_themes(report, plan, priorities)
    actions = load_actions(report, plan, priorities, organisations, themes, users)
    load_updates(report, actions, periods, priorities, users)
    load_readings(report, priorities, periods)
    load_board_notes(report, periods, priorities, users)
    load_approvals(report, plan, meetings)
    consultation = load_consultation(report, partnership, plan, priorities)
    load_findings_answered(report, consultation, actions)
    load_equality_impact_assessment(report, plan, consultation)
    if report.changed:  # as any change does: with a worker (make run's), the next packs are pre-rendered
        announce_plan_changed(plan_id=plan.pk)
    return report

"""The plan as transcribed: its strategic assessment, aims, priorities with their measures, themes
and actions, with the demo's priority leads and action owners."""

import datetime

from actions.models import Action
from governance.models import Organisation, Partnership, User
from priorities.models import (
    ApprovalStep,
    BaselineStatistic,
    Measure,
    Plan,
    PlanAim,
    Priority,
    StrategicAssessment,
    Theme,
)

from . import walsall_2020_invented as invented
from . import walsall_2020_plan as source
from .upsert import LoadReport, set_m2m, upsert, without

HORIZON_DEADLINES = {
    Action.Horizon.ONE_YEAR: datetime.date(2020, 12, 31),
    Action.Horizon.THREE_YEARS: datetime.date(2022, 12, 31),
}


def load_assessment(
    report: LoadReport, partnership: Partnership
) -> tuple[StrategicAssessment, dict[str, BaselineStatistic]]:
    """The strategic assessment and its figures, keyed by the transcription's statistic keys."""
    assessment = upsert(
        report,
        StrategicAssessment,
        {"partnership": partnership, "title": source.STRATEGIC_ASSESSMENT["title"]},
        without(source.STRATEGIC_ASSESSMENT, "title"),
    )
    statistics = {}
    for order, stat in enumerate(source.BASELINE_STATISTICS, start=1):
        statistics[stat["key"]] = upsert(
            report,
            BaselineStatistic,
            {"assessment": assessment, "label": stat["label"]},
            {**without(stat, "key", "label"), "order": order},
        )
    return assessment, statistics


def load_plan(report: LoadReport, partnership: Partnership, assessment: StrategicAssessment) -> Plan:
    # No status here: the plan is approved and active through its approvals trail
    # (load_governance.load_approvals).
    plan = upsert(
        report,
        Plan,
        {"partnership": partnership, "title": source.PLAN["title"]},
        {
            **without(source.PLAN, "title", "aims"),
            "final_approval_stage": ApprovalStep.Stage.COUNCIL,
            "is_published": True,
            "strategic_assessment": assessment,
        },
    )
    for order, text in enumerate(source.PLAN["aims"], start=1):
        upsert(report, PlanAim, {"plan": plan, "order": order}, {"text": text})
    return plan


def load_priorities(
    report: LoadReport,
    plan: Plan,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    statistics: dict[str, BaselineStatistic],
) -> dict[int, Priority]:
    """The priorities and their measures, keyed by priority order."""
    priorities = {}
    for data in source.PRIORITIES:
        order = data["order"]
        priority = upsert(
            report,
            Priority,
            {"plan": plan, "order": order},
            {
                "title": data["title"],
                "lead_organisation": organisations[data["lead"]],
                "lead_officer": users.get(invented.PRIORITY_LEADS.get(order)),
                "you_told_us": data.get("you_told_us", ""),
                "why": data.get("why", ""),
                "aim": data.get("aim", ""),
            },
        )
        priorities[order] = priority
        set_m2m(
            report,
            priority.cites,
            [statistics[key] for key in source.PRIORITY_STATISTICS.get(order, [])],
        )
        for measure_order, measure in enumerate(data["measures"], start=1):
            values = _measure_values(measure, statistics, invented.MEASURE_NOTES.get((order, measure_order)))
            values["value_covers"] = invented.MEASURE_COVERS.get((order, measure_order), "")
            upsert(report, Measure, {"priority": priority, "order": measure_order}, values)
    return priorities


def _measure_values(measure: dict, statistics: dict[str, BaselineStatistic], demo_note: str | None) -> dict:
    note = measure.get("baseline_note", "")
    values = {
        "title": measure["title"],
        "kind": measure["kind"],
        "unit": measure.get("unit", ""),
        "unit_type": measure.get("unit_type", Measure.UnitType.COUNT),
        "direction": measure.get("direction", ""),
        "target_value": measure.get("target_value"),
        "target_description": measure.get("target_description", ""),
        "baseline_statistic": None,
        "baseline_value": None,
        "baseline_period": "",
        "baseline_source": "",
        "baseline_note": f"{note} {demo_note}" if demo_note else note,
    }
    stat = statistics.get(measure.get("baseline_statistic"))
    if stat is not None:
        values.update(
            baseline_statistic=stat,
            baseline_value=stat.value,
            baseline_period=stat.period,
            baseline_source=stat.source,
        )
    return values


def load_themes(report: LoadReport, plan: Plan, priorities: dict[int, Priority]) -> dict[str, Theme]:
    themes = {}
    for data in source.THEMES:
        theme = upsert(
            report, Theme, {"plan": plan, "name": data["name"]}, {"description": data["description"]}
        )
        set_m2m(report, theme.priorities, [priorities[order] for order in data["priorities"]])
        themes[data["key"]] = theme
    return themes


def _commitments(data: dict) -> list[tuple[str, str]]:
    return [(Action.Horizon.ONE_YEAR, text) for text in data["one_year"]] + [
        (Action.Horizon.THREE_YEARS, text) for text in data["three_years"]
    ]


def load_actions(
    report: LoadReport,
    plan: Plan,
    priorities: dict[int, Priority],
    organisations: dict[str, Organisation],
    themes: dict[str, Theme],
    users: dict[str, User],
) -> dict[tuple[int, int], Action]:
    """Each priority's commitments as actions, keyed by (priority order, commitment index)."""
    owners = {key: users.get(email) for email, keys in invented.OWNED_ACTIONS.items() for key in keys}
    actions = {}
    for data in source.PRIORITIES:
        priority = priorities[data["order"]]
        for index, (horizon, text) in enumerate(_commitments(data)):
            key = (data["order"], index)
            updated = key in invented.DEMO_UPDATES
            action = upsert(
                report,
                Action,
                {"plan": plan, "reference": f"{data['order']}.{index + 1}"},
                {
                    "priority": priority,
                    "order": index + 1,
                    "overall_objective": text,
                    "horizon": horizon,
                    "owner": owners.get(key),
                    "start_date": plan.period_start,
                    "deadline": HORIZON_DEADLINES[horizon],
                    "status": Action.Status.IN_PROGRESS if updated else Action.Status.NOT_STARTED,
                },
            )
            extra = [organisations[k] for k in data.get("organisations", {}).get(index, [])]
            set_m2m(report, action.responsible_organisations, [priority.lead_organisation, *extra])
            set_m2m(report, action.themes, [themes[k] for k in data.get("themes", {}).get(index, [])])
            actions[key] = action
    return actions

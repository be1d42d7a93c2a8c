"""Load the Safer Walsall Partnership Plan 2020 (reports/demo/walsall_2020.py) into the database.

Idempotent by construction: every record is found by its natural key and saved only when a
field differs, so a second run writes nothing, not even a history row.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import models, transaction

from actions.models import Action, ActionUpdate
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    Decision,
    Meeting,
    Membership,
    Organisation,
    Partnership,
    User,
)
from priorities import approvals
from priorities.models import (
    ApprovalStep,
    BaselineStatistic,
    Consultation,
    ConsultationFinding,
    EqiaActionItem,
    EqiaImpact,
    EqualityImpactAssessment,
    Measure,
    MeasureReading,
    Plan,
    PlanAim,
    Priority,
    ReportingPeriod,
    StrategicAssessment,
    Theme,
)

from . import walsall_2020 as seed

DEMO_PASSWORD = "demo-walsall-2020"
CHANGE_REASON = "Loaded from the Safer Walsall Partnership Plan 2020 (load_demo)"
LONDON = ZoneInfo("Europe/London")
HORIZON_DEADLINES = {
    Action.Horizon.ONE_YEAR: datetime.date(2020, 12, 31),
    Action.Horizon.THREE_YEARS: datetime.date(2022, 12, 31),
}


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    links: int = 0  # many-to-many links set (themes, responsible organisations)

    def count(self, bucket: dict[str, int], model: type[models.Model]) -> None:
        name = model._meta.verbose_name_plural
        bucket[name] = bucket.get(name, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.links)


def _upsert(report: LoadReport, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Find by natural key; create, or save only the fields that differ."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.count(report.created, model)
        return obj
    changed = [name for name, value in values.items() if _field_value(obj, name) != _comparable(value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.count(report.updated, model)
    return obj


def _field_value(obj: models.Model, name: str):
    field_ = obj._meta.get_field(name)
    if field_.is_relation:
        return getattr(obj, field_.attname)
    return getattr(obj, name)


def _comparable(value):
    return value.pk if isinstance(value, models.Model) else value


def _set_m2m(report: LoadReport, manager, objects: Iterable[models.Model]) -> None:
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)
        report.links += 1


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@transaction.atomic
def load_walsall_demo(*, with_users: bool = True) -> LoadReport:
    report = LoadReport()
    partnership = _upsert(
        report, Partnership, {"slug": seed.PARTNERSHIP["slug"]}, _without(seed.PARTNERSHIP, "slug")
    )
    organisations = {
        org["key"]: _upsert(
            report,
            Organisation,
            {"partnership": partnership, "name": org["name"]},
            _without(org, "key", "name"),
        )
        for org in seed.ORGANISATIONS
    }
    users = _load_users(report, partnership, organisations) if with_users else {}
    assessment, statistics = _load_assessment(report, partnership)
    # No status here: the plan is approved and active through its approvals trail (_load_approvals).
    plan = _upsert(
        report,
        Plan,
        {"partnership": partnership, "title": seed.PLAN["title"]},
        {
            **_without(seed.PLAN, "title", "aims"),
            "final_approval_stage": ApprovalStep.Stage.COUNCIL,
            "is_published": True,
            "strategic_assessment": assessment,
        },
    )
    for order, text in enumerate(seed.PLAN["aims"], start=1):
        _upsert(report, PlanAim, {"plan": plan, "order": order}, {"text": text})
    meetings = _load_boards(report, partnership, organisations, users)
    _load_meeting_records(report, meetings, organisations, users)
    periods = _load_periods(report, plan, meetings)
    priorities = _load_priorities(report, plan, organisations, users, statistics)
    themes = _load_themes(report, plan, priorities)
    actions = _load_actions(report, plan, priorities, organisations, themes, users)
    _load_updates(report, actions, periods, priorities, users)
    _load_readings(report, priorities, periods, users)
    _load_approvals(report, plan, meetings)
    consultation = _load_consultation(report, partnership, plan, priorities)
    _load_findings_answered(report, consultation, actions)
    _load_equality_impact_assessment(report, plan, consultation)
    return report


def _without(data: dict, *keys: str) -> dict:
    return {k: v for k, v in data.items() if k not in keys}


def _load_users(report, partnership, organisations) -> dict[str, User]:
    users = {}
    for person in seed.DEMO_USERS:
        superuser = person.get("superuser", False)
        values = {
            "full_name": person["full_name"],
            "job_title": person.get("job_title", ""),
            "organisation": organisations[person["organisation"]],
            "is_staff": superuser,
            "is_superuser": superuser,
        }
        user = User.objects.filter(email=person["email"]).first()
        if user is None:
            # Only a new account gets the demo password: a rerun never resets one someone changed.
            user = User.objects.create_user(email=person["email"], password=DEMO_PASSWORD, **values)
            report.count(report.created, User)
        else:
            user = _upsert(report, User, {"email": person["email"]}, values)
        _upsert(report, Membership, {"partnership": partnership, "user": user}, {"role": person["role"]})
        users[person["email"]] = user
    return users


def _load_assessment(report, partnership):
    assessment = _upsert(
        report,
        StrategicAssessment,
        {"partnership": partnership, "title": seed.STRATEGIC_ASSESSMENT["title"]},
        _without(seed.STRATEGIC_ASSESSMENT, "title"),
    )
    statistics = {}
    for order, stat in enumerate(seed.BASELINE_STATISTICS, start=1):
        statistics[stat["key"]] = _upsert(
            report,
            BaselineStatistic,
            {"assessment": assessment, "label": stat["label"]},
            {**_without(stat, "key", "label"), "order": order},
        )
    return assessment, statistics


def _load_boards(report, partnership, organisations, users) -> dict[tuple[str, datetime.date], Meeting]:
    """Boards, their members and meetings. Meetings are keyed by (board key, date)."""
    boards = {}
    for order, data in enumerate(seed.BOARDS, start=1):
        parent = boards.get(data.get("parent"))
        board = _upsert(
            report,
            Board,
            {"partnership": partnership, "name": data["name"]},
            {
                "kind": data["kind"],
                "parent": parent,
                "meeting_frequency": data.get("meeting_frequency", ""),
                "terms_of_reference": data.get("terms_of_reference", ""),
                "order": order,
            },
        )
        boards[data["key"]] = board
        for member in data.get("members", []):
            _upsert(
                report,
                BoardMember,
                {"board": board, "name": member["name"]},
                {
                    "title": member.get("title", ""),
                    "organisation": organisations.get(member.get("organisation")),
                    "user": users.get(member.get("demo_user")),
                    "position": member["position"],
                },
            )
    meetings = {}
    for data in seed.MEETINGS:
        records = seed.MEETING_RECORDS.get((data["board"], data["date"]), {})
        meetings[(data["board"], data["date"])] = _upsert(
            report,
            Meeting,
            {"board": boards[data["board"]], "date": data["date"]},
            {
                "title": data.get("title", ""),
                "location": data.get("location", ""),
                "notes": data.get("notes", ""),
                "minutes": records.get("minutes", ""),
                "minutes_approved_on": records.get("minutes_approved_on"),
            },
        )
    return meetings


def _load_meeting_records(report, meetings, organisations, users) -> None:
    """Agenda, attendance and decisions of the meetings the seed (or the demo) records."""
    for key, records in seed.MEETING_RECORDS.items():
        meeting = meetings[key]
        items = {
            order: _upsert(
                report,
                AgendaItem,
                {"meeting": meeting, "order": order},
                {
                    "title": item["title"],
                    "presenter": item.get("presenter", ""),
                    "paper": item.get("paper", ""),
                },
            )
            for order, item in enumerate(records.get("agenda", []), start=1)
        }
        for person in records.get("attendance", []):
            _upsert(
                report,
                Attendance,
                {"meeting": meeting, "name": person["name"]},
                {
                    "user": users.get(person.get("demo_user")),
                    "organisation": organisations.get(person.get("organisation")),
                    "position": person["position"],
                    "status": person["status"],
                },
            )
        for order, decision in enumerate(records.get("decisions", []), start=1):
            _upsert(
                report,
                Decision,
                {"meeting": meeting, "order": order},
                {
                    "agenda_item": items.get(decision.get("agenda_item")),
                    "reference": decision.get("reference", ""),
                    "kind": decision["kind"],
                    "text": decision["text"],
                    "owner": decision.get("owner", ""),
                    "due_on": decision.get("due_on"),
                },
            )


def _load_periods(report, plan, meetings) -> dict[str, ReportingPeriod]:
    return {
        data["label"]: _upsert(
            report,
            ReportingPeriod,
            {"plan": plan, "label": data["label"]},
            {
                "start": data["start"],
                "end": data["end"],
                "update_deadline": data["update_deadline"],
                "meeting": meetings.get(("board", data.get("meeting_date"))),
                "status": data["status"],
            },
        )
        for data in seed.REPORTING_PERIODS
    }


def _load_priorities(report, plan, organisations, users, statistics) -> dict[int, Priority]:
    priorities = {}
    for data in seed.PRIORITIES:
        priority = _upsert(
            report,
            Priority,
            {"plan": plan, "order": data["order"]},
            {
                "title": data["title"],
                "lead_organisation": organisations[data["lead"]],
                "lead_officer": users.get(data.get("demo_lead_email")),
                "you_told_us": data.get("you_told_us", ""),
                "why": data.get("why", ""),
                "aim": data.get("aim", ""),
            },
        )
        priorities[data["order"]] = priority
        _set_m2m(
            report,
            priority.cites,
            [statistics[key] for key in seed.PRIORITY_STATISTICS.get(data["order"], [])],
        )
        for order, measure in enumerate(data["measures"], start=1):
            _upsert(
                report, Measure, {"priority": priority, "order": order}, _measure_values(measure, statistics)
            )
    return priorities


def _measure_values(measure: dict, statistics) -> dict:
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
        "baseline_note": measure.get("baseline_note", ""),
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


def _load_themes(report, plan, priorities) -> dict[str, Theme]:
    themes = {}
    for data in seed.THEMES:
        theme = _upsert(
            report, Theme, {"plan": plan, "name": data["name"]}, {"description": data["description"]}
        )
        _set_m2m(report, theme.priorities, [priorities[order] for order in data["priorities"]])
        themes[data["key"]] = theme
    return themes


def _commitments(data: dict) -> list[tuple[str, str]]:
    return [(Action.Horizon.ONE_YEAR, text) for text in data["one_year"]] + [
        (Action.Horizon.THREE_YEARS, text) for text in data["three_years"]
    ]


def _load_actions(report, plan, priorities, organisations, themes, users) -> dict[tuple[int, int], Action]:
    owners = {key: users.get(email) for email, keys in seed.OWNED_ACTIONS.items() for key in keys}
    actions = {}
    for data in seed.PRIORITIES:
        priority = priorities[data["order"]]
        for index, (horizon, text) in enumerate(_commitments(data)):
            key = (data["order"], index)
            updated = key in seed.DEMO_UPDATES
            action = _upsert(
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
            _set_m2m(report, action.responsible_organisations, [priority.lead_organisation, *extra])
            _set_m2m(report, action.themes, [themes[k] for k in data.get("themes", {}).get(index, [])])
            actions[key] = action
    return actions


def _load_updates(report, actions, periods, priorities, users) -> None:
    secretary = users.get("secretary@demo.example")
    for key, by_period in seed.DEMO_UPDATES.items():
        action = actions[key]
        author = action.owner or priorities[key[0]].lead_officer
        for label, update in by_period.items():
            period = periods[label]
            state = update.get("state", ActionUpdate.State.ACCEPTED)
            submitted = state != ActionUpdate.State.DRAFT
            accepted = state == ActionUpdate.State.ACCEPTED
            _upsert(
                report,
                ActionUpdate,
                {"action": action, "period": period},
                {
                    "rag": update["rag"],
                    "progress": update["progress"],
                    "recovery_plan": update.get("recovery_plan", ""),
                    "outcomes": update.get("outcomes", ""),
                    "state": state,
                    "submitted_by": author if submitted else None,
                    "submitted_at": _at(period.update_deadline - datetime.timedelta(days=3))
                    if submitted
                    else None,
                    "reviewed_by": secretary if accepted else None,
                    "reviewed_at": _at(period.update_deadline + datetime.timedelta(days=2))
                    if accepted
                    else None,
                },
            )


def _load_readings(report, priorities, periods, users) -> None:
    for (order, measure_order), by_period in seed.DEMO_READINGS.items():
        priority = priorities[order]
        measure = priority.measures.get(order=measure_order)
        for label, reading in by_period.items():
            period = periods[label]
            _upsert(
                report,
                MeasureReading,
                {"measure": measure, "period": period},
                {
                    "value": reading.get("value"),
                    "narrative": reading.get("narrative", ""),
                    "entered_by": priority.lead_officer,
                    "entered_at": _at(period.update_deadline - datetime.timedelta(days=3)),
                },
            )


def _load_approvals(report, plan, meetings) -> None:
    """The trail, then the status it gives, set by the approvals service (the only way to set it)."""
    for order, step in enumerate(seed.APPROVALS, start=1):
        _upsert(
            report,
            ApprovalStep,
            {"plan": plan, "order": order},
            {
                "stage": step["stage"],
                "body": step["body"],
                "date": step["date"],
                "outcome": step["outcome"],
                "notes": step["notes"],
                "meeting": meetings.get(step.get("meeting")),
            },
        )
    if approvals.sync_status(plan=plan, by=None):
        report.count(report.updated, Plan)


def _load_consultation(report, partnership, plan, priorities) -> Consultation:
    data = seed.CONSULTATION
    consultation = _upsert(
        report,
        Consultation,
        {"partnership": partnership, "title": data["title"]},
        {**_without(data, "title", "findings"), "plan": plan},
    )
    told_us = {p["order"]: p["you_told_us"] for p in seed.PRIORITIES}
    for order, finding in enumerate(data["findings"], start=1):
        text = finding.get("text") or told_us[finding["you_told_us_of"]]
        saved = _upsert(
            report,
            ConsultationFinding,
            {"consultation": consultation, "order": order},
            {"text": text, "source": finding["source"], "heard_on": finding.get("heard_on")},
        )
        _set_m2m(report, saved.priorities, [priorities[n] for n in finding["priorities"]])
    return consultation


def _load_findings_answered(report, consultation, actions) -> None:
    """ "You told us → we did": which commitments answer which findings (seed.FINDINGS_ANSWERED_BY)."""
    by_reference = {action.reference: action for action in actions.values()}
    findings = {finding.order: finding for finding in consultation.findings.all()}
    wanted: dict[str, list] = {reference: [] for reference in by_reference}
    for order, references in seed.FINDINGS_ANSWERED_BY.items():
        for reference in references:
            wanted[reference].append(findings[order])
    for reference, answered in wanted.items():
        _set_m2m(report, by_reference[reference].answers, answered)


def _load_equality_impact_assessment(report, plan, consultation) -> None:
    data = seed.EQUALITY_IMPACT_ASSESSMENT
    eqia = _upsert(
        report,
        EqualityImpactAssessment,
        {"plan": plan},
        {**_without(data, "impacts", "actions"), "consultation": consultation},
    )
    for impact in data["impacts"]:
        _upsert(
            report,
            EqiaImpact,
            {"eqia": eqia, "characteristic": impact["characteristic"]},
            _without(impact, "characteristic"),
        )
    for order, item in enumerate(data["actions"], start=1):
        done = item["demo_done"]
        _upsert(
            report,
            EqiaActionItem,
            {"eqia": eqia, "order": order},
            {
                **_without(item, "demo_done"),
                "done": done,
                "done_at": _at(item["outcome_date"], 17) if done else None,
                "done_by": None,
            },
        )

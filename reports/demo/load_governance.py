"""The governance records: boards and their members, meetings with their agendas, attendance and
decisions, the plan's approvals trail, the consultation and the Equality Impact Assessment.

Each joins the transcription (walsall_2020_plan) with what the demo adds to it
(walsall_2020_invented): the delivery groups and the secretary's seat, the 2020 meetings,
Cabinet's and Full Council's decisions, and which EqIA actions are done.
"""

import datetime

from actions.models import Action
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    Decision,
    Meeting,
    Organisation,
    Partnership,
    User,
)
from priorities import approvals
from priorities.models import (
    ApprovalStep,
    Consultation,
    ConsultationFinding,
    EqiaActionItem,
    EqiaImpact,
    EqualityImpactAssessment,
    Plan,
    Priority,
)

from . import walsall_2020_invented as invented
from . import walsall_2020_plan as source
from .upsert import LoadReport, at, set_m2m, upsert, without

MeetingKey = tuple[str, datetime.date]  # (board key, meeting date)


def _boards() -> list[dict]:
    """The partnership's own bodies, the demo's delivery groups beneath them, then the council bodies."""
    own = [board for board in source.BOARDS if board["kind"] != "council_body"]
    council = [board for board in source.BOARDS if board["kind"] == "council_body"]
    return [*own, *invented.DELIVERY_GROUPS, *council]


def _meeting_records() -> dict[MeetingKey, dict]:
    """What the source records of each meeting, with what the demo adds (Cabinet's decision, 2020)."""
    records = {key: dict(record) for key, record in source.MEETING_RECORDS.items()}
    for key, added in invented.MEETING_RECORDS.items():
        records[key] = {**records.get(key, {}), **added}
    return records


def load_boards(
    report: LoadReport,
    partnership: Partnership,
    organisations: dict[str, Organisation],
    users: dict[str, User],
) -> dict[MeetingKey, Meeting]:
    """Boards, their members and meetings. Meetings are keyed by (board key, date)."""
    boards = {}
    for order, data in enumerate(_boards(), start=1):
        parent = boards.get(data.get("parent"))
        board = upsert(
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
        for member in [*data.get("members", []), *invented.BOARD_MEMBERS.get(data["key"], [])]:
            upsert(
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
    records = _meeting_records()
    meetings = {}
    for data in [*source.MEETINGS, *invented.MEETINGS]:
        key = (data["board"], data["date"])
        meetings[key] = upsert(
            report,
            Meeting,
            {"board": boards[data["board"]], "date": data["date"]},
            {
                "title": data.get("title", ""),
                "location": data.get("location", ""),
                "notes": data.get("notes", ""),
                "minutes": records.get(key, {}).get("minutes", ""),
                "minutes_approved_on": records.get(key, {}).get("minutes_approved_on"),
            },
        )
    return meetings


def load_meeting_records(
    report: LoadReport,
    meetings: dict[MeetingKey, Meeting],
    organisations: dict[str, Organisation],
    users: dict[str, User],
) -> None:
    """Agenda, attendance and decisions of the meetings the source (or the demo) records."""
    for key, records in _meeting_records().items():
        meeting = meetings[key]
        items = {
            order: upsert(
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
            upsert(
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
            upsert(
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


def load_approvals(report: LoadReport, plan: Plan, meetings: dict[MeetingKey, Meeting]) -> None:
    """The trail, then the status it gives, set by the approvals service (the only way to set it)."""
    for order, step in enumerate([*source.APPROVALS, *invented.APPROVALS], start=1):
        upsert(
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


def load_consultation(
    report: LoadReport, partnership: Partnership, plan: Plan, priorities: dict[int, Priority]
) -> Consultation:
    data = source.CONSULTATION
    consultation = upsert(
        report,
        Consultation,
        {"partnership": partnership, "title": data["title"]},
        {**without(data, "title", "findings"), "plan": plan},
    )
    told_us = {p["order"]: p["you_told_us"] for p in source.PRIORITIES}
    for order, finding in enumerate(data["findings"], start=1):
        text = finding.get("text") or told_us[finding["you_told_us_of"]]
        saved = upsert(
            report,
            ConsultationFinding,
            {"consultation": consultation, "order": order},
            {"text": text, "source": finding["source"], "heard_on": finding.get("heard_on")},
        )
        set_m2m(report, saved.priorities, [priorities[n] for n in finding["priorities"]])
    return consultation


def load_findings_answered(
    report: LoadReport, consultation: Consultation, actions: dict[tuple[int, int], Action]
) -> None:
    """ "You told us → we did": which commitments answer which findings (FINDINGS_ANSWERED_BY)."""
    by_reference = {action.reference: action for action in actions.values()}
    findings = {finding.order: finding for finding in consultation.findings.all()}
    wanted: dict[str, list] = {reference: [] for reference in by_reference}
    for order, references in source.FINDINGS_ANSWERED_BY.items():
        for reference in references:
            wanted[reference].append(findings[order])
    for reference, answered in wanted.items():
        set_m2m(report, by_reference[reference].answers, answered)


def load_equality_impact_assessment(report: LoadReport, plan: Plan, consultation: Consultation) -> None:
    data = source.EQUALITY_IMPACT_ASSESSMENT
    eqia = upsert(
        report,
        EqualityImpactAssessment,
        {"plan": plan},
        {**without(data, "impacts", "actions"), "consultation": consultation},
    )
    for impact in data["impacts"]:
        upsert(
            report,
            EqiaImpact,
            {"eqia": eqia, "characteristic": impact["characteristic"]},
            without(impact, "characteristic"),
        )
    for order, item in enumerate(data["actions"], start=1):
        done = order in invented.EQIA_ACTIONS_DONE
        upsert(
            report,
            EqiaActionItem,
            {"eqia": eqia, "order": order},
            {
                **item,
                "done": done,
                "done_at": at(item["outcome_date"], 17) if done else None,
                "done_by": None,
            },
        )

"""The demo's reporting year: its quarters, the leads' quarterly updates and the measures' readings."""

import datetime

from actions.models import Action, ActionUpdate, BoardNote
from governance.models import Meeting, User
from priorities.models import MeasureReading, Plan, Priority, ReportingPeriod

from . import walsall_2020_invented as invented
from .upsert import LoadReport, at, upsert


def load_periods(
    report: LoadReport, plan: Plan, meetings: dict[tuple[str, datetime.date], Meeting]
) -> dict[str, ReportingPeriod]:
    """The plan's quarters, keyed by label, each for the board meeting that receives its pack."""
    return {
        data["label"]: upsert(
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
        for data in invented.REPORTING_PERIODS
    }


def load_updates(
    report: LoadReport,
    actions: dict[tuple[int, int], Action],
    periods: dict[str, ReportingPeriod],
    priorities: dict[int, Priority],
    users: dict[str, User],
) -> None:
    secretary = users.get("secretary@demo.example")
    for key, by_period in invented.DEMO_UPDATES.items():
        action = actions[key]
        author = action.owner or priorities[key[0]].lead_officer
        for label, update in by_period.items():
            period = periods[label]
            state = update.get("state", ActionUpdate.State.ACCEPTED)
            submitted = state != ActionUpdate.State.DRAFT
            accepted = state == ActionUpdate.State.ACCEPTED
            upsert(
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
                    "submitted_at": at(period.update_deadline - datetime.timedelta(days=3))
                    if submitted
                    else None,
                    "reviewed_by": secretary if accepted else None,
                    "reviewed_at": at(period.update_deadline + datetime.timedelta(days=2))
                    if accepted
                    else None,
                },
            )


def load_readings(
    report: LoadReport, priorities: dict[int, Priority], periods: dict[str, ReportingPeriod]
) -> None:
    for (order, measure_order), by_period in invented.DEMO_READINGS.items():
        priority = priorities[order]
        measure = priority.measures.get(order=measure_order)
        for label, reading in by_period.items():
            period = periods[label]
            upsert(
                report,
                MeasureReading,
                {"measure": measure, "period": period},
                {
                    "value": reading.get("value"),
                    "narrative": reading.get("narrative", ""),
                    "entered_by": priority.lead_officer,
                    "entered_at": at(period.update_deadline - datetime.timedelta(days=3)),
                },
            )


def load_board_notes(
    report: LoadReport,
    periods: dict[str, ReportingPeriod],
    priorities: dict[int, Priority],
    users: dict[str, User],
) -> None:
    """The leads' commentary and the secretary's asks, accepted by the partnership admin."""
    secretary, admin = users.get("secretary@demo.example"), users.get("admin@demo.example")
    for label, notes in invented.DEMO_BOARD_NOTES.items():
        period = periods[label]
        written = [
            (BoardNote.Kind.COMMENTARY, priorities[order], priorities[order].lead_officer, text)
            for order, text in notes["commentary"].items()
        ]
        written.append((BoardNote.Kind.ASKS, None, secretary, notes["asks"]))
        for kind, priority, author, text in written:
            upsert(
                report,
                BoardNote,
                {"period": period, "kind": kind, "priority": priority},
                {
                    "text": text,
                    "state": BoardNote.State.ACCEPTED,
                    "written_by": author,
                    "submitted_at": at(period.update_deadline - datetime.timedelta(days=2)),
                    "reviewed_by": admin,
                    "reviewed_at": at(period.update_deadline + datetime.timedelta(days=3)),
                },
            )

"""The pack's exceptions with their reasons, worked out from the read model alone.

Each red or amber action carries, on its own line, what is being done about it and any new date its
lead proposes, so the board reads the reason beside the rating instead of pages later. Missing
updates are grouped by the partner organisation responsible, one line each: the board asks a
partner, not an action, why it has not reported.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .pack_data import ActionRow, BoardPack

NO_ORGANISATION = "No responsible organisation"


@dataclass
class ExceptionLine:
    action: ActionRow
    priority: str  # as the pack names it
    change: str  # since the previous quarter, in words: "Worsened (was green)"
    being_done: str  # "" when the lead has not said
    new_date: date | None  # the deadline the lead proposes, if any
    new_date_reason: str


@dataclass
class MissingLine:
    """A partner organisation and the actions it has not reported on this quarter."""

    organisation: str
    actions: list[ActionRow]


@dataclass
class Exceptions:
    red_and_amber: list[ExceptionLine]
    overdue: list[ExceptionLine]
    missing: list[MissingLine]
    missing_count: int  # actions, each once, however many organisations share it
    returned: list[ExceptionLine]


def missing_by_organisation(actions: list[ActionRow]) -> list[MissingLine]:
    """One line per organisation, by name, with those no organisation is responsible for last. An
    action shared by two organisations is on both their lines: each of them owes it."""
    lines: dict[str, list[ActionRow]] = {}
    for action in actions:
        for organisation in action.organisations or [NO_ORGANISATION]:
            lines.setdefault(organisation, []).append(action)
    ordered = sorted(lines, key=lambda name: (name == NO_ORGANISATION, name.lower()))
    return [MissingLine(name, lines[name]) for name in ordered]


def exceptions(
    pack: BoardPack, *, priority_name: Callable[[ActionRow], str], change: Callable[[ActionRow], str]
) -> Exceptions:
    """`priority_name` and `change` put an action's priority and movement in the pack's words."""

    def line(action: ActionRow) -> ExceptionLine:
        return ExceptionLine(
            action=action,
            priority=priority_name(action),
            change=change(action),
            being_done=action.recovery_plan,
            new_date=action.proposed_deadline,
            new_date_reason=action.deadline_change_reason,
        )

    return Exceptions(
        red_and_amber=[line(a) for a in pack.red_and_amber],
        overdue=[line(a) for a in pack.overdue],
        missing=missing_by_organisation(pack.missing),
        missing_count=len(pack.missing),
        returned=[line(a) for a in pack.returned],
    )

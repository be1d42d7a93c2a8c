"""Why a write to an update is refused: someone saved first, or the workflow does not allow it now."""

from priorities.models import ReportingPeriod

from ..models import ActionUpdate


class Conflict(Exception):
    """Someone else saved first. `current` is the row as it now is (None if it was never saved)."""

    def __init__(self, current: ActionUpdate | None):
        super().__init__("Someone else saved this update after you opened it.")
        self.current = current


class NotAllowedNow(Exception):
    """The workflow does not allow this now (a locked quarter, an accepted update); message says why."""


def editable_problem(update, period: ReportingPeriod, *, noun: str = "update") -> str | None:
    """Why the owner cannot change this quarter's update (or board note, `noun`) now, or None if they can."""
    if period.status == ReportingPeriod.Status.PLANNED:
        return f"{period.label} is not open for {noun}s yet."
    if period.status == ReportingPeriod.Status.LOCKED:
        return f"{period.label} is locked: {noun}s can no longer be changed."
    if update is not None and update.state == ActionUpdate.State.ACCEPTED:
        return f"The secretary has accepted this {noun}, so it can no longer be changed."
    return None

"""`plan_changed`: something the board pack reads has changed, so a pre-rendered pack is out of date.

A signal because the services that change the plan live in lower apps (priorities, actions) than
the pack (reports), which may not be imported from them: reports connects its receiver in
ReportsConfig.ready(). It is sent once the change is committed, never for one rolled back, and a
receiver's failure is logged without touching the change that was saved.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent with plan_id: the plan whose pack reads what changed.
plan_changed = Signal()


def announce_plan_changed(*, plan_id: int) -> None:
    """Send plan_changed for the plan once the current transaction commits (at once outside one)."""

    def send() -> None:
        for receiver, result in plan_changed.send_robust(sender=announce_plan_changed, plan_id=plan_id):
            if isinstance(result, Exception):
                logger.error(
                    "plan_changed_receiver_failed receiver=%s plan=%s", receiver, plan_id, exc_info=result
                )

    transaction.on_commit(send)

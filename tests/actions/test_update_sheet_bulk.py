"""services.save_updates_in_bulk gives what save_update gives, row by row, history included."""

import datetime

import pytest
from django.utils import timezone

from actions import services
from actions.models import Action, ActionUpdate, Rag
from actions.services import bulk
from priorities.models import Theme
from tests import factories

INPUTS = {
    "new-submit": (services.UpdateInput(rag=Rag.RED, progress="Behind.", recovery_plan="More staff."), True),
    "new-draft": (services.UpdateInput(rag="", progress="Started."), False),
    "draft-submit": (services.UpdateInput(rag=Rag.GREEN, progress="Fine.", recovery_plan="dropped"), True),
    "returned-draft": (services.UpdateInput(rag=Rag.AMBER, progress="Hmm.", outcomes="3 events"), False),
    "submitted-again": (
        services.UpdateInput(
            rag=Rag.GREEN,
            progress="Done.",
            marks_complete=True,
            proposed_deadline=datetime.date(2021, 3, 31),
            deadline_change_reason="Late start",
        ),
        True,
    ),
}


def build(plan, priority, period, owner, police, theme, prefix: str) -> dict[str, Action]:
    actions = {}
    for n, key in enumerate(INPUTS, start=1):
        action = factories.make_action(priority, f"{prefix}.{n}", owner=owner)
        action.responsible_organisations.add(police)
        action.themes.add(theme)
        actions[key] = action
    factories.make_update(actions["draft-submit"], period, rag=Rag.AMBER, progress="Old.", version=2)
    factories.make_update(
        actions["returned-draft"],
        period,
        state=ActionUpdate.State.RETURNED,
        rag=Rag.AMBER,
        progress="Old.",
        recovery_plan="Old plan.",
        submitted_at=timezone.now(),
        version=4,
    )
    factories.make_update(
        actions["submitted-again"],
        period,
        state=ActionUpdate.State.SUBMITTED,
        rag=Rag.GREEN,
        progress="Old.",
        submitted_at=timezone.now(),
    )
    Action.objects.filter(pk=actions["submitted-again"].pk).update(status=Action.Status.IN_PROGRESS)
    return actions


UPDATE_FIELDS = [
    "rag", "progress", "recovery_plan", "outcomes", "marks_complete", "proposed_deadline",
    "deadline_change_reason", "state", "submitted_by_id", "version",
]  # fmt: skip


def snapshot(actions: dict[str, Action], period) -> dict:
    result = {}
    for key, action in actions.items():
        action.refresh_from_db()
        update = ActionUpdate.objects.get(action=action, period=period)
        update_history = list(update.history.order_by("history_date", "history_id"))
        action_history = list(action.history.order_by("history_date", "history_id"))
        result[key] = {
            "update": [getattr(update, name) for name in UPDATE_FIELDS],
            "submitted_at_set": update.submitted_at is not None,
            "action": (action.status, action.version),
            "update_history": [
                (h.history_type, h.history_user_id, h.history_change_reason, h.version, h.state)
                for h in update_history
            ],
            "action_history": [
                (
                    h.history_type,
                    h.history_user_id,
                    h.history_change_reason,
                    h.status,
                    sorted(h.responsible_organisations.values_list("organisation_id", flat=True)),
                    sorted(h.themes.values_list("theme_id", flat=True)),
                )
                for h in action_history
            ],
        }
    return result


@pytest.mark.parametrize("whole_plan_from", [1000, 0], ids=["by ids", "whole plan"])
def test_bulk_and_row_by_row_give_the_same_result(
    plan, period, p1, lead_a, police, monkeypatch, whole_plan_from
):
    """Both ways of reading the rows to write: by lists of ids (a few rows) and the whole plan (many)."""
    monkeypatch.setattr(bulk, "_WHOLE_PLAN_FROM", whole_plan_from)
    theme = Theme.objects.create(plan=plan, name="Domestic abuse")
    one_by_one = build(plan, p1, period, lead_a, police, theme, "1")
    p9 = factories.make_priority(plan, 9, lead_officer=lead_a)
    in_bulk = build(plan, p9, period, lead_a, police, theme, "9")
    for key, (data, submit) in INPUTS.items():
        existing = ActionUpdate.objects.filter(action=one_by_one[key], period=period).first()
        services.save_update(
            action=one_by_one[key],
            period=period,
            by=lead_a,
            expected_version=existing.version if existing else 0,
            data=data,
            submit=submit,
        )
    items = []
    for key, (data, submit) in INPUTS.items():
        existing = ActionUpdate.objects.filter(action=in_bulk[key], period=period).first()
        items.append(
            services.BulkUpdate(
                action=in_bulk[key],
                expected_version=existing.version if existing else 0,
                data=data,
                submit=submit,
            )
        )
    services.save_updates_in_bulk(period=period, by=lead_a, items=items)
    assert snapshot(in_bulk, period) == snapshot(one_by_one, period)


def test_bulk_refuses_everything_on_a_conflict_or_an_accepted_update(plan, period, p1, lead_a):
    fresh, accepted = factories.make_action(p1, "1.1"), factories.make_action(p1, "1.2")
    factories.make_update(
        accepted, period, state=ActionUpdate.State.ACCEPTED, rag=Rag.GREEN, submitted_at=timezone.now()
    )
    data = services.UpdateInput(rag=Rag.GREEN, progress="Fine.")
    with pytest.raises(services.Conflict):
        services.save_updates_in_bulk(
            period=period, by=lead_a, items=[services.BulkUpdate(fresh, 3, data, True)]
        )
    with pytest.raises(services.NotAllowedNow, match="1.2: The secretary has accepted"):
        services.save_updates_in_bulk(
            period=period,
            by=lead_a,
            items=[services.BulkUpdate(fresh, 0, data, True), services.BulkUpdate(accepted, 1, data, True)],
        )
    assert not ActionUpdate.objects.filter(action=fresh).exists()
    assert not ActionUpdate.history.filter(action_id=fresh.pk).exists()

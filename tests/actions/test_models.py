import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from actions.models import Action, ActionUpdate, Rag
from tests import factories


def test_references_are_unique_within_a_plan_even_across_priorities(p1, p2):
    factories.make_action(p1, "1.1")
    clash = Action(
        priority=p2, reference="1.1", overall_objective="Something else", horizon=Action.Horizon.ONE_YEAR
    )
    with pytest.raises(ValidationError) as raised:
        clash.full_clean()
    assert "Item 1.1 already exists in this plan." in str(raised.value)
    clash.plan = p2.plan
    with pytest.raises(IntegrityError):
        clash.save()


def test_the_same_reference_may_appear_in_another_plan(walsall, p1):
    factories.make_action(p1, "1.1")
    next_year = factories.make_priority(factories.make_plan(walsall, title="Plan 2021"), 1)
    factories.make_action(next_year, "1.1")
    assert Action.objects.filter(reference="1.1", plan__partnership=walsall).count() == 2


def test_clean_takes_the_plan_from_the_priority(p1):
    action = Action(priority=p1, reference="1.9", overall_objective="x", horizon=Action.Horizon.ONE_YEAR)
    action.full_clean()
    assert action.plan_id == p1.plan_id


def test_a_deadline_cannot_be_before_the_start_date(p1):
    action = Action(
        priority=p1,
        reference="1.1",
        overall_objective="x",
        horizon=Action.Horizon.ONE_YEAR,
        start_date=datetime.date(2020, 6, 1),
        deadline=datetime.date(2020, 5, 1),
    )
    with pytest.raises(ValidationError) as raised:
        action.full_clean()
    assert "The deadline must be on or after the start date." in str(raised.value)
    action.plan = p1.plan
    with pytest.raises(IntegrityError):
        action.save()


def test_one_update_per_action_per_period(p1, period):
    action = factories.make_action(p1)
    factories.make_update(action, period)
    with pytest.raises(IntegrityError):
        factories.make_update(action, period)


def test_a_submitted_update_needs_a_rag_rating(p1, period):
    update = ActionUpdate(
        action=factories.make_action(p1),
        period=period,
        state=ActionUpdate.State.SUBMITTED,
        submitted_at=timezone.now(),
    )
    with pytest.raises(ValidationError) as raised:
        update.full_clean()
    assert "A submitted update needs a RAG rating" in str(raised.value)


def test_a_draft_may_be_saved_before_it_is_rated(p1, period):
    update = factories.make_update(factories.make_action(p1), period, progress="Started work")
    assert update.rag == "" and update.state == ActionUpdate.State.DRAFT


def test_an_update_must_be_for_a_period_of_the_actions_plan(walsall, p1):
    other_period = factories.make_period(factories.make_plan(walsall, title="Other"))
    update = ActionUpdate(action=factories.make_action(p1), period=other_period)
    with pytest.raises(ValidationError) as raised:
        update.full_clean()
    assert "Choose a reporting period of this action's plan." in str(raised.value)


def test_update_history_keeps_before_and_after_values(p1, period, lead_a):
    update = factories.make_update(factories.make_action(p1), period, rag=Rag.GREEN, progress="On track")
    update.rag = Rag.RED
    update.save()
    newest, oldest = update.history.all()
    delta = newest.diff_against(oldest)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("rag", "green", "red")]


def test_responsible_organisation_changes_are_in_history(p1, police):
    action = factories.make_action(p1)
    action.responsible_organisations.add(police)
    assert action.history.count() == 2
    assert list(action.history.first().responsible_organisations.values_list("organisation", flat=True)) == [
        police.pk
    ]

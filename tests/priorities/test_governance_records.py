"""The plan's statutory records keep to their plan and partnership and make sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from priorities.models import (
    ApprovalStep,
    BaselineStatistic,
    Consultation,
    ConsultationFinding,
    EqiaActionItem,
    EqiaImpact,
    EqualityImpactAssessment,
    StrategicAssessment,
)
from tests import factories


def _consultation(partnership, **fields):
    fields.setdefault("title", "Residents' survey 2019")
    fields.setdefault("held_from", datetime.date(2019, 6, 1))
    fields.setdefault("held_to", datetime.date(2019, 6, 30))
    return Consultation.objects.create(partnership=partnership, **fields)


def test_a_consultation_ends_on_or_after_it_starts(walsall):
    backwards = Consultation(
        partnership=walsall,
        title="Backwards",
        held_from=datetime.date(2019, 6, 30),
        held_to=datetime.date(2019, 6, 1),
    )
    with pytest.raises(ValidationError) as raised:
        backwards.full_clean()
    assert "The consultation must end on or after the day it starts." in str(raised.value)


def test_a_consultation_informs_a_plan_of_its_own_partnership(walsall, elsewhere):
    theirs = factories.make_plan(elsewhere, title="Their plan")
    consultation = Consultation(
        partnership=walsall,
        plan=theirs,
        title="Survey",
        held_from=datetime.date(2019, 6, 1),
        held_to=datetime.date(2019, 6, 1),
    )
    with pytest.raises(ValidationError) as raised:
        consultation.full_clean()
    assert "Choose a plan of this partnership." in str(raised.value)


def test_findings_are_ordered_and_linked_to_the_priorities_they_shaped(walsall, p1, p2):
    consultation = _consultation(walsall)
    finding = ConsultationFinding.objects.create(
        consultation=consultation, order=1, text="You told us knives"
    )
    finding.priorities.set([p1])
    assert list(p1.consultation_findings.all()) == [finding]
    assert finding.history.count() >= 1
    with pytest.raises(IntegrityError):
        ConsultationFinding.objects.create(consultation=consultation, order=1, text="Again")


def test_a_plan_has_one_equality_impact_assessment(plan):
    EqualityImpactAssessment.objects.create(plan=plan, proposal_name="Community Safety Plan")
    with pytest.raises(IntegrityError):
        EqualityImpactAssessment.objects.create(plan=plan, proposal_name="Another")


def test_each_characteristic_has_one_impact_but_other_may_repeat(plan):
    eqia = EqualityImpactAssessment.objects.create(plan=plan, proposal_name="Plan")
    EqiaImpact.objects.create(eqia=eqia, characteristic="age", effect="positive")
    EqiaImpact.objects.create(eqia=eqia, characteristic="other", detail="Carers", effect="unknown")
    EqiaImpact.objects.create(eqia=eqia, characteristic="other", detail="Veterans", effect="neutral")
    with pytest.raises(IntegrityError):
        EqiaImpact.objects.create(eqia=eqia, characteristic="age", effect="negative")


def test_the_characteristics_are_the_protected_ones_and_other():
    assert [label for _, label in EqiaImpact.Characteristic.choices] == [
        "Age",
        "Disability",
        "Gender reassignment",
        "Marriage and civil partnership",
        "Pregnancy and maternity",
        "Race",
        "Religion or belief",
        "Sex",
        "Sexual orientation",
        "Other",
    ]


def test_an_action_marked_done_says_when(plan):
    eqia = EqualityImpactAssessment.objects.create(plan=plan, proposal_name="Plan")
    item = EqiaActionItem(eqia=eqia, order=1, action="Review", responsibility="Officer", done=True)
    with pytest.raises(ValidationError) as raised:
        item.full_clean()
    assert "An action marked done needs the time it was done" in str(raised.value)
    with pytest.raises(IntegrityError):
        item.save()


def test_an_approval_steps_meeting_is_one_of_the_partnerships(plan, elsewhere):
    meeting = factories.make_meeting(factories.make_board(elsewhere), datetime.date(2019, 9, 3))
    step = ApprovalStep(
        plan=plan, order=1, stage="board", date=meeting.date, outcome="approved", meeting=meeting
    )
    with pytest.raises(ValidationError) as raised:
        step.full_clean()
    assert "Choose a meeting of this partnership's boards." in str(raised.value)


def test_a_priority_cites_the_statistics_it_rests_on_with_history(walsall, p1):
    assessment = StrategicAssessment.objects.create(
        partnership=walsall, title="SA 2019", completed_on=datetime.date(2019, 1, 31)
    )
    stat = BaselineStatistic.objects.create(
        assessment=assessment, label="Knife crime", value=261, unit="offences", period="2018/19", source="SA"
    )
    before = p1.history.count()
    p1.cites.add(stat)
    assert list(stat.cited_by.all()) == [p1]
    assert p1.history.count() == before + 1

"""load_demo holds the Safer Walsall Partnership Plan 2020 faithfully, and a rerun changes nothing."""

import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from actions.models import Action, ActionUpdate
from governance.demo_accounts import is_demo_address
from governance.models import Membership, Organisation, Partnership, Role, User
from priorities.models import BaselineStatistic, Measure, Plan, Priority, ReportingPeriod, Theme
from reports.demo.walsall_2020_invented import DEMO_USERS

pytestmark = pytest.mark.usefixtures("demo")

LEADS = {
    "Violence reduction": ("West Midlands Police", "lead.violence@demo.example"),
    "Prevent extremist activity": ("Walsall Council", "lead.prevent@demo.example"),
    "Reduce drug and alcohol misuse": ("Walsall Council Public Health", "lead.drugs@demo.example"),
    "Serious and organised crime": ("NHS Walsall Clinical Commissioning Group", "lead.soc@demo.example"),
    "Reduce offending and re-offending": (
        "West Midlands Community Rehabilitation Company",
        "lead.reoffending@demo.example",
    ),
}
COMMITMENTS = {  # (over the coming year, over the next three years), as the plan lists them
    "Violence reduction": (6, 4),
    "Prevent extremist activity": (9, 6),
    "Reduce drug and alcohol misuse": (6, 5),
    "Serious and organised crime": (7, 5),
    "Reduce offending and re-offending": (9, 7),
}


@pytest.fixture
def plan():
    return Plan.objects.get(partnership__slug="safer-walsall")


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_running_it_again_changes_nothing_not_even_history():
    before = _row_counts()
    out = io.StringIO()
    call_command("load_demo", "--allow-demo-users", stdout=out)
    assert _row_counts() == before
    assert "nothing changed" in out.getvalue()


def test_a_rerun_restores_what_was_changed_and_records_it():
    priority = Priority.objects.get(title="Violence reduction")
    priority.aim = "Edited by someone"
    priority.save()
    call_command("load_demo", "--allow-demo-users", verbosity=0)
    priority.refresh_from_db()
    assert priority.aim.startswith("Is to reduce violence on the streets of Walsall")
    assert priority.history.first().history_change_reason.startswith("Loaded from the Safer Walsall")


def test_the_plan_is_the_2020_calendar_year_with_four_quarters(plan):
    assert (plan.period_start.isoformat(), plan.period_end.isoformat()) == ("2020-01-01", "2020-12-31")
    assert plan.is_published and plan.status == Plan.Status.ACTIVE
    assert plan.vision.startswith("Working together to create inclusive communities")
    assert list(plan.aims.values_list("text", flat=True)) == [
        "Creating safe, strong and resilient communities",
        "Keeping people safe from harm",
        "Reducing offending and preventing reoffending",
    ]
    statuses = dict(plan.periods.values_list("label", "status"))
    assert statuses == {
        "2020 Q1": ReportingPeriod.Status.LOCKED,
        "2020 Q2": ReportingPeriod.Status.LOCKED,
        "2020 Q3": ReportingPeriod.Status.OPEN,
        "2020 Q4": ReportingPeriod.Status.PLANNED,
    }


def test_five_priorities_with_the_lead_partners_the_plan_names(plan):
    priorities = plan.priorities.select_related("lead_organisation", "lead_officer")
    assert [p.title for p in priorities] == list(LEADS)
    for priority in priorities:
        organisation, lead_email = LEADS[priority.title]
        assert priority.lead_organisation.name == organisation
        assert priority.lead_officer.email == lead_email
        assert priority.lead_officer.organisation == priority.lead_organisation
        assert priority.you_told_us.startswith("You told us")
        assert priority.aim.startswith("Is to")


def test_fifteen_measures_three_per_priority(plan):
    measures = Measure.objects.filter(priority__plan=plan)
    assert measures.count() == 15
    for priority in plan.priorities.all():
        assert priority.measures.count() == 3
    assert measures.filter(title="Stopping violence in Walsall before it starts").exists()
    assert measures.filter(title__startswith="Reducing serious crime involving weapons").exists()


def test_numeric_measures_carry_the_plans_baselines(plan):
    people = Measure.objects.get(
        priority__plan=plan, title__startswith="Engaging drug and alcohol related offenders"
    )
    assert (people.kind, people.baseline_value, people.direction) == (
        Measure.Kind.NUMERIC,
        Decimal("1227"),
        "higher",
    )
    knives = Measure.objects.get(
        priority__plan=plan, title__startswith="Reducing serious crime involving weapons"
    )
    assert (knives.baseline_value, knives.baseline_period, knives.direction) == (
        Decimal("261"),
        "2018/19",
        "lower",
    )
    assert knives.baseline_statistic.note  # the cabinet report's 216 is recorded beside it


def test_every_commitment_is_an_action_with_its_horizon(plan):
    for title, (one_year, three_years) in COMMITMENTS.items():
        actions = Action.objects.filter(priority__plan=plan, priority__title=title)
        assert actions.filter(horizon=Action.Horizon.ONE_YEAR).count() == one_year, title
        assert actions.filter(horizon=Action.Horizon.THREE_YEARS).count() == three_years, title
    assert Action.objects.get(plan=plan, reference="1.1").overall_objective.startswith(
        "Continue to listen to our communities to understand the root causes"
    )
    hate_crime = Action.objects.get(
        plan=plan, overall_objective="Increase Hate Crime awareness and reporting"
    )
    assert hate_crime.horizon == Action.Horizon.ONE_YEAR
    four_p = Action.objects.get(plan=plan, overall_objective__contains='"Four P" approach')
    assert four_p.horizon == Action.Horizon.THREE_YEARS and "Pursue" in four_p.overall_objective
    assert Action.objects.filter(plan=plan).count() == 64


def test_the_baseline_statistics_keep_their_period_and_source():
    stats = BaselineStatistic.objects.filter(assessment__partnership__slug="safer-walsall")
    violence = stats.get(label="Recorded crimes of public place violence")
    assert (violence.value, violence.period) == (Decimal("3700"), "2018/19")
    assert violence.source == "Safer Walsall Partnership strategic assessment, January 2019"
    assert stats.get(value=Decimal("3275"), period="2018/19").label == "Recorded domestic abuse offences"
    knife = stats.get(value=Decimal("261"))
    assert "216" in knife.note
    assert all(stat.source for stat in stats)


def test_partner_organisations_as_the_seed_lists_them():
    orgs = Organisation.objects.filter(partnership__slug="safer-walsall")
    authorities = set(
        orgs.filter(membership=Organisation.Membership.RESPONSIBLE_AUTHORITY).values_list("name", flat=True)
    )
    associates = set(orgs.filter(membership=Organisation.Membership.ASSOCIATE).values_list("name", flat=True))
    assert {
        "West Midlands Police",
        "Walsall Council",
        "West Midlands Fire Service",
        "NHS Walsall Clinical Commissioning Group",
    } <= authorities
    assert {"West Midlands Police and Crime Commissioner", "Walsall College", "One Walsall"} <= associates


def test_domestic_abuse_is_a_theme_across_all_priorities(plan):
    theme = Theme.objects.get(plan=plan, name="Domestic abuse")
    assert theme.priorities.count() == 5


def test_the_partnership_board_meets_quarterly():
    partnership = Partnership.objects.get(slug="safer-walsall")
    board = partnership.boards.get(kind="board")
    assert board.meeting_frequency == "Quarterly"
    assert (
        board.meetings.filter(date="2019-07-30").exists()
        and board.meetings.filter(date="2019-09-03").exists()
    )


def test_demo_updates_are_marked_and_the_cycle_is_in_motion(plan):
    updates = ActionUpdate.objects.filter(action__plan=plan)
    assert all(u.progress.startswith("Demo update: ") for u in updates)
    for label in ("2020 Q1", "2020 Q2"):
        in_quarter = updates.filter(period__label=label)
        assert in_quarter.exists() and not in_quarter.exclude(state=ActionUpdate.State.ACCEPTED).exists()
    assert updates.filter(period__label="2020 Q3").exists()
    assert not updates.filter(period__label="2020 Q4").exists()


DEMO_ROLES = {
    "admin@demo.example": Role.ADMIN,
    "secretary@demo.example": Role.SECRETARY,
    "lead.violence@demo.example": Role.CONTRIBUTOR,
    "lead.prevent@demo.example": Role.CONTRIBUTOR,
    "lead.drugs@demo.example": Role.CONTRIBUTOR,
    "lead.soc@demo.example": Role.CONTRIBUTOR,
    "lead.reoffending@demo.example": Role.CONTRIBUTOR,
    "owner@demo.example": Role.CONTRIBUTOR,
    "officer@demo.example": Role.VIEWER,
}


def test_demo_logins_with_their_roles():
    memberships = Membership.objects.filter(partnership__slug="safer-walsall").select_related("user")
    assert {m.user.email: m.role for m in memberships} == DEMO_ROLES
    admin = User.objects.get(email="admin@demo.example")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.filter(email__in=set(DEMO_ROLES) - {"admin@demo.example"}, is_staff=True).exists()
    owner = User.objects.get(email="owner@demo.example")
    assert owner.organisation.name == "Walsall Housing Group"
    assert owner.owned_actions.exists()
    assert all(User.objects.get(email=email).check_password("demo-walsall-2020") for email in DEMO_ROLES)


def test_every_demo_login_is_one_the_deploy_check_and_sign_in_know_as_a_demo_account():
    # governance/demo_accounts.py holds the address domain without importing the demo.
    assert all(is_demo_address(person["email"]) for person in DEMO_USERS)


def test_it_refuses_to_create_demo_logins_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to create demo logins"):
        call_command("load_demo")


def test_a_rerun_keeps_a_changed_password(settings):
    user = User.objects.get(email="officer@demo.example")
    user.set_password("a-new-long-passphrase")
    user.save()
    call_command("load_demo", "--allow-demo-users", verbosity=0)
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase")


# Governance records (issue 7) ---------------------------------------------------------------------


def test_the_governance_structure_has_the_board_its_groups_and_the_council_bodies():
    from governance.models import Board

    boards = Board.objects.filter(partnership__slug="safer-walsall")
    board = boards.get(name="Safer Walsall Partnership Board")
    positions = dict(board.members.values_list("name", "position"))
    assert positions["Councillor Garry Perry"] == "chair" and positions["Andy Parsons"] == "vice_chair"
    assert set(board.groups.values_list("kind", flat=True)) == {"working_party", "thematic"}
    assert board.groups.get(name="Working Party").terms_of_reference.startswith("Panel set up representing")
    for group in board.groups.filter(kind="thematic"):  # invented: the diagram did not survive
        assert group.terms_of_reference.startswith("Demo:")
        assert group.members.get().user is not None
    assert set(boards.filter(kind="council_body").values_list("name", flat=True)) == {
        "Scrutiny and Overview Committee",
        "Cabinet",
    }


def test_the_2019_meetings_and_what_they_decided():
    from governance.models import Meeting

    meetings = Meeting.objects.filter(board__partnership__slug="safer-walsall")
    expected = {
        ("Safer Walsall Partnership Board", "2019-07-30"),
        ("Working Party", "2019-08-21"),
        ("Scrutiny and Overview Committee", "2019-08-29"),
        ("Safer Walsall Partnership Board", "2019-09-03"),
        ("Cabinet", "2019-10-23"),
    }
    found = {
        (m.board.name, m.date.isoformat()) for m in meetings.filter(date__year=2019).select_related("board")
    }
    assert found == expected
    july = meetings.get(date="2019-07-30")
    assert list(july.decisions.values_list("text", flat=True)) == [
        "Approved the five priorities.",
        "Agreed that there is joint accountability for tackling Domestic Abuse and this will be a common "
        "theme within the 2020 Plan.",
    ]
    assert meetings.get(date="2019-08-29").decisions.get().text.startswith("Welcomed the outline")
    cabinet = meetings.get(date="2019-10-23")
    assert cabinet.agenda_items.get().title == "Safer Walsall Partnership Plan 2020"
    assert cabinet.decisions.get().text.startswith("Demo:")  # the seed is the report, not the minutes
    # Nothing invented about 2019 beyond that: no attendance, no minutes.
    assert not any(m.attendance.exists() or m.minutes for m in meetings.filter(date__year=2019))
    for meeting in meetings.filter(date__year=2020):
        texts = [
            *meeting.decisions.values_list("text", flat=True),
            *meeting.agenda_items.values_list("title", flat=True),
        ]
        assert all(text.startswith("Demo:") for text in texts)
        assert not meeting.minutes or meeting.minutes.startswith("Demo:")


def test_the_approvals_trail_makes_the_plan_active(plan):
    steps = list(plan.approval_steps.order_by("order"))
    assert [(s.stage, s.date.isoformat(), s.outcome) for s in steps] == [
        ("board", "2019-07-30", "approved"),
        ("working_party", "2019-08-21", "approved"),
        ("scrutiny", "2019-08-29", "noted"),
        ("board", "2019-09-03", "approved"),
        ("executive_director", "2019-09-20", "approved"),
        ("cmt", "2019-09-26", "approved"),
        ("cmt", "2019-10-09", "approved"),
        ("cabinet", "2019-10-23", "approved"),
        ("council", "2019-11-05", "approved"),
    ]
    assert steps[0].meeting.date.isoformat() == "2019-07-30" and steps[4].meeting is None
    # The two decisions the seed does not record are marked as the demo's.
    assert steps[7].notes.startswith("Demo:") and steps[8].notes.startswith("Demo:")
    assert not any(s.notes.startswith("Demo:") for s in steps[:7])
    assert plan.final_approval_stage == "council" and plan.status == Plan.Status.ACTIVE
    assert (
        "(approvals trail)"
        in plan.history.filter(status="active").earliest("history_date").history_change_reason
    )


def test_the_june_2019_consultation_and_what_you_told_us(plan):
    consultation = plan.consultations.get()
    assert (consultation.held_from.isoformat(), consultation.held_to.isoformat()) == (
        "2019-06-01",
        "2019-06-30",
    )
    assert consultation.respondents is None  # the seed does not say
    findings = list(consultation.findings.order_by("order").prefetch_related("priorities"))
    assert len(findings) == 8
    assert findings[0].text == "You told us you wanted us to make your streets and communities safer."
    for finding in findings[2:7]:
        (priority,) = finding.priorities.all()
        assert finding.text == priority.you_told_us
    assert {p.order for p in findings[7].priorities.all()} == {1, 5}


def test_priorities_cite_the_assessment_figures_on_their_pages(plan):
    violence = plan.priorities.get(order=1)
    assert set(violence.cites.values_list("label", flat=True)) == {
        "Recorded crimes of public place violence",
        "Recorded domestic abuse offences",
        "Recorded knife crime offences",
    }
    assert not plan.priorities.get(order=2).cites.exists()
    assert plan.strategic_assessment.completed_on.isoformat() == "2019-01-31"


def test_the_equality_impact_assessment_as_the_seed_states_it(plan):
    eqia = plan.equality_impact_assessment
    assert (eqia.proposal_name, eqia.responsible_officer, eqia.planning_started_on.isoformat()) == (
        "Community Safety Plan 'working together for a safer borough'",
        "Helen Kindon",
        "2019-06-18",
    )
    assert eqia.justifiable_action == "adjustments" and eqia.consultation == plan.consultations.get()
    impacts = eqia.impacts.all()
    assert impacts.count() == 9 and set(impacts.values_list("effect", flat=True)) == {"positive"}
    assert set(impacts.filter(main_focus=True).values_list("characteristic", flat=True)) == {
        "age",
        "disability",
        "sex",
        "race",
    }
    items = list(eqia.action_items.order_by("order"))
    assert len(items) == 10
    assert (items[0].action, items[0].outcome, items[0].outcome_date.isoformat()) == (
        "Sign off Plan",
        "Approved by Working Party",
        "2019-08-21",
    )
    assert (items[7].action_date_text, items[7].outcome_date_text) == ("Autumn", "November/ December")
    assert [item.done for item in items] == [True] * 7 + [False] * 3

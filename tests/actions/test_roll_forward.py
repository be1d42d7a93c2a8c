"""The annual roll-forward: next year's draft from this year's plan, leaving this year's untouched."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from actions import roll_forward as service
from actions.models import Action
from governance.models import Role
from priorities.models import ApprovalStep, Measure, Plan, Priority, ReportingPeriod
from tests import factories

URL = reverse("actions:roll_forward")


@pytest.fixture
def year(plan, p1, p2, police, lead_a):
    """Test Plan 2020: two priorities, a measure, a theme, quarters, and actions in every state."""
    plan.aims.create(order=1, text="Make Walsall safer")
    factories.make_measure(
        p1, 1, title="Violent offences", baseline_value=Decimal("3700"), baseline_period="2018/19"
    )
    for quarter in (1, 2, 3, 4):
        factories.make_period(plan, quarter, status=ReportingPeriod.Status.LOCKED)
    theme = plan.themes.create(name="Domestic abuse")
    theme.priorities.set([p1, p2])
    started = factories.make_action(p1, "1.1", owner=lead_a, status=Action.Status.IN_PROGRESS)
    started.responsible_organisations.add(police)
    started.themes.add(theme)
    factories.make_action(p1, "1.2", status=Action.Status.NOT_STARTED)
    factories.make_action(p2, "2.1", status=Action.Status.COMPLETE)
    factories.make_action(p2, "2.2", status=Action.Status.CANCELLED)
    return plan


def everything_in(plan: Plan) -> dict:
    """The old plan's rows and history, to prove the roll-forward changed none of them."""
    actions = Action.objects.filter(plan=plan)
    return {
        "plan": Plan.objects.filter(pk=plan.pk).values().get(),
        "plan history": Plan.history.filter(id=plan.pk).count(),
        "priorities": list(Priority.objects.filter(plan=plan).values()),
        "measures": list(Measure.objects.filter(priority__plan=plan).values()),
        "actions": list(actions.values()),
        "action history": Action.history.filter(plan_id=plan.pk).count(),
        "periods": list(plan.periods.values()),
        "theme links": list(actions.values_list("pk", "themes")),
    }


def test_next_year_copies_the_plan_and_carries_over_unfinished_actions(year, p1, police):
    before = everything_in(year)

    new = service.roll_forward(plan=year, by=None)

    assert (new.title, new.status, new.is_published) == ("Test Plan 2021", Plan.Status.DRAFT, False)
    assert (new.period_start, new.period_end) == (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    assert list(new.aims.values_list("text", flat=True)) == ["Make Walsall safer"]
    assert list(new.priorities.values_list("title", "lead_officer")) == [
        ("Violence reduction", p1.lead_officer_id),
        ("Prevent extremist activity", year.priorities.get(order=2).lead_officer_id),
    ]
    measure = Measure.objects.get(priority__plan=new)
    assert (measure.title, measure.baseline_value) == ("Violent offences", Decimal("3700"))
    carried = {a.reference: a for a in new.actions.select_related("carried_over_from", "priority")}
    assert set(carried) == {"1.1", "1.2"}  # complete and cancelled ones stay behind
    assert carried["1.1"].carried_over_from == year.actions.get(reference="1.1")
    assert carried["1.1"].priority.plan_id == new.pk
    assert list(carried["1.1"].responsible_organisations.all()) == [police]
    theme = new.themes.get()
    assert list(carried["1.1"].themes.all()) == [theme]
    assert theme.priorities.count() == 2
    assert list(new.periods.values_list("label", "start", "status")) == [
        (f"2021 Q{q}", datetime.date(2021, 3 * q - 2, 1), ReportingPeriod.Status.PLANNED)
        for q in (1, 2, 3, 4)
    ]
    assert not ApprovalStep.objects.filter(plan=new).exists()
    assert everything_in(year) == before


def test_only_an_active_plan_rolls_forward_and_only_once(year):
    service.roll_forward(plan=year, by=None)

    with pytest.raises(ValidationError, match="already a plan called “Test Plan 2021”"):
        service.roll_forward(plan=year, by=None)
    draft = factories.make_plan(year.partnership, title="Draft Plan 2022", status=Plan.Status.DRAFT)
    with pytest.raises(ValidationError, match="Only an active plan"):
        service.roll_forward(plan=draft, by=None)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Safer Walsall Partnership Plan 2020", "Safer Walsall Partnership Plan 2021"),
        ("Community Safety Strategy 2020-23", "Community Safety Strategy 2021-24"),
        ("Plan 2019/2020", "Plan 2020/2021"),
        ("Community Safety Plan", "Community Safety Plan 2021"),
    ],
)
def test_next_title(title, expected):
    assert service.next_title(Plan(title=title, period_start=datetime.date(2020, 4, 1))) == expected


def test_deleting_the_draft_undoes_it_and_nothing_else(year):
    before = everything_in(year)
    new = service.roll_forward(plan=year, by=None)

    assert service.can_undo(new) is None
    new.delete()

    assert everything_in(year) == before
    assert not Plan.objects.filter(title="Test Plan 2021").exists()


def test_a_draft_with_approvals_is_a_record_and_is_not_deleted(year):
    new = service.roll_forward(plan=year, by=None)
    new.approval_steps.create(
        order=1, stage="working_party", date=datetime.date(2020, 11, 1), outcome="approved"
    )

    assert "approval steps recorded" in service.can_undo(new)


# --- Pages ----------------------------------------------------------------------------------------


def test_the_admin_previews_then_creates_the_draft(client, year, admin_user):
    client.force_login(admin_user)

    page = client.get(URL)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Test Plan 2021" in body and "2 actions not yet complete" in body
    created = client.post(URL)
    assert created.status_code == 302
    followed = client.get(URL).content.decode()
    assert "Created the draft “Test Plan 2021”: 2 priorities and 2 actions carried over" in followed
    assert Plan.objects.filter(partnership=year.partnership, title="Test Plan 2021").exists()


def test_a_second_click_says_why_and_makes_nothing(client, year, admin_user):
    client.force_login(admin_user)
    client.post(URL)

    client.post(URL)

    assert "already a plan called" in client.get(URL).content.decode()
    assert Plan.objects.filter(partnership=year.partnership).count() == 2


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.CONTRIBUTOR, Role.VIEWER])
def test_only_the_partnership_admin_may_roll_forward(client, year, walsall, role):
    client.force_login(factories.make_user(walsall, role))

    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403
    assert Plan.objects.filter(partnership=walsall).count() == 1


def test_the_admin_can_delete_the_draft(client, year, admin_user):
    client.force_login(admin_user)
    client.post(URL)
    draft = Plan.objects.get(title="Test Plan 2021")

    response = client.post(reverse("actions:delete_draft", args=[draft.pk]))

    assert response.status_code == 302
    assert not Plan.objects.filter(pk=draft.pk).exists()
    assert Plan.objects.filter(pk=year.pk).exists()


def test_another_partnerships_draft_is_not_found(client, year, outsider, elsewhere):
    draft = service.roll_forward(plan=year, by=None)
    factories.make_plan(elsewhere, title="Elsewhere Plan 2020")
    client.force_login(outsider)

    assert client.post(reverse("actions:delete_draft", args=[draft.pk])).status_code == 404
    assert Plan.objects.filter(pk=draft.pk).exists()


def test_signed_out_people_are_sent_to_sign_in(client, year):
    response = client.get(URL)

    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_approvals_page_offers_the_roll_forward_to_the_admin_only(client, year, admin_user, secretary):
    approvals = reverse("priorities:approvals")
    client.force_login(admin_user)
    assert URL in client.get(approvals).content.decode()
    client.force_login(secretary)
    assert URL not in client.get(approvals).content.decode()


# --- Command --------------------------------------------------------------------------------------


def test_the_command_rolls_forward_and_its_dry_run_changes_nothing(year):
    out = StringIO()
    call_command("roll_forward_plan", "--partnership", year.partnership.slug, "--dry-run", stdout=out)
    assert "2 actions carried over, 2 complete or cancelled left behind" in out.getvalue()
    assert not Plan.objects.filter(title="Test Plan 2021").exists()

    call_command("roll_forward_plan", "--partnership", year.partnership.slug, stdout=out)

    assert Plan.objects.filter(title="Test Plan 2021", status=Plan.Status.DRAFT).exists()


def test_the_command_names_an_unknown_partnership(db):
    with pytest.raises(CommandError, match="There is no partnership “nowhere”.*create_partnership"):
        call_command("roll_forward_plan", "--partnership", "nowhere")


def test_the_history_says_who_rolled_forward_and_from_what(client, year, admin_user):
    client.force_login(admin_user)
    client.post(URL)

    new = Plan.objects.get(title="Test Plan 2021")
    created = new.history.earliest()
    carried = Action.history.filter(plan_id=new.pk, reference="1.1").earliest()
    assert (created.history_user, created.history_change_reason) == (
        admin_user,
        "Rolled forward from Test Plan 2020",
    )
    assert carried.history_change_reason == "Carried over from Test Plan 2020"


def test_sub_priorities_joint_leads_and_wording_as_written_carry_forward(year, p1, walsall, police):
    """Plans loaded from a workbook have sub-priorities, joint and group leads, and timescales in words."""
    council = factories.make_organisation(walsall, "Walsall Council", kind="council")
    group = factories.make_board(walsall, "Violence Reduction Group", kind="thematic")
    p1.reference, p1.lead_as_written = "1", "Police and council jointly"
    p1.save()
    p1.co_lead_organisations.add(council)
    p1.lead_groups.add(group)
    sub = factories.make_priority(year, 3, title="Knife crime", reference="1.1", parent=p1)
    factories.make_action(sub, "1.1.1", timescale="2021/22", status=Action.Status.IN_PROGRESS)

    new = service.roll_forward(plan=year, by=None)

    copy = new.priorities.get(title=p1.title)
    assert (copy.reference, copy.lead_as_written) == ("1", "Police and council jointly")
    assert list(copy.co_lead_organisations.all()) == [council]
    assert list(copy.lead_groups.all()) == [group]
    sub_copy = new.priorities.get(title="Knife crime")
    assert sub_copy.parent == copy  # the new plan's priority, not last year's
    assert new.actions.get(reference="1.1.1").timescale == "2021/22"


def test_joint_leads_and_lead_groups_keep_the_order_the_plan_names_them_in(year, p1, walsall):
    """The workbook keeps the written order in the link rows; the next year's plan must too, even
    where that order is neither the names' nor the records' (Zeta before Alpha)."""
    from priorities.selectors import leads_as_written

    alpha, mid, zeta = (factories.make_organisation(walsall, name) for name in ("Alpha", "Mid", "Zeta"))
    for organisation in (zeta, alpha, mid):
        p1.co_lead_organisations.add(organisation)
    groups = [factories.make_board(walsall, name) for name in ("Alpha group", "Zeta group")]
    for group in reversed(groups):
        p1.lead_groups.add(group)

    new = service.roll_forward(plan=year, by=None)

    rolled = new.priorities.select_related("lead_organisation").get(order=p1.order)
    leads = leads_as_written([rolled])[rolled.pk]
    assert [body.name for body in leads.partners][1:] == ["Zeta", "Alpha", "Mid"]
    assert [body.name for body in leads.groups] == ["Zeta group", "Alpha group"]

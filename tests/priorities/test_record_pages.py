"""The plan's records under /governance/: approvals, assessment, consultation, EqIA. Members read them;
only the admin and the secretary record a step or mark an EqIA action done."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Board, User
from priorities import approvals
from priorities.models import (
    BaselineStatistic,
    Consultation,
    ConsultationFinding,
    EqiaActionItem,
    EqiaImpact,
    EqualityImpactAssessment,
    Plan,
    StrategicAssessment,
)
from tests import factories

PAGES = ["priorities:approvals", "priorities:assessment", "priorities:consultation", "priorities:equality"]


@pytest.fixture
def draft(walsall):
    return factories.make_plan(walsall, title="Draft Plan", status=Plan.Status.DRAFT)


@pytest.fixture
def records(plan, p1, p2):
    assessment = StrategicAssessment.objects.create(
        partnership=plan.partnership, title="Test assessment 2019", completed_on=datetime.date(2019, 1, 31)
    )
    violence = BaselineStatistic.objects.create(
        assessment=assessment,
        order=1,
        label="Recorded crimes of public place violence",
        value=Decimal("3700"),
        unit="offences",
        period="2018/19",
        source="Strategic assessment, January 2019",
    )
    BaselineStatistic.objects.create(
        assessment=assessment,
        order=2,
        label="Repeat offenders",
        value=Decimal("27.50"),
        unit="%",
        period="2019",
        source="SA",
    )
    Plan.objects.filter(pk=plan.pk).update(strategic_assessment=assessment)
    p1.cites.add(violence)
    factories.make_measure(p1, 1, title="Violent crime", baseline_statistic=violence)
    consultation = Consultation.objects.create(
        partnership=plan.partnership,
        plan=plan,
        title="Residents' survey June 2019",
        held_from=datetime.date(2019, 6, 1),
        held_to=datetime.date(2019, 6, 30),
        method="Online and paper",
    )
    knives = ConsultationFinding.objects.create(
        consultation=consultation, order=1, text="You told us knives worry you", source="Survey"
    )
    knives.priorities.set([p1, p2])
    ConsultationFinding.objects.create(consultation=consultation, order=2, text="You told us to listen")
    eqia = EqualityImpactAssessment.objects.create(
        plan=plan,
        proposal_name="Community Safety Plan",
        responsible_officer="Ella Officer",
        consultation=consultation,
    )
    EqiaImpact.objects.create(eqia=eqia, characteristic="race", effect="positive", reasons="Better services")
    EqiaImpact.objects.create(
        eqia=eqia, characteristic="age", effect="positive", reasons="Better services", main_focus=True
    )
    item = EqiaActionItem.objects.create(
        eqia=eqia,
        order=1,
        action_date_text="Autumn",
        action="Feedback",
        responsibility="Ella Officer",
        outcome="Tell the public",
    )
    return item


# Reading ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, name, plan):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", PAGES)
def test_a_person_with_no_role_is_refused(client, name, db):
    client.force_login(factories.make_user(None, None))
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_an_outsider_sees_only_their_own_partnerships_records(client, name, outsider, records, elsewhere):
    factories.make_plan(elsewhere, title="Elsewhere Plan")
    client.force_login(outsider)
    content = client.get(reverse(name)).content.decode()
    assert "Elsewhere Plan" in content and "Test Plan 2020" not in content
    for private in ("Ella Officer", "knives worry you", "3,700"):
        assert private not in content


def test_the_approvals_page_shows_the_trail_and_the_status_it_gives(client, viewer, draft):
    approvals.record_step(
        plan=draft,
        stage="board",
        body="Test Board",
        date=datetime.date(2019, 9, 3),
        outcome="approved",
        by=None,
        today=datetime.date(2019, 12, 1),
    )
    approvals.record_step(
        plan=draft,
        stage="council",
        date=datetime.date(2019, 11, 5),
        outcome="approved",
        by=None,
        today=datetime.date(2019, 12, 1),
    )
    client.force_login(viewer)
    content = client.get(reverse("priorities:approvals")).content.decode()
    assert "Draft Plan" in content  # with no active plan, the most recent is the current one
    for text in (
        "Approvals trail: Draft Plan",
        "Test Board",
        "3 September 2019",
        "Full council",
        "Approved by Full council on 5 November 2019",
    ):
        assert text in content, text
    assert reverse("priorities:record_approval") not in content  # a viewer is offered nothing to record


def test_the_assessment_page_shows_figures_sources_and_what_cites_them(client, viewer, records):
    client.force_login(viewer)
    content = client.get(reverse("priorities:assessment")).content.decode()
    for text in (
        "Test assessment 2019",
        "31 January 2019",
        "3,700",
        "27.5%",
        "2018/19",
        "Strategic assessment, January 2019",
        "Violence reduction",
        "Violent crime",
    ):
        assert text in content, text


def test_the_assessment_page_when_there_is_none(client, viewer, plan):
    client.force_login(viewer)
    assert (
        "No strategic assessment is recorded for this plan yet."
        in client.get(reverse("priorities:assessment")).content.decode()
    )


@pytest.mark.parametrize(
    "name, missing, admin_page",
    [
        ("assessment", "No strategic assessment is recorded", "/admin/priorities/plan/"),
        (
            "equality",
            "No Equality Impact Assessment is recorded",
            "/admin/priorities/equalityimpactassessment/add/",
        ),
    ],
)
def test_a_missing_record_is_left_to_the_site_administrator_who_alone_is_shown_where(
    client, viewer, plan, name, missing, admin_page
):
    # Only superusers reach Site admin (swp/admin.py), so nobody else is sent "to the admin".
    client.force_login(viewer)
    content = client.get(reverse(f"priorities:{name}")).content.decode()
    assert missing in content
    assert "The service's site administrator can" in content
    assert "in the admin" not in content and admin_page not in content

    User.objects.filter(pk=viewer.pk).update(is_superuser=True)
    assert admin_page in client.get(reverse(f"priorities:{name}")).content.decode()


def test_the_consultation_page_shows_what_people_told_us_and_what_it_shaped(client, viewer, records):
    client.force_login(viewer)
    content = client.get(reverse("priorities:consultation")).content.decode()
    for text in (
        "Residents&#x27; survey June 2019",
        "1 June 2019 to 30 June 2019",
        "You told us knives worry you",
        "Violence reduction",
        "Prevent extremist activity",
        "The plan as a whole",
        "Not recorded",
    ):
        assert text in content, text


def test_the_equality_page_shows_the_assessment_and_its_action_plan(client, viewer, records):
    client.force_login(viewer)
    content = client.get(reverse("priorities:equality")).content.decode()
    for text in (
        "Community Safety Plan",
        "Ella Officer",
        "Age",
        "Race",
        "Positive",
        "A main characteristic affected",
        "As above",
        "Autumn",
        "Tell the public",
        "1 of 1 action still open",
    ):
        assert text in content, text
    assert content.index(">Age<") < content.index(">Race<")  # in the law's order, whatever was entered first
    assert (
        reverse("priorities:eqia_action_done", args=[records.pk]) not in content
    )  # nothing to press for a viewer


@pytest.mark.parametrize("name", PAGES)
def test_record_pages_take_a_fixed_number_of_queries(
    client, name, viewer, records, django_assert_max_num_queries
):
    eqia = records.eqia
    consultation = eqia.consultation
    assessment = StrategicAssessment.objects.get(title="Test assessment 2019")
    for n in range(2, 12):
        EqiaActionItem.objects.create(eqia=eqia, order=n, action=f"Action {n}", responsibility="Officer")
        finding = ConsultationFinding.objects.create(
            consultation=consultation, order=n + 1, text=f"Finding {n}"
        )
        finding.priorities.set(eqia.plan.priorities.all())
        BaselineStatistic.objects.create(
            assessment=assessment,
            order=n + 2,
            label=f"Figure {n}",
            value=n,
            unit="people",
            period="2019",
            source="SA",
        )
    client.force_login(viewer)
    with django_assert_max_num_queries(10):
        assert client.get(reverse(name)).status_code == 200


# Recording an approval step -------------------------------------------------------------------------


URL = reverse("priorities:record_approval")


def _post(client, **data):
    fields = {"stage": "council", "outcome": "approved", "body": "", "notes": ""}
    fields.update(data)
    return client.post(URL, fields)


def _date(day: datetime.date) -> dict:
    return {"date_0": str(day.day), "date_1": str(day.month), "date_2": str(day.year)}


def test_the_secretary_records_council_approval_and_the_plan_becomes_active(client, secretary, draft):
    meeting = factories.make_meeting(
        factories.make_board(draft.partnership, "Full Council"), datetime.date(2020, 11, 5)
    )
    client.force_login(secretary)
    assert client.get(URL).status_code == 200
    response = _post(client, **_date(meeting.date), meeting=meeting.pk, notes="Approved unanimously")
    assert response.status_code == 302 and response.url == reverse("priorities:approvals")
    draft.refresh_from_db()
    assert draft.status == Plan.Status.ACTIVE  # approved, and its 2020 period has started
    step = draft.approval_steps.get()
    assert (step.meeting, step.notes, step.recorded_by) == (meeting, "Approved unanimously", secretary)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Step recorded. The plan is now active."]


def test_the_admin_records_a_step_too(client, admin_user, draft):
    client.force_login(admin_user)
    response = _post(client, stage="board", body="Partnership Board", **_date(datetime.date(2019, 9, 3)))
    assert response.status_code == 302
    assert draft.approval_steps.get().body == "Partnership Board"
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


@pytest.mark.parametrize(
    "data, message",
    [
        ({"date_0": "1", "date_1": "1", "date_2": "2999"}, "The date must be today or in the past"),
        ({"date_0": "31", "date_1": "2", "date_2": "2020"}, "The date of the decision must be a real date"),
        ({}, "Enter the date of the decision"),
        ({"stage": "", **_date(datetime.date(2019, 9, 3))}, "Select the body that made the decision"),
        ({"outcome": "maybe", **_date(datetime.date(2019, 9, 3))}, "Select the outcome"),
        (
            {"stage": "other", **_date(datetime.date(2019, 9, 3))},
            "Enter the name of the body that made the decision",
        ),
        ({"stage": "close", **_date(datetime.date(2019, 9, 3))}, "Only an approved plan can be closed"),
    ],
)
def test_a_step_with_problems_is_explained_and_not_recorded(client, secretary, draft, data, message):
    client.force_login(secretary)
    response = _post(client, **data)
    content = response.content.decode()
    assert response.status_code == 200 and "Error: Record an approval step" in content
    assert message in content
    assert not draft.approval_steps.exists()


def body_hint(client) -> str:
    content = client.get(URL).content.decode()
    return content.split('id="id_body_hint"', 1)[1].split("</div>", 1)[0]


def test_the_body_hint_names_the_partnerships_own_board(client, secretary, draft, outsider, elsewhere):
    factories.make_board(draft.partnership, "Safer Test Partnership Board")
    factories.make_board(elsewhere, "Elsewhere Community Safety Board")
    factories.make_board(elsewhere, "Elsewhere Tasking Group", kind=Board.Kind.THEMATIC_GROUP, order=0)
    factories.make_plan(elsewhere, title="Elsewhere Plan 2020", status=Plan.Status.DRAFT)

    client.force_login(secretary)
    ours = body_hint(client)
    client.force_login(outsider)
    theirs = body_hint(client)

    assert "for example Safer Test Partnership Board." in ours
    assert "for example Elsewhere Community Safety Board." in theirs
    assert "Walsall" not in ours + theirs


def test_without_a_board_the_body_hint_says_the_partnership_board(client, secretary, draft):
    client.force_login(secretary)

    assert "for example the partnership board. Needed for Other." in body_hint(client)


def test_steps_out_of_order_are_refused(client, secretary, draft):
    approvals.record_step(
        plan=draft, stage="board", date=datetime.date(2019, 9, 3), outcome="approved", by=None
    )
    client.force_login(secretary)
    content = _post(
        client, stage="scrutiny", outcome="noted", **_date(datetime.date(2019, 8, 29))
    ).content.decode()
    assert "The date must be on or after 3 September 2019, the date of the last step" in content
    assert draft.approval_steps.count() == 1


@pytest.mark.parametrize("who", ["viewer", "lead_a"])
def test_readers_cannot_record_a_step(client, who, draft, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert _post(client, **_date(datetime.date(2019, 9, 3))).status_code == 403
    assert not draft.approval_steps.exists()
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_signed_out_people_cannot_record_a_step(client, draft):
    response = _post(client, **_date(datetime.date(2019, 9, 3)))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not draft.approval_steps.exists()


# Marking an EqIA action done ----------------------------------------------------------------------


def _done_url(item):
    return reverse("priorities:eqia_action_done", args=[item.pk])


def test_the_secretary_marks_an_action_done(client, secretary, records):
    client.force_login(secretary)
    content = client.get(reverse("priorities:equality")).content.decode()
    assert _done_url(records) in content and "csrfmiddlewaretoken" in content
    response = client.post(_done_url(records))
    assert response.status_code == 302 and response.url.endswith(f"#eqia-action-{records.pk}")
    records.refresh_from_db()
    assert records.done and records.done_by == secretary
    assert abs(records.done_at - timezone.now()) < datetime.timedelta(minutes=1)
    latest = records.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.done) == (
        secretary,
        "Marked done",
        True,
    )
    content = client.get(reverse("priorities:equality")).content.decode()
    assert "0 of 1 action still open" in content and "by Sam Secretary" in content


def test_marking_it_done_again_changes_nothing(client, admin_user, records, secretary):
    records.done, records.done_at, records.done_by = True, timezone.now(), secretary
    records.save()
    count = records.history.count()
    client.force_login(admin_user)
    client.post(_done_url(records))
    records.refresh_from_db()
    assert records.done_by == secretary and records.history.count() == count


def test_a_viewer_cannot_mark_an_action_done(client, viewer, records):
    client.force_login(viewer)
    assert client.post(_done_url(records)).status_code == 403
    records.refresh_from_db()
    assert not records.done and records.history.count() == 1


def test_another_partnerships_action_is_not_found(client, outsider, records):
    client.force_login(outsider)
    assert client.post(_done_url(records)).status_code == 404
    records.refresh_from_db()
    assert not records.done


def test_marking_done_is_a_post_only(client, secretary, records):
    client.force_login(secretary)
    assert client.get(_done_url(records)).status_code == 405
    records.refresh_from_db()
    assert not records.done


def test_signed_out_people_cannot_mark_an_action_done(client, records):
    response = client.post(_done_url(records))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_marking_done_needs_the_csrf_token(records, secretary):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(secretary)
    assert strict.post(_done_url(records)).status_code == 403
    records.refresh_from_db()
    assert not records.done


@pytest.mark.usefixtures("demo")
def test_the_demo_plan_approvals_read_as_the_seed_has_them(client):
    client.force_login(User.objects.get(email="officer@demo.example"))
    content = client.get(reverse("priorities:approvals")).content.decode()
    for text in (
        "Safer Walsall Partnership Plan 2020",
        "Working Party",
        "Scrutiny and Overview Committee",
        "Executive Director",
        "Corporate Management Team (CMT)",
        "23 October 2019",
        "Full Council",
        "Demo:",
    ):
        assert text in content, text

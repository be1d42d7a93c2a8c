"""The lead's side of the cycle: their updates page, the update form, readings and the action page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from actions import services
from actions.models import ActionUpdate, Rag
from actions.services import UpdateInput
from priorities import services as period_services
from priorities.models import Measure, MeasureReading, ReportingPeriod
from tests import factories
from tests.actions.payloads import update_form_data as form_data


@pytest.fixture
def action(p1):
    return factories.make_action(
        p1,
        "1.1",
        overall_objective="Listen to our communities",
        start_date=datetime.date(2020, 1, 1),
        deadline=datetime.date(2020, 12, 31),
    )


@pytest.fixture
def url(action, period):
    return reverse("actions:edit_update", args=[action.pk, period.pk])


class TestMyUpdates:
    def test_lists_what_the_lead_owes_with_state_deadline_and_count(self, client, lead_a, action, period, p2):
        factories.make_action(p2, "2.1", overall_objective="Someone else's action")
        services.save_update(
            action=action,
            period=period,
            by=lead_a,
            expected_version=0,
            data=UpdateInput(rag=Rag.AMBER, progress="Slow", recovery_plan="More staff"),
            submit=True,
        )
        client.force_login(lead_a)
        content = client.get(reverse("actions:my_updates")).content.decode()
        assert "Your updates for 2020 Q1" in content
        assert "Listen to our communities" in content and "Someone else" not in content
        assert "1 of 1 action update submitted" in content
        assert "Was 14 April 2020" in content and "days overdue" not in content  # long past: a date
        assert ">Submitted<" in content and ">Amber<" in content

    def test_a_returned_update_shows_the_secretarys_comment(self, client, lead_a, secretary, action, period):
        update = services.save_update(
            action=action,
            period=period,
            by=lead_a,
            expected_version=0,
            data=UpdateInput(rag=Rag.GREEN, progress="Done"),
            submit=True,
        )
        services.return_update(update=update, by=secretary, expected_version=1, comment="Add the numbers")
        client.force_login(lead_a)
        content = client.get(reverse("actions:my_updates")).content.decode()
        assert ">Returned<" in content and "Add the numbers" in content

    def test_an_owner_sees_the_actions_they_own(self, client, walsall, p1, period):
        owner = factories.make_user(walsall)
        factories.make_action(p1, "1.7", owner=owner, overall_objective="Housing for people leaving custody")
        client.force_login(owner)
        assert (
            "Housing for people leaving custody" in client.get(reverse("actions:my_updates")).content.decode()
        )

    def test_measures_the_lead_leads_are_offered_for_a_reading(self, client, lead_a, p1, period):
        measure = factories.make_measure(p1, title="Knife crime offences")
        client.force_login(lead_a)
        content = client.get(reverse("actions:my_updates")).content.decode()
        assert "Knife crime offences" in content
        assert reverse("actions:edit_reading", args=[measure.pk, period.pk]) in content

    def test_each_cell_is_labelled_in_the_html_so_a_phone_stacks_it_without_javascript(
        self, client, lead_a, action, p1, period
    ):
        factories.make_measure(p1, title="Knife crime offences")
        client.force_login(lead_a)
        content = client.get(reverse("actions:my_updates")).content.decode()
        assert content.count('class="govuk-table app-table--stacked"') == 2  # actions and measures
        assert 'data-label="2020 Q1 update"' in content and 'data-label="2020 Q1 reading"' in content
        assert content.count('data-label="What to do"') == 2

    def test_a_viewer_is_offered_nothing_to_change(self, client, viewer, action, period):
        client.force_login(viewer)
        content = client.get(reverse("actions:my_updates")).content.decode()
        assert "You do not own or lead any actions" in content


class TestUpdateForm:
    def test_the_rag_hints_say_what_each_colour_means_in_this_plan(self, client, lead_a, plan, url):
        plan.rag_red_definition = "More than a quarter late"
        plan.save()
        client.force_login(lead_a)
        content = client.get(url).content.decode()
        assert "More than a quarter late" in content and plan.rag_green_definition in content

    def test_submitting_a_green_update(self, client, lead_a, action, period, url):
        client.force_login(lead_a)
        response = client.post(url, form_data())
        assert response.status_code == 302 and response.url == reverse("actions:my_updates")
        update = ActionUpdate.objects.get(action=action, period=period)
        assert (update.state, update.rag, update.submitted_by) == ("submitted", "green", lead_a)

    def test_saving_a_draft_needs_nothing_filled_in(self, client, lead_a, action, period, url):
        client.force_login(lead_a)
        data = form_data(rag="", progress="")
        del data["submit"]
        data["save_draft"] = ""
        assert client.post(url, data).status_code == 302
        assert ActionUpdate.objects.get(action=action, period=period).state == "draft"

    def test_red_without_saying_what_is_being_done_is_refused_in_the_govuk_pattern(
        self, client, lead_a, action, url
    ):
        client.force_login(lead_a)
        response = client.post(url, form_data(rag="red", progress="Stalled"))
        content = response.content.decode()
        assert response.status_code == 200
        assert "<title>Error:" in content
        assert "govuk-error-summary" in content
        assert content.count("Say what is being done, as you rated it red") == 2  # summary and by the field
        assert not ActionUpdate.objects.filter(action=action).exists()

    def test_submitting_needs_a_rating_and_progress(self, client, lead_a, action, url):
        client.force_login(lead_a)
        content = client.post(url, form_data(rag="", progress=" ")).content.decode()
        assert "Select how the action is doing" in content and "Enter the progress this quarter" in content

    def test_a_made_up_rating_is_refused(self, client, lead_a, action, url):
        client.force_login(lead_a)
        assert "Select red, amber or green" in client.post(url, form_data(rag="purple")).content.decode()
        assert not ActionUpdate.objects.filter(action=action).exists()

    def test_a_new_deadline_needs_a_real_date_and_a_reason(self, client, lead_a, action, url):
        client.force_login(lead_a)
        content = client.post(
            url, form_data(proposed_deadline_0="31", proposed_deadline_1="2", proposed_deadline_2="2021")
        ).content.decode()
        assert "The new deadline must be a real date" in content
        content = client.post(
            url, form_data(proposed_deadline_0="31", proposed_deadline_1="3", proposed_deadline_2="2021")
        ).content.decode()
        assert "Give a reason for the new deadline" in content
        assert not ActionUpdate.objects.filter(action=action).exists()

    def test_proposing_a_new_deadline_with_a_reason(self, client, lead_a, action, period, url):
        client.force_login(lead_a)
        client.post(
            url,
            form_data(
                proposed_deadline_0="31",
                proposed_deadline_1="3",
                proposed_deadline_2="2021",
                deadline_change_reason="Venue closed",
            ),
        )
        update = ActionUpdate.objects.get(action=action, period=period)
        assert update.proposed_deadline == datetime.date(2021, 3, 31)

    def test_a_locked_quarter_is_read_only(self, client, lead_a, secretary, action, period, url):
        period_services.lock_period(period=period, by=secretary)
        client.force_login(lead_a)
        content = client.get(url).content.decode()
        assert "2020 Q1 is locked" in content and 'name="progress"' not in content
        assert client.post(url, form_data()).status_code == 403
        assert not ActionUpdate.objects.filter(action=action).exists()

    def test_another_leads_action_is_refused(self, client, lead_b, action, url):
        client.force_login(lead_b)
        assert client.get(url).status_code == 403
        assert client.post(url, form_data()).status_code == 403
        assert not ActionUpdate.objects.filter(action=action).exists()

    def test_another_partnerships_action_is_not_found(self, client, outsider, action, url):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, form_data()).status_code == 404

    def test_a_period_of_another_plan_is_not_found(self, client, lead_a, walsall, action):
        other = factories.make_period(factories.make_plan(walsall, title="Plan 2021"))
        client.force_login(lead_a)
        assert client.get(reverse("actions:edit_update", args=[action.pk, other.pk])).status_code == 404


class TestComments:
    def test_the_owner_and_secretary_talk_on_the_update(self, client, lead_a, secretary, action, period, url):
        update = services.save_update(
            action=action,
            period=period,
            by=lead_a,
            expected_version=0,
            data=UpdateInput(rag=Rag.GREEN, progress="Done"),
            submit=True,
        )
        client.force_login(secretary)
        review_url = reverse("actions:review_update", args=[update.pk])
        response = client.post(
            reverse("actions:add_comment", args=[update.pk]), {"body": "Which wards?", "next": review_url}
        )
        assert response.url == review_url
        client.force_login(lead_a)
        assert "Which wards?" in client.get(url).content.decode()

    def test_an_empty_comment_is_refused(self, client, lead_a, action, period):
        update = factories.make_update(action, period)
        client.force_login(lead_a)
        client.post(reverse("actions:add_comment", args=[update.pk]), {"body": " "})
        assert not update.comments.exists()

    def test_comments_cannot_send_people_off_site(self, client, lead_a, action, period):
        update = factories.make_update(action, period)
        client.force_login(lead_a)
        response = client.post(
            reverse("actions:add_comment", args=[update.pk]), {"body": "Hi", "next": "https://evil.example/"}
        )
        assert response.url == reverse("actions:edit_update", args=[action.pk, period.pk])


class TestReadings:
    @pytest.fixture
    def measure(self, p1):
        return factories.make_measure(p1, title="Knife crime", unit="offences")

    def test_a_lead_enters_a_count(self, client, lead_a, measure, period):
        client.force_login(lead_a)
        url = reverse("actions:edit_reading", args=[measure.pk, period.pk])
        assert client.post(url, {"value": "61", "narrative": "", "version": "0"}).status_code == 302
        reading = MeasureReading.objects.get(measure=measure, period=period)
        assert (reading.value, reading.entered_by, reading.history.first().history_user) == (
            Decimal("61"),
            lead_a,
            lead_a,
        )

    @pytest.mark.parametrize(
        "value, message",
        [
            ("12.5", "Enter a whole number offences, like 12"),
            ("-3", "Enter a value of 0 offences or more"),
            ("lots", "Enter the value as a number, like 42 or 12.5"),
            ("", "Enter the value for this quarter"),
        ],
    )
    def test_a_value_must_fit_the_measures_unit(self, client, lead_a, measure, period, value, message):
        client.force_login(lead_a)
        response = client.post(
            reverse("actions:edit_reading", args=[measure.pk, period.pk]),
            {"value": value, "narrative": "", "version": "0"},
        )
        assert message in response.content.decode()
        assert not MeasureReading.objects.filter(measure=measure).exists()

    def test_a_percentage_cannot_pass_100(self, client, lead_a, p1, period):
        measure = factories.make_measure(
            p1, unit="%", unit_type=Measure.UnitType.PERCENTAGE, direction=Measure.Direction.HIGHER
        )
        client.force_login(lead_a)
        response = client.post(
            reverse("actions:edit_reading", args=[measure.pk, period.pk]),
            {"value": "120", "narrative": "", "version": "0"},
        )
        assert "Enter a percentage between 0 and 100" in response.content.decode()

    def test_an_outcome_needs_a_narrative_not_a_number(self, client, lead_a, p1, period):
        measure = factories.make_measure(p1, kind=Measure.Kind.QUALITATIVE, direction="", unit="")
        client.force_login(lead_a)
        url = reverse("actions:edit_reading", args=[measure.pk, period.pk])
        assert "Describe the progress" in client.post(url, {"narrative": "", "version": "0"}).content.decode()
        client.post(url, {"narrative": "Forum set up", "value": "5", "version": "0"})
        reading = MeasureReading.objects.get(measure=measure)
        assert (reading.narrative, reading.value) == ("Forum set up", None)

    def test_a_stale_reading_is_a_conflict_and_keeps_the_first(
        self, client, lead_a, secretary, measure, period
    ):
        url = reverse("actions:edit_reading", args=[measure.pk, period.pk])
        client.force_login(lead_a)
        client.post(url, {"value": "61", "version": "0"})
        client.force_login(secretary)
        response = client.post(url, {"value": "70", "version": "0"})
        assert response.status_code == 409
        assert "Someone else saved this reading" in response.content.decode()
        assert MeasureReading.objects.get(measure=measure).value == Decimal("61")

    def test_only_the_lead_secretary_or_admin_enter_readings(self, client, lead_b, viewer, measure, period):
        url = reverse("actions:edit_reading", args=[measure.pk, period.pk])
        for person in (lead_b, viewer):
            client.force_login(person)
            assert client.post(url, {"value": "1", "version": "0"}).status_code == 403
        assert not MeasureReading.objects.filter(measure=measure).exists()

    def test_a_quarter_not_open_refuses_readings(self, client, lead_a, measure, plan):
        planned = factories.make_period(plan, 3, status=ReportingPeriod.Status.PLANNED)
        client.force_login(lead_a)
        response = client.post(reverse("actions:edit_reading", args=[measure.pk, planned.pk]), {"value": "1"})
        assert response.status_code == 403


class TestActionPage:
    def test_history_shows_who_changed_what_from_and_to(
        self, client, lead_a, secretary, viewer, action, period
    ):
        update = services.save_update(
            action=action,
            period=period,
            by=lead_a,
            expected_version=0,
            data=UpdateInput(rag=Rag.GREEN, progress="Fine"),
            submit=True,
        )
        services.return_update(update=update, by=secretary, expected_version=1, comment="Add figures")
        client.force_login(viewer)
        content = client.get(reverse("actions:detail", args=[action.pk])).content.decode()
        assert "2020 Q1 update changed" in content and "Sam Secretary" in content
        assert "Submitted" in content and "Returned" in content
        assert "Add figures" in content
        assert "Give or change" not in content  # a viewer is not offered the form

    def test_another_partnerships_action_is_not_found(self, client, outsider, action):
        client.force_login(outsider)
        assert client.get(reverse("actions:detail", args=[action.pk])).status_code == 404

    def test_the_demo_action_page_takes_a_fixed_number_of_queries(
        self, client, demo, django_assert_max_num_queries
    ):
        from actions.models import Action
        from governance.models import User

        action = Action.objects.get(plan__partnership__slug="safer-walsall", reference="1.1")
        client.force_login(User.objects.get(email="officer@demo.example"))
        with django_assert_max_num_queries(25):
            assert client.get(reverse("actions:detail", args=[action.pk])).status_code == 200

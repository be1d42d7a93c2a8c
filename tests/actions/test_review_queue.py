"""Review with context (issue 16, item 6): last quarter beside this one, the flags, the filtered queue,
moving to the next update after a decision, and accepting several at once."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions import services
from actions.models import ActionUpdate, Rag
from actions.services import UpdateInput
from governance.models import Organisation
from priorities.models import ReportingPeriod
from tests import factories

SUBMITTED, ACCEPTED = ActionUpdate.State.SUBMITTED, ActionUpdate.State.ACCEPTED


def _reported(action, period, rag, state=SUBMITTED, **fields):
    fields.setdefault("recovery_plan", "" if rag == Rag.GREEN else "Extra patrols.")
    return factories.make_update(action, period, rag=rag, state=state, submitted_at=timezone.now(), **fields)


@pytest.fixture
def quarter(plan, p1, p2, police, walsall):
    """Q1 locked and reviewed, Q2 open: 1.1 slid from green to red, 1.2 asks for a later deadline,
    2.1 (the council's) is submitted, 2.2 has no update yet."""
    q1 = factories.make_period(plan, 1, status=ReportingPeriod.Status.LOCKED)
    q2 = factories.make_period(plan, 2)
    council = factories.make_organisation(walsall, "Test Council", kind=Organisation.Kind.COUNCIL)
    slid = factories.make_action(p1, "1.1", overall_objective="Reduce knife crime")
    moved = factories.make_action(
        p1, "1.2", overall_objective="Open a youth hub", deadline=datetime.date(2020, 9, 30)
    )
    council_one = factories.make_action(p2, "2.1", overall_objective="Hate crime week")
    silent = factories.make_action(p2, "2.2", overall_objective="Channel panel")
    for action in (slid, moved):
        action.responsible_organisations.add(police)
    for action in (council_one, silent):
        action.responsible_organisations.add(council)
    _reported(slid, q1, Rag.GREEN, ACCEPTED, progress="Knife arches in every school.")
    _reported(slid, q2, Rag.RED, progress="Two stabbings in the town centre.")
    _reported(
        moved,
        q2,
        Rag.GREEN,
        progress="Building work started.",
        proposed_deadline=datetime.date(2020, 12, 31),
        deadline_change_reason="The builder is late.",
    )
    _reported(council_one, q2, Rag.AMBER, progress="Venue booked.")
    return {"q1": q1, "q2": q2, "council": council, "police": police, "p2": p2}


def _updates(quarter) -> dict[str, ActionUpdate]:
    return {u.action.reference: u for u in ActionUpdate.objects.filter(period=quarter["q2"])}


def _rows(content: str) -> dict[str, str]:
    """The queue's rows by item number."""
    table = content[content.index('id="queue"') :]
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', table, flags=re.S)
    found = {}
    for row in rows:
        item = re.search(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', row)
        if item:
            found[item.group(1)] = row
    return found


@pytest.fixture
def as_secretary(client, secretary):
    client.force_login(secretary)
    return client


# ---- The queue -----------------------------------------------------------------------------------


def test_the_queue_shows_last_quarters_rating_and_flags_what_slid_or_moved(as_secretary, quarter):
    content = as_secretary.get(reverse("actions:review_period", args=[quarter["q2"].pk])).content.decode()
    rows = _rows(content)
    assert list(rows) == ["1.1", "1.2", "2.1", "2.2"]
    assert "app-rag--green" in rows["1.1"] and "app-rag--red" in rows["1.1"]
    assert "Worsened" in rows["1.1"] and "Deadline moved" not in rows["1.1"]
    assert "Deadline moved" in rows["1.2"] and "Worsened" not in rows["1.2"]
    assert "Worsened" not in rows["2.1"] and "Deadline moved" not in rows["2.1"]
    # Only submitted updates can be chosen to accept together.
    assert 'name="updates"' in rows["2.1"] and 'name="updates"' not in rows["2.2"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"state": "submitted"}, ["1.1", "1.2", "2.1"]),
        ({"state": "none"}, ["2.2"]),
        ({"partner": "police"}, ["1.1", "1.2"]),
        ({"priority": "p2"}, ["2.1", "2.2"]),
        ({"partner": "council", "state": "submitted"}, ["2.1"]),
    ],
)
def test_the_queue_filters_by_state_partner_and_priority(as_secretary, quarter, filters, expected):
    ids = {"police": quarter["police"].pk, "council": quarter["council"].pk, "p2": quarter["p2"].pk}
    query = {key: ids.get(value, value) for key, value in filters.items()}
    content = as_secretary.get(reverse("actions:review_period", args=[quarter["q2"].pk]), query).content
    assert list(_rows(content.decode())) == expected


def test_a_filter_from_another_partnership_is_refused_in_plain_english(as_secretary, quarter, elsewhere):
    stranger = factories.make_organisation(elsewhere, "Elsewhere Police")
    url = reverse("actions:review_period", args=[quarter["q2"].pk])
    content = as_secretary.get(url, {"partner": stranger.pk, "state": "purple"}).content.decode()
    assert "Choose a partner from the list" in content and "Choose a state from the list" in content
    assert "<title>Error:" in content
    assert list(_rows(content)) == ["1.1", "1.2", "2.1", "2.2"]  # the bad filters are ignored


def test_the_queue_takes_a_fixed_number_of_queries(as_secretary, quarter, p1, walsall):
    url = reverse("actions:review_period", args=[quarter["q2"].pk])

    def grow(start: int) -> None:
        for n in range(start, start + 5):
            action = factories.make_action(p1, f"1.{n}")
            action.responsible_organisations.add(factories.make_organisation(walsall))
            _reported(action, quarter["q1"], Rag.GREEN, ACCEPTED, progress="Fine.")
            _reported(action, quarter["q2"], Rag.RED, progress="Worse.")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_secretary.get(url).status_code == 200
        return len(queries)

    grow(10)
    before = count()
    grow(20)
    assert count() == before <= 16


# ---- One update, with last quarter beside it --------------------------------------------------


def test_the_review_page_shows_last_quarters_update_beside_this_one(as_secretary, quarter):
    slid = _updates(quarter)["1.1"]
    content = as_secretary.get(reverse("actions:review_update", args=[slid.pk])).content.decode()
    assert "2020 Q2 beside 2020 Q1" in content
    assert "Two stabbings in the town centre." in content and "Knife arches in every school." in content
    assert "Worsened" in content


def test_the_review_page_says_when_the_deadline_would_move(as_secretary, quarter):
    moved = _updates(quarter)["1.2"]
    content = as_secretary.get(reverse("actions:review_update", args=[moved.pk])).content.decode()
    assert "Deadline moved" in content
    assert "31 December 2020 (the deadline is now 30 September 2020)" in content
    assert "This is the plan&#x27;s first quarter" not in content and "No update reported" in content


def test_after_a_decision_the_next_update_in_the_queue_opens(as_secretary, quarter):
    updates = _updates(quarter)
    response = as_secretary.post(
        reverse("actions:review_update", args=[updates["1.1"].pk]),
        {"decision": "return", "comment": "Say which wards.", "version": "1"},
    )
    assert response.url == reverse("actions:review_update", args=[updates["1.2"].pk])
    response = as_secretary.post(
        reverse("actions:review_update", args=[updates["2.1"].pk]),
        {"decision": "accept", "version": "1"},
        follow=True,
    )
    # The queue wraps round to the update still waiting before it.
    assert response.redirect_chain[-1][0] == reverse("actions:review_update", args=[updates["1.2"].pk])
    assert "2.1 accepted. This is the next update waiting for review." in response.content.decode()


def test_the_next_update_keeps_to_the_filtered_queue(as_secretary, quarter):
    updates = _updates(quarter)
    query = f"?partner={quarter['council'].pk}"
    response = as_secretary.post(
        reverse("actions:review_update", args=[updates["2.1"].pk]) + query,
        {"decision": "accept", "version": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("actions:review_period", args=[quarter["q2"].pk]) + query
    assert "No more updates are waiting for review here." in response.content.decode()


# ---- Accepting several at once -----------------------------------------------------------------


def _bulk(client, quarter, tokens, **extra):
    return client.post(reverse("actions:bulk_accept", args=[quarter["q2"].pk]), {"updates": tokens, **extra})


def test_accepting_several_asks_first_then_accepts_them_all(as_secretary, quarter, secretary):
    updates = _updates(quarter)
    tokens = [f"{updates[ref].pk}:{updates[ref].version}" for ref in ("1.2", "2.1")]
    page = _bulk(as_secretary, quarter, tokens)
    content = page.content.decode()
    assert page.status_code == 200 and "Accept these 2 updates?" in content
    assert "Open a youth hub" in content and "Hate crime week" in content and "Deadline moved" in content
    assert ActionUpdate.objects.filter(state=ACCEPTED, period=quarter["q2"]).count() == 0  # not yet

    response = _bulk(as_secretary, quarter, tokens, confirm="yes")
    assert response.status_code == 302
    accepted = ActionUpdate.objects.filter(period=quarter["q2"], state=ACCEPTED)
    assert sorted(u.action.reference for u in accepted) == ["1.2", "2.1"]
    assert all(u.reviewed_by == secretary for u in accepted)
    # Accepting applies the proposed deadline, as accepting one at a time does.
    assert updates["1.2"].action.__class__.objects.get(pk=updates["1.2"].action_id).deadline == datetime.date(
        2020, 12, 31
    )
    page = as_secretary.get(response.url)
    assert "2 updates accepted: 1.2, 2.1" in page.content.decode()


def test_accepting_one_says_one_update_not_one_updates(as_secretary, quarter):
    update = _updates(quarter)["1.2"]
    response = _bulk(as_secretary, quarter, [f"{update.pk}:{update.version}"], confirm="yes")
    page = as_secretary.get(response.url).content.decode()
    assert "1 update accepted: 1.2" in page and "1 updates" not in page


def test_an_update_changed_since_the_queue_was_drawn_is_set_aside(as_secretary, quarter, lead_b):
    updates = _updates(quarter)
    tokens = [f"{updates[ref].pk}:{updates[ref].version}" for ref in ("1.2", "2.1")]
    services.save_update(
        action=updates["2.1"].action,
        period=quarter["q2"],
        by=lead_b,
        expected_version=updates["2.1"].version,
        data=UpdateInput(rag=Rag.RED, progress="Venue cancelled.", recovery_plan="Finding another."),
        submit=True,
    )
    content = _bulk(as_secretary, quarter, tokens).content.decode()
    assert "Accept this update?" in content
    to_accept, set_aside = content.split('id="set-aside"')
    assert "Open a youth hub" in to_accept and "Hate crime week" not in to_accept
    assert "Hate crime week" in set_aside
    assert reverse("actions:review_update", args=[updates["2.1"].pk]) in set_aside
    assert f'value="{updates["2.1"].pk}:' not in content  # never among those the button accepts


def test_confirming_after_one_changed_accepts_none(as_secretary, quarter, lead_b):
    updates = _updates(quarter)
    tokens = [f"{updates[ref].pk}:{updates[ref].version}" for ref in ("1.2", "2.1")]
    services.save_update(
        action=updates["2.1"].action,
        period=quarter["q2"],
        by=lead_b,
        expected_version=updates["2.1"].version,
        data=UpdateInput(rag=Rag.GREEN, progress="Changed while the page was open."),
        submit=True,
    )
    response = _bulk(as_secretary, quarter, tokens, confirm="yes")
    content = response.content.decode()
    assert response.status_code == 409 and "Nothing was accepted" in content
    assert not ActionUpdate.objects.filter(period=quarter["q2"], state=ACCEPTED).exists()
    assert "Accept this update?" in content  # the rest, to confirm again


@pytest.mark.parametrize("tokens", [[], ["nonsense"], ["999999:1"]])
def test_choosing_nothing_or_something_unknown_changes_nothing(as_secretary, quarter, tokens):
    response = _bulk(as_secretary, quarter, tokens, confirm="yes")
    assert response.status_code == 302
    assert "Choose at least one submitted update" in as_secretary.get(response.url).content.decode()
    assert not ActionUpdate.objects.filter(period=quarter["q2"], state=ACCEPTED).exists()


def test_an_update_of_another_quarter_cannot_be_slipped_in(as_secretary, quarter):
    earlier = ActionUpdate.objects.get(period=quarter["q1"])
    response = _bulk(as_secretary, quarter, [f"{earlier.pk}:{earlier.version}"], confirm="yes")
    assert response.status_code == 302
    earlier.refresh_from_db()
    assert earlier.reviewed_at is None


def test_a_locked_quarter_accepts_nothing(as_secretary, quarter):
    updates = _updates(quarter)
    ReportingPeriod.objects.filter(pk=quarter["q2"].pk).update(status=ReportingPeriod.Status.LOCKED)
    response = _bulk(as_secretary, quarter, [f"{updates['2.1'].pk}:1"], confirm="yes")
    assert "2020 Q2 is locked" in as_secretary.get(response.url).content.decode()
    assert not ActionUpdate.objects.filter(period=quarter["q2"], state=ACCEPTED).exists()


def test_leads_and_viewers_cannot_accept_several(client, quarter, lead_a, viewer):
    token = f"{_updates(quarter)['1.1'].pk}:1"
    for person in (lead_a, viewer):
        client.force_login(person)
        assert _bulk(client, quarter, [token], confirm="yes").status_code == 403
    assert not ActionUpdate.objects.filter(period=quarter["q2"], state=ACCEPTED).exists()


def test_another_partnerships_secretary_gets_not_found(client, quarter, outsider):
    client.force_login(outsider)
    token = f"{_updates(quarter)['1.1'].pk}:1"
    assert _bulk(client, quarter, [token], confirm="yes").status_code == 404
    assert client.get(reverse("actions:review_period", args=[quarter["q2"].pk])).status_code == 404


def test_the_confirmation_page_takes_a_fixed_number_of_queries(as_secretary, quarter, p1):
    def count(tokens) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert _bulk(as_secretary, quarter, tokens).status_code == 200
        return len(queries)

    updates = _updates(quarter)
    few = count([f"{updates[ref].pk}:1" for ref in ("1.1", "1.2")])
    for n in range(10, 16):
        _reported(factories.make_action(p1, f"1.{n}"), quarter["q2"], Rag.GREEN, progress="Fine.")
    many = count(
        [f"{u.pk}:{u.version}" for u in ActionUpdate.objects.filter(period=quarter["q2"], state=SUBMITTED)]
    )
    assert many == few <= 14

"""Notes for the board (issue 19 item 4): a lead's commentary on their priority and the secretary's asks
of the board, saved as drafts or submitted, reviewed like updates, and printed in the pack.

Who may open each page is the permission matrix's (tests/permissions/, rows board_notes_get to
review_note_post); these tests follow the journeys and what the board then reads."""

import pytest
from django.urls import reverse

from actions import services
from actions.models import BoardNote
from priorities.models import ReportingPeriod
from reports.rendering import pack_html
from reports.selectors import board_pack
from tests import factories
from tests.fixtures.page_outline import visible_text


def commentary_url(period, priority) -> str:
    return reverse("actions:edit_commentary", args=[period.pk, priority.pk])


def asks_url(period) -> str:
    return reverse("actions:edit_asks", args=[period.pk])


def page_text(response) -> str:
    return visible_text(response.content.decode())


def pack_text(period) -> str:
    return visible_text(pack_html(board_pack(plan=period.plan, period=period)))


@pytest.fixture
def quarter(plan, p1, p2):
    factories.make_action(p1, "1.1", overall_objective="Hold listening events")
    return factories.make_period(plan, quarter=1)  # open


def write(client, url, text, version=0, draft=False):
    data = {"text": text, "version": version, "save_draft" if draft else "submit": ""}
    return client.post(url, data)


# Writing


def test_a_lead_writes_their_priority_commentary_and_the_pack_prints_it_at_the_top(
    client, quarter, p1, lead_a
):
    client.force_login(lead_a)
    assert "Your commentary for the board, 2020 Q1" in page_text(client.get(reverse("actions:my_updates")))
    assert client.get(commentary_url(quarter, p1)).status_code == 200

    response = write(client, commentary_url(quarter, p1), "Events paused in lockdown; online survey instead.")

    assert response.status_code == 302 and response["Location"] == reverse(
        "actions:board_notes", args=[quarter.pk]
    )
    note = BoardNote.objects.get(period=quarter, priority=p1)
    assert (note.state, note.written_by, note.version) == (BoardNote.State.SUBMITTED, lead_a, 1)
    section = pack_text(quarter).split("1. Violence reduction Strategic lead")[1]
    assert section.index("The lead's commentary Events paused in lockdown") < section.index("Delivery plan")
    assert "Alice Lead, not yet reviewed by the secretary" in section


def test_a_draft_is_not_printed(client, quarter, p1, lead_a):
    client.force_login(lead_a)
    write(client, commentary_url(quarter, p1), "Half-written thoughts", draft=True)
    assert BoardNote.objects.get(priority=p1).state == BoardNote.State.DRAFT
    assert "Half-written thoughts" not in pack_text(quarter)


def test_submitting_nothing_says_what_to_enter_and_saves_nothing(client, quarter, p1, lead_a, secretary):
    client.force_login(lead_a)
    response = write(client, commentary_url(quarter, p1), "   ")
    assert response.status_code == 200
    assert "Enter your commentary" in page_text(response)
    client.force_login(secretary)
    response = write(client, asks_url(quarter), "")
    assert "Enter what the board is asked to decide or note" in page_text(response)
    assert not BoardNote.objects.filter(period=quarter).exists()


def test_a_lead_may_not_write_another_priority_commentary(client, quarter, p2, lead_a):
    client.force_login(lead_a)
    assert write(client, commentary_url(quarter, p2), "Not mine to write").status_code == 403
    assert not BoardNote.objects.filter(period=quarter).exists()


def test_another_partnerships_priority_is_not_found(client, quarter, outsider, elsewhere):
    other = factories.make_priority(factories.make_plan(elsewhere), 1)
    client.force_login(outsider)
    assert client.get(commentary_url(quarter, other)).status_code == 404


def test_a_locked_quarter_refuses_changes(client, quarter, p1, lead_a):
    quarter.status = ReportingPeriod.Status.LOCKED
    quarter.save()
    client.force_login(lead_a)
    response = write(client, commentary_url(quarter, p1), "Too late")
    assert response.status_code == 403
    assert "2020 Q1 is locked: notes can no longer be changed." in page_text(response)
    assert not BoardNote.objects.filter(period=quarter).exists()


def test_two_people_saving_at_once_see_both_versions_and_nothing_is_lost(
    client, quarter, p1, lead_a, secretary
):
    client.force_login(secretary)
    write(client, commentary_url(quarter, p1), "The secretary's wording")
    client.force_login(lead_a)

    response = write(client, commentary_url(quarter, p1), "The lead's wording", version=0)

    assert response.status_code == 409
    text = page_text(response)
    assert "Someone saved this while you were writing" in text
    assert "Their version The secretary's wording" in text and "The lead's wording" in text
    note = BoardNote.objects.get(priority=p1)
    assert (note.text, note.version) == ("The secretary's wording", 1)


# Reviewing


def test_the_secretary_accepts_a_commentary_and_the_pack_prints_it_as_reviewed(
    client, quarter, p1, lead_a, secretary
):
    note = services.save_note(
        period=quarter,
        kind=BoardNote.Kind.COMMENTARY,
        priority=p1,
        by=lead_a,
        expected_version=0,
        text="On track despite lockdown.",
        submit=True,
    )
    client.force_login(secretary)
    assert "Review" in page_text(client.get(reverse("actions:board_notes", args=[quarter.pk])))

    response = client.post(
        reverse("actions:review_note", args=[note.pk]), {"decision": "accept", "comment": "", "version": 1}
    )

    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.state, note.reviewed_by, note.version) == (BoardNote.State.ACCEPTED, secretary, 2)
    assert "On track despite lockdown. Alice Lead " in pack_text(quarter)
    assert "not yet reviewed" not in pack_text(quarter)
    # An accepted note can no longer be changed by its writer.
    client.force_login(lead_a)
    assert write(client, commentary_url(quarter, p1), "Changed", version=2).status_code == 403


def test_returning_needs_a_comment_which_the_writer_then_sees(client, quarter, p1, lead_a, secretary):
    note = services.save_note(
        period=quarter,
        kind=BoardNote.Kind.COMMENTARY,
        priority=p1,
        by=lead_a,
        expected_version=0,
        text="Fine.",
        submit=True,
    )
    client.force_login(secretary)
    url = reverse("actions:review_note", args=[note.pk])
    response = client.post(url, {"decision": "return", "comment": "", "version": 1})
    assert "Enter a comment saying what needs to change" in page_text(response)
    assert BoardNote.objects.get(pk=note.pk).state == BoardNote.State.SUBMITTED

    client.post(url, {"decision": "return", "comment": "Say why 1.1 is amber.", "version": 1})

    assert BoardNote.objects.get(pk=note.pk).state == BoardNote.State.RETURNED
    client.force_login(lead_a)
    assert "Say why 1.1 is amber." in page_text(client.get(commentary_url(quarter, p1)))
    assert "Fine." not in pack_text(quarter)  # a returned note is being corrected: not printed


def test_nobody_reviews_their_own_asks(client, quarter, secretary, admin_user):
    asks = services.save_note(
        period=quarter,
        kind=BoardNote.Kind.ASKS,
        priority=None,
        by=secretary,
        expected_version=0,
        text="Agree to extend action 1.1 to March 2021.",
        submit=True,
    )
    client.force_login(secretary)
    url = reverse("actions:review_note", args=[asks.pk])
    assert "You wrote this, so someone else must review it." in page_text(client.get(url))
    client.post(url, {"decision": "accept", "comment": "", "version": 1})
    assert BoardNote.objects.get(pk=asks.pk).state == BoardNote.State.SUBMITTED

    client.force_login(admin_user)
    client.post(url, {"decision": "accept", "comment": "", "version": 1})
    assert BoardNote.objects.get(pk=asks.pk).state == BoardNote.State.ACCEPTED


def test_a_stale_review_changes_nothing(quarter, p1, lead_a, secretary):
    note = services.save_note(
        period=quarter,
        kind=BoardNote.Kind.COMMENTARY,
        priority=p1,
        by=lead_a,
        expected_version=0,
        text="First",
        submit=True,
    )
    services.save_note(
        period=quarter,
        kind=BoardNote.Kind.COMMENTARY,
        priority=p1,
        by=lead_a,
        expected_version=1,
        text="Second",
        submit=True,
    )
    with pytest.raises(services.Conflict):
        services.accept_note(note=note, by=secretary, expected_version=1)
    assert BoardNote.objects.get(pk=note.pk).state == BoardNote.State.SUBMITTED


# What the board reads


def test_the_asks_are_on_the_first_page_and_in_the_decisions_section(quarter, secretary, admin_user):
    asks = services.save_note(
        period=quarter,
        kind=BoardNote.Kind.ASKS,
        priority=None,
        by=secretary,
        expected_version=0,
        text="Agree to extend action 1.1 to March 2021.",
        submit=True,
    )
    services.accept_note(note=asks, by=admin_user, expected_version=1)

    text = pack_text(quarter)

    glance = text[text.index("The plan at a glance") : text.index("Contents")]
    assert "Asked of the board Agree to extend action 1.1 to March 2021. Sam Secretary" in glance
    decisions = text[text.index("Decisions asked of the board Agree") :]
    assert decisions.startswith("Decisions asked of the board Agree to extend action 1.1 to March 2021.")
    # The public page's read model carries no notes: they are the board's, with officers' names.
    public = board_pack(plan=quarter.plan, period=quarter, accepted_only=True)
    assert public.asks is None


def test_a_quarter_without_asks_says_so(quarter):
    assert "No decisions or escalations have been put to the board for 2020 Q1." in pack_text(quarter)


def test_the_notes_page_takes_the_same_queries_however_many_priorities(
    client, quarter, plan, secretary, django_assert_max_num_queries
):
    client.force_login(secretary)
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("actions:board_notes", args=[quarter.pk]))
    for order in range(3, 9):
        factories.make_priority(plan, order)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("actions:board_notes", args=[quarter.pk]))
    assert "Priority 8" in page_text(response)

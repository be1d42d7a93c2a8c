"""The governance pages: the structure, meetings, one meeting, the decisions log and recording decisions
and attendance. Every member reads them; only the admin and the secretary record; outsiders get 404."""

import datetime
import re

import pytest
from django.urls import reverse

from governance.models import AgendaItem, Attendance, Board, BoardMember, Decision, User
from tests import factories


@pytest.fixture
def board(walsall, police):
    board = factories.make_board(
        walsall, "Test Partnership Board", meeting_frequency="Quarterly", terms_of_reference="Sets the plan."
    )
    BoardMember.objects.create(board=board, name="Cllr Chair", organisation=police, position="chair")
    BoardMember.objects.create(board=board, name="Vera Vice", position="vice_chair")
    return board


@pytest.fixture
def group(walsall, board):
    group = factories.make_board(walsall, "Violence group", kind=Board.Kind.THEMATIC_GROUP, parent=board)
    BoardMember.objects.create(board=group, name="Gail Group", position="adviser")
    return group


@pytest.fixture
def meeting(board):
    meeting = factories.make_meeting(board, datetime.date(2020, 4, 21), title="Q1 board", minutes="We met.")
    AgendaItem.objects.create(meeting=meeting, order=1, title="Q1 progress report", presenter="Secretary")
    return meeting


# The structure ----------------------------------------------------------------------------------


def test_signed_out_people_are_sent_to_sign_in(client, meeting):
    for url in (
        reverse("governance:structure"),
        reverse("governance:meetings"),
        reverse("governance:meeting", args=[meeting.pk]),
        reverse("governance:decisions"),
        reverse("governance:record_decision", args=[meeting.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    response = client.post(reverse("governance:record_decision", args=[meeting.pk]), {"text": "x"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Decision.objects.filter(meeting=meeting).exists()


def test_a_person_with_no_role_is_refused(client, db):
    client.force_login(factories.make_user(None, None))
    assert client.get(reverse("governance:structure")).status_code == 403


def test_the_structure_nests_groups_beneath_their_board(client, viewer, board, group):
    council = factories.make_board(board.partnership, "Cabinet", kind=Board.Kind.COUNCIL_BODY)
    client.force_login(viewer)
    content = client.get(reverse("governance:structure")).content.decode()
    assert '<h2 class="govuk-heading-l">Test Partnership Board</h2>' in content
    assert '<h3 class="govuk-heading-m">Violence group</h3>' in content
    # The group's list item sits inside the board's.
    board_at = content.index(f'id="board-{board.pk}"')
    group_at = content.index(f'id="board-{group.pk}"')
    council_at = content.index(f'id="board-{council.pk}"')
    assert board_at < group_at < content.index("Council bodies") < council_at
    for text in (
        "Cllr Chair",
        "Chair",
        "Vice chair",
        "Test Police",
        "Quarterly",
        "Sets the plan.",
        "Adviser",
    ):
        assert text in content
    assert "<caption" in content and 'scope="col"' in content


def test_the_structure_page_takes_a_fixed_number_of_queries(
    client, viewer, board, django_assert_max_num_queries
):
    for n in range(8):
        group = factories.make_board(
            board.partnership, f"Group {n}", kind=Board.Kind.THEMATIC_GROUP, parent=board
        )
        BoardMember.objects.create(board=group, name=f"Member {n}")
    client.force_login(viewer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("governance:structure")).status_code == 200


def test_an_outsider_sees_their_own_partnerships_structure_only(client, outsider, board):
    client.force_login(outsider)
    content = client.get(reverse("governance:structure")).content.decode()
    assert "Test Partnership Board" not in content and "No boards have been recorded yet." in content


# Meetings ---------------------------------------------------------------------------------------


def test_meetings_are_listed_by_board_newest_first(client, viewer, board, meeting):
    factories.make_meeting(board, datetime.date(2019, 7, 30), title="Older")
    factories.make_decision(meeting, "Noted the report")
    client.force_login(viewer)
    content = client.get(reverse("governance:meetings")).content.decode()
    assert content.index("21 April 2020") < content.index("30 July 2019")
    assert "Meetings of Test Partnership Board, newest first" in content


def test_the_meetings_list_takes_a_fixed_number_of_queries(
    client, viewer, board, django_assert_max_num_queries
):
    for day in range(1, 21):
        meeting = factories.make_meeting(board, datetime.date(2019, 1, day))
        factories.make_decision(meeting)
        Attendance.objects.create(meeting=meeting, name="Pat")
    client.force_login(viewer)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("governance:meetings"))
    assert len(re.findall(r'href="/governance/meetings/\d+/"', response.content.decode())) == 20


def test_a_meeting_shows_its_agenda_attendance_decisions_and_minutes(client, viewer, meeting, police):
    Attendance.objects.create(meeting=meeting, name="Pat Present", organisation=police)
    Attendance.objects.create(meeting=meeting, name="Alex Apologies", status=Attendance.Status.APOLOGIES)
    factories.make_decision(meeting, "Noted the Q1 report", reference="SWP 20/04/1")
    client.force_login(viewer)
    content = client.get(reverse("governance:meeting", args=[meeting.pk])).content.decode()
    for text in (
        "Q1 progress report",
        "presented by Secretary",
        "1 present, 1 sent apologies, 0 absent",
        "Pat Present",
        "Alex Apologies",
        "SWP 20/04/1",
        "Noted the Q1 report",
        "We met.",
        "Not yet agreed by the board",
        "No board pack has been issued for this meeting.",
    ):
        assert text in content, text
    # A viewer reads, but is offered nothing to record.
    assert reverse("governance:record_decision", args=[meeting.pk]) not in content


def test_the_secretary_is_offered_the_recording_forms(client, secretary, meeting):
    client.force_login(secretary)
    content = client.get(reverse("governance:meeting", args=[meeting.pk])).content.decode()
    assert reverse("governance:record_decision", args=[meeting.pk]) in content
    assert reverse("governance:record_attendance", args=[meeting.pk]) in content


def test_another_partnerships_meeting_is_not_found(client, outsider, meeting):
    client.force_login(outsider)
    for name in ("governance:meeting", "governance:record_decision", "governance:record_attendance"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 404
    assert (
        client.post(reverse("governance:record_decision", args=[meeting.pk]), {"text": "x"}).status_code
        == 404
    )
    assert client.get(reverse("governance:meeting", args=[999999])).status_code == 404


def test_an_issued_board_pack_for_the_meeting_is_linked(
    client, viewer, meeting, plan, period, secretary, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    reports_models = pytest.importorskip("reports.models")
    from django.core.files.base import ContentFile
    from django.utils import timezone

    pack = reports_models.IssuedPack(plan=plan, period=period, meeting=meeting, issued_by=secretary)
    pack.pdf.save("pack.pdf", ContentFile(b"%PDF-1.4"), save=False)
    pack.pdf_sha256, pack.state, pack.issued_at = "0" * 64, "issued", timezone.now()
    pack.save()
    client.force_login(viewer)
    content = client.get(reverse("governance:meeting", args=[meeting.pk])).content.decode()
    assert reverse("reports:pack_download", args=[pack.pk]) in content
    assert f"{period.label} board pack (PDF)" in content


# The decisions log ------------------------------------------------------------------------------


@pytest.fixture
def logged(board, meeting):
    older = factories.make_meeting(board, datetime.date(2019, 7, 30), title="Summer board")
    factories.make_decision(older, "Approved the five priorities", kind="decision")
    factories.make_decision(older, "Domestic abuse is a joint accountability", kind="resolution")
    factories.make_decision(
        meeting, "Bring recovery plans", kind="action", owner="Priority leads", reference="A1"
    )
    return older


def _log(client, **query):
    return client.get(reverse("governance:decisions"), query).content.decode()


def test_the_decisions_log_lists_every_meeting_newest_first(client, viewer, logged):
    client.force_login(viewer)
    content = _log(client)
    assert "3 decisions" in content
    assert content.index("Bring recovery plans") < content.index("Approved the five priorities")


def test_the_decisions_log_searches_text_board_type_and_dates(client, viewer, logged, group):
    factories.make_decision(
        factories.make_meeting(group, datetime.date(2019, 8, 1)), "Group decision on knives"
    )
    client.force_login(viewer)
    assert "Approved the five priorities" in _log(client, q="five priorities")
    content = _log(client, q="recovery")
    assert "1 decision match your search" in content and "Approved the five" not in content
    assert "Group decision on knives" not in _log(client, board=logged.board_id)
    assert "1 decision match" in _log(client, kind="resolution")
    content = _log(client, date_from_0="1", date_from_1="1", date_from_2="2020")
    assert "Bring recovery plans" in content and "Approved the five" not in content
    content = _log(client, date_to_0="31", date_to_1="7", date_to_2="2019")
    assert "2 decisions match" in content
    assert "No decisions match your search." in _log(client, q="nothing like this")


def test_the_decisions_log_explains_a_bad_search(client, viewer, logged):
    client.force_login(viewer)
    content = _log(
        client,
        date_from_0="1",
        date_from_1="1",
        date_from_2="2020",
        date_to_0="1",
        date_to_1="1",
        date_to_2="2019",
    )
    assert "Error: Decisions log" in content
    assert "The end of the date range must be on or after its start" in content
    assert "Approved the five priorities" not in content
    assert "must be a real date" in _log(client, date_from_0="31", date_from_1="2", date_from_2="2020")


def test_the_decisions_log_never_shows_another_partnerships_decisions(client, outsider, logged):
    client.force_login(outsider)
    content = _log(client)
    assert "Approved the five priorities" not in content and "0 decisions" in content


def test_the_decisions_log_is_paginated_in_a_fixed_number_of_queries(
    client, viewer, board, django_assert_max_num_queries
):
    for day in range(1, 31):
        meeting = factories.make_meeting(board, datetime.date(2019, 1, day))
        factories.make_decision(meeting, f"Decision of day {day:02}")
    client.force_login(viewer)
    with django_assert_max_num_queries(8):
        content = _log(client, q="Decision of day")
    assert (
        "30 decisions match" in content
        and "Decision of day 30" in content
        and "Decision of day 05" not in content
    )
    assert 'aria-label="Pages of decisions"' in content
    content = _log(client, q="Decision of day", page="2")
    assert "Decision of day 05" in content and "Decision of day 30" not in content
    assert "q=Decision+of+day&amp;page=1" in content  # the search is kept across pages


# Recording a decision ---------------------------------------------------------------------------


def _decision_url(meeting):
    return reverse("governance:record_decision", args=[meeting.pk])


def test_the_secretary_records_a_decision(client, secretary, meeting):
    client.force_login(secretary)
    assert client.get(_decision_url(meeting)).status_code == 200
    item = meeting.agenda_items.get()
    response = client.post(
        _decision_url(meeting),
        {
            "kind": "action",
            "text": "Bring recovery plans to the next meeting",
            "agenda_item": item.pk,
            "reference": "SWP 20/04/2",
            "owner": "Priority leads",
            "due_on_0": "21",
            "due_on_1": "7",
            "due_on_2": "2020",
        },
    )
    assert response.status_code == 302 and response.url.endswith("#decisions")
    decision = Decision.objects.get(meeting=meeting)
    assert (decision.kind, decision.owner, decision.due_on, decision.agenda_item) == (
        "action",
        "Priority leads",
        datetime.date(2020, 7, 21),
        item,
    )
    assert decision.recorded_by == secretary
    assert decision.history.get().history_user == secretary


def test_the_admin_records_a_decision_too(client, admin_user, meeting):
    client.force_login(admin_user)
    response = client.post(_decision_url(meeting), {"kind": "decision", "text": "Approved the plan"})
    assert response.status_code == 302
    assert meeting.decisions.get().text == "Approved the plan"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "decision", "text": ""}, "Enter what was decided"),
        ({"kind": "action", "text": "Do it"}, "Enter who will do this action"),
        ({"kind": "", "text": "Do it"}, "Select decision, resolution or action"),
        (
            {"kind": "decision", "text": "Do it", "due_on_0": "1", "due_on_1": "1", "due_on_2": "2020"},
            "The due date must be on or after the meeting, 21 April 2020",
        ),
        (
            {"kind": "decision", "text": "Do it", "due_on_0": "1", "due_on_2": "2020"},
            "Enter the month",
        ),
    ],
)
def test_a_decision_with_problems_is_explained_and_not_saved(client, secretary, meeting, data, message):
    client.force_login(secretary)
    response = client.post(_decision_url(meeting), data)
    content = response.content.decode()
    assert response.status_code == 200 and "Error: Record a decision" in content
    assert message in content
    assert not meeting.decisions.exists()


def test_a_decision_reference_is_not_reused_in_a_meeting(client, secretary, meeting):
    factories.make_decision(meeting, reference="SWP 1")
    client.force_login(secretary)
    response = client.post(
        _decision_url(meeting), {"kind": "decision", "text": "Again", "reference": "swp 1"}
    )
    assert "Another decision of this meeting is already swp 1" in response.content.decode()
    assert meeting.decisions.count() == 1


@pytest.mark.parametrize("who", ["viewer", "lead_a"])
def test_readers_cannot_record_decisions(client, meeting, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_decision_url(meeting)).status_code == 403
    assert client.post(_decision_url(meeting), {"kind": "decision", "text": "x"}).status_code == 403
    assert not meeting.decisions.exists()


# Recording attendance ---------------------------------------------------------------------------


def _attendance_url(meeting):
    return reverse("governance:record_attendance", args=[meeting.pk])


def test_the_secretary_records_a_board_member_as_present(client, secretary, meeting, police):
    chair = meeting.board.members.get(position="chair")
    client.force_login(secretary)
    response = client.post(_attendance_url(meeting), {"member": chair.pk, "status": "present"})
    assert response.status_code == 302 and response.url.endswith("#attendance")
    row = meeting.attendance.get()
    assert (row.name, row.organisation, row.position, row.status) == (
        "Cllr Chair",
        police,
        "chair",
        "present",
    )


def test_the_secretary_records_someone_else_sending_apologies(client, secretary, meeting):
    client.force_login(secretary)
    response = client.post(
        _attendance_url(meeting),
        {"name": "Guest Speaker", "position": "in_attendance", "status": "apologies"},
    )
    assert response.status_code == 302
    row = meeting.attendance.get()
    assert (row.name, row.position, row.status) == ("Guest Speaker", "in_attendance", "apologies")
    assert row.history.get().history_user == secretary


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "present"}, "Choose a board member or enter the person&#x27;s name"),
        ({"name": "Pat"}, "Select present, apologies or absent"),
        ({"name": "Pat", "status": "asleep"}, "Select present, apologies or absent"),
        ({"member": "999999", "status": "present"}, "Choose a member of this board"),
    ],
)
def test_attendance_with_problems_is_explained_and_not_saved(client, secretary, meeting, data, message):
    client.force_login(secretary)
    response = client.post(_attendance_url(meeting), data)
    content = response.content.decode()
    assert response.status_code == 200 and "Error: Record attendance" in content
    assert message in content
    assert not meeting.attendance.exists()


def test_a_person_is_not_recorded_twice(client, secretary, meeting):
    Attendance.objects.create(meeting=meeting, name="Cllr Chair")
    chair = meeting.board.members.get(position="chair")
    client.force_login(secretary)
    response = client.post(_attendance_url(meeting), {"member": chair.pk, "status": "apologies"})
    assert "Cllr Chair is already on this meeting&#x27;s attendance list" in response.content.decode()
    assert meeting.attendance.count() == 1


def test_a_viewer_cannot_record_attendance(client, viewer, meeting):
    client.force_login(viewer)
    assert client.get(_attendance_url(meeting)).status_code == 403
    assert client.post(_attendance_url(meeting), {"name": "Pat", "status": "present"}).status_code == 403
    assert not meeting.attendance.exists()


@pytest.mark.usefixtures("demo")
def test_the_demo_board_is_shown_to_its_viewer(client):
    client.force_login(User.objects.get(email="officer@demo.example"))
    content = client.get(reverse("governance:structure")).content.decode()
    for text in (
        "Safer Walsall Partnership Board",
        "Councillor Garry Perry",
        "Andy Parsons",
        "Working Party",
    ):
        assert text in content


def test_a_governance_page_marks_only_its_own_place_in_the_menus(client, viewer, plan):
    client.force_login(viewer)
    content = client.get(reverse("priorities:approvals")).content.decode()
    assert content.count('aria-current="page"') == 1
    assert 'href="/governance/plan/approvals/" aria-current="page"' in content
    # In the header, only "Governance" is marked, as the section this page belongs to.
    assert content.count('aria-current="true"') == 1
    assert 'href="/governance/" aria-current="true"' in content

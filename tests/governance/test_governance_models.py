"""Boards, meetings, attendance and decisions keep to their partnership and make sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from governance.models import AgendaItem, Attendance, Board, BoardMember, Decision
from tests import factories


def test_a_board_cannot_report_to_one_of_its_own_groups(walsall):
    board = factories.make_board(walsall, "Partnership Board")
    group = factories.make_board(walsall, "Violence group", kind=Board.Kind.THEMATIC_GROUP, parent=board)
    board.parent = group
    with pytest.raises(ValidationError) as raised:
        board.full_clean()
    assert "A board cannot report to one of its own groups." in str(raised.value)


def test_a_group_reports_to_a_board_of_its_own_partnership(walsall, elsewhere):
    theirs = factories.make_board(elsewhere, "Their board")
    group = Board(partnership=walsall, name="Our group", kind=Board.Kind.THEMATIC_GROUP, parent=theirs)
    with pytest.raises(ValidationError) as raised:
        group.full_clean()
    assert "Choose a board of this partnership." in str(raised.value)


def test_board_member_positions_include_chair_vice_chair_member_and_adviser():
    assert {"chair", "vice_chair", "member", "adviser"} <= set(BoardMember.Position.values)


def test_a_member_belongs_to_an_organisation_of_the_boards_partnership(walsall, elsewhere):
    board = factories.make_board(walsall)
    other = factories.make_organisation(elsewhere, "Their police")
    member = BoardMember(board=board, name="Pat", organisation=other)
    with pytest.raises(ValidationError) as raised:
        member.full_clean()
    assert "Choose one of this partnership's organisations." in str(raised.value)


def test_minutes_cannot_be_agreed_before_the_meeting(walsall):
    meeting = factories.make_meeting(factories.make_board(walsall), datetime.date(2020, 4, 21))
    meeting.minutes = "Minutes"
    meeting.minutes_approved_on = datetime.date(2020, 4, 1)
    with pytest.raises(ValidationError) as raised:
        meeting.full_clean()
    assert "The minutes can only be agreed on or after the meeting." in str(raised.value)


def test_a_person_is_on_a_meetings_attendance_list_once(walsall):
    meeting = factories.make_meeting(factories.make_board(walsall))
    Attendance.objects.create(meeting=meeting, name="Pat Jones")
    duplicate = Attendance(meeting=meeting, name="Pat Jones", status=Attendance.Status.APOLOGIES)
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert "This person is already on the meeting's attendance list." in str(raised.value)
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_decision_references_are_unique_in_a_meeting_but_may_be_blank(walsall):
    meeting = factories.make_meeting(factories.make_board(walsall))
    factories.make_decision(meeting, reference="SWP 1")
    factories.make_decision(meeting)
    factories.make_decision(meeting)  # two without a reference are fine
    with pytest.raises(IntegrityError):
        factories.make_decision(meeting, reference="SWP 1")


def test_a_decision_links_only_to_its_own_meetings_agenda(walsall):
    board = factories.make_board(walsall)
    meeting = factories.make_meeting(board, datetime.date(2020, 4, 21))
    other = factories.make_meeting(board, datetime.date(2020, 7, 21))
    item = AgendaItem.objects.create(meeting=other, order=1, title="Progress report")
    decision = Decision(meeting=meeting, text="Noted", agenda_item=item, due_on=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError) as raised:
        decision.full_clean()
    assert "Choose an item on this meeting's agenda." in str(raised.value)
    assert "The due date must be on or after the meeting." in str(raised.value)


def test_meetings_and_decisions_keep_their_history(walsall, secretary):
    from swp.history import save_as

    meeting = factories.make_meeting(factories.make_board(walsall))
    decision = factories.make_decision(meeting, "Noted the report")
    decision.text = "Noted the Q1 report"
    save_as(decision, by=secretary, reason="Corrected")
    latest = decision.history.first()
    assert (latest.history_user, latest.history_change_reason) == (secretary, "Corrected")
    assert meeting.history.exists()

"""Issuing a pack tells the partnership's members and board, with a link and never the PDF."""

from django.db import connection

from governance.models import BoardMember, EmailPreferences, OutboxMessage, Role
from reports.models import IssuedPack
from tests import factories
from tests.reports import pack_helpers
from tests.reports.pack_helpers import issue

media, fake_pdf, quarter = pack_helpers.media, pack_helpers.fake_pdf, pack_helpers.quarter


def sent(mailoutbox):
    while connection.run_on_commit:  # what runs once the test's transaction would commit
        _, callback, _ = connection.run_on_commit.pop(0)
        callback()
    return {m.to[0]: m for m in mailoutbox}


def test_members_and_the_board_get_a_link_to_the_issued_pack(
    quarter, secretary, lead_a, viewer, outsider, fake_pdf, mailoutbox, settings
):
    settings.SITE_URL = "https://plans.example.org"
    board = quarter.meeting.board
    BoardMember.objects.create(board=board, name=viewer.full_name, user=viewer)
    pack = issue(quarter, secretary)
    assert pack.state == IssuedPack.State.ISSUED
    to = sent(mailoutbox)
    assert {secretary.email, lead_a.email, viewer.email} <= set(to)
    assert outsider.email not in to
    message = to[viewer.email]
    assert message.subject == "Board pack for 2020 Q2 issued"
    assert f"https://plans.example.org/packs/issued/{pack.pk}/" in message.body
    assert "It is marked OFFICIAL." in message.body
    assert "you sit on the board and are a member" in message.body
    assert "sit on the board" not in to[lead_a.email].body
    assert message.attachments == []
    assert OutboxMessage.objects.filter(kind="pack_issued", quarter="2020 Q2").count() == len(to)


def test_a_correction_says_so_and_is_sent_again(quarter, secretary, lead_a, fake_pdf, mailoutbox):
    issue(quarter, secretary)
    sent(mailoutbox)
    mailoutbox.clear()
    issue(quarter, secretary, reason="The police figures were wrong")
    message = sent(mailoutbox)[lead_a.email]
    assert message.subject == "Board pack for 2020 Q2 issued: revision 2"
    assert "a correction: The police figures were wrong" in message.body


def test_pack_emails_can_be_switched_off_and_switched_off_accounts_get_none(
    quarter, secretary, lead_a, walsall, fake_pdf, mailoutbox
):
    EmailPreferences.objects.create(user=lead_a, pack_issued=False)
    gone = factories.make_user(walsall, Role.VIEWER, is_active=False)
    issue(quarter, secretary)
    to = sent(mailoutbox)
    assert lead_a.email not in to and gone.email not in to and secretary.email in to


def test_a_failed_pack_tells_nobody(quarter, secretary, monkeypatch, mailoutbox):
    def render_pdf(pack, *, marking):
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr("reports.pdf.render_pdf", render_pdf)
    pack = issue(quarter, secretary)
    assert pack.state == IssuedPack.State.FAILED
    assert sent(mailoutbox) == {}
    assert not OutboxMessage.objects.filter(kind="pack_issued").exists()

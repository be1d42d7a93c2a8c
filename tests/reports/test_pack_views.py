"""The board pack pages: list, preview, issue, status, try again, download.

The secretary and admins preview and issue; every member, viewers included, lists and downloads
issued packs; another partnership's quarters and packs are 404; signed-out people go to sign in.
"""

import hashlib
import logging
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.signals import task_enqueued

from governance.models import Board, Meeting, Membership, Role
from priorities.models import ReportingPeriod, Theme
from reports.models import IssuedPack
from reports.pdf import RenderedPdf
from tests import factories
from tests.reports import pack_helpers
from tests.reports.pack_helpers import DUMMY, issue, stored_bytes

media, fake_pdf, quarter = pack_helpers.media, pack_helpers.fake_pdf, pack_helpers.quarter


def url(name: str, *args) -> str:
    return reverse(f"reports:{name}", args=args)


@pytest.fixture
def issued(quarter, secretary, fake_pdf) -> IssuedPack:
    return issue(quarter, secretary)


@pytest.fixture
def elsewhere_quarter(elsewhere, outsider):
    """Another partnership with a plan and a quarter of its own, whose admin is `outsider`."""
    plan = factories.make_plan(elsewhere, title="Elsewhere Plan 2020")
    return factories.make_period(plan, quarter=2, status=ReportingPeriod.Status.LOCKED)


def text(response) -> str:
    return response.content.decode()


# Signed out -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,needs",
    [("packs", ""), ("pack_preview", "period"), ("pack_issue", "period"), ("pack_status", "pack")],
)
def test_signed_out_people_are_sent_to_sign_in(client, issued, name, needs):
    args = {"": (), "period": (issued.period_id,), "pack": (issued.pk,)}[needs]
    response = client.get(url(name, *args))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_signed_out_people_cannot_download(client, issued):
    response = client.get(url("pack_download", issued.pk))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# The list ----------------------------------------------------------------------------------------


def test_the_secretary_sees_each_quarter_with_preview_and_issue(client, secretary, quarter, plan):
    factories.make_period(plan, quarter=4, status=ReportingPeriod.Status.PLANNED)
    client.force_login(secretary)
    response = client.get(url("packs"))
    assert response.status_code == 200
    page = text(response)
    assert '<h1 class="govuk-heading-xl">Board packs</h1>' in page
    assert url("pack_preview", quarter.pk) in page and url("pack_issue", quarter.pk) in page
    assert "No pack has been issued for 2020 Q2." in page
    assert "A pack can be made once 2020 Q4 opens for updates." in page


def test_issued_revisions_are_listed_with_their_details(client, secretary, issued):
    second = issue(issued.period, secretary, reason="Action 1.1 corrected")
    client.force_login(secretary)
    page = text(client.get(url("packs")))
    for pack in (issued, second):
        assert url("pack_download", pack.pk) in page
        assert f'<code title="{pack.pdf_sha256}">{pack.pdf_sha256[:12]}</code>' in page
    assert "Correction: Action 1.1 corrected" in page
    assert "Sam Secretary" in page and "OFFICIAL" in page
    assert "Issue a correction" in page


def test_a_viewer_lists_and_downloads_but_is_not_offered_preview_or_issue(client, viewer, issued):
    client.force_login(viewer)
    page = text(client.get(url("packs")))
    assert url("pack_download", issued.pk) in page
    assert url("pack_preview", issued.period_id) not in page
    assert url("pack_issue", issued.period_id) not in page
    response = client.get(url("pack_download", issued.pk))
    assert response.status_code == 200 and response.content == stored_bytes(issued)


def test_the_list_shows_a_pack_being_made_and_a_failed_one(
    client, secretary, quarter, plan, settings, monkeypatch
):
    settings.TASKS = DUMMY
    waiting = issue(quarter, secretary)
    settings.TASKS = pack_helpers.IMMEDIATE
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: 1 / 0)
    other = factories.make_period(plan, quarter=3, status=ReportingPeriod.Status.LOCKED)
    failed = issue(other, secretary)
    client.force_login(secretary)
    page = text(client.get(url("packs")))
    assert "Being made" in page and url("pack_status", waiting.pk) in page
    assert "The last attempt to make this pack failed." in page and url("pack_status", failed.pk) in page
    # While one is being made, it cannot be asked for again from here.
    assert url("pack_issue", quarter.pk) not in page and url("pack_issue", other.pk) in page


def test_another_partnerships_packs_are_not_listed(client, outsider, elsewhere_quarter, issued):
    client.force_login(outsider)
    page = text(client.get(url("packs")))
    assert "Elsewhere Plan 2020" in page
    assert url("pack_download", issued.pk) not in page and "2020 Q2" in page


def test_the_list_takes_the_same_queries_however_many_packs(
    client, secretary, quarter, plan, fake_pdf, django_assert_max_num_queries
):
    client.force_login(secretary)
    issue(quarter, secretary)
    with django_assert_max_num_queries(12) as few:
        client.get(url("packs"))
    for q in (1, 3, 4):
        period = factories.make_period(plan, quarter=q, status=ReportingPeriod.Status.LOCKED)
        issue(period, secretary)
        issue(period, secretary, reason="Corrected")
    issue(quarter, secretary, reason="Corrected")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("packs"))
    assert text(response).count("Download<span") == 8


# The preview -------------------------------------------------------------------------------------


def test_the_secretary_previews_the_pack_on_screen(client, secretary, quarter):
    client.force_login(secretary)
    response = client.get(url("pack_preview", quarter.pk))
    assert response.status_code == 200
    page = text(response)
    assert '<h1 class="govuk-heading-xl">Board pack: 2020 Q2</h1>' in page
    assert "The plan at a glance" in page and "Violence reduction" in page and "Two events held" in page
    assert 'class="pack-cover"' not in page  # the page's own h1 stands in for the printed cover
    assert page.count("<h1") == 1
    assert f'href="{url("pack_issue", quarter.pk)}"' in page and "Issue this pack" in page


def test_the_preview_links_to_issued_revisions(client, secretary, issued):
    client.force_login(secretary)
    page = text(client.get(url("pack_preview", issued.period_id)))
    assert url("pack_download", issued.pk) in page and "Download revision 1" in page
    assert "Issue a correction to this pack" in page


def test_the_preview_of_an_open_quarter_warns(client, secretary, plan, p1):
    open_quarter = factories.make_period(plan, quarter=3)
    client.force_login(secretary)
    page = text(client.get(url("pack_preview", open_quarter.pk)))
    assert "2020 Q3 is still open for updates" in page


def test_the_preview_of_a_quarter_not_yet_open_offers_no_issue(client, secretary, plan, p1):
    planned = factories.make_period(plan, quarter=4, status=ReportingPeriod.Status.PLANNED)
    client.force_login(secretary)
    page = text(client.get(url("pack_preview", planned.pk)))
    assert "has not opened for updates yet" in page and url("pack_issue", planned.pk) not in page


def test_an_unknown_marking_in_the_preview_address_falls_back_to_official(client, secretary, quarter):
    client.force_login(secretary)
    assert client.get(url("pack_preview", quarter.pk), {"marking": "<b>SECRET</b>"}).status_code == 200


@pytest.mark.parametrize("who", ["viewer", "lead_a"])
def test_viewers_and_leads_cannot_preview_or_issue(client, request, quarter, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("pack_preview", quarter.pk)).status_code == 403
    assert client.get(url("pack_issue", quarter.pk)).status_code == 403
    response = client.post(url("pack_issue", quarter.pk), {"protective_marking": "OFFICIAL"})
    assert response.status_code == 403
    assert not IssuedPack.objects.filter(period=quarter).exists()


def test_another_partnerships_quarter_is_not_found(client, outsider, quarter, issued):
    client.force_login(outsider)
    for name in ("pack_preview", "pack_issue"):
        assert client.get(url(name, quarter.pk)).status_code == 404
    assert client.post(url("pack_issue", quarter.pk), {"protective_marking": "OFFICIAL"}).status_code == 404
    for name in ("pack_status", "pack_download"):
        assert client.get(url(name, issued.pk)).status_code == 404
    assert client.post(url("pack_retry", issued.pk)).status_code == 404
    assert IssuedPack.objects.filter(period=quarter).count() == 1


def test_the_preview_takes_the_same_queries_however_big_the_plan(
    client, secretary, quarter, plan, p1, p2, django_assert_max_num_queries
):
    # Something of every kind, so every prefetch runs in the small case too.
    factories.make_measure(p1, 1)
    theme = Theme.objects.create(plan=plan, name="Domestic abuse")
    theme.priorities.add(p1)
    client.force_login(secretary)
    with django_assert_max_num_queries(20) as few:
        client.get(url("pack_preview", quarter.pk))
    for priority in (p1, p2):
        factories.make_measure(priority, 2)
        for n in range(8):
            action = factories.make_action(priority, f"{priority.order}.{n + 10}")
            action.themes.add(theme)
            factories.make_update(
                action,
                quarter,
                rag="green",
                progress=f"Update {n}",
                state="accepted",
                submitted_by=secretary,
                submitted_at=timezone.now(),
            )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("pack_preview", quarter.pk))
    assert "Update 7" in text(response)


# Issuing ----------------------------------------------------------------------------------------


def test_the_issue_form_offers_meetings_and_markings(client, secretary, quarter):
    client.force_login(secretary)
    response = client.get(url("pack_issue", quarter.pk))
    assert response.status_code == 200
    page = text(response)
    assert "Issue the 2020 Q2 board pack" in page
    form = response.context["form"]
    assert form["meeting"].initial == quarter.meeting
    assert form["protective_marking"].initial == "OFFICIAL"
    assert "OFFICIAL-SENSITIVE" in page and "Safer Test Board" in page
    assert "reason" not in form.fields and "confirm_open" not in form.fields


def test_issuing_makes_the_pack_and_shows_it(client, secretary, quarter, fake_pdf):
    client.force_login(secretary)
    response = client.post(
        url("pack_issue", quarter.pk),
        {"meeting": quarter.meeting_id, "protective_marking": "OFFICIAL-SENSITIVE"},
    )
    pack = IssuedPack.objects.get(period=quarter)
    assert response.status_code == 302 and response.url == url("pack_status", pack.pk)
    assert (pack.state, pack.revision, pack.protective_marking, pack.issued_by) == (
        "issued",
        1,
        "OFFICIAL-SENSITIVE",
        secretary,
    )
    page = text(client.get(response.url))
    assert "2020 Q2 board pack issued (revision 1)" in page
    assert url("pack_download", pack.pk) in page and pack.pdf_sha256[:16] in page


def test_an_admin_may_issue_too(client, admin_user, quarter, fake_pdf):
    client.force_login(admin_user)
    response = client.post(
        url("pack_issue", quarter.pk), {"meeting": quarter.meeting_id, "protective_marking": "OFFICIAL"}
    )
    assert response.status_code == 302
    assert IssuedPack.objects.get(period=quarter).issued_by == admin_user


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"meeting": "MEETING"}, "protective_marking", "Choose a protective marking"),
        (
            {"meeting": "MEETING", "protective_marking": "TOP SECRET"},
            "protective_marking",
            "Choose OFFICIAL or",
        ),
        ({"protective_marking": "OFFICIAL"}, "meeting", "Choose the board meeting this pack is for"),
        (
            {"meeting": "OTHER", "protective_marking": "OFFICIAL"},
            "meeting",
            "Choose one of the meetings listed",
        ),
    ],
    ids=["no marking", "unknown marking", "no meeting", "another partnership's meeting"],
)
def test_bad_input_is_shown_and_nothing_is_issued(
    client, secretary, quarter, elsewhere, fake_pdf, data, field, message
):
    board = Board.objects.create(partnership=elsewhere, name="Elsewhere Board")
    theirs = Meeting.objects.create(board=board, date=quarter.meeting.date)
    data = {k: {"MEETING": quarter.meeting_id, "OTHER": theirs.pk}.get(v, v) for k, v in data.items()}
    client.force_login(secretary)
    response = client.post(url("pack_issue", quarter.pk), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    page = text(response)
    assert "govuk-error-summary" in page and "<title>Error: " in page
    assert not IssuedPack.objects.filter(period=quarter).exists()
    assert not fake_pdf


def test_an_open_quarter_needs_confirming_before_it_is_issued(client, secretary, plan, p1, fake_pdf):
    open_quarter = factories.make_period(plan, quarter=3)
    client.force_login(secretary)
    page = text(client.get(url("pack_issue", open_quarter.pk)))
    assert "2020 Q3 is still open for updates" in page

    response = client.post(url("pack_issue", open_quarter.pk), {"protective_marking": "OFFICIAL"})
    assert response.status_code == 200
    assert response.context["form"].errors["confirm_open"] == [
        "Confirm that you want to issue the pack while updates are still open"
    ]
    assert not IssuedPack.objects.filter(period=open_quarter).exists()

    response = client.post(
        url("pack_issue", open_quarter.pk), {"protective_marking": "OFFICIAL", "confirm_open": "on"}
    )
    assert response.status_code == 302
    assert IssuedPack.objects.get(period=open_quarter).state == "issued"


def test_with_no_meetings_to_choose_the_pack_names_none(client, secretary, plan, p1, fake_pdf):
    period = factories.make_period(plan, quarter=1, status=ReportingPeriod.Status.LOCKED)
    client.force_login(secretary)
    page = text(client.get(url("pack_issue", period.pk)))
    assert "There are no board meetings around 2020 Q1" in page
    assert client.post(url("pack_issue", period.pk), {"protective_marking": "OFFICIAL"}).status_code == 302
    assert IssuedPack.objects.get(period=period).meeting is None


def test_a_quarter_not_yet_open_cannot_be_issued(client, secretary, plan, p1):
    planned = factories.make_period(plan, quarter=4, status=ReportingPeriod.Status.PLANNED)
    client.force_login(secretary)
    response = client.post(url("pack_issue", planned.pk), {"protective_marking": "OFFICIAL"})
    assert response.status_code == 403
    assert "2020 Q4 has not opened for updates yet" in text(response)
    assert not IssuedPack.objects.filter(period=planned).exists()


def test_a_correction_needs_a_reason_and_becomes_revision_two(client, secretary, issued):
    period = issued.period
    client.force_login(secretary)
    page = text(client.get(url("pack_issue", period.pk)))
    assert "Issue a correction to the 2020 Q2 board pack" in page and "Issue revision 2" in page

    data = {"meeting": period.meeting_id, "protective_marking": "OFFICIAL", "reason": "  "}
    response = client.post(url("pack_issue", period.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["Enter why you are issuing a correction"]
    assert IssuedPack.objects.filter(period=period).count() == 1

    data["reason"] = "The update for 1.1 was accepted after the pack was issued"
    response = client.post(url("pack_issue", period.pk), data)
    second = IssuedPack.objects.get(period=period, revision=2)
    assert response.url == url("pack_status", second.pk)
    assert second.reason == data["reason"] and second.reissue_of == issued

    # Both revisions are listed and both download, each its own bytes.
    page = text(client.get(url("packs")))
    assert url("pack_download", issued.pk) in page and url("pack_download", second.pk) in page
    for pack in (issued, second):
        response = client.get(url("pack_download", pack.pk))
        assert response.status_code == 200 and hashlib.sha256(response.content).hexdigest() == pack.pdf_sha256


def test_asking_again_while_a_pack_is_being_made_goes_to_that_pack(client, secretary, quarter, settings):
    settings.TASKS = DUMMY
    waiting = issue(quarter, secretary)
    client.force_login(secretary)
    page = text(client.get(url("pack_issue", quarter.pk)))
    assert "A 2020 Q2 pack is already being made." in page
    response = client.post(
        url("pack_issue", quarter.pk), {"meeting": quarter.meeting_id, "protective_marking": "OFFICIAL"}
    )
    assert response.url == url("pack_status", waiting.pk)
    assert "already being made" in text(client.get(response.url))
    assert IssuedPack.objects.filter(period=quarter).count() == 1


@pytest.fixture
def enqueued(settings):
    """Tasks enqueued while the test runs, on a backend that stores them and runs none (a busy worker)."""
    settings.TASKS = DUMMY
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append(task_result)

    task_enqueued.connect(record)
    yield seen
    task_enqueued.disconnect(record)


def test_asking_for_a_pack_answers_202_at_once_and_leaves_the_pdf_to_the_worker(
    client, secretary, quarter, fake_pdf, enqueued
):
    """LOAD-04: the request queues exactly one task and renders nothing; the page links to the pack."""
    client.force_login(secretary)
    response = client.post(
        url("pack_issue", quarter.pk), {"meeting": quarter.meeting_id, "protective_marking": "OFFICIAL"}
    )
    pack = IssuedPack.objects.get(period=quarter)
    assert response.status_code == 202
    assert response["Location"] == url("pack_status", pack.pk)
    assert [(r.task.name, r.args) for r in enqueued] == [("make_pack", [pack.pk])]
    assert pack.task_id == enqueued[0].id
    assert not fake_pdf  # no PDF was made in the request
    assert (pack.state, pack.pdf.name, pack.pdf_sha256) == ("queued", "", "")

    page = text(response)
    assert "<title>2020 Q2 board pack is being made" in page
    assert "The 2020 Q2 board pack is being made" in page
    assert f'href="{url("pack_status", pack.pk)}">Check progress' in page
    assert 'http-equiv="refresh"' not in page and "<script>" not in page  # no reloading, no inline script
    assert url("pack_download", pack.pk) not in page

    # Following the link: the pack's page says it is still being made.
    status_page = text(client.get(response["Location"]))
    assert "Being made" in status_page and "Refresh this page to see whether it is ready" in status_page


def test_trying_again_after_a_failure_answers_202_too(client, secretary, quarter, monkeypatch, enqueued):
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: 1 / 0)
    with override_settings(TASKS=pack_helpers.IMMEDIATE):
        failed = issue(quarter, secretary)
    assert failed.state == "failed"
    enqueued.clear()
    client.force_login(secretary)
    response = client.post(url("pack_retry", failed.pk))
    again = IssuedPack.objects.exclude(pk=failed.pk).get(period=quarter)
    assert response.status_code == 202 and response["Location"] == url("pack_status", again.pk)
    assert len(enqueued) == 1 and again.state == "queued"


def test_an_invalid_request_queues_nothing(client, secretary, quarter, enqueued):
    client.force_login(secretary)
    response = client.post(url("pack_issue", quarter.pk), {"meeting": quarter.meeting_id})
    assert response.status_code == 200 and not enqueued
    assert not IssuedPack.objects.filter(period=quarter).exists()


def test_issue_accepts_only_get_and_post(client, secretary, quarter):
    client.force_login(secretary)
    assert client.put(url("pack_issue", quarter.pk)).status_code == 405


# The status page ---------------------------------------------------------------------------------


def test_a_pack_being_made_asks_the_reader_to_refresh(client, viewer, quarter, secretary, settings):
    settings.TASKS = DUMMY
    waiting = issue(quarter, secretary)
    client.force_login(viewer)
    response = client.get(url("pack_status", waiting.pk))
    page = text(response)
    assert response.status_code == 200 and "Being made" in page
    assert "Refresh this page to see whether it is ready" in page
    assert 'http-equiv="refresh"' not in page  # WCAG 2.2.1: no reloading the page under the reader
    assert url("pack_download", waiting.pk) not in page
    assert client.get(url("pack_download", waiting.pk)).status_code == 404


def test_a_failed_pack_shows_why_and_the_secretary_may_try_again(
    client, secretary, viewer, quarter, monkeypatch
):
    monkeypatch.setattr("reports.pdf.render_pdf", lambda pack, *, marking: 1 / 0)
    failed = issue(quarter, secretary)
    client.force_login(viewer)
    page = text(client.get(url("pack_status", failed.pk)))
    assert "The PDF could not be made. Nothing was issued." in page
    assert url("pack_retry", failed.pk) not in page
    assert client.post(url("pack_retry", failed.pk)).status_code == 403

    client.force_login(secretary)
    page = text(client.get(url("pack_status", failed.pk)))
    assert ">Try again</button>" in page and url("pack_retry", failed.pk) in page
    assert client.get(url("pack_retry", failed.pk)).status_code == 405
    monkeypatch.setattr(
        "reports.pdf.render_pdf",
        lambda pack, *, marking: RenderedPdf(b"%PDF-1.7 retried", 1, 0.1, []),
    )
    response = client.post(url("pack_retry", failed.pk))
    again = IssuedPack.objects.exclude(pk=failed.pk).get(period=quarter)
    assert response.url == url("pack_status", again.pk) and again.state == "issued"
    # An issued pack cannot be "tried again".
    response = client.post(url("pack_retry", again.pk))
    assert response.url == url("pack_status", again.pk)
    assert "Only a pack that failed can be tried again" in text(client.get(response.url))


# Downloads ---------------------------------------------------------------------------------------


def test_the_download_is_the_stored_pdf_under_a_telling_name(client, viewer, issued):
    client.force_login(viewer)
    response = client.get(url("pack_download", issued.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    slug = issued.plan.partnership.slug
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-2020-Q2-pack-r1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response.content == stored_bytes(issued)
    assert hashlib.sha256(response.content).hexdigest() == issued.pdf_sha256


def _integrity_failures(caplog) -> list[str]:
    """The reasons given by the pack_integrity_failed security events logged."""
    return [
        r.security["reason"]
        for r in caplog.records
        if r.name == "swp.security" and r.getMessage() == "pack_integrity_failed" and r.levelname == "ERROR"
    ]


def test_a_tampered_file_is_refused_and_logged(client, viewer, issued, media, caplog):
    (media / issued.pdf.name).write_bytes(b"%PDF-1.7 TAMPERED-BYTES")
    client.force_login(viewer)
    with caplog.at_level(logging.ERROR):
        response = client.get(url("pack_download", issued.pk))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert "no longer matches the one that was issued" in text(response)
    assert b"TAMPERED-BYTES" not in response.content
    assert _integrity_failures(caplog) == ["hash_mismatch"]


def test_a_missing_file_is_refused_and_logged(client, viewer, issued, media, caplog):
    (media / issued.pdf.name).unlink()
    client.force_login(viewer)
    response = client.get(url("pack_download", issued.pk))
    assert response.status_code == 500 and "no longer matches" in text(response)
    assert _integrity_failures(caplog) == ["missing"]


def test_someone_with_no_role_gets_nothing(client, issued, quarter):
    nobody = factories.make_user(None, None)
    client.force_login(nobody)
    assert client.get(url("packs")).status_code == 403
    assert client.get(url("pack_download", issued.pk)).status_code == 404
    assert client.get(url("pack_preview", quarter.pk)).status_code == 404


def test_a_member_of_both_partnerships_sees_each_ones_packs(client, issued, elsewhere, elsewhere_quarter):
    both = factories.make_user(issued.plan.partnership, Role.VIEWER)
    Membership.objects.create(partnership=elsewhere, user=both, role=Role.SECRETARY)
    client.force_login(both)
    assert client.get(url("pack_download", issued.pk)).status_code == 200
    assert client.get(url("pack_preview", issued.period_id)).status_code == 403
    assert client.get(url("pack_preview", elsewhere_quarter.pk)).status_code == 200


def test_meetings_offered_are_around_the_quarter(client, secretary, quarter):
    board = quarter.meeting.board
    Meeting.objects.create(board=board, date=quarter.start - timedelta(days=200), title="Long before")
    Meeting.objects.create(board=board, date=quarter.end + timedelta(days=90), title="Soon after")
    client.force_login(secretary)
    page = text(client.get(url("pack_issue", quarter.pk)))
    assert "Soon after" in page and "Long before" not in page

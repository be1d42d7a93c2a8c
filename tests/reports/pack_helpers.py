"""Fixtures and helpers for the issued-pack tests; a test module imports the fixtures it uses."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from governance.models import Board, Meeting
from priorities.models import ReportingPeriod
from reports import services
from reports.models import IssuedPack
from reports.pdf import RenderedPdf
from tests import factories

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Stores tasks without running them: a pack stays "waiting to be made", as with a busy worker.
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def fake_pdf(monkeypatch):
    """A fast stand-in for WeasyPrint: a PDF-looking file that depends on the read model it was given."""
    calls = []

    def render_pdf(pack, *, marking):
        calls.append((pack, marking))
        body = json.dumps(pack.as_json(), sort_keys=True, default=str).encode()
        return RenderedPdf(pdf=b"%PDF-1.7\n" + body + b"\n%%EOF", pages=3, render_seconds=0.01, blocked=[])

    monkeypatch.setattr("reports.pdf.render_pdf", render_pdf)
    return calls


@pytest.fixture
def quarter(walsall, plan, p1, p2, lead_a):
    """2020 Q2: locked, with an accepted update, for the Partnership Board's July meeting."""
    action = factories.make_action(p1, "1.1", objective="Hold four listening events")
    factories.make_action(p2, "2.1", objective="Train frontline staff")
    period = factories.make_period(plan, quarter=2, status=ReportingPeriod.Status.LOCKED)
    board = Board.objects.create(partnership=walsall, name="Safer Test Board")
    period.meeting = Meeting.objects.create(board=board, date=period.end + timedelta(days=21))
    period.save()
    factories.make_update(
        action,
        period,
        rag=Rag.AMBER,
        progress="Two events held",
        recovery_plan="Two more booked",
        state=ActionUpdate.State.ACCEPTED,
        submitted_by=lead_a,
        submitted_at=timezone.now(),
    )
    return period


def issue(period, user, **kwargs) -> IssuedPack:
    kwargs.setdefault("marking", IssuedPack.Marking.OFFICIAL)
    return services.request_pack(plan=period.plan, period=period, user=user, **kwargs)


def stored_bytes(pack: IssuedPack) -> bytes:
    with pack.pdf.open("rb") as stored:
        return stored.read()

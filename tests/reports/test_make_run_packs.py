"""`make run` makes packs off the request: a worker beside the server, as in production.

Before, `make run` ran each pack inside the request that asked for it, so "Issue" held the page
for 10-13 s while WeasyPrint worked.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from reports.models import IssuedPack
from tests.reports import pack_helpers

media, fake_pdf, quarter = pack_helpers.media, pack_helpers.fake_pdf, pack_helpers.quarter

SERVER = Path(__file__).resolve().parents[2] / "script" / "server"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_make_run_starts_the_pack_worker_beside_the_server():
    script = SERVER.read_text()

    assert "export SWP_TASKS_BACKEND=${SWP_TASKS_BACKEND:-database}" in script
    worker = script.index("manage.py db_worker")
    assert re.search(r"db_worker[^\n]*&\n", script), "the worker runs in the background"
    assert worker < script.index("manage.py runserver")
    assert re.search(r"trap '[^'\n]*kill \"\$worker\"[^\n]*EXIT", script), "the worker stops with the server"


@pytest.mark.django_db(transaction=True)  # the worker closes the connection it finds when it starts
def test_asking_for_a_pack_with_make_runs_backend_returns_at_once_and_the_worker_makes_it(
    client, secretary, quarter, fake_pdf, settings
):
    settings.TASKS = DATABASE
    client.force_login(secretary)

    response = client.post(
        reverse("reports:pack_issue", args=[quarter.pk]),
        {"meeting": quarter.meeting_id, "protective_marking": "OFFICIAL"},
    )

    pack = IssuedPack.objects.get(period=quarter)
    assert response.status_code == 202
    assert response["Location"] == reverse("reports:pack_status", args=[pack.pk])
    assert not fake_pdf  # nothing rendered in the request
    assert pack.state == IssuedPack.State.QUEUED
    assert "waiting to be made" in client.get(response["Location"]).content.decode().lower()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    pack.refresh_from_db()
    assert pack.state == IssuedPack.State.ISSUED
    assert len(fake_pdf) == 1

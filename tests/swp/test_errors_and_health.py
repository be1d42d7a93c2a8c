"""Generic error pages with a reference (SEC-16), a plain 503 when the database is down, and /healthz/."""

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from swp import health


def broken(request):
    raise RuntimeError("SECRET_KEY=abc password=hunter2 SELECT * FROM governance_user")


def database_gone(request):
    raise OperationalError(
        "connection to server on socket failed: FATAL the database system is shutting down"
    )


def fine(request):
    return HttpResponse("ok")


urlpatterns = [
    path("broken/", broken),
    path("database-gone/", database_gone),
    path("fine/", fine),
    path("", include("swp.urls")),
]
handler500 = "swp.errors.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@override_settings(DEBUG=False)
def test_an_error_shows_a_generic_page_with_a_reference_and_nothing_internal(client, caplog):
    response = client.get("/broken/")

    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    assert "quote this reference" in body
    for leak in ("SECRET_KEY", "hunter2", "SELECT", "Traceback", "RuntimeError"):
        assert leak not in body
    reference = body.split("<strong>")[1].split("</strong>")[0]
    assert any(reference in record.getMessage() for record in caplog.records)


@override_settings(DEBUG=False)
def test_a_database_outage_shows_a_plain_unavailable_page(client):
    response = client.get("/database-gone/")

    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Sorry, the service is unavailable" in body
    assert "socket" not in body and "FATAL" not in body


@override_settings(DEBUG=False)
def test_a_missing_page_is_generic(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_health_check_reports_the_database(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "schema": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def new_process(monkeypatch):
    """/healthz/ as a process that has not yet seen every migration applied."""
    monkeypatch.setattr(health, "_migrations_applied", False)


@pytest.fixture
def unapplied_migration(new_process):
    """The latest governance migration, as if a release's new migration had not been run yet."""
    latest = MigrationRecorder.Migration.objects.filter(app="governance").latest("applied")
    saved = {"app": latest.app, "name": latest.name}
    latest.delete()
    return saved


def test_health_check_says_when_a_migration_has_not_been_applied(client, unapplied_migration):
    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "schema": "not ready",
        "reason": "1 migration has not been applied. Run python manage.py migrate.",
    }


def test_health_check_is_ok_as_soon_as_the_migration_is_applied(client, unapplied_migration):
    assert client.get("/healthz/").status_code == 503  # not remembered: asked again next time

    MigrationRecorder.Migration.objects.create(**unapplied_migration)

    assert client.get("/healthz/").status_code == 200


def test_health_check_asks_about_migrations_only_until_they_are_applied(
    client, new_process, django_assert_num_queries
):
    with django_assert_num_queries(3):  # its tables; the migrations table, and what it says is applied
        assert client.get("/healthz/").status_code == 200
    with django_assert_num_queries(1):  # its tables
        assert client.get("/healthz/").status_code == 200


def test_health_check_says_when_the_database_has_no_tables(tmp_path):
    # A process of its own on an empty SQLite database, as a restore without its schema leaves one.
    script = (
        "from django.test import Client; "
        "r = Client(HTTP_HOST='localhost').get('/healthz/'); "
        "print(r.status_code, r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "swp.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        },
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
    )

    status, body = result.stdout.strip().split(" ", 1)
    assert (status, json.loads(body)) == (
        "503",
        {
            "status": "unavailable",
            "database": "ok",
            "schema": "not ready",
            "reason": "The database has no tables. Run python manage.py migrate.",
        },
    ), result.stderr


def test_health_check_says_when_the_database_is_down(client):
    with mock.patch("swp.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_check_takes_get_only(client):
    assert client.post("/healthz/").status_code == 405

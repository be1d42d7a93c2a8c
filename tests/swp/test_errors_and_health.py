"""Generic error pages with a reference (SEC-16), a plain 503 when the database is down, and /healthz/."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path


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
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_says_when_the_database_is_down(client):
    with mock.patch("swp.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_check_takes_get_only(client):
    assert client.post("/healthz/").status_code == 405

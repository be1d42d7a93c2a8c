"""The app survives its database connection being killed, and says "unavailable" while it is down (LOAD-05).

These tests call Django's WSGI handler directly, as gunicorn does, instead of going through the
test client: the test client switches off `close_old_connections` at the start and end of each
request, which is exactly where CONN_MAX_AGE and CONN_HEALTH_CHECKS do their work. They run
outside a transaction (transaction=True), with the connection made persistent (CONN_MAX_AGE=60)
for the test, so the second request reuses the connection the first one opened.

Both are PostgreSQL only (closing SQLite's in-memory test database would destroy it; on SQLite,
tests/swp/test_errors_and_health.py covers the 503 page for a database error).
(a) Another connection ends the app's backend with pg_terminate_backend; the next request gets
200. The same steps with health checks off give 503, which shows the test does exercise the
reconnect. (b) The connection is pointed at a closed port: the app answers the plain 503 page and
/healthz/ says 503, and the same process recovers to 200 when the database is back.
script/loadtest with SWP_LOAD_OUTAGE=1 does (b) for real, stopping and restarting PostgreSQL
under load.
"""

import socket
import time
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client

from governance.models import Role
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class Served:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes):
        self.status_code = int(status.split()[0])
        self.headers = dict(headers)
        self.text = body.decode()


def serve(path: str, cookies: dict[str, str] | None = None) -> Served:
    """One GET through the WSGI handler, with request_started/request_finished as in production."""
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "SERVER_NAME": "testserver",
            "HTTP_HOST": "testserver",
            "SERVER_PORT": "443",
            "wsgi.url_scheme": "https",
            "wsgi.input": BytesIO(b""),
        }
    )
    if cookies:
        environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=headers)

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()  # sends request_finished, which runs close_old_connections
    return Served(started["status"], started["headers"], body)


@pytest.fixture
def signed_in(walsall, plan):
    """The session cookie of a viewer whose partnership has a plan: /packs/ is a real page for them."""
    viewer = factories.make_user(walsall, Role.VIEWER, full_name="Vic Viewer")
    client = Client()
    client.force_login(viewer)
    name = settings.SESSION_COOKIE_NAME
    return {name: client.cookies[name].value}


@pytest.fixture
def persistent(signed_in, monkeypatch):
    """The default connection as production runs it, kept for 60 s between requests; closed now, so
    the first request opens it with these settings (a test may change them before that)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    yield connection.settings_dict
    connection.close()  # the next test connects afresh, with the settings restored


def backend_pid() -> int:
    """The server process of the app's open connection, read from the driver (no query sent)."""
    raw = connection.connection
    info = getattr(raw, "info", None)  # psycopg 3
    return info.backend_pid if info is not None else raw.get_backend_pid()  # psycopg2


def terminate_from_another_connection(pid: int) -> None:
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            assert cursor.fetchone() == (True,)
            for _ in range(50):  # until the server has really let it go
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if cursor.fetchone() == (0,):
                    return
                time.sleep(0.1)
        raise AssertionError(f"backend {pid} was still there after pg_terminate_backend")
    finally:
        other.close()


# (a) A killed connection ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz/", "/packs/"])
def test_after_its_connection_is_killed_the_next_request_gets_200(persistent, signed_in, path):
    assert connection.connection is None
    assert serve(path, signed_in).status_code == 200
    assert connection.health_check_enabled
    pid = backend_pid()  # opened by that request and kept open after it (CONN_MAX_AGE)

    terminate_from_another_connection(pid)

    response = serve(path, signed_in)
    assert response.status_code == 200
    assert backend_pid() != pid  # a new connection, made by the health check, without a restart


def test_without_health_checks_the_same_kill_fails_the_next_request(persistent, signed_in):
    """The control: proves the test above exercises CONN_HEALTH_CHECKS and not some other rescue."""
    persistent["CONN_HEALTH_CHECKS"] = False
    assert serve("/healthz/", signed_in).status_code == 200
    assert not connection.health_check_enabled
    terminate_from_another_connection(backend_pid())

    response = serve("/packs/", signed_in)
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in response.text
    # Django closes the broken connection at the end of that request, so the one after works.
    assert serve("/packs/", signed_in).status_code == 200


# (b) The database unreachable, then back ------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe closes


@pytest.fixture
def outage(persistent):
    """A switch: inside `with outage():` the database cannot be reached; after it, it is back."""
    from contextlib import contextmanager

    unreachable = {"HOST": "127.0.0.1", "PORT": str(closed_port())}
    # Loopback refuses at once; connect_timeout bounds it where the network would not.
    unreachable["OPTIONS"] = {**persistent.get("OPTIONS", {}), "connect_timeout": 2}

    @contextmanager
    def down():
        saved = {key: persistent.get(key) for key in unreachable}
        connection.close()
        persistent.update(unreachable)
        try:
            yield
        finally:
            connection.close()
            persistent.update(saved)

    return down


def test_while_the_database_is_down_pages_say_unavailable_and_then_recover(outage, signed_in, caplog):
    assert serve("/packs/", signed_in).status_code == 200

    with outage():
        started = time.monotonic()
        page = serve("/packs/", signed_in)
        health = serve("/healthz/")
        login = serve("/accounts/login/")
        assert time.monotonic() - started < 10  # well within connect_timeout each time

    assert page.status_code == 503, page.text[:500]
    assert page.headers["Retry-After"] == "60"
    assert "Sorry, the service is unavailable" in page.text
    assert "If you were entering information, it has not been saved" in page.text
    for leak in ("Traceback", "OperationalError", "127.0.0.1", "psycopg", "connection refused"):
        assert leak not in page.text
    assert health.status_code == 503 and '"database": "unavailable"' in health.text
    assert login.status_code in (200, 503)  # the sign-in form needs no database to be shown

    # Back: the same process serves again, with no restart.
    assert serve("/healthz/").status_code == 200
    assert serve("/packs/", signed_in).status_code == 200

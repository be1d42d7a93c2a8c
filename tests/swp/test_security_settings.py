"""Production settings: check --deploy (SEC-01), security headers (SEC-02), cookies (SEC-03), the proxy.

The settings module is loaded afresh with production's environment (DEBUG off), and its security
settings are then applied to the test client, so these tests check the values we ship, not
values written into the test.
"""

import importlib.util
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings
from django.urls import reverse

from actions import services
from swp.security_log import client_ip
from tests import factories
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "testserver,plans.example.org",
}
SECURITY_SETTINGS = (
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE", "CONTENT_SECURITY_POLICY", "MIDDLEWARE",
)  # fmt: skip


def production_settings(names=SECURITY_SETTINGS, **more_env: str) -> dict:
    env = {**PRODUCTION_ENV, **more_env}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location("swp_production_settings", ROOT / "swp" / "settings.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {name: getattr(module, name) for name in names}


@pytest.fixture
def production(tmp_path):
    # Not pytest-django's `settings` fixture: its own overrides, undone after ours, would put the
    # production values back for every later test.
    values = production_settings()
    with override_settings(**values, MEDIA_ROOT=tmp_path / "media"):
        yield values


def manage(*args: str, database_url: str) -> subprocess.CompletedProcess:
    """manage.py in a process of its own, with production's settings and the database given."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        # Without the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which production never sets.
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **PRODUCTION_ENV,
            "DJANGO_SETTINGS_MODULE": "swp.settings",
            "DATABASE_URL": database_url,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def new_database(tmp_path_factory) -> str:
    """A new installation's database: the accounts' tables as `migrate` makes them, no accounts yet.

    Only governance and what it depends on: the deploy check reads nothing else, and migrating every
    app would take this test from 2 to 14 seconds.
    """
    url = f"sqlite:///{tmp_path_factory.mktemp('production') / 'db.sqlite3'}"
    migrated = manage("migrate", "governance", "--noinput", database_url=url)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    return url


def test_check_deploy_passes_at_warning_level(new_database):
    # The demo-account check (governance/checks.py) reads the accounts, so it is given the database.
    result = manage(
        "check", "--deploy", "--database", "default", "--fail-level", "WARNING", database_url=new_database
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_without_the_database_says_demo_accounts_were_not_looked_for(new_database):
    result = manage("check", "--deploy", "--fail-level", "WARNING", database_url=new_database)

    assert result.returncode != 0
    assert "governance.W001" in result.stderr and "--database default" in result.stderr


def test_check_deploy_on_an_empty_database_says_it_could_not_look(tmp_path):
    result = manage(
        "check", "--deploy", "--database", "default", database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    )

    assert "governance.W002" in result.stderr and "migrate" in result.stderr


def assert_security_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = dict(
        (part.split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split("; ") if part
    )
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    scripts = policy.get("script-src", policy.get("default-src"))  # downloads: default-src 'none'
    assert scripts in ("'self'", "'none'")


@pytest.mark.django_db
def test_public_and_sign_in_pages_carry_the_security_headers(production, client, demo):
    for url in ("/", "/accounts/login/", "/plans/safer-walsall/", "/no-such-page/"):
        response = client.get(url, secure=True)
        assert response.status_code in (200, 404), url
        assert_security_headers(response)


@pytest.mark.django_db
def test_plain_http_is_sent_to_https(production, client):
    response = client.get("/accounts/login/")

    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.django_db
def test_cookies_are_secure_host_only_and_http_only(production, client, viewer):
    login_page = client.get("/accounts/login/", secure=True)
    csrf = login_page.cookies["__Host-csrftoken"]
    response = client.post(
        "/accounts/login/",
        {
            "username": viewer.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": login_page.context["csrf_token"],
        },
        secure=True,
    )

    session = response.cookies["__Host-sessionid"]
    assert response.status_code == 302
    for cookie in (session, csrf):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert not cookie["domain"]  # __Host- cookies carry no Domain
        assert cookie["samesite"] == "Lax"
    assert session["httponly"] is True


@pytest.mark.django_db
def test_signed_in_pages_and_downloads_are_never_stored(production, client, plan, period, p1, lead_a):
    action = factories.make_action(p1, "1.1", owner=lead_a)
    update = factories.make_update(action, period)
    evidence = services.add_evidence(
        update=update,
        by=lead_a,
        upload=SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF"),
        content_type="application/pdf",
    )
    client.force_login(lead_a)

    for url in (reverse("actions:detail", args=[action.pk]), reverse("actions:evidence", args=[evidence.pk])):
        response = client.get(url, secure=True)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert_security_headers(response)


@pytest.mark.django_db
def test_public_pages_stay_cacheable(production, client, demo):
    response = client.get("/plans/safer-walsall/", secure=True)

    assert "no-store" not in response.get("Cache-Control", "")


# --- Behind the proxy: the client's address ------------------------------------------------------


def client_ip_behind(proxy_count: int, *, forwarded_for: str, remote_addr: str = "10.0.0.5") -> str:
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(SWP_PROXY_COUNT=proxy_count):
        return client_ip(request)


def test_behind_the_proxy_the_client_is_the_address_the_proxy_appended():
    proxy = production_settings(("SWP_PROXY_COUNT", "SECURE_PROXY_SSL_HEADER"), SWP_BEHIND_PROXY="1")

    # A client may send its own X-Forwarded-For; the proxy appends the address it saw to the end.
    seen = client_ip_behind(proxy["SWP_PROXY_COUNT"], forwarded_for="198.51.100.66, 203.0.113.10")

    assert proxy["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert seen == "203.0.113.10"


def test_behind_two_proxies_the_client_is_the_address_the_first_proxy_appended():
    assert client_ip_behind(2, forwarded_for="198.51.100.66, 203.0.113.10, 10.0.0.7") == "203.0.113.10"


def test_without_a_proxy_the_forwarded_for_header_is_ignored():
    assert client_ip_behind(0, forwarded_for="203.0.113.10", remote_addr="192.0.2.44") == "192.0.2.44"


def test_a_client_that_reaches_gunicorn_past_the_proxy_chooses_its_own_address():
    # Why the README says gunicorn must be reachable only from the proxy: behind SWP_BEHIND_PROXY=1 the
    # last address in the header is trusted as the proxy's, and a direct client writes the whole header.
    assert client_ip_behind(1, forwarded_for="203.0.113.99", remote_addr="198.51.100.66") == "203.0.113.99"

"""Plain words wherever an error can land (issue 20): a request Django cannot read (400: a bad Host,
too much data, too many fields, a file name too long to read) and a failed CSRF check get our pages
with what to do next, logged as refusals, with nothing of the request's detail on them."""

import io
import json
import logging

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from governance.models import Role
from swp.security_log import JsonFormatter
from tests import factories

pytestmark = pytest.mark.django_db
LONG_NAME = "Quarter 1 evidence " + "a" * 10_000


def refusals(caplog) -> list[dict]:
    return [
        json.loads(JsonFormatter().format(r))
        for r in caplog.records
        if r.name == "swp.security" and r.getMessage() == "access_refused"
    ]


@pytest.fixture
def anyone():
    return Client(raise_request_exception=False)


@pytest.fixture
def lead(anyone, lead_a):
    anyone.force_login(lead_a)
    return anyone


@pytest.fixture
def update(p1, period):
    return factories.make_update(factories.make_action(p1, "1.1"), period)


def update_form(update) -> str:
    return reverse("actions:edit_update", args=[update.action_id, update.period_id])


# --- A bad Host header ----------------------------------------------------------------------------


@pytest.mark.parametrize("https_redirect", [False, True], ids=["refused-by-common", "refused-by-security"])
def test_a_bad_host_gets_our_page_with_nothing_from_the_host_or_the_session(
    lead, caplog, settings, https_redirect
):
    # With the HTTPS redirect on, SecurityMiddleware meets the bad host first, before the session is read.
    settings.SECURE_SSL_REDIRECT = https_redirect
    caplog.set_level(logging.INFO, logger="swp.security")

    response = lead.get("/actions/", HTTP_HOST="evil.example")

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Sorry, there is a problem with the web address – Partnership plan manager</title>" in html
    assert "evil.example" not in html and "HTTP_HOST" not in html
    assert "Sign out" not in html and "Alice Lead" not in html  # drawn without the session
    assert 'href="/accessibility/"' in html
    [refusal] = refusals(caplog)
    assert refusal["reason"] == "bad request: host not allowed"


# --- Too much at once -----------------------------------------------------------------------------


def test_a_request_over_the_size_limit_gets_our_page_and_keeps_the_person_signed_in(
    lead, update, settings, caplog
):
    caplog.set_level(logging.INFO, logger="swp.security")
    too_much = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = lead.post(update_form(update), {"progress": too_much, "rag": "G"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Sorry, what you sent was too large" in html and "nothing was saved" in html
    assert "Back button" in html
    assert "Sign out" in html  # our layout, for the person signed in
    assert "RequestDataTooBig" not in html and "DATA_UPLOAD_MAX_MEMORY_SIZE" not in html
    assert [r["reason"] for r in refusals(caplog)] == ["bad request: request too large"]


def test_a_request_with_too_many_fields_gets_the_same_page(lead, update, settings):
    fields = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = lead.post(update_form(update), fields)

    assert response.status_code == 400
    assert "Sorry, what you sent was too large" in response.content.decode()


# --- A file name too long to read, on every upload path -----------------------------------------------


def long_named(data: bytes) -> io.BytesIO:
    """A file as the browser sends it, with the name untouched (Django's own upload objects would cut
    it to 255 characters before the request was even built)."""
    upload = io.BytesIO(data)
    upload.name = LONG_NAME + ".xlsx"
    return upload


@pytest.fixture
def superuser(walsall):
    return factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.mark.parametrize("debug", [False, True], ids=["debug-off", "debug-on"])
@pytest.mark.parametrize("path", ["evidence", "update sheet", "plan workbook", "admin import"])
def test_a_10000_character_file_name_gets_a_plain_message_on_every_upload_path(
    anyone, lead_a, admin_user, superuser, update, path, debug, settings, caplog
):
    settings.DEBUG = debug
    caplog.set_level(logging.INFO, logger="swp.security")
    who, url, field = {
        "evidence": (lead_a, reverse("actions:upload_evidence", args=[update.pk]), "file"),
        "update sheet": (lead_a, reverse("actions:update_sheet_upload"), "file"),
        "plan workbook": (admin_user, reverse("plan_workbook:upload"), "file"),
        "admin import": (superuser, reverse("admin:governance_organisation_import"), "import_file"),
    }[path]
    anyone.force_login(who)

    response = anyone.post(url, {field: long_named(b"Ref,RAG\n1.1,Green\n"), "format": "0"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Sorry, the file could not be uploaded – Partnership plan manager</title>" in html
    assert "Rename the file with a shorter name" in html
    assert "MultiPartParserError" not in html and "header size" not in html
    assert [r["reason"] for r in refusals(caplog)] == ["bad request: upload could not be read"]


# --- A failed CSRF check --------------------------------------------------------------------------


@pytest.fixture
def strict(lead_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead_a)
    return client


def test_a_failed_csrf_check_says_what_was_kept_and_links_back_to_the_form(strict, lead_a, update, caplog):
    caplog.set_level(logging.INFO, logger="swp.security")
    form = update_form(update)

    response = strict.post(
        form, {"progress": "A long update"}, HTTP_REFERER=f"http://testserver{form}?from=list"
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>Sorry, your form could not be saved – Partnership plan manager</title>" in html
    assert "this browser has kept what you typed" in html
    assert f'<a class="govuk-link" href="{form}?from=list">Go back to the form</a>.' in html
    assert "CSRF" not in html and "Sign out" in html
    [refusal] = refusals(caplog)
    assert refusal["reason"] == "CSRF check failed: CSRF cookie not set." and refusal["user_id"] == lead_a.pk


def test_the_link_back_never_leaves_the_site(strict, update):
    form = update_form(update)

    response = strict.post(form, {}, HTTP_REFERER="https://evil.example/phish")

    html = response.content.decode()
    assert f'href="{form}">Go back to the form</a>' in html and "evil.example" not in html


def test_someone_signed_out_is_told_to_sign_in_first(update):
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "a", "password": "b"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "(you may need to sign in first)" in html and 'href="/accounts/login/">Go back to the form' in html


@override_settings(DEBUG=False)
def test_the_error_pages_mark_themselves_for_the_typed_text_script(lead, update):
    marker = '<meta name="app-typed-text" content="keep">'
    assert marker in lead.get("/actions/", HTTP_HOST="evil.example").content.decode()
    assert marker in Client(enforce_csrf_checks=True).post(reverse("login"), {}).content.decode()
    assert marker in lead.get("/no-such-page/").content.decode()
    assert marker not in lead.get(update_form(update)).content.decode()

"""The security log (SEC-17): one JSON line per event, CR and LF escaped, no secrets."""

import json
import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from swp.security_log import JsonFormatter, RequestIdMiddleware, security_event
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_lines(caplog):
    """The security log as its handler would write it, line by line."""
    caplog.set_level(logging.INFO, logger="swp.security")
    formatter = JsonFormatter()

    def lines() -> list[str]:
        return [formatter.format(r) for r in caplog.records if r.name == "swp.security"]

    return lines


def test_sign_in_and_failure_are_logged_without_the_password(client, viewer, security_lines):
    client.post("/accounts/login/", {"username": viewer.email, "password": "wrong-" + PASSWORD})
    client.post("/accounts/login/", {"username": viewer.email, "password": PASSWORD})

    lines = security_lines()
    events = [json.loads(line) for line in lines]
    assert [e["event"] for e in events] == ["sign_in_failed", "sign_in"]
    assert events[0]["username"] == viewer.email and events[0]["ip"] == "127.0.0.1"
    assert events[1]["user_id"] == viewer.pk
    assert all(e["time"].endswith("+00:00") for e in events)
    assert not any(PASSWORD in line or "sessionid" in line for line in lines)


def test_a_forged_line_break_stays_on_one_line(client, security_lines):
    client.post("/accounts/login/", {"username": "mallory\r\nFAKE sign_in admin", "password": "x"})

    (line,) = security_lines()
    assert "\n" not in line and "\r" not in line
    assert json.loads(line)["username"] == "mallory\r\nFAKE sign_in admin"


def test_only_named_details_are_written(security_lines, viewer):
    request = RequestFactory().post("/packs/1/issue/")
    request.user = viewer
    request.request_id = "abc123"

    security_event("pack_issued", request=request, obj=viewer, revision=2, password="hunter2", otp="123456")

    (event,) = [json.loads(line) for line in security_lines()]
    assert event["revision"] == "2" and event["request_id"] == "abc123"
    assert event["object"] == f"governance.User:{viewer.pk}"
    assert "password" not in event and "otp" not in event and "hunter2" not in json.dumps(event)


def test_each_request_gets_an_id_in_its_response():
    response = RequestIdMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))

    assert len(response["X-Request-ID"]) == 32


def test_refused_access_is_logged_with_the_object(client, outsider, viewer, p1, period, security_lines):
    from tests import factories

    action = factories.make_action(p1, "1.1")
    client.force_login(outsider)
    assert client.get(f"/actions/{action.pk}/").status_code == 404
    client.force_login(viewer)
    assert client.get(f"/actions/{action.pk}/updates/{period.pk}/").status_code == 403

    events = [json.loads(line) for line in security_lines() if '"access_refused"' in line]
    assert [(e["user_id"], e["reason"]) for e in events] == [
        (outsider.pk, "another partnership"),
        (viewer.pk, "role does not allow it"),
    ]
    assert events[0]["object"] == f"actions.Action:{action.pk}"


# Refusals: one line each, from the access helper that knew the object ----------------------------


@pytest.fixture
def refusal_world(p1, period, elsewhere, police):
    """Walsall's objects, and a plan elsewhere so the outsider's pages get as far as looking them up."""
    from priorities.models import Theme
    from tests import factories

    factories.make_plan(elsewhere, title="Elsewhere plan")
    meeting = factories.make_meeting(factories.make_board(p1.plan.partnership, "Board"))
    return {
        "action": factories.make_action(p1, "1.1"),
        "meeting": meeting,
        "organisation": police,
        "theme": Theme.objects.create(plan=p1.plan, name="Youth"),
        "plan": p1.plan,
        "period": period,
    }


OUTSIDER_404S = [
    ("actions:detail", "action", "actions.Action"),
    ("governance:meeting", "meeting", "governance.Meeting"),
    ("reports:partner", "organisation", "governance.Organisation"),
    ("reports:theme", "theme", "priorities.Theme"),
    ("plan_workbook:plan", "plan", "priorities.Plan"),
    ("actions:review_period", "period", "priorities.ReportingPeriod"),
]


@pytest.mark.parametrize("url_name, key, label", OUTSIDER_404S)
def test_another_partnerships_object_is_logged_once_as_not_found(
    client, outsider, refusal_world, security_lines, url_name, key, label
):
    from django.urls import reverse

    obj = refusal_world[key]
    client.force_login(outsider)
    assert client.get(reverse(url_name, args=[obj.pk])).status_code == 404

    events = [json.loads(line) for line in security_lines() if '"access_refused"' in line]
    assert [(e["reason"], e["object"]) for e in events] == [("another partnership", f"{label}:{obj.pk}")]


def _viewer_403s(w):
    from django.urls import reverse

    return {
        "edit update": (reverse("actions:edit_update", args=[w["action"].pk, w["period"].pk]), w["action"]),
        "record decision": (reverse("governance:record_decision", args=[w["meeting"].pk]), w["meeting"]),
        "review": (reverse("actions:review"), w["plan"]),
        "roll forward": (reverse("actions:roll_forward"), w["plan"]),
        "load a workbook": (reverse("plan_workbook:upload"), w["plan"].partnership),
        "preview a pack": (reverse("reports:pack_preview", args=[w["period"].pk]), w["period"]),
    }


@pytest.mark.parametrize(
    "what", ["edit update", "record decision", "review", "roll forward", "load a workbook", "preview a pack"]
)
def test_a_role_refusal_is_logged_once_with_its_object(client, viewer, refusal_world, security_lines, what):
    url, obj = _viewer_403s(refusal_world)[what]
    client.force_login(viewer)
    assert client.get(url).status_code == 403

    events = [json.loads(line) for line in security_lines() if '"access_refused"' in line]
    assert [(e["reason"], e["object"]) for e in events] == [
        ("role does not allow it", f"{obj._meta.label}:{obj.pk}")
    ]


def test_a_permission_denied_no_helper_logged_is_logged_by_the_403_handler(viewer, security_lines):
    from django.core.exceptions import PermissionDenied

    from swp.errors import permission_denied

    request = RequestFactory().get("/admin/somewhere/")
    request.user, request.session = viewer, {}
    assert permission_denied(request, PermissionDenied()).status_code == 403

    (event,) = [json.loads(line) for line in security_lines()]
    assert (event["event"], event["reason"], event["object"]) == (
        "access_refused",
        "role does not allow it",
        None,
    )


def test_a_refusal_already_logged_is_not_logged_again(viewer, security_lines):
    from django.core.exceptions import PermissionDenied

    from swp.errors import permission_denied
    from swp.security_log import ANOTHER_PARTNERSHIP, log_refusal

    request = RequestFactory().get("/actions/1/")
    request.user, request.session = viewer, {}
    log_refusal(request, obj=viewer, reason=ANOTHER_PARTNERSHIP)
    log_refusal(request, reason=ANOTHER_PARTNERSHIP)
    permission_denied(request, PermissionDenied())

    (event,) = [json.loads(line) for line in security_lines()]
    assert (event["reason"], event["object"]) == ("another partnership", f"governance.User:{viewer.pk}")

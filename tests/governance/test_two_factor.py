"""Two-factor authentication (SEC-10): who must use it, setting it up, codes, recovery codes, the admin.

The test settings switch the requirement off for the rest of the suite; every test here switches it
back on (`enforced`), as production has it.
"""

import json
import logging
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from governance import two_factor
from governance.models import Role
from swp.security_log import JsonFormatter
from tests import factories
from tests.factories import PASSWORD

SET_UP = reverse("two_factor:set_up")
VERIFY = reverse("two_factor:verify")
RECOVERY = reverse("two_factor:recovery")
CODES = reverse("two_factor:recovery_codes")
MANAGE = reverse("two_factor:manage")
DASHBOARD = reverse("reports:dashboard")


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.SWP_REQUIRE_TWO_FACTOR = True


@pytest.fixture
def security_lines(caplog):
    """The security log as its handler writes it, line by line."""
    caplog.set_level(logging.INFO, logger="swp.security")
    formatter = JsonFormatter()
    return lambda: [formatter.format(r) for r in caplog.records if r.name == "swp.security"]


def events(security_lines) -> list[dict]:
    return [json.loads(line) for line in security_lines()]


def sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"
    return response


def code_now(device: TOTPDevice, steps: int = 0) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps):06d}"


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def unthrottle(device) -> None:
    """As if the person waited out the pause after a wrong code (1 s, then 2, 4, 8...)."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def goes_to(response, url: str) -> bool:
    return response.status_code == 302 and response.url.split("?")[0] == url


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Who must use it --------------------------------------------------------------------------


@pytest.mark.django_db
def test_who_must_use_two_factor(walsall, elsewhere, admin_user, secretary, lead_a, viewer):
    superuser = factories.make_user(None, None, is_staff=True, is_superuser=True)
    staff = factories.make_user(None, None, is_staff=True)
    viewer_here_secretary_there = factories.make_user(walsall, Role.VIEWER)
    factories.Membership.objects.create(
        partnership=elsewhere, user=viewer_here_secretary_there, role="secretary"
    )

    must = two_factor.must_use_two_factor
    assert [must(u) for u in (admin_user, secretary, superuser, staff, viewer_here_secretary_there)] == [
        True
    ] * 5
    assert [must(u) for u in (lead_a, viewer)] == [False, False]


def test_a_secretary_without_an_app_is_sent_to_set_it_up_and_nowhere_else(client, secretary, plan):
    response = sign_in(client, secretary)
    assert goes_to(client.get(response.url), SET_UP)

    for url in (
        DASHBOARD,
        reverse("actions:plan"),
        reverse("governance:meetings"),
        MANAGE,
        reverse("admin:index"),
    ):
        response = client.get(url)
        assert goes_to(response, SET_UP), url
    assert client.get(DASHBOARD).url == f"{SET_UP}?next=%2Fdashboard%2F"
    # A form posted meanwhile is not carried out; it is a plain redirect too.
    assert goes_to(client.post(reverse("governance:meetings"), {}), SET_UP)
    # The set-up page and sign-out are open.
    assert client.get(SET_UP).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert goes_to(client.get(DASHBOARD), reverse("login"))


def test_setting_up_shows_a_qr_code_and_a_typeable_key_then_recovery_codes_once(
    client, secretary, plan, security_lines
):
    sign_in(client, secretary)
    page = client.get(f"{SET_UP}?next={DASHBOARD}")
    html = page_text(page)
    device = TOTPDevice.objects.get(user=secretary, confirmed=False)
    key = two_factor.secret_for_typing(device)

    assert "Set up two-factor authentication" in html
    assert '<svg role="img" aria-labelledby="qr-title"' in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], "no inline script (CSP)"
    assert key in html and re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", key)
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    # Reloading keeps the same key, so a QR code already scanned still works.
    assert key in page_text(client.get(SET_UP))

    wrong = client.post(
        f"{SET_UP}?next={DASHBOARD}", {"code": "000000" if code_now(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert "The code is not right" in page_text(wrong) and "govuk-error-summary" in page_text(wrong)
    unthrottle(device)

    confirmed = client.post(f"{SET_UP}?next={DASHBOARD}", {"code": code_now(device)})
    assert goes_to(confirmed, CODES) and "next=%2Fdashboard%2F" in confirmed.url

    shown = client.get(confirmed.url)
    codes = re.findall(r"<li><code>([a-z2-7]{4}) ([a-z2-7]{4})</code></li>", shown.content.decode())
    assert len(codes) == 10
    assert "I have saved these codes" in page_text(shown)
    assert f'href="{DASHBOARD}"' in page_text(shown)
    stored = set(StaticToken.objects.filter(device__user=secretary).values_list("token", flat=True))
    assert stored == {a + b for a, b in codes}
    assert goes_to(client.get(CODES), MANAGE), "recovery codes are shown only once"

    assert client.get(DASHBOARD).status_code == 200
    assert TOTPDevice.objects.get(user=secretary).confirmed
    logged = events(security_lines)
    assert [e["event"] for e in logged if e["event"].startswith("two_factor")] == [
        "two_factor_failed",
        "two_factor_set_up",
    ]
    assert_no_secrets(security_lines, key, [a + b for a, b in codes])


def assert_no_secrets(security_lines, key: str, codes: list[str], *, otp: list[str] = ()) -> None:
    log = "\n".join(security_lines())
    secrets = [key.replace(" ", ""), key.replace(" ", "").lower()] if key else []
    for secret in [*secrets, *codes, *otp]:
        assert secret not in log


def test_a_person_with_an_app_must_give_a_code_after_their_password(client, secretary, plan, security_lines):
    device = with_app(secretary)
    sign_in(client, secretary)
    key_before = client.session.session_key

    assert client.get(DASHBOARD).url == f"{VERIFY}?next=%2Fdashboard%2F"
    page = client.get(f"{VERIFY}?next={DASHBOARD}")
    assert "Enter the 6-digit code from your authenticator app" in page_text(page)
    assert 'autocomplete="one-time-code"' in page_text(page) and 'inputmode="numeric"' in page_text(page)

    code = code_now(device)
    response = client.post(f"{VERIFY}?next={DASHBOARD}", {"code": code})

    assert goes_to(response, DASHBOARD)
    assert client.get(DASHBOARD).status_code == 200
    assert client.session.session_key != key_before, "the session key changes when the second factor is given"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert "two_factor_verified" in [e["event"] for e in events(security_lines)]
    assert_no_secrets(security_lines, two_factor.secret_for_typing(device), [], otp=[code])


def test_a_wrong_code_gets_a_clear_error_and_nothing_else(client, secretary, security_lines):
    device = with_app(secretary)
    sign_in(client, secretary)
    wrong = "123456" if code_now(device) != "123456" else "654321"

    response = client.post(VERIFY, {"code": wrong})

    assert response.status_code == 200
    html = page_text(response)
    assert "<title>Error: Enter the 6-digit code" in html
    assert "The code is not right. Enter the code your authenticator app shows now" in html
    assert goes_to(client.get(DASHBOARD), VERIFY)
    failed = [e for e in events(security_lines) if e["event"] == "two_factor_failed"]
    assert (
        len(failed) == 1
        and failed[0]["user_id"] == secretary.pk
        and failed[0]["reason"] == "sign-in: wrong code"
    )
    assert_no_secrets(security_lines, two_factor.secret_for_typing(device), [], otp=[wrong])


@pytest.mark.parametrize(
    "code, message",
    [("", "Enter the 6-digit code from your authenticator app"), ("12345", "The code must be 6 digits")],
)
def test_a_missing_or_malformed_code_is_explained(client, secretary, code, message):
    with_app(secretary)
    sign_in(client, secretary)
    assert message in page_text(client.post(VERIFY, {"code": code}))


def test_a_code_with_spaces_is_accepted(client, secretary):
    device = with_app(secretary)
    sign_in(client, secretary)
    code = code_now(device)
    assert goes_to(client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"}), reverse("actions:start"))


def test_a_used_code_cannot_be_used_again(client, django_user_model, secretary):
    device = with_app(secretary)
    sign_in(client, secretary)
    code = code_now(device)
    assert client.post(VERIFY, {"code": code}).status_code == 302

    from django.test import Client

    other = Client()
    sign_in(other, secretary)
    replayed = other.post(VERIFY, {"code": code})
    assert replayed.status_code == 200 and "The code is not right" in page_text(replayed)
    assert goes_to(other.get(DASHBOARD), VERIFY)


def test_throttling_is_on_for_both_kinds_of_code(secretary):
    device = with_app(secretary)
    recovery = StaticDevice.objects.create(user=secretary, name="Recovery codes")
    assert device.throttling_enabled and recovery.throttling_enabled


def test_repeated_wrong_codes_are_throttled_even_when_the_next_is_right(
    client, secretary, plan, security_lines
):
    device = with_app(secretary)
    sign_in(client, secretary)
    wrong = "000000" if code_now(device) != "000000" else "111111"
    for _ in range(5):
        client.post(VERIFY, {"code": wrong})
        unthrottle(device)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now())

    response = client.post(VERIFY, {"code": code_now(device)})

    assert response.status_code == 200
    assert "You have entered too many wrong codes. Wait 16 seconds, then try again." in page_text(response)
    assert goes_to(client.get(DASHBOARD), VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 5
    reasons = [e["reason"] for e in events(security_lines) if e["event"] == "two_factor_failed"]
    assert reasons == ["sign-in: wrong code"] * 5 + ["sign-in: too many wrong codes"]

    # Once the wait is over, the right code works.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=17)
    )
    assert client.post(VERIFY, {"code": code_now(device)}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_a_recovery_code_works_once_only(client, secretary, plan, security_lines):
    with_app(secretary)
    codes = two_factor.new_recovery_codes(secretary)
    sign_in(client, secretary)

    page = client.get(f"{VERIFY}?next={DASHBOARD}")
    assert f'href="{RECOVERY}?next=%2Fdashboard%2F"' in page_text(page)
    used = client.post(f"{RECOVERY}?next={DASHBOARD}", {"code": codes[0].upper()[:4] + " " + codes[0][4:]})
    assert goes_to(used, DASHBOARD)
    assert "You have 9 recovery codes left." in page_text(client.get(DASHBOARD))
    client.post(reverse("logout"))

    sign_in(client, secretary)
    again = client.post(RECOVERY, {"code": codes[0]})
    assert again.status_code == 200
    assert "That recovery code is not right, or it has already been used" in page_text(again)
    assert goes_to(client.get(DASHBOARD), VERIFY)

    logged = events(security_lines)
    assert [e["reason"] for e in logged if e["event"] == "recovery_code_used"] == ["9 recovery codes left"]
    assert [e["reason"] for e in logged if e["event"] == "two_factor_failed"] == ["recovery code: wrong code"]
    assert_no_secrets(security_lines, "", codes)


def test_a_viewer_is_not_forced_but_can_opt_in(client, viewer, plan, security_lines):
    sign_in(client, viewer)
    assert client.get(DASHBOARD).status_code == 200
    manage = client.get(MANAGE)
    assert "Two-factor authentication is off" in page_text(manage)

    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=viewer)
    assert goes_to(client.post(SET_UP, {"code": code_now(device)}), CODES)
    client.get(CODES)
    assert "Two-factor authentication is on" in page_text(client.get(MANAGE))
    assert 'Recovery codes</dt> <dd class="govuk-summary-list__value">10 left' in page_text(
        client.get(MANAGE)
    )

    # From now on, a code is asked for after the password.
    client.post(reverse("logout"))
    sign_in(client, viewer)
    assert goes_to(client.get(DASHBOARD), VERIFY)
    assert client.post(VERIFY, {"code": code_now(device, steps=1)}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_a_viewer_can_turn_it_off_with_a_code_but_a_secretary_cannot(client, viewer, secretary, plan):
    device = with_app(viewer)
    sign_in(client, viewer)
    client.post(VERIFY, {"code": code_now(device)})

    refused = client.post(reverse("two_factor:turn_off"), {"code": "000000"})
    assert refused.status_code == 200 and TOTPDevice.objects.filter(user=viewer).exists()
    unthrottle(device)
    done = client.post(reverse("two_factor:turn_off"), {"code": code_now(device, steps=1)})
    assert goes_to(done, MANAGE)
    assert not TOTPDevice.objects.filter(user=viewer).exists()
    assert client.get(DASHBOARD).status_code == 200

    device = with_app(secretary)
    client.post(reverse("logout"))
    sign_in(client, secretary)
    client.post(VERIFY, {"code": code_now(device)})
    assert client.get(reverse("two_factor:turn_off")).status_code == 403
    assert TOTPDevice.objects.filter(user=secretary).exists()


def test_new_recovery_codes_need_a_code_and_replace_the_old_ones(client, secretary):
    device = with_app(secretary)
    old = two_factor.new_recovery_codes(secretary)
    sign_in(client, secretary)
    client.post(VERIFY, {"code": code_now(device)})
    url = reverse("two_factor:new_recovery_codes")

    assert client.post(url, {"code": "12"}).status_code == 200
    assert set(StaticToken.objects.filter(device__user=secretary).values_list("token", flat=True)) == set(old)

    response = client.post(url, {"code": code_now(device, steps=1)})
    assert goes_to(response, CODES)
    new = set(StaticToken.objects.filter(device__user=secretary).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)
    assert len(re.findall(r"<li><code>", client.get(response.url).content.decode())) == 10


def test_the_django_admin_refuses_an_unverified_superuser(client, walsall):
    superuser = factories.make_user(walsall, Role.VIEWER, is_staff=True, is_superuser=True)
    sign_in(client, superuser)
    assert goes_to(client.get(reverse("admin:index")), SET_UP)
    assert goes_to(client.get(reverse("admin:governance_user_changelist")), SET_UP)

    device = with_app(superuser)
    client.post(reverse("logout"))
    sign_in(client, superuser)
    assert goes_to(client.get(reverse("admin:index")), VERIFY)
    # Signing in through the admin's own login page is no way round it.
    client.post(reverse("logout"))
    client.post(reverse("admin:login"), {"username": superuser.email, "password": PASSWORD})
    assert goes_to(client.get(reverse("admin:index")), VERIFY)

    client.post(VERIFY, {"code": code_now(device)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_without_the_requirement_only_people_with_an_app_give_a_code(
    client, settings, secretary, viewer, plan
):
    settings.SWP_REQUIRE_TWO_FACTOR = False
    sign_in(client, secretary)
    assert client.get(DASHBOARD).status_code == 200

    with_app(viewer)
    client.post(reverse("logout"))
    sign_in(client, viewer)
    assert goes_to(client.get(DASHBOARD), VERIFY)


def test_next_must_be_on_this_site(client, secretary):
    device = with_app(secretary)
    sign_in(client, secretary)
    response = client.post(f"{VERIFY}?next=https://evil.example/", {"code": code_now(device)})
    assert goes_to(response, reverse("actions:start"))


def test_a_device_reset_by_an_admin_means_setting_up_again(client, secretary):
    device = with_app(secretary)
    sign_in(client, secretary)
    device.delete()  # the admin deleted it: the person lost their phone and their codes
    assert goes_to(client.get(VERIFY), SET_UP)


@pytest.mark.parametrize("name", ["manage", "set_up", "verify", "recovery", "recovery_codes", "turn_off"])
def test_signed_out_people_are_sent_to_sign_in(client, name, db):
    response = client.get(reverse(f"two_factor:{name}"))
    assert goes_to(response, reverse("login"))


def test_the_pages_have_no_inline_script_and_name_their_fields(client, secretary):
    with_app(secretary)
    sign_in(client, secretary)
    for url in (VERIFY, RECOVERY):
        html = client.get(url).content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], url
        assert re.search(r'<label for="id_code" class="govuk-label', html), url

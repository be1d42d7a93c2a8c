"""Two-factor authentication (SEC-10) with django-otp: who must use it, and the middleware that holds them.

Partnership admins and secretaries (in any partnership) and Django staff and superusers must have
an authenticator app (a confirmed TOTP device) when SWP_REQUIRE_TWO_FACTOR is on; anyone else may
set one up from the two-factor page. Whoever has one gives a 6-digit code (or a recovery code)
after their password. Until then, TwoFactorMiddleware lets a signed-in person reach only the
two-factor pages, the session-timeout endpoints and sign-out: everything else is a plain redirect,
to the set-up page for someone who must have 2FA and has none, else to the code page. The Django
admin is behind the same middleware, so an unverified superuser never reaches it.

Whether a person must use it and whether they have set it up are worked out at sign-in and kept in
the session (FACTS), so ordinary requests cost no queries. A role given during a session applies
from the next sign-in. Someone who signed in with their organisation's account, whose provider
asserted multi-factor sign-in, counts as verified for that session (trust_providers_second_factor).
"""

import base64
import re
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Membership, Role

FACTS = "swp_two_factor"
SECOND_FACTOR_AT_PROVIDER = "swp_second_factor_at_provider"
MUST_USE_ROLES = (Role.ADMIN, Role.SECRETARY)
OK, VERIFY, SET_UP = "ok", "verify", "set_up"


def must_use_two_factor(user) -> bool:
    """Partnership admins, secretaries and anyone who can use the Django admin."""
    return bool(
        user.is_superuser
        or user.is_staff
        or Membership.objects.current().filter(user=user, role__in=MUST_USE_ROLES).exists()
    )


def authenticator_of(user, *, confirmed: bool | None = True) -> TOTPDevice | None:
    devices = TOTPDevice.objects.devices_for_user(user, confirmed=confirmed)
    return devices.order_by("pk").first()


def recovery_device_of(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def remember_facts(request, user) -> dict:
    facts = {"required": must_use_two_factor(user), "enrolled": authenticator_of(user) is not None}
    request.session[FACTS] = facts
    return facts


def remember_facts_at_sign_in(sender, request, user, **kwargs) -> None:
    """Receives user_logged_in (connected in governance/apps.py)."""
    if request is not None and hasattr(request, "session"):
        remember_facts(request, user)


def trust_providers_second_factor(request) -> None:
    """The person signed in with their organisation's account, whose provider says it asked for a
    second factor (governance/oidc.py): ours is not asked for again this session."""
    request.session[SECOND_FACTOR_AT_PROVIDER] = True


def is_verified(request) -> bool:
    if request.session.get(SECOND_FACTOR_AT_PROVIDER):
        return True
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


def state_of(request) -> str:
    """OK, VERIFY (has an app: give a code) or SET_UP (must have an app and has none)."""
    facts = request.session.get(FACTS)
    if facts is None:  # a session from before this was deployed
        facts = remember_facts(request, request.user)
    required = facts["required"] and settings.SWP_REQUIRE_TWO_FACTOR
    if not (facts["enrolled"] or required) or is_verified(request):
        return OK
    return VERIFY if facts["enrolled"] else SET_UP


def with_next(url: str, next_url: str | None) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class TwoFactorMiddleware:
    """Until the second factor is given, only the two-factor pages and sign-out; plain redirects."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not self.always_allowed(request.path):
            state = state_of(request)
            if state != OK:
                target = reverse("two_factor:verify" if state == VERIFY else "two_factor:set_up")
                next_url = request.get_full_path() if request.method == "GET" else None
                return redirect(with_next(target, next_url))
        return self.get_response(request)

    @staticmethod
    def always_allowed(path: str) -> bool:
        return path.startswith(settings.STATIC_URL) or path in {reverse(name) for name in ALWAYS_ALLOWED}


# What a signed-in person can reach before giving their second factor.
ALWAYS_ALLOWED = (
    "two_factor:set_up",
    "two_factor:recovery_codes",
    "two_factor:verify",
    "two_factor:recovery",
    "logout",
    "session:extend",
    "session:status",
    "healthz",
)


# --- Setting up an authenticator app -----------------------------------------------------------


def secret_for_typing(device: TOTPDevice) -> str:
    """The key as an app wants it typed: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The otpauth:// address as an inline SVG QR code: made here, nothing fetched."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=4)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    svg = svg.replace(
        "<svg ",
        '<svg role="img" aria-labelledby="qr-title" focusable="false" class="app-qr-code" ',
        1,
    ).replace(">", '><title id="qr-title">QR code for your authenticator app</title>', 1)
    return mark_safe(svg)  # noqa: S308 - made by qrcode from our own device's address, no user text


def new_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes with SWP_RECOVERY_CODES fresh ones, and return them."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
        codes = []
        while len(codes) < settings.SWP_RECOVERY_CODES:
            code = StaticToken.random_token()  # 8 characters of base32, from os.urandom
            if code not in codes:
                codes.append(code)
        StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def pending_authenticator(user) -> TOTPDevice:
    """The app being set up: kept until confirmed, so reloading the page keeps the same QR code."""
    device = authenticator_of(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def turn_off(user) -> None:
    for device in devices_for_user(user, confirmed=None):
        device.delete()

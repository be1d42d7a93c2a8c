"""Test clients signed in as the world's people, with their second factor given."""

from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified(client: Client, user) -> Client:
    """Sign the client in as the user, with the second factor given (SEC-10 is enforced here).

    The user gets a confirmed authenticator app if they have none, and the session records it as
    django_otp.login would after a right code: what every role's session looks like in production.
    """
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Test app", "confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def session_cookie(user) -> str:
    """The session cookie of a verified sign-in, for a client made later to present."""
    return verified(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value


_HANDLERS = {}


def client_for(user, *, enforce_csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    # Reuse one handler (its middleware): a new one costs a WhiteNoise scan of every static file.
    client.handler = _HANDLERS.setdefault(enforce_csrf_checks, client.handler)
    if user is not None:
        verified(client, user)
    return client


def client_as(w, role: str, *, enforce_csrf_checks: bool = False) -> Client:
    """A client signed in as the world's person in that column, with the session made with the world."""
    client = client_for(None, enforce_csrf_checks=enforce_csrf_checks)
    if role in w.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[role]
    return client

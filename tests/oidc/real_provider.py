"""A real OpenID provider (tests/oidc/provider.mjs, npm oidc-provider) for the tests, and its people.

`running_provider(site_urls)` starts it on a free loopback port, waits for its discovery document and
stops it afterwards. `through_provider_sign_in(url, login)` plays the person at the provider's own
sign-in and consent pages with `requests`, and returns the address the provider sends them back to.
"""

import json
import os
import re
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from django.urls import reverse

from governance.models import IdentityProvider

PROVIDER_SCRIPT = Path(__file__).with_name("provider.mjs")
REPO_ROOT = Path(__file__).resolve().parents[2]
SITE = "http://testserver"  # Django's test client
SLUG = "police"
DOMAIN = "police.example"
CLIENT_ID = "plan-manager-tests"
CLIENT_SECRET = "tests-only-client-secret"
SECRET_NAME = "SWP_OIDC_TESTS_POLICE_SECRET"

# The provider's people: whether it vouches for the email, and whether their sign-in used two factors.
ACCOUNTS = [
    {"sub": "p-lead", "email": "lee.lead@police.example", "email_verified": True, "mfa": False},
    {"sub": "p-secretary", "email": "sam.secretary@police.example", "email_verified": True, "mfa": True},
    {"sub": "p-admin", "email": "ash.admin@police.example", "email_verified": True, "mfa": False},
    {"sub": "p-invited", "email": "ivy.invited@police.example", "email_verified": True, "mfa": False},
    {"sub": "p-gone", "email": "gil.gone@police.example", "email_verified": True, "mfa": True},
    {"sub": "p-stranger", "email": "stan.stranger@police.example", "email_verified": True, "mfa": False},
    {"sub": "p-unverified", "email": "una.unverified@police.example", "email_verified": False, "mfa": False},
    {"sub": "p-elsewhere", "email": "ella@council.example", "email_verified": True, "mfa": False},
    # As Microsoft Entra ID vouches for a work email: no email_verified, but its tenant owns the domain.
    {"sub": "p-entra", "email": "erin.entra@police.example", "xms_edov": True, "mfa": False},
    {"sub": "p-renamed", "email": "rene.newname@police.example", "email_verified": True, "mfa": False},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_provider(site_urls: list[str]) -> Iterator[str]:
    """The provider's issuer, with one client whose redirect addresses are each site's callback."""
    port = free_port()
    config = {
        "port": port,
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{url}/accounts/oidc/{SLUG}/callback/" for url in site_urls],
                "post_logout_redirect_uris": [f"{url}/" for url in site_urls],
            }
        ],
        "accounts": ACCOUNTS,
    }
    issuer = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        config_path = Path(folder) / "provider.json"
        config_path.write_text(json.dumps(config))
        process = subprocess.Popen(
            ["node", str(PROVIDER_SCRIPT), str(config_path)],
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for_discovery(issuer, process)
            previous = os.environ.get(SECRET_NAME)
            os.environ[SECRET_NAME] = CLIENT_SECRET
            yield issuer
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            if previous is None:
                os.environ.pop(SECRET_NAME, None)
            else:
                os.environ[SECRET_NAME] = previous


def wait_for_discovery(issuer: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The test OpenID provider stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("The test OpenID provider did not start within 30 seconds")


def requests_made(issuer: str) -> dict[str, int]:
    """How many times each address of the provider has been asked for since it started."""
    return requests.get(f"{issuer}/test/requests", timeout=5).json()


def fail_next_discovery(issuer: str) -> None:
    """The provider's next discovery request answers 503, as if it were briefly down."""
    requests.get(f"{issuer}/test/fail-discovery", timeout=5).raise_for_status()


def make_identity_provider(issuer: str, **fields) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        name=fields.pop("name", "Testshire Police"),
        slug=SLUG,
        issuer=issuer,
        client_id=CLIENT_ID,
        client_secret_name=SECRET_NAME,
        **fields,
    )
    provider.domains.create(domain=DOMAIN)
    return provider


FORM = re.compile(r'<form[^>]*action="([^"]+)"[^>]*method="post"', re.IGNORECASE)


def through_provider_sign_in(authorize_url: str, login: str, *, back_to: str) -> str:
    """Sign in at the provider as `login` (any password) and consent; the address it sends us back to,
    which starts with `back_to`."""
    session = requests.Session()
    url, data = authorize_url, None
    for _ in range(12):
        response = (
            session.post(url, data=data, allow_redirects=False, timeout=10)
            if data
            else session.get(url, allow_redirects=False, timeout=10)
        )
        if response.is_redirect:
            url, data = urljoin(url, response.headers["Location"]), None
            if url.startswith(back_to):
                return url
            continue
        response.raise_for_status()
        action = urljoin(url, unescape(FORM.search(response.text).group(1)))
        if 'name="login"' in response.text:
            data = {"prompt": "login", "login": login, "password": "any password"}
        else:
            data = {"prompt": "consent"}
        url = action
    raise AssertionError("The provider did not send the person back")


def sign_in_with_provider(client, login: str, *, tamper_state: bool = False):
    """Start at our site, sign in at the provider as `login`, and come back: our final response."""
    started = client.get(reverse("oidc_start", args=[SLUG]))
    assert started.status_code == 302
    back = through_provider_sign_in(started.url, login, back_to=SITE)
    parts = urlsplit(back)
    query = parse_qs(parts.query)
    if tamper_state:
        query["state"] = ["not-the-state-we-sent"]
    return client.get(parts.path, {key: values[0] for key, values in query.items()})

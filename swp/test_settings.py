"""Where tests truly differ from swp.settings: fast hashing, no manifest, no real email."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inline, whatever the environment says, so a test sees the pack it asked for.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True  # no rescan of every static file for each test client
# Most tests are not about two-factor authentication and sign in with a password alone;
# tests/governance/test_two_factor.py and tests/permissions/ switch the requirement back on.
SWP_REQUIRE_TWO_FACTOR = False
# The browser tests sign in as the demo's people through the sign-in form, with DEBUG off as in
# production; tests/governance/test_demo_accounts.py turns this off again.
SWP_ALLOW_DEMO_SIGN_IN = True
# The tests' OpenID provider (tests/oidc/provider.mjs) runs on loopback over plain http.
SWP_OIDC_ALLOW_HTTP_LOOPBACK = True

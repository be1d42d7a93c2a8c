"""Settings for the Safer Walsall Partnership plan manager.

One module, driven by the environment (see .env.example), with email and the outbox in
swp/settings_email.py. The defaults are safe for development: with nothing set, the app runs on
a SQLite file under var/ with DEBUG on.
Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from swp.env import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "swp.apps.PlanManagerAdminConfig",  # the Django admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "import_export",
    "csp",
    "axes",
    "django_otp",  # two-factor authentication (SEC-10): TOTP apps and one-time recovery codes
    "swp.third_party_apps.AuthenticatorAppsConfig",  # django_otp.plugins.otp_totp, named as people would
    "swp.third_party_apps.RecoveryCodesConfig",  # django_otp.plugins.otp_static
    "django_tasks",  # the tasks API (built into Django from 6.0)
    "swp.third_party_apps.BoardPackTasksConfig",  # django_tasks_db: its database backend and `db_worker`
    "governance",
    "priorities",
    "actions",
    "reports",
    "reports.demo",  # load_demo, load_synthetic and the bench_* commands; no other app imports it
]

MIDDLEWARE = [
    "swp.security_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "swp.session_timeout.IdleTimeoutMiddleware",  # signs out after SWP_IDLE_MINUTES without activity
    "governance.two_factor.TwoFactorMiddleware",  # only the 2FA pages until the second factor is given
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "swp.middleware.NoStoreWhenSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "swp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "swp.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "swp.wsgi.application"

# Unset DATABASE_URL means the embedded SQLite file, so `make run` needs no server.
_SQLITE_PATH = BASE_DIR / "var" / "db.sqlite3"
if not os.environ.get("DATABASE_URL"):
    _SQLITE_PATH.parent.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{_SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` serves pages, and makes packs and sends emails, in two processes (the server and
    # the task worker) on one file. Write-ahead logging lets pages read while the worker writes;
    # IMMEDIATE transactions take the write lock at their start, so two writers wait their turn (up
    # to `timeout` seconds) instead of one failing with "database is locked" when its read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

AUTH_USER_MODEL = "governance.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before checking it
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id at OWASP's parameters (swp/passwords.py says why). PBKDF2 only checks older hashes,
# which are replaced at the next sign-in. (Not Django's Argon2 hasher as well: it has the same
# algorithm name, so listed after ours it would check every Argon2 hash and ask for a new one.)
PASSWORD_HASHERS = [
    "swp.passwords.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "actions:start"
LOGOUT_REDIRECT_URL = "reports:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded evidence lives outside the web root and is served only through views.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Board packs are made by a task, so big ones can leave the web request. In production set
# SWP_TASKS_BACKEND=database and run `python manage.py db_worker` beside the web process; the
# default runs each task inline, in the request that asks for it (development and tests).
_TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = os.environ.get("SWP_TASKS_BACKEND", "") or "immediate"
if _tasks_backend not in _TASKS_BACKENDS:
    raise ImproperlyConfigured("SWP_TASKS_BACKEND must be 'database' or 'immediate'.")
TASKS = {"default": {"BACKEND": _TASKS_BACKENDS[_tasks_backend]}}
# WeasyPrint makes each pack in a child process, stopped at these limits (LOAD-04): the pack fails
# with a plain message and the worker goes on. The Walsall pack needs 3-5 s and 170 MB, a
# 50-priority, 1,000-action plan about a minute and 900 MB. Keep the time well under the 30
# minutes after which a pack still "being made" is taken to be lost (reports.services).
SWP_PACK_TIME_LIMIT_SECONDS = int(os.environ.get("SWP_PACK_TIME_LIMIT_SECONDS", "600"))
SWP_PACK_MEMORY_LIMIT_MB = int(os.environ.get("SWP_PACK_MEMORY_LIMIT_MB", "2048"))
# With a worker (SWP_TASKS_BACKEND=database), the current quarter's pack is rendered this long after
# the last change to what it reads, so that issuing an unchanged pack copies it (reports/prerender.py).
SWP_PACK_PRERENDER_DELAY_SECONDS = int(os.environ.get("SWP_PACK_PRERENDER_DELAY_SECONDS", "30"))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# crispy-forms-gds 2.0.1 leaves these inputs without the govuk-input class, a defect of that release.
CRISPY_CLASS_CONVERTERS = {
    "dateinput": "govuk-input",
    "datetimeinput": "govuk-input",
    "timeinput": "govuk-input",
    "numberinput": "govuk-input",
    "urlinput": "govuk-input",
    "emailinput": "govuk-input",
    "passwordinput": "govuk-input",
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

SERVICE_NAME = "Partnership plan manager"


# Email, the outbox and the daily jobs that send it. Imported so that Django, and the test
# settings, see them here.
from swp.settings_email import (  # noqa: E402, F401
    DAILY_JOBS,
    DEFAULT_FROM_EMAIL,
    EMAIL_BACKEND,
    EMAIL_FILE_PATH,
    EMAIL_HOST,
    EMAIL_HOST_PASSWORD,
    EMAIL_HOST_USER,
    EMAIL_PORT,
    EMAIL_TIMEOUT,
    EMAIL_USE_TLS,
    OUTBOX_KEEP_DAYS,
    REMINDER_DAYS_BEFORE_DEADLINE,
    SITE_URL,
)

# Evidence attached to updates: the largest file accepted.
EVIDENCE_MAX_BYTES = int(os.environ.get("SWP_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "swp.security_log.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # The security log (SEC-17): JSON lines on stderr by default, or appended to a file.
        "security": (
            {"class": "logging.FileHandler", "filename": os.environ["SWP_SECURITY_LOG"], "formatter": "json"}
            if os.environ.get("SWP_SECURITY_LOG")
            else {"class": "logging.StreamHandler", "formatter": "json"}
        ),
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's default config gives "django" a console handler of its own; without this
    # every django.* line would print twice (once there, once through root).
    "loggers": {
        "swp.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
        "django": {"handlers": [], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
        # WeasyPrint reports every layout step of every page at INFO: keep its warnings only.
        "weasyprint.progress": {"level": "WARNING"},
        # django-axes reports every failed sign-in at INFO; the security log already has them.
        "axes": {"level": "WARNING"},
    },
}
SIMPLE_HISTORY_REVERT_DISABLED = True  # reverting in the admin would skip the update workflow

# --- Security headers and cookies (SEC-01 to SEC-03) -----------------------------------------
# Production (DEBUG off) is HTTPS only. The app normally sits behind a TLS-terminating proxy:
# set SWP_BEHIND_PROXY=1 so it trusts that proxy's X-Forwarded-Proto. SWP_LOADTEST_PLAIN_HTTP=1
# is for `make loadtest` on loopback only, where there is no TLS at all.
_HTTPS = not DEBUG and not env_bool("SWP_LOADTEST_PLAIN_HTTP", False)
if env_bool("SWP_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False
# How many trusted proxies append to X-Forwarded-For in front of the app (swp.security_log.client_ip).
SWP_PROXY_COUNT = int(os.environ.get("SWP_PROXY_COUNT", "1" if env_bool("SWP_BEHIND_PROXY", False) else "0"))

# --- Failed sign-ins (SEC-07): django-axes -------------------------------------------------
# Ten wrong passwords for one account from one address lock that pair out for a cool-off, even
# with the right password; the same account from elsewhere, and other accounts from the same
# office (everyone behind one council proxy), carry on. Cyber Essentials asks for at most ten.
AXES_FAILURE_LIMIT = int(os.environ.get("SWP_SIGN_IN_ATTEMPTS", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("SWP_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field; the user model's is "email"
AXES_CLIENT_IP_CALLABLE = "swp.security_log.client_ip"
AXES_LOCKOUT_CALLABLE = "swp.errors.locked_out"  # the cool-off in words: "15 minutes", not "PT15M"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Lockouts are in the security log; lift one early with `manage.py axes_reset_username EMAIL`.
# Resetting the password by email lifts it too (governance/password_reset.py).
AXES_ENABLE_ADMIN = False

# --- Forgotten passwords (governance/password_reset.py) -----------------------------------------
# A reset link works once, for this long. Requests for links are limited per email address and
# per client address over a window, counted in the database so that every process sees them; a
# request over either limit gets the same page, and the same work, as any other, and no email.
# Per address: three links an hour is enough for someone whose first email went astray. Per
# client: a council's staff may all reach us through one proxy, so this is generous.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("SWP_RESET_LINK_MINUTES", "60")) * 60
SWP_RESET_WINDOW_MINUTES = int(os.environ.get("SWP_RESET_WINDOW_MINUTES", "60"))
SWP_RESETS_PER_ADDRESS = int(os.environ.get("SWP_RESETS_PER_ADDRESS", "3"))
SWP_RESETS_PER_CLIENT = int(os.environ.get("SWP_RESETS_PER_CLIENT", "20"))

# --- Invitations (governance/invitations.py) -------------------------------------------------------
# An invitation's link works once, for this many days from its issue (Resend issues a new one). Its
# email goes through the outbox, which retries it like any other (governance/email_sending.py).
SWP_INVITATION_DAYS = int(os.environ.get("SWP_INVITATION_DAYS", "7"))

# Requests we cannot read and failed CSRF checks get our own pages, with what to do next (swp/errors.py).
CSRF_FAILURE_VIEW = "swp.errors.csrf_failure"

# The demo's accounts share a published password, so with DEBUG off they cannot sign in
# (governance/demo_accounts.py). `make loadtest` and the test suite, which sign in as them with DEBUG
# off, set this; production never does.
SWP_ALLOW_DEMO_SIGN_IN = env_bool("SWP_ALLOW_DEMO_SIGN_IN", False)
SECURE_SSL_REDIRECT = _HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SWP_HSTS_SECONDS", "31536000")) if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SWP_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# __Host- cookies must be Secure, so the prefix comes with HTTPS; development keeps the plain names.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _HTTPS
SESSION_COOKIE_NAME = "__Host-sessionid" if _HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if _HTTPS else "csrftoken"
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"  # Lax: links in reminder emails still work

# No inline script anywhere (GOV.UK Frontend loads from static/js/app.js as a module). Inline
# *styles* are still allowed. They were for pygal's <style> in the trend charts; the charts now
# carry presentation attributes only (reports/charts.py), so this could be tightened once every
# page is checked without it. Nothing is fetched from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- Sessions (SEC-09, A11Y-09) ---------------------------------------------------------------
# Signed out after SWP_IDLE_MINUTES without a request, with a warning SWP_IDLE_WARNING_SECONDS
# before that lets the person stay signed in (swp/session_timeout.py, static/js/session-timeout.js);
# and after SWP_SESSION_MAX_HOURS whatever they do. The key changes at sign-in; sign-out deletes it.
SWP_IDLE_MINUTES = int(os.environ.get("SWP_IDLE_MINUTES", "30"))
SWP_IDLE_TIMEOUT_SECONDS = SWP_IDLE_MINUTES * 60
SWP_IDLE_WARNING_SECONDS = int(os.environ.get("SWP_IDLE_WARNING_SECONDS", "120"))
SWP_SESSION_MAX_HOURS = int(os.environ.get("SWP_SESSION_MAX_HOURS", "12"))
SWP_SESSION_MAX_SECONDS = SWP_SESSION_MAX_HOURS * 3600
SESSION_COOKIE_AGE = SWP_SESSION_MAX_SECONDS

# --- Two-factor authentication (SEC-10): django-otp -------------------------------------------
# Partnership admins, secretaries and Django staff must set up an authenticator app (TOTP) and give
# a code from it after their password; everyone else may choose to. SWP_REQUIRE_TWO_FACTOR=0 turns
# the requirement off (the test settings do, for tests that are not about it); people who have set
# it up are still asked for a code. Wrong codes are throttled: after n failures in a row the next
# try must wait 2^(n-1) seconds.
SWP_REQUIRE_TWO_FACTOR = env_bool("SWP_REQUIRE_TWO_FACTOR", True)
OTP_TOTP_ISSUER = SERVICE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin shows neither TOTP keys nor recovery codes
SWP_RECOVERY_CODES = 10

# --- Sign in with your organisation's account (OpenID Connect, governance/oidc.py) -------------
# Providers are set up in the Django admin; their client secrets come from the environment, or from
# the JSON file (name -> secret) named here, read each time one is needed so a rotated secret needs
# no restart. Issuers must be https; plain http to this machine only in development (and tests),
# where the test provider runs on loopback.
SWP_OIDC_SECRETS_FILE = os.environ.get("SWP_OIDC_SECRETS_FILE", "")
SWP_OIDC_ALLOW_HTTP_LOOPBACK = DEBUG


from import_export.formats import base_formats  # noqa: E402  (needed only here)

# Spreadsheets in and out (SEC-12 to SEC-14 and INT-04 in docs/quality-checks.md).
# Only CSV and XLSX; importing and exporting in the admin need their own permissions, not "everyone".
IMPORT_EXPORT_FORMATS = [base_formats.CSV, base_formats.XLSX]
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Not enough on its own (it misses + - @ and XLSX formulas): our resources neutralise every text cell.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Uploaded spreadsheets are refused above this size before anything reads them.
SWP_MAX_SPREADSHEET_BYTES = int(os.environ.get("SWP_MAX_SPREADSHEET_BYTES", str(10 * 1024 * 1024)))

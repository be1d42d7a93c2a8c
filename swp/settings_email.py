"""Email, the outbox and the daily jobs that send it, from the environment (see .env.example).

Split from swp/settings.py, which imports every name here, to keep that file short.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from swp.env import env_bool

BASE_DIR = Path(__file__).resolve().parent.parent

# Console email in development; SMTP (or any backend) from the environment in production.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "no-reply@localhost")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30

# The address people reach the app at, for links in emails sent outside a web request.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# send_reminders writes this many days before an update deadline, then again once it has passed.
REMINDER_DAYS_BEFORE_DEADLINE = int(os.environ.get("SWP_REMINDER_DAYS_BEFORE_DEADLINE", "7"))
# Where the file email backend (`make run`: DJANGO_EMAIL_BACKEND=…filebased.EmailBackend) writes.
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
# Sent emails are kept this long for the outbox page, then `prune_outbox` deletes them.
OUTBOX_KEEP_DAYS = int(os.environ.get("SWP_OUTBOX_KEEP_DAYS", "400"))


def _daily_jobs(value: str) -> dict[str, datetime.time]:
    """ "job=HH:MM,job=HH:MM" (Europe/London): the worker's tick runs each once a day from that time."""
    jobs = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        job, _, at = item.partition("=")
        try:
            jobs[job.strip()] = datetime.time.fromisoformat(at.strip())
        except ValueError:
            raise ImproperlyConfigured(
                f"SWP_DAILY_JOBS: {item!r} is not like send_reminders=08:00."
            ) from None
    return jobs


DAILY_JOBS = _daily_jobs(
    os.environ.get(
        "SWP_DAILY_JOBS",
        "sync_plan_statuses=01:00,prune_outbox=03:00,send_reminders=08:00,send_digests=17:30",
    )
)

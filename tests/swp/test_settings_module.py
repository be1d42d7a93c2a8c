"""swp/settings.py stays under the house's 400 lines, with email and the outbox in
swp/settings_email.py, whose every setting Django still sees."""

from pathlib import Path

from django.conf import settings

from swp import settings_email

SWP = Path(__file__).resolve().parents[2] / "swp"


def test_the_settings_module_is_under_400_lines():
    assert len((SWP / "settings.py").read_text().splitlines()) < 400


def test_every_email_and_outbox_setting_reaches_django():
    names = [name for name in dir(settings_email) if name.isupper() and name != "BASE_DIR"]
    assert "EMAIL_HOST" in names and "OUTBOX_KEEP_DAYS" in names and "DAILY_JOBS" in names
    for name in names:
        assert hasattr(settings, name), name
    assert settings.OUTBOX_KEEP_DAYS == settings_email.OUTBOX_KEEP_DAYS
    assert settings.DAILY_JOBS == settings_email.DAILY_JOBS

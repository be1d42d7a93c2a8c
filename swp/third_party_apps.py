"""Third-party apps under the names a superuser would use for them, everywhere the admin shows them.

Each class replaces its library's AppConfig in INSTALLED_APPS (same module, same label, so the
library's tables and migrations are untouched). Setting the names on the app and on `_meta` in
ready() reaches every admin page (index, section page, changelist title, add and delete pages,
breadcrumbs), where renaming them in the admin site's index alone left "Select TOTP device to
change" on the changelist. Only `_meta` is changed, never the model's Meta options, so
makemigrations sees nothing to write into the library.
"""

from django.apps import AppConfig
from django.db import models
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from django_tasks_db.apps import TasksAppConfig


def _name_model(model: type[models.Model], singular: str, plural: str) -> None:
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural
    # verbose_name_raw is cached: drop it in case anything read it before this ran.
    model._meta.__dict__.pop("verbose_name_raw", None)


class _HumanNamesMixin(AppConfig):
    model_names: dict[str, tuple[str, str]] = {}  # model name: (singular, plural), lower case as Django's

    def ready(self) -> None:
        super().ready()
        for model_name, (singular, plural) in self.model_names.items():
            _name_model(self.get_model(model_name), singular, plural)


class AuthenticatorAppsConfig(_HumanNamesMixin, TOTPConfig):
    verbose_name = "Two-factor authentication: authenticator apps"
    model_names = {"totpdevice": ("authenticator app", "authenticator apps")}


class RecoveryCodesConfig(_HumanNamesMixin, StaticConfig):
    verbose_name = "Two-factor authentication: recovery codes"
    model_names = {"staticdevice": ("set of recovery codes", "recovery codes")}


class BoardPackTasksConfig(_HumanNamesMixin, TasksAppConfig):
    verbose_name = "Board pack tasks"
    model_names = {"dbtaskresult": ("task result", "task results")}

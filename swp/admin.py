from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest

# Third-party sections as a superuser would name them, not by their package ("Otp_Totp").
APP_NAMES = {
    "otp_totp": "Two-factor authentication: authenticator apps",
    "otp_static": "Two-factor authentication: recovery codes",
    "django_tasks_database": "Board pack tasks",
}
MODEL_NAMES = {
    ("otp_totp", "totpdevice"): "Authenticator apps",
    ("otp_static", "staticdevice"): "Recovery code sets",
    ("django_tasks_database", "dbtaskresult"): "Task results",
}


class PlanManagerAdminSite(admin.AdminSite):
    """The Django admin sees every partnership's data, so only the installation's superusers may use it.

    Partnership admins and secretaries work in the staff pages, which are scoped to their partnership.
    """

    site_header = "Partnership plan manager administration"
    site_title = "Partnership plan manager admin"

    def has_permission(self, request: HttpRequest) -> bool:
        # The two-factor middleware already sends an unverified superuser to give their code; this
        # is the second lock, should that middleware ever be left out (SEC-10).
        verified = not settings.SWP_REQUIRE_TWO_FACTOR or request.user.is_verified()
        return request.user.is_active and request.user.is_superuser and verified

    def _build_app_dict(self, request: HttpRequest, label: str | None = None) -> dict:
        """The index and each section's page, with human names for the third-party sections."""
        app_dict = super()._build_app_dict(request, label)
        for app_label, app in app_dict.items():
            app["name"] = APP_NAMES.get(app_label, app["name"])
            for model in app["models"]:
                key = (app_label, model["object_name"].lower())
                model["name"] = MODEL_NAMES.get(key, model["name"])
        return app_dict

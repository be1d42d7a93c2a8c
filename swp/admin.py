from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest


class PlanManagerAdminSite(admin.AdminSite):
    """The Django admin sees every partnership's data, so only the installation's superusers may use it.

    Partnership admins and secretaries work in the staff pages, which are scoped to their partnership.
    """

    site_header = "Partnership plan manager administration"
    site_title = "Partnership plan manager admin"

    def has_permission(self, request: HttpRequest) -> bool:
        # The two-factor middleware already sends an unverified superuser to give their code; this
        # is the second lock, should that middleware ever be left out (SEC-10). It asks the same
        # question as the middleware, so a sign-in whose provider asserted multi-factor counts here too.
        from governance.two_factor import is_verified  # late: this module loads with the admin app

        verified = not settings.SWP_REQUIRE_TWO_FACTOR or is_verified(request)
        return request.user.is_active and request.user.is_superuser and verified

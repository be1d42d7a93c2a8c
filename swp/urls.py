from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import TemplateView

from swp.health import healthz

handler500 = "swp.errors.server_error"
handler403 = "swp.errors.permission_denied"
handler400 = "swp.errors.bad_request"


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers and bookmarks ask for /favicon.ico whatever a page's <link rel="icon"> says. Looked
    up per request: the static file's hashed name is known only once collectstatic has run."""
    return HttpResponsePermanentRedirect(static("images/favicon.svg"))


urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("accounts/two-factor/", include("governance.two_factor_urls")),  # SEC-10
    path("accounts/session/", include("swp.session_urls")),  # the idle-timeout warning (SEC-09)
    path("accounts/", include("governance.account_urls")),  # sign-in, sign-out, passwords
    path("accessibility/", TemplateView.as_view(template_name="accessibility.html"), name="accessibility"),
    path("", include("governance.urls")),  # /partnerships/choose/ and /governance/…
    path("governance/", include("priorities.urls")),  # the plan's approvals, assessment, consultation, EqIA
    path("", include("actions.urls")),
    path("", include("actions.plan_workbook_urls")),  # whole-plan import and export
    path("", include("reports.urls")),
]

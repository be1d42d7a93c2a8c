from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """The service name and, for a signed-in member, the partnership they are working in."""
    from governance.access import current_partnership  # late: the app registry loads first

    partnership = None
    if request.user.is_authenticated:
        partnership = current_partnership(request)
    return {"service_name": settings.SERVICE_NAME, "current_partnership": partnership}

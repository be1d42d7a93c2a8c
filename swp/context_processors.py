from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """The service name and, for a signed-in member, the partnership they are working in."""
    from governance.access import current_partnership, memberships_of  # late: the app registry loads first

    return {
        "service_name": settings.SERVICE_NAME,
        "current_partnership": current_partnership(request),
        "can_change_partnership": len(memberships_of(request)) > 1,
    }

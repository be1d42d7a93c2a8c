"""Demo accounts: what makes one, whether this installation lets one sign in, and finding them.

The demo (reports/demo/, `load_demo`) makes its people at DEMO_EMAIL_DOMAIN with DEMO_PASSWORD, and the
README publishes both. They are written here, not in the demo, so the sign-in form and the deploy check
(governance/checks.py) know them without importing the demo, which production does not need.

An account is a demo account while it is at a demo address or still has the demo password. Checking a
password against its Argon2id hash costs about 25 ms (swp/passwords.py), so the deploy check tries the
demo password on every active account only when there are few (CHECK_EVERY_PASSWORD_UP_TO, about 2.5 s);
above that, on the accounts that can do most (superusers, staff, partnership admins and secretaries):
for 1,000 accounts with 20 of those, two queries and about half a second. The others are covered at
sign-in, where the password typed is compared as it is, at no cost.
"""

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.db.models import Q

from .models import User
from .two_factor import MUST_USE_ROLES

DEMO_PASSWORD = "demo-walsall-2020"
DEMO_EMAIL_DOMAIN = "demo.example"
CHECK_EVERY_PASSWORD_UP_TO = 100


def demo_sign_in_allowed() -> bool:
    """With DEBUG on (`make run`), or SWP_ALLOW_DEMO_SIGN_IN for `make loadtest` and the test suite."""
    return settings.DEBUG or settings.SWP_ALLOW_DEMO_SIGN_IN


def is_demo_address(email: str) -> bool:
    return email.lower().endswith("@" + DEMO_EMAIL_DOMAIN)


def is_demo_sign_in(user: User, password: str) -> bool:
    """Whether `user`, authenticated with `password`, is a demo account."""
    return password == DEMO_PASSWORD or is_demo_address(user.email)


def active_demo_accounts(*, using: str = "default") -> list[User]:
    """Active accounts at a demo address, or (of those worth checking, above) with the demo password."""
    active = User.objects.using(using).filter(is_active=True).order_by("email")
    at_demo_address = Q(email__iendswith="@" + DEMO_EMAIL_DOMAIN)
    if active.count() > CHECK_EVERY_PASSWORD_UP_TO:
        active = active.filter(
            at_demo_address
            | Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(memberships__role__in=MUST_USE_ROLES)
        ).distinct()
    return [
        user
        for user in active.only("email", "password")
        if is_demo_address(user.email) or check_password(DEMO_PASSWORD, user.password)
    ]

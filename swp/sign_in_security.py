"""Connects the sign-in receivers of the idle timeout and two-factor authentication at start-up.

At sign-in (the password form, or a test's force_login) the session gets its activity stamps and
the facts the two-factor middleware needs, so ordinary requests afterwards make no extra queries.
"""

from django.apps import AppConfig


class SignInSecurityConfig(AppConfig):
    name = "swp"
    label = "swp"
    verbose_name = "Sign-in security"

    def ready(self) -> None:
        from governance import two_factor  # noqa: F401
        from swp import session_timeout  # noqa: F401

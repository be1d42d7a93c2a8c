from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"

    def ready(self) -> None:
        # Sign-in, sign-out and failed sign-in go to the security log (SEC-17).
        from swp import security_receivers  # noqa: F401

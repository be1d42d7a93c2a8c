from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        from swp.append_only import on_post_migrate

        # Reports is the last of our apps to migrate: every history table exists by then (INT-03).
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="swp_history_append_only")

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        # The one receiver outside GovernanceConfig.ready(): governance may not import reports.
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from priorities.signals import plan_changed

        from .prerender import on_admin_change, on_plan_changed

        plan_changed.connect(on_plan_changed, dispatch_uid="reports.prerender")
        post_save.connect(on_admin_change, sender=LogEntry, dispatch_uid="reports.prerender.admin")

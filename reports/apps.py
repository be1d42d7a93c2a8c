from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        # The one receiver outside GovernanceConfig.ready(): governance may not import reports.
        from priorities.signals import plan_changed

        from .prerender import on_plan_changed

        plan_changed.connect(on_plan_changed, dispatch_uid="reports.prerender")

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self) -> None:
        # The pack's receivers: the apps below reports may not import it, so it listens to them.
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from governance.models import Board, Meeting
        from priorities.signals import plan_changed

        from .prerender import on_admin_change, on_meeting_saved, on_plan_changed

        plan_changed.connect(on_plan_changed, dispatch_uid="reports.prerender")
        post_save.connect(on_admin_change, sender=LogEntry, dispatch_uid="reports.prerender.admin")
        post_save.connect(on_meeting_saved, sender=Meeting, dispatch_uid="reports.prerender.meeting")
        post_save.connect(on_meeting_saved, sender=Board, dispatch_uid="reports.prerender.board")

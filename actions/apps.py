from django.apps import AppConfig


class ActionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "actions"

    def ready(self) -> None:
        """The one receiver outside governance/apps.py: governance may not import actions, so the
        app that owns what an invitation named someone for listens for its acceptance."""
        from governance.invitations import invitation_accepted

        from .named_people import assign_named_roles

        invitation_accepted.connect(
            assign_named_roles, dispatch_uid="actions.named_people.assign_named_roles"
        )

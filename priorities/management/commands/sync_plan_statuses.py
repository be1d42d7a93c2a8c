from django.core.management.base import BaseCommand

from priorities import approvals
from priorities.models import Plan


class Command(BaseCommand):
    help = (
        "Bring every plan's status up to date with its approvals trail: an approved plan becomes active "
        "on the day its period starts. Run daily. Writes nothing when every status is already right."
    )

    def handle(self, *args, **options):
        changed = 0
        for plan in Plan.objects.exclude(status=Plan.Status.ARCHIVED).order_by("pk"):
            if approvals.sync_status(plan=plan, by=None):
                changed += 1
                self.stdout.write(f"{plan.title}: {plan.get_status_display().lower()}")
        self.stdout.write(f"{changed} plan status{'es' if changed != 1 else ''} changed.")

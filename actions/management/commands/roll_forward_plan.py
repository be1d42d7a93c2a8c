"""python manage.py roll_forward_plan --partnership SLUG [--dry-run]: next year's draft plan."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from governance.command_partnership import partnership_from_option
from priorities.models import Plan

from ...roll_forward import preview, roll_forward


class Command(BaseCommand):
    help = (
        "Create next year's draft plan from the partnership's active plan (annual review and roll-forward)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership", required=True, help="The partnership's slug, e.g. safer-walsall."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be created, and create nothing."
        )

    def handle(self, *args, partnership: str, dry_run: bool, **options):
        found = partnership_from_option(partnership)
        plan = (
            Plan.objects.filter(partnership=found, status=Plan.Status.ACTIVE)
            .order_by("-period_start")
            .first()
        )
        if plan is None:
            raise CommandError(f"{found.name} has no active plan to roll forward.")
        summary = preview(plan=plan)
        self.stdout.write(
            f"From “{plan.title}” to “{summary.title}” ({summary.period_start:%-d %B %Y} to "
            f"{summary.period_end:%-d %B %Y}): {summary.priorities} priorities, {summary.measures} measures, "
            f"{summary.themes} theme(s); {len(summary.carried)} actions carried over, "
            f"{len(summary.left_behind)} complete or cancelled left behind."
        )
        if summary.problem:
            raise CommandError(summary.problem)
        if dry_run:
            self.stdout.write("Dry run: nothing was created.")
            return
        try:
            new = roll_forward(plan=plan, by=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Created the draft “{new.title}”. To undo, delete that draft."))

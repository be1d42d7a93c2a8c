"""python manage.py export_plan --partnership SLUG --output FILE [--plan ID] [--format xlsx|csv]

The whole plan with its updates, readings and history: an Excel workbook, or (--format csv, or an
--output ending .zip) a ZIP of CSV files, one per sheet. Every text cell neutralised (SEC-14).
Without --plan, the partnership's current plan (the active one, else the latest).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.command_partnership import partnership_from_option
from priorities.models import Plan
from priorities.selectors import current_plan
from swp.security_log import security_event

from ...plan_workbook import exporter


class Command(BaseCommand):
    help = "Export a whole plan, with its updates, readings and history, as XLSX or as a ZIP of CSV files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership", required=True, help="The partnership's slug, e.g. safer-walsall."
        )
        parser.add_argument("--output", required=True, help="Where to write it, e.g. plan.xlsx or plan.zip.")
        parser.add_argument(
            "--plan", type=int, help="The plan's id. Default: the partnership's current plan."
        )
        parser.add_argument("--format", choices=["xlsx", "csv"], help="Default: from the output's name.")

    def handle(self, *args, partnership: str, output: str, plan: int | None, format: str | None, **options):
        found = partnership_from_option(partnership)
        if plan is not None:
            chosen = Plan.objects.filter(partnership=found, pk=plan).first()
            if chosen is None:
                raise CommandError(f"{found.name} has no plan with id {plan}.")
        else:
            chosen = current_plan(partnership=found)
            if chosen is None:
                raise CommandError(f"{found.name} has no plan yet.")
        fmt = format or ("csv" if output.lower().endswith(".zip") else "xlsx")
        body = exporter.export_bytes(chosen, fmt)
        Path(output).write_bytes(body)
        security_event(
            "export_downloaded", obj=chosen, format=fmt, filename=Path(output).name, partnership=found.slug
        )
        self.stdout.write(f"Wrote “{chosen.title}” to {output} ({len(body):,} bytes, {fmt}).")

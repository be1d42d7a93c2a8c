"""python manage.py import_plan FILE --partnership SLUG [--commit]: load a plan from a plan workbook.

Without --commit it prints what would be created, and every problem, and changes nothing. FILE is
the plan workbook (.xlsx) or a ZIP of its CSV files (as export_plan --format csv writes). The file
passes the same checks as an upload (SEC-13) before it is read.
"""

import io
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.command_partnership import partnership_from_option
from swp.security_log import security_event
from swp.sheets.uploads import UploadRefused, max_upload_bytes

from ...plan_workbook import apply, check_upload, read_workbook


class Command(BaseCommand):
    help = "Load a plan, as a draft, from a plan workbook (.xlsx) or a ZIP of its CSV files."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The plan workbook (.xlsx), or a ZIP of its CSV files.")
        parser.add_argument(
            "--partnership", required=True, help="The partnership's slug, e.g. safer-walsall."
        )
        parser.add_argument(
            "--commit",
            action="store_true",
            help="Create the plan. Without it, only say what would be created.",
        )

    def handle(self, *args, file: str, partnership: str, commit: bool, **options):
        found = partnership_from_option(partnership)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file “{file}”.")
        if path.stat().st_size > max_upload_bytes():
            raise CommandError(f"“{path.name}” is too large: the limit is {max_upload_bytes()} bytes.")
        data = path.read_bytes()
        try:
            fmt = check_upload(io.BytesIO(data), name=path.name, size=len(data))
        except UploadRefused as refusal:
            raise CommandError(str(refusal)) from None
        preview = read_workbook(data, fmt, partnership=found)
        for line in preview.lines():
            self.stdout.write(line)
        if preview.problems:
            for problem in preview.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(preview.problems)} problem(s) in “{path.name}”: nothing was imported. "
                "Fix them and run again."
            )
        if not commit:
            self.stdout.write("Preview only: nothing was imported. Run again with --commit to load the plan.")
            return
        try:
            plan = apply(preview, by=None, reason=f"Imported from {path.name} (import_plan)")
        except Exception as error:
            security_event("import_failed", filename=path.name, partnership=found.slug, level=logging.ERROR)
            raise CommandError(f"The import failed, so nothing was saved: {error}") from error
        security_event("import_applied", obj=plan, filename=path.name, partnership=found.slug)
        self.stdout.write(
            self.style.SUCCESS(f"Loaded “{plan.title}” (id {plan.pk}) as a draft in {found.name}.")
        )

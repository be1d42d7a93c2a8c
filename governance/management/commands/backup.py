"""python manage.py backup [--output FILE]: the database and uploaded files in one checked archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from swp.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files (evidence, issued packs) into one .tar archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the archive. Default: var/backups/swp-<date and time>.tar",
        )

    def handle(self, *args, output: Path | None, **options):
        output = (
            output or Path(settings.BASE_DIR) / "var" / "backups" / f"swp-{timezone.now():%Y%m%d-%H%M%S}.tar"
        )
        try:
            manifest = backup(connection=connection, media_root=Path(settings.MEDIA_ROOT), output=output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["tables"].values())
        files = len(manifest["files"]) - 1
        self.stdout.write(
            f"Backed up {rows} rows in {len(manifest['tables'])} tables and {files} files to {output}"
        )

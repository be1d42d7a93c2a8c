"""python manage.py restore FILE --yes: put a backup back, replacing what the database holds now."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from swp.backups import BackupError, Database, read_manifest, restore, table_counts


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`, replacing the database's contents and restoring files."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm that the database's current contents will be replaced.",
        )

    def handle(self, *args, archive: Path, yes: bool, **options):
        try:
            manifest = read_manifest(archive)
            if not yes:
                raise CommandError(
                    f"This replaces everything in the database with the backup of {manifest['created_at']}. "
                    "Stop the app, then run again with --yes."
                )
            database = Database.from_settings(connection.settings_dict)
            connection.close()  # our own connection must not hold locks on the tables being replaced
            restore(database=database, media_root=Path(settings.MEDIA_ROOT), archive_path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        restored = table_counts(connection)
        differing = {t: (n, restored.get(t)) for t, n in manifest["tables"].items() if restored.get(t) != n}
        if differing:
            raise CommandError(f"Restored, but these tables' row counts differ from the backup: {differing}")
        rows = sum(restored.values())
        self.stdout.write(
            f"Restored {rows} rows in {len(restored)} tables from {archive}; every count matches."
        )

"""Backups of the database and uploaded files, and restoring them (INT-11).

A backup is one .tar archive holding:
- `database.pgdump` (pg_dump's custom format) or `database.sqlite3` (SQLite's online backup API,
  a consistent copy even while the app is writing);
- `media/…`: evidence files and issued board packs, which the database only points to;
- `manifest.json`: when and from what it was made, every table's row count, and the SHA-256 of
  every other member, so a damaged or tampered archive is refused before anything is touched.

Restoring replaces the target database's contents with the archive's in one transaction
(PostgreSQL: pg_restore --single-transaction; SQLite: the backup API writing into the target),
then puts back the media files. Nothing here imports an app: it works on whatever tables exist.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

FORMAT_VERSION = 1


class BackupError(Exception):
    """Something a person can act on, in plain English."""


@dataclass
class Database:
    """Where a database is: the engine and the parts of a Django settings dict the tools need."""

    engine: str  # "postgresql" or "sqlite"
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict) -> "Database":
        engine = settings_dict["ENGINE"].rsplit(".", 1)[-1]
        if engine not in ("postgresql", "sqlite3"):
            raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
        return cls(
            engine="sqlite" if engine == "sqlite3" else engine,
            name=str(settings_dict["NAME"]),
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            host=settings_dict.get("HOST") or "",
            port=str(settings_dict.get("PORT") or ""),
        )

    def pg_env(self) -> dict:
        env = dict(os.environ)
        for key, value in (
            ("PGUSER", self.user),
            ("PGPASSWORD", self.password),
            ("PGHOST", self.host),
            ("PGPORT", self.port),
            ("PGDATABASE", self.name),
        ):
            if value:
                env[key] = value
        return env


def _pg_tool(name: str) -> str:
    """pg_dump/pg_restore of PostgreSQL 15 (matching the server), or from SWP_PG_BIN, or on PATH."""
    for folder in (os.environ.get("SWP_PG_BIN"), "/usr/lib/postgresql/15/bin"):
        if folder and (Path(folder) / name).exists():
            return str(Path(folder) / name)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed. On Debian: apt-get install postgresql-client-15.")
    return found


def _run(command: list[str], env: dict | None = None) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[:2000]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_counts(connection) -> dict[str, int]:
    """Rows in every table of a Django connection's database, for the manifest and the drill."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in sorted(tables):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _dump_sqlite(database: Database, target: Path) -> dict[str, int]:
    source = sqlite3.connect(database.name)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # a consistent copy, even while the app writes
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: copy.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    finally:
        copy.close()
        source.close()


def _dump_postgresql(database: Database, target: Path, connection) -> dict[str, int]:
    """pg_dump inside a snapshot we hold open, so the manifest counts exactly what the dump holds."""
    if connection.in_atomic_block:
        raise BackupError(
            "Back up from outside a transaction: the snapshot must be the transaction's first step."
        )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(connection)
        _run(
            [
                _pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ],
            env=database.pg_env(),
        )
    return counts


def backup(*, connection, media_root: Path, output: Path) -> dict:
    """Write the archive to `output` (atomically: a half-written backup never has the final name)."""
    database = Database.from_settings(connection.settings_dict)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if database.engine == "sqlite":
            dump_name = "database.sqlite3"
            counts = _dump_sqlite(database, work / dump_name)
        else:
            dump_name = "database.pgdump"
            counts = _dump_postgresql(database, work / dump_name, connection)
        members = {dump_name: work / dump_name}
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                members[f"media/{path.relative_to(media_root).as_posix()}"] = path
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "engine": database.engine,
            "tables": counts,
            "files": {name: _sha256(path) for name, path in members.items()},
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        partial.replace(output)
    return manifest


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path) as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a backup made by this app ({error}).") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_path} is a backup format this version cannot read.")
    return manifest


def _extract_checked(archive_path: Path, manifest: dict, into: Path) -> None:
    """Unpack every member the manifest lists, refusing the archive if any hash differs."""
    with tarfile.open(archive_path) as archive:
        for name, expected in manifest["files"].items():
            if name.startswith("/") or ".." in Path(name).parts:
                raise BackupError(f"The backup holds an unsafe path: {name}.")
            member = archive.getmember(name)
            if not member.isfile():
                raise BackupError(f"The backup's {name} is not a file.")
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            if _sha256(target) != expected:
                raise BackupError(
                    f"The backup is damaged: {name} does not match its checksum. Nothing was changed."
                )


def restore(*, database: Database, media_root: Path, archive_path: Path) -> dict:
    """Replace the database's contents and the media files with the archive's. Returns the manifest."""
    manifest = read_manifest(archive_path)
    if manifest["engine"] != database.engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; it cannot go into {database.engine}."
        )
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        _extract_checked(archive_path, manifest, work)
        if database.engine == "sqlite":
            source = sqlite3.connect(work / "database.sqlite3")
            target = sqlite3.connect(database.name)
            try:
                source.backup(target)  # replaces the whole target, in one step
            finally:
                target.close()
                source.close()
        else:
            _run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={database.name}",
                    str(work / "database.pgdump"),
                ],
                env=database.pg_env(),
            )
        media = work / "media"
        if media.is_dir():
            for path in media.rglob("*"):
                if path.is_file():
                    target_path = media_root / path.relative_to(media)
                    target_path.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target_path)
    return manifest

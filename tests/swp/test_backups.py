"""Backup and restore drills (INT-11): every table and every uploaded file comes back exactly."""

import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.utils import ConnectionHandler

from swp.backups import BackupError, Database, backup, read_manifest, restore

pytestmark = pytest.mark.django_db


def every_row(cursor, tables) -> dict[str, list[tuple]]:
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


def make_media(root: Path) -> dict[str, bytes]:
    files = {
        "evidence/2020/walkabout-notes.pdf": b"%PDF-1.4 notes \x00\xff",
        "packs/q2 pack r1.pdf": b"%PDF pack",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


@pytest.fixture
def sqlite_db(tmp_path):
    """A small SQLite database with awkward values, wrapped as a Django connection."""
    path = tmp_path / "app.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE action (id INTEGER PRIMARY KEY, ref TEXT, note TEXT, amount REAL, blob BLOB)"
        )
        db.execute("CREATE TABLE reading (id INTEGER PRIMARY KEY, value NUMERIC)")
        db.executemany(
            "INSERT INTO action (ref, note, amount, blob) VALUES (?, ?, ?, ?)",
            [("1.1", "Knife crime — “curly” £5", 1.5, b"\x00\x01"), ("1.2", None, None, None)],
        )
        db.executemany("INSERT INTO reading (value) VALUES (?)", [(261,), (216,)])
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}})
    yield handler["default"], path
    handler.close_all()


def test_sqlite_restore_drill_brings_back_every_row_and_file(sqlite_db, tmp_path):
    django_connection, path = sqlite_db
    media = tmp_path / "media"
    files = make_media(media)
    with sqlite3.connect(path) as db:
        before = every_row(db.cursor(), ["action", "reading"])

    manifest = backup(connection=django_connection, media_root=media, output=tmp_path / "b.tar")
    with sqlite3.connect(path) as db:  # disaster: rows lost and changed, a file deleted
        db.execute("DELETE FROM action WHERE ref = '1.1'")
        db.execute("UPDATE reading SET value = 0")
    (media / "packs/q2 pack r1.pdf").unlink()
    restore(
        database=Database.from_settings(django_connection.settings_dict),
        media_root=media,
        archive_path=tmp_path / "b.tar",
    )

    with sqlite3.connect(path) as db:
        assert every_row(db.cursor(), ["action", "reading"]) == before
    assert {name: (media / name).read_bytes() for name in files} == files
    assert manifest["tables"] == {"action": 2, "reading": 2}


def test_a_damaged_backup_is_refused_and_changes_nothing(sqlite_db, tmp_path):
    django_connection, path = sqlite_db
    backup(connection=django_connection, media_root=tmp_path / "none", output=tmp_path / "b.tar")
    with tarfile.open(tmp_path / "b.tar") as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    dump = tmp_path / "unpacked" / "database.sqlite3"
    with sqlite3.connect(dump) as db:
        db.execute("DELETE FROM action")
    with tarfile.open(tmp_path / "tampered.tar", "w") as archive:
        for name in ("manifest.json", "database.sqlite3"):
            archive.add(tmp_path / "unpacked" / name, arcname=name)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO reading (value) VALUES (3)")

    with pytest.raises(BackupError, match="damaged"):
        restore(
            database=Database.from_settings(django_connection.settings_dict),
            media_root=tmp_path,
            archive_path=tmp_path / "tampered.tar",
        )

    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM reading").fetchone()[0] == 3


def test_not_a_backup_says_so(tmp_path):
    (tmp_path / "notes.tar").write_bytes(b"hello")

    with pytest.raises(BackupError, match="not a backup made by this app"):
        read_manifest(tmp_path / "notes.tar")


def test_restore_asks_for_confirmation_before_replacing_anything(sqlite_db, tmp_path):
    backup(connection=sqlite_db[0], media_root=tmp_path / "none", output=tmp_path / "b.tar")

    with pytest.raises(CommandError, match="run again with --yes"):
        call_command("restore", str(tmp_path / "b.tar"))


@pytest.fixture
def scratch_postgres():
    """An empty PostgreSQL database beside the test database, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    name = f"drill_{uuid.uuid4().hex[:8]}"
    params = connection.get_connection_params()
    admin = psycopg2.connect(**{**params, "dbname": "postgres"})
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield name, params
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_restore_drill_compares_every_table(demo, scratch_postgres, tmp_path):
    name, params = scratch_postgres
    media = tmp_path / "media"
    files = make_media(media)

    manifest = backup(connection=connection, media_root=media, output=tmp_path / "b.tar")
    target = Database.from_settings({**connection.settings_dict, "NAME": name})
    restore(database=target, media_root=tmp_path / "restored-media", archive_path=tmp_path / "b.tar")

    # closing(): psycopg2's own `with` ends the transaction but leaves the connection open, and an
    # open connection to the test database stops pytest-django dropping it at the end of the run.
    with (
        closing(psycopg2.connect(**params)) as live,
        closing(psycopg2.connect(**{**params, "dbname": name})) as copy,
    ):
        tables = sorted(manifest["tables"])
        assert every_row(copy.cursor(), tables) == every_row(live.cursor(), tables)
    assert manifest["tables"]["actions_actionupdate"] > 100  # the demo's updates really were there
    assert {n: (tmp_path / "restored-media" / n).read_bytes() for n in files} == files
    assert_sequences_ahead_of_ids(params, name)
    assert_app_boots_on(params, name)


def assert_sequences_ahead_of_ids(params, name):
    """A new row in the restored database gets a fresh id: no sequence fell behind its table."""
    with closing(psycopg2.connect(**{**params, "dbname": name})) as copy, copy.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
            "AND table_schema = 'public' AND (column_default IS NOT NULL OR is_identity = 'YES')"
        )
        behind, checked = [], 0
        for (table,) in cursor.fetchall():
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            if sequence is None:
                continue
            cursor.execute(f'SELECT (SELECT COALESCE(MAX(id), 0) FROM "{table}"), last_value FROM {sequence}')
            top, last = cursor.fetchone()
            checked += 1
            if last < top:
                behind.append(table)
        assert behind == [] and checked > 20


def assert_app_boots_on(params, name):
    """`migrate --check` on the restored database: the app starts on it with nothing to migrate."""
    host = quote(params.get("host") or "", safe="")
    url = f"postgres://{quote(params.get('user') or 'postgres')}@{host}/{name}"
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"],
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "swp.settings"},
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr

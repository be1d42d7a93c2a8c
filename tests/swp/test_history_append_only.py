"""History only ever grows: on PostgreSQL the database refuses to change or remove it (INT-03)."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from actions.models import Action
from swp.append_only import FUNCTION, history_tables, on_post_migrate, protect_history_tables
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def guarded():
    """The application's view of the database: no maintenance bypass for this transaction."""
    if connection.vendor != "postgresql":
        pytest.skip("The triggers are PostgreSQL's; make test runs this on it")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL swp.allow_history_rewrite = 'off'")


@pytest.fixture
def action(walsall, plan):
    priority = factories.make_priority(plan)
    made = factories.make_action(priority)
    made.objective = "Edited once, so there are two history rows"
    made.save()
    return made


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
        return cursor.fetchone()[0]


def test_every_history_table_of_every_app_is_guarded():
    if connection.vendor != "postgresql":
        pytest.skip("The triggers are PostgreSQL's; make test runs this on it")
    tables = history_tables()
    assert "actions_historicalaction" in tables and "governance_historicalorganisation" in tables
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name LIKE '%%_append_only'"
        )
        guarded_tables = {row[0] for row in cursor.fetchall()}
    assert set(tables) <= guarded_tables
    assert protect_history_tables() == tables  # reinstalling is harmless


def _tables_with_both_triggers() -> set[str]:
    # pg_trigger, since information_schema.triggers does not list TRUNCATE triggers.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE '%%_append_only' "
            "INTERSECT SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE '%%_no_truncate'"
        )
        return {row[0].strip('"') for row in cursor.fetchall()}


def test_a_migrate_guards_every_history_table_once_every_app_has_migrated():
    """As on a fresh database: no triggers at all, then `migrate` (rolled back with the test)."""
    if connection.vendor != "postgresql":
        pytest.skip("The triggers are PostgreSQL's; make test runs this on it")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP FUNCTION {FUNCTION}() CASCADE")  # and every trigger with it
    assert _tables_with_both_triggers() == set()
    on_post_migrate(sender=apps.get_app_config("governance"))  # the first app: others still to come
    assert _tables_with_both_triggers() == set()
    call_command("migrate", verbosity=0, interactive=False)
    assert _tables_with_both_triggers() == set(history_tables())


def test_orm_and_raw_sql_cannot_change_or_remove_history(guarded, action):
    table = Action.history.model._meta.db_table
    before = _count(table)
    attempts = [
        lambda: Action.history.filter(id=action.pk).update(objective="Rewritten"),
        lambda: Action.history.filter(id=action.pk).delete(),
        lambda: connection.cursor().execute(f"UPDATE {table} SET objective = 'Rewritten'"),
        lambda: connection.cursor().execute(f"DELETE FROM {table}"),
        # Deferred foreign-key checks from the rows this test made would block TRUNCATE on their own:
        # settle them first, so the refusal seen is the trigger's.
        lambda: connection.cursor().execute(f"SET CONSTRAINTS ALL IMMEDIATE; TRUNCATE {table}"),
    ]
    for attempt in attempts:
        with pytest.raises(DatabaseError, match="History is append-only"), transaction.atomic():
            attempt()
    assert _count(table) == before
    assert Action.history.filter(id=action.pk, objective="Rewritten").count() == 0


def test_saving_still_adds_history(guarded, action):
    before = action.history.count()
    action.objective = "A further edit"
    action.save()
    assert action.history.count() == before + 1

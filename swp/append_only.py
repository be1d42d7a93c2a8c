"""On PostgreSQL, history tables only ever grow (INT-03 in docs/quality-checks.md).

django-simple-history writes a row to a model's history table on every save and delete. The app
never needs to change or remove one, so the database refuses UPDATE, DELETE and TRUNCATE on every
history table, whatever issues them: the ORM, raw SQL or a psql session with the app's role.

The triggers are (re)installed after every `migrate` (post_migrate, connected in governance/apps.py),
so a history table added later is covered without anyone remembering to write a migration; a test
checks every one has them.

Deliberate maintenance (tests flushing their database between runs, a data-protection erasure
agreed with the information governance team) sets `swp.allow_history_rewrite = 'on'` for its own
session only; nothing in the application sets it. SQLite (development) has no such guard.
"""

from django.apps import AppConfig, apps
from django.db import DEFAULT_DB_ALIAS, connections

BYPASS_SETTING = "swp.allow_history_rewrite"
FUNCTION = "swp_history_is_append_only"

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('{BYPASS_SETTING}', true), '') = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'History is append-only: % on % is not allowed.', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""


def history_tables() -> list[str]:
    """The table of every simple-history historical model in the project."""
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if getattr(model, "_meta", None) and hasattr(model, "instance_type") and hasattr(model, "history_id")
    )


def _trigger_sql(table: str, quoted: str) -> str:
    # Trigger names are per table, so the plain table name (lower case, no quotes needed) is enough.
    return f"""
DROP TRIGGER IF EXISTS {table}_append_only ON {quoted};
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {quoted}
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
DROP TRIGGER IF EXISTS {table}_no_truncate ON {quoted};
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {quoted}
    FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}();
"""


def protect_history_tables(*, using: str = "default") -> list[str]:
    """Install the triggers on every history table (idempotent). Returns the tables covered."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    existing = set(connection.introspection.table_names())
    tables = [table for table in history_tables() if table in existing]
    with connection.cursor() as cursor:
        cursor.execute(_FUNCTION_SQL)
        for table in tables:
            cursor.execute(_trigger_sql(table, connection.ops.quote_name(table)))
    return tables


def on_post_migrate(sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    # migrate sends post_migrate once for each installed app with models, after its whole plan has
    # run. Acting on the last of them installs the triggers once per migrate, with every app's
    # history tables in place, whichever app is last and whatever order the migrations ran in.
    if sender is _last_app_with_models():
        protect_history_tables(using=using)


def _last_app_with_models() -> AppConfig:
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]

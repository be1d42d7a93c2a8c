"""On PostgreSQL, the database itself refuses to change or delete an issued pack.

The model and its QuerySet refuse too; this also stops raw SQL and anything else that goes
around the ORM. SQLite (development) relies on the model-level guard alone.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION reports_issuedpack_is_final() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'An issued board pack cannot be changed or deleted (pack %%).', OLD.id
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reports_issuedpack_is_final
    BEFORE UPDATE OR DELETE ON reports_issuedpack
    FOR EACH ROW WHEN (OLD.state = 'issued')
    EXECUTE FUNCTION reports_issuedpack_is_final();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_issuedpack_is_final ON reports_issuedpack;
DROP FUNCTION IF EXISTS reports_issuedpack_is_final();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]

"""GIN indexes for the actions list's full-text search (actions/search.py), on PostgreSQL only.

They index exactly the expressions the search uses, so the planner can use them. SQLite has no GIN
indexes and searches without them, so there this migration does nothing. The indexes are not in the
models' Meta, so makemigrations never tries to make them on SQLite.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = {
    "Action": GinIndex(
        SearchVector("overall_objective", "objective", "responsible_officer", config="english"),
        name="action_search_idx",
    ),
    "ActionUpdate": GinIndex(
        SearchVector("progress", "recovery_plan", "outcomes", config="english"), name="update_search_idx"
    ),
    "UpdateComment": GinIndex(SearchVector("body", config="english"), name="update_comment_search_idx"),
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES.items():
        schema_editor.add_index(apps.get_model("actions", model_name), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES.items():
        schema_editor.remove_index(apps.get_model("actions", model_name), index)


class Migration(migrations.Migration):
    dependencies = [("actions", "0006_plan_workbook_fields")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]

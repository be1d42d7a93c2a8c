"""Every change to a tracked model leaves a history record (INT-02 in docs/quality-checks.md).

django-simple-history records a change when a model is saved or deleted one at a time (and a
QuerySet.delete(), which deletes one at a time through the collector). QuerySet.update(),
bulk_create(), bulk_update() and raw SQL go around it. This test reads the application's source
and fails on any of those aimed at a tracked model, unless the place is listed below with the
reason its history is still complete. So a new shortcut cannot slip in unnoticed.

The behaviour itself (a history record with before and after, who and when, for the form, the
admin, a spreadsheet import and each service) is tested where each path is:
tests/actions/test_action_history.py, tests/swp/test_admin.py, the update-sheet and plan-workbook
import tests.
"""

import ast
import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
APPS = ("governance", "priorities", "actions", "reports", "swp")
BULK_WRITES = {"update", "bulk_update", "bulk_create"}
WRITE_SQL = re.compile(r"\b(UPDATE|INSERT INTO|DELETE FROM|TRUNCATE)\s+\"?(\w+)")

# (file, model) -> why its history is still complete there.
ALLOWED = {
    ("actions/services/bulk.py", "ActionUpdate"): (
        "the bulk update-sheet path writes the matching history rows itself, in the same transaction"
    ),
    ("actions/services/bulk.py", "Action"): (
        "the bulk update-sheet path writes the matching history rows itself, in the same transaction"
    ),
}


def tracked_models() -> dict[str, str]:
    """Model class name -> table, for every model with django-simple-history."""
    return {
        model.__name__: model._meta.db_table
        for model in apps.get_models()
        if hasattr(model, "history") and not hasattr(model, "instance_type")
    }


def application_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            # Migrations run before any user does anything; the synthetic demo and the benchmark
            # commands make throwaway data to time things with, not anyone's records.
            benchmark = "/management/commands/bench_" in relative
            benchmark |= relative.startswith("reports/demo/synthetic")
            if "/migrations/" in relative or benchmark:
                continue
            yield relative, path.read_text()


def _names_in_chain(node: ast.AST) -> list[str]:
    """The names along a call chain: Action.objects.filter(...).update -> [Action, objects, filter]."""
    names = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return list(reversed(names))
        else:
            return list(reversed(names))


def bulk_writes(source: str, models: dict[str, str]) -> list[tuple[int, str, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr in BULK_WRITES:
            chain = _names_in_chain(node.func.value)
            if chain and chain[0] in models and "objects" in chain:
                found.append((node.lineno, chain[0], node.func.attr))
    return found


def raw_sql_writes(source: str, models: dict[str, str]) -> list[tuple[int, str, str]]:
    found = []
    tables = {table: name for name, table in models.items()}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for verb, table in re.findall(
                r"\b(UPDATE|INSERT INTO|DELETE FROM|TRUNCATE)\s+\"?(\w+)", node.value
            ):
                if table in tables:
                    found.append((node.lineno, tables[table], verb))
    return found


def test_no_application_code_writes_a_tracked_model_around_its_history():
    models = tracked_models()
    assert {"Action", "ActionUpdate", "MeasureReading", "Organisation", "Priority"} <= set(models)
    offences = []
    for relative, source in application_files():
        for line, model, how in bulk_writes(source, models) + raw_sql_writes(source, models):
            if (relative, model) not in ALLOWED:
                offences.append(f"{relative}:{line} {model} {how}")
    assert not offences, (
        "Writes that skip the history (use save(), or list them with a reason):\n" + "\n".join(offences)
    )


def test_the_check_finds_what_it_is_looking_for():
    models = tracked_models()
    source = (
        "Action.objects.filter(plan=p).update(status='complete')\n"
        "ActionUpdate.objects.bulk_create(rows)\n"
        "cursor.execute('UPDATE actions_action SET status = 1')\n"
        "context.update(x=1)\n"
        "Action.history.filter(id=1)\n"
    )
    assert [(model, how) for _, model, how in bulk_writes(source, models)] == [
        ("Action", "update"),
        ("ActionUpdate", "bulk_create"),
    ]
    assert [(model, how) for _, model, how in raw_sql_writes(source, models)] == [("Action", "UPDATE")]

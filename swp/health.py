"""GET /healthz/: whether this process can serve, for load balancers and monitoring. No sign-in.

It is asked every few seconds, so it stays cheap: one query, for the database's list of tables,
which must hold one every page needs (the accounts'), so a database that was emptied or restored
without its schema says so. Whether every migration is applied costs a few milliseconds (the
migration files are read from disk), so it is asked only until it is first true, and remembered
for the life of the process; "not ready" is never remembered, so "ok" comes back as soon as it is.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("swp.errors")
_migrations_applied = False  # per process: once true, a deploy does not take it back


def schema_problem() -> str:
    """What is wrong with the database's tables, in words, or "" when they are ready to serve."""
    global _migrations_applied
    table = apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table
    with connection.cursor() as cursor:  # the one query that answers, if the database can
        if table not in connection.introspection.table_names(cursor):
            return "The database has no tables. Run python manage.py migrate."
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        unapplied = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        if unapplied:
            plural = "s have" if unapplied != 1 else " has"
            return f"{unapplied} migration{plural} not been applied. Run python manage.py migrate."
        _migrations_applied = True
    return ""


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        problem = schema_problem()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable (%s)", type(error).__name__)
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    if problem:
        logger.warning("Health check: %s", problem)
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "schema": "not ready", "reason": problem}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "schema": "ok"})

"""A quarter's updates from a spreadsheet, saved in one go: save_update's rules, row by row, in bulk.

Thousands of rows are written with one prepared statement each for the updates, the actions they
start and their history rows, rather than save() per row; the history written is what save() would
have recorded, and tests compare the two row by row.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import User
from priorities.models import ReportingPeriod
from priorities.signals import announce_plan_changed

from .. import notifications
from ..models import Action, ActionUpdate
from .refusals import Conflict, NotAllowedNow, editable_problem
from .updates import UpdateInput, apply_input, first_submission_reason


@dataclass(frozen=True)
class BulkUpdate:
    """One action's update in a bulk save: what save_update would be called with for it."""

    action: Action
    expected_version: int
    data: UpdateInput
    submit: bool


_UPDATE_FIELDS = [
    *(field for field in UpdateInput.__dataclass_fields__),
    "version",
    "state",
    "submitted_by",
    "submitted_at",
]
_ID_CHUNK = 2000
_WHOLE_PLAN_FROM = 1000


def _chunks(items: list, size: int = _ID_CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def save_updates_in_bulk(
    *, period: ReportingPeriod, by: User, items: Sequence[BulkUpdate]
) -> list[ActionUpdate]:
    """save_update for many actions of one quarter at once: all of them, or (on any exception) none.

    The same rules as save_update, row by row: the version each was read at (Conflict), whether the
    quarter and update can still be changed (NotAllowedNow), the same fields set the same way, field
    validation and ActionUpdate.clean(), a version bump, and a history record naming `by` for every
    update written and for every action whose first submitted update moves it to "in progress"
    (with the same change reason, and its many-to-many snapshot, as save_as would record). The
    database's check constraints remain the last word. Tests compare it with save_update row by row.
    """
    period = ReportingPeriod.objects.select_for_update().select_related("plan").get(pk=period.pk)
    ids = [item.action.pk for item in items]
    if len(set(ids)) != len(ids):
        raise ValueError("Each action may appear only once in a bulk save.")
    actions: dict[int, Action] = {}
    existing: dict[int, ActionUpdate] = {}
    if len(ids) > _WHOLE_PLAN_FROM:
        # Most of a plan: read (and lock) all of it at once, rather than through long lists of ids.
        wanted = set(ids)
        for action in Action.objects.select_for_update().filter(plan_id=period.plan_id):
            if action.pk in wanted:
                actions[action.pk] = action
        for update in ActionUpdate.objects.select_for_update().filter(period=period):
            if update.action_id in wanted:
                existing[update.action_id] = update
    else:
        for chunk in _chunks(ids):
            actions.update(Action.objects.select_for_update().in_bulk(chunk))
            existing.update(
                {
                    update.action_id: update
                    for update in ActionUpdate.objects.select_for_update().filter(
                        period=period, action_id__in=chunk
                    )
                }
            )
    missing = [item.action for item in items if item.action.pk not in actions]
    if missing:
        raise NotAllowedNow(f"Item {missing[0].reference} is not in {period.plan}.")
    now = timezone.now()
    created, changed, started = [], [], []
    for item in items:
        action = actions[item.action.pk]
        if action.plan_id != period.plan_id:
            raise NotAllowedNow(f"Item {action.reference} is not in {period.plan}.")
        update = existing.get(action.pk)
        if (update.version if update else 0) != item.expected_version:
            raise Conflict(update)
        problem = editable_problem(update, period)
        if problem:
            raise NotAllowedNow(f"Item {action.reference}: {problem}")
        if update is None:
            update = ActionUpdate(action=action, period=period, version=0)
            created.append(update)
        else:
            update.action, update.period = action, period
            changed.append(update)
        apply_input(update, item.data, submit=item.submit, by=by, now=now)
        update._history_user = by
        update.clean_fields(exclude=["action", "period", "submitted_by", "reviewed_by"])
        update.clean()
        if item.submit and action.status == Action.Status.NOT_STARTED:
            action.status = Action.Status.IN_PROGRESS
            action.version += 1
            action._history_user = by
            action._change_reason = first_submission_reason(period)
            started.append(action)
    if created:
        _insert_rows(ActionUpdate, created)
        new_ids = _new_ids(period, created)
        for update in created:
            update.pk = new_ids[update.action_id]
            update._state.adding = False
        _insert_history(ActionUpdate, created, by=by, history_type="+", now=now)
    if changed:
        _update_rows(ActionUpdate, changed, _UPDATE_FIELDS)
        _insert_history(ActionUpdate, changed, by=by, history_type="~", now=now)
    if started:
        # Every one moves from not started to in progress, a version on, as the objects now say.
        quote = connection.ops.quote_name
        _run_many(
            f"UPDATE {quote(Action._meta.db_table)} SET {quote('status')} = %s, {quote('version')} = %s "
            f"WHERE {quote('id')} = %s AND {quote('status')} = %s",
            [[action.status, action.version, action.pk, Action.Status.NOT_STARTED] for action in started],
        )
        records = _insert_history(
            Action, started, by=by, history_type="~", now=now, reason=first_submission_reason(period)
        )
        _record_m2m_history(started, records)
    submitted = [item.action.pk for item in items if item.submit]
    notifications.updates_submitted(period=period, action_ids=submitted, by=by)
    if created or changed:
        announce_plan_changed(plan_id=period.plan_id)
    return created + changed


def _new_ids(period: ReportingPeriod, created: list[ActionUpdate]) -> dict[int, int]:
    """{action id: update id} for updates just inserted (one per action in the quarter)."""
    if len(created) > _WHOLE_PLAN_FROM:
        return dict(ActionUpdate.objects.filter(period=period).values_list("action_id", "id"))
    found = {}
    for chunk in _chunks([update.action_id for update in created]):
        found.update(
            ActionUpdate.objects.filter(period=period, action_id__in=chunk).values_list("action_id", "id")
        )
    return found


# Writing many rows at once. QuerySet.bulk_create and bulk_update build a model instance or a CASE
# expression per row and field, which takes seconds for thousands of rows; these run one prepared
# statement for every row instead, with each field's own conversion to a database value.
# django-simple-history's bulk_create_with_history and bulk_update_with_history, tried for issue 14,
# wrote the same history but took 7.6 s of CPU for 10,000 new updates and 19.6 s for 10,000 changed
# ones, against 1.5 s and 1.0 s here (SQLite, a quiet machine): a 10,000-row sheet of changes would
# take more than its 15 s on its own.


# Values these fields hold are already what the database adapters take; others go through the field.
_AS_THEY_ARE = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.ForeignKey,
)


def _preparers(fields, db) -> list:
    return [
        None if isinstance(field, _AS_THEY_ARE) else partial(_prepare_with, field, db) for field in fields
    ]


def _prepare_with(field, db, value):
    return field.get_db_prep_save(value, db)


def _prepared(prep, value):
    return value if prep is None or value is None else prep(value)


def _run_many(sql: str, rows: list[list]) -> None:
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 1000):
            cursor.executemany(sql, chunk)


def _insert_rows(model, objs: list) -> None:
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: the proxy costs a lookup per value
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    for obj in objs:
        for field in fields:
            field.pre_save(obj, add=True)  # auto_now_add and the like, as save() would
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    preparers = _preparers(fields, db)
    _run_many(
        sql,
        [
            [_prepared(prep, getattr(obj, f.attname)) for f, prep in zip(fields, preparers, strict=True)]
            for obj in objs
        ],
    )


def _update_rows(model, objs: list, names: list[str]) -> None:
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: the proxy costs a lookup per value
    fields = [model._meta.get_field(name) for name in names]
    preparers = _preparers(fields, db)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    _run_many(
        sql,
        [
            [_prepared(prep, getattr(obj, f.attname)) for f, prep in zip(fields, preparers, strict=True)]
            + [obj.pk]
            for obj in objs
        ],
    )


def _insert_history(
    model, objs: list, *, by: User, history_type: str, now: datetime, reason: str | None = None
) -> dict:
    """The historical rows save() would record for these objects (as saved); {object id: history id}."""
    db = connections[DEFAULT_DB_ALIAS]
    history = model.history.model
    fields = [field for field in history._meta.concrete_fields if not field.primary_key]
    extra = {
        "history_date": now,
        "history_user_id": by.pk,
        "history_change_reason": reason,
        "history_type": history_type,
    }
    preparers = _preparers(fields, db)
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    _run_many(
        sql,
        [
            [
                _prepared(prep, extra[f.attname] if f.attname in extra else getattr(obj, f.attname))
                for f, prep in zip(fields, preparers, strict=True)
            ]
            for obj in objs
        ],
    )
    if not getattr(history, "_history_m2m_fields", None):
        return {}  # only the many-to-many snapshot needs the new rows' ids
    written = history.objects.filter(history_date=now, history_type=history_type)
    if len(objs) > _WHOLE_PLAN_FROM:
        wanted = {obj.pk for obj in objs}
        return {pk: history_id for pk, history_id in written.values_list("id", "history_id") if pk in wanted}
    found = {}
    for chunk in _chunks([obj.pk for obj in objs]):
        found.update(written.filter(id__in=chunk).values_list("id", "history_id"))
    return found


def _record_m2m_history(actions: list[Action], records: dict[int, int]) -> None:
    """The many-to-many snapshot simple-history takes on save(), for historical actions made in bulk."""
    for field in Action.history.model._history_m2m_fields:
        m2m_history = HistoricalRecords.m2m_models[field]
        through = field.remote_field.through
        source = field.m2m_field_name()
        names = [f.attname for f in through._meta.fields]  # ids: no query per related row
        if len(records) > _WHOLE_PLAN_FROM:
            plan_ids = {action.plan_id for action in actions}
            links = through.objects.filter(**{f"{source}__plan_id__in": plan_ids})
        else:
            links = (
                row
                for chunk in _chunks(list(records))
                for row in through.objects.filter(**{f"{source}_id__in": chunk})
            )
        rows = []
        for row in links:
            history_id = records.get(getattr(row, f"{source}_id"))
            if history_id is not None:
                rows.append(
                    m2m_history(history_id=history_id, **{name: getattr(row, name) for name in names})
                )
        m2m_history.objects.bulk_create(rows, batch_size=500)

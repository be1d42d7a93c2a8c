"""Every write to actions and their updates goes through here.

Each function is keyword-only, takes the acting user, runs in one transaction and saves with
save(), so django-simple-history records who changed what. Lost updates are prevented by a
version number checked under select_for_update(): a caller passes the version its form was
built from, and if someone else saved in the meantime it gets a Conflict carrying the row as
it now is, and nothing is written.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import User
from priorities.models import ReportingPeriod
from swp.history import save_as

from .models import Action, ActionUpdate, Rag, UpdateComment, UpdateEvidence


class Conflict(Exception):
    """Someone else saved first. `current` is the row as it now is (None if it was never saved)."""

    def __init__(self, current: ActionUpdate | None):
        super().__init__("Someone else saved this update after you opened it.")
        self.current = current


class NotAllowedNow(Exception):
    """The workflow does not allow this now (a locked quarter, an accepted update); message says why."""


@dataclass(frozen=True)
class UpdateInput:
    rag: str
    progress: str
    recovery_plan: str = ""
    outcomes: str = ""
    marks_complete: bool = False
    proposed_deadline: date | None = None
    deadline_change_reason: str = ""


def _lock_update(update: ActionUpdate, expected_version: int) -> ActionUpdate:
    locked = ActionUpdate.objects.select_for_update().select_related("action", "period").get(pk=update.pk)
    if locked.version != expected_version:
        raise Conflict(locked)
    return locked


def editable_problem(update: ActionUpdate | None, period: ReportingPeriod) -> str | None:
    """Why the owner cannot change this quarter's update now, or None if they can."""
    if period.status == ReportingPeriod.Status.PLANNED:
        return f"{period.label} is not open for updates yet."
    if period.status == ReportingPeriod.Status.LOCKED:
        return f"{period.label} is locked: updates can no longer be changed."
    if update is not None and update.state == ActionUpdate.State.ACCEPTED:
        return "The secretary has accepted this update, so it can no longer be changed."
    return None


@transaction.atomic
def save_update(
    *,
    action: Action,
    period: ReportingPeriod,
    by: User,
    expected_version: int,
    data: UpdateInput,
    submit: bool,
) -> ActionUpdate:
    """Save the quarter's update as a draft or submit it for review. expected_version is 0 for a new one."""
    # Locking the action serialises every write to its updates, including the first one.
    action = Action.objects.select_for_update().get(pk=action.pk)
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    update = ActionUpdate.objects.filter(action=action, period=period).first()
    if (update.version if update else 0) != expected_version:
        raise Conflict(update)
    problem = editable_problem(update, period)
    if problem:
        raise NotAllowedNow(problem)
    if update is None:
        update = ActionUpdate(action=action, period=period, version=0)
    _apply_input(update, data, submit=submit, by=by, now=timezone.now())
    save_as(update, by=by)
    if submit and action.status == Action.Status.NOT_STARTED:
        action.status = Action.Status.IN_PROGRESS
        action.version += 1
        save_as(action, by=by, reason=first_submission_reason(period))
    return update


def stored_values(data: UpdateInput) -> dict:
    """The fields as save_update stores them: no recovery plan when green, no reason without a deadline."""
    values = dict(data.__dict__)
    if data.rag == Rag.GREEN:
        values["recovery_plan"] = ""
    if not data.proposed_deadline:
        values["deadline_change_reason"] = ""
    return values


def first_submission_reason(period: ReportingPeriod) -> str:
    return f"First update submitted for {period.label}"


def _apply_input(update: ActionUpdate, data: UpdateInput, *, submit: bool, by: User, now) -> None:
    """What save_update and save_updates_in_bulk both do to an update: one set of rules for both."""
    for field, value in stored_values(data).items():
        setattr(update, field, value)
    update.version += 1
    if submit:
        update.state = ActionUpdate.State.SUBMITTED
        update.submitted_by = by
        update.submitted_at = now
    else:
        # A returned or submitted update saved as a draft goes back to its owner's desk.
        update.state = ActionUpdate.State.DRAFT


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


def _chunks(items: list, size: int = _ID_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def save_updates_in_bulk(
    *, period: ReportingPeriod, by: User, items: Sequence[BulkUpdate], batch_size: int = 500
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
        _apply_input(update, item.data, submit=item.submit, by=by, now=now)
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
    return created + changed


_WHOLE_PLAN_FROM = 1000


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
    model, objs: list, *, by: User, history_type: str, now, reason: str | None = None
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


@transaction.atomic
def accept_update(*, update: ActionUpdate, by: User, expected_version: int) -> ActionUpdate:
    """Accept a submitted update. A completion or new deadline it proposes then takes effect on the action."""
    update = _lock_update(update, expected_version)
    if update.state != ActionUpdate.State.SUBMITTED:
        raise NotAllowedNow("Only a submitted update can be accepted.")
    if update.period.status == ReportingPeriod.Status.LOCKED:
        raise NotAllowedNow(f"{update.period.label} is locked. Reopen it to review updates.")
    update.state = ActionUpdate.State.ACCEPTED
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.version += 1
    save_as(update, by=by)
    action = Action.objects.select_for_update().get(pk=update.action_id)
    reasons = []
    if update.marks_complete and action.status != Action.Status.COMPLETE:
        action.status = Action.Status.COMPLETE
        reasons.append(f"Marked complete in the accepted {update.period.label} update")
    if update.proposed_deadline and update.proposed_deadline != action.deadline:
        action.deadline = update.proposed_deadline
        reasons.append(
            f"Deadline revised in the accepted {update.period.label} update: {update.deadline_change_reason}"
        )
    if reasons:
        action.version += 1
        save_as(action, by=by, reason="; ".join(reasons))
    return update


@transaction.atomic
def return_update(*, update: ActionUpdate, by: User, expected_version: int, comment: str) -> ActionUpdate:
    """Send a submitted update back to its owner with the secretary's comment, which joins its thread."""
    update = _lock_update(update, expected_version)
    if update.state != ActionUpdate.State.SUBMITTED:
        raise NotAllowedNow("Only a submitted update can be returned.")
    if update.period.status == ReportingPeriod.Status.LOCKED:
        raise NotAllowedNow(f"{update.period.label} is locked. Reopen it to review updates.")
    update.state = ActionUpdate.State.RETURNED
    update.review_comment = comment
    update.reviewed_by = by
    update.reviewed_at = timezone.now()
    update.version += 1
    save_as(update, by=by)
    UpdateComment.objects.create(update=update, author=by, body=f"Returned: {comment}")
    return update


@transaction.atomic
def add_comment(*, update: ActionUpdate, by: User, body: str) -> UpdateComment:
    comment = UpdateComment(update=update, author=by, body=body.strip())
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def add_evidence(
    *, update: ActionUpdate, by: User, upload: UploadedFile, content_type: str
) -> UpdateEvidence:
    """Store a file already checked by EvidenceForm. content_type is what its content was found to be."""
    problem = editable_problem(update, update.period)
    if problem:
        raise NotAllowedNow(problem)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    evidence = UpdateEvidence(
        update=update,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=by,
    )
    evidence.file.save(upload.name, upload, save=False)
    save_as(evidence, by=by)
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: UpdateEvidence, by: User) -> None:
    problem = editable_problem(evidence.update, evidence.update.period)
    if problem:
        raise NotAllowedNow(problem)
    stored = evidence.file
    evidence._history_user = by
    evidence.delete()
    # The file goes only once the row's removal is committed, so a rollback never loses it.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))

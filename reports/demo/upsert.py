"""How the demo is written so that loading it again writes nothing, not even a history row.

Every record is found by its natural key and saved only when a field differs; many-to-many links
are set only when they differ. LoadReport counts what was written, for load_demo to say.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

CHANGE_REASON = "Loaded from the Safer Walsall Partnership Plan 2020"
LONDON = ZoneInfo("Europe/London")


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    links: int = 0  # many-to-many links set (themes, responsible organisations)

    def count(self, bucket: dict[str, int], model: type[models.Model]) -> None:
        name = model._meta.verbose_name_plural
        bucket[name] = bucket.get(name, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.links)


def upsert(report: LoadReport, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Find by natural key; create, or save only the fields that differ."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.count(report.created, model)
        return obj
    changed = [name for name, value in values.items() if _field_value(obj, name) != _comparable(value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.count(report.updated, model)
    return obj


def _field_value(obj: models.Model, name: str) -> Any:
    field_ = obj._meta.get_field(name)
    if field_.is_relation:
        return getattr(obj, field_.attname)
    return getattr(obj, name)


def _comparable(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def set_m2m(report: LoadReport, manager: Any, objects: Iterable[models.Model]) -> None:
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)
        report.links += 1


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def without(data: dict, *keys: str) -> dict:
    return {k: v for k, v in data.items() if k not in keys}

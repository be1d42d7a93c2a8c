"""Saving a tracked model so its history names who did it, shared by every app's services."""

from django.db import models


def save_as(obj: models.Model, *, by, reason: str = "") -> None:
    """full_clean() and save(), with the actor (and why, if given) on the history record.

    Named explicitly rather than taken from the request, so commands and imports record the actor too.
    """
    obj._history_user = by
    if reason:
        obj._change_reason = reason
    obj.full_clean()
    obj.save()

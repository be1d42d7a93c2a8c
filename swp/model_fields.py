"""FreeTextField: a TextField people type into, with its limit (swp/text_limits.py) enforced by the model."""

from django.db import models

from . import forms as swp_forms
from .text_limits import WithinLimit, strip_invisible


class FreeTextField(models.TextField):
    """Free text with a limit (`max_length`, one of swp.text_limits' constants), in a plain text column.

    full_clean() refuses longer text and takes out invisible characters (clean_fields keeps what
    to_python gives), so every path that cleans the model (the admin, spreadsheet imports, services)
    keeps to the same rule. Forms made from it use swp.forms.FreeTextField, which does the same.

    Migrations see a TextField with a WithinLimit validator: validators are not part of the column,
    so adding or changing a limit alters no table (SQLite would otherwise copy each one).
    """

    def __init__(self, *args, max_length: int | None = None, validators=(), **kwargs):
        others = [v for v in validators if not isinstance(v, WithinLimit)]
        if max_length is None:  # made again from deconstruct(), which gives the limit as a validator
            max_length = next(v.limit for v in validators if isinstance(v, WithinLimit))
        super().__init__(
            *args, max_length=max_length, validators=[*others, WithinLimit(max_length)], **kwargs
        )

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, "django.db.models.TextField", args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        # Only what cannot be seen: spacing and line endings are the form's business (swp.forms).
        return strip_invisible(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": swp_forms.FreeTextField, **kwargs})

"""SafeModelResource: a ModelResource with the house rules, and the lookups made once per import.

An explicit field allowlist, natural keys, all-or-nothing imports (`clean_model_instances`, and
`rollback_on_validation_errors` passed by the admin), unchanged rows skipped and reported, a natural
key repeated in one file reported as an error on the later row, blank rows skipped, errors named by
the column headings people see, and version counters bumped on change.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist, ValidationError
from import_export import resources
from import_export.results import RowResult

from swp.sheets.values import is_blank, words

T = TypeVar("T")

_lookups: ContextVar[dict | None] = ContextVar("import_lookups", default=None)


def cached_lookup(key: tuple, find: Callable[[], T]) -> T:
    """find(), remembered for the rest of the current import (a plan, a period, a person by email).

    Rows of one file name the same few plans and periods again and again; this saves a query or
    more per column per row. Nothing is remembered outside an import, nor after it ends.
    """
    cache = _lookups.get()
    if cache is None:
        return find()
    if key not in cache:
        cache[key] = find()
    return cache[key]


class SafeModelResource(resources.ModelResource):
    """A ModelResource with the house rules; subclasses list `fields` and natural `import_id_fields`."""

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        skip_html_diff = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._seen_keys: dict[tuple, int] = {}
        self._duplicate_of: int | None = None

    def import_data(self, dataset, *args, **kwargs):
        token = _lookups.set({})
        try:
            return super().import_data(dataset, *args, **kwargs)
        finally:
            _lookups.reset(token)

    def before_import(self, dataset, **kwargs):
        self._seen_keys = {}
        missing = [
            self.fields[name].column_name
            for name in self.get_import_id_fields()
            if self.fields[name].column_name not in (dataset.headers or [])
        ]
        if missing:
            listed = ", ".join(f"“{column}”" for column in missing)
            raise ValidationError(
                f"The file has no column headed {listed}. Export a file to see the headings"
            )

    def natural_key_text(self, row) -> tuple:
        return tuple(words(row.get(self.fields[name].column_name)) for name in self.get_import_id_fields())

    def before_import_row(self, row, **kwargs):
        key = self.natural_key_text(row)
        number = kwargs.get("row_number")
        self._duplicate_of = None
        if any(key):
            if key in self._seen_keys:
                self._duplicate_of = self._seen_keys[key]
            else:
                self._seen_keys[key] = number

    def import_row(self, row, instance_loader, **kwargs):
        if all(is_blank(value) for value in row.values()):
            skipped = self.get_row_result_class()()
            skipped.import_type = RowResult.IMPORT_TYPE_SKIP
            return skipped
        return super().import_row(row, instance_loader, **kwargs)

    def get_instance(self, instance_loader, row):
        # A natural key that does not resolve (an unknown plan or reference) means a new record, whose
        # field errors then say what is wrong; never an unexplained crash on the row.
        try:
            return super().get_instance(instance_loader, row)
        except (ValueError, ValidationError, ObjectDoesNotExist, MultipleObjectsReturned, TypeError):
            return None

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self._duplicate_of is not None:
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if self._duplicate_of is not None:
            columns = " and ".join(f"“{self.fields[n].column_name}”" for n in self.get_import_id_fields())
            errors.setdefault(self.fields[self.get_import_id_fields()[-1]].attribute, []).append(
                ValidationError(f"Row {self._duplicate_of} already has the same {columns}: each record once")
            )
        try:
            super().validate_instance(instance, errors or None, validate_unique)
        except ValidationError as error:
            raise ValidationError(self._by_column(error)) from None

    def _by_column(self, error: ValidationError) -> dict:
        """Errors keyed by the column headings people see, not the model's field names."""
        columns = {field.attribute: field.column_name for field in self.fields.values() if field.attribute}
        messages_by_column: dict[str, list] = {}
        for name, problems in error.message_dict.items():
            column = columns.get(name, "Row" if name == "__all__" else name.replace("_", " ").capitalize())
            messages_by_column.setdefault(column, []).extend(problems)
        return messages_by_column

    def before_save_instance(self, instance, row, **kwargs):
        # An imported change is an edit: a form opened before it must see that it is stale.
        if not instance._state.adding and hasattr(instance, "version"):
            instance.version += 1

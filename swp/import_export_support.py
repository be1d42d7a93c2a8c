"""django-import-export in the admin, made safe (issue 6; SECURITY-CHECKLIST SEC-12 to 14, INT-04 to 06).

What the library does not do on its own, and this module does:

- Resources (SafeModelResource): an explicit field allowlist, natural keys, all-or-nothing imports
  (`clean_model_instances`, and `rollback_on_validation_errors` passed by the admin), unchanged rows
  skipped and reported, a natural key repeated in one file reported as an error on the later row,
  blank rows skipped, and version counters bumped on change.
- Widgets: thin adapters over swp/sheets/values.py: text with the export's protective apostrophe
  taken off again, UK dates and date-times, RAG, Yes/No, choices by value or label, numbers with £
  and thousands commas: each refuses what it cannot read, in plain English, never a guess.
- Formats (SafeCSV, SafeXLSX): read with swp/sheets/reading.py (CSV in UTF-8 or Windows-1252; XLSX
  with openpyxl in read-only mode, defusedxml underneath); written with swp/sheets/writing.py, so
  every text cell is neutralised and a string cell, numbers stay numbers and dates are UK dates
  (ADMIN_EXPORT). The library's IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT only strips one leading "="
  (and turns every number into text), so it is not relied on. Only these two formats are offered.
- Forms: the upload passes swp/sheets/uploads.check_spreadsheet_upload before anything parses it;
  the confirm step's hidden file name carries an HMAC of the uploader, the model and the format,
  so it cannot be pointed at someone else's pending upload (INT-06).
- The admin mixin (SafeImportExportMixin): the above, a failed import that says so (never
  "imported 99 rows"), and import and export events in the security log (SEC-17).

No app imports: the resources that know the models live in each app's resources.py.
"""

import hmac
import logging
from contextvars import ContextVar

import tablib
from django.contrib import messages
from django.core.exceptions import (
    MultipleObjectsReturned,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.crypto import salted_hmac
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.results import RowResult

from .security_log import security_event
from .sheets.reading import csv_rows, xlsx_rows
from .sheets.uploads import UploadRefused, check_spreadsheet_upload
from .sheets.values import (
    CellError,
    is_blank,
    parse_choice,
    parse_number,
    parse_rag,
    parse_uk_date,
    parse_uk_datetime,
    parse_yes_no,
    text,
)
from .sheets.writing import ADMIN_EXPORT, CSV_CONTENT_TYPE, csv_bytes, local_time, xlsx_bytes

logger = logging.getLogger(__name__)

# Lookups made once per import ---------------------------------------------------------------------

_lookups: ContextVar[dict | None] = ContextVar("import_lookups", default=None)


def cached_lookup(key: tuple, find):
    """find(), remembered for the rest of the current import (a plan, a period, a person by email).

    Rows of one file name the same few plans and periods again and again; this saves a query or
    more per column per row. Only what was found is remembered, and only until the import ends.
    """
    cache = _lookups.get()
    if cache is None:
        return find()
    if key not in cache:
        cache[key] = find()
    return cache[key]


# Widgets ------------------------------------------------------------------------------------------


class TextWidget(widgets.Widget):
    """Free text: trimmed, Windows line endings made plain, the export's one apostrophe removed."""

    def clean(self, value, row=None, **kwargs):
        return text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class UKDateWidget(widgets.Widget):
    """A date: an Excel date cell, or text written the UK way (31/03/2023, 1/4/22, ISO)."""

    def clean(self, value, row=None, **kwargs):
        return parse_uk_date(value)

    def render(self, value, obj=None, **kwargs):
        return value  # a date: XLSX writes a date cell, CSV writes 31/03/2023


class UKDateTimeWidget(widgets.Widget):
    """A moment: an Excel date-time cell or '31/03/2023 14:05:09' (UK time), kept to the second."""

    def clean(self, value, row=None, **kwargs):
        return parse_uk_datetime(value)

    def render(self, value, obj=None, **kwargs):
        return None if value is None else local_time(value)


class NumberWidget(widgets.Widget):
    """A number, allowing £, thousands commas and a trailing %; kept a number in the file."""

    def __init__(self, *, whole: bool = False):
        super().__init__(coerce_to_string=False)
        self.whole = whole

    def clean(self, value, row=None, **kwargs):
        number = parse_number(value)
        if number is None or not self.whole:
            return number
        if number != number.to_integral_value():
            raise CellError(f"“{text(value)}” is not a whole number")
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return value


class YesNoWidget(widgets.Widget):
    """Yes or No (Y/N, True/False, 1/0, x or ✓); blank is No."""

    def clean(self, value, row=None, **kwargs):
        return bool(parse_yes_no(value))

    def render(self, value, obj=None, **kwargs):
        return bool(value)


class ChoiceWidget(widgets.Widget):
    """One of a field's choices, written as its label; read back from its label or its stored value."""

    def __init__(self, choices, *, blank: bool = False):
        super().__init__()
        self.choices = [(str(stored), str(label)) for stored, label in choices]
        self.blank = blank

    def clean(self, value, row=None, **kwargs):
        return parse_choice(value, self.choices)

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class RagWidget(ChoiceWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_rag(value)


class LookupWidget(widgets.Widget):
    """Base for a related record found by a natural key within the row's own partnership or plan.

    Subclasses implement `find(key, row)` (return the object or raise CellError) and `key_of(obj)`.
    An import can never reach another partnership's record: lookups are always scoped.
    """

    def clean(self, value, row=None, **kwargs):
        key = " ".join(text(value).split())
        if not key:
            return None
        try:
            return self.find(key, row or {})
        except MultipleObjectsReturned:
            raise CellError(f"“{key}” matches more than one record: use its full name") from None

    def find(self, key, row):  # pragma: no cover - abstract
        raise NotImplementedError

    def key_of(self, obj):  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.key_of(value)


def whole_number(value, what: str) -> int:
    """A number identifying something (a plan ID, a priority number): '3', 3, 3.0 are all 3."""
    try:
        number = parse_number(value)
    except CellError:
        number = None
    if number is None or number != number.to_integral_value() or number < 0:
        raise CellError(f"{what} must be a whole number, not “{text(value)}”")
    return int(number)


# Resources ----------------------------------------------------------------------------------------


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

    # Import -------------------------------------------------------------------------------------

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
        return tuple(
            " ".join(text(row.get(self.fields[name].column_name)).split()).lower()
            for name in self.get_import_id_fields()
        )

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


# Formats ------------------------------------------------------------------------------------------


def _rows_to_dataset(rows) -> tablib.Dataset:
    """A dataset from the first row's headings and the rows after it (trailing blank rows dropped)."""
    rows = list(rows)
    while rows and rows[-1].is_blank():
        rows.pop()
    if not rows:
        return tablib.Dataset()
    headers = [text(heading) for heading in rows[0].cells]
    while headers and not headers[-1]:
        headers.pop()
    dataset = tablib.Dataset(headers=headers)
    width = len(headers)
    for row in rows[1:]:
        cells = list(row.cells)
        extra = [value for value in cells[width:] if not is_blank(value)]
        if extra:
            raise UploadRefused(
                f"Row {row.number} has a value in a column with no heading. "
                "Give the column a heading or delete the value"
            )
        dataset.append((cells + [None] * width)[:width])
    return dataset


class SafeCSV(base_formats.CSV):
    """CSV in and out, read as bytes so Windows-1252 files work as well as UTF-8 ones."""

    CONTENT_TYPE = CSV_CONTENT_TYPE

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        data = in_stream.encode("utf-8") if isinstance(in_stream, str) else in_stream
        return _rows_to_dataset(csv_rows(data))

    def export_data(self, dataset, **kwargs):
        return csv_bytes(dataset.headers or [], dataset, kind=ADMIN_EXPORT)


class SafeXLSX(base_formats.XLSX):
    """XLSX in and out: no cell is ever written as a formula."""

    def create_dataset(self, in_stream, **kwargs):
        return _rows_to_dataset(xlsx_rows(in_stream))

    def export_data(self, dataset, **kwargs):
        return xlsx_bytes(dataset.headers or [], dataset, title=dataset.title or "Export", kind=ADMIN_EXPORT)


SAFE_FORMATS = [SafeCSV, SafeXLSX]


# Forms --------------------------------------------------------------------------------------------


class CheckedImportForm(ImportForm):
    """The upload is checked (size, type, ZIP bomb, macros, DTD) before d-i-e reads a byte of it."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats = formats
        self.fields["import_file"].help_text = "An Excel workbook (.xlsx) or CSV file, up to 10 MB"

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            self.detected_format = check_spreadsheet_upload(upload, name=upload.name, size=upload.size)
        except UploadRefused as refusal:
            self.refusal = str(refusal)
            raise ValidationError(str(refusal)) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        detected = getattr(self, "detected_format", None)
        if detected:
            # The file's content decides how it is read, whatever format was picked.
            for index, fmt in enumerate(self._formats):
                if fmt().get_title() == detected:
                    cleaned["format"] = str(index)
                    self.errors.pop("format", None)
        return cleaned


def sign_import_file(*, user, model_label: str, fmt: str, name: str) -> str:
    data = f"{user.pk}|{model_label}|{fmt}|{name}"
    return salted_hmac("swp.import_export_support.import_file", data, algorithm="sha256").hexdigest()


class SignedConfirmImportForm(ConfirmImportForm):
    """The confirm step: the hidden file name must carry the uploader's own signature (INT-06)."""

    TAMPERED = "This upload has expired or is not yours. Upload the file again"

    def __init__(self, *args, user=None, model_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.model_label = model_label

    def clean_import_file_name(self):
        return self.cleaned_data["import_file_name"]  # checked with the format in clean()

    def clean(self):
        cleaned = super().clean()
        signed = cleaned.get("import_file_name", "")
        name, _, signature = signed.rpartition(":")
        fmt = cleaned.get("format", "")
        valid = (
            self.user is not None
            and name
            and "/" not in name
            and "\\" not in name
            and name not in (".", "..")
            and hmac.compare_digest(
                signature, sign_import_file(user=self.user, model_label=self.model_label, fmt=fmt, name=name)
            )
        )
        if not valid:
            self.tampered = True
            raise ValidationError(self.TAMPERED)
        cleaned["import_file_name"] = name
        return cleaned


# The admin ----------------------------------------------------------------------------------------


def confirm_name(request) -> str:
    return request.POST.get("original_file_name", "")[:200] if request.method == "POST" else ""


class SafeImportExportMixin(ImportExportMixin):
    """Import and export for a ModelAdmin, with the checks above. Put it before SimpleHistoryAdmin."""

    formats = SAFE_FORMATS
    import_form_class = CheckedImportForm
    confirm_form_class = SignedConfirmImportForm
    import_error_display = ("message",)
    skip_admin_log = False

    def _label(self) -> str:
        return self.model._meta.label

    # Import: the upload and the preview --------------------------------------------------------

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, (UploadRefused, CellError)):
            form.add_error("import_file", str(e))
        else:
            logger.warning("Could not read an uploaded spreadsheet: %s", type(e).__name__)
            form.add_error("import_file", "The file could not be read. Save it again as .xlsx or CSV")

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if request.method == "POST" and hasattr(response, "context_data"):
            form = response.context_data.get("form")
            result = response.context_data.get("result")
            upload = request.FILES.get("import_file")
            # The file's name and what happened; never its contents (SEC-17).
            filename = getattr(upload, "name", "")
            if form is not None and form.errors:
                reason = getattr(form, "refusal", "") or "the form was not filled in correctly"
                security_event(
                    "import_refused", request=request, reason=reason, filename=filename, level=logging.WARNING
                )
            elif result is not None:
                security_event(
                    "import_previewed",
                    request=request,
                    rows=result.total_rows,
                    status="invalid" if result.has_errors() or result.has_validation_errors() else "valid",
                    format=getattr(form, "detected_format", ""),
                    filename=filename,
                )
        return response

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        # All or nothing: one invalid row and nothing is saved (INT-04).
        kwargs["rollback_on_validation_errors"] = True
        kwargs["use_transactions"] = True
        return kwargs

    # Import: the confirm step -----------------------------------------------------------------

    def get_confirm_form_kwargs(self, request, import_form=None):
        kwargs = super().get_confirm_form_kwargs(request, import_form)
        kwargs["user"] = request.user
        kwargs["model_label"] = self._label()
        return kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            name = initial["import_file_name"].replace("\\", "/").rsplit("/", 1)[-1]
            signature = sign_import_file(
                user=request.user, model_label=self._label(), fmt=str(initial["format"]), name=name
            )
            initial["import_file_name"] = f"{name}:{signature}"
        return initial

    def process_import(self, request, **kwargs):
        if request.method != "POST":
            return super().process_import(request, **kwargs)  # 405
        if not self.has_import_permission(request):
            security_event(
                "import_refused", request=request, reason="no import permission", level=logging.WARNING
            )
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            security_event(
                "import_refused",
                request=request,
                reason="confirm step does not match the upload",
                level=logging.WARNING,
            )
            raise PermissionDenied(SignedConfirmImportForm.TAMPERED)
        try:
            return super().process_import(request, **kwargs)
        except PermissionDenied:
            raise
        except Exception:
            # Nothing was committed: import_data runs in one transaction, rolled back by the error.
            logger.exception("Admin import of %s failed", self._label())
            return self._import_failed(request, reason="the import stopped with an error")

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            return self._import_failed(
                request,
                reason="rows failed" if not result.has_errors() else "the import stopped with an error",
                rows=result.total_rows,
            )
        totals = result.totals
        security_event(
            "import",
            request=request,
            filename=confirm_name(request),
            rows=result.total_rows,
            changes=(
                f"new={totals[RowResult.IMPORT_TYPE_NEW]} updated={totals[RowResult.IMPORT_TYPE_UPDATE]} "
                f"skipped={totals[RowResult.IMPORT_TYPE_SKIP]}"
            ),
        )
        return super().process_result(result, request)

    def _import_failed(self, request, *, reason: str, rows=None):
        details = {"rows": rows} if rows is not None else {}
        security_event(
            "import_failed",
            request=request,
            reason=reason,
            filename=confirm_name(request),
            level=logging.ERROR,
            **details,
        )
        messages.error(
            request,
            "The import failed and nothing was saved. Check the file and import it again; "
            "if it fails again, tell the service's support team.",
        )
        info = (self.model._meta.app_label, self.model._meta.model_name)
        url = reverse("admin:{}_{}_import".format(*info), current_app=self.admin_site.name)
        return HttpResponseRedirect(url)

    # Export -----------------------------------------------------------------------------------

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            security_event(
                "export_refused", request=request, reason="no export permission", level=logging.WARNING
            )
            raise PermissionDenied
        kwargs.pop("encoding", None)
        data = self.get_data_for_export(request, queryset, force_native_type=True, **kwargs)
        body = file_format.export_data(data)
        security_event(
            "export", request=request, format=file_format.get_title(), rows=len(data), filename=self._label()
        )
        return body

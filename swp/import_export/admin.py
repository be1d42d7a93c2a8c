"""SafeImportExportMixin: import and export for a ModelAdmin, with its lines in the security log (SEC-17).

It brings the safe formats, the checked upload and the signed confirm step together, makes every
import all or nothing (INT-04), says plainly when an import failed (never "imported 99 rows"), and
logs each import and export, and each one refused, by the file's name and never its contents.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from import_export.admin import ImportExportMixin
from import_export.results import RowResult

from swp.security_log import log_refusal_as, security_event
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import CellError

from .formats import SAFE_FORMATS
from .forms import CheckedImportForm, SignedConfirmImportForm, sign_import_file

logger = logging.getLogger(__name__)


def confirm_name(request: HttpRequest) -> str:
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
            log_refusal_as("import_refused", request, reason="no import permission")
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            log_refusal_as("import_refused", request, reason="confirm step does not match the upload")
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
            log_refusal_as("export_refused", request, reason="no export permission")
            raise PermissionDenied
        kwargs.pop("encoding", None)
        data = self.get_data_for_export(request, queryset, force_native_type=True, **kwargs)
        body = file_format.export_data(data)
        security_event(
            "export", request=request, format=file_format.get_title(), rows=len(data), filename=self._label()
        )
        return body

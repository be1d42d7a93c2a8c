"""The form for uploading a plan workbook. It checks the file is a safe workbook; reading it is later."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from swp.forms import GovUKFileField
from swp.sheets.upload_form import SpreadsheetUploadForm
from swp.sheets.uploads import max_upload_bytes

from .plan_workbook import check_upload


class PlanWorkbookUploadForm(SpreadsheetUploadForm):
    """After is_valid(): `fmt` ("xlsx") and `content` (the bytes), checked before any parsing (SEC-13)."""

    page_title = "Load a plan from a workbook"
    file = GovUKFileField(
        what="the plan workbook",
        label="Upload the plan workbook",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            f"The filled-in plan workbook, saved as an Excel workbook (.xlsx), smaller than "
            f"{filesizeformat(max_upload_bytes())}."
        )

    def check(self, upload: UploadedFile) -> str:
        return check_upload(upload, name=upload.name, size=upload.size, allow_zip=False)

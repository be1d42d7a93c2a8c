"""The form for uploading an update sheet. It checks the file is a safe spreadsheet; reading it is later."""

from django import forms
from django.template.defaultfilters import filesizeformat

from swp.forms import GovUKFileField
from swp.sheets.upload_form import SpreadsheetUploadForm
from swp.sheets.uploads import max_upload_bytes


class UpdateSheetUploadForm(SpreadsheetUploadForm):
    """After is_valid(): `fmt` ("csv" or "xlsx") and `content` (the bytes), checked before any parsing."""

    page_title = "Upload your update sheet"
    file = GovUKFileField(
        what="your update sheet",
        label="Upload a file",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(max_upload_bytes())
        self.fields["file"].help_text = f"An Excel workbook (.xlsx) or CSV file, smaller than {limit}."

"""The form a spreadsheet is uploaded with: the file is checked before anything parses it (SEC-13)."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from swp.forms import GovUKForm

from .uploads import UploadRefused, check_spreadsheet_upload


class SpreadsheetUploadForm(GovUKForm):
    """After is_valid(): `fmt` ("csv" or "xlsx") and `content` (the bytes), checked before any parsing.

    A subclass declares its `file` field (a GovUKFileField) and, to check more narrowly than any
    CSV or XLSX file, its own `check`.
    """

    submit_label = "Upload and preview"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fmt = ""
        self.content = b""
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def check(self, upload: UploadedFile) -> str:
        """The file's format, or UploadRefused saying why it is not taken."""
        return check_spreadsheet_upload(upload, name=upload.name, size=upload.size)

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        try:
            self.fmt = self.check(upload)
        except UploadRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        upload.seek(0)
        self.content = upload.read()
        return upload

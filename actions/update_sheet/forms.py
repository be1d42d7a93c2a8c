"""The form for uploading an update sheet. It checks the file is a safe spreadsheet; reading it is later."""

from django import forms
from django.template.defaultfilters import filesizeformat

from swp.forms import GovUKForm
from swp.sheets.uploads import UploadRefused, check_spreadsheet_upload, max_upload_bytes


class UpdateSheetUploadForm(GovUKForm):
    """After is_valid(): `fmt` ("csv" or "xlsx") and `content` (the bytes), checked before any parsing."""

    page_title = "Upload your update sheet"
    submit_label = "Upload and preview"
    file = forms.FileField(
        label="Upload a file",
        error_messages={
            "required": "Select your update sheet",
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be uploaded – try again",
            "missing": "The selected file could not be uploaded – try again",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fmt = ""
        self.content = b""
        self.fields[
            "file"
        ].help_text = (
            f"An Excel workbook (.xlsx) or CSV file, smaller than {filesizeformat(max_upload_bytes())}."
        )
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.fmt = check_spreadsheet_upload(upload, name=upload.name, size=upload.size)
        except UploadRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        upload.seek(0)
        self.content = upload.read()
        return upload

"""The form for uploading a plan workbook. It checks the file is a safe workbook; reading it is later."""

from django import forms
from django.template.defaultfilters import filesizeformat

from swp.forms import GovUKForm
from swp.sheets.uploads import UploadRefused, max_upload_bytes

from .plan_workbook import check_upload


class PlanWorkbookUploadForm(GovUKForm):
    """After is_valid(): `fmt` ("xlsx") and `content` (the bytes), checked before any parsing (SEC-13)."""

    page_title = "Load a plan from a workbook"
    submit_label = "Upload and preview"
    file = forms.FileField(
        label="Upload the plan workbook",
        error_messages={
            "required": "Select the plan workbook",
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be uploaded – try again",
            "missing": "The selected file could not be uploaded – try again",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fmt = ""
        self.content = b""
        self.fields["file"].help_text = (
            f"The filled-in plan workbook, saved as an Excel workbook (.xlsx), smaller than "
            f"{filesizeformat(max_upload_bytes())}."
        )
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.fmt = check_upload(upload, name=upload.name, size=upload.size, allow_zip=False)
        except UploadRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        upload.seek(0)
        self.content = upload.read()
        return upload

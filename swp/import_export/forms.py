"""The admin's import forms: the upload, checked before anything reads it, and the signed confirm step.

The upload passes swp/sheets/uploads.check_spreadsheet_upload before django-import-export parses a
byte of it. The confirm step's hidden file name carries an HMAC of the uploader, the model and the
format, so it cannot be pointed at someone else's pending upload (INT-06).
"""

import hmac

from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from import_export.forms import ConfirmImportForm, ImportForm

from swp.forms import check_file_name
from swp.sheets.uploads import UploadRefused, check_spreadsheet_upload


class CheckedImportForm(ImportForm):
    """The upload is checked (size, type, ZIP bomb, macros, DTD) before d-i-e reads a byte of it."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats = formats
        self.fields["import_file"].help_text = "An Excel workbook (.xlsx) or CSV file, up to 10 MB"

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            check_file_name(upload.name)
        except ValidationError as refusal:
            self.refusal = refusal.messages[0]
            raise
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
    return salted_hmac("swp.import_export.import_file", data, algorithm="sha256").hexdigest()


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

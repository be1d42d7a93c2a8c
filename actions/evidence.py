"""Checking evidence files before they are stored.

A file's type is found from its content, never from its name or the browser's say-so, and its
name must agree with that type. Office files are zips: their directory is checked against
zip bombs (swp.sheets.uploads.open_zip, with the EVIDENCE_FILE limits) and their manifest read
for macros before anything is decompressed, and only the small manifest entries ever are.
Nothing here parses XML, so XML attacks have nothing to reach.
"""

import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

import filetype
from crispy_forms_gds.layout import Submit
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from swp.forms import GovUKFileField, GovUKForm
from swp.sheets.uploads import EVIDENCE_FILE, MB, SAVE_AS_CSV_UTF8, UploadRefused, open_zip, text_encoding

MAX_MANIFEST_BYTES = MB
SNIFF_BYTES = 8192

TYPE_ERROR = "The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, image or text file"
MACRO_ERROR = "The selected file must not contain macros"
PASSWORD_ERROR = "The selected file must not be password protected"


@dataclass(frozen=True)
class Kind:
    label: str
    extensions: tuple[str, ...]


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

# What we accept, by the MIME type found from the content, with the names each may carry.
ACCEPTED = {
    "application/pdf": Kind("PDF", ("pdf",)),
    DOCX: Kind("Word document", ("docx",)),
    "application/msword": Kind("Word document", ("doc",)),
    XLSX: Kind("Excel spreadsheet", ("xlsx",)),
    "application/vnd.ms-excel": Kind("Excel spreadsheet", ("xls",)),
    PPTX: Kind("PowerPoint presentation", ("pptx",)),
    "application/vnd.ms-powerpoint": Kind("PowerPoint presentation", ("ppt",)),
    ODT: Kind("OpenDocument text", ("odt",)),
    ODS: Kind("OpenDocument spreadsheet", ("ods",)),
    ODP: Kind("OpenDocument presentation", ("odp",)),
    "image/png": Kind("PNG image", ("png",)),
    "image/jpeg": Kind("JPEG image", ("jpg", "jpeg")),
    "image/gif": Kind("GIF image", ("gif",)),
    "image/webp": Kind("WebP image", ("webp",)),
    "text/plain": Kind("Text", ("txt",)),
    "text/csv": Kind("CSV", ("csv",)),
}
TEXT_TYPES = {"txt": "text/plain", "csv": "text/csv"}
SAVE_AS_TEXT = {"txt": "Save it as UTF-8 text and upload it again", "csv": SAVE_AS_CSV_UTF8}
CHARSETS = {"utf-8": "utf-8", "cp1252": "windows-1252"}  # text_encoding()'s names as HTTP gives them
ZIP_TYPES = {"application/zip", DOCX, XLSX, PPTX, ODT, ODS, ODP}
# The main part of each Office Open XML type, as [Content_Types].xml names it.
OOXML_MAIN_PARTS = {
    DOCX: b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    PPTX: b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
# .docm/.xlsm/.pptm (and their templates and embedded parts) say "macroEnabled"; VBA projects
# and Excel 4 macro sheets have content types of their own.
OOXML_MACRO_MARKERS = (b"macroenabled", b"vbaproject", b"macrosheet")
ODF_MACRO_FOLDERS = ("basic/", "scripts/")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Storage names in a legacy Office (OLE) file's directory, which holds names in UTF-16.
CFB_MACRO_MARKER = "_VBA_PROJECT".encode("utf-16-le")
CFB_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
# filetype calls an animated PNG by its own name; it is still a PNG.
ALIASES = {"image/apng": "image/png"}


def kind_label(content_type: str) -> str:
    """'PDF', 'Word document': what a stored file is, in words."""
    kind = ACCEPTED.get(content_type.split(";")[0].strip())
    return kind.label if kind else "File"


def size_in_words(size: int) -> str:
    """10MB, 500KB: the GOV.UK way of writing a file size limit."""
    for unit, name in ((MB, "MB"), (1024, "KB")):
        if size >= unit:
            return f"{size / unit:.1f}".removesuffix(".0") + name
    return f"{size} bytes"


def clean_name(name: str) -> str:
    """The uploader's file name without control or bidirectional characters, which can disguise it."""
    kept = (
        " " if unicodedata.category(c)[0] == "Z" else c for c in name if unicodedata.category(c)[0] != "C"
    )
    return " ".join("".join(kept).split())


def extension(name: str) -> str:
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


class EvidenceForm(GovUKForm):
    """One file for an update. After is_valid(), content_type is what the file was found to be."""

    page_title = "Add evidence"
    submit_label = "Upload file"
    file = GovUKFileField(
        what="a file",
        label="Add a file",
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for kind in ACCEPTED.values() for ext in kind.extensions)}
        ),
    )

    again = forms.BooleanField(
        required=False,
        label="Add it again, keeping both copies",
        help_text="Only if the update needs the same file twice.",
    )

    def __init__(self, *args, same_as=None, **kwargs):
        """same_as: the evidence already on the update with the same content as the file just chosen,
        when asking whether to keep both; the "again" box is offered only then."""
        # Ids that cannot clash with the update form this one shares a page with.
        kwargs.setdefault("auto_id", "evidence-%s")
        super().__init__(*args, **kwargs)
        self.same_as = same_as
        if same_as is None and not (self.is_bound and self.data.get("again")):
            del self.fields["again"]
        self.content_type = ""
        self.fields["file"].help_text = (
            "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, text or CSV. "
            f"Smaller than {size_in_words(settings.EVIDENCE_MAX_BYTES)}."
        )
        # Templates draw the <form> element, so it can post to this update's URL whoever built the form.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # Secondary, and with an id of its own: the update form's button is the page's main one.
        self.helper.inputs = [
            Submit("upload", self.submit_label, css_id="evidence-upload", css_class="govuk-button--secondary")
        ]

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > settings.EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {size_in_words(settings.EVIDENCE_MAX_BYTES)}"
            )
        upload.name = clean_name(upload.name)
        self.content_type = content_type_of(upload)
        return upload


def content_type_of(upload: UploadedFile) -> str:
    """The file's MIME type, found from its content; raises ValidationError if we do not take it."""
    ext = extension(upload.name)
    head = _read(upload, SNIFF_BYTES)
    guess = filetype.guess(head)
    found = ALIASES.get(guess.mime, guess.mime) if guess else None
    if found in ZIP_TYPES:
        found = _office_zip_type(upload)
    elif head.startswith(CFB_MAGIC):
        _check_legacy_office(upload)
    if found not in ACCEPTED and ext in TEXT_TYPES:
        return f"{TEXT_TYPES[ext]}; charset={_text_charset(upload)}"
    if found not in ACCEPTED or ext not in ACCEPTED[found].extensions:
        raise forms.ValidationError(TYPE_ERROR)
    return found


def _read(upload: UploadedFile, size: int = -1) -> bytes:
    upload.seek(0)
    data = upload.read(size)
    upload.seek(0)
    return data


def _text_charset(upload: UploadedFile) -> str:
    """The charset a text file is served with; raises ValidationError if it is not text we can read."""
    data = _read(upload)
    # Text has no magic number. Binary formats, programs among them, are full of NUL bytes.
    if b"\x00" in data:
        raise forms.ValidationError(TYPE_ERROR)
    encoding = text_encoding(data)
    if encoding is None:
        raise forms.ValidationError(
            f"“{upload.name}” has characters that could not be read. {SAVE_AS_TEXT[extension(upload.name)]}"
        )
    return CHARSETS[encoding]


def _check_legacy_office(upload: UploadedFile) -> None:
    """Word, Excel and PowerPoint 97–2003 files: refuse VBA projects and encrypted packages."""
    data = _read(upload)
    if CFB_MACRO_MARKER in data:
        raise forms.ValidationError(MACRO_ERROR)
    if CFB_ENCRYPTED_MARKER in data:
        raise forms.ValidationError(PASSWORD_ERROR)


def _office_zip_type(upload: UploadedFile) -> str | None:
    """The Office Open XML or OpenDocument type a zip holds, after its size and macro checks."""
    try:
        with open_zip(upload, EVIDENCE_FILE) as archive:
            names = {m.filename.lower(): m for m in archive.infolist()}
            if any(name.rsplit("/", 1)[-1] == "vbaproject.bin" for name in names):
                raise forms.ValidationError(MACRO_ERROR)
            if "mimetype" in names:
                if any(name.startswith(ODF_MACRO_FOLDERS) for name in names):
                    raise forms.ValidationError(MACRO_ERROR)
                found = _manifest(archive, names["mimetype"]).strip().decode("ascii", "replace")
                return found if found in (ODT, ODS, ODP) else None
            if "[content_types].xml" in names:
                manifest = _manifest(archive, names["[content_types].xml"])
                if any(marker in manifest.lower() for marker in OOXML_MACRO_MARKERS):
                    raise forms.ValidationError(MACRO_ERROR)
                found = [mime for mime, part in OOXML_MAIN_PARTS.items() if part in manifest]
                return found[0] if len(found) == 1 else None
            return None
    except UploadRefused as refusal:
        raise forms.ValidationError(str(refusal)) from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError):
        # Damaged, encrypted, or compressed in a way zipfile does not know.
        raise forms.ValidationError(EVIDENCE_FILE.damaged) from None
    finally:
        upload.seek(0)


def _manifest(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    if member.file_size > MAX_MANIFEST_BYTES:
        raise forms.ValidationError(EVIDENCE_FILE.too_large)
    with archive.open(member) as entry:
        return entry.read(MAX_MANIFEST_BYTES + 1)

"""Checks an uploaded spreadsheet must pass before anything parses it (SECURITY-CHECKLIST SEC-13).

Only CSV and XLSX are accepted. The size is checked from the upload's declared size before a byte
is read; the type from the content as well as the name (an .exe renamed .xlsx is refused); and an
XLSX's ZIP directory is inspected without decompressing anything large: too many entries, too much
uncompressed data, a suspicious compression ratio (a ZIP bomb), macros, or an XML part declaring a
DTD (billion laughs) are all refused. openpyxl parses with defusedxml as a second line of defence.

Every refusal is an UploadRefused carrying a message in plain English for the person uploading.
No app imports: any view or command can use it.
"""

import io
import struct
import zipfile
from typing import BinaryIO

from django.conf import settings
from django.template.defaultfilters import filesizeformat

# An XLSX holds a dozen or so parts; a thousand is a crafted file.
MAX_XLSX_ENTRIES = 500
# 10,000 update rows make about 15 MB of sheet XML; far beyond that is a bomb, not a plan.
MAX_XLSX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024
# Real sheet XML compresses 10 to 30 times; a bomb, hundreds or thousands of times.
MAX_COMPRESSION_RATIO = 150
RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024
# The first bytes read from a CSV to tell text from a program or an archive.
DTD_SCAN_BYTES = 8 * 1024
# A DTD must come before the root element, so only the prolog of each XML part is read (comments and
# processing instructions included); a prolog longer than this is refused, not scanned further.
MAX_PROLOG_BYTES = 64 * 1024
# The parts an XML parser (openpyxl) reads; images and printer settings are never parsed as XML.
_XML_PART_ENDINGS = (".xml", ".rels", ".vml")
# The end-of-central-directory record: its signature, its size, and the longest comment after it.
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_ZIP_COMMENT = 0xFFFF

ACCEPTED = {".csv": "csv", ".xlsx": "xlsx"}
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "activex")
# ZIP, Windows and Linux programs, PDF, and old binary Office files.
_NOT_TEXT_SIGNATURES = (b"PK\x03\x04", b"MZ", b"\x7fELF", b"%PDF", b"\xd0\xcf\x11\xe0")
WRONG_TYPE = "The file must be a spreadsheet saved as Excel workbook (.xlsx) or CSV (.csv)"


class UploadRefused(ValueError):
    """The upload cannot be used; str(error) says why, in words the uploader can act on."""


def max_upload_bytes() -> int:
    return getattr(settings, "SWP_MAX_SPREADSHEET_BYTES", 10 * 1024 * 1024)


def check_spreadsheet_upload(upload: BinaryIO, *, name: str, size: int | None = None) -> str:
    """Return "csv" or "xlsx" if the upload is safe to parse; raise UploadRefused if not.

    `upload` is any seekable binary file (a Django UploadedFile, an open file); `size` defaults to
    the upload's `.size`. The file is left at position 0.
    """
    size = size if size is not None else getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    if size == 0:
        raise UploadRefused("The selected file is empty")
    limit = max_upload_bytes()
    too_big = UploadRefused(f"The selected file must be smaller than {filesizeformat(limit)}")
    if size > limit:
        raise too_big
    # The declared size is what a browser or caller says; the file's own end is what will be read.
    upload.seek(0, io.SEEK_END)
    if upload.tell() > limit:
        upload.seek(0)
        raise too_big
    upload.seek(0)
    lowered = name.lower()
    if lowered.endswith((".xlsm", ".xltm", ".xlsb")):
        raise UploadRefused("The file contains macros. Save it as an Excel workbook (.xlsx) and upload that")
    if lowered.endswith(".xls"):
        raise UploadRefused("The file is in the old Excel format (.xls). Save it as .xlsx and upload that")
    fmt = next((kind for ending, kind in ACCEPTED.items() if lowered.endswith(ending)), None)
    if fmt is None:
        raise UploadRefused(WRONG_TYPE)
    upload.seek(0)
    head = upload.read(DTD_SCAN_BYTES)
    upload.seek(0)
    if fmt == "xlsx":
        if not head.startswith(b"PK\x03\x04"):
            raise UploadRefused("The file is not a real Excel workbook. " + WRONG_TYPE)
        _check_xlsx_archive(upload)
    elif head.startswith(_NOT_TEXT_SIGNATURES) or b"\x00" in head:
        raise UploadRefused("The file is not a real CSV file. " + WRONG_TYPE)
    upload.seek(0)
    return fmt


def _zip_entry_count(upload: BinaryIO) -> int:
    """The number of entries the archive declares, from its last few bytes, before zipfile reads them.

    zipfile builds an object per entry of the central directory, so a 10 MB file declaring 200,000
    tiny entries would cost hundreds of megabytes before anyone could count them.
    """
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    start = max(0, size - _EOCD_SIZE - _MAX_ZIP_COMMENT)
    upload.seek(start)
    tail = upload.read()
    upload.seek(0)
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        raise UploadRefused("The file is damaged or not a real Excel workbook. " + WRONG_TYPE)
    disk_entries, total_entries = struct.unpack("<HH", tail[at + 8 : at + 12])
    # 0xFFFF means "see the ZIP64 record": only archives far larger than any spreadsheet need that.
    if total_entries == 0xFFFF or disk_entries == 0xFFFF:
        raise UploadRefused("The workbook has too many parts to be a plain spreadsheet")
    return total_entries


def _check_xlsx_archive(upload: BinaryIO) -> None:
    if _zip_entry_count(upload) > MAX_XLSX_ENTRIES:
        raise UploadRefused("The workbook has too many parts to be a plain spreadsheet")
    try:
        archive = zipfile.ZipFile(upload)  # reads only the central directory
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused("The file is damaged or not a real Excel workbook. " + WRONG_TYPE) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_XLSX_ENTRIES:
            raise UploadRefused("The workbook has too many parts to be a plain spreadsheet")
        names = {entry.filename.lower() for entry in entries}
        if any(part in entry for entry in names for part in _MACRO_PARTS):
            raise UploadRefused(
                "The file contains macros. Save it as an Excel workbook (.xlsx) without them and upload that"
            )
        if "xl/workbook.xml" not in names or "[content_types].xml" not in names:
            raise UploadRefused("The file is not a real Excel workbook. " + WRONG_TYPE)
        if sum(entry.file_size for entry in entries) > MAX_XLSX_UNCOMPRESSED_BYTES:
            raise UploadRefused("The workbook is too large once opened. Split it into smaller files")
        for entry in entries:
            if entry.file_size > RATIO_CHECKED_ABOVE_BYTES and (
                entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
            ):
                raise UploadRefused("The workbook is too large once opened. Split it into smaller files")
        for entry in entries:
            if entry.filename.lower().endswith(_XML_PART_ENDINGS):
                _refuse_dtd(archive, entry)


NOT_ALLOWED = "The workbook contains content that is not allowed in a spreadsheet"


def _refuse_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    try:
        with archive.open(entry) as part:
            start = part.read(MAX_PROLOG_BYTES)  # decompresses only this much
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        raise UploadRefused("The file is damaged or not a real Excel workbook. " + WRONG_TYPE) from None
    if not xml_prolog_is_safe(start):
        raise UploadRefused(NOT_ALLOWED)


def xml_prolog_is_safe(start: bytes) -> bool:
    """True if the XML's prolog (all before the root element) is in `start` and declares no DTD.

    Comments and processing instructions are walked over, so a long comment cannot push a DOCTYPE
    past the bytes read. Excel writes UTF-8: a part in UTF-16 or UTF-32 (which would hide a DOCTYPE
    from a byte search) is refused, as is an empty part or a prolog that does not end in `start`.
    """
    if start.startswith(b"\xef\xbb\xbf"):
        start = start[3:]
    if not start.strip() or b"\x00" in start[:4] or start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    position, end = 0, len(start)
    while True:
        while position < end and start[position : position + 1] in b" \t\r\n":
            position += 1
        rest = start[position:]
        if rest.startswith(b"<?"):
            close = start.find(b"?>", position + 2)
        elif rest.startswith(b"<!--"):
            close = start.find(b"-->", position + 4)
        elif rest.startswith(b"<") and (rest[1:2].isalpha() or rest[1:2] in (b"_", b":")):
            return True  # the root element: no DTD came before it
        else:
            return False  # <!DOCTYPE, <!ENTITY, text before the root, or a prolog longer than we read
        if close < 0:
            return False
        position = close + 2 if rest.startswith(b"<?") else close + 3

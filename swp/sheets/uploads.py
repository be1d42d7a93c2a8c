"""Checks an upload must pass before anything parses it (SEC-13 in docs/quality-checks.md).

Spreadsheets (check_spreadsheet_upload): only CSV and XLSX. The size is checked from the upload's
declared size before a byte is read; the type from the content as well as the name (an .exe renamed
.xlsx is refused). An XLSX is a ZIP: after the inspection below, macros, a missing workbook part or an
XML part declaring a DTD (billion laughs) are refused. openpyxl parses with defusedxml as a second
line of defence.

ZIP archives (open_zip): one inspection for every kind of ZIP we take, each kind with its own limits
(ZipLimits: an XLSX workbook, the plan workbook's ZIP of CSV files, an evidence file). The entry count
is read from the archive's end record before zipfile parses its directory; then each entry's size
and compression ratio (a ZIP bomb) and the total uncompressed size are checked from the directory,
without decompressing anything.

Every refusal is an UploadRefused carrying a message in plain English for the person uploading.
"""

import codecs
import io
import re
import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.template.defaultfilters import filesizeformat

MB = 1024 * 1024
WRONG_TYPE = "The file must be a spreadsheet saved as Excel workbook (.xlsx) or CSV (.csv)"
NOT_ALLOWED = "The workbook contains content that is not allowed in a spreadsheet"
ACCEPTED = {".csv": "csv", ".xlsx": "xlsx"}
# The first bytes read from a CSV to tell text from a program or an archive.
DTD_SCAN_BYTES = 8 * 1024
# A DTD must come before the root element, so only the prolog of each XML part is read (comments and
# processing instructions included); a prolog longer than this is refused, not scanned further.
MAX_PROLOG_BYTES = 64 * 1024
# The parts an XML parser (openpyxl) reads; images and printer settings are never parsed as XML.
_XML_PART_ENDINGS = (".xml", ".rels", ".vml")
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "activex")
# ZIP, Windows and Linux programs, PDF, and old binary Office files.
_NOT_TEXT_SIGNATURES = (b"PK\x03\x04", b"MZ", b"\x7fELF", b"%PDF", b"\xd0\xcf\x11\xe0")
# The end-of-central-directory record: its signature, its size, and the longest comment after it;
# and the ZIP64 locator that stands just before it in an archive that needs ZIP64.
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_ZIP_COMMENT = 0xFFFF
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
# A character of two to four bytes as UTF-8 writes it (RFC 3629). Text in Windows-1252 almost never
# has one: it would take an accented capital followed by a symbol such as £ or ’ ("É’").
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
SAVE_AS_CSV_UTF8 = "Save it as “CSV UTF-8” and upload it again"


class UploadRefused(ValueError):
    """The upload cannot be used; str(error) says why, in words the uploader can act on."""


@dataclass(frozen=True, kw_only=True)
class ZipLimits:
    """What one kind of ZIP may hold, and what its uploader is told when it is more than that."""

    entries: int
    uncompressed_bytes: int  # every entry together
    entry_bytes: int | None = None  # any one entry
    # An entry larger than ratio_checked_above may be at most `ratio` times its compressed size.
    ratio: int | None = None
    ratio_checked_above: int = MB
    # The central directory, whose cost to parse grows with its size as well as its entry count.
    directory_bytes: int | None = None
    damaged: str
    too_many: str
    too_large: str
    entry_too_large: str = ""  # blank: too_large


XLSX_WORKBOOK = ZipLimits(
    # An XLSX holds a dozen or so parts; a thousand is a crafted file.
    entries=500,
    # 10,000 update rows make about 15 MB of sheet XML; far beyond that is a bomb, not a plan.
    uncompressed_bytes=120 * MB,
    # Real sheet XML compresses 10 to 30 times; a bomb, hundreds or thousands of times.
    ratio=150,
    damaged="The file is damaged or not a real Excel workbook. " + WRONG_TYPE,
    too_many="The workbook has too many parts to be a plain spreadsheet",
    too_large="The workbook is too large once opened. Split it into smaller files",
)
PLAN_CSV_ZIP = ZipLimits(
    # One CSV file per sheet of the plan workbook: a dozen or so.
    entries=30,
    # Each file is then checked as a CSV upload of its own, whose default limit is 10 MB.
    entry_bytes=10 * MB,
    uncompressed_bytes=20 * MB,
    ratio=150,
    damaged="The file is damaged or not a real ZIP file of CSV files",
    too_many="The ZIP file has too many files in it to be a plan's CSV files",
    too_large="The ZIP file is too large once opened. Split it into smaller files",
    entry_too_large="A file in the ZIP is too large once opened. Split it into smaller files",
)
EVIDENCE_FILE = ZipLimits(
    entries=1_000,
    uncompressed_bytes=100 * MB,
    # No ratio: evidence is stored as it came, and only its small manifest is ever decompressed.
    directory_bytes=1_000 * 256,  # generous for 1,000 entries with ordinary names
    damaged="The selected file could not be opened – check it is not damaged and try again",
    too_many="The selected file must not contain more than 1,000 parts or 100MB when uncompressed",
    too_large="The selected file must not contain more than 1,000 parts or 100MB when uncompressed",
)


def max_upload_bytes() -> int:
    return getattr(settings, "SWP_MAX_SPREADSHEET_BYTES", 10 * MB)


# Spreadsheets -------------------------------------------------------------------------------------


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
    elif text_encoding(upload.read()) is None:
        raise UploadRefused(f"“{name}” has characters that could not be read. {SAVE_AS_CSV_UTF8}")
    upload.seek(0)
    return fmt


def text_encoding(data: bytes) -> str | None:
    """ "utf-8", or "cp1252" (Windows-1252, what Excel's plain "CSV" and Notepad write), or None: neither.

    A file with UTF-8 characters in it that is not UTF-8 throughout is damaged UTF-8 (cut short, say,
    or two files joined), not Windows-1252: read as Windows-1252, each of its accented letters would
    become two wrong ones, so it is refused rather than read wrongly.
    """
    if _decodes(data, "utf-8"):
        return "utf-8"
    if _UTF8_MULTIBYTE.search(data) is None and _decodes(data, "cp1252"):
        return "cp1252"
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether `data` is text in `encoding`, decoded a megabyte at a time rather than all at once."""
    decoder, view = codecs.getincrementaldecoder(encoding)(), memoryview(data)
    try:
        for start in range(0, len(view), MB):
            decoder.decode(view[start : start + MB])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _check_xlsx_archive(upload: BinaryIO) -> None:
    with open_zip(upload, XLSX_WORKBOOK) as archive:
        entries = archive.infolist()
        names = {entry.filename.lower() for entry in entries}
        if any(part in entry for entry in names for part in _MACRO_PARTS):
            raise UploadRefused(
                "The file contains macros. Save it as an Excel workbook (.xlsx) without them and upload that"
            )
        if "xl/workbook.xml" not in names or "[content_types].xml" not in names:
            raise UploadRefused("The file is not a real Excel workbook. " + WRONG_TYPE)
        for entry in entries:
            if entry.filename.lower().endswith(_XML_PART_ENDINGS):
                _refuse_dtd(archive, entry)


def _refuse_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    try:
        with archive.open(entry) as part:
            start = part.read(MAX_PROLOG_BYTES)  # decompresses only this much
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        raise UploadRefused(XLSX_WORKBOOK.damaged) from None
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


def check_csv_zip(data: bytes) -> None:
    """A ZIP of CSV files (the plan workbook as export_plan --format csv writes it), before any is read."""
    with open_zip(io.BytesIO(data), PLAN_CSV_ZIP) as archive:
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    if not entries:
        raise UploadRefused("The ZIP file is empty")
    for entry in entries:
        if not entry.filename.lower().endswith(".csv"):
            raise UploadRefused(f"The ZIP file may hold only CSV files, and “{entry.filename}” is not one")


# ZIP archives -------------------------------------------------------------------------------------


def open_zip(upload: BinaryIO, limits: ZipLimits) -> zipfile.ZipFile:
    """The archive, once what its directory declares is within `limits`; raises UploadRefused if not.

    Nothing is decompressed. Use it in a with statement, which closes it.
    """
    _check_end_record(upload, limits)
    try:
        archive = zipfile.ZipFile(upload)  # reads only the central directory
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UploadRefused(limits.damaged) from None
    try:
        _check_sizes(archive.infolist(), limits)
    except UploadRefused:
        archive.close()
        raise
    return archive


def _check_end_record(upload: BinaryIO, limits: ZipLimits) -> None:
    """What the archive declares (entries, directory size), from its last bytes, before zipfile reads it.

    zipfile builds an object per entry of the central directory, so a 10 MB file declaring 200,000
    tiny entries would cost hundreds of megabytes before anyone could count them.
    """
    upload.seek(0, io.SEEK_END)
    upload.seek(max(0, upload.tell() - _EOCD_SIZE - _MAX_ZIP_COMMENT))
    tail = upload.read()
    upload.seek(0)
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        raise UploadRefused(limits.damaged)
    _signature, _disk, _directory_disk, on_disk, entries, directory_bytes, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + _EOCD_SIZE]
    )
    # ZIP64 (a locator before the end record, or counts of 0xFFFF that defer to it) is only needed by
    # archives far larger than anything we take, and zipfile would trust its counts instead.
    zip64 = at >= _ZIP64_LOCATOR_SIZE and tail[at - _ZIP64_LOCATOR_SIZE :].startswith(_ZIP64_LOCATOR)
    if zip64 or 0xFFFF in (on_disk, entries) or entries > limits.entries:
        raise UploadRefused(limits.too_many)
    if limits.directory_bytes is not None and directory_bytes > limits.directory_bytes:
        raise UploadRefused(limits.too_many)


def _check_sizes(entries: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    """Sizes as the directory declares them: zipfile never inflates an entry beyond its declared size."""
    if len(entries) > limits.entries:
        raise UploadRefused(limits.too_many)
    for entry in entries:
        too_big = limits.entry_bytes is not None and entry.file_size > limits.entry_bytes
        squeezed = (
            limits.ratio is not None
            and entry.file_size > limits.ratio_checked_above
            and entry.file_size > limits.ratio * max(entry.compress_size, 1)
        )
        if too_big or squeezed:
            raise UploadRefused(limits.entry_too_large or limits.too_large)
    if sum(entry.file_size for entry in entries) > limits.uncompressed_bytes:
        raise UploadRefused(limits.too_large)

"""swp/downloads.attachment: every download's name is encoded properly; no file is ever run as a page."""

import io

import pytest
from django.http import FileResponse

from swp.downloads import DOWNLOAD_POLICY, attachment


@pytest.mark.parametrize(
    "filename, header",
    [
        ("plan-workbook-template.xlsx", 'attachment; filename="plan-workbook-template.xlsx"'),
        ("Q1 report.pdf", 'attachment; filename="Q1 report.pdf"'),
        ('say "hi"\\now.txt', 'attachment; filename="say \\"hi\\"\\\\now.txt"'),
        (
            "Ymateb Cymraeg – £5 café.csv",
            "attachment; filename*=utf-8''Ymateb%20Cymraeg%20%E2%80%93%20%C2%A35%20caf%C3%A9.csv",
        ),
        ("line\r\nbreak.txt", "attachment; filename*=utf-8''line%0D%0Abreak.txt"),
    ],
)
def test_an_awkward_file_name_is_encoded_not_pasted(filename, header):
    response = attachment(b"data", filename=filename, content_type="text/csv")

    assert response["Content-Disposition"] == header
    assert "\n" not in response["Content-Disposition"] and "\r" not in response["Content-Disposition"]


def test_bytes_are_sent_whole_with_their_type_and_the_download_policy():
    response = attachment(b"%PDF-1.4\n%%EOF", filename="pack.pdf", content_type="application/pdf")

    assert response.content == b"%PDF-1.4\n%%EOF"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY
    assert "sandbox" in DOWNLOAD_POLICY and "default-src 'none'" in DOWNLOAD_POLICY


def test_an_open_file_is_streamed_under_the_name_given():
    stored = io.BytesIO(b"evidence bytes")

    response = attachment(stored, filename="Café notes.pdf", content_type="application/pdf")

    assert isinstance(response, FileResponse)
    assert b"".join(response.streaming_content) == b"evidence bytes"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Caf%C3%A9%20notes.pdf"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY

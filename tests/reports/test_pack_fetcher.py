"""SEC-15: the PDF renderer loads our own static files and nothing else, and says what it refused."""

import logging
import socket
import threading

import pikepdf
import pytest
import weasyprint

from reports.fetcher import BASE_URL, StaticOnlyFetcher, static_path_for
from reports.pdf import html_to_pdf

SECRET = "swp-fetcher-secret-7f3a9c"


@pytest.fixture
def listener():
    """A TCP server on loopback that counts the connections it is offered."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join(1)
    server.close()


def test_weasyprint_is_a_version_with_the_fetcher_fixes():
    assert int(weasyprint.__version__.split(".")[0]) >= 70


def test_it_serves_our_print_stylesheet_from_disk():
    fetcher = StaticOnlyFetcher()
    response = fetcher.fetch(BASE_URL + "static/reports/pack-print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"
    assert fetcher.blocked == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/static/reports/pack-print.css",
        "http://board-pack.invalid/static/reports/pack-print.css",  # our host, but not https
        BASE_URL + "static/../swp/settings.py",
        BASE_URL + "static/%2e%2e/swp/settings.py",
        BASE_URL + "static/reports/no-such-file.css",
        BASE_URL + "media/evidence.pdf",
        "data:text/plain;base64,c2VjcmV0",
    ],
)
def test_it_refuses_anything_else_and_logs_it(url, caplog):
    fetcher = StaticOnlyFetcher()
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        with pytest.raises(ValueError, match="may only load its own static files"):
            fetcher.fetch(url)
    assert fetcher.blocked == [url]
    assert [r.name for r in caplog.records] == ["swp.security"]
    assert "pdf_fetch_blocked" in caplog.records[0].getMessage()


def test_static_paths_must_be_plain():
    assert static_path_for(BASE_URL + "static/reports/pack-print.css") == "reports/pack-print.css"
    for sneaky in ("static/", "static//etc/passwd", "static/a/../../b", "static/a\\b", "static/x%00.css"):
        assert static_path_for(BASE_URL + sneaky) is None


def test_a_pack_that_links_local_files_and_the_network_gets_none_of_them(listener, tmp_path, caplog):
    """Source HTML that bypasses template escaping, to test the fetcher itself (SEC-15)."""
    port, accepted = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    urls = [
        "file:///etc/hostname",
        secret.as_uri(),
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/x",
        "http://169.254.169.254/",
    ]
    html = f"""<!DOCTYPE html><html lang="en-GB"><head><title>Hostile pack</title>
      <link rel="stylesheet" href="/static/reports/pack-print.css">
      <link rel="attachment" href="{urls[0]}"><link rel="attachment" href="{urls[1]}"></head>
      <body><h1>Hostile</h1><img src="{urls[2]}" alt="a"><img src="{urls[3]}" alt="b">
      <img src="{urls[4]}" alt="c"></body></html>"""
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        rendered = html_to_pdf(html)
    assert sorted(rendered.blocked) == sorted(urls)
    assert accepted == []
    blocked_lines = [
        r for r in caplog.records if r.name == "swp.security" and "pdf_fetch_blocked" in r.getMessage()
    ]
    assert len(blocked_lines) == len(urls)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(rendered.pdf)
    with pikepdf.open(path) as pdf:
        assert len(pdf.attachments) == 0
        streams = b"".join(obj.read_bytes() for obj in pdf.objects if isinstance(obj, pikepdf.Stream))
    assert SECRET.encode() not in streams and SECRET.encode() not in rendered.pdf
    assert b"root:x:0:0" not in streams

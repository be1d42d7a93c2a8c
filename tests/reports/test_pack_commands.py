"""The board pack from the command line."""

import io
import subprocess

import pytest
from django.core.management import CommandError, call_command

from tests.reports.test_pack_pdf import make_plan_with


@pytest.fixture
def small_pack(walsall):
    """A two-priority plan in its own partnership: quick to render."""
    make_plan_with(walsall, priorities=2, actions=2)
    return walsall


def test_it_writes_the_pdf(small_pack, tmp_path):
    out, target = io.StringIO(), tmp_path / "pack.pdf"
    call_command(
        "board_pack", "--partnership", small_pack.slug, "--period", "2020 Q2", "--output", target, stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True, text=True).stdout
    assert "Quarterly board pack: 2020 Q2" in text and "Priority number 2" in text
    assert "OFFICIAL" in text
    assert f"Wrote the 2020 Q2 board pack for {small_pack.name} to {target} (PDF," in out.getvalue()


def test_it_writes_the_html_with_the_marking_asked_for(small_pack, tmp_path):
    target = tmp_path / "pack.html"
    call_command(
        "board_pack",
        "--partnership",
        small_pack.slug,
        "--period",
        "2020 Q2",
        "--output",
        target,
        "--html",
        "--marking",
        "OFFICIAL-SENSITIVE",
        stdout=io.StringIO(),
    )
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>") and "OFFICIAL-SENSITIVE" in html


def test_an_unknown_period_is_refused_with_the_periods_there_are(small_pack, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command(
            "board_pack",
            "--partnership",
            small_pack.slug,
            "--period",
            "2020 Q9",
            "--output",
            tmp_path / "x.pdf",
        )
    assert str(error.value) == (
        f'There is no reporting period "2020 Q9" in {small_pack.name}. Use one of: 2020 Q1, 2020 Q2.'
    )
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_partnership_is_refused(tmp_path, demo):
    with pytest.raises(
        CommandError,
        match="There is no partnership “nowhere”. The partnerships here are: .*safer-walsall.*create_",
    ):
        call_command(
            "board_pack", "--partnership", "nowhere", "--period", "2020 Q2", "--output", tmp_path / "x"
        )


def test_a_missing_output_folder_is_refused(small_pack, tmp_path):
    with pytest.raises(CommandError, match="the folder .* does not exist"):
        call_command(
            "board_pack",
            "--partnership",
            small_pack.slug,
            "--period",
            "2020 Q2",
            "--output",
            tmp_path / "no" / "x",
        )

"""bench_dashboard prints figures for both sizes and leaves no synthetic partnership behind."""

import io

import pytest
from django.core.management import CommandError, call_command

from governance.models import Partnership

pytestmark = pytest.mark.usefixtures("demo")


def test_it_times_both_sizes_with_equal_query_counts_and_rolls_back(db):
    before = Partnership.objects.count()
    out = io.StringIO()
    call_command(
        "bench_dashboard", "--repeat", "1", "--warmup", "0", "--partnerships", str(before + 2), stdout=out
    )
    text = out.getvalue()
    assert f"With {before} partnership" in text and f"With {before + 2} partnerships" in text
    for page in ("Dashboard", "Actions: red, amber or no rating, WMP", "Trivial page (your updates)"):
        assert text.count(page) == 2
    assert "Query counts the same at both sizes: yes" in text
    assert Partnership.objects.count() == before
    assert not Partnership.objects.filter(slug__startswith="synthetic-").exists()


def test_nonsense_options_are_refused(db):
    with pytest.raises(CommandError, match="--repeat must be 1 or more"):
        call_command("bench_dashboard", "--repeat", "0")
    with pytest.raises(CommandError, match="--partnerships must be between 2 and 999"):
        call_command("bench_dashboard", "--partnerships", "1")

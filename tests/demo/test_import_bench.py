"""bench_import times a sheet's preview and commit, and leaves the database as it was."""

import io

from django.core.management import call_command

from actions.models import Action
from governance.models import Partnership, User


def test_it_prints_both_phases_and_rolls_everything_back(db):
    out = io.StringIO()
    call_command("bench_import", "--rows", "30", stdout=out)
    report = out.getvalue()
    assert "Scratch plan: 30 actions owned by one lead" in report
    assert "Rows changed: 30; updates written: " in report
    for phase in ("preview", "commit", "total"):
        assert f"\n{phase} " in report
    assert "Peak resident memory of this process (ru_maxrss):" in report
    assert "Scratch data rolled back: the database is as it was." in report
    assert not Partnership.objects.filter(slug="bench-import-scratch").exists()
    assert not User.objects.filter(email="bench.lead@bench.invalid").exists()
    assert not Action.objects.filter(plan__partnership__slug="bench-import-scratch").exists()

"""The pack's layouts share their common parts through includes, not copies: a copy drifts (a fix
made in one layout and not the other), as the first layout's measures and appendices once had."""

from pathlib import Path

from django.conf import settings

PACK_TEMPLATES = Path(settings.BASE_DIR) / "templates" / "reports" / "pack"
LONGEST_SHARED_RUN = 20  # lines; a shared table head or a summary-list row or two is fine


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def _longest_common_run(a: list[str], b: list[str]) -> int:
    longest, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                longest = max(longest, current[j])
        previous = current
    return longest


def test_no_two_pack_templates_share_a_long_run_of_lines():
    templates = {path.name: _lines(path) for path in sorted(PACK_TEMPLATES.glob("*.html"))}
    copied = {
        (first, second): run
        for i, first in enumerate(templates)
        for second in list(templates)[i + 1 :]
        if (run := _longest_common_run(templates[first], templates[second])) > LONGEST_SHARED_RUN
    }
    assert copied == {}

"""An issued pack's stored JSON reads back as the pack it was made from, and renders as it did then,
whatever has been added to the read model since."""

import json
from pathlib import Path

from reports.pack_data import from_json
from reports.rendering import pack_html
from tests.fixtures.page_outline import visible_text

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_pack_issued_before_sub_priorities_renders_as_it_did():
    """The JSON is the read model of a pack made before sub-priorities, timescales, caveats and lead
    groups were added to it (two priorities, measures, a theme, updates in two quarters); the text
    beside it is what that pack's HTML read then, when it was made."""
    stored = json.loads((FIXTURES / "issued_pack_before_sub_priorities.json").read_text())
    assert "number" not in stored["priorities"][0]
    assert "timescale" not in stored["priorities"][0]["actions"][0]

    html = pack_html(from_json(stored))

    assert visible_text(html) == (FIXTURES / "issued_pack_before_sub_priorities.txt").read_text().strip()

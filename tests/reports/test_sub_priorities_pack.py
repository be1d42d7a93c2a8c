"""The board pack of a plan with sub-priorities, joint and group leads, timescales in words and caveats
(tests/fixtures/nested_plan.py): it follows the plan's numbers and nesting in its read model, its
preview, its PDF and the JSON kept with an issued pack; the Walsall demo's pack reads as it did."""

import io
import json
import re
import subprocess

import pikepdf
import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.status import AMBER, COMPLETE, GREEN, MISSING, RED
from priorities.models import Plan, ReportingPeriod
from reports.pack_data import from_json
from reports.pdf import render_pdf
from reports.rendering import pack_html
from reports.selectors import board_pack
from tests import factories
from tests.fixtures.nested_plan import MEASURE_NOTE, STATISTIC_NOTE, make_nested_plan
from tests.fixtures.page_outline import headings, nested_links, visible_text
from tests.fixtures.plan_workbooks import minimal, workbook

CONTENTS = [
    (1, "The plan at a glance"),
    (1, "Exceptions"),
    (1, "1. Violence reduction"),
    (2, "1.1 Youth violence"),
    (3, "1.1.1 Knife crime among under-18s"),
    (2, "1.2 Domestic abuse"),
    (1, "2. Safer neighbourhoods"),
    (1, "Decisions asked of the board"),
    (1, "Cross-cutting themes"),
    (1, "Appendix A: What the RAG ratings mean"),
    (1, "Appendix B: Updates received this quarter"),
    (1, "Appendix C: Glossary"),
]


@pytest.fixture
def nested(db):
    return make_nested_plan()


@pytest.fixture
def pack(nested):
    return board_pack(plan=nested.plan, period=nested.q2)


def counts(red=0, amber=0, missing=0, green=0, complete=0) -> dict[str, int]:
    return {RED: red, AMBER: amber, MISSING: missing, GREEN: green, COMPLETE: complete}


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# The read model


def test_priorities_come_in_the_plans_order_each_sub_priority_after_its_parent(pack):
    assert [(p.number, p.depth) for p in pack.priorities] == [
        ("1", 0),
        ("1.1", 1),
        ("1.1.1", 2),
        ("1.2", 1),
        ("2", 0),
    ]
    ids = {p.number: p.id for p in pack.priorities}
    assert [p.parent_id for p in pack.priorities] == [None, ids["1"], ids["1.1"], ids["1"], None]


def test_a_parents_status_and_counts_take_in_its_sub_priorities_actions(pack):
    by = {p.number: p for p in pack.priorities}
    assert by["1"].actions == []
    assert (by["1"].status, by["1"].counts) == (RED, counts(red=1, amber=1, green=1))
    assert (by["1.1"].status, by["1.1"].counts) == (RED, counts(red=1, green=1))
    assert (by["1.1.1"].status, by["1.1.1"].counts) == (RED, counts(red=1))
    assert (by["1.2"].status, by["1.2"].counts) == (AMBER, counts(amber=1))
    assert (by["2"].status, by["2"].counts) == (MISSING, counts(missing=1))
    # Last quarter 1's actions were green (1.1.1.1), amber (1.2.1) and unrated (1.1.2): amber at worst.
    assert (by["1"].previous_status, by["1"].change_label) == (AMBER, "Worsened")
    assert pack.counts == counts(red=1, amber=1, missing=1, green=1)  # each action once


def test_joint_leads_keep_the_plans_order_and_a_group_is_a_lead_group(nested, pack):
    by = {p.number: p for p in pack.priorities}
    assert [lead.name for lead in by["1"].lead_partners] == [
        "Safer Borough Police",
        "Safer Borough Council",
        "Borough Fire and Rescue",
    ]
    assert (by["1.1"].lead_partners, [g.name for g in by["1.1"].lead_groups]) == (
        [],
        ["Violence Reduction Group"],
    )
    assert [(line.label, line.text) for line in by["2"].leads] == [("Lead partner", "All partners")]


def test_the_pack_takes_the_same_queries_however_deep_and_wide_the_plan(nested, pack):
    with CaptureQueriesContext(connection) as before:
        board_pack(plan=nested.plan, period=nested.q2)
    # 13 at most: issue 19 added the cited figures and the notes for the board, one query each.
    assert len(before.captured_queries) <= 13
    parent = nested.priorities["1.1.1"]
    for n in range(1, 4):
        deeper = factories.make_priority(nested.plan, 10 + n, title=f"Deeper {n}", reference=f"1.1.1.{n}")
        deeper.parent = parent
        deeper.save()
        deeper.lead_groups.add(nested.group)
        deeper.co_lead_organisations.add(nested.council)
        factories.make_action(deeper, f"1.1.1.{n}.1", timescale="Ongoing")
        parent = deeper
    with CaptureQueriesContext(connection) as after:
        grown = board_pack(plan=nested.plan, period=nested.q2)
    assert len(after.captured_queries) == len(before.captured_queries)
    assert max(p.depth for p in grown.priorities) == 5


# The preview and the HTML the PDF is made from


def test_sections_are_headed_by_the_plans_numbers_a_level_down_for_each_sub_priority(client, nested):
    client.force_login(nested.secretary)
    html = client.get(reverse("reports:pack_preview", args=[nested.q2.pk])).content.decode()
    priorities = [(level, text) for level, text in headings(html) if re.match(r"\d", text)]
    assert priorities == [
        (2, "1. Violence reduction"),
        (3, "1.1 Youth violence"),
        (4, "1.1.1 Knife crime among under-18s"),
        (3, "1.2 Domestic abuse"),
        (2, "2. Safer neighbourhoods"),
    ]
    assert nested_links(html, "contents") == CONTENTS


def test_the_glance_counts_and_exceptions_name_priorities_by_their_numbers(pack):
    text = visible_text(pack_html(pack))
    glance = between(text, "The plan at a glance 1 of 4", "Contents")
    assert "4 actions across 5 priorities (3 sub-priorities)" in glance
    assert "A priority's overall status is the worst rating among its actions, never an average" in glance
    # A parent counts its sub-priorities' actions, quarter by quarter.
    assert (
        "1. Violence reduction Red 2020 Q1 0 1 1 1 0 2020 Q2 1 1 0 1 0 1 of 3 ↓ 1 worsened, ↑ 0 improved"
        in glance
    )
    assert "1.1.1 Knife crime among under-18s Red 2020 Q1 0 0 0 1 0 2020 Q2 1 0 0 0 0 0 of 1" in glance
    exceptions = between(text, "Red and amber actions", "Returned updates")
    knife = "1.1.1.1 Run knife-awareness sessions in every school 1.1.1 Knife crime among under-18s"
    assert knife in exceptions
    assert "Safer Borough Police (1): 2.1" in exceptions


def test_a_parent_says_where_its_actions_are_never_that_it_has_none(pack):
    text = visible_text(pack_html(pack))
    parent = between(text, "1. Violence reduction Joint lead partners", "1.1 Youth violence Part of")
    assert (
        "Actions, with those of its sub-priorities 1.1 and 1.2: 1 red, 1 amber, 0 no rating, 1 green"
        in parent
    )
    assert "Sub-priorities 1.1 Youth violence 1.2 Domestic abuse" in parent
    assert "This priority's actions are under its sub-priorities, in the sections that follow." in parent
    assert "has no actions" not in text
    assert "Part of 1.1 Youth violence Strategic lead Not named" in text


def test_leads_timescales_and_caveats_read_as_the_plan_writes_them(pack):
    text = visible_text(pack_html(pack))
    assert "Joint lead partners Safer Borough Police, Safer Borough Council, Borough Fire and Rescue" in text
    assert "Lead group Violence Reduction Group" in text
    assert "Strategic lead Violence Reduction Group" not in text
    assert "Strategic lead All partners" in text
    # The delivery table's "Deadline or timescale" column, after the start date.
    for words in ("Not set Ongoing", "Not set 2018-2019", "Not set March 2022", "Not set 30 June 2020"):
        assert words in text
    assert (
        f"Baseline 3,700 offences (2019/20). Source: Police recorded crime Note: {MEASURE_NOTE} "
        f"Note: {STATISTIC_NOTE}"
    ) in text
    glossary = text[text.rindex("Appendix C: Glossary") :]
    assert "Lead group A group of the partnership" in glossary
    assert "Sub-priority A priority that is part of another" in glossary


def test_the_pack_and_its_preview_name_joint_leads_in_the_words_every_page_uses(client, nested, pack):
    """The plan, priority and public pages say "Joint lead partners"; the pack and its preview too."""
    client.force_login(nested.secretary)
    preview = visible_text(client.get(reverse("reports:pack_preview", args=[nested.q2.pk])).content.decode())
    joint = "Joint lead partners Safer Borough Police, Safer Borough Council, Borough Fire and Rescue"
    for text in (visible_text(pack_html(pack)), preview):
        assert joint in text
        assert "strategic leads" not in text.lower()


def test_an_issued_packs_json_renders_as_the_pack_did(pack):
    stored = json.loads(json.dumps(pack.as_json(), cls=DjangoJSONEncoder))
    assert pack_html(from_json(stored)) == pack_html(pack)


def test_the_walsall_pack_has_no_sub_priorities_and_reads_as_before(demo):
    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label="2020 Q2")
    html = pack_html(board_pack(plan=period.plan, period=period))
    text = visible_text(html)
    assert [depth for depth, _ in nested_links(html, "contents")] == [1] * 12
    assert [level for level, text in headings(html) if re.match(r"\d\. ", text)] == [2] * 5
    for newer in ("sub-priorit", "Sub-priorit", "Part of", "Lead group", "Joint lead partner"):
        assert newer not in text
    assert "64 actions across 5 priorities." in text
    assert "Strategic lead West Midlands Police" in text


def test_the_preview_is_the_secretarys_not_a_viewers_nor_another_partnerships(client, nested, outsider):
    url = reverse("reports:pack_preview", args=[nested.q2.pk])
    client.force_login(nested.viewer)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(nested.secretary)
    assert client.get(reverse("reports:pack_preview", args=[nested.q2.pk + 1000])).status_code == 404
    assert "1.1.1 Knife crime among under-18s" in client.get(url).content.decode()


# The PDF


def test_the_pdfs_bookmarks_and_contents_follow_the_plans_nesting(pack, tmp_path):
    rendered = render_pdf(pack)
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf, pdf.open_outline() as outline:

        def under(items, depth=0):
            for item in items:
                yield depth, item.title
                yield from under(item.children, depth + 1)

        bookmarks = [(depth, title) for depth, title in under(outline.root) if title[0].isdigit()]
    top = bookmarks[0][0]
    assert bookmarks == [
        (top, "1. Violence reduction"),
        (top + 1, "1.1 Youth violence"),
        (top + 2, "1.1.1 Knife crime among under-18s"),
        (top + 1, "1.2 Domestic abuse"),
        (top, "2. Safer neighbourhoods"),
    ]

    path = tmp_path / "pack.pdf"
    path.write_bytes(rendered.pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    pages = text.stdout.split("\f")
    contents = " ".join(pages[2].split())  # after the cover and the plan at a glance
    for entry in ("1.1 Youth violence", "1.1.1 Knife crime among under-18s", "1.2 Domestic abuse"):
        page = int(re.search(rf"{re.escape(entry)}[ .]*(\d+)", contents)[1])
        assert entry in " ".join(pages[page - 1].split())
    reading = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    assert "Ongoing" in " ".join(reading.stdout.split())


# The issue's own example, loaded from a plan workbook


def test_a_workbook_with_sub_priorities_gives_a_pack_numbered_as_the_plan(tmp_path, walsall):
    """Priorities 1, 1.1, 1.2 and 2 with actions 1.1.1, 1.2.1 and 2.1 once gave sections numbered by
    order ("2." for 1.1) and a parent with no actions."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(
        workbook(
            minimal(
                Priorities=[
                    ["Reference", "Title", "Part of"],
                    ["1", "Violence reduction", ""],
                    ["1.1", "Youth violence", "1"],
                    ["1.2", "Domestic abuse", "1"],
                    ["2", "Safer neighbourhoods", ""],
                ],
                Actions=[
                    ["Reference", "Priority reference", "Overall objective", "Deadline"],
                    ["1.1.1", "1.1", "Open a youth hub", "Ongoing"],
                    ["1.2.1", "1.2", "Train frontline staff", "2021-2022"],
                    ["2.1", "2", "Target hotspots", "31/03/2022"],
                ],
            )
        )
    )
    call_command("import_plan", str(path), "--partnership", walsall.slug, "--commit", stdout=io.StringIO())
    plan = Plan.objects.get(partnership=walsall, title="Minimal Plan 2021")
    period = plan.periods.order_by("start").first() or factories.make_period(plan, 1)

    text = visible_text(pack_html(board_pack(plan=plan, period=period)))

    assert "3 actions across 4 priorities (2 sub-priorities)" in text
    assert "1.1 Youth violence Part of 1. Violence reduction" in text
    assert "2. Youth violence" not in text and "has no actions" not in text
    assert "Actions, with those of its sub-priorities 1.1 and 1.2: 0 red, 0 amber, 2 no rating" in text
    assert "Not set Ongoing" in text and "Not set 2021-2022" in text

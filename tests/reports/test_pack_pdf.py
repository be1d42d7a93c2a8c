"""The board pack as a reader gets it: the PDF's text and tags, and the HTML it is made from.

The Safer Walsall 2020 Q2 pack is rendered once for the module (WeasyPrint takes seconds), from
the demo the session loads; everything else uses small plans built here.
"""

import re
import subprocess
from html import unescape
from html.parser import HTMLParser

import pikepdf
import pytest
from django.core.management import call_command
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from governance.models import Partnership
from priorities.models import MeasureReading, ReportingPeriod, Theme
from reports.pdf import render_pdf
from reports.rendering import pack_context, pack_html
from reports.selectors import board_pack
from tests import factories
from tests.fixtures.untrusted_text import seed_payloads

RAG_WORDS = ["Red", "Amber", "No rating", "Green", "Complete"]
SECTION_HEADINGS = [
    "The plan at a glance",
    "Contents",
    "Exceptions",
    "Red and amber actions",
    "Overdue actions",
    "Missing updates",
    "Returned updates",
    "Cross-cutting themes",
    "Appendix A: What the RAG ratings mean",
    "Appendix B: Updates received this quarter",
    "Appendix C: Glossary",
]


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def walsall_q2() -> ReportingPeriod:
    return ReportingPeriod.objects.select_related("plan").get(
        plan__partnership__slug="safer-walsall", label="2020 Q2"
    )


@pytest.fixture(scope="module")
def demo_pdf(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's 2020 Q2 pack as (read model, RenderedPdf, path, text): rendered once per module."""
    with django_db_blocker.unblock():
        if not Partnership.objects.filter(slug="safer-walsall").exists():  # a live-server test flushed it
            call_command("load_demo", "--allow-demo-users", verbosity=0)
        period = walsall_q2()
        pack = board_pack(plan=period.plan, period=period)
    rendered = render_pdf(pack, marking="OFFICIAL-SENSITIVE")
    path = tmp_path_factory.mktemp("pack") / "pack.pdf"
    path.write_bytes(rendered.pdf)
    return pack, rendered, path, pdf_text(path)


def make_plan_with(partnership, *, priorities: int, actions: int, title: str = "Plan"):
    """A plan whose actions carry updates, measures with readings and a theme: returns (plan, Q2)."""
    plan = factories.make_plan(partnership, title=title)
    q1 = factories.make_period(plan, quarter=1, status=ReportingPeriod.Status.LOCKED)
    q2 = factories.make_period(plan, quarter=2, status=ReportingPeriod.Status.LOCKED)
    lead = factories.make_user(partnership, full_name="Lena Lead")
    organisation = factories.make_organisation(partnership, "Test Police")
    theme = Theme.objects.create(plan=plan, name="Domestic abuse", description="Across every priority.")
    rags = [Rag.RED, Rag.AMBER, Rag.GREEN]
    for n in range(1, priorities + 1):
        priority = factories.make_priority(
            plan, n, title=f"Priority number {n}", lead_officer=lead, lead_organisation=organisation
        )
        theme.priorities.add(priority)
        measure = factories.make_measure(
            priority, baseline_value=100, target_value=80, baseline_period="2019"
        )
        for period, value in ((q1, 30), (q2, 25)):
            MeasureReading.objects.create(measure=measure, period=period, value=value)
        for m in range(1, actions + 1):
            action = factories.make_action(priority, f"{n}.{m}", overall_objective=f"Objective {n}.{m}")
            action.responsible_organisations.add(organisation)
            if m == 1:
                action.themes.add(theme)
            for quarter, period in enumerate((q1, q2)):
                rag = rags[(n + m + quarter) % 3]
                factories.make_update(
                    action,
                    period,
                    rag=rag,
                    progress=f"Progress on {n}.{m}",
                    recovery_plan="" if rag == Rag.GREEN else f"Recovery plan for {n}.{m}",
                    state=ActionUpdate.State.ACCEPTED,
                    submitted_by=lead,
                    submitted_at=timezone.now(),
                )
    return plan, q2


class HeadingsAndTables(HTMLParser):
    """Collects heading levels, header cells without scope, captions and images without alt."""

    def __init__(self):
        super().__init__()
        self.levels, self.unscoped, self.images_without_alt, self.captions = [], 0, 0, []
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        elif tag == "th" and "scope" not in attrs:
            self.unscoped += 1
        elif tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        elif tag == "caption":
            self._in_caption = True
            self.captions.append("")

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.captions[-1] += data


def parse(html: str) -> HeadingsAndTables:
    parser = HeadingsAndTables()
    parser.feed(html)
    return parser


# The PDF (one WeasyPrint render for all of these)


def test_pdf_text_has_every_priority_each_rag_word_and_the_exceptions(demo_pdf):
    pack, rendered, _, text = demo_pdf
    flat = " ".join(text.split())
    for priority in pack.priorities:
        assert priority.title in flat
    for word in RAG_WORDS:
        assert re.search(rf"\b{word}\b", flat), word
    assert pack.red_and_amber and pack.missing
    for heading in ("Red and amber actions", "Overdue actions", "Missing updates", "Returned updates"):
        assert heading in flat
    assert "None: no update was returned this quarter." in flat  # an empty exception says so
    exceptions = flat[flat.index("Red and amber actions") : flat.index("Overdue actions")]
    for action in pack.red_and_amber:
        assert re.search(rf"\b{re.escape(action.reference)}\b", exceptions)
    assert rendered.blocked == []


def test_pdf_has_cover_running_headers_page_numbers_and_contents(demo_pdf):
    pack, rendered, _, text = demo_pdf
    pages = text.split("\f")[: rendered.pages]
    assert "Quarterly board pack: 2020 Q2" in pages[0]
    assert "Safer Walsall Partnership Board, 21 July 2020" in " ".join(pages[0].split())
    assert f"Page 2 of {rendered.pages}" in pages[1]
    assert f"Page {rendered.pages} of {rendered.pages}" in pages[-1]
    for page in pages:  # the protective marking is on every page, cover included
        assert "OFFICIAL-SENSITIVE" in page
    assert "Safer Walsall Partnership" in pages[3] and "2020 Q2" in pages[3]
    # Contents entries end in the page number their section starts on.
    assert "The plan at a glance" in pages[1]  # straight after the cover
    contents = " ".join(pages[2].split())
    start = int(re.search(r"Exceptions[ .]*(\d+)", contents)[1])
    assert "Red and amber actions" in pages[start - 1]
    first = pack.priorities[0]
    start = int(re.search(rf"1\. {re.escape(first.title)}[ .]*(\d+)", contents)[1])
    assert f"1. {first.title}" in pages[start - 1]


def what_heads_something(html: str) -> list[str]:
    """The text of every heading (h2-h6), table caption and defined term (dt) in the pack's HTML,
    spaces normalised: none may end a page with what it heads on the next."""
    found = re.findall(r"<(h[2-6]|caption|dt)\b[^>]*>(.*?)</\1>", html, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", inner)).split()) for _, inner in found]


def test_no_page_ends_with_a_heading_caption_or_term_parted_from_what_it_heads(demo_pdf):
    pack, rendered, _, text = demo_pdf
    titles = [title for title in what_heads_something(pack_html(pack, marking="OFFICIAL-SENSITIVE")) if title]
    assert any(title.startswith("Figures for ") for title in titles)
    running_head = re.compile(rf"^{re.escape(pack.partnership)}\b.*Board pack")
    page_foot = re.compile(r"OFFICIAL-SENSITIVE|Page \d+ of \d+")

    def in_the_margins(line: str) -> bool:
        return bool(running_head.match(line)) or not page_foot.sub("", line).strip()

    for number, page in enumerate(text.split("\f")[1 : rendered.pages], start=2):
        body = [
            line.strip() for line in page.splitlines() if line.strip() and not in_the_margins(line.strip())
        ]
        foot = " ".join(" ".join(body[-3:]).split())
        stranded = [title for title in titles if foot.endswith(title)]
        assert not stranded, (
            f"page {number} ends with {max(stranded, key=len)!r}, parted from what follows it"
        )


def test_pdf_is_tagged_with_language_and_title(demo_pdf):
    """A11Y-10: a tagged PDF/UA-1 that says its language and shows its title."""
    _, _, path, _ = demo_pdf
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == "Safer Walsall Partnership: board pack, 2020 Q2"
        with pdf.open_metadata() as xmp:
            assert xmp.get("dc:title")
            assert str(xmp.get("pdfuaid:part")) == "1"
        assert len(pdf.attachments) == 0


# The HTML the PDF is made from, and the preview's body


def test_pack_html_is_a_standalone_document_with_every_section_and_caption(demo):
    period = walsall_q2()
    pack = board_pack(plan=period.plan, period=period)
    html = pack_html(pack)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<title>Safer Walsall Partnership: board pack, 2020 Q2</title>" in html
    assert '<link rel="stylesheet" href="/static/reports/pack-print.css">' in html
    parsed = parse(html)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for heading in SECTION_HEADINGS + [f"{p.order}. {p.title}" for p in pack.priorities]:
        assert heading in text, heading
    captions = [" ".join(c.split()) for c in parsed.captions]
    assert "Actions by rating for each priority, 2020 Q1 to 2020 Q2" in captions
    for priority in pack.priorities:
        assert f"Delivery plan for {priority.title}, 2020 Q2" in captions
    assert any(c.startswith("Actions rated red or amber this quarter") for c in captions)
    assert "Ratings and the tolerances this plan sets for them" in captions
    # Headings never skip a level; every header cell has a scope; no image lacks alt text.
    assert parsed.levels[0] == 1 and parsed.levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(parsed.levels, parsed.levels[1:], strict=False))
    assert parsed.unscoped == 0 and parsed.images_without_alt == 0
    # Each chart carries its title for screen readers and the PDF's alternative text.
    assert html.count("<svg") >= 1
    assert "<script" not in html


def test_rag_is_always_a_word_as_well_as_a_colour(demo):
    period = walsall_q2()
    html = pack_html(board_pack(plan=period.plan, period=period))
    tags = re.findall(r'<strong class="app-rag app-rag--(\w+)">([^<]+)</strong>', html)
    assert {status for status, _ in tags} >= {"red", "amber", "green", "missing"}
    labels = {
        "red": "Red",
        "amber": "Amber",
        "green": "Green",
        "missing": "No rating",
        "complete": "Complete",
    }
    assert all(labels[status] == word for status, word in tags)


def test_preview_body_leaves_out_the_cover_and_nests_under_the_page_heading(plan, walsall):
    plan, q2 = make_plan_with(walsall, priorities=2, actions=2)
    context = pack_context(board_pack(plan=plan, period=q2), on_screen=True)
    from django.template.loader import render_to_string

    body = render_to_string("reports/pack/_body.html", context)
    parsed = parse(body)
    assert 1 not in parsed.levels and parsed.levels[0] == 2
    assert "pack-cover" not in body
    assert "Priority number 2" in body


def test_empty_exceptions_and_a_plan_without_themes_read_as_sentences(walsall, p1):
    q1 = factories.make_period(p1.plan, quarter=1, status=ReportingPeriod.Status.LOCKED)
    html = pack_html(board_pack(plan=p1.plan, period=q1))
    for sentence in (
        "None: no action is rated red or amber this quarter.",
        "None: no action is past its deadline.",
        "None: every action has an update this quarter.",
        "None: no update was returned this quarter.",
        "This plan has no cross-cutting themes.",
        "This priority has no actions.",
        "None: no updates were submitted for 2020 Q1.",
    ):
        assert sentence in html


def test_dates_figures_and_changes_are_in_words(walsall):
    plan, q2 = make_plan_with(walsall, priorities=1, actions=2)
    html = pack_html(board_pack(plan=plan, period=q2))
    assert "1 April 2020 to 30 June 2020" in html
    assert "31 December 2020" not in html and "Not set</td>" in html
    assert "25 offences" in html and "100 offences (2019)" in html
    assert "Target</dt>" in html and "80 offences" in html
    assert re.search(r"(Improved|Worsened) \(was (red|amber|green)\)", html)


def test_who_submitted_what_is_one_row_per_person_and_day(walsall):
    plan, q2 = make_plan_with(walsall, priorities=2, actions=2)
    pack = board_pack(plan=plan, period=q2)
    groups = pack_context(pack)["submission_groups"]
    assert len(pack.submissions) == 4 and len(groups) == 1
    assert groups[0].submitted_by == "Lena Lead" and groups[0].references == ["1.1", "1.2", "2.1", "2.2"]
    html = pack_html(pack)
    assert "Who submitted the 4 updates for 2020 Q2, when, and who reviewed them" in html
    assert "1.1, 1.2, 2.1, 2.2" in html


# Queries: the read model's count does not grow with the plan, and the templates add none.


@pytest.mark.parametrize("priorities, actions", [(1, 1), (6, 8)])
def test_board_pack_queries_do_not_grow_with_the_plan(
    walsall, django_assert_max_num_queries, django_assert_num_queries, priorities, actions
):
    plan, q2 = make_plan_with(walsall, priorities=priorities, actions=actions)
    # 13: issue 19 added the strategic assessment's figures each priority cites and the notes for
    # the board (the leads' commentary, the secretary's asks), one query each.
    with django_assert_max_num_queries(13):
        pack = board_pack(plan=plan, period=q2)
    assert len(pack.actions) == priorities * actions
    with django_assert_num_queries(0):
        pack_html(pack)


def test_typed_text_appears_literally_in_the_board_pack_pdf(demo, tmp_path):
    """SEC-11: what someone typed, markup and all, is printed as the characters they typed."""
    seed_payloads()
    period = ReportingPeriod.objects.select_related("plan").get(
        plan__partnership__slug="safer-walsall", label="2020 Q2"
    )
    path = tmp_path / "pack.pdf"
    path.write_bytes(render_pdf(board_pack(plan=period.plan, period=period)).pdf)
    text = pdf_text(path)
    assert "<script>alert(1)</script><b data-xss>x</b>" in " ".join(text.split())

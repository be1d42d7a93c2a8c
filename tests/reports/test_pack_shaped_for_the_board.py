"""The pack shaped for the board (issue 19): the plan at a glance counted from the read model, the
exceptions with their reasons, and each priority's delivery plan in the source plan's own columns."""

import re
from datetime import date

import pytest
from django.utils import timezone

from actions.models import ActionUpdate, Rag
from actions.status import COMPLETE, GREEN, IMPROVED, SEVERITY, WORSENED
from priorities.models import BaselineStatistic, ReportingPeriod, StrategicAssessment
from reports.pack_overview import overview
from reports.rendering import heading, pack_html
from reports.selectors import board_pack
from tests import factories
from tests.fixtures.page_outline import visible_text

# The Walsall plan's Appendix A ("Performance delivery plan"), then this quarter's progress.
APPENDIX_A_COLUMNS = [
    "Item",
    "Overall objective",
    "Objective",
    "Responsible officer",
    "Start date",
    "Deadline or timescale",
    "Actual outcomes",
    "RAG: on target?",
    "Progress",
]


def walsall_q2_pack():
    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label="2020 Q2")
    return board_pack(plan=period.plan, period=period)


def glance(pack):
    return overview(pack, anchor=lambda p: f"priority-{p.id}", heading=heading)


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


def accepted(action, period, rag, by, **fields):
    if rag != Rag.GREEN:
        fields.setdefault("recovery_plan", "Back on track by autumn")
    return factories.make_update(
        action,
        period,
        rag=rag,
        progress=f"Progress in {period.label}",
        state=ActionUpdate.State.ACCEPTED,
        submitted_by=by,
        submitted_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def year(plan, p1, p2, lead_a, police):
    """Four quarters of a plan: 1.1 goes green, amber, red, green; 1.2 is green, then complete in Q3;
    2.1 never reports."""
    periods = [
        factories.make_period(plan, quarter=q, status=ReportingPeriod.Status.LOCKED) for q in (1, 2, 3, 4)
    ]
    first = factories.make_action(p1, "1.1", overall_objective="Hold listening events")
    first.responsible_organisations.add(police)
    for period, rag in zip(periods, [Rag.GREEN, Rag.AMBER, Rag.RED, Rag.GREEN], strict=True):
        accepted(first, period, rag, lead_a)
    second = factories.make_action(p1, "1.2", overall_objective="Train staff")
    accepted(second, periods[0], Rag.GREEN, lead_a)
    accepted(second, periods[1], Rag.GREEN, lead_a)
    accepted(second, periods[2], Rag.GREEN, lead_a, marks_complete=True)
    factories.make_action(p2, "2.1", overall_objective="Target hotspots")
    return periods


# The plan at a glance, counted from the read model


def test_the_glance_counts_each_priority_this_quarter_as_the_read_model_does(demo):
    pack = walsall_q2_pack()
    page = glance(pack)

    assert page.quarters == ["2020 Q1", "2020 Q2"]
    for row, priority in zip(page.rows, pack.priorities, strict=True):
        assert row.quarters[-1].counts == priority.counts
        assert row.on_track == priority.counts[GREEN] + priority.counts[COMPLETE]
        assert row.worsened == sum(1 for a in priority.actions if a.change == WORSENED)
    assert page.total.quarters[-1].counts == pack.counts
    # Last quarter's column is last quarter's status of each action, as the change is measured.
    before = [a.previous_status for a in pack.actions]
    assert page.total.quarters[0].counts == {s: before.count(s) for s in SEVERITY}


def test_the_headline_gives_the_whole_picture_not_one_word(demo):
    pack = walsall_q2_pack()
    on_track = pack.counts[GREEN] + pack.counts[COMPLETE]
    worsened = sum(1 for a in pack.actions if a.change == WORSENED)
    improved = sum(1 for a in pack.actions if a.change == IMPROVED)

    text = visible_text(pack_html(pack))

    headline = f"{on_track} of 64 actions on track; {worsened} worsened, {improved} improved since 2020 Q1."
    assert headline == "36 of 64 actions on track; 19 worsened, 0 improved since 2020 Q1."
    cover = between(text, "Quarterly board pack", "The plan at a glance")
    assert f"Where the plan stands {headline}" in cover
    assert "Overall status Red : the worst rating among the plan's actions, never an average." in cover
    page = between(text, "The plan at a glance", "Contents")
    assert headline in page
    assert "A priority's overall status is the worst rating among its actions, never an average" in page


def test_the_glance_shows_this_quarter_and_the_three_before_it(year, plan):
    pack = board_pack(plan=plan, period=year[3])
    page = glance(pack)

    assert page.quarters == ["2020 Q1", "2020 Q2", "2020 Q3", "2020 Q4"]
    first = page.rows[0]  # priority 1: actions 1.1 and 1.2
    assert [q.counts["red"] for q in first.quarters] == [0, 0, 1, 0]
    assert [q.counts["amber"] for q in first.quarters] == [0, 1, 0, 0]
    assert [q.counts["green"] for q in first.quarters] == [2, 1, 0, 1]
    assert [q.counts["complete"] for q in first.quarters] == [0, 0, 1, 1]
    assert (first.on_track, first.total, first.improved, first.worsened) == (2, 2, 1, 0)
    second = page.rows[1]
    assert [q.counts["missing"] for q in second.quarters] == [1, 1, 1, 1]
    assert page.headline == "2 of 3 actions on track; 0 worsened, 1 improved since 2020 Q3"


def test_the_glance_says_each_rating_in_words_and_shapes_as_well_as_colour(year, plan):
    html = pack_html(board_pack(plan=plan, period=year[1]))
    table = between(html, 'class="govuk-table pack-table pack-glance__table"', "</table>")
    for symbol, word in (("■", "Red"), ("▲", "Amber"), ("○", "No rating"), ("●", "Green"), ("◊", "Complete")):
        assert re.search(rf'aria-hidden="true">{symbol}</span> {word}</th>', table), word
    assert 'pack-count--amber">1</td>' in table  # the count in its rating's colour


def test_a_first_quarter_has_nothing_to_compare_with(year, plan):
    pack = board_pack(plan=plan, period=year[0])
    assert glance(pack).quarters == ["2020 Q1"]
    assert "2 of 3 actions on track; no earlier quarter to compare with" in visible_text(pack_html(pack))


# Exceptions with their reasons


def test_a_red_or_amber_action_carries_what_is_being_done_and_its_new_date_on_its_row(year, plan, lead_a):
    update = ActionUpdate.objects.get(action__reference="1.1", period=year[2])
    update.proposed_deadline = date(2021, 3, 31)
    update.deadline_change_reason = "The venue closed until spring"
    update.recovery_plan = "Moving the events online"
    update.save()

    html = pack_html(board_pack(plan=plan, period=year[2]))

    table = between(html, "Actions rated red or amber this quarter, with what is being done", "</table>")
    row = visible_text(between(table, "<tbody", "</tr>"))
    assert row == (
        "1.1 Hold listening events Violence reduction Red Worsened (was amber) Moving the events online "
        "31 March 2021 Why: The venue closed until spring"
    )


def test_an_amber_action_without_a_new_date_says_none_is_proposed(year, plan):
    text = visible_text(pack_html(board_pack(plan=plan, period=year[1])))
    rows = between(text, "Actions rated red or amber this quarter", "Overdue actions")
    assert (
        "1.1 Hold listening events Violence reduction Amber Worsened (was green) "
        "Back on track by autumn None proposed"
    ) in rows


def test_missing_updates_are_one_line_per_partner_organisation(year, plan, p2, walsall, police):
    council = factories.make_organisation(walsall, "Walsall Council")
    council.short_name = "Council"
    council.save()
    for reference in ("2.2", "2.3"):
        factories.make_action(p2, reference).responsible_organisations.add(council)
    shared = factories.make_action(p2, "2.4")
    shared.responsible_organisations.add(council, police)

    text = visible_text(pack_html(board_pack(plan=plan, period=year[3])))

    missing = between(text, "Missing updates", "Returned updates").replace(" ,", ",")
    assert "4 actions with no update submitted or accepted this quarter" in missing
    assert "Council (3): 2.2, 2.3, 2.4 Test Police (1): 2.4" in missing
    assert missing.endswith("No responsible organisation (1): 2.1 ")


# Each priority in the plan's own shape


def test_a_priority_opens_with_its_leads_and_the_strategic_assessments_line(year, plan, p1, walsall):
    support = factories.make_user(walsall, full_name="Sam Support")
    p1.lead_support_officer = support
    p1.save()
    assessment = StrategicAssessment.objects.create(
        partnership=walsall, title="Strategic assessment 2019", completed_on=date(2019, 1, 31)
    )
    p1.cites.add(
        BaselineStatistic.objects.create(
            assessment=assessment,
            label="Recorded crimes of public place violence",
            value=3700,
            unit="offences",
            period="2018/19",
            source="Police",
        )
    )

    text = visible_text(pack_html(board_pack(plan=plan, period=year[3])))

    header = between(text, "1. Violence reduction Strategic lead", "Delivery plan")
    assert f"Strategic lead {p1.lead_organisation.name} Lead officer {p1.lead_officer.full_name}" in header
    assert "Lead support officer Sam Support" in header
    assert (
        "Strategic assessment Strategic assessment 2019: Recorded crimes of public place violence: "
        "3,700 offences (2018/19)."
    ) in header
    # The delivery plan comes before the measures.
    section = between(
        text, "1. Violence reduction Strategic lead", "2. Prevent extremist activity Strategic lead"
    )
    assert section.index("Delivery plan") < section.index("Measures")


def test_the_delivery_table_has_the_plans_appendix_a_columns(year, plan, p1):
    action = p1.actions.get(reference="1.1")
    action.objective = "Four events a year"
    action.responsible_officer = "Ruth Officer"
    action.start_date = date(2020, 1, 1)
    action.deadline = date(2021, 3, 31)
    action.save()
    ActionUpdate.objects.filter(action=action, period=year[3]).update(outcomes="388 survey responses")

    html = pack_html(board_pack(plan=plan, period=year[3]))

    table = between(html, "Delivery plan for Violence reduction, 2020 Q4", "</table>")
    assert visible_text(between(table, "<thead", "</thead>")) == " ".join(APPENDIX_A_COLUMNS)
    first_row = visible_text(between(table, "<tbody", "</tr>"))
    assert first_row == (
        "1.1 Hold listening events Four events a year Ruth Officer Test Police 1 January 2020 31 March 2021 "
        "388 survey responses Green Improved (was red) Progress in 2020 Q4"
    )
    # An action without a start date or a deadline says so in its cells.
    second_row = visible_text(
        between(table, 'id="action-' + str(p1.actions.get(reference="1.2").pk), "</tr>")
    )
    assert '"> 1.2 Train staff Not named Not set Not set Complete' in second_row

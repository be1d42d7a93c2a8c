"""Whole-plan exports: safe cells (SEC-14), the round trip into an empty partnership (INT-07),
who may download them, their query counts, and the export_plan command."""

import csv
import datetime
import io
import logging
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from actions.models import Action, ActionUpdate
from actions.plan_workbook import apply, exporter, read_workbook
from governance.models import Organisation, Partnership
from priorities.models import BaselineStatistic, Measure, Plan, StrategicAssessment, Theme
from tests import factories
from tests.fixtures.plan_workbooks import structure

PAYLOADS = ["=1+1", '==HYPERLINK("http://x","y")', "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def export_url(plan, fmt="xlsx") -> str:
    return reverse("plan_workbook:export", args=[plan.pk]) + f"?format={fmt}"


def fresh_partnership(name="Empty Partnership") -> Partnership:
    partnership = factories.make_partnership(name)
    assert not Organisation.objects.filter(partnership=partnership).exists()
    return partnership


def reimport(data: bytes, fmt: str, partnership: Partnership) -> Plan:
    preview = read_workbook(data, fmt, partnership=partnership)
    assert preview.problems == []
    return apply(preview, by=None)


def cells(book) -> list:
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def csv_cells(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"), newline="")))
            for name in archive.namelist()
        }


@pytest.fixture
def hostile_plan(walsall, plan, period, police, lead_a):
    """Every free-text field a person can type into carries a formula-like value."""
    assessment = StrategicAssessment.objects.create(
        partnership=walsall, title="Assessment =1+1", completed_on=datetime.date(2020, 1, 31)
    )
    plan.strategic_assessment = assessment
    plan.vision = "=1+1"
    plan.save()
    stat = BaselineStatistic.objects.create(
        assessment=assessment, order=1, label="@SUM(A1)", value=Decimal("-5"), unit="%", period="-2+3",
        source="+SUM(1,1)", note="\t=1+1",
    )  # fmt: skip
    Organisation.objects.create(
        partnership=walsall, name='==HYPERLINK("http://x","y")', kind="other", membership="associate"
    )
    priority = factories.make_priority(
        plan,
        1,
        title="=1+1 priority",
        lead_organisation=police,
        lead_officer=lead_a,
        why="\r=1+1",
        aim="-2+3",
    )
    priority.cites.add(stat)
    factories.make_measure(
        priority,
        1,
        title="+SUM(1,1)",
        baseline_value=Decimal("-5"),
        baseline_statistic=stat,
        baseline_note="@x",
    )
    for index, payload in enumerate(PAYLOADS, start=1):
        action = factories.make_action(
            priority, f"1.{index}", overall_objective=payload, objective=payload, responsible_officer="=cmd"
        )
        factories.make_update(action, period, progress=payload, outcomes=payload, rag="red")
    return plan


def test_every_formula_like_text_is_neutralised_in_xlsx_and_numbers_stay_numbers(hostile_plan):
    book = openpyxl.load_workbook(
        io.BytesIO(exporter.export_xlsx(hostile_plan))
    )  # not data_only: see formulas

    everything = cells(book)
    assert [c.coordinate for c in everything if c.data_type == "f"] == []
    texts = {c.value for c in everything if isinstance(c.value, str)}
    for payload in PAYLOADS:
        assert "'" + payload in texts, payload
        assert payload not in texts
    values = [row[2].value for row in book["Baseline statistics"].iter_rows(min_row=2)]
    assert values == [-5]
    assert book["Measures"]["G2"].value == -5 and book["Measures"]["G2"].data_type == "n"


def test_every_formula_like_text_starts_with_an_apostrophe_in_csv(hostile_plan):
    sheets = csv_cells(exporter.export_csv_zip(hostile_plan))

    all_cells = [cell for rows in sheets.values() for row in rows for cell in row]
    for payload in PAYLOADS:
        assert "'" + payload in all_cells, payload
    dangerous = [c for c in all_cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # Only numbers may start with "-": a negative number is data, not a formula.
    assert all(_is_number(c) for c in dangerous), dangerous
    statistics = sheets["baseline-statistics.csv"]
    assert statistics[1][2] == "-5.00"


def test_the_librarys_escaping_alone_would_not_do(hostile_plan, settings):
    """SEC-14: the export does not rely on IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT."""
    settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
    book = openpyxl.load_workbook(io.BytesIO(exporter.export_xlsx(hostile_plan)))
    assert [c for c in cells(book) if c.data_type == "f"] == []


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


# INT-07: the round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_walsall_plan_round_trips_into_an_empty_partnership(fmt, demo):
    walsall_plan = Plan.objects.get(partnership__slug="safer-walsall")
    data = exporter.export_bytes(walsall_plan, fmt)

    copy = reimport(data, "xlsx" if fmt == "xlsx" else "zip", fresh_partnership())

    before, after = structure(walsall_plan), structure(copy)
    for part in before:
        assert after[part] == before[part], part
    assert copy.status == Plan.Status.DRAFT and not copy.is_published
    assert len(after["actions"]) == 64 and len(after["statistics"]) == 18


@pytest.fixture
def awkward_plan(walsall, plan, period, police):
    """Unicode, newlines, blank optional fields, dates and values beginning with = + - @."""
    council = factories.make_organisation(walsall, "Cöuncil – “Borough”", kind=Organisation.Kind.COUNCIL)
    plan.vision = "Line one\nLine two – with “quotes” and £5"
    plan.save()
    p1 = factories.make_priority(plan, 1, title="=Violence", reference="1", aim="+aim", why="@why\nmore",
                                 lead_organisation=police, lead_as_written="Police – “lead”")  # fmt: skip
    p1.co_lead_organisations.add(council)
    sub = factories.make_priority(
        plan, 2, title="-Sub", reference="1.1", parent=p1, lead_officer_name="Ms Ünïcode"
    )
    factories.make_priority(plan, 3, title="Sub-sub", reference="1.1.1", parent=sub)
    factories.make_measure(p1, 1, title="=measure", target_description="-fewer", baseline_period="2019/20")
    factories.make_measure(sub, 1, title="Outcome", kind=Measure.Kind.QUALITATIVE, direction="")
    theme = Theme.objects.create(plan=plan, name="@theme", description="=desc")
    theme.priorities.add(p1)
    a1 = factories.make_action(p1, "1.1", overall_objective="=1+1 objective\nsecond line", objective="",
                               start_date=datetime.date(2020, 2, 29), deadline=datetime.date(2020, 12, 31), order=1)  # fmt: skip  # noqa: E501
    a1.responsible_organisations.add(police, council)
    a1.themes.add(theme)
    factories.make_action(
        sub, "1.1.1", overall_objective="'quoted already", timescale="Ongoing – “always”", order=1
    )
    factories.make_action(sub, "1.1.2", overall_objective="\t=tabbed", order=2)
    return plan


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_awkward_plan_round_trips_field_by_field(fmt, awkward_plan):
    data = exporter.export_bytes(awkward_plan, fmt)

    copy = reimport(data, "xlsx" if fmt == "xlsx" else "zip", fresh_partnership())

    before, after = structure(awkward_plan), structure(copy)
    for part in before:
        assert after[part] == before[part], part
    action = Action.objects.get(plan=copy, reference="1.1")
    assert action.overall_objective == "=1+1 objective\nsecond line"  # exactly one apostrophe came off
    assert Action.objects.get(plan=copy, reference="1.1.1").overall_objective == "'quoted already"


# Who may export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["admin_user", "secretary", "lead_a", "viewer"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_every_member_may_export(who, fmt, request, client, p1, caplog):
    client.force_login(request.getfixturevalue(who))
    with caplog.at_level(logging.INFO, logger="swp.security"):
        response = client.get(export_url(p1.plan, fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="test-plan-2020')
    assert response["Content-Type"] == ("application/zip" if fmt == "csv" else exporter_content_type())
    logged = [
        r.security for r in caplog.records if getattr(r, "security", {}).get("event") == "export_downloaded"
    ]
    assert logged and logged[0]["format"] == fmt


def exporter_content_type() -> str:
    from swp.sheets.writing import XLSX_CONTENT_TYPE

    return XLSX_CONTENT_TYPE


def test_another_partnerships_plan_is_not_found(client, outsider, p1):
    client.force_login(outsider)
    assert client.get(export_url(p1.plan)).status_code == 404
    assert client.get(reverse("plan_workbook:plan", args=[p1.plan.pk])).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, p1):
    response = client.get(export_url(p1.plan))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_unknown_format_is_not_found(client, viewer, p1):
    client.force_login(viewer)
    assert client.get(export_url(p1.plan, "pdf")).status_code == 404


def test_the_plan_page_shows_sub_priorities_and_leads(client, viewer, awkward_plan):
    client.force_login(viewer)
    page = client.get(reverse("plan_workbook:plan", args=[awkward_plan.pk])).content.decode()
    assert "Sub-sub (part of 1.1)" in page
    assert "Test Police; Cöuncil – “Borough”" in page


def demo_admin():
    from governance.models import User

    return User.objects.get(email="admin@demo.example")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exporting_the_demo_plan_takes_a_fixed_number_of_queries(
    fmt, client, demo, django_assert_max_num_queries
):
    client.force_login(demo_admin())
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    with django_assert_max_num_queries(40):
        response = client.get(export_url(plan, fmt))
    assert response.status_code == 200


def test_the_index_lists_plans_with_their_exports(client, viewer, p1):
    client.force_login(viewer)
    page = client.get(reverse("plan_workbook:index"))
    assert page.status_code == 200
    assert export_url(p1.plan, "csv").replace("&", "&amp;") in page.content.decode()
    assert "Load a plan from a workbook" not in page.content.decode()  # viewers load nothing


# The command ---------------------------------------------------------------------------------------


def test_export_plan_writes_a_workbook_and_a_zip(demo, tmp_path):
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    out = io.StringIO()
    call_command(
        "export_plan", "--partnership", "safer-walsall", "--output", str(tmp_path / "p.xlsx"), stdout=out
    )
    call_command("export_plan", "--partnership", "safer-walsall", "--output", str(tmp_path / "p.zip"),
                 "--plan", str(plan.pk), stdout=out)  # fmt: skip
    book = openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True)
    assert book.sheetnames == [
        "Read me", "Plan", "Partners", "Priorities", "Measures", "Actions", "Themes", "Baseline statistics",
        "Reporting periods", "Updates", "Readings", "History",
    ]  # fmt: skip
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert "actions.csv" in archive.namelist() and "history.csv" in archive.namelist()
    assert "Wrote “Safer Walsall Partnership Plan 2020”" in out.getvalue()


def test_the_export_carries_updates_readings_and_history(demo):
    plan = Plan.objects.get(partnership__slug="safer-walsall")
    book = openpyxl.load_workbook(io.BytesIO(exporter.export_xlsx(plan)), read_only=True)
    updates = list(book["Updates"].iter_rows(values_only=True))
    assert len(updates) - 1 == ActionUpdate.objects.filter(action__plan=plan).count()
    assert len(list(book["Readings"].iter_rows(values_only=True))) > 1
    history = list(book["History"].iter_rows(values_only=True))
    assert history[0] == ("When", "Who", "Record", "Item", "Change", "What changed", "Reason")
    assert {row[2] for row in history[1:]} >= {"Plan", "Priority", "Action", "Update"}


def test_json_is_not_a_format(demo):
    with pytest.raises(ValueError):
        exporter.export_bytes(Plan.objects.get(partnership__slug="safer-walsall"), "json")

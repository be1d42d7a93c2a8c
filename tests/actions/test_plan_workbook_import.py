"""Loading a plan from a workbook: every kind of problem, preview changes nothing, confirm is all or
nothing (INT-04, INT-05), only the uploader confirms (INT-06), who may do it, hostile files (SEC-13),
and the import_plan command."""

import io
import logging
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from actions.models import Action
from actions.plan_workbook import creating, exporter, read_workbook
from governance.models import Board, Organisation, PendingImport, Role
from priorities.models import Measure, Plan, Priority
from swp.sheets.uploads import UploadRefused, check_csv_zip
from tests import factories
from tests.fixtures.plan_workbooks import filled_template, minimal, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What SAFER_BOROUGH holds, counted by hand from its sheets, so the success message is checked against it.
PRIORITIES, MEASURES, ACTIONS = 4, 4, 4


def upload(client, data: bytes, name: str = "plan.xlsx"):
    return client.post(reverse("plan_workbook:upload"), {"file": SimpleUploadedFile(name, data, XLSX)})


def problems_of(sheets: dict, partnership) -> list[str]:
    return [str(p) for p in read_workbook(workbook(sheets), "xlsx", partnership=partnership).problems]


def counts(partnership) -> dict:
    return {
        "plans": Plan.objects.filter(partnership=partnership).count(),
        "organisations": Organisation.objects.filter(partnership=partnership).count(),
        "boards": Board.objects.filter(partnership=partnership).count(),
        "priorities": Priority.objects.filter(plan__partnership=partnership).count(),
        "actions": Action.objects.filter(plan__partnership=partnership).count(),
        "history": Plan.history.filter(partnership_id=partnership.pk).count()
        + Priority.history.filter(plan__partnership=partnership).count(),
    }


# Every kind of problem, with its sheet, row and column ----------------------------------------------


@pytest.mark.parametrize(
    "sheets, expected",
    [
        ({"Priorities": [["Reference", "Title"], ["1", "X"]]}, "Workbook: The workbook has no “Plan” sheet"),
        ({"Plan": [["Title", "X 2021"], ["Period", "2021"]]}, "Workbook: The workbook has no “Priorities” sheet"),  # noqa: E501
        (minimal(Plan=[["Period", "2021"]]), "Plan sheet, column “Title”: Enter the plan's title"),
        (minimal(Plan=[["Title", "T"], ["Period", "TBC"]]),
         "Plan sheet, row 2, column “Period”: “TBC” is not a period this import understands"),
        (minimal(Plan=[["Title", "T"], ["Period", "2020-23"]]),
         "Plan sheet, row 2, column “Period”: “2020-23” could be calendar or financial years"),
        (minimal(Plan=[["Title", "T"], ["Starts", "31/09/2021"], ["Ends", "31/12/2021"]]),
         "Plan sheet, row 2, column “Starts”: “31/09/2021” is not a real date: September has no day 31"),
        (minimal(Plan=[["Title", "T"]]), "Plan sheet, column “Period”: Give the plan's period"),
        (minimal(Plan=[["Title", "T"], ["Period", "2021"], ["Quarter scheme", "Lunar"]]),
         "Plan sheet, row 3, column “Quarter scheme”: “Lunar” is not a quarter scheme"),
        (minimal(Priorities=[["Reference", "Title"], ["1", "A"], ["1", "B"]]),
         "Priorities sheet, row 3, column “Reference”: Priority 1 is already on row 2"),
        (minimal(Priorities=[["Reference", "Title"], ["1", "A"], ["2", "a"]]),
         "Priorities sheet, row 3, column “Title”: “a” is already the title on row 2"),
        (minimal(Priorities=[["Ref", "Title"], ["1", ""]]),
         "Priorities sheet, row 2, column “Title”: Enter the title: it is required on every row"),
        (minimal(Priorities=[["Title"], ["A"]]),
         "Priorities sheet: Row 1 looks like the headings but has no column headed “Reference”"),
        (minimal(Priorities=[["Reference", "Title", "Part of"], ["1", "A", "7"]]),
         "Priorities sheet, row 2, column “Part of”: There is no priority 7 on the Priorities sheet"),
        (minimal(Priorities=[["Reference", "Title", "Part of"], ["1", "A", "2"], ["2", "B", "1"]]),
         "Priorities sheet, row 2, column “Part of”: These priorities are each part of the other"),
        (minimal(Priorities=[["Reference", "Title", "Lead bodies"], ["1", "A", "Martian Police"]]),
         "Priorities sheet, row 2, column “Lead bodies”: “Martian Police” is not on the Partners sheet"),
        (minimal(Priorities=[["Reference", "Title", "Title"], ["1", "A", "B"]]),
         "Priorities sheet: Columns B and C could both be “Title”"),
        (minimal(Partners=[["Name", "Kind"], ["Police", "Spaceship"]]),
         "Partners sheet, row 2, column “Kind”: “Spaceship” is not a kind of partner"),
        (minimal(Partners=[["Name"], ["Police"], ["police"]]),
         "Partners sheet, row 3, column “Name”: “police” is already on row 2"),
        (minimal(Partners=[["Name"], ["P" * 201]]),
         "Partners sheet, row 2, column “Name”: This must be 200 characters or fewer. It has 201"),
        (minimal(Measures=[["Priority reference", "Title"], ["9", "M"]]),
         "Measures sheet, row 2, column “Priority reference”: There is no priority 9"),
        (minimal(Measures=[["Priority reference", "Title", "Kind", "Baseline value"], ["1", "M", "Outcome", "5"]]),  # noqa: E501
         "Measures sheet, row 2, column “Kind”: An outcome measure has no baseline or target value"),
        (minimal(Measures=[["Priority reference", "Title", "Baseline value"], ["1", "M", "5"]]),
         "Measures sheet, row 2, column “Direction”: Say whether higher or lower is better"),
        (minimal(Measures=[["Priority reference", "Title", "Baseline value", "Direction"], ["1", "M", "lots", "up"]]),  # noqa: E501
         "Measures sheet, row 2, column “Baseline value”: “lots” is not a number"),
        (minimal(Measures=[["Priority reference", "Title", "Baseline statistic"], ["1", "M", "S9"]]),
         "Measures sheet, row 2, column “Baseline statistic”: “S9” is not a reference or label"),
        (minimal(Actions=[["Reference", "Overall objective"], ["7.1", "Do it"]]),
         "Actions sheet, row 2, column “Priority reference”: Say which priority item 7.1 belongs to"),
        (minimal(Actions=[["Reference", "Overall objective"], ["1.1", "A"], ["1.1", "B"]]),
         "Actions sheet, row 3, column “Reference”: Item 1.1 is already on row 2"),
        (minimal(Actions=[["Reference", "Overall objective"], ["1.1", ""]]),
         "Actions sheet, row 2, column “Overall objective”: Enter the overall objective"),
        (minimal(Actions=[["Reference", "Overall objective", "Deadline"], ["1.1", "A", "31/09/2022"]]),
         "Actions sheet, row 2, column “Deadline”: “31/09/2022” is not a real date: September has no day 31"),
        (minimal(Actions=[["Reference", "Overall objective", "Start date", "Deadline"], ["1.1", "A", "1/4/22", "1/3/22"]]),  # noqa: E501
         "Actions sheet, row 2, column “Deadline”: The deadline must be on or after the start date"),
        (minimal(Actions=[["Reference", "Overall objective", "Start date"], ["1.1", "A", "April 2021"]]),
         "Actions sheet, row 2, column “Start date”: “April 2021” is not a date"),
        (minimal(Actions=[["Reference", "Overall objective", "Horizon"], ["1.1", "A", "forever"]]),
         "Actions sheet, row 2, column “Horizon”: “forever” is not a horizon"),
        (minimal(Partners=[["Name", "Kind"], ["VRG", "Group"]],
                 Actions=[["Reference", "Overall objective", "Responsible organisations"], ["1.1", "A", "VRG"]]),  # noqa: E501
         "Actions sheet, row 2, column “Responsible organisations”: “VRG” is a group, not an organisation"),
        (minimal(**{"Baseline statistics": [["Label", "Value", "Unit", "Period", "Source"], ["L", "x", "u", "p", "s"]]}),  # noqa: E501
         "Baseline statistics sheet, row 2, column “Value”: “x” is not a number"),
        (minimal(**{"Baseline statistics": [["Label", "Value", "Unit", "Period", "Source"], ["L", "1", "u", "p", "s"]]}),  # noqa: E501
         "Plan sheet: The baseline statistics need the strategic assessment they come from"),
        (minimal(Themes=[["Name", "Priorities"], ["DA", "4"]]),
         "Themes sheet, row 2, column “Priorities”: There is no priority 4"),
        (minimal(Plan2=[["Title", "X"]], **{"Plan": [["Title", "T"], ["Period", "2021"]], "The plan": [["Title", "Y"]]}),  # noqa: E501
         "The plan sheet: Both “Plan” and “The plan” look like the Plan sheet"),
    ],
)  # fmt: skip
def test_each_problem_is_reported_with_its_sheet_row_and_column(sheets, expected, walsall):
    found = problems_of(sheets, walsall)
    assert any(problem.startswith(expected) for problem in found), found


def test_a_plan_title_the_partnership_already_has_is_refused(walsall, plan):
    found = problems_of(minimal(Plan=[["Title", "test plan 2020"], ["Period", "2020"]]), walsall)
    assert found == [
        "Plan sheet, row 1, column “Title”: Safer Test Partnership already has a plan called “test plan 2020”. "  # noqa: E501
        "Nothing has been imported. If this is the same plan, it is already loaded; if not, give it another title"  # noqa: E501
    ]


def test_real_world_headings_and_values_are_understood(walsall, police):
    sheets = minimal(
        **{
            "Partner organisations": [
                ["Organisation", "Type"],
                ["Test Police", "police"],
                ["Youth Club", "charity"],
            ],
            "Delivery plan": [
                ["Safer Test Partnership delivery plan"],
                [],
                ["Item No.", "Action", "Responsible partners", "Due", "Timeframe"],
                [1.1, "Walk the wards", "test police, Youth Club", "31 March 2022", "3 years"],
                ["1.2", "Keep going", "", "Ongoing", "short term"],
                [1.3, "Year end", "", 2022, ""],
            ],
        }
    )
    preview = read_workbook(workbook(sheets), "xlsx", partnership=walsall)
    assert preview.problems == []
    walk, going, year_end = preview.actions
    assert (walk.reference, walk.deadline.isoformat(), walk.horizon) == ("1.1", "2022-03-31", "three_years")
    assert [preview.body_name(k) for k in walk.organisations] == ["Test Police", "Youth Club"]
    assert (going.deadline, going.timescale, going.horizon) == (None, "Ongoing", "one_year")
    assert (year_end.deadline, year_end.timescale) == (None, "2022")
    assert [p.existing for p in preview.partners] == [police, None]  # matched whatever the case


@pytest.mark.parametrize(
    "period, start, end, scheme, first_quarter",
    [
        ("2021", "2021-01-01", "2021-12-31", "calendar", "2021 Q1"),
        ("2021/22", "2021-04-01", "2022-03-31", "financial", "2021/22 Q1"),
        ("2021-2022", "2021-04-01", "2022-03-31", "financial", "2021/22 Q1"),
        ("2021/22 to 2023/24", "2021-04-01", "2024-03-31", "financial", "2021/22 Q1"),
        ("1/4/2021 to 30/9/2022", "2021-04-01", "2022-09-30", "calendar", "2021 Q2"),
    ],
)
def test_periods_written_as_years(period, start, end, scheme, first_quarter, walsall):
    preview = read_workbook(
        workbook(minimal(Plan=[["Title", "T"], ["Period", period]])), "xlsx", partnership=walsall
    )
    assert preview.problems == []
    plan = preview.plan
    assert (plan["period_start"].isoformat(), plan["period_end"].isoformat(), plan["quarter_scheme"]) == (
        start,
        end,
        scheme,
    )
    assert preview.periods[0].label == first_quarter
    assert preview.periods[-1].end.isoformat() == end


# The web journey: upload, preview, confirm ---------------------------------------------------------


@pytest.fixture
def signed_in_admin(client, admin_user):
    client.force_login(admin_user)
    return client


def test_upload_preview_and_confirm_make_a_draft_plan_in_one_go(signed_in_admin, admin_user, walsall, caplog):
    client = signed_in_admin
    with caplog.at_level(logging.INFO, logger="swp.security"):
        response = upload(client, filled_template())
        assert response.status_code == 302
        pending = PendingImport.objects.get(created_by=admin_user, kind=PendingImport.Kind.PLAN_WORKBOOK)
        before = counts(walsall)
        page = client.get(response.url)
        assert page.status_code == 200
        assert counts(walsall) == before  # the preview saved nothing
        text = page.content.decode()
        assert "Check the plan before loading it" in text
        assert "Knife crime among under-18s" in text and "Violence Reduction Group" in text
        response = client.post(reverse("plan_workbook:confirm", args=[pending.pk]))
    plan = Plan.objects.get(partnership=walsall, title="Safer Borough Community Safety Plan 2021/22")
    assert response.status_code == 302 and response.url == reverse("plan_workbook:plan", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT
    assert plan.history.first().history_user == admin_user
    assert Action.history.filter(plan_id=plan.pk).first().history_user == admin_user
    assert {r.security["event"] for r in caplog.records if hasattr(r, "security")} >= {
        "import_previewed",
        "import_applied",
    }
    page = client.get(response.url)
    priorities, measures = plan.priorities.count(), Measure.objects.filter(priority__plan=plan).count()
    assert (priorities, measures, plan.actions.count()) == (PRIORITIES, MEASURES, ACTIONS)
    assert (
        f"Loaded “Safer Borough Community Safety Plan 2021/22” as a draft: {PRIORITIES} priorities, "
        f"{MEASURES} measures and {ACTIONS} actions"
    ) in page.content.decode()
    PendingImport.objects.get(pk=pending.pk, applied_at__isnull=False)
    # Confirming again finds nothing to confirm: the upload was used.
    assert client.post(reverse("plan_workbook:confirm", args=[pending.pk])).status_code == 404


def test_the_same_workbook_twice_makes_one_plan(signed_in_admin, walsall):
    for _ in range(2):
        response = upload(signed_in_admin, filled_template())
        pending = PendingImport.objects.filter(partnership=walsall, applied_at__isnull=True).first()
        confirmed = signed_in_admin.post(reverse("plan_workbook:confirm", args=[pending.pk]))
    assert Plan.objects.filter(partnership=walsall, title__startswith="Safer Borough").count() == 1
    assert confirmed.status_code == 200
    assert "already has a plan called" in confirmed.content.decode()
    assert response.status_code == 302


def test_a_workbook_with_problems_cannot_be_confirmed(signed_in_admin, walsall):
    upload(signed_in_admin, workbook(minimal(Actions=[["Reference", "Overall objective"], ["9.9", "x"]])))
    pending = PendingImport.objects.get(partnership=walsall)
    before = counts(walsall)
    page = signed_in_admin.get(reverse("plan_workbook:preview", args=[pending.pk])).content.decode()
    assert "There is a problem with the workbook" in page
    assert "Load the plan as a draft" not in page
    response = signed_in_admin.post(reverse("plan_workbook:confirm", args=[pending.pk]))
    assert (
        response.status_code == 200 and "Say which priority item 9.9 belongs to" in response.content.decode()
    )
    assert counts(walsall) == before


def test_a_crash_on_row_100_saves_nothing_and_says_so(signed_in_admin, walsall, monkeypatch, caplog):
    """INT-05: the hundredth action fails to save; no plan, partner or priority is left behind."""
    rows = [["Reference", "Overall objective", "Responsible organisations"]]
    rows += [[f"1.{n}", f"Action {n}", "New Partner"] for n in range(1, 121)]
    sheets = minimal(Partners=[["Name"], ["New Partner"]], Actions=rows)
    upload(signed_in_admin, workbook(sheets))
    pending = PendingImport.objects.get(partnership=walsall)
    before = counts(walsall)
    real, calls = creating.create_action, []

    def crash_on_row_100(row, *args, **kwargs):
        calls.append(row.row)
        if len(calls) == 100:
            raise RuntimeError("the database went away")
        return real(row, *args, **kwargs)

    monkeypatch.setattr(creating, "create_action", crash_on_row_100)
    with caplog.at_level(logging.INFO, logger="swp.security"):
        response = signed_in_admin.post(reverse("plan_workbook:confirm", args=[pending.pk]))

    assert calls[-1] == 101  # row 101 of the sheet is the hundredth action
    assert response.status_code == 200
    text = response.content.decode()
    assert "The plan could not be loaded" in text and "nothing was saved" in text
    assert "Loaded" not in text
    assert counts(walsall) == before
    assert not Organisation.objects.filter(name="New Partner").exists()
    assert [r.security["event"] for r in caplog.records if hasattr(r, "security")].count("import_failed") == 1
    assert PendingImport.objects.get(pk=pending.pk).applied_at is None  # can be tried again


def test_confirming_someone_elses_upload_is_not_found(client, admin_user, walsall, elsewhere, outsider):
    other_admin = factories.make_user(walsall, Role.ADMIN)
    client.force_login(other_admin)
    upload(client, filled_template())
    pending = PendingImport.objects.get(created_by=other_admin)
    client.force_login(admin_user)  # same partnership, same role, not the uploader
    assert client.get(reverse("plan_workbook:preview", args=[pending.pk])).status_code == 404
    assert client.post(reverse("plan_workbook:confirm", args=[pending.pk])).status_code == 404
    client.force_login(outsider)
    assert client.post(reverse("plan_workbook:confirm", args=[pending.pk])).status_code == 404
    assert not Plan.objects.filter(title__startswith="Safer Borough").exists()


def test_a_made_up_confirm_id_is_not_found(signed_in_admin):
    url = reverse("plan_workbook:confirm", args=["6f1c1f8e-5d7e-4a53-9c7a-0a5f3b0f2d11"])
    assert signed_in_admin.post(url).status_code == 404


def test_confirm_takes_only_post(signed_in_admin, walsall):
    upload(signed_in_admin, filled_template())
    pending = PendingImport.objects.get(partnership=walsall)
    assert signed_in_admin.get(reverse("plan_workbook:confirm", args=[pending.pk])).status_code == 405


# Who may load a plan -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["secretary", "lead_a", "viewer"])
def test_only_the_partnership_admin_may_load_a_plan(who, request, client, walsall, p1):
    client.force_login(request.getfixturevalue(who))
    before = counts(walsall)
    assert client.get(reverse("plan_workbook:upload")).status_code == 403
    assert upload(client, filled_template()).status_code == 403
    assert client.get(reverse("plan_workbook:template")).status_code == 403
    assert not PendingImport.objects.exists()
    assert counts(walsall) == before


def test_signed_out_people_are_sent_to_sign_in(client):
    for url in (
        reverse("plan_workbook:upload"),
        reverse("plan_workbook:template"),
        reverse("plan_workbook:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_outsider_loads_only_into_their_own_partnership(client, outsider, elsewhere, walsall):
    client.force_login(outsider)
    upload(client, filled_template())
    pending = PendingImport.objects.get(created_by=outsider)
    assert pending.partnership == elsewhere
    client.post(reverse("plan_workbook:confirm", args=[pending.pk]))
    assert Plan.objects.filter(partnership=elsewhere, title__startswith="Safer Borough").exists()
    assert not Plan.objects.filter(partnership=walsall, title__startswith="Safer Borough").exists()


# Hostile and wrong files (SEC-13) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.xlsx", b"MZ\x90\x00" + b"\x00" * 200, "The file is not a real Excel workbook"),
        ("plan.xlsm", b"PK\x03\x04", "The file contains macros"),
        ("plan.csv", b"Reference,Title\n1,A\n", "A whole plan needs several sheets"),
        ("plan.json", b"{}", "The file must be a spreadsheet"),
        ("plan.zip", b"PK\x03\x04", "The file must be a spreadsheet"),
    ],
)
def test_hostile_and_wrong_files_are_refused_before_reading(name, content, message, signed_in_admin, walsall):
    response = upload(signed_in_admin, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PendingImport.objects.exists()


def test_an_xlsx_with_a_macro_inside_is_refused(signed_in_admin):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", b"\x00" * 10)
    response = upload(signed_in_admin, data.getvalue())
    assert "The file contains macros" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_zip_of_csv_files_is_checked_before_it_is_read(tmp_path, walsall):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plan.csv", b"a" * (30 * 1024 * 1024))
    with pytest.raises(UploadRefused, match="too large once opened"):
        check_csv_zip(bomb.getvalue())
    exe = io.BytesIO()
    with zipfile.ZipFile(exe, "w") as archive:
        archive.writestr("plan.exe", b"MZ")
    with pytest.raises(UploadRefused, match="only CSV files"):
        check_csv_zip(exe.getvalue())


# Query counts ----------------------------------------------------------------------------------------


def test_previewing_the_demo_plan_takes_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    from governance.models import User

    admin = User.objects.get(email="admin@demo.example")
    client.force_login(admin)
    data = exporter.export_xlsx(Plan.objects.get(partnership__slug="safer-walsall"))
    upload(client, data)
    pending = PendingImport.objects.get(created_by=admin)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("plan_workbook:preview", args=[pending.pk]))
    # The demo's own plan: refused, as it is already there, but every row is still shown.
    assert "already has a plan called “Safer Walsall Partnership Plan 2020”" in page.content.decode()
    assert page.content.decode().count('<th scope="row" class="govuk-table__header">') > 64


# The command -----------------------------------------------------------------------------------------


def test_import_plan_without_commit_changes_nothing(tmp_path, walsall):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(filled_template())
    before = counts(walsall)
    out = io.StringIO()
    call_command("import_plan", str(path), "--partnership", walsall.slug, stdout=out)
    assert counts(walsall) == before
    assert "Priority 1.1.1 Knife crime among under-18s (part of 1.1)" in out.getvalue()
    assert "Preview only: nothing was imported" in out.getvalue()


def test_import_plan_with_commit_loads_the_plan(tmp_path, walsall):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(filled_template())
    call_command("import_plan", str(path), "--partnership", walsall.slug, "--commit", stdout=io.StringIO())
    plan = Plan.objects.get(partnership=walsall, title__startswith="Safer Borough")
    assert plan.priorities.count() == 4 and Measure.objects.filter(priority__plan=plan).count() == 4


def test_import_plan_with_problems_exits_with_them_on_stderr(tmp_path, walsall):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook(minimal(Actions=[["Reference", "Overall objective"], ["9.9", "x"]])))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--partnership", walsall.slug, "--commit",
                     stdout=io.StringIO(), stderr=err)  # fmt: skip
    assert "Actions sheet, row 2, column “Priority reference”" in err.getvalue()
    assert not Plan.objects.filter(partnership=walsall, title="Minimal Plan 2021").exists()


def test_import_plan_reads_a_zip_of_csv_files(tmp_path, walsall, demo):
    path = tmp_path / "plan.zip"
    path.write_bytes(exporter.export_csv_zip(Plan.objects.get(partnership__slug="safer-walsall")))
    call_command("import_plan", str(path), "--partnership", walsall.slug, "--commit", stdout=io.StringIO())
    assert (
        Plan.objects.get(partnership=walsall, title="Safer Walsall Partnership Plan 2020").actions.count()
        == 64
    )


def test_import_plan_refuses_a_renamed_program(tmp_path, walsall):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"MZ" + b"\x00" * 100)
    with pytest.raises(CommandError, match="not a real Excel workbook"):
        call_command("import_plan", str(path), "--partnership", walsall.slug)

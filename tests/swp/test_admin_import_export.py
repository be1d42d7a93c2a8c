"""Import and export in the Django admin (issue 6 items 1 and 2; SEC-12, SEC-14, SEC-17, INT-04 to INT-06).

The admin is for superusers only. Each of the six admins (organisations, priorities, measures,
readings, actions, updates) imports and exports CSV and XLSX through swp/import_export/:
checked uploads, all-or-nothing imports, natural keys scoped to a partnership, signed confirm steps,
neutralised exports, and security log lines.
"""

import csv
import datetime
import hashlib
import io
import json
import logging

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import Action, ActionUpdate
from actions.resources import ActionResource, ActionUpdateResource
from governance.models import Organisation, Role
from governance.resources import OrganisationResource
from priorities.models import Measure, MeasureReading, Priority
from priorities.resources import MeasureReadingResource, MeasureResource, PriorityResource
from swp.import_export.admin import SafeImportExportMixin
from swp.import_export.formats import SafeCSV, SafeXLSX
from tests import factories

RESOURCES = {
    Organisation: OrganisationResource,
    Priority: PriorityResource,
    Measure: MeasureResource,
    MeasureReading: MeasureReadingResource,
    Action: ActionResource,
    ActionUpdate: ActionUpdateResource,
}
MODELS = list(RESOURCES)
IDS = [model._meta.model_name for model in MODELS]
UPDATE_HEADERS = [field.column_name for field in ActionUpdateResource().get_export_fields()]


# Helpers ------------------------------------------------------------------------------------------


def url(model, view: str) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def xlsx(headers, rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_file(headers, rows, *, encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def preview(client, model, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post(url(model, "import"), {"resource": "0", "format": "", "import_file": upload})


def confirm_data(response) -> dict:
    form = response.context["confirm_form"]
    return {name: form.initial.get(name, "") for name in form.fields}


def import_file(client, model, name: str, content: bytes):
    """Upload, preview, confirm: the admin's whole import. Returns (preview response, confirm response)."""
    previewed = preview(client, model, name, content)
    assert previewed.status_code == 200
    assert previewed.context.get("confirm_form") is not None, _errors(previewed)
    confirmed = client.post(url(model, "process_import"), confirm_data(previewed), follow=True)
    return previewed, confirmed


def _errors(response) -> str:
    form = response.context.get("form")
    result = response.context.get("result")
    problems = [str(form.errors)] if form is not None and form.errors else []
    if result is not None:
        problems += [f"{row.number}: {row.error_dict}" for row in result.invalid_rows]
        problems += [str(error.error) for error in result.base_errors]
        problems += [f"{n}: {e[0].error}" for n, e in result.row_errors()]
    return "\n".join(problems)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def snapshot(plan) -> dict:
    """Per-table counts and a checksum of every row a plan's import could touch."""
    tables = {
        "updates": ActionUpdate.objects.filter(action__plan=plan).order_by("pk").values(),
        "actions": Action.objects.filter(plan=plan).order_by("pk").values(),
        "priorities": Priority.objects.filter(plan=plan).order_by("pk").values(),
        "history": ActionUpdate.history.filter(action__plan=plan).order_by("pk").values("history_id"),
    }
    return {
        name: (len(rows := list(query)), hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest())
        for name, query in tables.items()
    }


@pytest.fixture
def superuser(walsall):
    return factories.make_user(
        walsall, Role.ADMIN, is_staff=True, is_superuser=True, email="root@example.org"
    )


@pytest.fixture
def su_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def actions(p1, p2, lead_a):
    """Twenty actions in the test plan, owned by lead_a."""
    return [
        factories.make_action(p1 if n <= 10 else p2, reference=f"{1 if n <= 10 else 2}.{n}", owner=lead_a)
        for n in range(1, 21)
    ]


def update_row(plan, action, period, **values):
    row = {
        "Partnership": plan.partnership.slug,
        "Plan ID": plan.pk,
        "Action reference": action.reference,
        "Period": period.label,
        "RAG": "Green",
        "Progress": f"Progress on {action.reference}",
        "What is being done": "",
        "Outcomes": "",
        "Action complete": "No",
        "Proposed deadline": "",
        "Why the deadline should change": "",
        "State": "Draft",
        "Submitted by email": "",
        "Submitted at": "",
    }
    row.update(values)
    return [row[h] for h in UPDATE_HEADERS]


# The settings and the admin classes (SEC-12, SEC-13, INT-04) ------------------------------------


def test_settings_set_permission_codes_transactions_and_only_csv_and_xlsx():
    from import_export.formats import base_formats

    assert django_settings.IMPORT_EXPORT_IMPORT_PERMISSION_CODE == "import"
    assert django_settings.IMPORT_EXPORT_EXPORT_PERMISSION_CODE == "export"
    assert django_settings.IMPORT_EXPORT_USE_TRANSACTIONS is True
    assert django_settings.IMPORT_EXPORT_FORMATS == [base_formats.CSV, base_formats.XLSX]


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_each_admin_offers_only_csv_and_xlsx_with_its_allowlisted_resource(model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, SafeImportExportMixin)
    assert [f().get_title() for f in model_admin.get_import_formats()] == ["csv", "xlsx"]
    assert [f().get_title() for f in model_admin.get_export_formats()] == ["csv", "xlsx"]
    assert model_admin.get_import_formats() == [SafeCSV, SafeXLSX]
    assert model_admin.resource_classes == [RESOURCES[model]]


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_resources_list_their_fields_and_import_all_or_nothing(model):
    resource = RESOURCES[model]()
    options = resource._meta
    assert options.fields and set(resource.fields) == set(options.fields), "an explicit allowlist"
    assert options.skip_unchanged and options.report_skipped and options.clean_model_instances
    assert options.use_transactions
    forbidden = {"id", "pk", "password", "version", "last_login"}
    assert not forbidden & set(resource.fields)
    assert all(resource.fields[name] for name in options.import_id_fields)
    model_admin = admin.site._registry[model]
    assert model_admin.get_import_data_kwargs()["rollback_on_validation_errors"] is True


# Permissions (SEC-12) -----------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_staff_without_superuser_cannot_open_or_post_to_import_or_export(client, walsall, plan, model):
    staff = factories.make_user(walsall, Role.ADMIN, is_staff=True)
    client.force_login(staff)
    before = model.objects.count()
    for view in ("import", "export"):
        response = client.get(url(model, view))
        assert response.status_code == 302 and "/admin/login/" in response.url
    content = csv_file(
        ["Partnership", "Name", "Kind", "Membership"], [[walsall.slug, "New", "police", "associate"]]
    )
    response = client.post(
        url(model, "import"), {"format": "0", "import_file": SimpleUploadedFile("x.csv", content)}
    )
    assert response.status_code == 302
    response = client.post(
        url(model, "process_import"),
        {"import_file_name": "anything", "original_file_name": "x.csv", "format": "0", "resource": "0"},
    )
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert model.objects.count() == before


def test_import_and_export_need_their_own_permission_codes(rf, walsall):
    """Even where the admin let a non-superuser in, import_* and export_* would still be needed."""
    staff = factories.make_user(walsall, Role.ADMIN, is_staff=True)
    model_admin = admin.site._registry[Action]
    request = rf.get("/")
    request.user = staff
    assert not model_admin.has_import_permission(request)
    assert not model_admin.has_export_permission(request)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(
        Permission.objects.get(codename="import_action"), Permission.objects.get(codename="export_action")
    )
    staff = type(staff).objects.get(pk=staff.pk)  # fresh permission cache
    request.user = staff
    assert model_admin.has_import_permission(request) and model_admin.has_export_permission(request)


def test_changelist_shows_import_and_export_links_to_the_superuser(su_client):
    response = su_client.get(url(Action, "changelist"))
    content = response.content.decode()
    assert url(Action, "import") in content and url(Action, "export") in content


# A round trip through the admin -----------------------------------------------------------------


def test_updates_import_creates_records_with_history_and_security_log(
    su_client, plan, period, actions, caplog
):
    rows = [update_row(plan, action, period, RAG="A" if n % 2 else "g") for n, action in enumerate(actions)]
    rows[0][UPDATE_HEADERS.index("What is being done")] = "Recovery: more patrols"
    rows[2][UPDATE_HEADERS.index("What is being done")] = "'=shown as text"
    with caplog.at_level(logging.INFO, logger="swp.security"):
        previewed, confirmed = import_file(
            su_client, ActionUpdate, "updates.xlsx", xlsx(UPDATE_HEADERS, rows)
        )
    assert any("20 new" in message for message in messages_of(confirmed)), messages_of(confirmed)
    updates = ActionUpdate.objects.filter(action__plan=plan, period=period)
    assert updates.count() == 20
    first = updates.get(action=actions[0])
    assert first.rag == "green" and first.recovery_plan == "Recovery: more patrols"
    assert updates.get(action=actions[1]).rag == "amber"
    assert updates.get(action=actions[2]).recovery_plan == "=shown as text"  # the one apostrophe removed
    record = first.history.first()
    assert record.history_type == "+" and record.history_user.email == "root@example.org"
    events = [getattr(r, "security", {}) for r in caplog.records]
    imported = [e for e in events if e.get("event") == "import"]
    assert imported and imported[0]["rows"] == "20" and "new=20" in imported[0]["changes"]
    assert imported[0]["filename"] == "updates.xlsx"
    assert any(e.get("event") == "import_previewed" for e in events)
    assert "Progress on" not in caplog.text  # no file contents in the log


def test_same_file_twice_changes_nothing_the_second_time(su_client, plan, period, actions):
    content = xlsx(UPDATE_HEADERS, [update_row(plan, action, period) for action in actions])
    import_file(su_client, ActionUpdate, "updates.xlsx", content)
    before = snapshot(plan)
    previewed, confirmed = import_file(su_client, ActionUpdate, "updates.xlsx", content)
    totals = previewed.context["result"].totals
    assert totals["new"] == 0 and totals["update"] == 0 and totals["skip"] == 20
    assert any("0 new, 0 updated, 0 deleted and 20 skipped" in m for m in messages_of(confirmed))
    assert snapshot(plan) == before
    assert ActionUpdate.objects.filter(action__plan=plan).count() == 20


def test_csv_in_windows_1252_imports_too(su_client, walsall):
    headers = [f.column_name for f in OrganisationResource().get_export_fields()]
    content = csv_file(
        headers, [[walsall.slug, "Café Partners – £ fund", "", "Voluntary and community", "associate"]],
        encoding="cp1252",
    )  # fmt: skip
    import_file(su_client, Organisation, "partners.csv", content)
    made = Organisation.objects.get(partnership=walsall, name="Café Partners – £ fund")
    assert made.kind == "voluntary" and made.membership == "associate"


def test_export_then_import_changes_nothing(su_client, plan, period, actions, lead_a):
    for action in actions[:5]:
        factories.make_update(action, period, rag="red", progress="=1+1 line\nsecond", recovery_plan="-2+3")
    before = snapshot(plan)
    for fmt, index in (("csv", "0"), ("xlsx", "1")):
        body = export(su_client, ActionUpdate, index, plan.partnership)
        previewed, _ = import_file(su_client, ActionUpdate, f"updates.{fmt}", body)
        totals = previewed.context["result"].totals
        assert totals["new"] == 0 and totals["update"] == 0, fmt
        assert snapshot(plan) == before, fmt


def test_priorities_measures_readings_organisations_and_actions_round_trip(
    su_client, plan, period, p1, lead_a
):
    measure = factories.make_measure(p1, unit_type="count")
    MeasureReading.objects.create(
        measure=measure, period=period, value=12, narrative="+ten", entered_by=lead_a
    )
    factories.make_action(p1, reference="1.1", deadline=datetime.date(2020, 3, 31), owner=lead_a)
    for model in (Organisation, Priority, Measure, MeasureReading, Action):
        for index in ("0", "1"):
            body = export(su_client, model, index, plan.partnership)
            previewed, confirmed = import_file(
                su_client, model, "file.xlsx" if index == "1" else "file.csv", body
            )
            totals = previewed.context["result"].totals
            assert totals["new"] == 0 and totals["update"] == 0 and totals["invalid"] == 0, (model, index)


PARTNERSHIP_FILTER = {
    Organisation: "partnership",
    Priority: "plan__partnership",
    Measure: "priority__plan__partnership",
    MeasureReading: "period__plan__partnership",
    Action: "plan__partnership",
    ActionUpdate: "period__plan__partnership",
}


def export(client, model, index: str, partnership) -> bytes:
    """The admin's export form for one partnership (the changelist filter), every column ticked.

    Index "0" is CSV, "1" XLSX."""
    resource = RESOURCES[model]
    ticked = {f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_order()}
    query = f"?{PARTNERSHIP_FILTER[model]}__id__exact={partnership.pk}"
    response = client.post(url(model, "export") + query, {"format": index, "resource": "0", **ticked})
    assert response.status_code == 200, response.content[:500]
    return response.content


# All or nothing (INT-04, INT-05) --------------------------------------------------------------------


def test_a_200_row_file_with_bad_rows_57_and_143_saves_nothing_and_names_exactly_those_rows(
    su_client, plan, period, p1, lead_a
):
    many = [factories.make_action(p1, reference=f"9.{n}", owner=lead_a) for n in range(1, 201)]
    rows = [update_row(plan, action, period) for action in many]
    column = UPDATE_HEADERS.index
    rows[56][column("RAG")] = "Purple"  # row 57
    rows[56][column("Period")] = ""  # a missing required value, on the same row
    rows[142][column("Proposed deadline")] = "31/02/2025"  # row 143
    rows[142][column("Why the deadline should change")] = "Funding moved"
    rows[142][column("Action reference")] = rows[141][column("Action reference")]  # a duplicate key
    before = snapshot(plan)
    previewed = preview(su_client, ActionUpdate, "updates.xlsx", xlsx(UPDATE_HEADERS, rows))
    result = previewed.context["result"]
    assert previewed.context.get("confirm_form") is None  # nothing to confirm
    assert [row.number for row in result.invalid_rows] == [57, 143]
    row57, row143 = (row.error_dict for row in result.invalid_rows)
    assert "“Purple” is not a RAG rating" in " ".join(row57["RAG"])
    assert "Period" in row57
    assert "February has no day 31" in " ".join(row143["Proposed deadline"])
    assert "Row 142 already has the same" in " ".join(row143["Period"] + row143.get("Action reference", []))
    content = previewed.content.decode()
    assert "Purple" in content and "February has no day 31" in content
    assert snapshot(plan) == before

    # The same rows straight through import_data with the admin's arguments: still nothing saved.
    from import_export.formats.base_formats import XLSX

    dataset = SafeXLSX().create_dataset(xlsx(UPDATE_HEADERS, rows))
    assert XLSX  # the settings' format, which the admin replaces with SafeXLSX
    result = ActionUpdateResource().import_data(
        dataset, dry_run=False, **admin.site._registry[ActionUpdate].get_import_data_kwargs()
    )
    assert result.has_validation_errors()
    assert snapshot(plan) == before


def test_a_crash_on_row_100_commits_nothing_shows_a_failure_and_is_logged(
    su_client, plan, period, p1, lead_a, monkeypatch, caplog
):
    many = [factories.make_action(p1, reference=f"8.{n}", owner=lead_a) for n in range(1, 151)]
    content = xlsx(UPDATE_HEADERS, [update_row(plan, action, period) for action in many])
    previewed = preview(su_client, ActionUpdate, "updates.xlsx", content)
    data = confirm_data(previewed)
    before = snapshot(plan)
    saved = {"n": 0}
    original = ActionUpdateResource.save_instance

    def crash_on_row_100(self, instance, is_create, row, **kwargs):
        saved["n"] += 1
        if saved["n"] == 100:
            raise RuntimeError("database went away")
        return original(self, instance, is_create, row, **kwargs)

    monkeypatch.setattr(ActionUpdateResource, "save_instance", crash_on_row_100)
    with caplog.at_level(logging.INFO, logger="swp.security"):
        response = su_client.post(url(ActionUpdate, "process_import"), data, follow=True)
    assert saved["n"] >= 100
    assert snapshot(plan) == before
    shown = " ".join(messages_of(response))
    assert "nothing was saved" in shown and "99" not in shown and "new" not in shown
    failed = [
        r.security for r in caplog.records if getattr(r, "security", {}).get("event") == "import_failed"
    ]
    assert failed and failed[0]["rows"] == "150"


def test_a_crash_outside_the_rows_is_a_failure_not_a_500(su_client, plan, period, actions, monkeypatch):
    content = xlsx(UPDATE_HEADERS, [update_row(plan, action, period) for action in actions])
    data = confirm_data(preview(su_client, ActionUpdate, "updates.xlsx", content))
    before = snapshot(plan)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ActionUpdateResource, "after_import", broken)
    response = su_client.post(url(ActionUpdate, "process_import"), data, follow=True)
    assert response.status_code == 200
    assert "nothing was saved" in " ".join(messages_of(response))
    assert snapshot(plan) == before


def test_imported_updates_obey_the_model_constraints(su_client, plan, period, actions):
    rows = [update_row(plan, actions[0], period, RAG="Red", State="Submitted", **{"Submitted at": ""})]
    previewed = preview(su_client, ActionUpdate, "updates.csv", csv_file(UPDATE_HEADERS, rows))
    errors = previewed.context["result"].invalid_rows[0].error_dict
    text = json.dumps(errors)
    assert "submitted update needs a RAG rating and the time" in text
    assert "Say what is being done" in text
    assert not ActionUpdate.objects.filter(action=actions[0]).exists()


# Scoped natural keys ----------------------------------------------------------------------------


def test_an_import_cannot_reach_another_partnerships_plan_or_people(
    su_client, walsall, elsewhere, plan, period, actions
):
    other_plan = factories.make_plan(elsewhere, title="Elsewhere plan")
    stranger = factories.make_user(elsewhere, Role.CONTRIBUTOR, email="stranger@example.org")
    rows = [
        update_row(plan, actions[0], period, **{"Plan ID": other_plan.pk}),  # another partnership's plan
        update_row(plan, actions[1], period, **{"Submitted by email": stranger.email}),
        update_row(plan, actions[2], period, **{"Action reference": "77.7"}),
    ]
    previewed = preview(su_client, ActionUpdate, "updates.csv", csv_file(UPDATE_HEADERS, rows))
    invalid = {
        row.number: json.dumps(row.error_dict, ensure_ascii=False)
        for row in previewed.context["result"].invalid_rows
    }
    assert set(invalid) == {1, 2, 3}
    assert f"has no plan with ID {other_plan.pk}" in invalid[1]
    assert "stranger@example.org” is not the work email of anyone in" in invalid[2]
    assert "has no action “77.7”" in invalid[3]


# The confirm step belongs to its uploader (INT-06) -----------------------------------------------


def test_confirm_step_pointing_at_another_users_upload_is_refused(
    client, su_client, walsall, plan, period, actions, caplog
):
    content = xlsx(UPDATE_HEADERS, [update_row(plan, action, period) for action in actions])
    theirs = confirm_data(preview(su_client, ActionUpdate, "theirs.xlsx", content))

    other = factories.make_user(
        walsall, Role.ADMIN, is_staff=True, is_superuser=True, email="other@example.org"
    )
    client.force_login(other)
    mine = confirm_data(preview(client, ActionUpdate, "mine.xlsx", content))
    their_name = theirs["import_file_name"].rpartition(":")[0]
    tampered = [
        {**mine, "import_file_name": theirs["import_file_name"]},  # their signed name, under my account
        {**mine, "import_file_name": f"{their_name}:{mine['import_file_name'].rpartition(':')[2]}"},
        {**mine, "import_file_name": their_name},  # unsigned
        {**mine, "import_file_name": "../../etc/passwd"},
        {**mine, "format": "0"},  # my own file, read as another format
    ]
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        for data in tampered:
            response = client.post(url(ActionUpdate, "process_import"), data)
            assert response.status_code == 403
    assert not ActionUpdate.objects.filter(action__plan=plan).exists()
    assert sum(getattr(r, "security", {}).get("event") == "import_refused" for r in caplog.records) == len(
        tampered
    )
    # and the genuine confirm still works
    response = client.post(url(ActionUpdate, "process_import"), mine, follow=True)
    assert ActionUpdate.objects.filter(action__plan=plan).count() == 20


def test_a_refused_confirm_step_is_one_line_in_the_security_log(su_client, plan, period, actions, caplog):
    """One refusal, one line: the import's own reason, not a second generic access_refused beside it."""
    content = xlsx(UPDATE_HEADERS, [update_row(plan, action, period) for action in actions])
    mine = confirm_data(preview(su_client, ActionUpdate, "mine.xlsx", content))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        response = su_client.post(url(ActionUpdate, "process_import"), {**mine, "import_file_name": "x.xlsx"})
    assert response.status_code == 403
    logged = [r.security["event"] for r in caplog.records if hasattr(r, "security")]
    assert logged == ["import_refused"]


# Hostile uploads are refused before d-i-e reads them (SEC-13; more in test_hostile_uploads.py) ----


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.yaml", b"a: 1\n", "must be a spreadsheet saved as Excel workbook"),
        ("plan.json", b"[]", "must be a spreadsheet saved as Excel workbook"),
        ("plan.xlsx", b"MZ\x90\x00" + bytes(200), "not a real Excel workbook"),
        ("plan.xlsm", b"PK\x03\x04" + bytes(200), "contains macros"),
    ],
)
def test_hostile_uploads_are_refused_in_the_admin_with_a_clear_message(
    su_client, name, content, message, caplog
):
    with caplog.at_level(logging.WARNING, logger="swp.security"):
        response = preview(su_client, ActionUpdate, name, content)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["import_file"])
    assert response.context.get("result") is None
    refused = [
        r.security for r in caplog.records if getattr(r, "security", {}).get("event") == "import_refused"
    ]
    assert refused and refused[0]["filename"] == name


# Exports cannot carry a formula (SEC-14) ---------------------------------------------------------

DANGEROUS = [
    "=1+1",
    '==HYPERLINK("http://x","y")',
    "+SUM(1,1)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "\0x",
]


def _seed_dangerous(plan, period, p1, lead_a):
    from django.db import connection

    texts = [
        t for t in DANGEROUS if connection.vendor != "postgresql" or "\0" not in t
    ]  # PostgreSQL refuses NUL
    measure = factories.make_measure(
        p1, baseline_value=-5, target_value=-2, baseline_source="=cmd|' /C calc'!A0"
    )
    for n, dangerous in enumerate(texts, start=1):
        action = factories.make_action(
            p1, reference=f"5.{n}", overall_objective=dangerous, objective=dangerous
        )
        factories.make_update(action, period, rag="red", progress=dangerous, recovery_plan=dangerous)
    return texts, measure


def test_admin_exports_neutralise_every_dangerous_text_in_csv_and_xlsx(su_client, plan, period, p1, lead_a):
    texts, measure = _seed_dangerous(plan, period, p1, lead_a)
    expected = {"'" + t.replace("\0", "") for t in texts}
    for model, columns in (
        (Action, ["Overall objective", "Objective"]),
        (ActionUpdate, ["Progress", "What is being done"]),
    ):
        table = list(
            csv.reader(
                io.StringIO(export(su_client, model, "0", plan.partnership).decode("utf-8-sig"), newline="")
            )
        )
        headers, rows = table[0], table[1:]
        for column in columns:
            cells = {row[headers.index(column)] for row in rows}
            assert expected <= cells, (model, column, expected - cells)
            # Would fail with only IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT: it leaves + - @ alone and
            # turns ==HYPERLINK into =HYPERLINK.
            assert "'+SUM(1,1)" in cells and '\'==HYPERLINK("http://x","y")' in cells
            assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]

        sheet = openpyxl.load_workbook(io.BytesIO(export(su_client, model, "1", plan.partnership))).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        values = {c.value for c in cells if c.data_type == "s"}
        assert expected <= values
    measures = openpyxl.load_workbook(io.BytesIO(export(su_client, Measure, "1", plan.partnership))).active
    header = [c.value for c in next(measures.iter_rows())]
    row = next(r for r in measures.iter_rows(min_row=2) if r[header.index("Title")].value == measure.title)
    baseline, target = row[header.index("Baseline value")], row[header.index("Target value")]
    assert (baseline.value, baseline.data_type, target.value) == (-5, "n", -2)  # numbers stay numbers
    assert row[header.index("Baseline source")].value == "'=cmd|' /C calc'!A0"
    table = list(
        csv.reader(io.StringIO(export(su_client, Measure, "0", plan.partnership).decode("utf-8-sig")))
    )
    assert table[1][table[0].index("Baseline value")] == "-5.00"  # no apostrophe before a number


def test_the_librarys_own_escaping_alone_would_not_be_enough(settings):
    """Why SafeCSV and SafeXLSX exist: stock d-i-e, with IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT on."""
    import tablib
    from import_export.formats import base_formats

    settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
    dataset = tablib.Dataset(
        ["+SUM(1,1)", "@SUM(A1)", '==HYPERLINK("http://x","y")', -5], headers=list("ABCD")
    )
    out = base_formats.CSV().export_data(tablib.Dataset(*dataset, headers=dataset.headers))
    assert "+SUM(1,1)" in out and "'+SUM" not in out  # left live
    body = base_formats.XLSX().export_data(tablib.Dataset(*dataset, headers=dataset.headers))
    cells = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(min_row=2))[0]
    assert cells[2].data_type == "f"  # ==HYPERLINK lost one "=" and became a live formula
    assert cells[3].data_type == "s"  # and -5 became text


# Numbers as spreadsheets store them (issue 15 item 4) --------------------------------------------------


def _readings_with_value(su_client, plan, value, number_format: str = "General") -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(export(su_client, MeasureReading, "1", plan.partnership)))
    sheet = book.active
    column = [cell.value for cell in sheet[1]].index("Value") + 1
    sheet.cell(2, column).value = value
    sheet.cell(2, column).number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_reading_excel_shows_as_a_percentage_is_read_as_shown(su_client, plan, period, p1, lead_a):
    measure = factories.make_measure(p1, unit="%", unit_type="percentage")
    MeasureReading.objects.create(measure=measure, period=period, value=12, entered_by=lead_a)
    import_file(su_client, MeasureReading, "readings.xlsx", _readings_with_value(su_client, plan, 0.26, "0%"))
    assert MeasureReading.objects.get(measure=measure).value == 26


def test_a_reading_the_database_would_refuse_is_refused_at_its_row_and_nothing_is_saved(
    su_client, plan, period, p1, lead_a
):
    measure = factories.make_measure(p1, unit="%", unit_type="percentage")
    MeasureReading.objects.create(measure=measure, period=period, value=12, entered_by=lead_a)
    previewed = preview(
        su_client, MeasureReading, "readings.xlsx", _readings_with_value(su_client, plan, 0.438)
    )
    assert "“0.438” has more than 2 decimal places. If it is a percentage, type it with a % sign (43.8%)" in (
        _errors(previewed)
    )
    assert previewed.context.get("confirm_form") is None
    assert MeasureReading.objects.get(measure=measure).value == 12

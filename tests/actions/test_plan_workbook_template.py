"""The blank plan workbook: who may download it, what it says, and its own round trip: download it,
fill it in (another partnership's plan with every awkward case real plans have), load it, check."""

import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from actions.models import Action
from governance.models import Board, Organisation, PendingImport
from priorities.models import Measure, Plan
from tests import factories
from tests.fixtures.plan_workbooks import LONG_TEXT, SAFER_BOROUGH, fill

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(client) -> bytes:
    response = client.get(reverse("plan_workbook:template"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="plan-workbook-template.xlsx"'
    return response.content


def test_the_template_documents_every_sheet_and_column(client, admin_user):
    client.force_login(admin_user)
    book = openpyxl.load_workbook(io.BytesIO(download(client)))
    assert book.sheetnames == [
        "Read me", "Plan", "Partners", "Priorities", "Measures", "Actions", "Themes", "Baseline statistics",
        "Reporting periods",
    ]  # fmt: skip
    read_me = "\n".join(
        " ".join(str(v) for v in row if v) for row in book["Read me"].iter_rows(values_only=True)
    )
    described = re.findall(r"Sheet “([^”]+)”", read_me)
    assert described == book.sheetnames[1:]  # every sheet the Read me describes, and no other
    for sheet in book.sheetnames[2:]:
        assert f"Sheet “{sheet}”" in read_me
        for heading in next(book[sheet].iter_rows(values_only=True)):
            assert heading in read_me, heading
    assert "Required." in read_me and "Optional." in read_me and "31/03/2022" in read_me
    assert [row[0] for row in book["Plan"].iter_rows(min_row=2, values_only=True)][:3] == [
        "Title",
        "Period",
        "Starts",
    ]
    assert not [c for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]


def test_superusers_download_it_from_the_django_admin(client, db):
    superuser = factories.make_user(None, None, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    download(client)


def test_the_filled_template_loads_another_partnerships_plan_faithfully(
    client, walsall, elsewhere, admin_user
):
    """A realistic plan of another partnership, with the awkward cases from issue 6, item 4."""
    existing_police = factories.make_organisation(walsall, "Safer Borough Police")  # matched, not duplicated
    client.force_login(admin_user)
    filled = fill(download(client), SAFER_BOROUGH)

    response = client.post(
        reverse("plan_workbook:upload"),
        {"file": _file(filled)},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    pending = PendingImport.objects.get(created_by=admin_user)
    preview = client.get(response.url).content.decode()
    assert "Already in the partnership: used as it is" in preview
    client.post(reverse("plan_workbook:confirm", args=[pending.pk]))

    plan = Plan.objects.get(partnership=walsall, title="Safer Borough Community Safety Plan 2021/22")
    assert (plan.period_start, plan.period_end, plan.quarter_scheme) == (
        datetime.date(2021, 4, 1),
        datetime.date(2022, 3, 31),
        Plan.QuarterScheme.FINANCIAL,
    )
    assert plan.vision == "“Everyone in the borough feels safe” – that’s our vision"
    assert [a.text for a in plan.aims.all()] == ["Keeping people safe from harm", "Reducing reoffending"]
    assert plan.rag_red_definition == "Off track: needs the board’s help"
    assert [p.label for p in plan.periods.order_by("start")] == [
        "2021/22 Q1",
        "2021/22 Q2",
        "2021/22 Q3",
        "2021/22 Q4",
    ]

    priorities = {p.number: p for p in plan.priorities.all()}
    assert list(priorities) == ["1", "1.1", "1.1.1", "2"]
    one, youth, knives, neighbourhoods = priorities.values()
    # Several lead bodies: the first is the lead partner, the others joint leads.
    assert one.lead_organisation == existing_police
    assert [o.name for o in one.co_lead_organisations.all()] == ["Safer Borough Council"]
    assert one.why == LONG_TEXT and len(one.why) > 5000
    assert one.lead_officer_name == "Supt. A. N. Other"
    # Led by a group, not an organisation.
    assert youth.lead_organisation is None
    assert [(g.name, g.kind) for g in youth.lead_groups.all()] == [
        ("Violence Reduction Group", Board.Kind.THEMATIC_GROUP)
    ]
    # Three levels of reference.
    assert (youth.parent, knives.parent) == (one, youth)
    # No single lead.
    assert neighbourhoods.lead_organisation is None and neighbourhoods.lead_as_written == "All partners"

    measures = {m.title: m for m in Measure.objects.filter(priority__plan=plan)}
    violent = measures["Recorded violent offences"]
    assert (violent.baseline_value, violent.target_value, violent.direction) == (
        Decimal("3700"),
        Decimal("3500"),
        "lower",
    )
    assert violent.baseline_statistic.label == "Recorded crimes of public place violence"
    diverted = measures["Young people diverted from violence"]
    assert (diverted.kind, diverted.target_value, diverted.target_description) == (
        Measure.Kind.QUALITATIVE,
        None,
        "More than last year",
    )
    money = measures["Money recovered from criminals"]
    assert (money.baseline_value, money.unit_type) == (Decimal("26000"), Measure.UnitType.MONEY)
    statistics = list(plan.strategic_assessment.statistics.order_by("order"))
    assert [s.value for s in statistics] == [Decimal("3700"), Decimal("-5")]
    assert list(one.cites.all()) == statistics[:1]

    actions = {a.reference: a for a in Action.objects.filter(plan=plan)}
    assert actions["1.1.1.1"].priority == knives  # the longest priority reference it starts with
    assert (actions["1.1.1.1"].deadline, actions["1.1.1.1"].timescale) == (None, "Ongoing")
    assert actions["1.1.1.1"].start_date == datetime.date(2021, 4, 1)
    assert actions["1.2"].objective == "" and actions["1.2"].overall_objective.startswith(
        "Fund the “Real Knives"
    )
    assert (actions["1.2"].timescale, actions["1.2"].horizon) == ("2021/22", Action.Horizon.THREE_YEARS)
    assert actions["2.1"].deadline == datetime.date(2022, 3, 31)
    assert sorted(o.name for o in actions["1.1"].responsible_organisations.all()) == [
        "Safer Borough Council",
        "Safer Borough Police",
    ]
    assert [t.name for t in actions["1.1"].themes.all()] == ["Domestic abuse"]
    new = Organisation.objects.filter(
        partnership=walsall, name__in=["Borough Fire & Rescue", "Youth Voice CIC"]
    )
    assert sorted((o.kind, o.membership) for o in new) == [("fire", "associate"), ("voluntary", "associate")]
    assert Organisation.objects.filter(partnership=walsall, name__iexact="safer borough police").count() == 1
    assert not Organisation.objects.filter(partnership=elsewhere).exists()


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("safer-borough-plan.xlsx", content, XLSX)


@pytest.mark.parametrize("who", ["secretary", "viewer"])
def test_others_may_not_download_the_template(who, request, client):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("plan_workbook:template")).status_code == 403

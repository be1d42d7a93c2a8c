"""Limits on typed text and the invisible characters taken out of it (issue 20, items 1 and 5).

The rule is stated once (swp/text_limits.py); these tests hold the model and every form to it. The
spreadsheet paths are in test_free_text_sheets.py.
"""

import datetime
import re

import pytest
from crispy_forms.utils import render_crispy_form
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models.functions import Length
from django.urls import reverse

from actions.forms import CommentForm, ReviewForm, UpdateForm
from actions.models import ActionUpdate, Rag
from governance.forms import DecisionForm
from governance.models import Role
from priorities.forms import ReadingForm, ReopenPeriodForm
from priorities.models import Measure
from priorities.record_forms import ApprovalStepForm
from reports.models import IssuedPack
from reports.pack_forms import IssuePackForm
from swp.forms import FreeTextField as FreeTextFormField
from swp.model_fields import FreeTextField
from swp.text_limits import COMMENT, DOCUMENT, INVISIBLE, NARRATIVE, clean_free_text, strip_invisible
from tests import factories
from tests.actions.payloads import update_form_data

RLO = "\u202e"
DISGUISED = f"Evidence: photo{RLO}gnp.exe"  # a browser draws it as "Evidence: photoexe.png"


def test_every_invisible_character_named_in_the_issue_is_taken_out_and_nothing_else():
    named = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x200E), 0x2060, 0xFEFF]
    assert sorted(map(ord, INVISIBLE)) == sorted(named)
    typed = "".join(f"a{chr(code)}" for code in named)
    assert strip_invisible(typed) == "a" * len(named)
    kept = "Line one\nLine two\tcafé – £5 “quoted” اختبار 👍"
    assert strip_invisible(kept) == kept


def test_a_line_break_counts_once_however_the_browser_sent_it():
    assert clean_free_text("  one\r\ntwo\rthree\n ") == "one\ntwo\nthree"


# --- The model ---------------------------------------------------------------------------------


@pytest.fixture
def update(p1, period):
    action = factories.make_action(p1, "1.1", overall_objective="Listen to our communities")
    return factories.make_update(action, period, rag=Rag.GREEN, progress="Started")


def test_the_model_refuses_progress_over_its_limit_and_says_by_how_much(update):
    update.progress = "x" * (NARRATIVE + 1)
    with pytest.raises(ValidationError) as refused:
        update.full_clean()
    assert refused.value.message_dict == {
        "progress": ["This must be 4,000 characters or fewer. It has 4,001"]
    }


def test_the_model_accepts_progress_at_its_limit(update):
    update.progress = "x" * NARRATIVE
    update.full_clean()


def test_the_model_takes_bidirectional_overrides_out_when_it_is_cleaned(update):
    update.progress = DISGUISED
    update.full_clean()
    assert update.progress == "Evidence: photognp.exe"


def test_invisible_characters_do_not_count_towards_the_limit(update):
    update.review_comment = "\u200b" * 10 + "y" * COMMENT
    update.full_clean()
    assert update.review_comment == "y" * COMMENT


def free_text_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, FreeTextField):
                yield model, field


def test_every_typed_text_field_has_one_of_the_named_limits():
    fields = list(free_text_fields())
    names = {f"{model._meta.label}.{field.name}" for model, field in fields}
    assert {"actions.ActionUpdate.progress", "priorities.MeasureReading.narrative"} <= names
    assert {"governance.Meeting.minutes", "priorities.EqualityImpactAssessment.business_case"} <= names
    assert {field.max_length for _, field in fields} == {COMMENT, NARRATIVE, DOCUMENT}


def test_no_text_field_a_person_fills_is_left_without_a_limit():
    # The only text fields left unlimited are written by the application itself.
    unlimited = {
        f"{model._meta.label}.{field.name}"
        for app in ("governance", "priorities", "actions", "reports")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")  # their change reasons are not typed text
        for field in model._meta.get_fields()
        if type(field).__name__ == "TextField"
    }
    assert unlimited == {
        "reports.IssuedPack.failure_message",
        # The outbox's emails, written from our own templates, and what sending them said.
        "governance.OutboxMessage.text",
        "governance.OutboxMessage.html",
        "governance.OutboxMessage.last_error",
        "governance.DailyJobRun.outcome",
    }


def test_the_demo_plan_fits_within_every_limit(demo):
    for model, field in free_text_fields():
        too_long = model._default_manager.annotate(length=Length(field.name)).filter(
            length__gt=field.max_length
        )
        assert not too_long.exists(), f"{model._meta.label}.{field.name}"


# --- Every form ----------------------------------------------------------------------------------


@pytest.fixture
def forms_world(walsall, plan, p1, period):
    action = factories.make_action(
        p1, "1.1", overall_objective="Listen", start_date=datetime.date(2020, 1, 1)
    )
    update = factories.make_update(action, period, rag=Rag.GREEN, progress="Started")
    measure = factories.make_measure(p1, kind=Measure.Kind.QUALITATIVE, title="Residents feel safer")
    meeting = factories.make_meeting(factories.make_board(walsall))
    issued = IssuedPack(plan=plan, period=period, revision=1)
    return {
        "update": lambda data: UpdateForm(data, action=action, submitting=False),
        "comment": lambda data: CommentForm(data, update=update),
        "review": lambda data: ReviewForm(data),
        "reading": lambda data: ReadingForm(data, measure=measure, period=period),
        "reopen": lambda data: ReopenPeriodForm(data, period=period),
        "decision": lambda data: DecisionForm(data, meeting=meeting),
        "approval": lambda data: ApprovalStepForm(data, plan=plan, steps=[], today=datetime.date(2020, 5, 1)),
        "correction": lambda data: IssuePackForm(data, period=period, previous=issued),
    }


FORM_FIELDS = [
    ("update", "progress", "progress", NARRATIVE, "Progress this quarter"),
    ("update", "recovery_plan", "recovery_plan", NARRATIVE, "What is being done to bring it back on track"),
    ("update", "outcomes", "outcomes", NARRATIVE, "Actual outcomes"),
    ("update", "deadline_change_reason", "deadline_change_reason", COMMENT, "Why the deadline should change"),
    ("comment", "body", "body", COMMENT, "Add a comment"),
    ("review", "comment", "comment", COMMENT, "Comment for the owner"),
    ("reading", "narrative", "narrative", NARRATIVE, "Progress towards this outcome this quarter"),
    ("reopen", "reopen-reason", "reason", COMMENT, "Why are you reopening it"),
    ("decision", "text", "text", NARRATIVE, "What was decided"),
    ("approval", "notes", "notes", COMMENT, "Notes (optional)"),
    ("correction", "reason", "reason", COMMENT, "Why are you issuing a correction"),
]


@pytest.mark.parametrize(("form", "key", "field", "limit", "label"), FORM_FIELDS)
def test_each_form_refuses_text_over_its_limit_naming_the_field(forms_world, form, key, field, limit, label):
    bound = forms_world[form]({key: "w" * (limit + 1)})
    assert not bound.is_valid()
    assert bound.errors[field] == [f"{label} must be {limit:,} characters or fewer. It has {limit + 1:,}"]


@pytest.mark.parametrize(("form", "key", "field", "limit", "label"), FORM_FIELDS)
def test_each_form_accepts_text_at_its_limit_counting_a_line_break_once(
    forms_world, form, key, field, limit, label
):
    bound = forms_world[form]({key: "w" * (limit - 2) + "\r\nw"})
    bound.is_valid()
    assert field not in bound.errors
    assert bound.cleaned_data[field] == "w" * (limit - 2) + "\nw"


@pytest.mark.parametrize(("form", "key", "field", "limit", "label"), FORM_FIELDS)
def test_each_form_takes_out_invisible_characters(forms_world, form, key, field, limit, label):
    bound = forms_world[form]({key: f"\ufeff{DISGUISED}\u200b"})
    bound.is_valid()
    assert bound.cleaned_data[field] == "Evidence: photognp.exe"


@pytest.mark.parametrize(("form", "key", "field", "limit", "label"), FORM_FIELDS)
def test_each_form_draws_the_govuk_character_count_at_its_limit(forms_world, form, key, field, limit, label):
    bound = forms_world[form](None)
    html = render_crispy_form(bound)
    assert f'data-module="govuk-character-count" data-maxlength="{limit}"' in html
    assert f"You can enter up to {limit:,} characters" in html
    assert 'class="govuk-textarea govuk-js-character-count' in html
    textarea = re.search(rf'<textarea [^>]*name="{key}"[^>]*>', html).group()
    assert "maxlength" not in textarea  # the browser would cut pasted text off without a word


# --- Through the update page -----------------------------------------------------------------------


@pytest.fixture
def action(p1):
    return factories.make_action(p1, "1.1", overall_objective="Listen", start_date=datetime.date(2020, 1, 1))


def test_over_long_progress_is_refused_on_the_page_and_nothing_is_saved(client, lead_a, action, period):
    client.force_login(lead_a)
    url = reverse("actions:edit_update", args=[action.pk, period.pk])
    response = client.post(url, update_form_data(progress="p" * (NARRATIVE + 1)))
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Progress this quarter must be 4,000 characters or fewer. It has 4,001" in content
    assert not ActionUpdate.objects.filter(action=action).exists()


def test_a_disguised_file_name_in_progress_shows_as_typed_without_the_override(
    client, lead_a, action, period
):
    client.force_login(lead_a)
    url = reverse("actions:edit_update", args=[action.pk, period.pk])
    response = client.post(url, update_form_data(progress=DISGUISED))
    assert response.status_code == 302
    assert ActionUpdate.objects.get(action=action).progress == "Evidence: photognp.exe"
    page = client.get(reverse("actions:detail", args=[action.pk])).content.decode()
    assert "Evidence: photognp.exe" in page and RLO not in page


def test_the_django_admin_counts_and_cleans_typed_text_as_the_forms_do(rf, walsall, update):
    request = rf.get("/")
    request.user = factories.make_user(walsall, Role.ADMIN, is_staff=True, is_superuser=True)
    form_class = admin.site._registry[ActionUpdate].get_form(request, update)
    field = form_class.base_fields["progress"]
    assert isinstance(field, FreeTextFormField) and field.max_length == NARRATIVE
    assert field.clean(DISGUISED) == "Evidence: photognp.exe"
    with pytest.raises(ValidationError):
        field.clean("x" * (NARRATIVE + 1))

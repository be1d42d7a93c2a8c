"""A word as long as a field allows does not widen any page on a 390 px phone (issue 20, item 1).

One demo action's overall objective, progress, what is being done and outcomes are each one unbroken
word of 4,000 characters, the most a form takes. On the action page, the actions list, the review
page and the pack preview the page must not scroll sideways, and the word must be there whole.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from actions.models import Action, ActionUpdate, Rag
from priorities.models import ReportingPeriod
from swp.text_limits import NARRATIVE

from .test_every_page import ROLES, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WORD = "W" * NARRATIVE
OBJECTIVE = "O" * NARRATIVE

SIDEWAYS_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def long_update(demo) -> ActionUpdate:
    period = ReportingPeriod.objects.get(plan__partnership__slug="safer-walsall", label="2020 Q2")
    update = ActionUpdate.objects.select_related("action").filter(period=period).order_by("pk").first()
    update.rag, update.state, update.submitted_at = Rag.AMBER, ActionUpdate.State.SUBMITTED, timezone.now()
    update.progress = update.recovery_plan = update.outcomes = WORD
    update.full_clean()  # the longest text the model allows
    update.save()
    Action.objects.filter(pk=update.action_id).update(overall_objective=OBJECTIVE)
    return update


def test_the_longest_word_wraps_on_every_page_that_shows_it(
    page: Page, demo_server, long_update, assert_no_axe_violations
):
    base = demo_server.url
    sign_in(page, base, ROLES["secretary"])
    page.set_viewport_size(PHONE)
    pages = {
        "action page": f"/actions/{long_update.action_id}/",
        "actions list": "/actions/",
        "review page": f"/review/updates/{long_update.pk}/",
        "pack preview": f"/packs/{long_update.period_id}/preview/",
    }
    for name, path in pages.items():
        page.goto(base + path)
        assert page.evaluate(SIDEWAYS_JS) <= 0, f"the {name} scrolls sideways"
        text = page.inner_text("main")
        assert OBJECTIVE in text, f"the {name} lost part of the objective"
        if name != "actions list":  # the list shows objectives, not updates
            assert WORD in text, f"the {name} lost part of the progress"
        assert_no_axe_violations(page)


def test_the_character_count_counts_down_as_the_lead_types(
    page: Page, demo_server, demo, assert_no_axe_violations
):
    base = demo_server.url
    sign_in(page, base, ROLES["lead"])
    page.goto(f"{base}/my-updates/")
    page.locator("a[href*='/updates/']").first.click()
    progress = page.get_by_label("Progress this quarter")
    progress.fill("x" * (NARRATIVE - 10))
    # GOV.UK Frontend's script adds the visible count after each character-count textarea; progress is first.
    count = page.locator(".govuk-character-count__status").first
    expect(count).to_have_text("You have 10 characters remaining")
    progress.fill("x" * (NARRATIVE + 5))
    expect(count).to_have_text("You have 5 characters too many")
    assert_no_axe_violations(page)

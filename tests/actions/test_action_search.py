"""Searching the actions list: titles, progress, what is being done, outcomes and comments (issue 16,
item 8). Ranking, stemming and the words in context need PostgreSQL (marker `postgres`)."""

import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionUpdate, Rag, UpdateComment
from tests import factories

URL = reverse("actions:plan")


def listed(response) -> list[str]:
    return re.findall(
        r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/actions/\d+/">([^<]+)<',
        response.content.decode(),
    )


@pytest.fixture
def searchable(client, viewer, plan, p1, lead_a):
    period = factories.make_period(plan, 1)
    patrols = factories.make_action(p1, "1.1", overall_objective="Reduce knife crime")
    outcomes = factories.make_action(p1, "1.2", overall_objective="Open a youth hub")
    commented = factories.make_action(p1, "1.3", overall_objective="Support victims")
    factories.make_action(p1, "1.4", overall_objective="Listen to our communities")
    factories.make_update(
        patrols,
        period,
        rag=Rag.AMBER,
        state=ActionUpdate.State.SUBMITTED,
        submitted_at=timezone.now(),
        progress="Knife arches bought for two schools.",
        recovery_plan="Extra patrols in the town centre on Friday nights.",
    )
    update = factories.make_update(
        outcomes, period, progress="Building work started.", outcomes="Forty young people signed up."
    )
    victims = factories.make_update(commented, period, progress="Caseworkers recruited.")
    UpdateComment.objects.create(update=victims, author=lead_a, body="Which wards do the caseworkers cover?")
    client.force_login(viewer)
    return {"client": client, "update": update}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("patrols", ["1.1"]),  # what is being done
        ("knife", ["1.1"]),  # the title, and its progress
        ("young people", ["1.2"]),  # outcomes
        ("wards", ["1.3"]),  # a comment
        ("1.4", ["1.4"]),  # an item number
    ],
)
def test_the_search_looks_in_updates_and_comments_as_well_as_titles(searchable, words, expected):
    assert listed(searchable["client"].get(URL, {"q": words})) == expected


def test_a_search_that_finds_nothing_says_so(searchable):
    response = searchable["client"].get(URL, {"q": "helicopter"})
    assert listed(response) == []


# ---- PostgreSQL: stemming, ranking, the words in context, the indexes -----------------------------


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("Full-text search needs PostgreSQL; make test runs this on it")


@pytest.mark.postgres
def test_english_stemming_finds_other_forms_of_a_word(on_postgres, searchable):
    assert listed(searchable["client"].get(URL, {"q": "patrolling"})) == ["1.1"]
    assert listed(searchable["client"].get(URL, {"q": "school"})) == ["1.1"]


@pytest.mark.postgres
def test_the_best_match_comes_first(on_postgres, searchable, p1, plan):
    period = searchable["update"].period
    # 1.5 says "hub" in its title, its progress and its outcomes; 1.2 only in its title.
    hub = factories.make_action(p1, "1.5", overall_objective="A second youth hub in Darlaston")
    factories.make_update(
        hub, period, progress="The hub opened; the hub is busy.", outcomes="The hub has 200 members."
    )
    assert listed(searchable["client"].get(URL, {"q": "hub"})) == ["1.5", "1.2"]


@pytest.mark.postgres
def test_the_matching_words_are_shown_in_context_and_escaped(on_postgres, searchable, lead_a):
    UpdateComment.objects.create(
        update=searchable["update"], author=lead_a, body="Raise the alert & tell <em>everyone</em>"
    )
    content = searchable["client"].get(URL, {"q": "patrols"}).content.decode()
    assert "2020 Q1 update:" in content and "Extra <mark>patrols</mark> in the town centre" in content
    content = searchable["client"].get(URL, {"q": "alert"}).content.decode()
    [snippet] = re.findall(r'class="[^"]*app-search-snippet">(.*?)</p>', content)
    # What people typed is text, never markup: only the highlight is.
    assert snippet.startswith("Comment: Raise the <mark>alert</mark> &amp; tell")
    assert "<em>" not in snippet


@pytest.mark.postgres
def test_the_search_has_gin_indexes(on_postgres):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s", ["%search_idx"])
        indexes = dict(cursor.fetchall())
    assert set(indexes) == {"action_search_idx", "update_search_idx", "update_comment_search_idx"}
    assert all("USING gin" in definition and "english" in definition for definition in indexes.values())

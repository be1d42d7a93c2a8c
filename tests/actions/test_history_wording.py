"""The action's history reads as sentences (issue 17 item 4): who by name, values as people say them,
and what loading the plan did as "set up when the plan was loaded", never the loader's own words."""

import datetime

from actions.history import action_history
from actions.models import ActionUpdate, Rag
from swp.history import save_as
from swp.wording import moment
from tests import factories


def headlines(action) -> list[str]:
    return [entry.headline for entry in action_history(action=action)]


def test_a_rating_change_reads_as_one_sentence_with_the_person_and_the_time(p1, period, lead_a, secretary):
    action = factories.make_action(p1, "1.1")
    update = factories.make_update(action, period, rag=Rag.GREEN)
    update.rag = Rag.RED
    update.recovery_plan = "Extra patrols"
    save_as(update, by=lead_a)
    update.recovery_plan = "Extra patrols agreed"
    save_as(update, by=secretary)
    history = action_history(action=action)

    assert history[0].headline == (
        f"{period.label} update: What is being done changed from “Extra patrols” to “Extra patrols agreed” "
        f"by Sam Secretary on {moment(history[0].when)}"
    )
    assert history[0].listed_changes == []
    assert history[1].headline == f"{period.label} update changed by Alice Lead on {moment(history[1].when)}"
    assert [c.sentence for c in history[1].listed_changes] == [
        "RAG rating changed from Green to Red",
        "What is being done set to “Extra patrols”",
    ]


def test_no_entry_shows_a_raw_timestamp_an_id_or_a_loader_name(p1, period, lead_a, secretary):
    action = factories.make_action(p1, "1.1")
    action._change_reason = "Loaded from the Safer Walsall Partnership Plan 2020 (load_demo)"
    action.deadline = datetime.date(2020, 10, 6)
    action.save()
    update = factories.make_update(action, period)
    update.rag = Rag.AMBER
    update.recovery_plan = "Recruiting"
    update.state = ActionUpdate.State.SUBMITTED
    update.submitted_by = lead_a
    update.submitted_at = datetime.datetime(2026, 12, 4, 13, 55, 52, 309342, tzinfo=datetime.UTC)
    save_as(update, by=lead_a)

    text = " ".join(
        [
            e.headline + " " + " ".join(c.sentence for c in e.listed_changes) + e.reason
            for e in action_history(action=action)
        ]
    )

    assert "Submitted at set to 4 December 2026 at 1:55pm" in text
    assert "Submitted by set to Alice Lead" in text
    assert "Deadline set to 6 October 2020" in text
    assert "when the plan was loaded" in text
    for internal in ("load_demo", "2026-12-04", "+00:00", "#", "System", "(blank)"):
        assert internal not in text


def test_a_person_no_longer_there_is_not_shown_as_a_number(p1, period, lead_a, lead_b):
    action = factories.make_action(p1, "1.1", owner=lead_b)
    action.owner = lead_a
    save_as(action, by=lead_a)
    lead_b.delete()

    (change,) = action_history(action=action)[0].changes

    assert change.sentence == "Owner changed from a record since deleted to Alice Lead"


def test_the_action_page_shows_the_history_as_sentences(client, p1, period, lead_a):
    action = factories.make_action(p1, "1.1")
    action.deadline = datetime.date(2021, 3, 31)
    save_as(action, by=lead_a)
    client.force_login(lead_a)

    page = client.get(f"/actions/{action.pk}/").content.decode()

    assert "Deadline set to 31 March 2021 by Alice Lead on " in page

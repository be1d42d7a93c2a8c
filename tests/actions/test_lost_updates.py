"""Nothing saved is lost: two people editing one update (INT-01 in docs/quality-checks.md)."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from actions import services
from actions.models import ActionUpdate, Rag
from actions.services import UpdateInput
from tests import factories
from tests.actions.payloads import update_form_data


def _payload(rag: str, progress: str, version: int) -> dict:
    recovery_plan = "" if rag == Rag.GREEN else "Weekly partner calls"
    return update_form_data(rag=rag, progress=progress, recovery_plan=recovery_plan, version=str(version))


@pytest.fixture
def action(p1):
    return factories.make_action(p1, "1.1")


def test_the_second_writer_sees_both_versions_and_the_first_is_kept(
    client, action, period, lead_a, secretary
):
    url = reverse("actions:edit_update", args=[action.pk, period.pk])
    existing = services.save_update(
        action=action,
        period=period,
        by=lead_a,
        expected_version=0,
        data=UpdateInput(rag=Rag.GREEN, progress="Started"),
        submit=False,
    )
    # Both open the form at version 1; the lead saves red first.
    client.force_login(lead_a)
    assert client.post(url, _payload(Rag.RED, "Stalled by lockdown", 1)).status_code == 302
    client.force_login(secretary)
    response = client.post(url, _payload(Rag.GREEN, "All fine, says the secretary", 1))

    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone else saved this update while you were working on it" in content
    assert "Stalled by lockdown" in content and "All fine, says the secretary" in content
    assert "<title>Error:" in content
    existing.refresh_from_db()
    assert (existing.rag, existing.progress, existing.version) == (Rag.RED, "Stalled by lockdown", 2)
    assert existing.history.count() == 2  # created, then the lead's change: nothing from the loser
    # The secretary's text waits in the form, now at the current version, to be sent again on purpose.
    assert 'name="version" value="2"' in content


def test_sending_again_from_the_conflict_page_replaces_it_deliberately(
    client, action, period, lead_a, secretary
):
    url = reverse("actions:edit_update", args=[action.pk, period.pk])
    client.force_login(lead_a)
    client.post(url, _payload(Rag.RED, "Stalled", 0))
    client.force_login(secretary)
    assert client.post(url, _payload(Rag.GREEN, "Recovered", 0)).status_code == 409
    assert client.post(url, _payload(Rag.GREEN, "Recovered", 1)).status_code == 302
    update = ActionUpdate.objects.get(action=action, period=period)
    assert (update.rag, update.progress, update.submitted_by) == (Rag.GREEN, "Recovered", secretary)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_saves_of_one_version_have_exactly_one_winner(p1, period, lead_a):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; make test runs this on it")
    action = factories.make_action(p1, "1.1")
    update = services.save_update(
        action=action,
        period=period,
        by=lead_a,
        expected_version=0,
        data=UpdateInput(rag=Rag.GREEN, progress="Start"),
        submit=False,
    )
    outcomes: list[str] = []
    start = threading.Barrier(20)

    def post(n: int) -> None:
        try:
            start.wait()
            services.save_update(
                action=action,
                period=period,
                by=lead_a,
                expected_version=update.version,
                data=UpdateInput(rag=Rag.AMBER, progress=f"Writer {n}", recovery_plan="Plan"),
                submit=True,
            )
            outcomes.append("saved")
        except services.Conflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict"] * 19 + ["saved"]
    update.refresh_from_db()
    assert update.version == 2 and update.progress.startswith("Writer ")
    assert update.history.count() == 2

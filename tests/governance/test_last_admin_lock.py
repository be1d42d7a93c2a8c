"""Two admins deactivating each other at the same moment leave one admin (PostgreSQL row locks)."""

import threading
import time
from types import SimpleNamespace

import pytest
from django.db import connection, connections
from django.utils import timezone

from governance import invitations
from governance.models import Membership, Role
from tests import factories


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_two_admins_deactivating_each_other_at_once_leave_one(walsall, attempt, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; make test runs this on it")

    def slow_now():
        # Between counting the admins and saving: wide enough that, without the lock, both would
        # count two admins and both would deactivate.
        time.sleep(0.3)
        return timezone.now()

    monkeypatch.setattr(invitations, "timezone", SimpleNamespace(now=slow_now))
    ada = factories.make_user(walsall, Role.ADMIN, full_name="Ada Admin")
    bea = factories.make_user(walsall, Role.ADMIN, full_name="Bea Admin")
    memberships = {user.pk: Membership.objects.get(user=user) for user in (ada, bea)}
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def deactivate(actor, target) -> None:
        try:
            start.wait()
            invitations.deactivate(memberships[target.pk], by=actor)
            outcomes.append("deactivated")
        except invitations.InvitationRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=deactivate, args=(ada, bea)),
        threading.Thread(target=deactivate, args=(bea, ada)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["deactivated", "refused"]
    assert Membership.objects.current().filter(partnership=walsall, role=Role.ADMIN).count() == 1

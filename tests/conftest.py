"""Shared fixtures: two partnerships and a person in each role, like healthchecks' Alice/Bob/Charlie.

`walsall` has plan P with priorities P1 (led by lead_a) and P2 (led by lead_b); `elsewhere` is
another partnership whose people must never see walsall's data.
"""

import pytest
from django.core.management import call_command

from governance.models import Role
from tests import factories


@pytest.fixture
def walsall(db):
    return factories.make_partnership("Safer Test Partnership")


@pytest.fixture
def elsewhere(db):
    return factories.make_partnership("Elsewhere Partnership")


@pytest.fixture
def plan(walsall):
    return factories.make_plan(walsall, title="Test Plan 2020")


@pytest.fixture
def period(plan):
    return factories.make_period(plan, quarter=1)


@pytest.fixture
def police(walsall):
    return factories.make_organisation(walsall, "Test Police")


@pytest.fixture
def admin_user(walsall):
    return factories.make_user(walsall, Role.ADMIN, full_name="Ada Admin")


@pytest.fixture
def secretary(walsall):
    return factories.make_user(walsall, Role.SECRETARY, full_name="Sam Secretary")


@pytest.fixture
def lead_a(walsall, police):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Alice Lead", organisation=police)


@pytest.fixture
def lead_b(walsall):
    return factories.make_user(walsall, Role.CONTRIBUTOR, full_name="Bob Lead")


@pytest.fixture
def viewer(walsall):
    return factories.make_user(walsall, Role.VIEWER, full_name="Vic Viewer")


@pytest.fixture
def outsider(elsewhere):
    return factories.make_user(elsewhere, Role.ADMIN, full_name="Charlie Outsider")


@pytest.fixture
def p1(plan, police, lead_a):
    return factories.make_priority(plan, 1, title="Violence reduction", lead_organisation=police, lead_officer=lead_a)


@pytest.fixture
def p2(plan, lead_b):
    return factories.make_priority(plan, 2, title="Prevent extremist activity", lead_officer=lead_b)


@pytest.fixture
def demo(db):
    """The Safer Walsall Partnership Plan 2020, as `make run` loads it."""
    call_command("load_demo", verbosity=0)

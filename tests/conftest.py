"""Shared fixtures: two partnerships and a person in each role, like healthchecks' Alice/Bob/Charlie.

`walsall` has plan P with priorities P1 (led by lead_a) and P2 (led by lead_b); `elsewhere` is
another partnership whose people must never see walsall's data.

The Safer Walsall demo (slug safer-walsall) is loaded once into the test database (each
pytest-xdist worker has its own: test_<name>_gw0, _gw1…), so every test's rolled-back transaction
starts with it. Tests that need their own data build their own partnership with tests.factories,
and never count rows across the whole database.
"""

import pytest
from django.core.management import call_command
from django.db.backends.signals import connection_created

from governance.models import Partnership, Role
from tests import factories


def _allow_history_rewrite(sender, connection, **kwargs) -> None:
    """pytest-django empties the database between transactional tests with TRUNCATE, which the
    append-only history tables refuse on PostgreSQL (swp/append_only.py). The suite's own
    connections are allowed to; tests/swp/test_history_append_only.py switches it off to prove the
    guard."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET swp.allow_history_rewrite = 'on'")


connection_created.connect(_allow_history_rewrite, dispatch_uid="tests_allow_history_rewrite")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under `--dist loadgroup`, name each test's xdist_group at the end of its node id, which is how
    the scheduler finds the group: pytest-xdist 3.8 tries to, but pytest 9.2's node ids ignore it
    (pytest-xdist issue 1386), and the group's tests would be spread over the workers. Remove this
    once an xdist release fixes that: tests/browser/test_every_page.py checks the grouping holds.

    A group must not hold a test that empties the database (transactional_db, live_server): loadgroup
    sends the biggest groups first, ahead of pytest-django's order, and the worker's later tests would
    find the demo gone."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted(
            {str(m.args[0] if m.args else m.kwargs["name"]) for m in item.iter_markers("xdist_group")}
        )
        suffix = "@" + "_".join(names)
        if names and not item.nodeid.endswith(suffix):
            item._id = type(item._id).parse(item.nodeid + suffix)


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
def wmp_provider(db):
    """West Midlands Police's own sign-in, for addresses at westmidlands.police.uk. Not `police`,
    which is the partner organisation above."""
    from governance.models import IdentityProvider

    provider = IdentityProvider.objects.create(
        name="West Midlands Police",
        slug="wmp",
        issuer="https://login.example.org/tenant/v2.0",
        client_id="client",
        client_secret_name="SWP_OIDC_WMP_SECRET",
    )
    provider.domains.create(domain="westmidlands.police.uk")
    return provider


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
    return factories.make_priority(
        plan, 1, title="Violence reduction", lead_organisation=police, lead_officer=lead_a
    )


@pytest.fixture
def p2(plan, lead_b):
    return factories.make_priority(plan, 2, title="Prevent extremist activity", lead_officer=lead_b)


def _load_demo() -> None:
    # Tests run with DEBUG off, where load_demo wants to be told that demo logins are wanted.
    call_command("load_demo", "--allow-demo-users", verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load_demo()


@pytest.fixture
def demo(db):
    """The Safer Walsall Partnership Plan 2020, as `make run` loads it.

    Already there for ordinary tests; tests that empty the database (transactional_db) run after
    them, and the next one of those that asks for the demo loads it again.
    """
    if not Partnership.objects.filter(slug="safer-walsall").exists():
        _load_demo()

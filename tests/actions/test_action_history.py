"""The action's change history: list links (organisations, themes, findings) shown, in fixed queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.history import action_history
from swp.history import save_as
from tests import factories


def test_a_change_of_responsible_organisations_reads_as_names(p1, police, walsall, lead_a):
    council = factories.make_organisation(walsall, "Test Council")
    action = factories.make_action(p1, "1.1")
    action.responsible_organisations.set([police])
    action.responsible_organisations.set([police, council])

    changes = [c for entry in action_history(action=action) for c in entry.changes]

    assert any(
        c.field == "Responsible organisations" and c.old == "Test Police" and "Test Council" in c.new
        for c in changes
    )


def test_the_history_takes_the_same_queries_however_long_it_is(p1, police, lead_a):
    action = factories.make_action(p1, "1.1")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            action_history(action=action)
        return len(context)

    action.objective = "First wording"
    save_as(action, by=lead_a)
    short = queries()
    for n in range(6):
        action.objective = f"Wording {n}"
        save_as(action, by=lead_a)
        action.responsible_organisations.set([police] if n % 2 else [])

    assert queries() == short

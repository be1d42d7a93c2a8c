"""What a lead is told after confirming an update sheet: counted from the saves, never a wrong number."""

from types import SimpleNamespace

from actions.update_sheet.row_preview import CHANGE, FieldChange, RowPreview
from actions.update_sheet.saved_message import saved_message
from swp.wording import count

SUBMITTED, DRAFT = "submitted", "draft"


def _row(action_id: int, *, moves_state: bool) -> RowPreview:
    changes = [FieldChange("Progress", "", "Done")]
    if moves_state:
        changes.append(FieldChange("State", "Draft", "Submitted for review"))
    return RowPreview(number=action_id, outcome=CHANGE, action=SimpleNamespace(pk=action_id), changes=changes)


def _saved(rows: list[RowPreview], states: dict[int, str]):
    preview = SimpleNamespace(changes=rows)
    updates = [SimpleNamespace(action_id=pk, state=state) for pk, state in states.items()]
    return preview, updates


def test_submitted_and_drafts_are_counted_from_the_saved_updates():
    preview, updates = _saved(
        [_row(1, moves_state=True), _row(2, moves_state=True), _row(3, moves_state=False)],
        {1: SUBMITTED, 2: SUBMITTED, 3: DRAFT},
    )
    message = saved_message(preview, updates, filename="my-updates.xlsx")
    assert message == "3 updates saved from my-updates.xlsx: 2 submitted for review and 1 saved as a draft"


def test_an_update_already_waiting_for_review_is_not_said_to_be_submitted_again():
    preview, updates = _saved([_row(1, moves_state=False)], {1: SUBMITTED})
    message = saved_message(preview, updates, filename="my-updates.xlsx")
    assert message == "1 update saved from my-updates.xlsx: 1 changed while waiting for review"
    assert "submitted for review" not in message


def test_every_kind_at_once_reads_as_a_list():
    preview, updates = _saved(
        [
            _row(1, moves_state=True),
            _row(2, moves_state=False),
            _row(3, moves_state=False),
            _row(4, moves_state=False),
        ],
        {1: SUBMITTED, 2: SUBMITTED, 3: DRAFT, 4: DRAFT},
    )
    assert saved_message(preview, updates, filename="q2.csv") == (
        "4 updates saved from q2.csv: 1 submitted for review, 1 changed while waiting for review "
        "and 2 saved as drafts"
    )


def test_nothing_saved_says_nothing_changed_rather_than_a_count():
    preview, updates = _saved([], {})
    message = saved_message(preview, updates, filename="q2.csv")
    assert message == "Nothing changed: every row of q2.csv matched what was already saved"


def test_counts_and_their_nouns_agree():
    assert count(1, "update") == "1 update"
    assert count(0, "update") == "0 updates"
    assert count(3, "priority", "priorities") == "3 priorities"
    assert count(1, "priority", "priorities") == "1 priority"

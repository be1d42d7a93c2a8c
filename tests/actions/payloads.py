"""What the update form posts, for tests that drive it through the test client."""


def update_form_data(**overrides) -> dict:
    """A valid 'Submit for review' of a green update at version 0; override any field."""
    data = {
        "rag": "green",
        "progress": "Two listening events held",
        "recovery_plan": "",
        "outcomes": "",
        "proposed_deadline_0": "",
        "proposed_deadline_1": "",
        "proposed_deadline_2": "",
        "deadline_change_reason": "",
        "version": "0",
        "submit": "",
    }
    data.update(overrides)
    return data

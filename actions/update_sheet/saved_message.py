"""What a lead is told after confirming an upload, counted from the updates as saved, never the file."""

from swp.wording import count

from ..models import ActionUpdate
from .preview import UploadPreview


def saved_message(preview: UploadPreview, updates: list[ActionUpdate], *, filename: str) -> str:
    """'3 updates saved from updates.xlsx: 2 submitted for review and 1 saved as a draft'.

    An update already waiting for review that the sheet only edited is not "submitted" again: it is
    counted as changed while it waits, so the numbers add up to what each person's update now shows.
    """
    if not updates:
        return f"Nothing changed: every row of {filename} matched what was already saved"
    # The preview's State change says whether a row moved into review; the saved state says where it is.
    moved = {row.action.pk for row in preview.changes if any(c.label == "State" for c in row.changes)}
    waiting = [u for u in updates if u.state == ActionUpdate.State.SUBMITTED]
    submitted = sum(u.action_id in moved for u in waiting)
    edited, drafts = len(waiting) - submitted, len(updates) - len(waiting)
    parts = [
        f"{submitted} submitted for review" if submitted else "",
        f"{edited} changed while waiting for review" if edited else "",
        f"{drafts} saved as {'a draft' if drafts == 1 else 'drafts'}" if drafts else "",
    ]
    said = [part for part in parts if part]
    listed = ", ".join(said[:-1]) + f" and {said[-1]}" if len(said) > 1 else said[0]
    return f"{count(len(updates), 'update')} saved from {filename}: {listed}"

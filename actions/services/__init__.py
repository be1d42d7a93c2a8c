"""Every write to actions and their updates goes through here, one module per journey.

Each function is keyword-only, takes the acting user, runs in one transaction and saves with
save(), so django-simple-history records who changed what (the bulk path writes the same history
rows itself). Lost updates are prevented by a version number checked under select_for_update(): a
caller passes the version its form was built from, and if someone else saved in the meantime it
gets a Conflict carrying the row as it now is, and nothing is written.

- refusals.py: Conflict, NotAllowedNow and editable_problem, shared by every journey
- updates.py: the owner's update to one action, as a draft or submitted (save_update)
- bulk.py: a whole spreadsheet's updates at once, with the same rules (save_updates_in_bulk)
- review.py: the secretary accepts or returns a submitted update (a return adds its comment), or
  accepts several at once, all or none
- evidence.py: files attached to an update
- notes.py: a lead's commentary and the secretary's asks of the board, reviewed like updates
"""

from .bulk import BulkUpdate, save_updates_in_bulk
from .evidence import add_evidence, remove_evidence, same_file_on
from .notes import accept_note, find_note, return_note, save_note
from .refusals import Conflict, NotAllowedNow, editable_problem
from .review import ChangedSinceChosen, accept_update, accept_updates, return_update
from .updates import UpdateInput, save_update, stored_values

__all__ = [
    "BulkUpdate",
    "ChangedSinceChosen",
    "Conflict",
    "NotAllowedNow",
    "UpdateInput",
    "accept_note",
    "accept_update",
    "accept_updates",
    "add_evidence",
    "editable_problem",
    "find_note",
    "remove_evidence",
    "return_note",
    "return_update",
    "save_note",
    "same_file_on",
    "save_update",
    "save_updates_in_bulk",
    "stored_values",
]

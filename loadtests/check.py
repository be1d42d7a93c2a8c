"""After the quarter-end run: every save the app confirmed left exactly one history record.

A save sent that never got an answer (the user was stopped mid-request when the run ended, or the
connection failed) was never confirmed to anyone, and the app may or may not have kept it: so
the records written must be at least the saves confirmed and at most those plus the unanswered.

Run by script/loadtest as `python manage.py shell --no-imports -c "exec(open('loadtests/check.py').read())"`
with SWP_SAVES_FILE and SWP_HISTORY_BEFORE set. Prints the figures and exits non-zero on a mismatch.
"""

import os
import sys
from pathlib import Path

from django.db.models import Count

from actions.models import ActionUpdate

figures = Path(os.environ["SWP_SAVES_FILE"]).read_text().split() + ["0", "0"]
confirmed, unanswered = int(figures[0]), int(figures[1])
before = int(os.environ["SWP_HISTORY_BEFORE"])
written = ActionUpdate.history.count() - before
# Each save bumps an update's version by one and writes one history record, so an update with
# fewer records than its version lost a save somewhere (a version gap). More records than its
# version is normal: reviewing an update writes history without a new version.
records = dict(ActionUpdate.history.values_list("id").annotate(n=Count("history_id")).values_list("id", "n"))
gaps = [
    (pk, version, records.get(pk, 0))
    for pk, version in ActionUpdate.objects.values_list("pk", "version")
    if records.get(pk, 0) < version
]
print(f"saves confirmed to users: {confirmed}")
print(f"saves sent, never answered: {unanswered}")
print(f"history records written:  {written}")
print(f"updates with version gaps: {len(gaps)}")
if not confirmed <= written <= confirmed + unanswered or gaps:
    print(f"FAILED BAR: {written} history records for {confirmed} confirmed saves; version gaps {gaps[:10]}")
    sys.exit(1)

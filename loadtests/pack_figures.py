"""How busy the pack worker was during the LOAD-04 run: packs issued, failed, and time spent rendering.

Run by script/loadtest through `python manage.py shell --no-imports -c "exec(open(...).read())"`,
with SWP_SINCE and SWP_UNTIL (Unix times) around the run with packs being made.
"""

import os
from datetime import UTC, datetime

from django.db.models import Count, Max, Sum

from reports.models import IssuedPack

since, until = (datetime.fromtimestamp(float(os.environ[k]), tz=UTC) for k in ("SWP_SINCE", "SWP_UNTIL"))
asked = IssuedPack.objects.filter(requested_at__gte=since, requested_at__lte=until)
made = IssuedPack.objects.filter(state=IssuedPack.State.ISSUED, issued_at__gte=since, issued_at__lte=until)
figures = made.aggregate(n=Count("pk"), seconds=Sum("render_seconds"), longest=Max("render_seconds"))
states = dict(asked.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
window = (until - since).total_seconds()
print(f"packs asked for during the run: {asked.count()} {states}")
print(
    f"packs issued during the run:    {figures['n']}, rendering for {figures['seconds'] or 0:.0f} s "
    f"of the {window:.0f} s run (longest {figures['longest'] or 0:.1f} s)"
)
every = sorted(IssuedPack.objects.issued().values_list("render_seconds", flat=True))
if every:
    print(
        f"every pack issued so far:       {len(every)}, rendering {every[len(every) // 2]:.1f} s "
        f"at the median, {every[-1]:.1f} s at most (the worker runs at low CPU priority)"
    )

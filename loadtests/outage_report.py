"""LOAD-05(b)'s figures and bars, from the probe's answers and gunicorn's access log.

    python loadtests/outage_report.py PROBE.jsonl TIMES ACCESS_LOG_SLICE

TIMES holds "stopped <unix time>" (PostgreSQL down), "starting" (asked to start) and "started"
(accepting connections again): the outage is from stopped to starting. Bars:
during the outage /healthz/ says 503 and pages are the plain 503 page with nothing internal in
them; no request anywhere in the phase got a 500 (or any 5xx but 503); after the restart both
the health check and the dashboard are back to 200, in the same processes, within 30 s.
"""

import json
import re
import sys
from collections import Counter

from bars import failed_bars

STATUS = re.compile(r'" (\d{3}) ')
RECOVERY_LIMIT_S = 30


def main(probe_path: str, times_path: str, access_path: str) -> int:
    times = dict(line.split() for line in open(times_path) if line.strip())
    stopped, starting, started = (float(times[k]) for k in ("stopped", "starting", "started"))
    probes = [json.loads(line) for line in open(probe_path)]
    # Requests sent from a second after the stop until PostgreSQL was asked to start again.
    during = [p for p in probes if stopped + 1 <= p["t"] <= starting]
    after = [p for p in probes if p["t"] > started]
    statuses = Counter()
    for line in open(access_path, errors="replace"):
        found = STATUS.search(line)
        if found:
            statuses[found[1]] += 1
    problems = []

    print(f"outage: PostgreSQL stopped for {starting - stopped:.0f} s, up {started - starting:.1f} s later")
    print(f"all requests in the phase, by status: {dict(sorted(statuses.items()))}")
    for path in ("/healthz/", "/dashboard/"):
        seen = Counter(p["status"] for p in during if p["path"] == path)
        slowest = max((p["ms"] for p in during if p["path"] == path), default=0)
        print(f"  {path:<12} during the outage: {dict(seen)} (slowest answer {slowest} ms)")
        if set(seen) != {503}:
            problems.append(f"{path} answered {dict(seen)} during the outage, not only 503")
        back = next((p for p in after if p["path"] == path and p["status"] == 200), None)
        if back is None:
            problems.append(f"{path} never answered 200 after PostgreSQL was back")
        else:
            print(f"  {path:<12} back to 200 {back['t'] - started:.1f} s after PostgreSQL was back")
            if back["t"] - started > RECOVERY_LIMIT_S:
                problems.append(f"{path} took {back['t'] - started:.0f} s to recover")
            later = Counter(p["status"] for p in after if p["path"] == path and p["t"] > back["t"])
            if set(later) - {200}:
                problems.append(f"{path} after recovering: {dict(later)}")
    pages = [p for p in during if p["path"] == "/dashboard/" and p["status"] == 503]
    if not all(p["unavailable_page"] for p in pages):
        problems.append("a 503 during the outage was not the plain unavailable page")
    if any(p["leak"] for p in probes):
        problems.append("a page showed a traceback or internal detail")
    if statuses["500"]:
        problems.append(f"{statuses['500']} requests got 500 instead of 503")
    others = {s: n for s, n in statuses.items() if s.startswith("5") and s not in ("500", "503")}
    if others:
        problems.append(f"other server errors: {others}")
    return failed_bars(problems)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))

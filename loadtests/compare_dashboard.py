"""LOAD-04's comparison: the dashboard's p95 with packs being made against the baseline without.

    python loadtests/compare_dashboard.py var/loadtest/load04_base var/loadtest/load04_packs [max ratio]

Reads the two locust runs' <prefix>_stats.csv, prints requests, requests a second, p50 and p95 of
the dashboard in each, the ratio of the p95s, and the pack requests' own figures (202 in < 1 s).
Exits 1 when the ratio is over the bar (default 1.2: "within 20% of baseline").
"""

import csv
import sys

from bars import failed_bars


def stats(prefix: str) -> dict[str, dict[str, str]]:
    with open(f"{prefix}_stats.csv", newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def line(label: str, row: dict[str, str]) -> str:
    return (
        f"{label:<28} {int(row['Request Count']):>6} requests  {float(row['Requests/s']):6.1f}/s  "
        f"p50 {row['50%']:>5} ms  p95 {row['95%']:>5} ms  failures {row['Failure Count']}"
    )


def main(base_prefix: str, packs_prefix: str, max_ratio: float = 1.2) -> int:
    base, packs = stats(base_prefix), stats(packs_prefix)
    before, during = base["dashboard"], packs["dashboard"]
    print(line("dashboard, worker idle", before))
    print(line("dashboard, packs being made", during))
    issued = packs.get("issue pack")
    if issued:
        print(line("issue pack (202)", issued))
    ratio = float(during["95%"]) / max(float(before["95%"]), 1.0)
    print(f"dashboard p95 ratio (packs / idle): {ratio:.2f} (bar: {max_ratio:.2f})")
    problems = []
    if ratio > max_ratio:
        problems.append(f"dashboard p95 with packs being made is {ratio:.2f}x the baseline")
    if issued is None or int(issued["Request Count"]) == 0:
        problems.append("no pack was asked for during the run")
    elif float(issued["95%"]) >= 1000:
        problems.append(f"issue pack p95 {issued['95%']} ms is not under 1 s")
    for name, runs in (("baseline", base), ("with packs", packs)):
        failures = int(runs["Aggregated"]["Failure Count"])
        if failures:
            problems.append(f"{failures} failed requests in the {name} run")
    return failed_bars(problems)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], *(float(a) for a in sys.argv[3:4])))

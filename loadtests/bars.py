"""How a load test's checks end: each bar missed on a line of its own, and the exit status."""


def failed_bars(problems: list[str]) -> int:
    """Print each problem as a "FAILED BAR" line (script/loadtest points to them); 1 if any, else 0."""
    for problem in problems:
        print(f"FAILED BAR: {problem}")
    return 1 if problems else 0

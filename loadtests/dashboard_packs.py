"""Does making board packs slow the dashboard? (LOAD-04)

Run twice by script/loadtest, with the same viewers on the dashboard each time:
  SWP_PACKS=0  the baseline: the pack worker idle;
  SWP_PACKS=1  the same, while a secretary keeps the worker making packs the whole time: every
               quarter that can be issued is asked for again as soon as its last pack is done
               (the 2020 demo has three quarters open or locked, so up to three are queued).
script/loadtest compares the two dashboard p95s and prints the ratio (the bar: within 20%).
The viewers' think time is short (SWP_LOAD04_THINK_MIN/MAX, default 0.5-1.5 s) so the
dashboard is asked for often enough to give a steady p95 in the two minutes script/loadtest gives
each run (one minute's p95 moved by 20% between identical runs). Signing in and the first pages
would weigh on the first seconds of either run, so dashboards
asked for in the first SWP_LOAD04_WARMUP seconds (default 20) are counted apart, as
"dashboard (warm-up)", and left out of the comparison.
"""

import os
import time

from locust import between, constant, events, task
from pack_requests import issue_waiting_packs
from signed_in import SignedIn

PACKS = os.environ.get("SWP_PACKS", "0") == "1"
THINK = (
    float(os.environ.get("SWP_LOAD04_THINK_MIN", "0.5")),
    float(os.environ.get("SWP_LOAD04_THINK_MAX", "1.5")),
)

WARMUP = float(os.environ.get("SWP_LOAD04_WARMUP", "20"))
started = time.monotonic()


@events.test_start.add_listener
def _start_the_clock(**kwargs):
    global started
    started = time.monotonic()


@events.quitting.add_listener
def _any_failure_fails(environment, **kwargs):
    # The comparison itself is judged by script/loadtest; here only failed requests count.
    environment.process_exit_code = 1 if environment.stats.total.num_failures else 0


class Viewer(SignedIn):
    email = "officer@demo.example"
    wait_time = between(*THINK)

    @task
    def dashboard(self):
        warming_up = time.monotonic() - started < WARMUP
        self.client.get("/dashboard/", name="dashboard (warm-up)" if warming_up else "dashboard")


class PackSecretary(SignedIn):
    """One secretary who keeps the worker busy: asks for every quarter's pack it can, every 2 s."""

    abstract = not PACKS  # left out of the baseline run
    email = "secretary@demo.example"
    fixed_count = 1
    wait_time = constant(2)

    @task
    def keep_the_worker_busy(self):
        issue_waiting_packs(self.client)

"""The quarter-end rush (LOAD-02): leads saving updates, viewers on the dashboard, the secretary on packs.

Run by script/loadtest (`make loadtest`) against gunicorn and PostgreSQL on loopback, with the
Safer Walsall demo loaded. Mix by weight: 70% leads, 25% viewers, 5% the secretary (previews a
pack and asks for one: 202, made by the worker, see pack_requests.py). Leads save
drafts of this quarter's updates: a 409 is two people saving the same update at once, which the
app is meant to catch, so it counts as handled, not as a failure. Every save the app confirmed is
counted in SAVES_FILE, which the post-run check compares with the history records written.
"""

import os
import random
import re
from pathlib import Path

from bars import failed_bars
from locust import between, events, task
from pack_requests import issue_waiting_packs
from signed_in import CSRF, SignedIn

LEADS = [f"lead.{name}@demo.example" for name in ("violence", "prevent", "drugs", "soc", "reoffending")]
# LOAD-02's think time, in seconds; shorter ones (SWP_THINK_MIN/MAX) make a stress test of it.
THINK = (float(os.environ.get("SWP_THINK_MIN", "20")), float(os.environ.get("SWP_THINK_MAX", "60")))
SAVES_FILE = Path(os.environ.get("SWP_SAVES_FILE", "var/loadtest/saves.txt"))
VERSION = re.compile(r'name="version" value="(\d+)"')
EDIT_LINK = re.compile(r'href="(/actions/\d+/updates/\d+/)"')
PACK_PREVIEW = re.compile(r'href="(/packs/\d+/preview/)"')
saves = 0  # saves the app confirmed (302 to the next page)
unanswered = 0  # saves sent that got no answer: cut off when the run stopped, or the connection failed


@events.test_stop.add_listener
def _write_saves(**kwargs):
    """Writes "<confirmed> <unanswered>": the app may or may not have kept an unanswered save."""
    SAVES_FILE.parent.mkdir(parents=True, exist_ok=True)
    SAVES_FILE.write_text(f"{saves} {unanswered}")


# LOAD-02's bars. Signing in is left out: it is slow on purpose (password hashing).
P95_LIMITS_MS = {"GET": 1000, "POST": 1500}


@events.quitting.add_listener
def _judge(environment, **kwargs):
    """Fail the run (exit status 1) on any failed request or a p95 over its bar."""
    problems = []
    if environment.stats.total.num_failures:
        problems.append(f"{environment.stats.total.num_failures} failed requests")
    for entry in environment.stats.entries.values():
        limit = P95_LIMITS_MS.get(entry.method)
        p95 = entry.get_response_time_percentile(0.95)
        if limit and not entry.name.startswith("sign in") and p95 > limit:
            problems.append(f"{entry.method} {entry.name}: p95 {p95:.0f} ms is over {limit} ms")
    environment.process_exit_code = failed_bars(problems)


class Person(SignedIn):
    """Everyone in the mix, with LOAD-02's think time between tasks."""

    abstract = True
    wait_time = between(*THINK)


class Lead(Person):
    weight = 70

    def on_start(self):
        self.email = random.choice(LEADS)
        super().on_start()

    @task
    def update_three_actions(self):
        mine = self.client.get("/my-updates/", name="my updates")
        links = sorted(set(EDIT_LINK.findall(mine.text)))
        for link in random.sample(links, min(3, len(links))):
            self._save_draft(link)

    def _save_draft(self, link: str):
        form = self.client.get(link, name="update form")
        version = VERSION.search(form.text)
        if form.status_code != 200 or version is None:
            return  # submitted already: not theirs to edit now
        data = {
            "csrfmiddlewaretoken": CSRF.search(form.text)[1],
            "version": version[1],
            "rag": "amber",
            "progress": f"Load test progress note {random.randint(1, 10**6)}",
            "recovery_plan": "Partners meet weekly until it is back on track.",
            "outcomes": "",
            "proposed_deadline_0": "",
            "proposed_deadline_1": "",
            "proposed_deadline_2": "",
            "deadline_change_reason": "",
            "save_draft": "",
        }
        global saves, unanswered
        unanswered += 1  # until an answer comes: a user stopped mid-request never gets one
        post = self.client.post(link, data, name="save update", allow_redirects=False, catch_response=True)
        with post as saved:
            if saved.status_code:
                unanswered -= 1
            if saved.status_code == 302:
                saves += 1
                saved.success()
            elif saved.status_code == 409:
                saved.success()  # someone saved first: the conflict page is the app working
            else:
                saved.failure(f"status {saved.status_code}")


class Viewer(Person):
    weight = 25
    email = "officer@demo.example"

    @task
    def dashboard(self):
        self.client.get("/dashboard/", name="dashboard")


class Secretary(Person):
    """Previews a quarter's pack, then asks for one: answered 202 at once, made by the worker."""

    weight = 5
    email = "secretary@demo.example"

    @task
    def pack(self):
        packs = self.client.get("/packs/", name="packs")
        previews = PACK_PREVIEW.findall(packs.text)
        if previews:
            self.client.get(random.choice(previews), name="pack preview")
        issue_waiting_packs(self.client, limit=1)

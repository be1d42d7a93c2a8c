"""Asking for board packs over HTTP, as the secretary does: shared by the locust files.

`issue_waiting_packs(client)` reads the board packs page, and for each quarter offering "Issue" or
"Issue a correction" (that is, none of its packs is being made) fills in the form as a person
would and posts it. The app answers 202 Accepted when the pack is queued for the worker (LOAD-04),
or a redirect to the pack already being made when someone else asked first: both are the app
working. Anything else, or a 202 slower than ACCEPT_LIMIT_MS, is a failure.
"""

import re

from signed_in import CSRF

ISSUE_LINK = re.compile(r'href="(/packs/\d+/issue/)"')
INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'([a-z_-]+)(?:="([^"]*)")?')
ACCEPT_LIMIT_MS = 1000  # LOAD-04: "the generate request returns 202 in < 1 s"
REQUEST_NAME = "issue pack"


def _form_fields(html: str) -> dict[str, str]:
    """The values a person submitting the form unchanged would send (checked radios, the CSRF token)."""
    data = {"csrfmiddlewaretoken": CSRF.search(html)[1]}
    for tag in INPUT.findall(html):
        attributes = {name: value for name, value in ATTRIBUTE.findall(tag[len("<input") :])}
        if attributes.get("type") == "radio" and "checked" in attributes:
            data[attributes["name"]] = attributes["value"]
        if attributes.get("name") == "confirm_open":
            data["confirm_open"] = "on"  # the quarter is still open: the secretary confirms
    if 'name="reason"' in html:
        data["reason"] = "Load test: an update was accepted after the pack was issued."
    return data


def issue_waiting_packs(client, *, limit: int | None = None) -> int:
    """Ask for every quarter's pack that can be asked for now; returns how many were accepted."""
    packs = client.get("/packs/", name="packs")
    accepted = 0
    for link in sorted(set(ISSUE_LINK.findall(packs.text)))[:limit]:
        form = client.get(link, name="pack issue form")
        if form.status_code != 200 or "csrfmiddlewaretoken" not in form.text:
            continue
        with client.post(
            link, _form_fields(form.text), name=REQUEST_NAME, allow_redirects=False, catch_response=True
        ) as answer:
            elapsed_ms = answer.elapsed.total_seconds() * 1000
            if answer.status_code == 202 and answer.headers.get("Location", "").startswith("/packs/issued/"):
                if elapsed_ms > ACCEPT_LIMIT_MS:
                    answer.failure(f"202 took {elapsed_ms:.0f} ms")
                else:
                    answer.success()
                    accepted += 1
            elif answer.status_code == 302 and "/packs/issued/" in answer.headers.get("Location", ""):
                answer.success()  # another request got there first: it is being made already
            else:
                answer.failure(f"status {answer.status_code}")
    return accepted

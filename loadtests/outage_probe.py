"""LOAD-05(b): watch the app through a database outage, as a person and a load balancer would.

    python loadtests/outage_probe.py http://127.0.0.1:8001 var/loadtest/outage_probe.jsonl STOP_FILE

Signs in as the demo viewer, then every quarter of a second asks for /healthz/ and the dashboard
(redirects not followed) until STOP_FILE exists, writing one JSON line per answer: the time, the
path, the status, and whether the body was the plain "unavailable" page or showed a traceback.
Standard library only, so it runs wherever the app's Python does.
"""

import http.client
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

PASSWORD = "demo-walsall-2020"
VIEWER = "officer@demo.example"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LEAKS = ("Traceback", "OperationalError", "psycopg", "/tmp/swp-pg")


def sign_in(base: str) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/accounts/login/", timeout=10).read().decode()
    data = urllib.parse.urlencode(
        {"username": VIEWER, "password": PASSWORD, "csrfmiddlewaretoken": CSRF.search(form)[1]}
    ).encode()
    opener.open(f"{base}/accounts/login/", data, timeout=10).read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def ask(host: str, port: int, path: str, cookie: str) -> dict:
    started = time.time()
    try:
        conn = http.client.HTTPConnection(host, port, timeout=15)
        conn.request("GET", path, headers={"Cookie": cookie, "Host": host})
        answer = conn.getresponse()
        body = answer.read().decode(errors="replace")
        status = answer.status
        conn.close()
    except OSError as error:
        body, status = str(error), 0
    return {
        "t": started,
        "ms": round((time.time() - started) * 1000),
        "path": path,
        "status": status,
        "unavailable_page": "Sorry, the service is unavailable" in body,
        "leak": any(leak in body for leak in LEAKS),
    }


def main(base: str, output: str, stop_file: str) -> None:
    parts = urllib.parse.urlsplit(base)
    cookie = sign_in(base)
    with Path(output).open("w") as out:
        while not Path(stop_file).exists():
            for path in ("/healthz/", "/dashboard/"):
                out.write(json.dumps(ask(parts.hostname, parts.port, path, cookie)) + "\n")
            out.flush()
            time.sleep(0.25)


if __name__ == "__main__":
    main(*sys.argv[1:4])

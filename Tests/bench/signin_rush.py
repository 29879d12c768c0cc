#!/usr/bin/env python3
"""Signs in again and again from many connections at once, as a morning's rush does, for the
page benchmark: `signin_rush.py BASE LOGIN PASSWORD SECONDS [CONCURRENT]`, where LOGIN's {}
is the connection's number (rush-{}: rush-0, rush-1, …). Prints how many
sign-ins succeeded and their p50/p95 in ms; exits 1 if any failed."""

import http.client
import re
import sys
import threading
import time
import urllib.parse

base, login, password, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
concurrent = int(sys.argv[5]) if len(sys.argv) > 5 else 32
host = urllib.parse.urlsplit(base)
durations, failures = [], []
lock = threading.Lock()


def sign_in(login):
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    try:
        connection.request("GET", "/login")
        page = connection.getresponse()
        body = page.read().decode("utf-8", "replace")
        cookie = "; ".join(value.split(";", 1)[0] for name, value in page.getheaders() if name.lower() == "set-cookie")
        token = re.search(r'name="_csrf" value="([^"]*)"', body).group(1)
        form = urllib.parse.urlencode({"_csrf": token, "login": login, "password": password})
        connection.request("POST", "/login", body=form, headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
        answer = connection.getresponse()
        answer.read()
        return answer.status == 303 and "lore_session=" in (answer.getheader("Set-Cookie") or "")
    finally:
        connection.close()


def run(number, deadline):
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            ok = sign_in(login.format(number))
        except (OSError, http.client.HTTPException, AttributeError) as error:
            ok, _ = False, error
        with lock:
            (durations if ok else failures).append((time.monotonic() - start) * 1000)


deadline = time.monotonic() + seconds
threads = [threading.Thread(target=run, args=(number, deadline)) for number in range(concurrent)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
durations.sort()
pick = lambda p: durations[min(len(durations) - 1, int(len(durations) * p))] if durations else 0  # noqa: E731
print(f"RUSH {len(durations)} {pick(0.5):.0f} {pick(0.95):.0f} {len(failures)}")
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Crash safety: kill Lore with SIGKILL while it saves, and check that nothing acknowledged is lost.

The script runs `lore serve` on a fresh data directory and lets several writer threads save
articles through the JSON API (each thread creates its own articles and replaces their whole
text, so no two writers ever touch the same article). At a random moment it kills the server
with SIGKILL, waits for the writers to notice, and inspects the database while the server is
down:

- `PRAGMA integrity_check` is ok and `PRAGMA foreign_key_check` finds nothing;
- every save the server acknowledged (a 2xx answer received in full) is there: the article
  exists, its revision is at least the acknowledged one, and that revision's text is the text
  acknowledged;
- nothing is half there: every article's revisions are exactly 1..its revision, its row shows
  its latest revision's title and text, its rendered HTML was made from that text, its search
  entries (searchDocument and both FTS5 tables) are present and show its current title, and
  every text in the database is one a writer sent (a save whose answer never came may be there
  or not, but only whole).

Then it starts the server again on the same directory, measures how long it takes to answer,
lets each writer re-read the articles whose last save had no answer, and goes on. After the
last round it reads every acknowledged save back through the API, stops the server gracefully
and checks the database once more.

The database is inspected on a copy (lore.sqlite and its -wal, taken while the server is
dead): SQLite replays the WAL into the copy, while the server's own files stay exactly as the
kill left them, so each restart also proves that the server recovers from them itself.

Short mode (CI, `make crash-test`): the default 5 rounds. Full mode, by hand:
    python3 Tests/ops/crash_test.py --rounds 100
Standard library only. Exit status 0 only when every check passed.
"""

import argparse
import hashlib
import html
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ADMIN_PASSWORD = "crash-test-password"
REQUEST_TIMEOUT = 30
READY_TIMEOUT = 120
WORDS = ("ledger invoice vendor quarter policy onboarding laptop badge travel expense contract renewal "
         "warehouse shipment audit payroll holiday meeting roadmap release backup restore network printer").split()


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirects(urllib.request.HTTPErrorProcessor):
    """Hands every answer back as it is: no exception for 4xx/5xx, no following of redirects."""

    def http_response(self, request, response):
        return response

    https_response = http_response


class Unknown(Exception):
    """The request went out but no complete answer came back (the server died under it)."""


class Refused(Unknown):
    """The connection was refused: the request never reached a server."""


def send(opener, method, url, headers=None, data=None, timeout=REQUEST_TIMEOUT):
    """(status, headers, body) of a complete answer; raises Unknown when there is none."""
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with opener.open(request, timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            raise Refused(str(error.reason)) from None
        raise Unknown(f"URLError: {error.reason}") from None
    except ConnectionRefusedError as error:
        raise Refused(str(error)) from None
    except (http.client.HTTPException, ConnectionError, socket.timeout, OSError) as error:
        raise Unknown(f"{type(error).__name__}: {error}") from None


# --- The server --------------------------------------------------------------------------------

class Server:
    def __init__(self, binary, data_dir, log_path):
        self.binary = binary
        self.data_dir = data_dir
        self.log_path = log_path
        self.process = None
        self.base = None

    def start(self):
        """Starts the server and waits until GET /login answers 200; returns the seconds that took."""
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, LORE_ADMIN_PASSWORD=ADMIN_PASSWORD)
        command = [self.binary, "serve", "--data", self.data_dir, "--resources", REPO_ROOT, "--port", str(port),
                   "--no-sample-content", "--api-rate-limit", "0", "--log-level", "error", "--sendmail", "off"]
        with open(self.log_path, "ab") as log:
            log.write(f"\n=== {time.strftime('%H:%M:%S')} {' '.join(command)}\n".encode())
            log.flush()
            started = time.monotonic()
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO_ROOT)
        opener = urllib.request.build_opener(NoRedirects)
        while True:
            if self.process.poll() is not None:
                with open(self.log_path, "rb") as log:
                    tail = log.read().decode("utf-8", "replace").strip().splitlines()[-5:]
                raise RuntimeError(f"the server exited with status {self.process.returncode} while starting; "
                                   f"the end of {self.log_path}:\n    " + "\n    ".join(tail))
            try:
                status, _, _ = send(opener, "GET", self.base + "/login", timeout=2)
                if status == 200:
                    return time.monotonic() - started
            except Unknown:
                pass
            if time.monotonic() - started > READY_TIMEOUT:
                raise RuntimeError(f"the server did not answer within {READY_TIMEOUT} s; see {self.log_path}")
            time.sleep(0.02)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """A graceful stop (SIGTERM); SIGKILL if it takes longer than 30 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def make_token(base):
    """Signs into the web UI as admin and makes a personal API token on the account page."""
    cookies = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), NoRedirects)
    status, _, body = send(opener, "GET", base + "/login")
    page = body.decode("utf-8", "replace")
    hidden = re.search(r'<input[^>]*\bname="_csrf"[^>]*\bvalue="([^"]*)"', page)
    if status != 200 or not hidden:
        raise RuntimeError(f"GET /login: {status}, no _csrf field")
    form = urllib.parse.urlencode({"_csrf": html.unescape(hidden.group(1)), "login": "admin", "password": ADMIN_PASSWORD, "next": ""})
    status, _, _ = send(opener, "POST", base + "/login", {"Content-Type": "application/x-www-form-urlencoded"}, form.encode())
    if status not in (302, 303) or not any(cookie.name == "lore_session" for cookie in cookies):
        raise RuntimeError(f"signing in as admin failed: {status}")
    status, _, body = send(opener, "GET", base + "/me")
    meta = re.search(r'<meta\s+name="csrf-token"\s+content="([^"]*)"', body.decode("utf-8", "replace"))
    if status != 200 or not meta:
        raise RuntimeError(f"GET /me: {status}, no csrf-token meta")
    form = urllib.parse.urlencode({"_csrf": html.unescape(meta.group(1)), "name": "crash test", "expires": ""})
    status, _, body = send(opener, "POST", base + "/me/tokens", {"Content-Type": "application/x-www-form-urlencoded"}, form.encode())
    secret = re.search(r'id="token-secret">\s*(lore_[^<\s]+)', body.decode("utf-8", "replace"))
    if status != 200 or not secret:
        raise RuntimeError(f"POST /me/tokens: {status}, no token secret shown")
    return secret.group(1)


class Api:
    def __init__(self, server, token):
        self.server = server
        self.token = token
        self.opener = urllib.request.build_opener(NoRedirects)

    def call(self, method, path, payload=None, headers=None):
        """(status, parsed JSON or None, headers); raises Unknown when no complete answer came."""
        sent = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        data = None
        if payload is not None:
            data = json.dumps(payload).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        status, answer_headers, body = send(self.opener, method, self.server.base + "/api/v1" + path, sent, data)
        parsed = None
        if body:
            try:
                parsed = json.loads(body)
            except ValueError:
                if 200 <= status < 300:
                    raise Unknown(f"{method} {path}: {status} with a body that is not whole JSON") from None
        return status, parsed, answer_headers


# --- What the writers sent and what the server acknowledged -------------------------------------

class Ledger:
    """Shared record of every save: sent (slug -> set of text hashes) and acknowledged (slug -> (revision, hash))."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = {}          # slug -> {hash of every text ever sent for it}
        self.acked = {}         # slug -> (revision, hash, title): the latest acknowledged or read-back state
        self.rejected = {}      # slug -> {hashes the server refused (non-2xx): these must never appear}
        self.acks = 0           # saves acknowledged
        self.unknown = 0        # saves sent whose answer never came (or was cut short)
        self.unknown_found = 0  # ... of which the database later showed the text
        self.refused = 0        # saves whose connection was refused (the server was already dead)
        self.creates = 0
        self.updates = 0
        self.errors = []        # problems found (any makes the run FAIL)
        self.unexpected = []    # non-2xx answers

    def note_sent(self, slug, digest):
        with self.lock:
            self.sent.setdefault(slug, set()).add(digest)

    def fail(self, message):
        with self.lock:
            self.errors.append(message)
        print(f"  FAIL: {message}", flush=True)


def make_text(rng, writer, counter, size_class):
    marker = f"crashmark{uuid.uuid4().hex}"
    paragraphs = {"small": rng.randint(1, 3), "medium": rng.randint(5, 30), "large": rng.randint(150, 400)}[size_class]
    lines = [f"# Save {counter} of writer {writer}", "", f"Marker: {marker}", ""]
    for index in range(paragraphs):
        if index % 7 == 3:
            lines += [f"## Section {index}", ""]
        lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))) + ".")
        lines.append("")
    return marker, "\n".join(lines)


class Writer(threading.Thread):
    """Saves articles of its own in a loop: creates new ones and replaces the text of old ones."""

    def __init__(self, index, api, category_id, ledger, gate, seed):
        super().__init__(name=f"writer-{index}", daemon=True)
        self.index = index
        self.api = api
        self.category_id = category_id
        self.ledger = ledger
        self.gate = gate
        self.rng = random.Random(seed)
        self.mine = {}        # slug -> (revision, hash) as last acknowledged or read back
        self.pending = None   # (slug, hash, kind) of a save whose answer never came
        self.pending_counted = False
        self.counter = 0

    def run(self):
        while self.gate.wait_for_go(self):
            try:
                if self.pending:
                    self.settle_pending()
                else:
                    self.save_once()
            except Refused:
                # Nothing reached the server: the text must not show up anywhere.
                if self.pending and not self.pending_counted:
                    self.pending_counted = True
                    with self.ledger.lock:
                        self.ledger.refused += 1
                        self.ledger.rejected.setdefault(self.pending[0], set()).add(self.pending[1])
                    self.pending = None
                self.gate.note_down(self)
            except Unknown:
                if self.pending and not self.pending_counted:
                    self.pending_counted = True
                    with self.ledger.lock:
                        self.ledger.unknown += 1
                self.gate.note_down(self)
            except Exception as error:  # a bug in this script, or an answer of the wrong shape
                self.ledger.fail(f"writer {self.index}: {type(error).__name__}: {error}")
                self.gate.note_down(self)

    def save_once(self):
        self.counter += 1
        size_class = self.rng.choices(["small", "medium", "large"], weights=[5, 4, 1])[0]
        marker, text = make_text(self.rng, self.index, self.counter, size_class)
        title = f"Crash w{self.index} n{self.counter} {marker[-8:]}"
        digest = sha(text)
        if not self.mine or self.rng.random() < 0.3:
            slug = f"crash-w{self.index}-{self.counter}-{marker[-6:]}"
            self.ledger.note_sent(slug, digest)
            self.pending, self.pending_counted = (slug, digest, "create"), False
            status, body, _ = self.api.call("POST", "/articles", {"title": title, "slug": slug, "categoryId": self.category_id,
                                                                  "markdown": text, "summary": f"create {self.counter}"})
            expected = 201
        else:
            slug = self.rng.choice(sorted(self.mine))
            revision, _ = self.mine[slug]
            self.ledger.note_sent(slug, digest)
            self.pending, self.pending_counted = (slug, digest, "update"), False
            status, body, _ = self.api.call("PUT", f"/articles/{slug}", {"title": title, "categoryId": self.category_id,
                                                                         "markdown": text, "summary": f"update {self.counter}"},
                                            headers={"If-Match": f'"r{revision}"'})
            expected = 200
        self.pending = None
        if status != expected or not isinstance(body, dict):
            with self.ledger.lock:
                self.ledger.unexpected.append(f"{slug}: {status} {json.dumps(body)[:300]}")
                self.ledger.rejected.setdefault(slug, set()).add(digest)
            self.ledger.fail(f"writer {self.index}: unexpected answer {status} to a save of {slug}: {json.dumps(body)[:300]}")
            return
        answer_digest = sha(body.get("markdown", ""))
        if answer_digest != digest:
            self.ledger.fail(f"{slug}: the answer's markdown differs from the text sent")
        if body.get("merged"):
            self.ledger.fail(f"{slug}: the save was merged, though this writer owns the article")
        revision = body["revision"]
        previous = self.mine.get(slug, (0, None))[0]
        if revision != previous + 1:
            self.ledger.fail(f"{slug}: acknowledged revision {revision} after {previous}")
        self.mine[slug] = (revision, answer_digest)
        with self.ledger.lock:
            self.ledger.acked[slug] = (revision, answer_digest, title)
            self.ledger.acks += 1
            if expected == 201:
                self.ledger.creates += 1
            else:
                self.ledger.updates += 1

    def settle_pending(self):
        """After a restart: read back the article whose last save had no answer, and go on from what is there."""
        slug, digest, kind = self.pending
        status, body, _ = self.api.call("GET", f"/articles/{slug}")
        known = self.mine.get(slug)
        if status == 404 and kind == "create":
            self.pending = None
            return
        if status != 200 or not isinstance(body, dict):
            self.ledger.fail(f"{slug}: GET after the restart answered {status} (last save: {kind} without answer)")
            self.pending = None
            self.mine.pop(slug, None)
            return
        revision, now = body["revision"], sha(body["markdown"])
        if now == digest:
            expected = 1 if known is None else known[0] + 1
            with self.ledger.lock:
                self.ledger.unknown_found += 1
        else:
            expected = None if known is None else known[0]
            if known is not None and now != known[1]:
                expected = None
        if expected is None or revision != expected:
            self.ledger.fail(f"{slug}: after the restart it is at revision {revision} with "
                             f"{'the unanswered text' if now == digest else 'an unexpected text'}; "
                             f"last acknowledged {known}")
        self.mine[slug] = (revision, now)
        with self.ledger.lock:
            self.ledger.acked[slug] = (revision, now, body["title"])
        self.pending = None


class Gate:
    """Lets the writers run while the server is up, and parks them while it is down."""

    def __init__(self, writers_count):
        self.condition = threading.Condition()
        self.running = False
        self.stopping = False
        self.generation = 0   # one more at each go(): each time the server is up again
        self.parked = set()
        self.count = writers_count

    def wait_for_go(self, writer):
        """Returns False when the run is over; else True once the server is up."""
        with self.condition:
            while not self.running and not self.stopping:
                self.parked.add(writer.index)
                self.condition.notify_all()
                self.condition.wait()
            return not self.stopping

    def note_down(self, writer):
        """A request of `writer` got no answer: wait until the server is up again."""
        with self.condition:
            generation = self.generation
            self.parked.add(writer.index)
            self.condition.notify_all()
            while self.generation == generation and not self.stopping:
                self.condition.wait()

    def go(self):
        with self.condition:
            self.generation += 1
            self.running = True
            self.parked.clear()
            self.condition.notify_all()

    def halt(self):
        """The server was just killed: stop handing out work and wait until every writer is parked."""
        with self.condition:
            self.running = False
            self.condition.notify_all()
            deadline = time.monotonic() + REQUEST_TIMEOUT + 10
            while len(self.parked) < self.count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError("writers did not stop after the kill")
                self.condition.wait(left)

    def finish(self):
        with self.condition:
            self.stopping = True
            self.condition.notify_all()


# --- The database, read while the server is down ----------------------------------------------

def check_database(data_dir, ledger, scratch, label):
    """Checks a copy of the database the server left; returns (articles, revisions) counted."""
    copy_dir = tempfile.mkdtemp(prefix="db-", dir=scratch)
    try:
        for suffix in ("", "-wal"):
            source = os.path.join(data_dir, "lore.sqlite" + suffix)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(copy_dir, "lore.sqlite" + suffix))
        db = sqlite3.connect(os.path.join(copy_dir, "lore.sqlite"))
        try:
            return inspect(db, ledger, label)
        finally:
            db.close()
    finally:
        shutil.rmtree(copy_dir, ignore_errors=True)


def inspect(db, ledger, label):
    problems = []
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:10]}")
    foreign = db.execute("PRAGMA foreign_key_check").fetchall()
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:10]}")

    articles = {}
    for row in db.execute("SELECT id, slug, title, body, html, revision, deletedAt FROM article"):
        articles[row[1]] = row
    revisions = {}
    for article_id, number, title, body, size in db.execute("SELECT articleId, number, title, body, size FROM revision"):
        revisions.setdefault(article_id, {})[number] = (title, body, size)
    documents = dict(db.execute("SELECT refId, id FROM searchDocument WHERE kind = 'article'").fetchall())
    index_rows = {row[0]: row for row in db.execute("SELECT id, c0, c2 FROM searchIndex_content")}
    title_rows = {row[0]: row[1] for row in db.execute("SELECT id, c0 FROM searchTitle_content")}
    index_docsize = {row[0] for row in db.execute("SELECT id FROM searchIndex_docsize")}
    title_docsize = {row[0] for row in db.execute("SELECT id FROM searchTitle_docsize")}
    all_documents = {row[0] for row in db.execute("SELECT id FROM searchDocument")}

    with ledger.lock:
        acked = dict(ledger.acked)
        sent = {slug: set(hashes) for slug, hashes in ledger.sent.items()}
        rejected = {slug: set(hashes) for slug, hashes in ledger.rejected.items()}

    # Every acknowledged save is there.
    for slug, (revision, digest, _) in acked.items():
        row = articles.get(slug)
        if row is None:
            problems.append(f"acknowledged {slug} r{revision} is missing: no article row")
            continue
        article_id, _, _, body, _, current, deleted = row
        if deleted is not None:
            problems.append(f"acknowledged {slug} is in the trash")
        if current < revision:
            problems.append(f"acknowledged {slug} r{revision}, but the article is at r{current}")
        stored = revisions.get(article_id, {}).get(revision)
        if stored is None:
            problems.append(f"acknowledged {slug} r{revision}: no such revision row")
        elif sha(stored[1]) != digest:
            problems.append(f"acknowledged {slug} r{revision}: the revision's text is not the text acknowledged")
        if current == revision and sha(body) != digest:
            problems.append(f"acknowledged {slug} r{revision}: the article's text is not the text acknowledged")

    # Nothing is half there.
    live = 0
    for slug, (article_id, _, title, body, rendered, current, deleted) in articles.items():
        if slug not in sent:
            problems.append(f"article {slug} was never sent by a writer")
            continue
        numbers = sorted(revisions.get(article_id, {}))
        if numbers != list(range(1, current + 1)):
            problems.append(f"{slug}: revision rows {numbers[:5]}{'…' if len(numbers) > 5 else ''} for article revision {current}")
        latest = revisions.get(article_id, {}).get(current)
        if latest is not None:
            if latest[1] != body or latest[0] != title:
                problems.append(f"{slug}: the article row differs from its revision {current}")
            if latest[2] != len(latest[1].encode("utf-8")):
                problems.append(f"{slug}: revision {current} records size {latest[2]} for {len(latest[1].encode('utf-8'))} bytes")
        for number, (_, text, _) in revisions.get(article_id, {}).items():
            digest = sha(text)
            if digest not in sent[slug]:
                problems.append(f"{slug}: revision {number} holds a text no writer sent (torn or mixed)")
            if digest in rejected.get(slug, set()):
                problems.append(f"{slug}: revision {number} holds a text the server refused")
        marker = re.search(r"crashmark[0-9a-f]{32}", body)
        if not marker or marker.group(0) not in rendered:
            problems.append(f"{slug}: the article's HTML was not rendered from its text")
        if deleted is not None:
            continue
        live += 1
        document = documents.get(article_id)
        if document is None:
            problems.append(f"{slug}: not in the search index (no searchDocument)")
            continue
        indexed = index_rows.get(document)
        if indexed is None or indexed[1] != title:
            problems.append(f"{slug}: the search index holds {'nothing' if indexed is None else 'an old title'} for it")
        elif marker and marker.group(0) not in (indexed[2] or ""):
            problems.append(f"{slug}: the search index holds an old text for it")
        if title_rows.get(document) != title:
            problems.append(f"{slug}: the title index holds {'nothing' if document not in title_rows else 'an old title'} for it")
    if len(documents) != live:
        problems.append(f"{len(documents)} article entries in searchDocument for {live} live articles")
    for name, ids in (("searchIndex", set(index_rows)), ("searchIndex_docsize", index_docsize),
                      ("searchTitle", set(title_rows)), ("searchTitle_docsize", title_docsize)):
        if ids != all_documents:
            problems.append(f"{name} has {len(ids)} rows for {len(all_documents)} search documents "
                            f"({len(ids - all_documents)} extra, {len(all_documents - ids)} missing)")
    for problem in problems[:30]:
        ledger.fail(f"{label}: {problem}")
    if len(problems) > 30:
        ledger.fail(f"{label}: … and {len(problems) - 30} more problems")
    return len(articles), sum(len(numbers) for numbers in revisions.values())


# --- The run ---------------------------------------------------------------------------------

def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    default_binary = ".build/release/lore" if os.access(os.path.join(REPO_ROOT, ".build/release/lore"), os.X_OK) else ".build/debug/lore"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=default_binary, help=f"the lore binary (default: {default_binary})")
    parser.add_argument("--rounds", type=int, default=5, help="kills and restarts (default 5: the short mode; e.g. 100 for the full run)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent writer threads (default 4)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: chosen and printed)")
    parser.add_argument("--min-run", type=float, default=0.3, help="shortest time before a kill, in seconds (default 0.3)")
    parser.add_argument("--max-run", type=float, default=2.5, help="longest time before a kill, in seconds (default 2.5)")
    parser.add_argument("--keep", action="store_true", help="keep the data directory (it is kept anyway when the run fails)")
    options = parser.parse_args()

    binary = options.binary if os.path.isabs(options.binary) else os.path.join(REPO_ROOT, options.binary)
    if not os.access(binary, os.X_OK):
        print(f"crash test: no executable at {binary}", file=sys.stderr)
        return 2
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1, 2**31)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="lore-crash-")
    data_dir = os.path.join(work, "data")
    scratch = os.path.join(work, "scratch")
    os.makedirs(scratch)
    log_path = os.path.join(work, "server.log")
    print(f"crash test: {binary}, {options.rounds} rounds, {options.clients} writers, seed {seed}, data {data_dir}", flush=True)

    ledger = Ledger()
    server = Server(binary, data_dir, log_path)
    gate = Gate(options.clients)
    ready_times = []
    kill_after = []
    writers = []
    started_at = time.monotonic()
    first_start = None
    try:
        first_start = server.start()
        token = make_token(server.base)
        api = Api(server, token)
        status, category, _ = api.call("POST", "/categories", {"title": "Crash"})
        if status != 201:
            raise RuntimeError(f"POST /api/v1/categories: {status} {category}")
        writers = [Writer(index, Api(server, token), category["id"], ledger, gate, seed * 1000 + index)
                   for index in range(options.clients)]
        for writer in writers:
            writer.start()

        for round_number in range(1, options.rounds + 1):
            gate.go()
            pause = rng.uniform(options.min_run, options.max_run)
            kill_after.append(pause)
            time.sleep(pause)
            server.kill()
            gate.halt()
            articles, revision_rows = check_database(data_dir, ledger, scratch, f"round {round_number}")
            ready = server.start()
            ready_times.append(ready)
            print(f"round {round_number}: killed after {pause:.2f} s; {ledger.acks} acknowledged, {ledger.unknown} unanswered so far; "
                  f"database {articles} articles, {revision_rows} revisions; ready again in {ready:.2f} s", flush=True)

        # Let the writers settle what the last kill left open, then read every acknowledged save back.
        gate.go()
        time.sleep(0.5)
        gate.finish()
        for writer in writers:
            writer.join(timeout=REQUEST_TIMEOUT + 10)
        with ledger.lock:
            acked = dict(ledger.acked)
        for slug, (revision, digest, _) in sorted(acked.items()):
            status, body, _ = api.call("GET", f"/articles/{slug}")
            if status != 200:
                ledger.fail(f"API: acknowledged {slug} r{revision} answers {status}")
            elif body["revision"] < revision or (body["revision"] == revision and sha(body["markdown"]) != digest):
                ledger.fail(f"API: acknowledged {slug} r{revision}, the API shows r{body['revision']}")
        server.stop()
        articles, revision_rows = check_database(data_dir, ledger, scratch, "after the graceful stop")
    except (RuntimeError, Unknown) as error:
        ledger.fail(f"run aborted: {error}")
        articles = revision_rows = None
    finally:
        gate.finish()
        if server.process is not None and server.process.poll() is None:
            server.process.kill()
            server.process.wait()

    passed = not ledger.errors
    elapsed = time.monotonic() - started_at
    print()
    print(f"rounds (SIGKILLs):                  {len(kill_after)} of {options.rounds}, killed after "
          f"{min(kill_after, default=0):.2f}–{max(kill_after, default=0):.2f} s of writing")
    print(f"writers:                            {options.clients}")
    print(f"saves acknowledged:                 {ledger.acks} ({ledger.creates} creations, {ledger.updates} updates)")
    print(f"saves sent, answer never came:      {ledger.unknown} (found saved after restart: {ledger.unknown_found})")
    print(f"saves refused (server already dead): {ledger.refused}")
    print(f"unexpected answers (non-2xx):       {len(ledger.unexpected)}")
    print(f"server restarts:                    {len(ready_times)}")
    if ready_times:
        print(f"ready after restart (GET /login):   p50 {statistics.median(ready_times):.2f} s, max {max(ready_times):.2f} s"
              f" (first start {first_start:.2f} s)")
    if articles is not None:
        print(f"final database:                     {articles} articles, {revision_rows} revisions, integrity ok"
              if passed else f"final database:                     {articles} articles, {revision_rows} revisions")
    print(f"seed:                               {seed}")
    print(f"time:                               {elapsed:.1f} s")
    if passed:
        print("PASS")
        if options.keep:
            print(f"data kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    print(f"FAIL: {len(ledger.errors)} problems (first: {ledger.errors[0]})")
    print(f"data and server log kept in {work}; reproduce with --seed {seed} --rounds {options.rounds} --clients {options.clients}")
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""Operations tests over real processes: graceful shutdown, secrets in logs, health and metrics,
backup and restore under load, and the export/import round trip of the command line.

Run with the browser tests' venv:  .build/browser-venv/bin/python -m pytest -q Tests/ops
"""

import html
import http.client
import json
import re
import shutil
import sqlite3
import tarfile
import threading
import time
import urllib.parse
from pathlib import Path

from conftest import (ADMIN_PASSWORD, DEMO_PASSWORD, Api, BackgroundWriters, WebSession, admin_api, admin_session, big_text,
                      run_lore, send, sha)


# --- 1. Graceful shutdown --------------------------------------------------------------------------

SHUTDOWN_WRITERS = 8
SHUTDOWN_BODY_BYTES = 200_000
# A connection made this long before SIGTERM has certainly been accepted by the server (not just
# queued by the kernel); one made closer to the signal may be refused/reset with the listener.
ACCEPT_MARGIN = 0.05


class TimedSave:
    """One save on its own connection, with the moments each phase ended (time.monotonic)."""

    def __init__(self, writer, slug, kind, text, expected_status):
        self.writer, self.slug, self.kind, self.text = writer, slug, kind, text
        self.expected_status = expected_status
        self.started = self.connected = self.sent = self.finished = None
        self.outcome = None  # "answered", "refused", "broken"
        self.status = None
        self.body = None
        self.error = None

    def run(self, base, method, path, headers, payload):
        parsed = urllib.parse.urlsplit(base)
        data = json.dumps(payload).encode("utf-8")
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.started = time.monotonic()
        try:
            try:
                connection.connect()
            except ConnectionRefusedError as error:
                self.outcome, self.error, self.finished = "refused", repr(error), time.monotonic()
                return
            self.connected = time.monotonic()
            connection.request(method, path, body=data, headers={
                **headers, "Content-Type": "application/json", "Connection": "close"})
            self.sent = time.monotonic()
            response = connection.getresponse()
            body = response.read()
            self.status = response.status
            self.body = json.loads(body)  # a cut-short JSON body is no answer
            self.outcome = "answered"
        except (OSError, http.client.HTTPException, ValueError) as error:
            self.outcome, self.error = "broken", f"{type(error).__name__}: {error}"
        finally:
            self.finished = time.monotonic()
            connection.close()

    def describe(self, signal_at):
        def at(moment):
            return "-" if moment is None else f"{moment - signal_at:+.3f}s"
        return (f"writer {self.writer} {self.kind} {self.slug}: {self.outcome} {self.status or ''} {self.error or ''} "
                f"(started {at(self.started)}, connected {at(self.connected)}, body sent {at(self.sent)}, "
                f"ended {at(self.finished)} relative to SIGTERM)")


def test_graceful_shutdown_loses_no_in_flight_save(start_server, rng):
    server = start_server(name="shutdown")
    api = admin_api(server.base)
    category = api.first_category_id()
    saves = []           # every TimedSave, in any thread
    saves_lock = threading.Lock()
    stop = threading.Event()
    acks_per_writer = [0] * SHUTDOWN_WRITERS
    seeds = [rng.getrandbits(32) for _ in range(SHUTDOWN_WRITERS)]

    def writer(index):
        import random
        local = random.Random(seeds[index])
        mine = {}  # slug -> acknowledged revision
        counter = 0
        while not stop.is_set():
            counter += 1
            text = big_text(local, SHUTDOWN_BODY_BYTES, f"Shutdown w{index} n{counter}")
            title = f"Shutdown w{index} n{counter}"
            if not mine or counter % 5 == 0:
                slug = f"shutdown-w{index}-{counter}-{local.getrandbits(24):06x}"
                save = TimedSave(index, slug, "create", text, 201)
                method, path, headers = "POST", "/api/v1/articles", {}
                payload = {"title": title, "slug": slug, "categoryId": category, "markdown": text}
            else:
                slug = local.choice(sorted(mine))
                save = TimedSave(index, slug, "update", text, 200)
                method, path, headers = "PUT", f"/api/v1/articles/{slug}", {"If-Match": f'"r{mine[slug]}"'}
                payload = {"title": title, "categoryId": category, "markdown": text}
            with saves_lock:
                saves.append(save)
            save.run(server.base, method, path, {**api.headers(), **headers}, payload)
            if save.outcome != "answered" or save.status != save.expected_status:
                return  # the server is going away (or misbehaved): the checks below judge it
            mine[slug] = save.body["revision"]
            acks_per_writer[index] += 1

    threads = [threading.Thread(target=writer, args=(index,), daemon=True) for index in range(SHUTDOWN_WRITERS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while min(acks_per_writer) < 2:
        assert time.monotonic() < deadline, f"writers too slow: acknowledged saves per writer {acks_per_writer}"
        assert all(thread.is_alive() for thread in threads), "a writer stopped before SIGTERM:\n" + "\n".join(
            save.describe(time.monotonic()) for save in saves if save.outcome not in (None, "answered") or
            (save.outcome == "answered" and save.status != save.expected_status))
        time.sleep(0.05)
    time.sleep(rng.uniform(0.05, 0.4))

    signal_at = server.sigterm()
    code = server.wait(10)
    exited_at = time.monotonic()
    stop.set()
    for thread in threads:
        thread.join(90)
    assert not any(thread.is_alive() for thread in threads), "a writer hung after SIGTERM"

    lines = []
    failures = []
    in_flight = 0
    for save in saves:
        lines.append(save.describe(signal_at))
        accepted = save.connected is not None and save.connected < signal_at - ACCEPT_MARGIN
        if save.outcome == "answered":
            if save.status != save.expected_status:
                failures.append("wrong answer: " + save.describe(signal_at) + f" {json.dumps(save.body)[:300]}")
            elif sha(save.body.get("markdown", "")) != sha(save.text):
                failures.append("the answer's markdown differs from the text sent: " + save.describe(signal_at))
            if save.started < signal_at < save.finished:
                in_flight += 1
        elif save.outcome == "refused":
            if save.finished < signal_at:
                failures.append("refused before SIGTERM: " + save.describe(signal_at))
        elif save.outcome == "broken":
            if accepted:
                failures.append("no complete answer to a request accepted before SIGTERM: " + save.describe(signal_at))
        else:
            failures.append("never finished: " + save.describe(signal_at))
    report = f"SIGTERM; exit code {code} after {exited_at - signal_at:.2f} s; {len(saves)} saves:\n  " + "\n  ".join(lines)
    print(report)
    assert not failures, "\n".join(failures) + "\n\n" + report
    assert code is not None, f"the server was still running 10 s after SIGTERM:\n{server.log_tail()}"
    assert code == 0, f"the server exited with {code} after SIGTERM:\n{server.log_tail()}"
    assert in_flight >= 2, f"too few saves were in flight at SIGTERM to prove anything ({in_flight})\n{report}"

    log = server.log_text()
    assert "Stopped: the database is checkpointed" in log, f"no checkpoint message in the log:\n{server.log_tail()}"
    wal = server.data_dir / "lore.sqlite-wal"
    assert not (wal.exists() and wal.stat().st_size > 0), f"{wal} is {wal.stat().st_size} bytes after a graceful stop"

    # Everything acknowledged is there after a restart: each acknowledged revision with its text,
    # and each article at its last acknowledged revision (or one more, from a save without answer).
    restarted = start_server(data_dir=server.data_dir, name="shutdown-restarted")
    api = Api(restarted.base, api.token)
    acknowledged = {}  # slug -> [(revision, text)]
    unanswered = {}    # slug -> [texts sent without a complete answer]
    for save in saves:
        if save.outcome == "answered" and save.status == save.expected_status:
            acknowledged.setdefault(save.slug, []).append((save.body["revision"], save.text))
        elif save.outcome == "broken":
            unanswered.setdefault(save.slug, []).append(save.text)
    assert acknowledged
    problems = []
    for slug, acks in acknowledged.items():
        for revision, text in acks:
            answer = api.get(f"/articles/{slug}/revisions/{revision}")
            if answer.status != 200:
                problems.append(f"{slug} revision {revision}: {answer.describe()}")
            elif sha(answer.json["markdown"]) != sha(text):
                problems.append(f"{slug} revision {revision}: another text than the one acknowledged")
        current = api.get(f"/articles/{slug}")
        assert current.status == 200, current.describe()
        last_revision, last_text = max(acks)
        revision, text = current.json["revision"], current.json["markdown"]
        if (revision, sha(text)) != (last_revision, sha(last_text)):
            if not (revision == last_revision + 1 and sha(text) in {sha(t) for t in unanswered.get(slug, [])}):
                problems.append(f"{slug}: at revision {revision} after the restart; last acknowledged {last_revision}")
    assert not problems, "\n".join(problems)


# --- 2. No secrets in logs -------------------------------------------------------------------------

ACCESS_LINE = re.compile(r"\[LoreWeb\] (GET|POST|PUT|PATCH|DELETE|HEAD) ")


def _cookie(session, name="lore_session"):
    values = [cookie.value for cookie in session.cookies if cookie.name == name]
    assert values, f"no {name} cookie"
    return values[-1]


def _multipart(field, filename, content, content_type="text/csv"):
    boundary = "----lore-ops-" + sha(filename)[:16]
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {content_type}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def test_no_secrets_in_logs(start_server):
    metrics_token = "metrics-" + sha("ops metrics token")[:24]
    server = start_server(name="secrets", log_level="trace", extra_args=["--metrics-token", metrics_token])
    base = server.base
    secrets = {"the administrator's password": ADMIN_PASSWORD, "the demo accounts' password": DEMO_PASSWORD,
               "the metrics token": metrics_token}

    # A guest's CSRF token, then the administrator's session, its CSRF token and an API token.
    guest = WebSession(base)
    page = guest.get("/login")
    secrets["a guest's CSRF token"] = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page.body.decode()).group(1)
    admin = admin_session(base)
    secrets["the administrator's session cookie"] = _cookie(admin)
    secrets["the administrator's CSRF token"] = admin.csrf
    token = admin.make_token("secrets test")
    secrets["the API token"] = token

    api = Api(base, token)
    assert api.get("/me").status == 200
    category = api.first_category_id()
    created = api.create_article("Secrets test", category, "Nothing secret here.\n")
    answer = api.put(f"/articles/{created['slug']}", {"title": "Secrets test", "categoryId": category, "markdown": "Still nothing.\n"},
                     headers={"If-Match": f'"r{created["revision"]}"'})
    assert answer.status == 200, answer.describe()
    assert api.get("/nothing-here").status == 404
    # The token sent where it does not belong: in the address, and as a wrong bearer.
    assert send(base, "GET", f"/api/v1/me?access_token={token}").status == 401
    assert send(base, "GET", "/api/v1/me", {"Authorization": f"Bearer {token}x"}).status == 401

    # A wrong password, once.
    wrong_password = "wrong-" + sha("wrong password")[:20]
    secrets["a wrong password"] = wrong_password
    stranger = WebSession(base)
    stranger.csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', stranger.get("/login").body.decode()).group(1)
    answer = stranger.post_form("/login", {"login": "admin", "password": wrong_password, "next": ""})
    assert answer.status == 401, answer.describe()

    # A demo account signs in with the demo password.
    marina = WebSession(base).sign_in("marina", DEMO_PASSWORD)
    secrets["a demo account's session cookie"] = _cookie(marina)

    # A new account through the admin UI: its set-password link, a second link, and the password chosen.
    assert admin.get("/admin/users/new").status == 200
    answer = admin.post_form("/admin/users/new", {"username": "opsuser", "displayName": "Ops User", "email": "ops@example.com"})
    assert answer.status == 200, answer.describe()
    first_link = re.search(r"/set-password/([A-Za-z0-9_\-]+)", answer.body.decode())
    assert first_link, "the new account's page shows no set-password link"
    secrets["the first set-password token"] = first_link.group(1)
    link_action = re.search(r'action="(/admin/users/\d+/password-link)"', answer.body.decode())
    assert link_action, "the account page has no password-link form"
    answer = admin.post_form(link_action.group(1), {})
    assert answer.status == 200, answer.describe()
    second_link = re.search(r"/set-password/([A-Za-z0-9_\-]+)", answer.body.decode())
    assert second_link and second_link.group(1) != first_link.group(1)
    secrets["the second set-password token"] = second_link.group(1)
    send(base, "GET", f"/set-password/{first_link.group(1)}")  # superseded or not: either way it must not be logged
    invited = WebSession(base)
    page = invited.get(f"/set-password/{second_link.group(1)}")
    assert page.status == 200, page.describe()
    invited.csrf = html.unescape(re.search(r'name="_csrf"[^>]*value="([^"]+)"', page.body.decode()).group(1))
    new_password = "chosen-" + sha("new password")[:20]
    secrets["the password the new account chose"] = new_password
    answer = invited.post_form(f"/set-password/{second_link.group(1)}", {"password": new_password})
    assert answer.status in (302, 303), answer.describe()
    opsuser = WebSession(base).sign_in("opsuser", new_password)
    secrets["the new account's session cookie"] = _cookie(opsuser)

    # The CSRF token in an address: on a page, and on an upload as the import form sends it.
    assert admin.get(f"/me?_csrf={admin.csrf}").status == 200
    admin.get("/clients/import")
    secrets["the administrator's CSRF token (import page)"] = admin.csrf
    content_type, body = _multipart("file", "clients.csv", b"name,segment\nOps Import Client,retail\n")
    answer = _send_with_cookies(admin, "POST", f"/clients/import?_csrf={urllib.parse.quote(admin.csrf)}",
                                {"Content-Type": content_type}, body)
    assert answer.status in (200, 422), answer.describe()

    # Metrics with their token.
    assert send(base, "GET", "/metrics", {"Authorization": f"Bearer {metrics_token}"}).status == 200
    assert server.stop() == 0

    log = server.log_text()
    found = [f"{what} ({value!r}) in: {line.strip()[:300]}"
             for what, value in secrets.items() for line in log.splitlines() if value in line]
    assert not found, "the log holds secrets:\n" + "\n".join(found) + f"\n(log: {server.log_path})"

    access = [line for line in log.splitlines() if ACCESS_LINE.search(line)]
    assert len(access) >= 20, f"only {len(access)} access-log lines at trace level"
    untagged = [line for line in access if "hb.request.id=" not in line]
    assert not untagged, "access-log lines without a request id:\n" + "\n".join(untagged[:10])


def _send_with_cookies(session, method, path, headers, body):
    """A request with the session's cookies (for a multipart upload, which WebSession does not send)."""
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    return send(session.server, method, path, {**headers, "Cookie": cookie}, body)


# --- 3. Health and metrics -------------------------------------------------------------------------

def _metric(text, name):
    """The value of an unlabelled sample `name` in Prometheus text, or None."""
    found = re.search(rf"^{re.escape(name)} ([0-9.eE+\-]+)$", text, re.M)
    return float(found.group(1)) if found else None


def test_health_and_metrics(start_server):
    server = start_server(name="metrics")
    health = send(server.base, "GET", "/healthz")
    assert health.status == 200, health.describe()
    assert health.headers.get("Content-Type", "").startswith("application/json"), health.describe()
    assert health.json == {"status": "ok", "database": "ok"}
    assert health.headers.get("Set-Cookie") is None, f"/healthz set a cookie: {health.headers.get('Set-Cookie')}"
    assert health.headers.get("X-Request-Id"), "no X-Request-Id on /healthz"

    api = admin_api(server.base)
    category = api.first_category_id()
    api.create_article("Metrics test", category, "Counted.\n")
    send(server.base, "GET", "/login")
    file_size = (server.data_dir / "lore.sqlite").stat().st_size  # only grows: no VACUUM runs here
    metrics = send(server.base, "GET", "/metrics")
    assert metrics.status == 200, metrics.describe()
    assert metrics.headers.get("Content-Type", "").startswith("text/plain"), metrics.describe()
    assert metrics.headers.get("Set-Cookie") is None
    text = metrics.text
    for name in ("lore_http_requests_total", "lore_articles", "lore_database_bytes"):
        assert re.search(rf"^# TYPE {name} ", text, re.M), f"no {name} in /metrics:\n{text[:3000]}"
    assert re.search(r'^lore_http_requests_total\{[^}]*route="/healthz"[^}]*status="200"[^}]*\} [1-9]', text, re.M), text[:3000]
    assert re.search(r'^lore_http_requests_total\{[^}]*route="/api/v1/articles"[^}]*method="POST"[^}]*status="201"[^}]*\} 1', text, re.M), \
        text[:3000]
    articles = _metric(text, "lore_articles")
    with sqlite3.connect(f"file:{server.data_dir / 'lore.sqlite'}?mode=ro", uri=True) as db:
        live = db.execute("SELECT COUNT(*) FROM article WHERE deletedAt IS NULL").fetchone()[0]
    assert articles == live, f"lore_articles is {articles}, the database has {live} live articles"
    size = _metric(text, "lore_database_bytes")
    assert size and size >= file_size, f"lore_database_bytes is {size}, lore.sqlite alone was {file_size} bytes"
    # Addresses are never labels: only route patterns.
    assert "/a/" not in text and "metrics-test" not in text

    token = "s3cret"
    guarded = start_server(name="metrics-token", extra_args=["--metrics-token", token])
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {token}x"}, {"Authorization": token}):
        answer = send(guarded.base, "GET", "/metrics", headers)
        assert answer.status == 404, f"/metrics with {headers or 'no header'}: {answer.describe()}"
        assert "lore_" not in answer.text
    answer = send(guarded.base, "GET", "/metrics", {"Authorization": f"Bearer {token}"})
    assert answer.status == 200, answer.describe()
    assert "lore_articles" in answer.text and "lore_http_requests_total" in answer.text
    assert send(guarded.base, "GET", "/healthz").status == 200


# --- 4. Backup while writes run, and restore ------------------------------------------------------

COMPARED_TABLES = ("article", "revision", "category", "client", "attachment")


def _rows(database, table):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()


def _integrity(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA integrity_check").fetchall()


def _archive_path(output):
    found = re.search(r"Wrote and verified (\S+\.tar)", output)
    assert found, f"lore backup did not say what it wrote:\n{output}"
    return Path(found.group(1))


def _directory_state(folder):
    """Names under the data directory (not backups/) and the database file's identity."""
    names = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if "backups" not in path.relative_to(folder).parts)
    database = folder / "lore.sqlite"
    return names, database.stat().st_ino


def _wait_for_next_second():
    """Archive names carry the time to the second: two backups must not start in the same one."""
    time.sleep(1.05 - (time.time() % 1))


def test_backup_while_writing_and_restore(start_server, tmp_path, rng):
    server = start_server(name="backup")
    data = server.data_dir
    api = admin_api(server.base)
    writers = BackgroundWriters(api, api.first_category_id(), 4, rng.getrandbits(30)).start()
    deadline = time.monotonic() + 60
    while len(writers.acks) < 8 or not writers.files:
        assert not writers.errors, writers.errors
        assert time.monotonic() < deadline, "the writers made too little progress"
        time.sleep(0.05)

    backup_started = time.monotonic()
    first = run_lore("backup", "--data", data)
    backup_finished = time.monotonic()
    assert first.returncode == 0, f"lore backup (while writing) exited {first.returncode}:\n{first.stdout}"
    first_archive = _archive_path(first.stdout)
    acks_during = sum(1 for finished, *_ in writers.acks if backup_started < finished < backup_finished)
    time.sleep(0.5)
    writers.finish()
    print(f"{len(writers.acks)} saves, {len(writers.files)} uploads; {acks_during} saves acknowledged while the first backup ran")

    # A restore into the directory of a running server is refused and changes nothing.
    before = _directory_state(data)
    refused = run_lore("restore", "--data", data, first_archive)
    assert refused.returncode != 0, f"restore into a running server's directory succeeded:\n{refused.stdout}"
    assert "is running" in refused.stdout, refused.stdout
    assert _directory_state(data) == before, "the refused restore changed the data directory"
    assert send(server.base, "GET", "/healthz").status == 200
    last_slug = writers.acks[-1][1]
    assert api.get(f"/articles/{last_slug}").status == 200

    _wait_for_next_second()
    # The folder may come from the environment instead of --backup-dir.
    elsewhere = tmp_path / "backups-from-environment"
    second = run_lore("backup", "--data", data, env={"LORE_BACKUP_DIR": str(elsewhere)})
    assert second.returncode == 0, f"lore backup exited {second.returncode}:\n{second.stdout}"
    second_archive = _archive_path(second.stdout)
    assert second_archive.parent == elsewhere, f"LORE_BACKUP_DIR was not used: {second_archive}"
    assert second_archive != first_archive and first_archive.exists()
    assert server.stop() == 0

    # The second backup, restored into a new directory, is the same data.
    restored = tmp_path / "restored"
    result = run_lore("restore", "--data", restored, second_archive)
    assert result.returncode == 0, f"lore restore exited {result.returncode}:\n{result.stdout}"
    assert _integrity(restored / "lore.sqlite") == [("ok",)]
    for table in COMPARED_TABLES:
        original, copy = _rows(data / "lore.sqlite", table), _rows(restored / "lore.sqlite", table)
        assert original == copy, f"table {table}: {len(original)} rows in the data directory, {len(copy)} restored; " \
                                 f"first difference: {next((a, b) for a, b in zip(original + [None] * len(copy), copy + [None] * len(original)) if a != b)}"
    with sqlite3.connect(restored / "lore.sqlite") as db:
        digests = [row[0] for row in db.execute("SELECT DISTINCT digest FROM attachment")]
    for digest in digests:
        stored = restored / "files" / digest[:2] / digest[2:4] / digest
        assert stored.exists(), f"restored files/ lacks {digest}"
        assert sha(stored.read_bytes()) == digest, f"restored file {digest} is damaged"
    assert {digest for *_, digest in writers.files} <= set(digests)

    # The backup made while writers ran is a consistent snapshot holding every save acknowledged before it began.
    snapshot = tmp_path / "restored-first"
    result = run_lore("restore", "--data", snapshot, first_archive)
    assert result.returncode == 0, f"lore restore exited {result.returncode}:\n{result.stdout}"
    assert _integrity(snapshot / "lore.sqlite") == [("ok",)]
    with sqlite3.connect(snapshot / "lore.sqlite") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        missing = []
        for finished, slug, revision, text in writers.acks:
            if finished >= backup_started:
                continue
            row = db.execute("SELECT r.body FROM revision r JOIN article a ON a.id = r.articleId WHERE a.slug = ? AND r.number = ?",
                             (slug, revision)).fetchone()
            if row is None or sha(row[0]) != sha(text):
                missing.append(f"{slug} r{revision}")
        # Nothing half there: each article's row shows its latest revision's text.
        torn = db.execute("""SELECT a.slug FROM article a JOIN revision r ON r.articleId = a.id AND r.number = a.revision
                             WHERE r.body != a.body""").fetchall()
        gaps = db.execute("""SELECT a.slug FROM article a WHERE a.revision != (SELECT COUNT(*) FROM revision r WHERE r.articleId = a.id)""").fetchall()
        digests = [row[0] for row in db.execute("SELECT DISTINCT digest FROM attachment")]
    assert not missing, f"saves acknowledged before the backup began are not in it: {missing[:10]}"
    assert not torn and not gaps, f"articles not matching their revisions in the snapshot: {torn[:5]} {gaps[:5]}"
    for digest in digests:
        assert (snapshot / "files" / digest[:2] / digest[2:4] / digest).exists(), f"the first backup lacks the file {digest}"

    # A damaged or cut-short archive is refused by --check-only; the intact one passes.
    intact = run_lore("restore", "--check-only", "--data", tmp_path / "unused", second_archive)
    assert intact.returncode == 0 and "complete and undamaged" in intact.stdout, intact.stdout
    damaged = tmp_path / "damaged.tar"
    shutil.copyfile(second_archive, damaged)
    raw = bytearray(damaged.read_bytes())
    middle = len(raw) // 2
    with tarfile.open(second_archive) as archive:
        members = archive.getmembers()
    if not any(member.offset_data <= middle < member.offset_data + member.size for member in members):
        database = next(member for member in members if member.name == "lore.sqlite")
        middle = database.offset_data + database.size // 2  # the middle fell in tar padding: flip a database byte
    raw[middle] ^= 0x01
    damaged.write_bytes(bytes(raw))
    result = run_lore("restore", "--check-only", "--data", tmp_path / "unused", damaged)
    assert result.returncode != 0, f"--check-only accepted an archive with byte {middle} flipped:\n{result.stdout}"
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(second_archive.read_bytes()[: len(raw) * 2 // 3])
    result = run_lore("restore", "--check-only", "--data", tmp_path / "unused", truncated)
    assert result.returncode != 0, f"--check-only accepted an archive cut to two thirds:\n{result.stdout}"
    result = run_lore("restore", "--data", tmp_path / "from-damaged", damaged)
    assert result.returncode != 0, f"restore accepted a damaged archive:\n{result.stdout}"
    assert not (tmp_path / "from-damaged" / "lore.sqlite").exists(), "a refused restore left a database behind"


# --- 5. Export and import through the command line --------------------------------------------------

def _content(database):
    """What an export carries, read with sqlite3: categories, live articles and their files."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        categories = {(path, title, description.strip()) for path, title, description in
                      db.execute("SELECT path, title, description FROM category")}
        articles = {(path, slug, title, body.rstrip("\n")) for path, slug, title, body in db.execute(
            "SELECT c.path, a.slug, a.title, a.body FROM article a JOIN category c ON c.id = a.categoryId WHERE a.deletedAt IS NULL")}
        files = {}
        for slug, name, digest in db.execute(
                """SELECT a.slug, f.name, f.digest FROM attachment f JOIN article a ON f.ownerKind = 'article' AND a.id = f.ownerId
                   WHERE f.deletedAt IS NULL AND a.deletedAt IS NULL"""):
            files.setdefault(slug, set()).add((name, digest))
    return categories, articles, files


def _difference(label, original, imported):
    missing, extra = original - imported, imported - original
    def short(items):
        return [tuple(str(part)[:60] for part in item) if isinstance(item, tuple) else item for item in sorted(items)[:8]]
    return f"{label}: {len(missing)} missing after import {short(missing)}; {len(extra)} extra {short(extra)}"


def test_export_import_round_trip(start_server, tmp_path):
    server = start_server(name="export")
    api = admin_api(server.base)
    # Besides the sample content: names and texts an export must carry exactly.
    top = api.post("/categories", {"title": "Clients", "description": "Everything about our clients."})
    assert top.status == 201, top.describe()
    nested = api.post("/categories", {"title": 'Key "accounts": A\\B', "slug": "key-accounts", "parentId": top.json["id"],
                                      "description": 'About "key" accounts: a\\b\n\nSecond paragraph.'})
    assert nested.status == 201, nested.describe()
    tricky = api.create_article('Quote "this": a\\b — ünïcode', nested.json["id"],
                                "---\ntitle: \"not the title\"\n---\n\nBody after a fake front matter.\n\n"
                                "Ends with spaces and tabs \t \n\n\n", slug="tricky-title")
    plain = api.create_article("Client onboarding", top.json["id"], "# Onboarding\n\n1. Call\n2. Meet\n", slug="client-onboarding")
    for name, content in (("отчёт 2026.txt", "строка\n".encode() * 40), ("data.bin", bytes(range(256)) * 8)):
        answer = api.post(f"/articles/{tricky['slug']}/attachments?name={urllib.parse.quote(name)}", data=content,
                          content_type="application/octet-stream")
        assert answer.status == 201, answer.describe()
    answer = api.post(f"/articles/{plain['slug']}/attachments?name=plan.txt", data=b"plan\n", content_type="text/plain")
    assert answer.status == 201, answer.describe()
    trashed = api.create_article("Soon in the trash", top.json["id"], "Gone.\n", slug="soon-in-the-trash")
    assert api.delete(f"/articles/{trashed['slug']}").status == 204
    assert server.stop() == 0

    out = tmp_path / "export"
    result = run_lore("export", out, "--data", server.data_dir)
    assert result.returncode == 0, f"lore export exited {result.returncode}:\n{result.stdout}"
    assert re.search(r"Exported \d+ categories, \d+ articles and \d+ files", result.stdout), result.stdout
    assert (out / "clients.csv").read_bytes().startswith(b"\xef\xbb\xbf"), "the client registry is exported for Excel"
    again = run_lore("export", out, "--data", server.data_dir)
    assert again.returncode != 0 and "not empty" in again.stdout, f"export into a non-empty folder:\n{again.stdout}"

    imported = tmp_path / "imported"
    result = run_lore("import", out, "--data", imported)
    assert result.returncode == 0, f"lore import exited {result.returncode}:\n{result.stdout}"
    assert "Problem" not in result.stdout, result.stdout

    original, copy = _content(server.data_dir / "lore.sqlite"), _content(imported / "lore.sqlite")
    assert any(slug == "tricky-title" for _, slug, _, _ in original[1]) and original[2].get("tricky-title")
    problems = []
    if original[1] != copy[1]:
        problems.append(_difference("articles (category path, slug, title, text)", original[1], copy[1]))
    if original[0] != copy[0]:
        problems.append(_difference("categories (path, title, description)", original[0], copy[0]))
    if original[2] != copy[2]:
        problems.append(f"files per article differ: original {sorted((k, sorted(n for n, _ in v)) for k, v in original[2].items())}, "
                        f"imported {sorted((k, sorted(n for n, _ in v)) for k, v in copy[2].items())}")
    assert not problems, "\n".join(problems) + f"\nimport said:\n{result.stdout}"

    # Importing the same export again changes nothing.
    result = run_lore("import", out, "--data", imported)
    assert result.returncode == 0, result.stdout
    assert re.search(r"Articles created: 0, updated: 0, unchanged: \d+", result.stdout), result.stdout

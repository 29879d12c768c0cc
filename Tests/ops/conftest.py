"""Shared helpers for Lore's operations tests: real `lore serve` processes on free ports.

Each test starts the servers it needs through the `start_server` fixture, on fresh data
directories under pytest's tmp_path, from the binary at $LORE_BIN (default:
<repo>/.build/debug/lore). A server's stdout and stderr go to one log file, which tests read.
Everything here uses the standard library only; the sign-in and token helpers are those of the
browser tests (Tests/browser/api_client.py, its standard-library part).
"""

import hashlib
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any, NamedTuple

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "Tests" / "browser"))
from api_client import WebSession  # noqa: E402  (standard library only)

# A standalone script (python3 Tests/ops/crash_test.py), not a pytest module.
collect_ignore = ["crash_test.py"]

LORE_BIN = Path(os.environ.get("LORE_BIN", REPO_ROOT / ".build" / "debug" / "lore"))
ADMIN_PASSWORD = "ops-test-password"
DEMO_PASSWORD = "ops-demo-password"
SERVER_ENV = {"LORE_ADMIN_PASSWORD": ADMIN_PASSWORD, "LORE_DEMO_PASSWORD": DEMO_PASSWORD}

BINARY_WAIT_SECONDS = 180  # the lead may be relinking the binary
READY_WAIT_SECONDS = 90
STOP_WAIT_SECONDS = 10
REQUEST_TIMEOUT = 60

WORDS = ("ledger invoice vendor quarter policy onboarding laptop badge travel expense contract renewal "
         "warehouse shipment audit payroll holiday meeting roadmap release backup restore network printer").split()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_binary():
    deadline = time.monotonic() + BINARY_WAIT_SECONDS
    while not os.access(LORE_BIN, os.X_OK):
        if time.monotonic() > deadline:
            pytest.fail(f"Lore binary not found at {LORE_BIN} (set LORE_BIN)")
        time.sleep(1)


def sha(text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


# --- HTTP ----------------------------------------------------------------------------------------

class Answer(NamedTuple):
    status: int
    headers: Any  # http.client.HTTPMessage
    body: bytes

    @property
    def json(self):
        return json.loads(self.body) if self.body else None

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def describe(self):
        return f"{self.status} {self.headers.get('Content-Type')}: {self.body[:800].decode('utf-8', 'replace')}"


def send(base, method, path, headers=None, body=None, timeout=REQUEST_TIMEOUT):
    """One request on a fresh connection (no redirects followed); raises OSError/HTTPException when no whole answer comes."""
    parsed = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    try:
        sent = {"Connection": "close", **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


class Api:
    """/api/v1 with a bearer token, on the standard library (no contract checks: these tests are about operations)."""

    def __init__(self, base, token):
        self.base = base
        self.token = token

    def headers(self, extra=None):
        return {"Accept": "application/json", "Authorization": f"Bearer {self.token}", **(extra or {})}

    def call(self, method, path, payload=None, headers=None, data=None, content_type=None):
        sent = self.headers(headers)
        body = data
        if payload is not None:
            body = json.dumps(payload).encode("utf-8")
            sent["Content-Type"] = "application/json"
        elif content_type:
            sent["Content-Type"] = content_type
        return send(self.base, method, "/api/v1" + path, sent, body)

    def get(self, path, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path, payload=None, **kwargs):
        return self.call("POST", path, payload, **kwargs)

    def put(self, path, payload=None, **kwargs):
        return self.call("PUT", path, payload, **kwargs)

    def delete(self, path, **kwargs):
        return self.call("DELETE", path, **kwargs)

    def first_category_id(self):
        answer = self.get("/categories")
        assert answer.status == 200, answer.describe()
        return answer.json["items"][0]["id"]

    def create_article(self, title, category_id, markdown, slug=None):
        payload = {"title": title, "categoryId": category_id, "markdown": markdown}
        if slug:
            payload["slug"] = slug
        answer = self.post("/articles", payload)
        assert answer.status == 201, f"POST /api/v1/articles: {answer.describe()}"
        return answer.json


def admin_session(base):
    """A signed-in web session of the administrator (api_client.WebSession)."""
    return WebSession(base).sign_in("admin", ADMIN_PASSWORD)


def admin_api(base, name="ops test"):
    """An Api with a fresh personal token of the administrator."""
    return Api(base, admin_session(base).make_token(name))


def big_text(rng, size, heading=""):
    """Markdown of about `size` bytes: paragraphs of words, with a unique marker line."""
    marker = f"opsmark{rng.getrandbits(64):016x}"
    lines = [f"# {heading or 'Ops test'}", "", f"Marker: {marker}", ""]
    total = sum(len(line) + 1 for line in lines)
    index = 0
    while total < size:
        index += 1
        if index % 9 == 0:
            line = f"## Section {index}"
        else:
            line = " ".join(rng.choices(WORDS, k=rng.randint(20, 60))) + "."
        lines += [line, ""]
        total += len(line) + 2
    return "\n".join(lines)


# --- Writers under load ---------------------------------------------------------------------------

class BackgroundWriters:
    """Threads that save articles (and now and then upload a file) through the API until stopped."""

    def __init__(self, api, category, count, seed):
        self.api, self.category = api, category
        self.stop = threading.Event()
        self.acks = []      # (finished at, slug, revision, text)
        self.files = []     # (finished at, slug, name, digest)
        self.errors = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(index, seed + index), daemon=True) for index in range(count)]

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(60)
        assert not self.errors, "\n".join(self.errors[:10])

    def run(self, index, seed):
        import random
        local = random.Random(seed)
        mine = {}
        counter = 0
        try:
            while not self.stop.is_set():
                counter += 1
                text = big_text(local, local.choice([2_000, 8_000, 40_000]), f"Backup w{index} n{counter}")
                if not mine or local.random() < 0.25:
                    slug = f"backup-w{index}-{counter}-{local.getrandbits(24):06x}"
                    answer = self.api.post("/articles", {"title": f"Backup w{index} n{counter}", "slug": slug,
                                                         "categoryId": self.category, "markdown": text})
                    expected = 201
                else:
                    slug = local.choice(sorted(mine))
                    answer = self.api.put(f"/articles/{slug}", {"title": f"Backup w{index} n{counter}", "categoryId": self.category,
                                                                "markdown": text}, headers={"If-Match": f'"r{mine[slug]}"'})
                    expected = 200
                if answer.status != expected:
                    raise AssertionError(f"save of {slug}: {answer.describe()}")
                mine[slug] = answer.json["revision"]
                with self.lock:
                    self.acks.append((time.monotonic(), slug, mine[slug], text))
                if counter % 4 == 0:
                    content = f"file {index}/{counter} {local.getrandbits(64)}\n".encode() * local.randint(1, 500)
                    name = f"notes-{counter}.txt"
                    answer = self.api.post(f"/articles/{slug}/attachments?name={name}", data=content,
                                           content_type="text/plain")
                    if answer.status != 201:
                        raise AssertionError(f"upload to {slug}: {answer.describe()}")
                    with self.lock:
                        self.files.append((time.monotonic(), slug, name, sha(content)))
        except Exception as error:  # noqa: BLE001 - reported by finish()
            with self.lock:
                self.errors.append(f"writer {index}: {type(error).__name__}: {error}")


# --- The server ----------------------------------------------------------------------------------

class LoreServer:
    """One `lore serve` process; stdout and stderr go to `log_path`."""

    def __init__(self, data_dir, log_path, log_level="info", extra_args=(), env=None):
        self.data_dir = Path(data_dir)
        self.log_path = Path(log_path)
        self.log_level = log_level
        self.extra_args = list(extra_args)
        self.env = dict(SERVER_ENV, **(env or {}))
        self.port = None
        self.process = None
        self.sigterm_at = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        return [str(LORE_BIN), "serve", "--data", str(self.data_dir), "--resources", str(REPO_ROOT),
                "--port", str(self.port), "--api-rate-limit", "0", "--log-level", self.log_level,
                # Test servers e-mail nobody through the machine's mail program unless a test asks.
                *([] if "--sendmail" in self.extra_args else ["--sendmail", "off"]), *self.extra_args]

    def start(self):
        wait_for_binary()
        self.port = free_port()
        with open(self.log_path, "ab") as log:
            for attempt in range(5):
                try:
                    self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                                    env=dict(os.environ, **self.env), cwd=REPO_ROOT)
                    break
                except OSError:  # e.g. "text file busy" while the binary is relinked
                    if attempt == 4:
                        raise
                    time.sleep(3)
        deadline = time.monotonic() + READY_WAIT_SECONDS
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"lore serve exited with {self.process.returncode} while starting:\n{self.log_tail()}")
            try:
                if send(self.base, "GET", "/healthz", timeout=2).status == 200:
                    return self
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"lore serve did not answer /healthz within {READY_WAIT_SECONDS} s:\n{self.log_tail()}")
            time.sleep(0.1)

    def sigterm(self):
        """Sends SIGTERM; returns the monotonic time just before it was sent."""
        self.sigterm_at = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        return self.sigterm_at

    def wait(self, timeout):
        """The exit code, or None if the process is still running after `timeout` seconds."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout=STOP_WAIT_SECONDS):
        """A graceful stop; SIGKILL when it takes longer than `timeout`. Returns the exit code (None when killed)."""
        if self.process is None:
            return None
        if self.process.poll() is not None:
            return self.process.returncode
        self.sigterm()
        code = self.wait(timeout)
        if code is None:
            self.process.kill()
            self.process.wait()
        return code

    def running(self):
        return self.process is not None and self.process.poll() is None

    def log_text(self):
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""

    def log_tail(self, lines=40):
        return "\n".join(self.log_text().splitlines()[-lines:])


@pytest.fixture
def start_server(tmp_path):
    """start_server(data_dir=None, log_level="info", extra_args=(), name=None) -> a running LoreServer.

    Without data_dir, each server gets a fresh directory. Every server is stopped after the test."""
    servers = []

    def start(data_dir=None, log_level="info", extra_args=(), name=None, env=None):
        name = name or f"server{len(servers) + 1}"
        data_dir = Path(data_dir) if data_dir else tmp_path / f"{name}-data"
        server = LoreServer(data_dir, tmp_path / f"{name}.log", log_level, extra_args, env)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def run_lore(*args, env=None, timeout=300):
    """Runs a `lore` subcommand; returns the CompletedProcess (stdout and stderr together in .stdout)."""
    wait_for_binary()
    return subprocess.run([str(LORE_BIN), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=dict(os.environ, **SERVER_ENV, **(env or {})), cwd=REPO_ROOT, timeout=timeout, text=True)


@pytest.fixture
def rng():
    seed = int(os.environ.get("OPS_TEST_SEED", random.randrange(1 << 30)))
    print(f"random seed: {seed} (OPS_TEST_SEED)")
    return random.Random(seed)

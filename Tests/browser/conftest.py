"""Fixtures for Lore's browser tests: one server per session, one headless Chromium per test.

The server runs from the binary at $LORE_BIN (default: <repo>/.build/debug/lore) on a free port
with a fresh data directory, so it imports Content/ exactly as on a first start. Its e-mail goes
to Tests/Fixtures/Mail/fake-sendmail, which keeps each message as a file (the `mailbox` fixture).
"""

import email
import email.policy

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from helpers import TEST_CATEGORY_PREFIX, create_category, sign_in, wait

REPO_ROOT = Path(__file__).resolve().parents[2]
LORE_BIN = Path(os.environ.get("LORE_BIN", REPO_ROOT / ".build" / "debug" / "lore"))
ADMIN_PASSWORD = "test-password-123"
DEMO_PASSWORD = "demo-password-123"

BINARY_WAIT_SECONDS = 120  # the lead engineer may be relinking the binary
READY_WAIT_SECONDS = 60
STOP_WAIT_SECONDS = 10

DESKTOP_SIZE = (1280, 900)
PHONE_SIZE = (375, 800)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_binary():
    deadline = time.monotonic() + BINARY_WAIT_SECONDS
    while not os.access(LORE_BIN, os.X_OK):
        if time.monotonic() > deadline:
            pytest.exit(f"Lore binary not found at {LORE_BIN} (set LORE_BIN)", returncode=2)
        time.sleep(1)


def _responds_ok(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _stop(process):
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class ServerURL(str):
    """The server's base URL, which also knows where its e-mail goes."""

    def __new__(cls, url, mail_dir):
        value = super().__new__(cls, url)
        value.mail_dir = mail_dir
        return value


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL (no trailing slash) of a Lore server with a fresh database."""
    _wait_for_binary()
    data_dir = tmp_path_factory.mktemp("lore-data")
    log_path = data_dir.parent / "lore-server.log"
    mail_dir = data_dir.parent / "mail"
    mail_dir.mkdir(exist_ok=True)
    port = _free_port()
    command = [
        str(LORE_BIN), "serve",
        "--data", str(data_dir),
        "--resources", str(REPO_ROOT),
        "--port", str(port),
        "--host", "127.0.0.1",
        "--log-level", "warning",
        "--sendmail", str(REPO_ROOT / "Tests" / "Fixtures" / "Mail" / "fake-sendmail"),
    ]
    env = dict(os.environ, LORE_ADMIN_PASSWORD=ADMIN_PASSWORD, LORE_DEMO_PASSWORD=DEMO_PASSWORD, FAKE_SENDMAIL_DIR=str(mail_dir))
    base_url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + READY_WAIT_SECONDS
        while not _responds_ok(base_url + "/"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"Lore did not become ready (exit code {process.poll()}):\n{log_path.read_text()[-4000:]}")
            time.sleep(0.2)
        yield ServerURL(base_url, mail_dir)
    finally:
        _stop(process)


class Mailbox:
    """The messages the server handed to its mail program, parsed."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def to(self, address):
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["X-Envelope-To"] == address:
                found.append(message)
        return found

    def wait_for(self, address, contains, timeout=20):
        """The first message to `address` whose text holds `contains`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.to(address):
                text = message.get_body(preferencelist=("plain",)).get_content()
                if contains in text:
                    return text
            time.sleep(0.2)
        raise AssertionError(f"no message to {address} with {contains!r}")


@pytest.fixture(scope="session")
def mailbox(server):
    return Mailbox(Path(server.mail_dir))


def new_browser():
    """A headless Chromium at desktop size, using the installed chromedriver (never Selenium Manager)."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}"):
        options.add_argument(argument)
    # The editor asks before leaving unsaved text; tests that type without saving just move on.
    options.set_capability("unhandledPromptBehavior", "accept")
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def new_driver(server, username="admin", password=ADMIN_PASSWORD):
    """A new browser signed in (as the administrator unless told otherwise)."""
    browser = new_browser()
    try:
        sign_in(browser, server, username, password)
    except Exception:
        browser.quit()
        raise
    return browser


@pytest.fixture
def driver(server):
    """A fresh signed-in browser per test, so cookies (language) never leak between tests."""
    browser = new_driver(server)
    try:
        yield browser
    finally:
        browser.quit()


def set_phone_width(driver):
    """Resize the window to a phone's 375x800 (headless Chromium has no window chrome to the sides)."""
    driver.set_window_size(*PHONE_SIZE)
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == PHONE_SIZE[0],
                       "window did not shrink to phone width")


@pytest.fixture
def phone(driver):
    """The driver, at phone width."""
    set_phone_width(driver)
    return driver


@pytest.fixture(scope="session")
def category(server):
    """Path (/c/...) of a category created for this session, so editing tests never touch sample content."""
    browser = new_driver(server)
    try:
        return create_category(browser, server, TEST_CATEGORY_PREFIX + uuid.uuid4().hex[:8])
    finally:
        browser.quit()


@pytest.fixture
def marker():
    """A short unique string for titles and text created by one test."""
    return uuid.uuid4().hex[:10]


@pytest.fixture
def as_user(server):
    """Open a browser signed in as one of the demo accounts; closed after the test."""
    browsers = []

    def open_as(username):
        browser = new_driver(server, username, DEMO_PASSWORD)
        browsers.append(browser)
        return browser

    yield open_as
    for browser in browsers:
        browser.quit()

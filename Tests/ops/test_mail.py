"""E-mail end to end: Lore hands messages to a real msmtp (Debian's msmtp-mta), which relays
them to an SMTP sink on the loopback (aiosmtpd). Checked: a mention reaches the mailbox with a
Russian subject encoded, both parts and an absolute link; a morning digest of overdue next
steps; an invitation whose link sets a password; "Forgot password?" that says nothing about
which accounts exist; and a queue that survives SIGKILL without sending anything twice."""

import email
import email.header
import email.policy
import re
import shutil
import threading
import time

import pytest
from aiosmtpd.controller import Controller

from conftest import ADMIN_PASSWORD, DEMO_PASSWORD, free_port, WebSession

MSMTP = shutil.which("msmtp")
PUBLIC_URL = "https://wiki.lore.example"
WAIT_SECONDS = 30


class Mailbox:
    """Every message the sink received, parsed."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address):
        with self.lock:
            return [message for recipients, message in self.messages if address in recipients]

    def wait_for(self, address, predicate=lambda message: True, count=1):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            found = [message for message in self.to(address) if predicate(message)]
            if len(found) >= count:
                return found
            time.sleep(0.2)
        raise AssertionError(f"no {count} matching message(s) to {address}; got {[m['Subject'] for m in self.to(address)]}")


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def mail_server(tmp_path, start_server):
    """A sink on the loopback, msmtp configured for it, and Lore sending through msmtp."""
    if MSMTP is None:
        pytest.fail("msmtp is not installed (make deps installs msmtp-mta)")
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    config = tmp_path / "msmtprc"
    config.write_text(f"account default\nhost 127.0.0.1\nport {port}\nfrom lore@lore.example\nauth off\ntls off\n")
    config.chmod(0o600)
    started = []

    def start(data_dir=None, name=None):
        server = start_server(data_dir=data_dir, name=name, extra_args=[
            "--sendmail", f"{MSMTP} -C {config}", "--public-url", PUBLIC_URL, "--mail-from", "Lore <lore@lore.example>",
            "--notification-interval", "1", "--digest-hour", "0", "--mail-retry-seconds", "1"])
        started.append(server)
        return server

    yield mailbox, start
    controller.stop()


def test_a_mention_reaches_the_mailbox_and_is_not_sent_again_after_sigkill(mail_server, tmp_path):
    mailbox, start = mail_server
    server = start(name="mail")
    marina = WebSession(server.base).sign_in("marina", DEMO_PASSWORD)
    ivan = WebSession(server.base).sign_in("ivan", DEMO_PASSWORD)
    marina.get("/a/otpusk-kak-oformit")
    answer = marina.post_form("/a/otpusk-kak-oformit/comments", {"comment": "@ivan, посмотри новые правила переноса отпуска"})
    assert answer.status == 303, answer.describe()

    [message] = mailbox.wait_for("ivan.petrov@lore.example", lambda m: "mentioned you" in str(m["Subject"]))
    assert message["From"] == "Lore <lore@lore.example>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"].startswith(f"<{PUBLIC_URL}/unsubscribe/")
    text = text_of(message)
    assert "Марина Соколова mentioned you in a comment on «Отпуск: как оформить»" in text
    assert "посмотри новые правила" in text, "the comment itself, as the page is not confidential"
    assert f"{PUBLIC_URL}/a/otpusk-kak-oformit#comment-" in text
    assert "<a href=\"https://wiki.lore.example/a/otpusk-kak-oformit#comment-" in html_of(message)

    # Marina's own e-mails are in Russian once she used the Russian interface: the subject is encoded.
    marina.post_form("/language", {"lang": "ru", "back": "/"})
    ivan.get("/a/otpusk-kak-oformit")
    ivan.post_form("/a/otpusk-kak-oformit/comments", {"comment": "@marina спасибо!"})
    [answer_mail] = mailbox.wait_for("marina.sokolova@lore.example", lambda m: "упоминает" in str(m["Subject"]))
    assert "=?UTF-8?B?" in answer_mail.as_string().split("\n\n", 1)[0].replace("=?utf-8?b?", "=?UTF-8?B?")
    assert "Иван Петров упоминает вас в комментарии" in text_of(answer_mail)

    # The unsubscribe link asks first, then stops mentions by e-mail (they stay in Lore).
    link = re.search(r"/unsubscribe/[\w-]+", text_of(message)).group(0)
    stranger = WebSession(server.base)
    assert stranger.get(link).status == 200
    assert stranger.post_form(link, {}).status == 200

    # Killed hard and started again on the same data: what went out does not go out again.
    before = len(mailbox.to("ivan.petrov@lore.example"))
    server.process.kill()
    server.process.wait()
    again = start(data_dir=server.data_dir, name="mail-again")
    time.sleep(4)
    assert len(mailbox.to("ivan.petrov@lore.example")) == before, "a message was sent twice after a restart"
    marina = WebSession(again.base).sign_in("marina", DEMO_PASSWORD)
    marina.get("/a/otpusk-kak-oformit")
    marina.post_form("/a/otpusk-kak-oformit/comments", {"comment": "@ivan и ещё одно"})
    time.sleep(3)
    assert len(mailbox.to("ivan.petrov@lore.example")) == before, "mentions by e-mail were turned off through the link"


def test_sergey_gets_his_overdue_next_steps_in_the_morning_digest(mail_server):
    mailbox, start = mail_server
    start(name="digest")
    # Sergey has not signed in yet: his e-mail comes in Russian, the company's first language.
    [digest] = mailbox.wait_for("sergey.volkov@lore.example", lambda m: "уведомлен" in str(m["Subject"]))
    text = text_of(digest)
    assert "Просрочен следующий шаг по клиенту" in text and f"{PUBLIC_URL}/clients/" in text, text
    time.sleep(3)
    assert len(mailbox.to("sergey.volkov@lore.example")) == 1, "one digest a day"


def test_an_invited_user_sets_a_password_from_the_email_and_forgotten_passwords_say_nothing(mail_server):
    mailbox, start = mail_server
    server = start(name="invite")
    admin = WebSession(server.base).sign_in("admin", ADMIN_PASSWORD)
    admin.get("/admin/users/new")
    answer = admin.post_form("/admin/users/new", {"username": "nadia", "displayName": "Nadia Smirnova", "email": "nadia@lore.example"})
    page = answer.body.decode()
    assert answer.status == 200 and "nadia@lore.example" in page and "/set-password/" not in page

    [invitation] = mailbox.wait_for("nadia@lore.example", lambda m: "/set-password/" in text_of(m))
    link = re.search(re.escape(PUBLIC_URL) + r"(/set-password/[\w-]+)", text_of(invitation)).group(1)
    nadia = WebSession(server.base)
    nadia.get(link)
    assert nadia.post_form(link, {"password": "nadia's own long secret"}).status == 303
    nadia.sign_in("nadia", "nadia's own long secret")

    guest = WebSession(server.base)
    guest.get("/forgot-password")
    known = guest.post_form("/forgot-password", {"login": "nadia@lore.example"}).body.decode()
    unknown = guest.post_form("/forgot-password", {"login": "nobody@lore.example"}).body.decode()
    strip = lambda page: re.sub(r'value="[^"]*"|content="[^"]*"', "", page)
    assert strip(known) == strip(unknown), "the answer must not tell whether an account exists"
    [reset] = mailbox.wait_for("nadia@lore.example", lambda m: "password" in str(m["Subject"]).lower() and m is not invitation)
    assert "/set-password/" in text_of(reset)
    assert not mailbox.to("nobody@lore.example")

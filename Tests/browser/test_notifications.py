"""People are told: Marina mentions Ivan in a comment, picking him from the `@` suggestions;
Ivan sees it under the bell and in his mailbox; a forgotten password is set again from the
e-mail. (Who may be told what is covered by the Swift tests; here, the pages people use.)"""

import re

from selenium.webdriver.common.keys import Keys

from conftest import DEMO_PASSWORD, new_browser
from helpers import click_and_load, fill, find, find_all, open_page, path_of, sign_in, wait


def bell_count(driver):
    counts = find_all(driver, "#bell .bell-count")
    return int(counts[0].text) if counts else 0


def test_an_invited_colleague_mentioned_in_a_comment_sees_it_in_the_bell_and_the_mailbox(server, driver, as_user, mailbox, marker):
    # A newcomer, invited by e-mail: a fresh mailbox, whatever other tests sent to the demo people.
    username, address = f"ira{marker}", f"ira-{marker}@lore.example"
    open_page(driver, server, "/admin/users/new")
    fill(find(driver, "#username"), username)
    fill(find(driver, "#displayName"), f"Irina {marker}")
    fill(find(driver, "#email"), address)
    click_and_load(driver, find(driver, "#save"))
    assert address in find(driver, "#invitation-sent").text
    link = re.search(re.escape(server) + r"(/set-password/[\w-]+)", mailbox.wait_for(address, "/set-password/")).group(1)
    ira = new_browser()
    try:
        open_page(ira, server, link)
        fill(find(ira, "#password"), "a long secret of Irina")
        click_and_load(ira, find(ira, "#set-password-form button[type=submit]"))
        sign_in(ira, server, username, "a long secret of Irina")
        open_page(ira, server, "/")
        before = bell_count(ira)

        marina = as_user("marina")
        open_page(marina, server, "/a/komandirovki")
        area = find(marina, "#new-comment")
        area.click()
        area.send_keys(f"Please check the per diem rates {marker} @ira{marker[:4]}")
        wait(marina).until(lambda d: any(f"Irina {marker}" in item.text for item in find_all(d, ".mention-suggestions [role=option]")),
                           "no people suggested after @ira")
        area.send_keys(Keys.ENTER)
        assert f"{marker} @{username} " in area.get_attribute("value")
        click_and_load(marina, find(marina, "#send-comment"))
        assert marker in find(marina, "#comments").text

        # The server's scan for pages to confirm may tell a newcomer of them at any moment (every
        # five minutes): the bell counts at least the mention, and opening it reads the mention.
        open_page(ira, server, "/")
        assert bell_count(ira) >= before + 1
        click_and_load(ira, find(ira, "#bell"))
        assert path_of(ira) == "/notifications"
        [item] = [li for li in find_all(ira, "#notification-list .notification") if marker in li.text]
        assert "Марина Соколова" in item.text and "Командировки" in item.text
        assert "unread" in item.get_attribute("class")
        click_and_load(ira, item.find_element("css selector", ".notification-text"))
        assert path_of(ira) == "/a/komandirovki"
        open_page(ira, server, "/notifications")
        [item] = [li for li in find_all(ira, "#notification-list .notification") if marker in li.text]
        assert "unread" not in item.get_attribute("class")

        text = mailbox.wait_for(address, f"per diem rates {marker}")
        assert re.search(re.escape(server) + r"/a/komandirovki#comment-\d+", text)
    finally:
        ira.quit()


def test_a_forgotten_password_is_set_again_from_the_email(server, mailbox):
    browser = new_browser()
    try:
        open_page(browser, server, "/login")
        click_and_load(browser, find(browser, "#forgot-password"))
        fill(find(browser, "#login"), "sergey")
        click_and_load(browser, find(browser, "#send-reset"))
        assert "If an account with that name or address exists" in find(browser, "#reset-sent").text

        text = mailbox.wait_for("sergey.volkov@lore.example", "/set-password/")
        link = re.search(re.escape(server) + r"(/set-password/[\w-]+)", text).group(1)
        open_page(browser, server, link)
        # The demo password again, so the other tests still sign in as Sergey.
        fill(find(browser, "#password"), DEMO_PASSWORD)
        click_and_load(browser, find(browser, "#set-password-form button[type=submit]"))
        assert path_of(browser).startswith("/login")
        sign_in(browser, server, "sergey", DEMO_PASSWORD)
    finally:
        browser.quit()


def test_watching_a_page_and_the_notification_settings(server, as_user, marker):
    sergey = as_user("sergey")
    open_page(sergey, server, "/a/otpusk-kak-oformit")
    click_and_load(sergey, find(sergey, "#watch-toggle"))
    assert find(sergey, "#watch-toggle").text in ("Stop watching", "Не следить")
    open_page(sergey, server, "/me")
    select = find(sergey, "#delivery_change")
    select.find_element("css selector", "option[value=off]").click()
    click_and_load(sergey, find(sergey, "#save-notifications"))
    assert find(sergey, "#delivery_change").get_attribute("value") == "off"

"""Layout: phone-width pages, the menu button, and the language switch."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from helpers import (click_and_load, create_article, find, open_page, page_and_viewport_width, path_of, text_of,
                     wait)

# Realistic content that tempts a page into sideways scrolling: a long code line, a long link, a table.
WIDE_BODY = "\n".join([
    "Intro paragraph.",
    "",
    "```",
    "curl -X POST https://internal.example.com/api/v2/very/long/path " + "--header 'X-Long: value' " * 8,
    "```",
    "",
    "https://example.com/" + "a-very-long-unbroken-address-segment-" * 4,
    "",
    "| Column one | Column two | Column three | Column four |",
    "|---|---|---|---|",
    "| some cell text | more cell text | even more text | last cell |",
])


def open_home(driver, server, category, marker):
    open_page(driver, server, "/")


def open_category(driver, server, category, marker):
    open_page(driver, server, category)


def open_article(driver, server, category, marker):
    article = create_article(driver, server, category, f"Phone article {marker}", WIDE_BODY)
    open_page(driver, server, article)


def open_edit_form(driver, server, category, marker):
    article = create_article(driver, server, category, f"Phone edit {marker}", WIDE_BODY)
    open_page(driver, server, f"{article}/edit")
    find(driver, "form#article-form")


@pytest.mark.parametrize("open_view", [open_home, open_category, open_article, open_edit_form],
                         ids=["home", "category", "article", "edit"])
def test_phone_width_has_no_horizontal_scroll(phone, server, category, marker, open_view):
    open_view(phone, server, category, marker)
    scroll_width, viewport_width = page_and_viewport_width(phone)
    assert scroll_width <= viewport_width, (
        f"{path_of(phone)} is {scroll_width}px wide in a {viewport_width}px viewport")


def test_menu_button_opens_sidebar_on_phone(phone, server, category):
    open_page(phone, server, category)
    toggle = find(phone, "button.nav-toggle")
    sidebar = find(phone, "nav#sidebar")
    wait(phone).until(EC.visibility_of(toggle), "the menu button is not shown at phone width")
    assert not sidebar.is_displayed(), "the sidebar should be folded away at phone width"

    toggle.click()
    wait(phone).until(EC.visibility_of(sidebar), "the menu button did not open the sidebar")
    assert "open" in sidebar.get_attribute("class").split()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert find(phone, "#sidebar ul#category-tree li.tree-node > a").is_displayed()


def test_menu_button_hidden_on_desktop(driver, server):
    open_page(driver, server, "/")
    assert not find(driver, "button.nav-toggle").is_displayed()
    assert find(driver, "nav#sidebar").is_displayed()


def switch_language(driver, code):
    click_and_load(driver, find(driver, f"form.lang-switch button[name=lang][value={code}]"))


def test_language_switch_to_russian_and_back(driver, server):
    open_page(driver, server, "/")
    switch_language(driver, "ru")
    assert path_of(driver) == "/"
    assert text_of(driver, "main h1") == "База знаний"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"

    switch_language(driver, "en")
    assert path_of(driver) == "/"
    assert text_of(driver, "main h1") == "Knowledge base"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_the_theme_follows_a_dark_system_setting(server, driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        open_page(driver, server, "/a/vpn-and-wi-fi")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        red, green, blue = [int(part) for part in background[background.index("(") + 1:background.index(")")].split(",")[:3]]
        assert red + green + blue < 150, f"the page stayed light: {background}"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})


def test_the_contents_stay_in_view_on_a_wide_screen(server, driver):
    driver.set_window_size(1280, 800)
    open_page(driver, server, "/a/vpn-and-wi-fi")
    driver.execute_script("window.scrollTo(0, 900)")
    top = driver.execute_script("return document.querySelector('.toc').getBoundingClientRect().top")
    assert 0 <= top <= 40, f"the contents scrolled away: top {top}"


def test_on_a_phone_the_header_is_one_row_and_opens_from_its_buttons(server, driver):
    driver.set_window_size(500, 900)
    driver.set_window_size(390, 844)
    try:
        open_page(driver, server, "/a/vpn-and-wi-fi")
        height = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
        assert height <= 70, f"the header takes {height}px of the phone's 844"
        assert not find(driver, ".header-nav a[href='/changes']").is_displayed()
        find(driver, ".search-toggle").click()
        assert find(driver, "#header-q").is_displayed()
        assert driver.switch_to.active_element.get_attribute("id") == "header-q", "the search box takes the typing at once"
        find(driver, ".nav-toggle").click()
        assert find(driver, ".header-nav a[href='/changes']").is_displayed() and find(driver, "#sidebar").is_displayed()
    finally:
        driver.set_window_size(1280, 900)


MAIN_PAGES = ["/", "/changes", "/search?q=%D0%BE%D1%82%D0%BF%D1%83%D1%81%D0%BA", "/a/vpn-and-wi-fi/history", "/clients",
              "/clients/volga-retail-group", "/tasks", "/clients/summary", "/admin/access", "/admin/users", "/admin/audit", "/me",
              "/notifications", "/trash", "/admin/client-fields", "/admin/roles"]


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_no_main_page_is_wider_than_a_phone(phone, server, path):
    open_page(phone, server, path)
    scroll_width, viewport_width = page_and_viewport_width(phone)
    assert scroll_width <= viewport_width, f"{path} scrolls sideways at phone width: {scroll_width} > {viewport_width}"


def test_on_a_phone_history_is_a_card_per_revision(phone, server):
    open_page(phone, server, "/a/vpn-and-wi-fi/history")
    assert not find(phone, "#history thead").is_displayed(), "no column headings off-screen"
    author = find(phone, "#history td[data-label]")
    assert author.is_displayed() and author.value_of_css_property("display") == "block", "each value on its own line, under its name"


"""Layout: phone-width pages, the menu button, and the language switch. The main pages'
screenshots at phone and desktop width go to .build/screenshots (LORE_SCREENSHOTS), to look at."""

import os
import re

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
              "/notifications", "/trash", "/admin/client-fields", "/admin/roles", "/c/personal", "/a/informatsionnaya-bezopasnost",
              "/a/tseny-i-skidki", "/a/skript-pervogo-zvonka/diff?from=1&to=3"]


SCREENSHOTS = os.environ.get("LORE_SCREENSHOTS", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "screenshots"))


def screenshot(driver, width, path):
    """Keeps what the page looked like, named after its address: phone-clients-summary.png."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", path.split("?")[0].lower()).strip("-") or "home"
    driver.save_screenshot(os.path.join(SCREENSHOTS, f"{width}-{name}.png"))


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_no_main_page_is_wider_than_a_phone(phone, server, path):
    open_page(phone, server, path)
    screenshot(phone, "phone", path)
    scroll_width, viewport_width = page_and_viewport_width(phone)
    assert scroll_width <= viewport_width, f"{path} scrolls sideways at phone width: {scroll_width} > {viewport_width}"


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_every_main_page_opens_whole_on_a_wide_screen(driver, server, path):
    driver.set_window_size(1280, 900)
    open_page(driver, server, path)
    screenshot(driver, "wide", path)
    scroll_width, viewport_width = page_and_viewport_width(driver)
    assert scroll_width <= viewport_width, f"{path} scrolls sideways at 1280 px: {scroll_width} > {viewport_width}"
    assert find(driver, "main h1").is_displayed()


def test_on_a_phone_history_is_a_card_per_revision(phone, server):
    open_page(phone, server, "/a/vpn-and-wi-fi/history")
    assert not find(phone, "#history thead").is_displayed(), "no column headings off-screen"
    author = find(phone, "#history td[data-label]")
    assert author.is_displayed() and author.value_of_css_property("display") == "block", "each value on its own line, under its name"



def test_on_a_phone_the_access_grid_is_a_card_per_category(phone, server):
    open_page(phone, server, "/admin/access")
    assert not find(phone, "#access-grid thead").is_displayed(), "no role columns off-screen"
    cell = find(phone, "#access-grid td[data-label]")
    assert cell.value_of_css_property("display") == "block"
    label = phone.execute_script("return getComputedStyle(arguments[0], '::before').content", cell)
    assert cell.get_attribute("data-label") in label, f"the role is not named beside its level: {label}"


def test_on_a_phone_the_contents_and_search_filters_start_folded(phone, server):
    open_page(phone, server, "/a/informatsionnaya-bezopasnost")
    contents = find(phone, "#toc")
    assert contents.get_attribute("open") is None, "the text comes first on a phone"
    find(phone, "#toc summary").click()
    assert find(phone, "#toc nav a").is_displayed()
    open_page(phone, server, "/search?q=vpn")
    assert find(phone, "#search-filters").get_attribute("open") is None
    assert not find(phone, "#category").is_displayed()
    open_page(phone, server, "/search?q=vpn&within=30")
    assert find(phone, "#category").is_displayed(), "a chosen filter stays in view"
    wide = phone
    wide.set_window_size(1280, 900)
    open_page(wide, server, "/a/informatsionnaya-bezopasnost")
    assert find(wide, "#toc nav a").is_displayed(), "on a wide screen the contents are open"
    open_page(wide, server, "/search?q=vpn")
    assert find(wide, "#category").is_displayed()

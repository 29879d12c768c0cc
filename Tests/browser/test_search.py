"""Search: suggestions in the header box, Russian word forms, hidden pages, and the search page itself.

Nothing here edits content, so the tests only rely on titles and words of the imported sample pages."""

from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import DEMO_PASSWORD, new_browser
from helpers import find, find_all, navigate_by, open_page, path_of, sign_in, text_of, wait

HIDDEN_TITLE = "Salary review procedure"
HIDDEN_PATH = "/a/salary-review-procedure"
RULES_TITLE = "Правила внутреннего распорядка"


def watch_suggestion_answers(driver):
    """Note every answer the header box receives, once the page has shown it.

    A request that finds nothing leaves the list as it was, so only this tells a test that the
    answer has arrived. The note is taken in a timer after the page's own handlers have run."""
    driver.execute_script("""
        window.__loreSuggestAnswers = [];
        var original = window.fetch;
        window.fetch = function (url) {
          return original.apply(this, arguments).then(function (response) {
            var read = response.json.bind(response);
            response.json = function () {
              return read().then(function (data) {
                setTimeout(function () { window.__loreSuggestAnswers.push(String(url)); }, 0);
                return data;
              });
            };
            return response;
          });
        };
    """)


def suggestion_answered(driver, text):
    return driver.execute_script(
        "var text = arguments[0];"
        "return window.__loreSuggestAnswers.some(function (url) {"
        "  return new URL(url, location.href).searchParams.get('q') === text; })", text)


def type_in_header(driver, text):
    """Click into the header search box and type `text`; return the box."""
    box = find(driver, "form.header-search #header-q")
    box.click()
    box.send_keys(text)
    return box


def suggestions(driver):
    """(title, path) of every suggestion shown under the header box, top first."""
    return [(item.find_element("css selector", "a").text.splitlines()[0].strip(),
             urlparse(item.find_element("css selector", "a").get_attribute("href")).path)
            for item in find_all(driver, "#header-suggestions li[role=option]")]


def wait_for_suggestion(driver, path):
    """Wait until the open suggestion list offers the page at `path`."""
    wait(driver).until(
        lambda d: d.find_element("id", "header-suggestions").is_displayed()
        and any(p == path for _, p in suggestions(d)),
        f"no suggestion for {path}; shown: {suggestions(driver)}")


def type_and_wait_for_answer(driver, text):
    """Type `text` into the header box and wait until the page has shown the server's answer to all of it
    (an answer to the first letters may arrive while the rest is still being typed); return the box."""
    watch_suggestion_answers(driver)
    box = type_in_header(driver, text)
    wait(driver).until(lambda d: suggestion_answered(d, text), f"no suggestions were asked for {text!r}")
    return box


def search_from_header(driver, text):
    """Type into the header box and press Enter with nothing selected: the search page opens."""
    box = type_in_header(driver, text)
    navigate_by(driver, lambda: box.send_keys(Keys.ENTER))
    url = urlparse(driver.current_url)
    assert url.path == "/search", f"Enter did not open the search page: {path_of(driver)}"
    assert parse_qs(url.query).get("q") == [text]


def result_titles(driver):
    return [link.text.strip() for link in find_all(driver, "ol#search-results > li a.title")]


def result_for(driver, title):
    """The result item whose title is `title`."""
    items = [item for item in find_all(driver, "ol#search-results > li")
             if item.find_element("css selector", "a.title").text.strip() == title]
    assert items, f"{title!r} is not among the results {result_titles(driver)}"
    return items[0]


def test_suggestion_by_keyboard(server, as_user):
    """Ivan types the start of a title, arrows down to the suggestion and presses Enter to open it."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    box = type_and_wait_for_answer(ivan, "Evacu")
    wait_for_suggestion(ivan, "/a/evacuation-procedure")
    shown = suggestions(ivan)
    assert ("Evacuation procedure", "/a/evacuation-procedure") in shown
    assert box.get_attribute("aria-expanded") == "true"
    assert text_of(ivan, "#header-suggestions a[href='/a/evacuation-procedure'] span.trail") == "Regulations › Fire safety"

    position = [path for _, path in shown].index("/a/evacuation-procedure")
    for _ in range(position + 1):
        box.send_keys(Keys.ARROW_DOWN)
    items = find_all(ivan, "#header-suggestions li[role=option]")
    chosen = items[position]
    assert chosen.get_attribute("aria-selected") == "true"
    assert [item.get_attribute("aria-selected") for item in items].count("true") == 1
    assert box.get_attribute("aria-activedescendant") == chosen.get_attribute("id")

    navigate_by(ivan, lambda: box.send_keys(Keys.ENTER))
    assert path_of(ivan) == "/a/evacuation-procedure"
    assert text_of(ivan, "main h1") == "Evacuation procedure"


def test_arrows_and_escape(server, as_user):
    """Ivan moves through several suggestions with the arrows, wrapping round, and closes the list with Escape."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    box = type_and_wait_for_answer(ivan, "Fir")
    count = len(suggestions(ivan))
    assert count >= 2, f"fewer than two suggestions for 'Fir': {suggestions(ivan)}"

    def selected():
        return [i for i, item in enumerate(find_all(ivan, "#header-suggestions li[role=option]"))
                if item.get_attribute("aria-selected") == "true"]

    box.send_keys(Keys.ARROW_DOWN)
    assert selected() == [0]
    box.send_keys(Keys.ARROW_DOWN)
    assert selected() == [1]
    box.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
    assert selected() == [count - 1], "ArrowUp from the top does not wrap to the last suggestion"
    assert box.get_attribute("aria-activedescendant") == f"suggestion-{count - 1}"

    box.send_keys(Keys.ESCAPE)
    wait(ivan).until(lambda d: not d.find_element("id", "header-suggestions").is_displayed(),
                     "Escape did not close the suggestions")
    assert not suggestions(ivan)
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert path_of(ivan) == "/", "Escape must not leave the page"


@pytest.mark.parametrize("typed, path", [
    ("Evacuation", "/a/evacuation-procedure"),
    ("Правила", "/a/pravila-vnutrennego-rasporyadka"),
])
def test_suggestion_for_a_whole_word(server, as_user, typed, path):
    """Ivan types a whole word of a title; the page is still suggested."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    type_and_wait_for_answer(ivan, typed)
    assert path in [p for _, p in suggestions(ivan)], f"typing {typed!r} suggests {suggestions(ivan)}"


def test_russian_word_form_finds_the_page(server, as_user):
    """Ivan searches a Russian noun in the instrumental case; the page has it in the accusative."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    search_from_header(ivan, "кофемашиной")
    assert find(ivan, "#q").get_property("value") == "кофемашиной"
    assert text_of(ivan, "#search-summary").endswith(("result", "results"))

    result = result_for(ivan, RULES_TITLE)
    assert urlparse(result.find_element("css selector", "a.title").get_attribute("href")).path \
        == "/a/pravila-vnutrennego-rasporyadka"
    assert result.find_element("css selector", "p.trail").text.strip() == "Regulations"
    marks = [mark.text.strip() for mark in result.find_elements("css selector", "p.snippet mark")]
    assert "Кофемашину" in marks, f"the word on the page is not highlighted: {marks}"


def test_hidden_pages_are_not_found(server, as_user):
    """Ivan cannot find the HR-only page by its words, its title or its suggestion; Marina can."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    search_from_header(ivan, "salary review")
    # Public pages mention salaries and reviews, so Ivan may get results, but never the hidden page.
    assert HIDDEN_TITLE not in result_titles(ivan)
    assert HIDDEN_TITLE not in ivan.page_source
    assert HIDDEN_PATH not in ivan.page_source

    open_page(ivan, server, '/search?q="salary review procedure"')
    find(ivan, "#no-results")
    assert not find_all(ivan, "ol#search-results")
    assert text_of(ivan, "#search-summary") == "0 results"
    assert find_all(ivan, "#no-results li"), "no hints are offered"
    assert HIDDEN_PATH not in ivan.page_source

    marina = as_user("marina")
    open_page(marina, server, "/")
    search_from_header(marina, "salary review")
    result = result_for(marina, HIDDEN_TITLE)
    assert urlparse(result.find_element("css selector", "a.title").get_attribute("href")).path == HIDDEN_PATH
    assert result.find_elements("css selector", "p.snippet mark")

    open_page(ivan, server, "/")
    type_and_wait_for_answer(ivan, "Salar")
    assert HIDDEN_TITLE not in [title for title, _ in suggestions(ivan)]
    assert HIDDEN_TITLE not in ivan.page_source
    open_page(marina, server, "/")
    type_and_wait_for_answer(marina, "Salar")
    assert (HIDDEN_TITLE, HIDDEN_PATH) in suggestions(marina)

    # A word shared with a public title: Ivan is offered only the public page, Marina both.
    for person, expected in ((ivan, ["Evacuation procedure"]), (marina, ["Evacuation procedure", HIDDEN_TITLE])):
        open_page(person, server, "/")
        type_and_wait_for_answer(person, "Proced")
        assert sorted(title for title, _ in suggestions(person)) == sorted(expected)


def test_works_without_script(server):
    """With script switched off, Ivan signs in, searches from the header box and filters by category."""
    browser = new_browser()
    try:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        sign_in(browser, server, "ivan", DEMO_PASSWORD)
        assert "has-nav-toggle" not in (find(browser, "body").get_attribute("class") or ""), "script still runs"
        search_from_header(browser, "onboarding")
        assert not find(browser, "#header-suggestions").is_displayed()
        total = int(text_of(browser, "#search-summary").split()[0])
        assert total >= 5
        assert len(result_titles(browser)) == total
        assert "First day checklist" in result_titles(browser)
        assert all(item.find_elements("css selector", "p.snippet mark")
                   for item in find_all(browser, "ol#search-results > li"))

        onboarding = [option for option in find_all(browser, "#category option") if option.text.strip() == "Onboarding"]
        assert onboarding, "no Onboarding category to filter by"
        category_id = onboarding[0].get_attribute("value")
        onboarding[0].click()
        navigate_by(browser, find(browser, "#search-form button[type=submit]").click)
        query = parse_qs(urlparse(browser.current_url).query)
        assert query.get("q") == ["onboarding"]
        assert query.get("category") == [category_id]
        trails = [p.text.strip() for p in find_all(browser, "ol#search-results > li p.trail")]
        assert trails and all(trail == "HR › Onboarding" for trail in trails), trails
        assert len(trails) < total
    finally:
        browser.quit()

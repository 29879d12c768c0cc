"""Search: suggestions in the header box, Russian word forms, hidden pages, the search page itself
(ranked results, unfinished words, spelling corrections) and the synonym dictionary administrators keep.

Nothing here edits content, so the tests only rely on titles and words of the imported sample pages.
The synonym tests change the dictionary the whole session shares and put it back before they end."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import DEMO_PASSWORD, REPO_ROOT, new_browser
from helpers import (click_and_load, fill, find, find_all, navigate_by, open_page, path_of, response_status,
                     sign_in, text_of, wait)

HIDDEN_TITLE = "Пересмотр зарплат"
HIDDEN_PATH = "/a/peresmotr-zarplat"
RULES_TITLE = "Правила внутреннего распорядка"
UNPAID_LEAVE_TITLE = "Отпуск без сохранения зарплаты"
ACCOUNTING_TITLE = "Бухгалтерия: контакты и справки"
# The sample pages that say "Hot desk" (or "hot desks"); no other page does.
HOT_DESK_TITLES = {"Офисы и контакты", "Удалённая работа", RULES_TITLE}
SYNONYMS_PATH = "/admin/synonyms"
STARTER_SYNONYMS = REPO_ROOT / "Sources" / "LoreCore" / "Search" / "Lexicon" / "synonyms.txt"


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
    box = type_and_wait_for_answer(ivan, "эваку")
    wait_for_suggestion(ivan, "/a/pozharnaya-bezopasnost-evakuatsiya")
    shown = suggestions(ivan)
    assert ("Пожарная безопасность: эвакуация", "/a/pozharnaya-bezopasnost-evakuatsiya") in shown
    assert box.get_attribute("aria-expanded") == "true"
    assert text_of(ivan, "#header-suggestions a[href='/a/pozharnaya-bezopasnost-evakuatsiya'] span.trail") == "Регламенты › Пожарная безопасность"

    position = [path for _, path in shown].index("/a/pozharnaya-bezopasnost-evakuatsiya")
    for _ in range(position + 1):
        box.send_keys(Keys.ARROW_DOWN)
    items = find_all(ivan, "#header-suggestions li[role=option]")
    chosen = items[position]
    assert chosen.get_attribute("aria-selected") == "true"
    assert [item.get_attribute("aria-selected") for item in items].count("true") == 1
    assert box.get_attribute("aria-activedescendant") == chosen.get_attribute("id")

    navigate_by(ivan, lambda: box.send_keys(Keys.ENTER))
    assert path_of(ivan) == "/a/pozharnaya-bezopasnost-evakuatsiya"
    assert text_of(ivan, "main h1") == "Пожарная безопасность: эвакуация"


def test_arrows_and_escape(server, as_user):
    """Ivan moves through several suggestions with the arrows, wrapping round, and closes the list with Escape."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    box = type_and_wait_for_answer(ivan, "Перв")
    count = len(suggestions(ivan))
    assert count >= 2, f"fewer than two suggestions for «Перв»: {suggestions(ivan)}"

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
    ("эвакуация", "/a/pozharnaya-bezopasnost-evakuatsiya"),
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
    assert result.find_element("css selector", "p.trail").text.strip() == "Регламенты"
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
    type_and_wait_for_answer(marina, "Пересм")
    assert (HIDDEN_TITLE, HIDDEN_PATH) in suggestions(marina)

    # A word shared with a public title: Ivan is offered only the public page, Marina both.
    for person, expected in ((ivan, ["Отпуск без сохранения зарплаты"]), (marina, ["Отпуск без сохранения зарплаты", HIDDEN_TITLE])):
        open_page(person, server, "/")
        type_and_wait_for_answer(person, "зарпл")
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
        assert "Первый рабочий день: чек-лист" in result_titles(browser)
        assert all(item.find_elements("css selector", "p.snippet mark")
                   for item in find_all(browser, "ol#search-results > li"))

        onboarding = [option for option in find_all(browser, "#category option") if option.text.strip() == "Адаптация новичков"]
        assert onboarding, "no Onboarding category to filter by"
        category_id = onboarding[0].get_attribute("value")
        onboarding[0].click()
        navigate_by(browser, find(browser, "#search-form button[type=submit]").click)
        query = parse_qs(urlparse(browser.current_url).query)
        assert query.get("q") == ["onboarding"]
        assert query.get("category") == [category_id]
        trails = [p.text.strip() for p in find_all(browser, "ol#search-results > li p.trail")]
        assert trails and all(trail == "Персонал › Адаптация новичков" for trail in trails), trails
        assert len(trails) < total
    finally:
        browser.quit()


def search_on_search_page(driver, server, text):
    """Open the search page, type `text` into its own box and press Enter: the results open."""
    open_page(driver, server, "/search")
    box = find(driver, "#q")
    fill(box, text)
    navigate_by(driver, lambda: box.send_keys(Keys.ENTER))
    url = urlparse(driver.current_url)
    assert url.path == "/search", f"Enter did not search: {path_of(driver)}"
    assert parse_qs(url.query).get("q") == [text]
    assert find(driver, "#q").get_property("value") == text


def missing_words(item):
    """The words a result says it lacks ("Not on the page: согласовать, срок"), or [] when it has them all."""
    lines = [line.text.strip() for line in item.find_elements("css selector", "p.missing")]
    assert len(lines) <= 1, f"more than one missing line: {lines}"
    if not lines:
        return []
    assert ": " in lines[0], f"no words on the missing line {lines[0]!r}"
    return [word.strip() for word in lines[0].split(": ", 1)[1].split(",")]


def same_text(text):
    """A dictionary's text as it reads, whatever line ends the browser sent it with."""
    return text.replace("\r\n", "\n").strip()


def synonyms_box(driver):
    return find(driver, "#synonyms-form textarea#synonyms")


def group_count(driver):
    """The number of groups the synonym page says the dictionary has now ("87 groups now.")."""
    hint = text_of(driver, "#synonyms-form p.hint")
    counts = re.findall(r"(\d[\d,]*) groups? now\.", hint)
    assert counts, f"the page does not say how many groups there are: {hint!r}"
    return int(counts[-1].replace(",", ""))


def append_line(box, line):
    """Go to the end of the dictionary's text and type `line` on a new line; return the text as typed."""
    box.click()
    box.send_keys(Keys.CONTROL, Keys.END)
    box.send_keys(Keys.ENTER, line)
    return box.get_property("value")


def save_synonyms(driver):
    click_and_load(driver, find(driver, "#synonyms-form #save"))


def restore_synonyms(driver, server, original):
    """Put the dictionary back to `original` if it has changed (the server is shared by the whole session)."""
    open_page(driver, server, SYNONYMS_PATH)
    if same_text(synonyms_box(driver).get_property("value")) == same_text(original):
        return
    driver.execute_script("arguments[0].value = arguments[1]", synonyms_box(driver), original)
    save_synonyms(driver)
    assert path_of(driver) == f"{SYNONYMS_PATH}?notice=synonyms_saved", "the original dictionary was not saved back"
    assert same_text(synonyms_box(driver).get_property("value")) == same_text(original)


def test_a_question_finds_the_page_that_answers_it(server, as_user):
    """Ivan asks the search page a question in Russian; the page that answers it comes first, and pages
    that lack some of its words come lower and say which. Function words (как, без) are not asked for."""
    ivan = as_user("ivan")
    search_on_search_page(ivan, server, "как оформить отпуск без сохранения зарплаты")
    titles = result_titles(ivan)
    assert titles and titles[0] == UNPAID_LEAVE_TITLE, f"the page that answers the question is not first: {titles}"
    assert urlparse(find(ivan, "ol#search-results > li a.title").get_attribute("href")).path \
        == "/a/otpusk-bez-sokhraneniya-zarplaty"

    items = find_all(ivan, "ol#search-results > li")
    assert missing_words(items[0]) == [], "the first result has every word of the question"
    lacking = {item.find_element("css selector", "a.title").text.strip(): missing_words(item) for item in items[1:]}
    lacking = {title: words for title, words in lacking.items() if words}
    assert lacking, f"no lower result says which words it lacks: {titles}"
    asked = {"оформить", "отпуск", "сохранения", "зарплаты"}
    for title, words in lacking.items():
        assert set(words) <= asked, f"{title!r} is said to lack words that were not asked for: {words}"


def test_an_unfinished_word_finds_the_page(server, as_user):
    """Ivan presses Enter before finishing the word; the accounts department's page is still among the top results."""
    ivan = as_user("ivan")
    search_on_search_page(ivan, server, "бухгалт")
    titles = result_titles(ivan)
    assert ACCOUNTING_TITLE in titles[:3], f"{ACCOUNTING_TITLE!r} is not among the top three: {titles}"
    assert not find_all(ivan, "#no-results")


def test_a_misspelt_word_offers_the_right_one(server, as_user):
    """Ivan misspells "overtime"; the page asks whether he meant it, and the link searches the corrected word."""
    ivan = as_user("ivan")
    search_on_search_page(ivan, server, "overtme")
    link = find(ivan, "#did-you-mean a")
    assert link.text.strip() == "overtime", f"the correction offered is {link.text.strip()!r}"
    assert text_of(ivan, "#did-you-mean").startswith("Did you mean:")

    click_and_load(ivan, link)
    url = urlparse(ivan.current_url)
    assert url.path == "/search"
    assert parse_qs(url.query).get("q") == ["overtime"], f"the link did not search the corrected word: {path_of(ivan)}"
    assert find(ivan, "#q").get_property("value") == "overtime"
    assert "Режим рабочего времени" in result_titles(ivan), f"the page about overtime is not found: {result_titles(ivan)}"
    assert not find_all(ivan, "#did-you-mean"), "a correct word is corrected again"


def test_synonym_page_holds_the_starter_dictionary(driver, server):
    """The administrator follows the search page's link to the synonym dictionary; a new knowledge base
    starts with the dictionary shipped in Lexicon/synonyms.txt."""
    starter = STARTER_SYNONYMS.read_text(encoding="utf-8")
    groups = [line for line in starter.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert groups, f"the starter dictionary {STARTER_SYNONYMS.relative_to(REPO_ROOT)} has no groups"

    open_page(driver, server, "/search")
    click_and_load(driver, find(driver, "#search-form a#edit-synonyms"))
    assert path_of(driver) == SYNONYMS_PATH
    assert same_text(synonyms_box(driver).get_property("value")) == same_text(starter)
    assert group_count(driver) == len(groups)


def test_a_synonym_finds_pages_with_the_other_words(driver, server):
    """The administrator links a Russian word no page has to "hot desk"; searching the word then finds
    the pages about hot desks and says what else was searched. The dictionary is put back afterwards."""
    word = "горячийстол"  # on no sample page, and not near any word that is
    search_on_search_page(driver, server, word)
    find(driver, "#no-results")
    assert not find_all(driver, "#search-also")

    open_page(driver, server, SYNONYMS_PATH)
    original = synonyms_box(driver).get_property("value")
    groups_before = group_count(driver)
    try:
        typed = append_line(synonyms_box(driver), f"{word} = hot desk")
        save_synonyms(driver)
        assert path_of(driver) == f"{SYNONYMS_PATH}?notice=synonyms_saved"
        assert text_of(driver, "p.notice") == "The synonym dictionary was saved; search uses it now."
        assert not find_all(driver, ".form-errors")
        assert same_text(synonyms_box(driver).get_property("value")) == same_text(typed)
        assert group_count(driver) == groups_before + 1

        search_on_search_page(driver, server, word)
        titles = result_titles(driver)
        assert titles, f"searching {word!r} finds nothing"
        assert set(titles) <= HOT_DESK_TITLES, f"pages without \"hot desk\" were found: {titles}"
        assert "hot desk" in text_of(driver, "ol#search-results > li p.snippet").lower(), \
            "the first result's snippet does not show the synonym"
        assert "hot desk" in text_of(driver, "#search-also").lower()
        assert not find_all(driver, "#did-you-mean"), "a word with synonyms is not a misspelling"
    finally:
        restore_synonyms(driver, server, original)


def test_a_line_with_one_term_is_refused(driver, server):
    """The administrator saves a line with a single word; the page lists the line, keeps what was typed,
    and the dictionary stays as it was."""
    open_page(driver, server, SYNONYMS_PATH)
    original = synonyms_box(driver).get_property("value")
    groups_before = group_count(driver)
    try:
        typed = append_line(synonyms_box(driver), "принтер")
        lines = typed.split("\n")
        line_number = len(lines) - [line.strip() for line in reversed(lines)].index("принтер")
        save_synonyms(driver)

        assert response_status(driver) == 422
        assert path_of(driver) == SYNONYMS_PATH
        assert not find_all(driver, ".error-page"), "an error page instead of the form"
        assert not find_all(driver, "p.notice"), "a refused dictionary is said to be saved"
        errors = [item.text.strip() for item in find_all(driver, "div.form-errors[role=alert] li")]
        assert len(errors) == 1 and errors[0].startswith(f"Line {line_number}:"), \
            f"the error does not name line {line_number}: {errors}"
        box = synonyms_box(driver)
        assert box.get_attribute("aria-invalid") == "true"
        assert same_text(box.get_property("value")) == same_text(typed), "what was typed is lost"
        assert group_count(driver) == groups_before, "the group count changed"

        open_page(driver, server, SYNONYMS_PATH)
        assert same_text(synonyms_box(driver).get_property("value")) == same_text(original), "the dictionary changed"
        assert group_count(driver) == groups_before
    finally:
        restore_synonyms(driver, server, original)


def test_employees_cannot_open_the_synonym_dictionary(server, as_user):
    """Ivan is offered no link to the dictionary, and its address is a page that does not exist for him."""
    ivan = as_user("ivan")
    open_page(ivan, server, "/search")
    assert not find_all(ivan, "#edit-synonyms")
    open_page(ivan, server, SYNONYMS_PATH)
    assert response_status(ivan) == 404
    assert "Page not found" in ivan.page_source
    assert not find_all(ivan, "#synonyms-form")

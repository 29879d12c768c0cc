"""Small page helpers shared by the browser tests. All waiting goes through `wait`."""

from urllib.parse import urlparse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15
TEST_CATEGORY_PREFIX = "Browser tests "  # categories the tests make, as opposed to imported content


def wait(driver, timeout=TIMEOUT):
    return WebDriverWait(driver, timeout, poll_frequency=0.05)


def find(driver, css):
    """The element matching `css`, once it is present."""
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)),
                              f"no element matches {css!r} on {driver.current_url}")


def find_all(driver, css):
    return driver.find_elements(By.CSS_SELECTOR, css)


def text_of(driver, css):
    return find(driver, css).text.strip()


def path_of(driver):
    """The current URL's path plus query, e.g. '/a/slug?notice=saved'."""
    url = urlparse(driver.current_url)
    return url.path + (f"?{url.query}" if url.query else "")


def response_status(driver):
    """HTTP status of the response that produced the current document."""
    return driver.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus")


def wait_until_loaded(driver):
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete",
                       "page did not finish loading")


def open_page(driver, server, path):
    driver.get(server + path)
    wait_until_loaded(driver)


def navigate_by(driver, action):
    """Run `action` (a click, a key press) and wait until it has loaded a new document.

    The old document is marked with a window property; a new document has a fresh window without it.
    (Polling an old element for staleness instead races with Chromium's navigation and can raise
    "unhandled inspector error".)"""
    driver.execute_script("window.__loreOldDocument = true")
    action()

    def new_document_loaded(d):
        try:
            return d.execute_script("return !window.__loreOldDocument && document.readyState === 'complete'")
        except WebDriverException:  # the page is between documents
            return False

    wait(driver).until(new_document_loaded, f"no navigation away from {driver.current_url}")


def click_and_load(driver, element):
    navigate_by(driver, element.click)


def fill(element, text):
    """Replace the field's text. Into a text area the text goes in as pasted: typed, its Enter keys
    would make the editor continue lists."""
    if element.tag_name == "textarea":
        element.parent.execute_script("""
            arguments[0].focus();
            arguments[0].value = arguments[1];
            arguments[0].dispatchEvent(new Event("input", {bubbles: true}));
        """, element, text)
        return
    element.clear()
    element.send_keys(text)


def sign_in(driver, server, username, password):
    """Sign in through the form, as a person would."""
    open_page(driver, server, "/login")
    fill(find(driver, "#login"), username)
    fill(find(driver, "#password"), password)
    click_and_load(driver, find(driver, "#sign-in"))
    assert not path_of(driver).startswith("/login"), "sign-in failed"


def create_category(driver, server, title):
    """Create a top-level category through its form; return its path (/c/...)."""
    open_page(driver, server, "/categories/new")
    fill(find(driver, "#category-form #title"), title)
    click_and_load(driver, find(driver, "#category-form #save"))
    assert text_of(driver, "main h1") == title
    return urlparse(driver.current_url).path


def open_new_article_form(driver, server, category_path):
    """Open the new-article form through the category page's "New article here" button."""
    open_page(driver, server, category_path)
    click_and_load(driver, find(driver, "main a.button[href^='/new?category=']"))
    return find(driver, "form#article-form")


def create_article(driver, server, category_path, title, body):
    """Create an article through the UI; leaves the browser on the saved article and returns its path."""
    open_new_article_form(driver, server, category_path)
    fill(find(driver, "#title"), title)
    fill(find(driver, "#body"), body)
    click_and_load(driver, find(driver, "#save"))
    path = urlparse(driver.current_url).path
    assert path.startswith("/a/"), f"save did not reach the article: {path_of(driver)}"
    return path


def page_and_viewport_width(driver):
    """(document scroll width, viewport width): the page scrolls sideways when the first is larger."""
    return tuple(driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]"))

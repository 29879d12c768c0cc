"""Reading: find an article from the home page the way a newcomer would."""

from helpers import TEST_CATEGORY_PREFIX, click_and_load, find, find_all, open_page, response_status, text_of

MAX_CATEGORY_DEPTH = 5


def first(driver, css):
    """The first element matching `css`, or None when the page has none."""
    elements = find_all(driver, css)
    return elements[0] if elements else None


def descend_to_article_link(driver):
    """From a category page, enter first subcategories until one lists articles.

    Returns the first article link and the titles of the categories passed through."""
    visited = []
    for _ in range(MAX_CATEGORY_DEPTH):
        visited.append(text_of(driver, "main h1"))
        article_link = first(driver, "main ul.article-list li > a")
        if article_link:
            return article_link, visited
        subcategory_link = first(driver, "main ul.card-grid li.card h3 a")
        assert subcategory_link, f"category {visited[-1]!r} has neither articles nor subcategories"
        click_and_load(driver, subcategory_link)
    raise AssertionError(f"no articles within {MAX_CATEGORY_DEPTH} levels under {visited[0]!r}")


def test_home_to_category_to_article(driver, server):
    open_page(driver, server, "/")
    assert text_of(driver, "main h1") == "Knowledge base"
    cards = [link for link in find_all(driver, "main ul.card-grid li.card h3 a")
             if not link.text.startswith(TEST_CATEGORY_PREFIX)]
    assert cards, "the home page shows no imported category cards (was Content/ imported?)"
    card_link = cards[0]
    category_title = card_link.text.strip()

    click_and_load(driver, card_link)
    assert text_of(driver, "main h1") == category_title
    article_link, categories = descend_to_article_link(driver)
    article_title = article_link.text.strip()

    click_and_load(driver, article_link)
    find(driver, "article#article")
    assert text_of(driver, "h1.article-title") == article_title
    assert text_of(driver, "article#article .markdown-body"), "the article body is empty"
    crumbs = [item.text.strip() for item in find_all(driver, "nav.breadcrumbs ol li")]
    assert categories[-1] in crumbs, f"breadcrumbs {crumbs} lack the category {categories[-1]!r}"


def test_unknown_article_shows_site_404(driver, server):
    open_page(driver, server, "/a/no-such-article-for-browser-tests")
    assert response_status(driver) == 404
    find(driver, "header.site-header")
    assert "Page not found" in text_of(driver, "main#main")

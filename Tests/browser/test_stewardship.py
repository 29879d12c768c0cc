"""Owners and review dates: an owner sees an overdue review on the home page and clears it, and a
manager finds pages needing attention on the content-health page."""

from helpers import click_and_load, find, find_all, open_page, path_of


def test_an_owner_clears_an_overdue_review_from_the_home_page(server, as_user):
    marina = as_user("marina")
    open_page(marina, server, "/")
    titles = [link.text for link in find_all(marina, "#review-list li a")]
    assert "Режим рабочего времени" in titles, titles
    [link] = [link for link in find_all(marina, "#review-list li a") if link.text == "Режим рабочего времени"]
    click_and_load(marina, link)
    assert find(marina, "#needs-review").is_displayed()
    assert "Марина Соколова" in find(marina, "#stewardship").text
    click_and_load(marina, find(marina, "#mark-reviewed"))
    assert path_of(marina).endswith("?notice=reviewed")
    assert not find_all(marina, "#needs-review")
    open_page(marina, server, "/")
    assert "Режим рабочего времени" not in [link.text for link in find_all(marina, "#review-list li a")]


def test_the_content_health_page_lists_what_needs_attention(driver, server):
    open_page(driver, server, "/")
    click_and_load(driver, find(driver, "#content-health-link"))
    for section in ("overdue", "without-owner", "owner-left", "untouched", "unread", "broken-links", "orphans"):
        assert find(driver, f"#health-{section} h2").is_displayed()
    assert find(driver, "#health-csv").get_attribute("href").endswith("/content-health.csv")

"""Approval before publishing: the administrator approves Marina's waiting change to the
remote-work rules (the sample's Regulations need their managers' approval), and only then
does everyone read it."""

from helpers import click_and_load, find, find_all, open_page, path_of

PAGE = "/a/udalennaya-rabota"
NEW_TEXT = "до трёх дней в неделю"


def test_an_approver_publishes_a_waiting_change(driver, server, as_user):
    ivan = as_user("ivan")
    open_page(ivan, server, PAGE)
    assert NEW_TEXT not in find(ivan, "article#article .markdown-body").text

    open_page(driver, server, "/")
    click_and_load(driver, find(driver, "#home-approvals a"))
    [change] = [link for link in find_all(driver, "#to-approve a") if "Удалённая работа" in link.text]
    click_and_load(driver, change)
    assert NEW_TEXT in find(driver, "#approval-diff").text
    click_and_load(driver, find(driver, "#approve"))
    assert path_of(driver) == PAGE + "?notice=approved"

    open_page(ivan, server, PAGE)
    assert NEW_TEXT in find(ivan, "article#article .markdown-body").text

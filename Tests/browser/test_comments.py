"""Comments under a page: a reader asks, a colleague replies in the thread, the author edits
their own comment."""

from helpers import click_and_load, fill, find, find_all, open_page


def test_a_reader_asks_and_a_colleague_replies(server, as_user, marker):
    ivan = as_user("ivan")
    open_page(ivan, server, "/a/komandirovki")
    fill(find(ivan, "#new-comment"), f"Who books the hotel? {marker}")
    click_and_load(ivan, find(ivan, "#send-comment"))
    [question] = [c for c in find_all(ivan, "#comments .comment") if marker in c.text]
    assert "Иван Петров" in question.text

    marina = as_user("marina")
    open_page(marina, server, "/a/komandirovki")
    [thread] = [c for c in find_all(marina, "#comments .comment-list > .comment") if marker in c.text]
    thread.find_element("css selector", ".comment-reply summary").click()
    fill(thread.find_element("css selector", ".comment-reply textarea"), f"The travel desk does, {marker}.")
    click_and_load(marina, thread.find_element("css selector", ".comment-reply button"))
    [thread] = [c for c in find_all(marina, "#comments .comment-list > .comment") if marker in c.text]
    assert f"The travel desk does, {marker}." in thread.find_element("css selector", ".comment-replies").text

    open_page(ivan, server, "/a/komandirovki")
    [mine] = [c for c in find_all(ivan, "#comments .comment-list > .comment") if f"Who books the hotel? {marker}" in c.text]
    click_and_load(ivan, mine.find_element("css selector", ".comment-actions a"))
    fill(find(ivan, "#comment"), f"Who books the hotel and the train? {marker}")
    click_and_load(ivan, find(ivan, "#save"))
    assert f"Who books the hotel and the train? {marker}" in find(ivan, "#comments").text

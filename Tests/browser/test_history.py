"""History: compare and restore revisions, and what happens when two people edit at once.

Every test works on its own imported article, so they stay independent of each other."""

import pytest
from selenium.webdriver.common.keys import Keys

from helpers import click_and_load, fill, find, find_all, open_page, path_of, response_status, text_of

MERGED_NOTICE = ("Saved. Someone else changed this article while you were editing; "
                 "your changes touched other lines and were merged with theirs.")
RESTORED_NOTICE = "The old version was restored as a new revision."


def article_text(driver):
    return text_of(driver, "article#article .markdown-body")


def open_editor(driver, server, article):
    """Open the article and follow its Edit button; return the body textarea."""
    open_page(driver, server, article)
    click_and_load(driver, find(driver, "a#edit-article"))
    assert path_of(driver) == f"{article}/edit"
    return find(driver, "textarea#body")


def body_value(driver):
    return find(driver, "textarea#body").get_property("value")


def type_at_start(driver, text):
    """Put the cursor at the very beginning of the body and type `text` there."""
    body = find(driver, "textarea#body")
    body.send_keys(Keys.CONTROL, Keys.HOME)
    body.send_keys(text)


def type_at_end(driver, text):
    """Put the cursor at the very end of the body and type `text` there."""
    body = find(driver, "textarea#body")
    body.send_keys(Keys.CONTROL, Keys.END)
    body.send_keys(text)


def save(driver, summary=None):
    """Fill in the edit summary (when given) and press Save."""
    if summary is not None:
        fill(find(driver, "#summary"), summary)
    click_and_load(driver, find(driver, "#save"))


def open_history(driver, server, article):
    """Open the article and follow the History link in its meta line."""
    open_page(driver, server, article)
    click_and_load(driver, find(driver, "a#article-history"))
    assert path_of(driver) == f"{article}/history"
    return find(driver, "table#history")


def history_row_ids(driver):
    return [row.get_attribute("id") for row in find_all(driver, "table#history tbody tr")]


def test_compare_and_restore(driver, server, marker):
    article = "/a/rezhim-rabochego-vremeni"
    old_word, new_word = "пятницу", f"Sunday{marker}"
    open_editor(driver, server, article)
    original = body_value(driver)
    assert original.count(old_word) == 1, "the sample text changed; pick another word"
    type_at_end(driver, f"\n\nChecked by the browser tests {marker}.")
    save(driver, f"Add a check note {marker}")
    assert text_of(driver, "p.notice") == "Saved."

    open_editor(driver, server, article)
    fill(find(driver, "textarea#body"), body_value(driver).replace(old_word, new_word))
    save(driver, f"Reword one line {marker}")
    assert new_word in article_text(driver)

    open_history(driver, server, article)
    assert history_row_ids(driver) == ["revision-3", "revision-2", "revision-1"]
    assert f"Add a check note {marker}" in text_of(driver, "tr#revision-2")
    assert f"Reword one line {marker}" in text_of(driver, "tr#revision-3")
    assert find(driver, "tr#revision-3 input[name=to]").is_selected()
    assert find(driver, "tr#revision-2 input[name=from]").is_selected()
    find(driver, "tr#revision-1 input[name=from]").click()
    click_and_load(driver, find(driver, "#compare"))
    assert path_of(driver).startswith(f"{article}/diff?")
    assert "from=1" in path_of(driver) and "to=3" in path_of(driver)

    find(driver, "table.diff-inline")
    assert new_word in [e.text.strip() for e in find_all(driver, "table.diff-inline tr.diff-added ins")]
    assert old_word in [e.text.strip() for e in find_all(driver, "table.diff-inline tr.diff-removed del")]
    assert any(f"Checked by the browser tests {marker}." in row.text
               for row in find_all(driver, "table.diff-inline tr.diff-added"))

    click_and_load(driver, find(driver, "a#view-side"))
    side = find(driver, "table.diff-side")
    assert new_word in [e.text.strip() for e in side.find_elements("css selector", "ins")]
    assert old_word in [e.text.strip() for e in side.find_elements("css selector", "del")]
    click_and_load(driver, find(driver, "a#view-inline"))
    find(driver, "table.diff-inline")

    open_history(driver, server, article)
    click_and_load(driver, find(driver, f"tr#revision-1 a[href='{article}/revisions/1']"))
    find(driver, "#revision-banner")
    assert old_word in text_of(driver, "article .markdown-body")
    click_and_load(driver, find(driver, "#restore-revision"))

    assert path_of(driver).split("?")[0] == article
    assert text_of(driver, "p.notice") == RESTORED_NOTICE
    restored = article_text(driver)
    assert old_word in restored and new_word not in restored
    assert f"Checked by the browser tests {marker}." not in restored
    open_editor(driver, server, article)
    assert body_value(driver) == original

    open_history(driver, server, article)
    assert history_row_ids(driver)[0] == "revision-4"
    assert "restored from #1" in text_of(driver, "tr#revision-4")


def test_reader_sees_history_but_cannot_restore(driver, server, as_user, marker):
    article = "/a/informatsionnaya-bezopasnost"
    note = f"Reviewed by the security officer {marker}."
    open_editor(driver, server, article)
    type_at_end(driver, f"\n\n{note}")
    save(driver, f"Yearly review {marker}")
    assert note in article_text(driver)

    ivan = as_user("ivan")
    open_history(ivan, server, article)
    assert response_status(ivan) == 200
    # The page came with three revisions by the administrator and Marina.
    assert history_row_ids(ivan)[:2] == ["revision-4", "revision-3"]
    assert f"Yearly review {marker}" in text_of(ivan, "tr#revision-4")

    click_and_load(ivan, find(ivan, f"tr#revision-1 a[href='{article}/revisions/1']"))
    assert response_status(ivan) == 200
    find(ivan, "#revision-banner")
    assert note not in text_of(ivan, "article .markdown-body")
    assert not find_all(ivan, "#restore-revision"), "a reader must not be offered to restore"


def test_concurrent_edits_merge(driver, server, as_user, marker):
    # In HR, which Marina manages: her saves there are published at once (Regulations wait for approval).
    article = "/a/komandirovki"
    theirs, mine = f"Marina's note {marker}: ", f" Admin's closing line {marker}."
    marina = as_user("marina")
    open_editor(marina, server, article)
    open_editor(driver, server, article)

    type_at_start(marina, theirs)
    save(marina, f"First paragraph {marker}")
    assert text_of(marina, "p.notice") == "Saved."

    type_at_end(driver, mine)
    save(driver, f"Last paragraph {marker}")

    assert path_of(driver).split("?")[0] == article
    assert text_of(driver, "p.notice") == MERGED_NOTICE
    text = article_text(driver)
    assert theirs.strip() in text, "marina's change was lost in the merge"
    assert mine.strip() in text, "admin's change was lost in the merge"


def test_concurrent_edits_conflict(driver, server, as_user, marker):
    article = "/a/vozmeshchenie-raskhodov"
    theirs, mine = f"Marina's opening {marker}. ", f"Admin's opening {marker}. "
    marina = as_user("marina")
    open_editor(marina, server, article)
    open_editor(driver, server, article)
    original = body_value(driver)

    type_at_start(marina, theirs)
    save(marina, f"Marina's wording {marker}")
    assert theirs.strip() in article_text(marina)

    type_at_start(driver, mine)
    save(driver, f"Admin's wording {marker}")

    conflict = find(driver, "#edit-conflict")
    assert mine.strip() in text_of(driver, "#edit-conflict pre.clash-mine")
    assert theirs.strip() in text_of(driver, "#edit-conflict pre.clash-theirs")
    assert theirs.strip() not in text_of(driver, "#edit-conflict pre.clash-mine")
    assert conflict.is_displayed()
    merged = body_value(driver)
    assert "<<<<<<< your version" in merged and "=======" in merged and ">>>>>>> revision 2" in merged
    assert merged.index("<<<<<<< your version") < merged.index(mine.strip()) < merged.index("=======") \
        < merged.index(theirs.strip()) < merged.index(">>>>>>> revision 2")

    save(driver)
    assert response_status(driver) == 422
    assert text_of(driver, "p.field-error#body-error"), "the body error is empty"
    assert find(driver, "textarea#body").get_attribute("aria-invalid") == "true"
    assert body_value(driver).strip() == merged.strip(), "the text with markers was not kept"

    fill(find(driver, "textarea#body"), mine + original)
    save(driver)
    assert path_of(driver).split("?")[0] == article
    assert text_of(driver, "p.notice").startswith("Saved.")
    text = article_text(driver)
    assert mine.strip() in text
    assert theirs.strip() not in text
    assert "<<<<<<<" not in text and ">>>>>>>" not in text


def test_recent_changes_hide_hidden_pages(driver, server, as_user, marker):
    title = "Пересмотр зарплат"
    marina = as_user("marina")
    open_editor(marina, server, "/a/peresmotr-zarplat")
    type_at_end(marina, f"\n\nBands checked by HR {marker}.")
    save(marina, f"Bands checked {marker}")
    assert text_of(marina, "p.notice") == "Saved."

    open_page(driver, server, "/changes")
    assert title in text_of(driver, "#changes")
    assert f"Bands checked {marker}" in text_of(driver, "#changes")

    ivan = as_user("ivan")
    open_page(ivan, server, "/changes")
    assert response_status(ivan) == 200
    assert find(ivan, "#changes li"), "the employee sees no changes at all"
    assert title not in ivan.page_source
    assert f"Bands checked {marker}" not in ivan.page_source
    assert "peresmotr-zarplat" not in ivan.page_source

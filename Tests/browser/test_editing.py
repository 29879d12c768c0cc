"""Editing: write, change and preview articles through the form, as an author would."""

from selenium.webdriver.common.keys import Keys

from helpers import (click_and_load, create_article, create_category, fill, find, find_all, navigate_by, open_new_article_form,
                     path_of, response_status, text_of, wait)


def missing_page_title(marker):
    return f"Some missing page xyz {marker}"


def sample_body(marker):
    return "\n".join([
        f"Opening paragraph {marker}.",
        "",
        f"## Heading {marker}",
        "",
        "- first item",
        "- second item",
        "",
        f"See [[{missing_page_title(marker)}]] for more.",
    ])


def rendered(driver, css):
    return find(driver, f"article#article .markdown-body {css}")


def test_new_article_renders_markdown_and_missing_wikilink(driver, server, category, marker):
    title = f"Browser article {marker}"
    open_new_article_form(driver, server, category)
    category_select = find(driver, "select#category")
    chosen = category_select.get_attribute("value")
    assert path_of(driver).startswith(f"/new?category={chosen}"), "the form did not preselect the category"

    fill(find(driver, "#title"), title)
    fill(find(driver, "#body"), sample_body(marker))
    click_and_load(driver, find(driver, "#save"))

    assert path_of(driver).startswith("/a/") and path_of(driver).endswith("?notice=saved")
    assert text_of(driver, "h1.article-title") == title
    assert rendered(driver, "h2").text.strip() == f"Heading {marker}"
    assert [item.text.strip() for item in find_all(driver, "article#article .markdown-body ul li")] == [
        "first item", "second item"]
    missing = rendered(driver, "a.wikilink.missing")
    assert missing.text.strip() == missing_page_title(marker)
    assert missing.get_attribute("href").startswith(server + "/new?")


def test_edit_and_save_with_ctrl_s(driver, server, category, marker):
    article = create_article(driver, server, category, f"Browser edit {marker}", sample_body(marker))
    click_and_load(driver, find(driver, "a#edit-article"))
    assert path_of(driver) == f"{article}/edit"

    body = find(driver, "#body")
    fill(body, f"Changed text {marker}.\n\n## Changed heading {marker}")
    navigate_by(driver, lambda: body.send_keys(Keys.CONTROL, "s"))

    assert path_of(driver) == f"{article}?notice=saved"
    assert text_of(driver, "p.notice") == "Saved."
    assert rendered(driver, "h2").text.strip() == f"Changed heading {marker}"
    assert f"Changed text {marker}." in text_of(driver, "article#article .markdown-body")
    assert f"Heading {marker}" not in text_of(driver, "article#article .markdown-body")


def test_live_preview_updates_while_typing(driver, server, category):
    open_new_article_form(driver, server, category)
    find(driver, "#body").send_keys("Some text with **bold preview marker** inside.")
    wait(driver).until(
        lambda d: [e.text for e in find_all(d, "#preview strong")] == ["bold preview marker"],
        "the live preview never showed the bold text")


def test_empty_title_is_rejected_and_body_kept(driver, server, category, marker):
    body_text = f"Body that must survive {marker}\n\nSecond paragraph."
    form = open_new_article_form(driver, server, category)
    # The title input is `required`; switch browser validation off so the server's own check is exercised.
    driver.execute_script("arguments[0].noValidate = true", form)
    fill(find(driver, "#title"), "")
    fill(find(driver, "#body"), body_text)
    click_and_load(driver, find(driver, "#save"))

    assert response_status(driver) == 422
    find(driver, "div.form-errors[role=alert]")
    assert text_of(driver, "p.field-error#title-error"), "the title error is empty"
    assert find(driver, "#title").get_attribute("aria-invalid") == "true"
    assert find(driver, "textarea#body").get_property("value").strip() == body_text


def test_missing_wikilink_opens_prefilled_new_article_form(driver, server, category, marker):
    create_article(driver, server, category, f"Browser links {marker}", sample_body(marker))
    click_and_load(driver, rendered(driver, "a.wikilink.missing"))

    assert path_of(driver).startswith("/new?")
    find(driver, "form#article-form")
    assert find(driver, "input#title").get_property("value") == missing_page_title(marker)


def test_moving_a_page_to_the_trash_asks_first_and_can_be_undone(server, driver, marker):
    category = create_category(driver, server, f"Undo {marker}")
    page = create_article(driver, server, category, f"Undo page {marker}", "Text.")
    find(driver, "#delete-article").click()
    driver.switch_to.alert.dismiss()
    assert path_of(driver).split("?")[0] == page and find(driver, "#delete-article"), "dismissing the question keeps the page"
    find(driver, "#delete-article").click()
    driver.switch_to.alert.accept()
    wait(driver).until(lambda d: path_of(d).split("?")[0] == category, "the page did not go to the trash")
    assert find(driver, "#undo"), "the notice offers to undo"
    click_and_load(driver, find(driver, "#undo"))
    assert path_of(driver).split("?")[0] == page and f"Undo page {marker}" in text_of(driver, "main h1")

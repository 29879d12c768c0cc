"""The editor a non-programmer can use: the toolbar and its table helper, `[[` autocomplete,
lists that continue, an image pasted into a page before its first save, unsaved text that
survives a reload, and a Word document brought in as a new page."""

import re
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from conftest import REPO_ROOT
from helpers import click_and_load, create_article, find, find_all, open_new_article_form, open_page, path_of, wait
from test_files import loaded_width, png_bytes, wait_for_uploads

WORD_FIXTURE = Path(REPO_ROOT) / "Tests" / "Fixtures" / "Word" / "propusknoy-rezhim.docx"


def body_value(driver):
    return find(driver, "textarea#body").get_property("value")


def select_in_body(driver, text):
    """Select the first occurrence of `text` in the editor, as a mouse would."""
    driver.execute_script("""
        var area = arguments[0], at = area.value.indexOf(arguments[1]);
        area.focus();
        area.setSelectionRange(at, at + arguments[1].length);
    """, find(driver, "textarea#body"), text)


def cursor_after(driver, text):
    driver.execute_script("""
        var area = arguments[0], at = area.value.indexOf(arguments[1]) + arguments[1].length;
        area.focus();
        area.setSelectionRange(at, at);
    """, find(driver, "textarea#body"), text)


def tool(driver, action):
    find(driver, f"#editor-toolbar button[data-action='{action}']").click()


def test_a_page_written_from_a_template_with_the_toolbar_only(driver, server, category, marker):
    open_new_article_form(driver, server, category)
    click_and_load(driver, find(driver, "#templates a"))  # the meeting note suits every category
    template = body_value(driver)
    assert template.strip(), "the template's text is in the editor"
    title = find(driver, "#title")
    title.clear()
    title.send_keys(f"Toolbar page {marker}")
    body = find(driver, "textarea#body")
    driver.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", body)
    body.click()
    body.send_keys("Steps")
    select_in_body(driver, "Steps")
    tool(driver, "heading")
    cursor_after(driver, "Steps")
    body.send_keys(Keys.ENTER, Keys.ENTER, "Bring your passport")
    select_in_body(driver, "passport")
    tool(driver, "bold")
    cursor_after(driver, "passport**")
    body.send_keys(Keys.ENTER, Keys.ENTER)
    tool(driver, "checklist")
    body.send_keys("Get a badge", Keys.ENTER, "Meet the team")
    assert "- [ ] Get a badge\n- [ ] Meet the team" in body_value(driver), "Enter continues a checklist"
    body.send_keys(Keys.ENTER, Keys.ENTER)

    tool(driver, "table")
    rows = find(driver, "#table-panel input[name=table-rows]")
    rows.clear()
    rows.send_keys("2")
    columns = find(driver, "#table-panel input[name=table-columns]")
    columns.clear()
    columns.send_keys("2")
    find(driver, "#table-panel button[data-table=insert]").click()
    body.send_keys("Day")  # typed over the first header cell, which the table helper selected
    tool(driver, "table")
    assert find(driver, "#table-panel button[data-table=row]").is_enabled(), "the cursor is in the table"
    find(driver, "#table-panel button[data-table=row]").click()
    tool(driver, "table")
    find(driver, "#table-panel button[data-table=column]").click()

    cursor_after(driver, "Meet the team")
    body.send_keys(Keys.CONTROL, Keys.END)
    tool(driver, "callout")
    find(driver, "#callout-panel button[data-callout=WARNING]").click()
    body.send_keys(f"Badges are not lent {marker}")

    text = body_value(driver)
    assert text.startswith("## Steps\n\nBring your **passport**"), text
    assert [line.count("|") for line in text.split("\n") if line.startswith("|")] == [4] * 5, text
    assert f"> [!WARNING]\n> Badges are not lent {marker}" in text, text

    click_and_load(driver, find(driver, "#save"))
    assert path_of(driver).endswith("?notice=saved")
    page = "article#article .markdown-body"
    assert find(driver, f"{page} h2").text.strip() == "Steps"
    assert find(driver, f"{page} strong").text.strip() == "passport"
    assert len(find_all(driver, f"{page} input[type=checkbox][data-item]")) == 2
    # The column went in to the right of the cursor's, which was in the first column of the new row.
    assert [cell.text.strip() for cell in find_all(driver, f"{page} table thead th")] == ["Day", "", "Column 2"]
    assert len(find_all(driver, f"{page} table tbody tr")) == 3
    assert f"Badges are not lent {marker}" in find(driver, f"{page} .callout-warning").text


def test_the_preview_follows_the_text_as_it_scrolls(driver, server, category):
    open_new_article_form(driver, server, category)
    body = find(driver, "textarea#body")
    text = "\n\n".join(f"## Section {n}\n\nParagraph {n} of a long page." for n in range(1, 61))
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                          body, text)
    wait(driver).until(lambda d: len(find_all(d, "#preview h2")) == 60, "the preview never showed the long page")
    assert driver.execute_script("return document.getElementById('preview').scrollTop") == 0
    driver.execute_script("arguments[0].scrollTop = arguments[0].scrollHeight", body)
    wait(driver).until(lambda d: d.execute_script(
        "var p = document.getElementById('preview'); return p.scrollTop > 0 && p.scrollTop + p.clientHeight >= p.scrollHeight - 2"),
        "the preview did not follow the text to its end")


def test_double_bracket_suggests_pages_and_clients(driver, server, category):
    open_new_article_form(driver, server, category)
    body = find(driver, "textarea#body")
    body.click()
    body.send_keys("See [[История комп")
    option = find(driver, "#link-suggestions li[role=option]")
    assert "История компании" in [item.text.split("\n")[0] for item in find_all(driver, "#link-suggestions li[role=option]")]
    while not find(driver, "#link-suggestions li[aria-selected=true]").text.startswith("История компании"):
        body.send_keys(Keys.ARROW_DOWN)
    body.send_keys(Keys.ENTER)
    assert body_value(driver) == "See [[История компании]]", body_value(driver)
    wait(driver).until(lambda d: find_all(d, "#preview a.wikilink[href='/a/istoriya-kompanii']"), "the preview never showed the link")
    assert option  # the list closed after the choice
    assert find(driver, "#link-suggestions").get_property("hidden")

    body.send_keys(" and [[client:Камск")
    wait(driver).until(lambda d: find_all(d, "#link-suggestions li[role=option]"), "no client was suggested")
    body.send_keys(Keys.TAB)
    assert body_value(driver).startswith("See [[История компании]] and [[client:"), body_value(driver)
    assert body_value(driver).endswith("|Камская Логистика]]"), body_value(driver)
    wait(driver).until(lambda d: find_all(d, "#preview a[href^='/clients/']"), "the preview never showed the client link")


def test_an_image_pasted_before_the_first_save_is_kept(driver, server, category, marker):
    open_new_article_form(driver, server, category)
    find(driver, "#title").send_keys(f"Pasted picture {marker}")
    body = find(driver, "textarea#body")
    body.click()
    body.send_keys("Where we sit:", Keys.ENTER)
    driver.execute_script("""
        var file = new File([new Uint8Array(arguments[1])], "image.png", {type: "image/png"});
        var transfer = new DataTransfer();
        transfer.items.add(file);
        arguments[0].dispatchEvent(new ClipboardEvent("paste", {bubbles: true, cancelable: true, clipboardData: transfer}));
    """, body, list(png_bytes()))
    wait_for_uploads(driver, 1)
    assert "](file:pasted-" in body_value(driver)
    wait(driver).until(lambda d: find_all(d, "#preview img"), "the preview never showed the pasted image")
    assert loaded_width(driver, find(driver, "#preview img")) == 6

    click_and_load(driver, find(driver, "#save"))
    image = find(driver, "article#article .markdown-body img")
    assert loaded_width(driver, image) == 6, "the image was attached when the page was saved"
    assert [link.text.strip() for link in find_all(driver, "ul#attachment-list > li > a")][0].startswith("pasted-")


def test_unsaved_text_survives_a_reload(driver, server, category, marker):
    article = create_article(driver, server, category, f"Draft keeper {marker}", "Saved text.")
    open_page(driver, server, f"{article}/edit")
    body = find(driver, "textarea#body")
    body.send_keys(Keys.CONTROL, Keys.END)
    body.send_keys(f" Unsaved words {marker}.")
    wait(driver).until(lambda d: marker in (d.execute_script(
        "return localStorage.getItem('lore-draft:' + arguments[0])", f"{article}/edit") or ""))
    driver.refresh()  # the leave warning is accepted by the test browser
    notice = find(driver, "#draft-restored")
    wait(driver).until(lambda d: notice.is_displayed(), "the restored text was not announced")
    assert body_value(driver) == f"Saved text. Unsaved words {marker}."
    find(driver, "#draft-discard").click()
    assert body_value(driver) == "Saved text."
    assert not notice.is_displayed()

    body = find(driver, "textarea#body")
    body.send_keys(Keys.CONTROL, Keys.END)
    body.send_keys(" Second try.")
    click_and_load(driver, find(driver, "#save"))
    open_page(driver, server, f"{article}/edit")
    assert not find(driver, "#draft-restored").is_displayed(), "a saved text is not offered again"
    assert body_value(driver) == "Saved text. Second try."


def test_a_word_regulation_becomes_a_page(driver, server, category):
    open_new_article_form(driver, server, category)
    find(driver, "#word-import summary").click()
    find(driver, "#word-file").send_keys(str(WORD_FIXTURE))
    click_and_load(driver, find(driver, "#word-import-button"))
    assert find(driver, "#title").get_property("value") == "Положение о пропускном режиме"
    assert "| Главный вход | круглосуточно | 101 |" in re.sub(" +", " ", body_value(driver))
    assert "propusknoy-rezhim.docx" in find(driver, "#word-imported").text
    assert not find(driver, "#draft-restored").is_displayed()
    click_and_load(driver, find(driver, "#save"))
    page = "article#article .markdown-body"
    assert [cell.text for cell in find_all(driver, f"{page} table tbody tr:first-child td")] == ["Главный вход", "круглосуточно", "101"]
    image = find(driver, f"{page} img")
    assert image.get_attribute("width") == "240" and loaded_width(driver, image) == 40

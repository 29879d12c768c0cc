"""Checklists that people tick: a reader ticks the sample's first-day checklist for themselves,
the count follows, the tick survives a reload, and the page's managers see everyone's progress.
And a new page started from one of the sample's templates (an onboarding plan is a checklist),
and a page printed without the site around it."""

from helpers import find, find_all, open_new_article_form, open_page, wait

CHECKLIST = "/a/pervyy-rabochiy-den"


def count_text(driver):
    return find(driver, "#checklist-count").text.strip()


def test_a_reader_ticks_their_own_checklist_and_managers_see_it(server, as_user):
    ivan = as_user("ivan")
    open_page(ivan, server, CHECKLIST)
    boxes = find_all(ivan, ".markdown-body input[data-item]")
    assert len(boxes) >= 10, "the sample's first-day checklist is a real checklist"
    wait(ivan).until(lambda d: not boxes[0].get_property("disabled"))
    before = count_text(ivan)
    done_before = int(before.split()[0])
    first = boxes[0]
    was_checked = first.is_selected()
    first.click()
    expected = done_before + (-1 if was_checked else 1)
    wait(ivan).until(lambda d: count_text(d).startswith(f"{expected} of {len(boxes)} done"))

    open_page(ivan, server, CHECKLIST)
    wait(ivan).until(lambda d: count_text(d).startswith(f"{expected} of {len(boxes)} done"))
    assert find_all(ivan, ".markdown-body input[data-item]")[0].is_selected() != was_checked
    assert not find_all(ivan, "#checklist-everyone"), "an employee sees only their own progress"

    # HR manages its pages: Marina sees every new hire's progress.
    marina = as_user("marina")
    open_page(marina, server, CHECKLIST)
    find(marina, "#checklist-everyone").click()
    wait(marina).until(lambda d: d.find_elements("css selector", "#checklist-people"))
    rows = [row.text for row in find_all(marina, "#checklist-people tbody tr")]
    assert any("Иван Петров" in row and f"{expected} of {len(boxes)} done" in row for row in rows), rows


def test_a_page_starts_from_a_template_and_says_what_to_fill_in(driver, server):
    open_new_article_form(driver, server, "/c/personal/adaptatsiya")
    titles = [link.text for link in find_all(driver, "#templates a")]
    assert "План адаптации: {{сотрудник}}" in titles, titles
    assert "Скрипт: {{ситуация}}" not in titles, "a sales template is not offered in HR"
    [plan] = [link for link in find_all(driver, "#templates a") if link.text.startswith("План адаптации")]
    plan.click()
    wait(driver).until(lambda d: "План первых трёх месяцев" in d.find_element("css selector", "#body").get_property("value"))
    assert find(driver, "#title").get_property("value") == "План адаптации: {{сотрудник}}"
    note = find(driver, "#template-placeholders").text
    assert "{{сотрудник}}" in note and "{{дата}}" not in note, note
    body = find(driver, "#body").get_property("value")
    assert "{{дата}}" not in body and "{{автор}}" not in body, "Lore fills in the date and the author"


def test_the_print_view_has_no_site_chrome_and_names_the_revision(driver, server):
    open_page(driver, server, "/a/rezhim-rabochego-vremeni")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not find(driver, ".site-header").is_displayed()
        assert not find_all(driver, ".sidebar") or not find(driver, ".sidebar").is_displayed()
        footer = find(driver, ".print-footer")
        assert footer.is_displayed() and "Режим рабочего времени" in footer.text and "revision" in footer.text, footer.text
        assert find(driver, ".markdown-body table").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not find(driver, ".print-footer").is_displayed(), "on screen the footer is not shown"

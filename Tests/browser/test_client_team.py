"""The registry for a team: the client list's search box answers as you type, and the Tasks
page moves a next step to tomorrow."""

from helpers import click_and_load, find, find_all, open_page, wait


def test_the_search_box_narrows_the_list_as_you_type(server, as_user):
    sergey = as_user("sergey")
    open_page(sergey, server, "/clients")
    before = len(find_all(sergey, "#clients tbody tr"))
    find(sergey, "#f-q").send_keys("волга")
    wait(sergey).until(lambda d: len(find_all(d, "#clients tbody tr")) == 1, "the list did not narrow as the name was typed")
    assert "Волга Ритейл Групп" in find(sergey, "#clients").text and before > 1
    assert "q=" in sergey.current_url, "the address keeps the search, so it can be shared and reloaded"


def test_a_next_step_is_moved_to_tomorrow_from_the_tasks_page(server, as_user):
    sergey = as_user("sergey")
    open_page(sergey, server, "/tasks?view=mine")
    [first, *_] = find_all(sergey, ".task")
    task_id = first.get_attribute("id")
    click_and_load(sergey, first.find_element("css selector", "form[action$='/tomorrow'] button"))
    assert "Moved to tomorrow" in find(sergey, ".notice").text or "Перенесено на завтра" in find(sergey, ".notice").text
    open_page(sergey, server, "/tasks?view=overdue")
    assert not find_all(sergey, f"#{task_id}")


def test_linking_an_article_to_a_card_suggests_pages_by_title(server, as_user):
    sergey = as_user("sergey")
    open_page(sergey, server, "/clients/polka-market")
    field = find(sergey, "#article")
    field.send_keys("Цены и ск")
    wait(sergey).until(lambda d: any("Цены и скидки" in item.text
                                     for item in find_all(d, "#link-article [role=option]")), "no pages suggested")
    from selenium.webdriver.common.keys import Keys
    field.send_keys(Keys.ENTER)
    assert field.get_attribute("value") == "tseny-i-skidki"


def test_two_cards_of_one_client_are_merged_and_the_merge_undone(server, driver, marker):
    from helpers import fill
    from selenium.webdriver.support.ui import Select

    def new_card(name, phone, confirm=False):
        open_page(driver, server, "/clients/new")
        fill(find(driver, "#name"), name)
        fill(find(driver, "#phones"), phone)
        click_and_load(driver, find(driver, "#save"))
        if confirm:
            assert find(driver, "#client-duplicates"), "the look-alike card is pointed out"
            find(driver, "#duplicate-ok").click()
            click_and_load(driver, find(driver, "#save"))
        return driver.current_url.split("?")[0]

    first = new_card(f"Merge Test {marker}", "+7 900 111 22 33")
    new_card(f"Merge Test {marker} LLC", "8 900 111 22 33", confirm=True)
    driver.get(first)
    click_and_load(driver, find(driver, "#merge-client"))
    Select(find(driver, "#with")).select_by_visible_text(f"Merge Test {marker} LLC")
    click_and_load(driver, find(driver, "#merge-choose button[type=submit]"))
    click_and_load(driver, find(driver, "#merge"))
    assert "merged" in find(driver, ".notice").text.lower() or "объединены" in find(driver, ".notice").text
    open_page(driver, server, "/clients/trash")
    assert f"Merge Test {marker} LLC" in find(driver, "main").text


def test_an_administrator_adds_a_field_that_shows_on_forms_cards_and_filters(server, driver, marker):
    from helpers import fill
    from selenium.webdriver.support.ui import Select

    key = f"level_{marker}".lower()
    open_page(driver, server, "/admin/client-fields")
    Select(find(driver, "#kind")).select_by_value("choice")
    fill(find(driver, "#labelRu"), f"Уровень {marker}")
    fill(find(driver, "#labelEn"), f"Level {marker}")
    fill(find(driver, "#key"), key)
    fill(find(driver, "#choices"), "Gold\nSilver")
    click_and_load(driver, find(driver, "#add-field"))
    assert key in find(driver, "#client-fields").text

    open_page(driver, server, "/clients/new")
    fill(find(driver, "#name"), f"Field Test {marker}")
    Select(find(driver, f"[name='custom.{key}']")).select_by_visible_text("Gold")
    click_and_load(driver, find(driver, "#save"))
    assert "Gold" in find(driver, ".details").text, "the card shows the added field's value"

    open_page(driver, server, "/clients")
    Select(find(driver, f"[name='f.{key}']")).select_by_visible_text("Gold")
    click_and_load(driver, find(driver, "#client-filter button[type=submit]"))
    assert [row.text.split("\n")[0] for row in find_all(driver, "#clients tbody tr")][0].startswith(f"Field Test {marker}")
    assert len(find_all(driver, "#clients tbody tr")) == 1


def test_purchases_are_imported_from_a_spreadsheet_once(server, as_user, tmp_path, marker):
    sergey = as_user("sergey")
    note = f"Счёт {marker}"
    sheet = tmp_path / "orders.csv"
    sheet.write_text(f"Контрагент;Дата;Сумма;Комментарий\nВолга Ритейл Групп;01.11.2026;45 000,00;{note}\n", encoding="utf-8")
    open_page(sergey, server, "/clients/purchases/import")
    find(sergey, "#file").send_keys(str(sheet))
    click_and_load(sergey, find(sergey, "#purchases-upload button[type=submit]"))
    assert "1" in find(sergey, "#purchases-summary").text
    click_and_load(sergey, find(sergey, "#import-purchases"))
    assert "1" in find(sergey, ".notice").text
    open_page(sergey, server, "/clients/volga-retail-group")
    assert note in find(sergey, "#purchase-list").text
    # The same file again: nothing new, so nothing to import.
    open_page(sergey, server, "/clients/purchases/import")
    find(sergey, "#file").send_keys(str(sheet))
    click_and_load(sergey, find(sergey, "#purchases-upload button[type=submit]"))
    assert not find_all(sergey, "#import-purchases")

"""An administrator gives a new role access to an HR-only category and invites someone with it."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO_PASSWORD, new_browser, new_driver
from helpers import click_and_load, fill, find, open_page, path_of, sign_in, text_of


def test_admin_grants_a_new_role_and_its_member_edits(driver, server, marker):
    role = f"Payroll {marker}"
    # A new role.
    open_page(driver, server, "/admin/roles")
    fill(find(driver, "#role-form #name"), role)
    click_and_load(driver, find(driver, "#role-form button[type=submit]"))
    # It opens on its own page, where its capabilities are chosen; here it needs none.
    assert find(driver, "#role-form #name").get_attribute("value") == role
    assert find(driver, "#capabilities")
    open_page(driver, server, "/admin/roles")
    assert role in text_of(driver, "#role-list")

    # Edit on the HR-only category, for that role.
    open_page(driver, server, "/admin/access")
    click_and_load(driver, driver.find_element(
        By.XPATH, "//table[@id='access-grid']//a[normalize-space(.)='Отдел персонала (внутреннее)']"))
    label = driver.find_element(By.XPATH, f"//label[starts-with(normalize-space(.), '{role}')]")
    Select(find(driver, "#" + label.get_attribute("for"))).select_by_value("edit")
    click_and_load(driver, find(driver, "#save"))
    assert "Payroll" in text_of(driver, "#access-grid")

    # A colleague invited with that role.
    open_page(driver, server, "/admin/users/new")
    fill(find(driver, "#username"), f"pay{marker}")
    fill(find(driver, "#displayName"), f"Pay Roll {marker}")
    driver.find_element(By.XPATH, f"//label[contains(., '{role}')]/input").click()
    click_and_load(driver, find(driver, "#save"))
    link = text_of(driver, "#password-link code")
    # Shown whole, ready to send: the server's address, then the one-time path.
    assert link.startswith(server + "/set-password/"), link
    link = link[len(server):]

    colleague = new_browser()
    try:
        open_page(colleague, server, link)
        fill(find(colleague, "#password"), "a long payroll secret")
        click_and_load(colleague, find(colleague, "#set-password-form button[type=submit]"))
        assert path_of(colleague).startswith("/login")
        sign_in(colleague, server, f"pay{marker}", "a long payroll secret")
        open_page(colleague, server, "/a/peresmotr-zarplat")
        click_and_load(colleague, find(colleague, "a#edit-article"))
        body = find(colleague, "#body")
        fill(body, f"Reviewed by payroll {marker}.")
        click_and_load(colleague, find(colleague, "#save"))
        assert f"Reviewed by payroll {marker}." in text_of(colleague, "article#article .markdown-body")
    finally:
        colleague.quit()


def test_admin_backs_up_from_the_page_and_others_never_see_it(driver, server):
    open_page(driver, server, "/admin/backups")
    before = len(driver.find_elements(By.CSS_SELECTOR, "#backups tbody tr"))
    click_and_load(driver, find(driver, "#backup-now"))
    assert "made and verified" in text_of(driver, "body")
    rows = driver.find_elements(By.CSS_SELECTOR, "#backups tbody tr")
    assert len(rows) == before + 1
    assert rows[0].text.startswith("lore-backup-") and ("MiB" in rows[0].text or "KiB" in rows[0].text)
    ivan = new_driver(server, "ivan", DEMO_PASSWORD)
    try:
        assert "Backups" not in text_of(ivan, "header")
        open_page(ivan, server, "/admin/backups")
        assert "Backup" not in text_of(ivan, "main")
    finally:
        ivan.quit()

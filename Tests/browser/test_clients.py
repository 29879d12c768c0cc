"""Client registry: creating a card with a contact and a logged call, the home page's reminders,
validation, links between articles and cards both ways, rights, and the phone layout.

Tests that create cards give them unique names, so they stay independent of each other."""

import datetime

from selenium.webdriver.support.ui import Select

from conftest import set_phone_width
from helpers import (click_and_load, fill, find, find_all, open_page, page_and_viewport_width, path_of,
                     response_status, text_of)

VALID_INN = "7707083893"
SAMPLE_CLIENT = "severny-distribution"
SAMPLE_CLIENT_PATH = f"/clients/{SAMPLE_CLIENT}"
CLIENT_ARTICLE = "/a/rabota-s-bazoy-klientov"
EMPLOYEE_ARTICLE = "/a/wms-overview"  # Product: readable by every employee, mentions sample clients


def set_date(driver, css, day):
    """Put `day` into a date input (typing into date pickers depends on the browser's locale)."""
    driver.execute_script("arguments[0].value = arguments[1]", find(driver, css), day.isoformat())


def create_client(driver, server, name, inn=VALID_INN):
    """Create a client through the list's New client button; leaves the browser on the card."""
    open_page(driver, server, "/clients")
    click_and_load(driver, find(driver, "a#new-client"))
    assert path_of(driver) == "/clients/new"
    fill(find(driver, "#client-form #name"), name)
    fill(find(driver, "#client-form #inn"), inn)
    click_and_load(driver, find(driver, "#client-form #save"))
    assert path_of(driver).startswith("/clients/") and "/new" not in path_of(driver), \
        f"saving the client did not reach its card: {path_of(driver)}"
    assert text_of(driver, "h1#client-name") == name
    return path_of(driver).split("?")[0]


def reminder_steps_text(driver):
    items = find_all(driver, "#reminder-steps")
    return items[0].text if items else ""


def test_create_client_with_contact_log_call_and_see_reminder(server, as_user, marker):
    sergey = as_user("sergey")
    name = f"Тест Клиент {marker}"
    contact = f"Анна Смирнова {marker}"
    summary = f"Обсудили пилот {marker}"
    next_step = f"Отправить КП {marker}"
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)

    card = create_client(sergey, server, name)
    assert text_of(sergey, "p.notice"), "no notice after saving the client"

    click_and_load(sergey, find(sergey, "a#add-contact"))
    assert path_of(sergey) == f"{card}/contacts/new"
    fill(find(sergey, "#contact-form #name"), contact)
    fill(find(sergey, "#contact-form #position"), "Коммерческий директор")
    fill(find(sergey, "#contact-form #phones"), "+7 912 345-67-89")
    fill(find(sergey, "#contact-form #email"), f"anna.{marker}@example.com")
    click_and_load(sergey, find(sergey, "#contact-form #save"))
    assert path_of(sergey).split("?")[0].split("#")[0] == card, f"saving the contact went to {path_of(sergey)}"
    assert contact in text_of(sergey, "#contacts")
    assert "Коммерческий директор" in text_of(sergey, "#contacts")

    details = find(sergey, "#timeline details.quick-log")
    if details.get_attribute("open") is None:
        find(sergey, "summary#log-interaction").click()
    form = find(sergey, "form#interaction-form")
    assert form.is_displayed(), "the Log a contact form did not open"
    Select(find(sergey, "#interaction-form #kind")).select_by_value("call")
    set_date(sergey, "#interaction-form #date", datetime.date.today())
    Select(find(sergey, "#interaction-form #contact")).select_by_visible_text(contact)
    fill(find(sergey, "#interaction-form #summary"), summary)
    fill(find(sergey, "#interaction-form #outcome"), "Ждут предложение")
    fill(find(sergey, "#interaction-form #nextStep"), next_step)
    set_date(sergey, "#interaction-form #nextStepDue", tomorrow)
    click_and_load(sergey, find(sergey, "#save-interaction"))

    assert path_of(sergey).split("?")[0] == card, f"logging the call went to {path_of(sergey)}"
    entries = [item for item in find_all(sergey, "ol#interactions > li") if summary in item.text]
    assert len(entries) == 1, f"the call is not in the timeline: {text_of(sergey, '#timeline')}"
    entry = entries[0]
    assert "interaction-call" in entry.get_attribute("class")
    assert contact in entry.text
    assert next_step in entry.find_element("css selector", "p.next-step").text

    open_page(sergey, server, "/")
    steps = [item for item in find_all(sergey, "#reminders #reminder-steps > li") if next_step in item.text]
    assert len(steps) == 1, f"the next step is not among the reminders: {reminder_steps_text(sergey)!r}"
    step = steps[0]
    link = step.find_element("css selector", "a")
    assert link.text.strip() == name
    assert link.get_attribute("href").endswith(card)
    click_and_load(sergey, step.find_element("css selector", "button[type=submit]"))

    assert path_of(sergey).split("?")[0] == "/"
    assert text_of(sergey, "p.notice"), "no notice after ticking the step off"
    assert next_step not in reminder_steps_text(sergey), "the step done is still among the reminders"
    assert name not in reminder_steps_text(sergey)

    open_page(sergey, server, card)
    done = [item for item in find_all(sergey, "ol#interactions p.next-step") if next_step in item.text]
    assert done and "done" in done[0].get_attribute("class").split(), "the card does not show the step as done"


def test_validation_keeps_input(server, as_user, marker):
    sergey = as_user("sergey")
    name = f"Тест Клиент {marker}"
    open_page(sergey, server, "/clients/new")
    fill(find(sergey, "#client-form #name"), name)
    fill(find(sergey, "#client-form #inn"), "1234567890")
    fill(find(sergey, "#client-form #emails"), "not-an-email")
    click_and_load(sergey, find(sergey, "#client-form #save"))

    assert response_status(sergey) == 422
    assert path_of(sergey) == "/clients/new"
    assert text_of(sergey, "#inn-error.field-error"), "no error next to the INN"
    assert text_of(sergey, "#emails-error.field-error"), "no error next to the e-mails"
    inn_field = find(sergey, "#inn").find_element("xpath", "..")
    assert "invalid" in inn_field.get_attribute("class").split()
    assert find(sergey, "#inn").get_attribute("aria-invalid") == "true"
    assert find(sergey, "#emails").get_attribute("aria-invalid") == "true"
    assert find(sergey, "#name").get_property("value") == name, "the typed name was lost"
    assert find(sergey, "#inn").get_property("value") == "1234567890"
    assert find(sergey, "#emails").get_property("value") == "not-an-email"
    assert not find_all(sergey, "#name-error"), "the name was valid"

    open_page(sergey, server, "/clients")
    find(sergey, "table#clients")
    assert name not in text_of(sergey, "table#clients"), "a client was created despite the errors"


def test_links_both_ways(server, as_user):
    sergey = as_user("sergey")
    open_page(sergey, server, CLIENT_ARTICLE)
    title = text_of(sergey, "main h1")
    mentioned = find(sergey, f"#article-clients a[href='{SAMPLE_CLIENT_PATH}']")

    client_name = mentioned.text.strip()

    link = find(sergey, f"article a.client-link[href='{SAMPLE_CLIENT_PATH}']")
    assert "missing" not in link.get_attribute("class").split()
    click_and_load(sergey, link)
    assert path_of(sergey) == SAMPLE_CLIENT_PATH
    assert text_of(sergey, "h1#client-name") == client_name

    back = find(sergey, f"#knowledge a[href='{CLIENT_ARTICLE}']")
    assert back.text.strip() == title
    group = back.find_element("xpath", "ancestor::ul[1]/preceding-sibling::h3[1]")
    assert "knowledge-category" in group.get_attribute("class").split()
    assert group.text.strip() == "Продажи", f"the article is grouped under {group.text!r}"
    click_and_load(sergey, back)
    assert path_of(sergey) == CLIENT_ARTICLE
    assert text_of(sergey, "main h1") == title


def test_employee_sees_no_clients(server, as_user):
    ivan = as_user("ivan")
    open_page(ivan, server, "/clients")
    assert response_status(ivan) == 404
    open_page(ivan, server, SAMPLE_CLIENT_PATH)
    assert response_status(ivan) == 404

    open_page(ivan, server, EMPLOYEE_ARTICLE)
    assert response_status(ivan) == 200
    assert not find_all(ivan, "header a[href='/clients']"), "the header offers Clients to an employee"
    link = find(ivan, f"article a.client-link[href='{SAMPLE_CLIENT_PATH}']")
    assert "missing" in link.get_attribute("class").split(), "the employee's link to a client card is not marked missing"
    assert not find_all(ivan, "a.client-link:not(.missing)")
    assert not find_all(ivan, "#article-clients"), "the employee is shown the clients an article concerns"


def test_client_pages_fit_phone_width(server, as_user):
    sergey = as_user("sergey")
    set_phone_width(sergey)
    for path in ("/clients", SAMPLE_CLIENT_PATH):
        open_page(sergey, server, path)
        assert response_status(sergey) == 200
        page_width, viewport_width = page_and_viewport_width(sergey)
        assert page_width <= viewport_width, f"{path} scrolls sideways at phone width: {page_width} > {viewport_width}"

"""Read and confirm: a newcomer confirms a regulation from the home page, and HR sees the
acknowledgement sheet (the sample asks every employee to confirm the regulations)."""

from helpers import click_and_load, find, find_all, open_page, path_of


def test_a_newcomer_confirms_a_regulation_from_the_home_page(server, as_user):
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    heading = find(ivan, "#home-reading").text
    before = int(heading.split(":")[1].split()[0])
    first = find(ivan, "#reading-list li a")
    title = first.text
    click_and_load(ivan, first)
    assert "required for Employee" in find(ivan, "#confirmation-text").text
    click_and_load(ivan, find(ivan, "#confirm-read"))
    assert path_of(ivan).endswith("?notice=confirmed")
    assert "You confirmed that you read revision" in find(ivan, "#confirmation-text").text
    assert not find_all(ivan, "#confirm-read")
    open_page(ivan, server, "/")
    remaining = [link.text for link in find_all(ivan, "#reading-list li a")]
    assert title not in remaining and len(remaining) == before - 1


def test_hr_sees_the_acknowledgement_sheet(server, as_user):
    marina = as_user("marina")
    open_page(marina, server, "/a/informatsionnaya-bezopasnost")
    click_and_load(marina, find(marina, "#article-reading"))
    rows = [row.text for row in find_all(marina, "#reading-people tbody tr")]
    assert any("Сергей Волков" in row and "overdue" in row for row in rows), rows
    assert any("Марина Соколова" in row and "confirmed" in row for row in rows), rows
    assert find(marina, "#reading-print").is_displayed()
    assert find(marina, "#reading-csv").get_attribute("href").endswith("/a/informatsionnaya-bezopasnost/reading.csv")

"""Access rights as the demo accounts see them: HR's internal notes exist only for HR."""

import pytest

from helpers import find_all, open_page, response_status


def sidebar_titles(driver):
    return [link.text.strip() for link in find_all(driver, "#category-tree a")]


def test_employee_never_sees_the_hr_only_category(server, as_user):
    ivan = as_user("ivan")
    open_page(ivan, server, "/")
    assert "Отдел персонала (внутреннее)" not in sidebar_titles(ivan)
    assert "Адаптация новичков" in sidebar_titles(ivan)
    assert "otdel-personala" not in ivan.page_source and "Отдел персонала (внутреннее)" not in ivan.page_source
    open_page(ivan, server, "/c/personal/otdel-personala")
    assert response_status(ivan) == 404
    assert "Page not found" in ivan.page_source
    open_page(ivan, server, "/a/rezhim-rabochego-vremeni")
    assert not ivan.find_elements("css selector", "#edit-article"), "employees only read regulations"


def test_hr_sees_and_edits_its_category(server, as_user):
    marina = as_user("marina")
    open_page(marina, server, "/")
    assert "Отдел персонала (внутреннее)" in sidebar_titles(marina)
    open_page(marina, server, "/a/peresmotr-zarplat")
    assert response_status(marina) == 200
    assert marina.find_elements("css selector", "#edit-article")

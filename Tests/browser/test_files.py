"""Attachments: dropping an image into the editor, choosing files with the picker, a hidden owner's
file staying hidden, and uploading to a client card.

Articles get fresh titles per test, so the attachment lists stay independent of each other."""

import datetime
import re
import struct
import zlib

from helpers import (click_and_load, create_article, find, find_all, navigate_by, open_page, path_of,
                     response_status, text_of, wait)

HIDDEN_ARTICLE = "/a/peresmotr-zarplat"  # Отдел персонала (внутреннее): ivan, an employee, cannot read it
SAMPLE_CLIENT_PATH = "/clients/severny-distribution"
PNG_SIZE = (6, 4)
FILE_URL = re.compile(r"/files/\d+/office-map\.png$")


def png_bytes(width=PNG_SIZE[0], height=PNG_SIZE[1]):
    """A small valid RGB PNG: a blue-to-red gradient."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"".join(bytes((x * 40 % 256, 80, 200)) for x in range(width)) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def open_editor_of_new_article(driver, server, category, title):
    """Create an article (uploads need a saved one) and open its edit page; returns the article's path."""
    article = create_article(driver, server, category, title, f"Text of {title}.")
    click_and_load(driver, find(driver, "a#edit-article"))
    assert path_of(driver) == f"{article}/edit"
    find(driver, "section#attachments .uploader[data-upload-url] input#upload-files")
    return article


def drop_file_on(driver, element, name, content_type, data):
    """Drop a file on `element` the way a drag from the desktop does: dragover, then drop."""
    driver.execute_script("""
        var target = arguments[0];
        var file = new File([new Uint8Array(arguments[3])], arguments[1], {type: arguments[2]});
        var transfer = new DataTransfer();
        transfer.items.add(file);
        var over = new DragEvent("dragover", {bubbles: true, cancelable: true, dataTransfer: transfer});
        target.dispatchEvent(over);
        window.__loreDragoverAccepted = over.defaultPrevented;
        target.dispatchEvent(new DragEvent("drop", {bubbles: true, cancelable: true, dataTransfer: transfer}));
    """, element, name, content_type, list(data))
    assert driver.execute_script("return window.__loreDragoverAccepted"), "the editor did not accept the dragged file"


def wait_for_uploads(driver, count):
    def finished(d):
        failed = [item.text for item in find_all(d, "ul.upload-progress li.field-error")]
        assert not failed, f"uploads failed: {failed}"
        return len(find_all(d, "ul.upload-progress li.upload-done")) == count

    wait(driver).until(finished, f"{count} upload(s) never finished")


def body_value(driver):
    return find(driver, "textarea#body").get_property("value")


def loaded_width(driver, image):
    """The image's natural width once the browser has finished loading it (0 if it failed)."""
    wait(driver).until(lambda d: d.execute_script("return arguments[0].complete", image), "the image never loaded")
    return driver.execute_script("return arguments[0].naturalWidth", image)


def attachment_names(driver):
    return [link.text.strip() for link in find_all(driver, "ul#attachment-list > li > a")]


def assert_details(driver, name, size, uploader):
    """The list's line for `name` gives its size, who uploaded it and (this year's) date."""
    rows = [row for row in find_all(driver, "ul#attachment-list > li")
            if row.find_element("css selector", "a").text.strip() == name]
    assert len(rows) == 1, f"{name} is listed {len(rows)} times"
    details = [part.strip() for part in rows[0].find_element("css selector", ".meta").text.split("·")]
    assert details[:2] == [size, uploader] and len(details) == 3, details
    assert str(datetime.date.today().year) in details[2], details


def test_drag_an_image_into_the_editor_and_see_it_in_the_article(driver, server, category, marker):
    article = open_editor_of_new_article(driver, server, category, f"Browser files {marker}")
    body = find(driver, "textarea#body")

    drop_file_on(driver, body, "office-map.png", "image/png", png_bytes())
    wait_for_uploads(driver, 1)
    assert "![office-map.png](file:office-map.png)" in body_value(driver)
    assert f"Text of Browser files {marker}." in body_value(driver), "the upload replaced the text"

    wait(driver).until(lambda d: find_all(d, "#preview img"), "the preview never showed the image")
    preview_image = find(driver, "#preview img")
    assert FILE_URL.search(preview_image.get_attribute("src")), preview_image.get_attribute("src")
    assert loaded_width(driver, preview_image) == PNG_SIZE[0], "the preview's image does not load"

    click_and_load(driver, find(driver, "#save"))
    assert path_of(driver) == f"{article}?notice=saved"
    image = find(driver, "article#article .markdown-body img")
    assert FILE_URL.search(image.get_attribute("src")), image.get_attribute("src")
    assert loaded_width(driver, image) == PNG_SIZE[0], "the article's image does not load"
    assert attachment_names(driver) == ["office-map.png"]
    assert_details(driver, "office-map.png", f"{len(png_bytes())} B", "Administrator")


def test_choose_several_files_with_the_picker(driver, server, category, marker, tmp_path):
    open_editor_of_new_article(driver, server, category, f"Browser picker {marker}")
    picture = tmp_path / f"plan-{marker}.png"
    picture.write_bytes(png_bytes())
    notes = tmp_path / f"notes-{marker}.txt"
    notes.write_text(f"Meeting notes {marker}\n")

    find(driver, "input#upload-files").send_keys(f"{picture}\n{notes}")
    wait_for_uploads(driver, 2)

    text = body_value(driver)
    assert f"![{picture.name}](file:{picture.name})" in text
    assert f"[{notes.name}](file:{notes.name})" in text
    assert f"![{notes.name}]" not in text, "a text file was inserted as an image"


def test_file_of_a_hidden_article_is_404_for_others(driver, server, as_user, marker):
    open_page(driver, server, f"{HIDDEN_ARTICLE}/edit")
    upload_url = find(driver, "section#attachments .uploader").get_attribute("data-upload-url")
    secret = f"secret salary table {marker}"
    answer = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        fetch(arguments[0] + "?name=" + encodeURIComponent(arguments[1]), {
            method: "POST",
            headers: {"X-CSRF-Token": document.querySelector("meta[name=csrf-token]").content,
                      "Content-Type": "application/octet-stream"},
            body: arguments[2]
        }).then(function (response) {
            return response.text().then(function (text) { done({status: response.status, text: text}); });
        }).catch(function (error) { done({status: 0, text: String(error)}); });
    """, upload_url, f"salaries-{marker}.txt", secret)
    assert answer["status"] == 201, answer
    file_url = re.search(r'"url"\s*:\s*"([^"]+)"', answer["text"]).group(1)
    assert re.fullmatch(rf"/files/\d+/salaries-{marker}\.txt", file_url), file_url

    # The owner's own reader gets the file (fetched, since a download would not open as a page).
    own = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(function (r) { return r.text().then(function (t) { done([r.status, t]); }); });
    """, file_url)
    assert own == [200, secret]

    ivan = as_user("ivan")
    open_page(ivan, server, file_url)
    assert response_status(ivan) == 404
    assert "Page not found" in text_of(ivan, "main#main")
    assert secret not in ivan.page_source
    assert f"salaries-{marker}" not in text_of(ivan, "main#main")


def test_uploading_to_a_client_card_lists_the_file(server, as_user, marker, tmp_path):
    sergey = as_user("sergey")
    open_page(sergey, server, SAMPLE_CLIENT_PATH)
    contract = tmp_path / f"contract-{marker}.txt"
    contract.write_text(f"Contract draft {marker}\n")

    picker = find(sergey, "section#attachments .uploader input#upload-files")
    navigate_by(sergey, lambda: picker.send_keys(str(contract)))

    assert path_of(sergey).split("?")[0] == SAMPLE_CLIENT_PATH
    assert contract.name in attachment_names(sergey)
    link = [a for a in find_all(sergey, "ul#attachment-list > li > a") if a.text.strip() == contract.name][0]
    assert re.search(rf"/files/\d+/contract-{marker}\.txt$", link.get_attribute("href"))
    assert link.get_attribute("download") is not None, "a text file is not offered as a download"
    assert_details(sergey, contract.name, f"{contract.stat().st_size} B", "Сергей Волков")

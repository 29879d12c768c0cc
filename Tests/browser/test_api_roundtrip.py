"""The API and the browser see one article: made by the API, edited in the browser's editor, read
back by the API, and an API edit based on the version before the browser's save is refused with the
browser's text as the current one."""

import uuid

from api_client import Api, cached_token
from conftest import ADMIN_PASSWORD
from helpers import TEST_CATEGORY_PREFIX, click_and_load, fill, find, open_page, path_of, text_of


def test_article_made_by_api_edited_in_browser(driver, server):
    api = Api(server, cached_token(server, "admin", ADMIN_PASSWORD))
    marker = uuid.uuid4().hex[:10]
    category = api.post("/categories", json={"title": f"{TEST_CATEGORY_PREFIX}API roundtrip {marker}"})
    assert category.status == 201, category.describe()
    original = "\n".join([f"Opening line {marker}.", "", "A middle paragraph.", "", f"Closing line {marker}."])
    created = api.post("/articles", json={"title": f"Roundtrip {marker}", "categoryId": category.json["id"],
                                          "markdown": original})
    assert created.status == 201, created.describe()
    slug = created.json["slug"]
    before = api.get(f"/articles/{slug}")
    assert before.status == 200, before.describe()
    old_etag, old_revision = before.headers["ETag"], before.json["revision"]

    open_page(driver, server, f"/a/{slug}")
    assert text_of(driver, "h1.article-title") == f"Roundtrip {marker}"
    click_and_load(driver, find(driver, "a#edit-article"))
    assert path_of(driver) == f"/a/{slug}/edit"
    assert find(driver, "textarea#body").get_property("value").strip() == original
    browser_text = "\n".join([f"Opening line changed in the browser {marker}.", "", "A middle paragraph.", "",
                              f"Closing line {marker}."])
    fill(find(driver, "#body"), browser_text)
    click_and_load(driver, find(driver, "#save"))
    assert path_of(driver) == f"/a/{slug}?notice=saved"
    assert f"changed in the browser {marker}" in text_of(driver, "article#article .markdown-body")

    after = api.get(f"/articles/{slug}")
    assert after.status == 200, after.describe()
    assert after.json["revision"] == old_revision + 1
    assert after.json["markdown"] == browser_text
    assert after.json["updatedBy"] == before.json["updatedBy"]
    etag = after.headers["ETag"]
    assert etag.startswith(f'"r{old_revision + 1}-'), etag
    again = api.get(f"/articles/{slug}")
    assert again.headers["ETag"] == etag, "the ETag is not stable"
    assert again.json == after.json
    assert api.get(f"/articles/{slug}", headers={"If-None-Match": etag}).status == 304
    assert api.get(f"/articles/{slug}", headers={"If-None-Match": old_etag}).status == 200

    mine = original.replace(f"Opening line {marker}.", f"Opening line changed by the API {marker}.")
    conflict = api.put(f"/articles/{slug}", headers={"If-Match": old_etag},
                       json={"title": f"Roundtrip {marker}", "categoryId": category.json["id"], "markdown": mine})
    assert conflict.status == 412, conflict.describe()
    assert conflict.json["code"] == "edit_conflict"
    assert conflict.json["current"]["markdown"] == browser_text
    assert conflict.json["current"]["revision"] == old_revision + 1
    assert conflict.json["yours"]["markdown"] == mine
    assert api.get(f"/articles/{slug}").json["markdown"] == browser_text

    revisions = api.get(f"/articles/{slug}/revisions")
    assert revisions.status == 200, revisions.describe()
    assert [item["number"] for item in revisions.json["items"]] == [old_revision + 1, old_revision]

    open_page(driver, server, f"/a/{slug}")
    assert f"changed by the API {marker}" not in text_of(driver, "article#article .markdown-body")

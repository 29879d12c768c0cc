"""The JSON API (/api/v1) against its contract: real requests with tokens made on the account page,
every answer checked against the published OpenAPI document (api_contract.py) on top of what each
test asserts itself.

Tests make their own categories, articles and client cards with unique names, so their order does
not matter. Sample content used read-only: the Sales-only category `competitors` (ivan, an employee,
cannot read it) and `regulations` (everyone reads, HR edits).

Each test gets fresh tokens (the rate limit counts per token). LORE_API_COVERAGE=<file> writes which
documented (operation, status) pairs the run never produced."""

import datetime
import http.client
import io
import json
import os
import socket
import urllib.parse
import uuid

import pytest
from jsonschema import Draft202012Validator

from api_client import Api, Response, cached_session, is_json_type, web_session
from api_contract import contract_for
from conftest import ADMIN_PASSWORD, DEMO_PASSWORD
from helpers import TEST_CATEGORY_PREFIX

HIDDEN_FROM_IVAN = "obzor-konkurentov"  # competitors: Sales read, Employee none
HIDDEN_CATEGORY_PATH = "konkurenty"
READABLE_BY_IVAN = "rezhim-rabochego-vremeni"  # regulations: Employee read, HR edit
READABLE_CATEGORY_PATH = "reglamenty"
SAMPLE_CLIENT = "severny-distribution"
VALID_INN = "7707083893"

# The contract's table: every operation the document must describe.
OPERATIONS = [
    ("get", "/openapi.json", "getOpenAPI"),
    ("get", "/me", "getMe"),
    ("get", "/categories", "listCategories"),
    ("post", "/categories", "createCategory"),
    ("get", "/categories/{id}", "getCategory"),
    ("put", "/categories/{id}", "updateCategory"),
    ("delete", "/categories/{id}", "deleteCategory"),
    ("get", "/categories/{id}/grants", "getGrants"),
    ("put", "/categories/{id}/grants", "setGrants"),
    ("get", "/articles", "listArticles"),
    ("post", "/articles", "createArticle"),
    ("get", "/articles/{slug}", "getArticle"),
    ("put", "/articles/{slug}", "updateArticle"),
    ("delete", "/articles/{slug}", "deleteArticle"),
    ("post", "/articles/{slug}/move", "moveArticle"),
    ("post", "/articles/{slug}/restore", "restoreArticle"),
    ("get", "/trash", "listTrash"),
    ("get", "/articles/{slug}/revisions", "listRevisions"),
    ("get", "/articles/{slug}/revisions/{number}", "getRevision"),
    ("get", "/articles/{slug}/diff", "getDiff"),
    ("get", "/articles/{slug}/attachments", "listArticleAttachments"),
    ("post", "/articles/{slug}/attachments", "uploadArticleAttachment"),
    ("get", "/search", "search"),
    ("get", "/clients", "listClients"),
    ("post", "/clients", "createClient"),
    ("get", "/clients/export", "exportClients"),
    ("get", "/clients/{slug}", "getClient"),
    ("put", "/clients/{slug}", "updateClient"),
    ("delete", "/clients/{slug}", "deleteClient"),
    ("post", "/clients/{slug}/contacts", "createContact"),
    ("put", "/clients/{slug}/contacts/{id}", "updateContact"),
    ("delete", "/clients/{slug}/contacts/{id}", "deleteContact"),
    ("post", "/clients/{slug}/interactions", "createInteraction"),
    ("get", "/clients/{slug}/attachments", "listClientAttachments"),
    ("post", "/clients/{slug}/attachments", "uploadClientAttachment"),
    ("get", "/files/{id}", "downloadFile"),
]


# --- fixtures and helpers ---------------------------------------------------------------------

def api_as(server, username, read_only=False):
    """An Api with a fresh token of `username`'s (one per test: the rate limit counts per token)."""
    password = ADMIN_PASSWORD if username == "admin" else DEMO_PASSWORD
    session = cached_session(server, username, password)
    name = f"pytest {username}{' read-only' if read_only else ''} {uuid.uuid4().hex[:8]}"
    return Api(server, session.make_token(name, read_only=read_only))


@pytest.fixture
def admin(server):
    return api_as(server, "admin")


@pytest.fixture
def ivan(server):
    return api_as(server, "ivan")


@pytest.fixture
def sergey(server):
    return api_as(server, "sergey")


@pytest.fixture
def marina(server):
    return api_as(server, "marina")


@pytest.fixture
def anonymous(server):
    return Api(server)


@pytest.fixture(scope="module", autouse=True)
def coverage_report(server):
    """With LORE_API_COVERAGE=<file>, writes which documented (operation, status) pairs the run never saw."""
    yield
    target = os.environ.get("LORE_API_COVERAGE")
    if not target:
        return
    contract = contract_for(server)
    lines = []
    for template, item in contract.document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "patch"):
                continue
            for status in operation.get("responses", {}):
                seen = status.isdigit() and (method.upper(), template, int(status)) in contract.seen
                lines.append(f"{'seen    ' if seen else 'NOT SEEN'} {method.upper()} {template} {status}")
    with open(target, "w") as report:
        report.write("\n".join(lines) + "\n")


def unique(prefix="API"):
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def expect(answer, status, code=None):
    """Assert the status (and the problem's code); returns the parsed body."""
    assert answer.status == status, f"expected {status}{' ' + code if code else ''}, got {answer.describe()}"
    if code is not None:
        assert answer.json["code"] == code, answer.describe()
    return answer.json


def field_errors(answer):
    return {(error["field"], error["code"]) for error in answer.json.get("errors", [])}


def error_fields(answer):
    return {error["field"] for error in answer.json.get("errors", [])}


def category_by_path(api, path):
    items = expect(api.get("/categories"), 200)["items"]
    found = [item for item in items if item["path"] == path]
    assert found, f"no category {path!r} among {[item['path'] for item in items]}"
    return found[0]


def new_category(api, title=None, **extra):
    """A category with a unique title; its name starts like every category the browser tests make."""
    body = {"title": title or unique(TEST_CATEGORY_PREFIX + "API"), **extra}
    answer = api.post("/categories", json=body)
    category = expect(answer, 201)
    assert answer.headers.get("Location"), "201 without Location"
    return category


def new_article(api, category_id, markdown=None, title=None):
    title = title or unique("API article")
    markdown = markdown if markdown is not None else f"Text of {title}."
    answer = api.post("/articles", json={"title": title, "categoryId": category_id, "markdown": markdown})
    article = expect(answer, 201)
    assert answer.headers.get("Location"), "201 without Location"
    return article


def new_client(api, name=None, **fields):
    answer = api.post("/clients", json={"name": name or unique("API клиент"), **fields})
    client = expect(answer, 201)
    assert answer.headers.get("Location"), "201 without Location"
    return client


def walk(api, path, limit):
    """All items of a cursor-paginated list, page by page; returns (items, number of pages)."""
    items, pages, cursor = [], 0, None
    separator = "&" if "?" in path else "?"
    while True:
        query = f"{path}{separator}limit={limit}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        page = expect(api.get(query), 200)
        pages += 1
        assert len(page["items"]) <= limit
        items.extend(page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            return items, pages
        assert page["items"], "an empty page with a next cursor"
        assert pages < 1000, "the cursor never ends"


def three_paragraphs(tag):
    return "\n".join([f"First paragraph {tag}.", "", "Middle one line.", "", "Second middle line.", "",
                      f"Last paragraph {tag}."])


# --- the document -----------------------------------------------------------------------------

def test_openapi_document_is_public_and_describes_every_operation(server):
    # Not through the checker: test_document_etag_and_not_modified checks this answer against the document.
    answer = Api(server, check=False).get("/openapi.json")
    document = expect(answer, 200)
    assert answer.content_type == "application/json"
    assert str(document.get("openapi", "")).startswith("3.1"), document.get("openapi")
    contract = contract_for(server)
    missing = []
    for method, path, operation_id in OPERATIONS:
        template, operation = contract.operation(method, "/api/v1" + path)
        if template != path or operation is None:
            missing.append(f"{method.upper()} {path} (matched {template})")
        elif operation.get("operationId") != operation_id:
            missing.append(f"{method.upper()} {path}: operationId {operation.get('operationId')} != {operation_id}")
    assert not missing, "operations missing from the document: " + "; ".join(missing)
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        Draft202012Validator.check_schema(schema)
    for name in ("Problem", "FieldError", "Me", "Category", "Grant", "ArticleSummary", "Article", "RevisionSummary",
                 "Revision", "Diff", "SearchHit", "SearchResults", "ClientSummary", "Client", "Contact",
                 "Interaction", "Attachment"):
        assert name in document["components"]["schemas"], f"components/schemas/{name} missing"


def test_document_etag_and_not_modified(anonymous):
    first = anonymous.get("/openapi.json")
    expect(first, 200)
    etag = first.headers.get("ETag")
    if not etag:
        pytest.skip("the document is served without an ETag")
    expect(anonymous.get("/openapi.json", headers={"If-None-Match": etag}), 304)


# --- authentication ---------------------------------------------------------------------------

def test_me(ivan):
    answer = ivan.get("/me")
    me = expect(answer, 200)
    assert me["username"] == "ivan"
    assert me["displayName"] == "Иван Петров"
    assert me["token"]["readOnly"] is False
    assert me["token"]["name"].startswith("pytest ivan ")
    assert int(answer.headers["RateLimit-Limit"]) > 0
    assert int(answer.headers["RateLimit-Remaining"]) >= 0
    etag = answer.headers["ETag"]
    assert etag.startswith('W/"'), etag
    expect(ivan.get("/me", headers={"If-None-Match": etag}), 304)


def test_no_token_is_unauthorized(anonymous):
    answer = anonymous.get("/me")
    expect(answer, 401, "unauthorized")
    assert answer.headers["WWW-Authenticate"] == 'Bearer realm="Lore"'


@pytest.mark.parametrize("authorization", ["Basic YWRtaW46dGVzdC1wYXNzd29yZC0xMjM=", "Bearer", "lore_abc"])
def test_not_a_bearer_token_is_unauthorized(server, authorization):
    answer = Api(server, authorization=authorization).get("/articles")
    expect(answer, 401, "unauthorized")
    assert answer.headers["WWW-Authenticate"] == 'Bearer realm="Lore"'


@pytest.mark.parametrize("authorization", ["Bearer lore_" + "0" * 40, "Bearer not-a-lore-token"])
def test_an_unknown_token_is_invalid(server, authorization):
    """RFC 6750: a token that was sent but cannot be used is invalid_token, whatever the reason."""
    answer = Api(server, authorization=authorization).get("/articles")
    expect(answer, 401, "invalid_token")
    assert answer.headers["WWW-Authenticate"] == 'Bearer realm="Lore", error="invalid_token"'


def test_session_cookie_is_ignored(server):
    session = cached_session(server, "admin", ADMIN_PASSWORD)
    api = Api(server)
    api.opener = session.opener  # the signed-in browser's cookies go with the request
    expect(api.get("/me"), 401, "unauthorized")


def test_revoked_token_is_invalid(server):
    session = web_session(server, "marina", DEMO_PASSWORD)
    secret = session.make_token(unique("pytest revoke"))
    api = Api(server, secret)
    expect(api.get("/me"), 200)
    session.revoke_token(secret)
    answer = api.get("/me")
    expect(answer, 401, "invalid_token")
    assert answer.headers["WWW-Authenticate"] == 'Bearer realm="Lore", error="invalid_token"'


def test_expired_token_is_invalid():
    pytest.skip("the account page makes tokens of 30 days or more; expiry is covered by the Swift tests")


def test_token_expiry_shows_in_me(server):
    session = cached_session(server, "marina", DEMO_PASSWORD)
    secret = session.make_token(unique("pytest expiring"), expires=30)
    me = expect(Api(server, secret).get("/me"), 200)
    expires = datetime.datetime.fromisoformat(me["token"]["expiresAt"].replace("Z", "+00:00"))
    days = (expires - datetime.datetime.now(datetime.timezone.utc)).days
    assert 28 <= days <= 30, me["token"]


def test_read_only_token_reads_but_never_writes(server, admin):
    read_only = api_as(server, "admin", read_only=True)
    me = expect(read_only.get("/me"), 200)
    assert me["token"]["readOnly"] is True
    category = new_category(admin)
    article = new_article(admin, category["id"])
    expect(read_only.get(f"/articles/{article['slug']}"), 200)
    expect(read_only.post("/articles", json={"title": unique(), "categoryId": category["id"], "markdown": "x"}),
           403, "read_only_token")
    expect(read_only.put(f"/articles/{article['slug']}", headers={"If-Match": f'"r{article["revision"]}"'},
                         json={"title": article["title"], "categoryId": category["id"], "markdown": "changed"}),
           403, "read_only_token")
    expect(read_only.delete(f"/articles/{article['slug']}"), 403, "read_only_token")
    expect(read_only.post("/categories", json={"title": unique()}), 403, "read_only_token")
    expect(read_only.post(f"/articles/{article['slug']}/attachments?name=x.txt", data=b"x",
                          headers={"Content-Type": "text/plain"}), 403, "read_only_token")
    assert expect(admin.get(f"/articles/{article['slug']}"), 200)["revision"] == 1


def test_unknown_route_and_method(admin):
    expect(admin.get("/no-such-thing"), 404, "not_found")
    # An address without that method is as unknown as one that does not exist.
    expect(admin.delete("/me"), 404, "not_found")


def test_rate_limit_headers_on_every_authenticated_answer(server, admin, ivan):
    read_only = api_as(server, "ivan", read_only=True)
    category = new_category(admin)
    answers = {
        "200": ivan.get("/me"),
        "201": admin.post("/categories", json={"title": unique(TEST_CATEGORY_PREFIX + "API")}),
        "204": admin.delete(f"/categories/{new_category(admin)['id']}"),
        "400 invalid_parameter": ivan.get("/articles?limit=0"),
        "403 read_only_token": read_only.post("/categories", json={"title": unique()}),
        "403 forbidden": ivan.post("/categories", json={"title": unique()}),
        "404 hidden": ivan.get(f"/articles/{HIDDEN_FROM_IVAN}"),
        "409": admin.delete(f"/categories/{category_by_path(admin, READABLE_CATEGORY_PATH)['id']}"),
        "415": admin.post("/categories", data=b"x", headers={"Content-Type": "text/plain"}),
        "422": admin.post("/categories", json={"title": ""}),
        "428": admin.put(f"/articles/{new_article(admin, category['id'])['slug']}",
                         json={"title": "x", "categoryId": category["id"], "markdown": "x"}),
    }
    missing = []
    for label, answer in answers.items():
        assert answer.status == int(label[:3]), f"{label}: {answer.describe()}"
        for header in ("RateLimit-Limit", "RateLimit-Remaining"):
            if answer.headers.get(header) is None:
                missing.append(f"{label} lacks {header}")
    assert not missing, "; ".join(missing)
    limit = int(answers["200"].headers["RateLimit-Limit"])
    assert limit == int(os.environ.get("LORE_API_RATE_LIMIT", "600")), limit
    assert 0 <= int(answers["200"].headers["RateLimit-Remaining"]) < limit


def test_etag_on_every_json_get(server, admin, sergey):
    category = new_category(admin)
    article = new_article(admin, category["id"])
    slug = article["slug"]
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                     json={"title": article["title"], "categoryId": category["id"], "markdown": "two"}), 200)
    attachment = expect(admin.post(f"/articles/{slug}/attachments?name=e.txt", data=b"etag",
                                   headers={"Content-Type": "text/plain"}), 201)
    paths = [(admin, "/me"), (admin, "/categories"), (admin, f"/categories/{category['id']}"),
             (admin, f"/categories/{category['id']}/grants"), (admin, "/articles?limit=5"), (admin, f"/articles/{slug}"),
             (admin, "/trash"), (admin, f"/articles/{slug}/revisions"), (admin, f"/articles/{slug}/revisions/1"),
             (admin, f"/articles/{slug}/diff?from=1&to=2"), (admin, f"/articles/{slug}/attachments"),
             (admin, "/search?q=two"), (sergey, "/clients?limit=5"), (sergey, f"/clients/{SAMPLE_CLIENT}"),
             (sergey, f"/clients/{SAMPLE_CLIENT}/attachments"), (admin, attachment["download"])]
    missing, not_cached = [], []
    for api, path in paths:
        answer = api.get(path)
        assert answer.status == 200, f"GET {path}: {answer.describe()}"
        etag = answer.headers.get("ETag")
        if not etag:
            missing.append(path)
            continue
        again = api.get(path, headers={"If-None-Match": etag})
        if again.status != 304:
            not_cached.append(f"{path} → {again.status}")
    assert not missing and not not_cached, f"no ETag: {missing}; If-None-Match not answered with 304: {not_cached}"


# --- categories -------------------------------------------------------------------------------

def test_list_categories_parents_first_and_only_readable(admin, ivan):
    answer = admin.get("/categories")
    items = expect(answer, 200)["items"]
    seen = set()
    for item in items:
        if item["parentId"] is not None:
            assert item["parentId"] in seen, f"{item['path']} comes before its parent"
        seen.add(item["id"])
    paths = {item["path"] for item in items}
    assert {HIDDEN_CATEGORY_PATH, READABLE_CATEGORY_PATH, "personal/otdel-personala"} <= paths
    assert all(item["access"] == "manage" for item in items)
    expect(admin.get("/categories", headers={"If-None-Match": answer.headers["ETag"]}), 304)

    ivans = expect(ivan.get("/categories"), 200)["items"]
    ivan_paths = {item["path"] for item in ivans}
    assert HIDDEN_CATEGORY_PATH not in ivan_paths
    assert "personal/otdel-personala" not in ivan_paths
    regulations = [item for item in ivans if item["path"] == READABLE_CATEGORY_PATH][0]
    assert regulations["access"] == "read"
    assert regulations["articleCount"] >= 1


def test_category_crud(admin):
    title = unique(TEST_CATEGORY_PREFIX + "API")
    answer = admin.post("/categories", json={"title": title, "description": "Made by the API tests."})
    category = expect(answer, 201)
    assert answer.headers["Location"].endswith(f"/api/v1/categories/{category['id']}")
    assert category["title"] == title
    assert category["parentId"] is None
    assert category["articleCount"] == 0
    assert category["access"] == "manage"
    assert category["description"] == "Made by the API tests."

    fetched = admin.get(f"/categories/{category['id']}")
    assert expect(fetched, 200)["title"] == title
    assert fetched.headers["ETag"]
    expect(admin.get(f"/categories/{category['id']}", headers={"If-None-Match": fetched.headers["ETag"]}), 304)

    child = new_category(admin, parentId=category["id"])
    assert child["parentId"] == category["id"]
    assert child["path"].startswith(category["path"] + "/")
    new_article(admin, child["id"])
    assert expect(admin.get(f"/categories/{child['id']}"), 200)["articleCount"] == 1

    renamed = unique(TEST_CATEGORY_PREFIX + "API renamed")
    updated = expect(admin.put(f"/categories/{category['id']}",
                               json={"title": renamed, "description": "New text.", "hidesHistoryFromReaders": True}), 200)
    assert updated["title"] == renamed
    assert updated["description"] == "New text."
    assert updated["hidesHistoryFromReaders"] is True

    expect(admin.delete(f"/categories/{category['id']}"), 409, "category_not_empty")
    expect(admin.delete(f"/categories/{child['id']}"), 409, "category_not_empty")


def test_delete_empty_category(admin):
    category = new_category(admin)
    answer = admin.delete(f"/categories/{category['id']}")
    expect(answer, 204)
    assert answer.body == b""
    expect(admin.get(f"/categories/{category['id']}"), 404, "not_found")
    expect(admin.delete(f"/categories/{category['id']}"), 404, "not_found")


def test_category_validation(admin):
    answer = admin.post("/categories", json={"title": ""})
    expect(answer, 422, "validation_failed")
    assert ("title", "required") in field_errors(answer), answer.json
    answer = admin.post("/categories", json={"title": unique(TEST_CATEGORY_PREFIX + "API"), "slug": "Not A Slug!"})
    expect(answer, 422, "validation_failed")
    assert "slug" in error_fields(answer), answer.json
    answer = admin.post("/categories", json={"title": unique(TEST_CATEGORY_PREFIX + "API"), "parentId": 987654321})
    assert answer.status in (404, 422), answer.describe()
    category = new_category(admin)
    child = new_category(admin, parentId=category["id"])
    answer = admin.put(f"/categories/{category['id']}", json={"title": category["title"], "parentId": child["id"]})
    expect(answer, 422, "validation_failed")
    assert ("parentId", "would_create_loop") in field_errors(answer), answer.json


def test_category_bad_bodies(admin):
    expect(admin.post("/categories", data=b"title=x", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    expect(admin.post("/categories", data=b'{"title": ', headers={"Content-Type": "application/json"}),
           400, "bad_request")
    answer = admin.post("/categories", json={"title": 5})
    expect(answer, 400, "bad_request")
    assert answer.json.get("detail"), "bad_request should say where"


def test_category_rights(admin, ivan, marina):
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    expect(ivan.get(f"/categories/{hidden['id']}"), 404, "not_found")
    expect(ivan.post("/categories", json={"title": unique()}), 403, "forbidden")
    readable = category_by_path(admin, READABLE_CATEGORY_PATH)
    expect(ivan.put(f"/categories/{readable['id']}", json={"title": "Taken over"}), 403, "forbidden")
    expect(ivan.delete(f"/categories/{readable['id']}"), 403, "forbidden")
    expect(ivan.get(f"/categories/{readable['id']}/grants"), 403, "forbidden")
    # HR manages its own category (and below) but only edits Regulations.
    regulations = category_by_path(admin, "reglamenty")
    hr_team = category_by_path(admin, "personal/otdel-personala")
    expect(marina.get(f"/categories/{regulations['id']}/grants"), 403, "forbidden")
    grants = expect(marina.get(f"/categories/{hr_team['id']}/grants"), 200)["items"]
    assert {grant["role"] for grant in grants} >= {"HR", "Sales"}


def test_create_category_under_hidden_parent_is_not_found(admin, ivan):
    """A parent the caller cannot see is reported exactly like one that does not exist."""
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    answer = ivan.post("/categories", json={"title": unique(TEST_CATEGORY_PREFIX + "API"), "parentId": hidden["id"]})
    missing = ivan.post("/categories", json={"title": unique(TEST_CATEGORY_PREFIX + "API"), "parentId": 999999})
    expect(answer, 422, "validation_failed")
    assert field_errors(answer) == field_errors(missing) == {("parentId", "not_found")}, answer.json
    assert hidden["title"].encode() not in answer.body


def test_grants(admin, ivan, sergey):
    category = new_category(admin)
    child = new_category(admin, parentId=category["id"])
    article = new_article(admin, child["id"])
    answer = admin.get(f"/categories/{category['id']}/grants")
    grants = expect(answer, 200)["items"]
    roles = {grant["role"]: grant for grant in grants}
    assert {"Employee", "Sales", "HR"} <= set(roles), roles
    sales, employee = roles["Sales"]["roleId"], roles["Employee"]["roleId"]

    answer = admin.put(f"/categories/{category['id']}/grants",
                       json={"grants": [{"roleId": sales, "level": "read"}, {"roleId": employee, "level": "none"}]})
    after = {grant["role"]: grant for grant in expect(answer, 200)["items"]}
    assert after["Sales"]["own"] == "read" and after["Sales"]["level"] == "read"
    assert after["Employee"]["own"] == "none" and after["Employee"]["level"] == "none"

    inherited = {grant["role"]: grant for grant in
                 expect(admin.get(f"/categories/{child['id']}/grants"), 200)["items"]}
    assert inherited["Sales"]["own"] is None
    assert inherited["Sales"]["level"] == "read"
    assert inherited["Sales"]["inheritedFrom"] == category["id"]

    expect(ivan.get(f"/categories/{child['id']}"), 404, "not_found")
    expect(ivan.get(f"/articles/{article['slug']}"), 404, "not_found")
    assert expect(sergey.get(f"/categories/{child['id']}"), 200)["access"] == "read"
    expect(sergey.get(f"/articles/{article['slug']}"), 200)

    answer = admin.put(f"/categories/{category['id']}/grants", json={"grants": [{"roleId": employee, "level": "read"}]})
    back = {grant["role"]: grant for grant in expect(answer, 200)["items"]}
    assert back["Employee"]["own"] == "read"
    expect(ivan.get(f"/articles/{article['slug']}"), 200)
    answer = admin.put(f"/categories/{child['id']}/grants", json={"grants": [{"roleId": employee, "level": "none"}]})
    assert {grant["role"]: grant for grant in expect(answer, 200)["items"]}["Employee"]["own"] == "none"
    expect(ivan.get(f"/articles/{article['slug']}"), 404, "not_found")
    answer = admin.put(f"/categories/{child['id']}/grants", json={"grants": [{"roleId": employee, "level": None}]})
    inheriting = {grant["role"]: grant for grant in expect(answer, 200)["items"]}["Employee"]
    assert inheriting["own"] is None and inheriting["level"] == "read"
    assert inheriting["inheritedFrom"] == category["id"]
    expect(ivan.get(f"/articles/{article['slug']}"), 200)


def test_category_update_errors(admin, ivan):
    category = new_category(admin)
    expect(admin.put("/categories/987654321", json={"title": unique()}), 404, "not_found")
    expect(admin.put(f"/categories/{category['id']}", data=b"title", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    answer = admin.put(f"/categories/{category['id']}", json={"title": ""})
    expect(answer, 422, "validation_failed")
    assert ("title", "required") in field_errors(answer)
    expect(ivan.put(f"/categories/{category['id']}/grants", json={"grants": []}), 403, "forbidden")
    expect(admin.put("/categories/987654321/grants", json={"grants": []}), 404, "not_found")


@pytest.mark.parametrize("method, path", [
    ("put", "/categories/{category}"), ("put", "/categories/{category}/grants"), ("post", "/articles"),
    ("put", "/articles/{article}"), ("post", "/articles/{article}/move"), ("post", "/clients"),
    ("put", "/clients/{client}"), ("post", "/clients/{client}/contacts"), ("put", "/clients/{client}/contacts/{contact}"),
    ("post", "/clients/{client}/interactions")])
def test_malformed_json_is_bad_request(admin, method, path):
    category = new_category(admin)
    article = new_article(admin, category["id"])
    client = new_client(admin)
    contact = expect(admin.post(f"/clients/{client['slug']}/contacts", json={"name": "Ольга"}), 201)
    path = path.format(category=category["id"], article=article["slug"], client=client["slug"], contact=contact["id"])
    headers = {"Content-Type": "application/json", "If-Match": f'"r{article["revision"]}"' if "/articles/" in path
               else f'"v{client["version"]}"'}
    answer = getattr(admin, method)(path, data=b'{"title": "unterminated', headers=headers)
    expect(answer, 400, "bad_request")
    assert answer.json.get("detail"), answer.json


def test_grants_validation(admin):
    category = new_category(admin)
    answer = admin.put(f"/categories/{category['id']}/grants", json={"grants": [{"roleId": 987654321, "level": "read"}]})
    expect(answer, 422, "validation_failed")
    assert answer.json.get("errors"), answer.json
    answer = admin.put(f"/categories/{category['id']}/grants", json={"grants": [{"roleId": 1, "level": "owner"}]})
    assert answer.status in (400, 422), answer.describe()
    expect(admin.put(f"/categories/{category['id']}/grants", data=b"grants", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    expect(admin.get("/categories/987654321/grants"), 404, "not_found")


# --- articles: listing ------------------------------------------------------------------------

def test_articles_cursor_pagination_walks_everything_once(admin):
    items, pages = walk(admin, "/articles", 5)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "an article came twice"
    assert ids == sorted(ids), "not ordered by id"
    assert pages >= 3, f"only {pages} page(s) of 5"
    everything, _ = walk(admin, "/articles", 100)
    assert [item["id"] for item in everything] == ids
    slugs = {item["slug"] for item in items}
    assert {HIDDEN_FROM_IVAN, READABLE_BY_IVAN} <= slugs
    for item in items:
        assert item["url"] == f"/a/{item['slug']}"


def test_articles_list_hides_what_the_reader_cannot_read(admin, ivan):
    mine, _ = walk(ivan, "/articles", 50)
    slugs = {item["slug"] for item in mine}
    assert READABLE_BY_IVAN in slugs
    assert HIDDEN_FROM_IVAN not in slugs
    assert "peresmotr-zarplat" not in slugs
    everything, _ = walk(admin, "/articles", 100)
    assert len(mine) < len(everything)


def test_articles_list_filters(admin):
    category = new_category(admin)
    created = [new_article(admin, category["id"]) for _ in range(3)]
    page = expect(admin.get(f"/articles?category={category['id']}"), 200)
    assert [item["slug"] for item in page["items"]] == [article["slug"] for article in created]
    assert page["nextCursor"] is None
    future = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert expect(admin.get(f"/articles?updatedSince={future}"), 200)["items"] == []
    past = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    recent = expect(admin.get(f"/articles?updatedSince={past}&limit=100"), 200)
    assert {article["slug"] for article in created} <= {item["slug"] for item in recent["items"]}


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=ten", "updatedSince=yesterday", "category=abc"])
def test_articles_list_invalid_parameters(admin, query):
    answer = admin.get(f"/articles?{query}")
    expect(answer, 400, "invalid_parameter")
    assert answer.json.get("errors"), answer.json


def test_articles_list_invalid_cursor(admin):
    expect(admin.get("/articles?cursor=not-a-cursor"), 400, "invalid_cursor")


# --- articles: reading and writing ------------------------------------------------------------

def test_create_and_get_article(admin):
    category = new_category(admin)
    title = unique("API article")
    answer = admin.post("/articles", json={"title": title, "categoryId": category["id"],
                                           "markdown": "Some **bold** text.", "summary": "First version"})
    article = expect(answer, 201)
    assert answer.headers["Location"].endswith(f"/api/v1/articles/{article['slug']}")
    assert article["title"] == title
    assert article["revision"] == 1
    assert article["categoryId"] == category["id"]
    assert article["categoryPath"] == category["path"]
    assert article["markdown"] == "Some **bold** text."
    assert "<strong>bold</strong>" in article["html"]
    assert article["url"] == f"/a/{article['slug']}"
    assert article["updatedBy"]
    assert "merged" not in article

    fetched = admin.get(f"/articles/{article['slug']}")
    body = expect(fetched, 200)
    assert body["markdown"] == "Some **bold** text."
    etag = fetched.headers["ETag"]
    assert etag.startswith('"r1-'), etag
    assert admin.get(f"/articles/{article['slug']}").headers["ETag"] == etag
    expect(admin.get(f"/articles/{article['slug']}", headers={"If-None-Match": etag}), 304)
    expect(admin.get(f"/articles/{article['slug']}", headers={"If-None-Match": '"r0-nothing"'}), 200)


def test_create_article_with_slug(admin):
    category = new_category(admin)
    slug = "api-" + uuid.uuid4().hex[:8]
    article = expect(admin.post("/articles", json={"title": unique(), "slug": slug, "categoryId": category["id"],
                                                   "markdown": "x"}), 201)
    assert article["slug"] == slug
    # A taken address is never refused (that would reveal hidden pages): the new page gets a free one.
    second = expect(admin.post("/articles", json={"title": unique(), "slug": slug, "categoryId": category["id"],
                                                  "markdown": "x"}), 201)
    assert second["slug"] == slug + "-2"


def test_hidden_article_is_not_found(admin, ivan):
    expect(admin.get(f"/articles/{HIDDEN_FROM_IVAN}"), 200)
    hidden = ivan.get(f"/articles/{HIDDEN_FROM_IVAN}")
    missing = ivan.get("/articles/no-such-article-" + uuid.uuid4().hex[:6])
    expect(hidden, 404, "not_found")
    expect(missing, 404, "not_found")
    assert hidden.json["title"] == missing.json["title"]
    assert "конкурент" not in hidden.body.decode()
    for tail in ("/revisions", "/revisions/1", "/diff?from=1&to=1", "/attachments"):
        expect(ivan.get(f"/articles/{HIDDEN_FROM_IVAN}{tail}"), 404, "not_found")
    expect(ivan.delete(f"/articles/{HIDDEN_FROM_IVAN}"), 404, "not_found")
    expect(ivan.put(f"/articles/{HIDDEN_FROM_IVAN}", headers={"If-Match": '"r1"'},
                    json={"title": "x", "categoryId": 1, "markdown": "x"}), 404, "not_found")


def test_create_article_validation(admin):
    category = new_category(admin)
    answer = admin.post("/articles", json={"title": "", "categoryId": category["id"], "markdown": "x"})
    expect(answer, 422, "validation_failed")
    assert ("title", "required") in field_errors(answer), answer.json
    answer = admin.post("/articles", json={"categoryId": category["id"], "markdown": "x"})
    expect(answer, 422, "validation_failed")
    assert ("title", "required") in field_errors(answer), answer.json
    answer = admin.post("/articles", json={"title": "x" * 400, "categoryId": category["id"], "markdown": "x"})
    expect(answer, 422, "validation_failed")
    assert ("title", "too_long") in field_errors(answer), answer.json
    expect(admin.post("/articles", data=b"# hello", headers={"Content-Type": "text/markdown"}), 415,
           "unsupported_media_type")
    expect(admin.post("/articles", json={"title": "x", "categoryId": "one", "markdown": "x"}), 400, "bad_request")


def test_create_article_without_markdown_starts_empty(admin):
    category = new_category(admin)
    answer = admin.post("/articles", json={"title": unique(), "categoryId": category["id"]})
    assert expect(answer, 201)["markdown"] == ""


def test_create_article_without_category_says_required(admin):
    answer = admin.post("/articles", json={"title": unique(), "markdown": "x"})
    expect(answer, 422, "validation_failed")
    assert ("categoryId", "required") in field_errors(answer), answer.json


def test_create_article_in_hidden_category_is_not_found(admin, ivan):
    """A category the caller cannot see is reported exactly like one that does not exist."""
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    answer = ivan.post("/articles", json={"title": unique(), "categoryId": hidden["id"], "markdown": "x"})
    missing = ivan.post("/articles", json={"title": unique(), "categoryId": 999999, "markdown": "x"})
    expect(answer, 422, "validation_failed")
    assert field_errors(answer) == field_errors(missing) == {("categoryId", "not_found")}, answer.json
    assert hidden["title"].encode() not in answer.body


def test_create_article_rights(admin, ivan):
    readable = category_by_path(admin, READABLE_CATEGORY_PATH)
    expect(ivan.post("/articles", json={"title": unique(), "categoryId": readable["id"], "markdown": "x"}), 403, "forbidden")
    article = expect(ivan.get(f"/articles/{READABLE_BY_IVAN}"), 200)
    expect(ivan.put(f"/articles/{READABLE_BY_IVAN}", headers={"If-Match": f'"r{article["revision"]}"'},
                    json={"title": article["title"], "categoryId": article["categoryId"], "markdown": "vandalised"}),
           403, "forbidden")
    expect(ivan.delete(f"/articles/{READABLE_BY_IVAN}"), 403, "forbidden")
    expect(ivan.post(f"/articles/{READABLE_BY_IVAN}/attachments?name=x.txt", data=b"x",
                     headers={"Content-Type": "text/plain"}), 403, "forbidden")


def test_update_article_with_if_match(admin):
    category = new_category(admin)
    article = new_article(admin, category["id"], "Version one.")
    slug = article["slug"]
    etag = admin.get(f"/articles/{slug}").headers["ETag"]
    body = {"title": article["title"], "categoryId": category["id"], "markdown": "Version two.", "summary": "second"}

    expect(admin.put(f"/articles/{slug}", json=body), 428, "precondition_required")
    expect(admin.put(f"/articles/{slug}", json=body, headers={"If-Match": "garbage"}), 400, "invalid_precondition")

    answer = admin.put(f"/articles/{slug}", json=body, headers={"If-Match": etag})
    updated = expect(answer, 200)
    assert updated["revision"] == 2
    assert updated["markdown"] == "Version two."
    assert updated.get("merged", False) is False
    new_etag = admin.get(f"/articles/{slug}").headers["ETag"]
    assert new_etag.startswith('"r2-'), new_etag
    if answer.headers.get("ETag"):  # the PUT's answer carries `merged`, so its hash may differ from the GET's
        assert answer.headers["ETag"].startswith('"r2-'), answer.headers["ETag"]

    third = expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r2"'},
                             json={**body, "markdown": "Version three.", "minor": True}), 200)
    assert third["revision"] == 3

    answer = admin.put(f"/articles/{slug}", headers={"If-Match": '"r3"'}, json={**body, "title": ""})
    expect(answer, 422, "validation_failed")
    assert ("title", "required") in field_errors(answer)
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r3"', "Content-Type": "text/plain"}, data=b"text"),
           415, "unsupported_media_type")
    expect(admin.put("/articles/no-such-" + uuid.uuid4().hex[:6], headers={"If-Match": '"r1"'}, json=body), 404, "not_found")


def test_overlapping_edits_conflict(admin):
    category = new_category(admin)
    article = new_article(admin, category["id"], three_paragraphs("base"))
    slug, title = article["slug"], article["title"]
    theirs = three_paragraphs("base").replace("First paragraph base.", "First paragraph THEIRS.")
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                     json={"title": title, "categoryId": category["id"], "markdown": theirs}), 200)

    mine = three_paragraphs("base").replace("First paragraph base.", "First paragraph MINE.")
    answer = admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                       json={"title": title, "categoryId": category["id"], "markdown": mine})
    problem = expect(answer, 412, "edit_conflict")
    assert problem["current"]["revision"] == 2
    assert problem["current"]["markdown"] == theirs
    assert problem["yours"] == {"title": title, "markdown": mine}
    assert "First paragraph MINE." in problem["merged"] and "First paragraph THEIRS." in problem["merged"]
    assert "Last paragraph base." in problem["merged"]
    assert problem["clashes"] and any("MINE" in clash["mine"] and "THEIRS" in clash["theirs"]
                                      and "base" in clash["base"] for clash in problem["clashes"])
    assert expect(admin.get(f"/articles/{slug}"), 200)["markdown"] == theirs


def test_non_overlapping_edits_merge(admin):
    category = new_category(admin)
    article = new_article(admin, category["id"], three_paragraphs("base"))
    slug, title = article["slug"], article["title"]
    theirs = three_paragraphs("base").replace("First paragraph base.", "First paragraph THEIRS.")
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                     json={"title": title, "categoryId": category["id"], "markdown": theirs}), 200)
    mine = three_paragraphs("base").replace("Last paragraph base.", "Last paragraph MINE.")
    answer = admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                       json={"title": title, "categoryId": category["id"], "markdown": mine})
    merged = expect(answer, 200)
    assert merged["merged"] is True
    assert merged["revision"] == 3
    assert "First paragraph THEIRS." in merged["markdown"]
    assert "Last paragraph MINE." in merged["markdown"]
    assert "<<<<<<<" not in merged["markdown"]
    assert expect(admin.get(f"/articles/{slug}"), 200)["markdown"] == merged["markdown"]


def test_move_delete_trash_restore(admin):
    first, second = new_category(admin), new_category(admin)
    article = new_article(admin, first["id"])
    slug = article["slug"]
    moved = expect(admin.post(f"/articles/{slug}/move", json={"categoryId": second["id"]}), 200)
    assert moved["categoryId"] == second["id"]
    assert moved["categoryPath"] == second["path"]
    expect(admin.post(f"/articles/{slug}/move", data=b"x", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")

    answer = admin.delete(f"/articles/{slug}")
    expect(answer, 204)
    assert answer.body == b""
    expect(admin.get(f"/articles/{slug}"), 404, "not_found")
    trash = expect(admin.get("/trash"), 200)
    assert slug in [item["slug"] for item in trash["items"]]

    restored = expect(admin.post(f"/articles/{slug}/restore"), 200)
    assert restored["slug"] == slug
    expect(admin.get(f"/articles/{slug}"), 200)
    assert slug not in [item["slug"] for item in expect(admin.get("/trash"), 200)["items"]]
    expect(admin.post(f"/articles/no-such-{uuid.uuid4().hex[:6]}/restore"), 404, "not_found")
    assert set(trash) == {"items"}, f"the trash comes whole, without a cursor: {trash}"


def test_restore_needs_edit_rights(admin, ivan):
    readable = category_by_path(admin, READABLE_CATEGORY_PATH)
    article = new_article(admin, readable["id"], title=unique("API trash"))
    expect(admin.delete(f"/articles/{article['slug']}"), 204)
    answer = ivan.post(f"/articles/{article['slug']}/restore")
    assert answer.status in (403, 404), answer.describe()
    expect(admin.post(f"/articles/{article['slug']}/restore"), 200)


def test_move_without_category_is_a_validation_error(admin):
    """Like POST /articles and /categories without a required property: 422 with the field, not 400."""
    article = new_article(admin, new_category(admin)["id"])
    answer = admin.post(f"/articles/{article['slug']}/move", json={})
    expect(answer, 422, "validation_failed")
    assert ("categoryId", "required") in field_errors(answer), answer.json


def test_move_rights(admin, ivan):
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    category = new_category(admin)
    article = new_article(admin, category["id"])
    answer = admin.post(f"/articles/{article['slug']}/move", json={"categoryId": 987654321})
    assert answer.status in (404, 422), answer.describe()
    expect(ivan.post(f"/articles/{READABLE_BY_IVAN}/move", json={"categoryId": category["id"]}), 403, "forbidden")
    expect(ivan.post(f"/articles/{HIDDEN_FROM_IVAN}/move", json={"categoryId": category["id"]}), 404, "not_found")
    expect(admin.post(f"/articles/{article['slug']}/move", json={"categoryId": hidden["id"]}), 200)


def test_ivan_trash_shows_nothing_hidden(admin, ivan):
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    article = new_article(admin, hidden["id"], title=unique("Secret trash"))
    expect(admin.delete(f"/articles/{article['slug']}"), 204)
    mine = expect(ivan.get("/trash"), 200)
    assert article["slug"] not in [item["slug"] for item in mine["items"]]
    assert article["title"] not in json.dumps(mine, ensure_ascii=False)
    expect(ivan.post(f"/articles/{article['slug']}/restore"), 404, "not_found")


# --- history ----------------------------------------------------------------------------------

def test_revisions_and_diff(admin):
    category = new_category(admin)
    article = new_article(admin, category["id"], "Line one.\nLine two.\n")
    slug, title = article["slug"], article["title"]
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r1"'},
                     json={"title": title, "categoryId": category["id"], "markdown": "Line one.\nLine 2.\nLine three.\n",
                           "summary": "numbers"}), 200)
    expect(admin.put(f"/articles/{slug}", headers={"If-Match": '"r2"'},
                     json={"title": title + " renamed", "categoryId": category["id"],
                           "markdown": "Line one.\nLine 2.\nLine three.\nLine four.\n", "minor": True}), 200)

    answer = admin.get(f"/articles/{slug}/revisions")
    revisions = expect(answer, 200)
    assert [item["number"] for item in revisions["items"]] == [3, 2, 1]
    assert revisions["nextCursor"] is None
    assert revisions["items"][1]["summary"] == "numbers"
    assert revisions["items"][0]["minor"] is True
    assert revisions["items"][0]["authorUsername"] == "admin"
    paged, pages = walk(admin, f"/articles/{slug}/revisions", 1)
    assert [item["number"] for item in paged] == [3, 2, 1] and pages == 3
    expect(admin.get(f"/articles/{slug}/revisions?cursor=bogus"), 400, "invalid_cursor")
    expect(admin.get(f"/articles/{slug}/revisions?limit=0"), 400, "invalid_parameter")

    first = expect(admin.get(f"/articles/{slug}/revisions/1"), 200)
    assert first["number"] == 1
    assert first["markdown"] == "Line one.\nLine two.\n"
    assert first["title"] == title
    expect(admin.get(f"/articles/{slug}/revisions/99"), 404, "not_found")

    diff = expect(admin.get(f"/articles/{slug}/diff?from=1&to=2"), 200)
    assert (diff["from"], diff["to"]) == (1, 2)
    assert diff["added"] >= 2 and diff["removed"] >= 1
    kinds = {line["kind"] for line in diff["lines"]}
    assert {"added", "removed", "unchanged"} <= kinds
    assert diff["titleChange"] is None
    renamed = expect(admin.get(f"/articles/{slug}/diff?from=2&to=3"), 200)
    assert renamed["titleChange"] == {"from": title, "to": title + " renamed"}
    expect(admin.get(f"/articles/{slug}/diff?from=one&to=2"), 400, "invalid_parameter")
    answer = admin.get(f"/articles/{slug}/diff?from=1&to=42")
    assert answer.status in (400, 404), answer.describe()


# --- attachments and files --------------------------------------------------------------------

def test_article_attachment_upload_and_download(admin):
    category = new_category(admin)
    article = new_article(admin, category["id"])
    data = ("Notes for the API test " + uuid.uuid4().hex + "\n").encode()
    answer = admin.post(f"/articles/{article['slug']}/attachments?name=api-notes.txt", data=data,
                        headers={"Content-Type": "text/plain"})
    attachment = expect(answer, 201)
    assert answer.headers.get("Location")
    assert attachment["name"] == "api-notes.txt"
    assert attachment["size"] == len(data)
    assert attachment["download"] == f"/api/v1/files/{attachment['id']}"
    assert attachment["url"].startswith(f"/files/{attachment['id']}/")
    assert attachment["uploadedBy"]

    listed = expect(admin.get(f"/articles/{article['slug']}/attachments"), 200)["items"]
    assert [item["id"] for item in listed] == [attachment["id"]]

    download = admin.get(attachment["download"])
    expect(download, 200)
    assert download.body == data
    assert download.headers.get("Content-Disposition")
    etag = download.headers["ETag"]
    expect(admin.get(attachment["download"], headers={"If-None-Match": etag}), 304)
    part = admin.get(attachment["download"], headers={"Range": "bytes=0-4"})
    expect(part, 206)
    assert part.body == data[:5]
    expect(admin.get(attachment["download"], headers={"Range": f"bytes={len(data) + 10}-{len(data) + 20}"}), 416)
    expect(admin.get("/files/987654321"), 404, "not_found")


def test_upload_without_name(admin):
    slug = new_article(admin, new_category(admin)["id"])["slug"]
    answer = admin.post(f"/articles/{slug}/attachments", data=b"x", headers={"Content-Type": "text/plain"})
    expect(answer, 400, "invalid_parameter")
    assert "name" in error_fields(answer), answer.json


def test_attachment_of_hidden_article_stays_hidden(admin, ivan):
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    article = new_article(admin, hidden["id"])
    attachment = expect(admin.post(f"/articles/{article['slug']}/attachments?name=secret.txt", data=b"secret",
                                   headers={"Content-Type": "text/plain"}), 201)
    expect(ivan.get(attachment["download"]), 404, "not_found")
    expect(ivan.get(f"/articles/{article['slug']}/attachments"), 404, "not_found")
    expect(ivan.post(f"/articles/{article['slug']}/attachments?name=x.txt", data=b"x",
                     headers={"Content-Type": "text/plain"}), 404, "not_found")


def post_oversized(api, path, size):
    """POST `size` zero bytes on a raw socket: the server may answer 413 before reading them all,
    which urllib cannot cope with. The answer goes through the contract checker like any other."""
    host, port = api.server.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall((f"POST /api/v1{path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {api.token}\r\n"
                      f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n"
                      "Connection: close\r\n\r\n").encode())
        chunk = b"\0" * (1 << 16)
        try:
            for _ in range(size // len(chunk)):
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = b""
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                raw += data
        except (ConnectionResetError, socket.timeout):
            pass
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, _, header_text = head.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 "), f"no HTTP answer: {raw[:300]!r}"
    headers = http.client.parse_headers(io.BytesIO(header_text + b"\r\n\r\n"))
    if "chunked" in (headers.get("Transfer-Encoding") or ""):
        decoded, rest = b"", body
        while rest:
            length_line, _, rest = rest.partition(b"\r\n")
            length = int(length_line.split(b";")[0], 16)
            if length == 0:
                break
            decoded, rest = decoded + rest[:length], rest[length + 2:]
        body = decoded
    parsed = json.loads(body) if body and is_json_type(headers.get("Content-Type") or "") else None
    answer = Response(int(status_line.split()[1]), headers, body, parsed)
    api.contract.check("POST", "/api/v1" + path, answer, authenticated=True)
    return answer


UPLOAD_LIMIT = 25 << 20  # the server's default --max-upload-mib


def test_upload_too_large(admin, sergey):
    slug = new_article(admin, new_category(admin)["id"])["slug"]
    expect(post_oversized(admin, f"/articles/{slug}/attachments?name=big.bin", UPLOAD_LIMIT + (1 << 20)),
           413, "payload_too_large")
    assert expect(admin.get(f"/articles/{slug}/attachments"), 200)["items"] == []
    client = new_client(sergey)["slug"]
    expect(post_oversized(sergey, f"/clients/{client}/attachments?name=big.bin", UPLOAD_LIMIT + (1 << 20)),
           413, "payload_too_large")
    assert expect(sergey.get(f"/clients/{client}/attachments"), 200)["items"] == []


# --- search -----------------------------------------------------------------------------------

def test_search_finds_article(admin, ivan):
    word = "zorbulon" + uuid.uuid4().hex[:6]
    category = new_category(admin)
    article = new_article(admin, category["id"], f"This text mentions {word} once.")
    results = expect(admin.get(f"/search?q={word}"), 200)
    assert results["total"] == 1
    assert results["totalIsLowerBound"] is False
    hit = results["items"][0]
    assert (hit["kind"], hit["slug"], hit["title"]) == ("article", article["slug"], article["title"])
    assert "<mark>" in hit["snippet"]
    assert hit["url"] == f"/a/{article['slug']}"
    assert hit["categoryId"] == category["id"]
    assert results["nextCursor"] is None
    assert expect(admin.get(f"/search?q={word}&kind=article"), 200)["total"] == 1
    assert expect(admin.get(f"/search?q={word}&kind=client"), 200)["total"] == 0
    assert expect(admin.get(f"/search?q={word}&category={category['id']}"), 200)["total"] == 1
    assert expect(ivan.get(f"/search?q={word}"), 200)["total"] == 1


def test_search_never_shows_hidden_articles(admin, ivan, sergey):
    word = "quextral" + uuid.uuid4().hex[:6]
    hidden = category_by_path(admin, HIDDEN_CATEGORY_PATH)
    article = new_article(admin, hidden["id"], f"Confidential {word}.")
    results = ivan.get(f"/search?q={word}")
    assert expect(results, 200)["total"] == 0
    assert results.json["items"] == []
    assert article["title"] not in results.body.decode()
    assert expect(sergey.get(f"/search?q={word}"), 200)["total"] == 1


def test_search_pagination(admin):
    word = "plimvort" + uuid.uuid4().hex[:6]
    category = new_category(admin)
    created = {new_article(admin, category["id"], f"Page {n} about {word}.")["slug"] for n in range(5)}
    items, pages = walk(admin, f"/search?q={word}", 2)
    assert pages == 3
    assert len(items) == 5
    assert {item["slug"] for item in items} == created


def test_search_finds_clients_for_sales(sergey):
    results = expect(sergey.get("/search?q=Северный&kind=client"), 200)
    assert SAMPLE_CLIENT in [item["slug"] for item in results["items"] if item["kind"] == "client"]
    client = [item for item in results["items"] if item["slug"] == SAMPLE_CLIENT][0]
    assert client["url"] == f"/clients/{SAMPLE_CLIENT}"
    assert client["categoryId"] is None


def test_search_parameters(admin):
    answer = admin.get("/search")
    expect(answer, 400, "invalid_parameter")
    assert [error["field"] for error in answer.json["errors"]] == ["q"], answer.json
    expect(admin.get("/search?q=x&limit=500"), 400, "invalid_parameter")


# --- clients ----------------------------------------------------------------------------------

def test_clients_list_and_pagination(sergey, ivan):
    items, pages = walk(sergey, "/clients", 3)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    assert pages >= 3
    assert SAMPLE_CLIENT in [item["slug"] for item in items]
    active = expect(sergey.get("/clients?status=active&limit=100"), 200)["items"]
    assert active and all(item["status"] == "active" for item in active)
    expect(sergey.get("/clients?status=sleeping"), 400, "invalid_parameter")
    expect(sergey.get("/clients?cursor=zzz"), 400, "invalid_cursor")
    expect(ivan.get("/clients"), 404, "not_found")
    expect(ivan.get(f"/clients/{SAMPLE_CLIENT}"), 404, "not_found")
    expect(ivan.post("/clients", json={"name": unique()}), 404, "not_found")


def test_client_create_get_update(sergey):
    name = unique("API клиент")
    answer = sergey.post("/clients", json={"name": name, "kind": "company", "status": "lead", "inn": VALID_INN,
                                           "emails": "office@example.com", "tags": ["api", "test"],
                                           "notes": "Met at **the fair**."})
    client = expect(answer, 201)
    assert answer.headers["Location"].endswith(f"/api/v1/clients/{client['slug']}")
    assert client["name"] == name
    assert client["version"] == 1
    assert client["status"] == "lead"
    assert sorted(client["tags"]) == ["api", "test"]
    assert "<strong>the fair</strong>" in client["notesHtml"]
    assert client["contacts"] == [] and client["interactions"] == []
    assert client["url"] == f"/clients/{client['slug']}"

    slug = client["slug"]
    fetched = sergey.get(f"/clients/{slug}")
    expect(fetched, 200)
    etag = fetched.headers["ETag"]
    assert etag.startswith('"v1-'), etag
    expect(sergey.get(f"/clients/{slug}", headers={"If-None-Match": etag}), 304)

    update = {"name": name, "status": "active", "segment": "Retail", "phones": "+7 912 345-67-89"}
    expect(sergey.put(f"/clients/{slug}", json=update), 428, "precondition_required")
    expect(sergey.put(f"/clients/{slug}", json=update, headers={"If-Match": "nonsense"}), 400, "invalid_precondition")
    updated = expect(sergey.put(f"/clients/{slug}", json=update, headers={"If-Match": etag}), 200)
    assert updated["version"] == 2
    assert updated["status"] == "active"
    assert updated["segment"] == "Retail"
    assert updated["inn"] == "" and updated["emails"] == "" and updated["tags"] == [], "PUT replaces the card"
    assert sergey.get(f"/clients/{slug}").headers["ETag"].startswith('"v2-')

    stale = sergey.put(f"/clients/{slug}", json={**update, "segment": "Wholesale"}, headers={"If-Match": etag})
    problem = expect(stale, 412, "edit_conflict")
    assert problem["current"]["version"] == 2
    assert problem["current"]["segment"] == "Retail"
    assert expect(sergey.put(f"/clients/{slug}", json={**update, "segment": "Wholesale"},
                             headers={"If-Match": '"v2"'}), 200)["version"] == 3


def test_client_validation(sergey):
    answer = sergey.post("/clients", json={"name": "", "inn": "1234567890", "emails": "not-an-email",
                                           "website": "javascript:alert(1)"})
    expect(answer, 422, "validation_failed")
    errors = field_errors(answer)
    assert {("name", "required"), ("inn", "invalid_requisite"), ("emails", "invalid_email"),
            ("website", "invalid_website")} <= errors, errors
    expect(sergey.post("/clients", data=b"name=x", headers={"Content-Type": "application/x-www-form-urlencoded"}),
           415, "unsupported_media_type")
    expect(sergey.post("/clients", json={"name": "x", "tags": "one"}), 400, "bad_request")
    client = new_client(sergey)
    answer = sergey.put(f"/clients/{client['slug']}", headers={"If-Match": '"v1"'}, json={"name": client["name"],
                                                                                         "phones": "call me"})
    expect(answer, 422, "validation_failed")
    assert ("phones", "invalid_phone") in field_errors(answer), answer.json


@pytest.mark.parametrize("field, value", [("status", "sleeping"), ("kind", "robot")])
def test_client_choice_outside_the_list_is_not_found(sergey, field, value):
    answer = sergey.post("/clients", json={"name": unique(), field: value})
    expect(answer, 422, "validation_failed")
    assert field_errors(answer) == {(field, "not_found")}, answer.json


def test_client_rights(server, sergey, admin):
    client = new_client(sergey)
    read_only = api_as(server, "sergey", read_only=True)
    expect(read_only.get(f"/clients/{client['slug']}"), 200)
    expect(read_only.post("/clients", json={"name": unique()}), 403, "read_only_token")
    expect(read_only.post(f"/clients/{client['slug']}/contacts", json={"name": "X"}), 403, "read_only_token")
    expect(sergey.delete(f"/clients/{client['slug']}"), 403, "forbidden")
    answer = admin.delete(f"/clients/{client['slug']}")
    expect(answer, 204)
    assert answer.body == b""
    expect(sergey.get(f"/clients/{client['slug']}"), 404, "not_found")
    again = admin.delete(f"/clients/{client['slug']}")  # already in the trash: idempotent 204, or 404 like GET
    assert again.status in (204, 404), again.describe()


def test_client_write_errors(server, sergey):
    client = new_client(sergey)
    slug = client["slug"]
    contact = expect(sergey.post(f"/clients/{slug}/contacts", json={"name": "Ольга"}), 201)
    missing = f"no-such-{uuid.uuid4().hex[:6]}"
    read_only = api_as(server, "sergey", read_only=True)
    body = {"name": client["name"]}
    expect(read_only.put(f"/clients/{slug}", json=body, headers={"If-Match": '"v1"'}), 403, "read_only_token")
    expect(read_only.put(f"/clients/{slug}/contacts/{contact['id']}", json={"name": "X"}), 403, "read_only_token")
    expect(read_only.delete(f"/clients/{slug}/contacts/{contact['id']}"), 403, "read_only_token")
    expect(read_only.post(f"/clients/{slug}/interactions", json={"summary": "x"}), 403, "read_only_token")
    expect(read_only.post(f"/clients/{slug}/attachments?name=x.txt", data=b"x", headers={"Content-Type": "text/plain"}),
           403, "read_only_token")
    expect(sergey.put(f"/clients/{missing}", json=body, headers={"If-Match": '"v1"'}), 404, "not_found")
    expect(sergey.put(f"/clients/{slug}", data=b"name", headers={"If-Match": '"v1"', "Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    expect(sergey.put(f"/clients/{slug}/contacts/{contact['id']}", data=b"name",
                      headers={"Content-Type": "text/plain"}), 415, "unsupported_media_type")
    expect(sergey.delete(f"/clients/{missing}"), 404, "not_found")
    expect(sergey.post(f"/clients/{missing}/contacts", json={"name": "X"}), 404, "not_found")
    expect(sergey.post(f"/clients/{missing}/attachments?name=x.txt", data=b"x", headers={"Content-Type": "text/plain"}),
           404, "not_found")
    answer = sergey.post(f"/clients/{slug}/attachments", data=b"x", headers={"Content-Type": "text/plain"})
    expect(answer, 400, "invalid_parameter")
    assert expect(sergey.get(f"/clients/{slug}"), 200)["version"] == 1


def test_contacts(sergey):
    client = new_client(sergey)
    slug = client["slug"]
    answer = sergey.post(f"/clients/{slug}/contacts", json={
        "name": "Анна Смирнова", "position": "Коммерческий директор", "phones": "+7 912 345-67-89",
        "email": "anna@example.com", "doNotCall": "", "birthday": "1985-03-14"})
    contact = expect(answer, 201)
    assert answer.headers.get("Location")
    assert contact["name"] == "Анна Смирнова"
    assert contact["email"] == "anna@example.com"
    card = expect(sergey.get(f"/clients/{slug}"), 200)
    assert [c["id"] for c in card["contacts"]] == [contact["id"]]

    changed = expect(sergey.put(f"/clients/{slug}/contacts/{contact['id']}",
                                json={"name": "Анна Смирнова", "position": "Генеральный директор"}), 200)
    assert changed["position"] == "Генеральный директор"
    assert changed["email"] == ""

    answer = sergey.post(f"/clients/{slug}/contacts", json={"name": "", "email": "nope"})
    expect(answer, 422, "validation_failed")
    assert {("name", "required"), ("email", "invalid_email")} <= field_errors(answer), answer.json
    answer = sergey.put(f"/clients/{slug}/contacts/{contact['id']}", json={"name": "A", "birthday": "31.02.2000"})
    expect(answer, 422, "validation_failed")
    assert ("birthday", "invalid_date") in field_errors(answer), answer.json
    expect(sergey.put(f"/clients/{slug}/contacts/987654321", json={"name": "A"}), 404, "not_found")
    expect(sergey.post(f"/clients/{slug}/contacts", data=b"x", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")

    answer = sergey.delete(f"/clients/{slug}/contacts/{contact['id']}")
    expect(answer, 204)
    assert expect(sergey.get(f"/clients/{slug}"), 200)["contacts"] == []
    expect(sergey.delete(f"/clients/{slug}/contacts/{contact['id']}"), 404, "not_found")


def test_interactions(sergey):
    client = new_client(sergey)
    slug = client["slug"]
    contact = expect(sergey.post(f"/clients/{slug}/contacts", json={"name": "Пётр Иванов"}), 201)
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    answer = sergey.post(f"/clients/{slug}/interactions", json={
        "kind": "meeting", "date": datetime.date.today().isoformat(), "contactId": contact["id"],
        "summary": "Обсудили пилот", "outcome": "Ждут КП", "nextStep": "Отправить КП", "nextStepDue": tomorrow})
    interaction = expect(answer, 201)
    assert interaction["kind"] == "meeting"
    assert interaction["contactId"] == contact["id"]
    assert interaction["nextStepDue"] == tomorrow
    assert interaction["nextStepDoneAt"] is None
    assert interaction["author"]

    default = expect(sergey.post(f"/clients/{slug}/interactions", json={"summary": "Короткий звонок"}), 201)
    assert default["kind"] == "call"
    assert default["occurredAt"][:10] in (datetime.date.today().isoformat(),
                                          (datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
                                          tomorrow)

    card = expect(sergey.get(f"/clients/{slug}"), 200)
    assert {item["id"] for item in card["interactions"]} == {interaction["id"], default["id"]}
    listed = [item for item in walk(sergey, "/clients", 100)[0] if item["slug"] == slug]
    assert listed and listed[0]["lastContactAt"] is not None

    answer = sergey.post(f"/clients/{slug}/interactions", json={"summary": "", "date": "yesterday"})
    expect(answer, 422, "validation_failed")
    assert {("summary", "required"), ("date", "invalid_date")} <= field_errors(answer), answer.json
    expect(sergey.post(f"/clients/{slug}/interactions", data=b"x", headers={"Content-Type": "text/plain"}),
           415, "unsupported_media_type")
    expect(sergey.post(f"/clients/no-such-{uuid.uuid4().hex[:6]}/interactions", json={"summary": "x"}),
           404, "not_found")


def test_interaction_kind_outside_the_list_is_not_found(sergey):
    slug = new_client(sergey)["slug"]
    answer = sergey.post(f"/clients/{slug}/interactions", json={"kind": "fax", "summary": "Sent a fax"})
    expect(answer, 422, "validation_failed")
    assert field_errors(answer) == {("kind", "not_found")}, answer.json
    answer = sergey.post(f"/clients/{slug}/interactions", json={"kind": "fax", "summary": "", "date": "yesterday"})
    expect(answer, 422, "validation_failed")
    assert {("summary", "required"), ("kind", "not_found"), ("date", "invalid_date")} <= field_errors(answer), \
        f"every problem at once: {answer.json}"


def test_client_attachments(sergey, ivan):
    client = new_client(sergey)
    slug = client["slug"]
    data = b"%PDF-1.4\n% not really a pdf\n"
    attachment = expect(sergey.post(f"/clients/{slug}/attachments?name=contract.txt", data=data,
                                    headers={"Content-Type": "text/plain"}), 201)
    assert attachment["name"] == "contract.txt"
    listed = expect(sergey.get(f"/clients/{slug}/attachments"), 200)["items"]
    assert [item["id"] for item in listed] == [attachment["id"]]
    download = sergey.get(attachment["download"])
    expect(download, 200)
    assert download.body == data
    expect(ivan.get(attachment["download"]), 404, "not_found")
    expect(ivan.get(f"/clients/{slug}/attachments"), 404, "not_found")


def test_client_export(sergey, ivan):
    client = new_client(sergey, segment="ExportTest")
    answer = sergey.get("/clients/export")
    expect(answer, 200)
    assert answer.content_type == "text/csv"
    text = answer.body.decode("utf-8-sig")
    assert client["name"] in text
    assert "," in text.splitlines()[0]
    semicolon = sergey.get("/clients/export?delimiter=semicolon&segment=ExportTest")
    expect(semicolon, 200)
    rows = semicolon.body.decode("utf-8-sig").strip().splitlines()
    assert ";" in rows[0]
    assert any(client["name"] in row for row in rows[1:])
    expect(ivan.get("/clients/export"), 404, "not_found")
    expect(sergey.get("/clients/export?delimiter=tab"), 400, "invalid_parameter")
    expect(sergey.get("/clients/export?format=pdf"), 400, "invalid_parameter")


def test_client_export_opens_in_excel_form(sergey):
    """The .xlsx export is a workbook a spreadsheet program opens: openpyxl reads it back."""
    import io
    import openpyxl
    client = new_client(sergey, segment="XlsxTest", inn="0274062111")
    answer = sergey.get("/clients/export?format=xlsx&segment=XlsxTest&rows=contacts")
    expect(answer, 200)
    assert answer.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(answer.body)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[0] == "Name" and "INN" in header and "Contact" in header
    assert [row[0] for row in rows[1:]] == [client["name"]]
    assert rows[1][header.index("INN")] == "0274062111", "an INN stays text, its leading zero kept"
    assert sheet.freeze_panes == "A2"

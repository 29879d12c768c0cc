"""A small HTTP client for the JSON API's tests, on urllib alone.

`web_session` signs into the web UI the way a browser does (the sign-in form, its hidden `_csrf`
field, cookies) and makes personal API tokens through the account page's form; `Api` sends
requests to /api/v1 with such a token. Every answer an `Api` receives goes through the contract
checker (api_contract.py): its status, content type and body must be what the OpenAPI document
says for that operation, so a test that merely calls the API already checks the document."""

import html
import http.cookiejar
import json as jsonlib
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, NamedTuple

API_PREFIX = "/api/v1"
TIMEOUT = 30

_HIDDEN_CSRF = re.compile(r'<input[^>]*\bname="_csrf"[^>]*\bvalue="([^"]*)"')
_META_CSRF = re.compile(r'<meta\s+name="csrf-token"\s+content="([^"]*)"')
_TOKEN_SECRET = re.compile(r'<code id="token-secret">([^<]+)</code>')
_TOKEN_ROW = re.compile(r'<li><strong>([^<]*)</strong>.*?action="(/me/tokens/(\d+)/revoke)"', re.S)


class _NoRedirects(urllib.request.HTTPErrorProcessor):
    """Hands every answer back as it is: no exception for 4xx/5xx, no following of redirects."""

    def http_response(self, request, response):
        return response

    https_response = http_response


class Response(NamedTuple):
    status: int
    headers: Any  # http.client.HTTPMessage: case-insensitive .get()
    body: bytes
    json: Any  # the parsed body when it is JSON (application/json, application/problem+json), else None

    @property
    def content_type(self):
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def describe(self):
        text = self.body[:1500].decode("utf-8", "replace")
        return f"{self.status} {self.headers.get('Content-Type')}: {text}"


def is_json_type(media_type):
    media_type = media_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _send(opener, method, url, headers=None, data=None):
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            status, answer_headers, body = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:  # only when a handler insists; _NoRedirects normally prevents it
        status, answer_headers, body = error.code, error.headers, error.read()
    parsed = None
    if body and is_json_type(answer_headers.get("Content-Type") or ""):
        parsed = jsonlib.loads(body)
    return Response(status, answer_headers, body, parsed)


class WebSession:
    """A browser-like session of the web UI: cookies kept, CSRF token sent with every form."""

    def __init__(self, server):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects)
        self.csrf = ""
        self.token_ids = {}  # secret -> token id, for revoking

    def get(self, path):
        answer = _send(self.opener, "GET", self.server + path)
        page = answer.body.decode("utf-8", "replace")
        meta = _META_CSRF.search(page)
        if meta:
            self.csrf = html.unescape(meta.group(1))
        return answer

    def post_form(self, path, fields):
        """POST a form as a browser would, `_csrf` added from the last page seen."""
        body = urllib.parse.urlencode({"_csrf": self.csrf, **fields}).encode()
        answer = _send(self.opener, "POST", self.server + path,
                       {"Content-Type": "application/x-www-form-urlencoded"}, body)
        meta = _META_CSRF.search(answer.body.decode("utf-8", "replace"))
        if meta:
            self.csrf = html.unescape(meta.group(1))
        return answer

    def sign_in(self, login, password):
        page = self.get("/login")
        assert page.status == 200, f"GET /login: {page.describe()}"
        hidden = _HIDDEN_CSRF.search(page.body.decode("utf-8", "replace"))
        assert hidden, "the sign-in form has no _csrf field"
        self.csrf = html.unescape(hidden.group(1))
        answer = self.post_form("/login", {"login": login, "password": password, "next": ""})
        assert answer.status in (302, 303), f"signing in as {login} failed: {answer.describe()}"
        assert any(cookie.name == "lore_session" for cookie in self.cookies), "no session cookie after signing in"
        me = self.get("/me")  # the session's CSRF token differs from the guest's
        assert me.status == 200, f"GET /me: {me.describe()}"
        return self

    def make_token(self, name, read_only=False, expires=""):
        """Make a personal API token on the account page; returns its secret (`lore_…`)."""
        if not self.csrf:
            self.get("/me")
        fields = {"name": name, "expires": str(expires)}
        if read_only:
            fields["readOnly"] = "on"
        answer = self.post_form("/me/tokens", fields)
        page = answer.body.decode("utf-8", "replace")
        assert answer.status == 200, f"POST /me/tokens: {answer.describe()}"
        found = _TOKEN_SECRET.search(page)
        assert found, "the account page did not show the new token's secret"
        secret = html.unescape(found.group(1)).strip()
        assert secret.startswith("lore_"), secret
        for row_name, _, token_id in _TOKEN_ROW.findall(page):
            if html.unescape(row_name) == name:
                self.token_ids[secret] = int(token_id)
                break
        return secret

    def revoke_token(self, secret):
        token_id = self.token_ids[secret]
        self.get("/me")
        answer = self.post_form(f"/me/tokens/{token_id}/revoke", {})
        assert answer.status in (302, 303), f"revoking token {token_id}: {answer.describe()}"


def web_session(server, login, password):
    """A signed-in web session (see WebSession)."""
    return WebSession(server).sign_in(login, password)


class Api:
    """Requests to /api/v1 with a bearer token; every answer is checked against the OpenAPI document.

    Paths are given without the /api/v1 prefix (`/articles/x`) or with it. `token=None` sends no
    Authorization header; `authorization=` sends that header as it is."""

    def __init__(self, server, token=None, authorization=None, contract=None, check=True):
        self.server = server
        self.token = token
        self.authorization = authorization
        self.check = check
        self.opener = urllib.request.build_opener(_NoRedirects)
        if contract is None and check:
            from api_contract import contract_for
            contract = contract_for(server)
        self.contract = contract

    def url(self, path):
        if not path.startswith(API_PREFIX):
            path = API_PREFIX + path
        # Non-ASCII text in a query (q=Северный) is sent percent-encoded, as a browser would.
        return self.server + urllib.parse.quote(path, safe="/?&=%:@,;+$!*'()~#[]")

    def request(self, method, path, json=None, headers=None, data=None):
        sent_headers = {"Accept": "application/json"}
        if self.authorization is not None:
            sent_headers["Authorization"] = self.authorization
        elif self.token:
            sent_headers["Authorization"] = f"Bearer {self.token}"
        body = data
        if json is not None:
            body = jsonlib.dumps(json).encode("utf-8")
            sent_headers["Content-Type"] = "application/json"
        sent_headers.update(headers or {})
        answer = _send(self.opener, method, self.url(path), sent_headers, body)
        if self.check and self.contract is not None:
            self.contract.check(method, self.url(path)[len(self.server):], answer,
                                request_json=json, authenticated=bool(self.token or self.authorization))
        return answer

    def get(self, path, json=None, headers=None, data=None):
        return self.request("GET", path, json, headers, data)

    def post(self, path, json=None, headers=None, data=None):
        return self.request("POST", path, json, headers, data)

    def put(self, path, json=None, headers=None, data=None):
        return self.request("PUT", path, json, headers, data)

    def patch(self, path, json=None, headers=None, data=None):
        return self.request("PATCH", path, json, headers, data)

    def delete(self, path, json=None, headers=None, data=None):
        return self.request("DELETE", path, json, headers, data)

    def head(self, path, headers=None):
        return self.request("HEAD", path, None, headers, None)


_sessions = {}
_tokens = {}


def cached_session(server, login, password):
    """One signed-in web session per server and account for the whole test run."""
    key = (server, login)
    if key not in _sessions:
        _sessions[key] = web_session(server, login, password)
    return _sessions[key]


def cached_token(server, login, password, read_only=False):
    """One token per server, account and kind for the whole test run (tokens are never revoked here)."""
    key = (server, login, read_only)
    if key not in _tokens:
        session = cached_session(server, login, password)
        _tokens[key] = session.make_token(f"pytest {login}{' read-only' if read_only else ''}", read_only=read_only)
    return _tokens[key]

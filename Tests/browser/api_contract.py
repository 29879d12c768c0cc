"""Checks real API answers against the OpenAPI 3.1 document the server publishes at /api/v1/openapi.json.

For each answer: the request path must match one of the document's paths and the method one of its
operations; the status must be documented for that operation (exactly, or by an `NXX` range); the
content type must be documented; a JSON body must validate (JSON Schema 2020-12, `referencing`
resolving `#/components/...` against the whole document) against the response's schema; headers
the document marks required must be there. A request body the server accepted (2xx) must validate
against the operation's request schema, and every query parameter sent must be documented.

Besides the document, the contract's conventions (api-spec.md) that hold for every answer are
checked: errors are application/problem+json with the matching `status` and `type`; a 401 carries
WWW-Authenticate; 204 and 304 have no body. (RateLimit headers and ETags have tests of their own in
test_api.py, so that one missing header does not hide everything else.)"""

import datetime
import json
import re
import urllib.parse
import urllib.request

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

API_PREFIX = "/api/v1"
DOCUMENT_URI = "urn:lore:openapi"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

format_checker = FormatChecker(formats=())


@format_checker.checks("date-time")
def _is_date_time(value):
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@format_checker.checks("date", raises=ValueError)
def _is_date(value):
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    datetime.date.fromisoformat(value)
    return True


class ContractError(AssertionError):
    pass


def _pointer(*parts):
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _media_matches(documented, actual):
    documented = documented.split(";")[0].strip().lower()
    if documented in ("*/*", actual):
        return True
    if documented.endswith("/*"):
        return actual.split("/")[0] == documented[:-2]
    return False


def _is_json(media_type):
    media_type = media_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class Contract:
    def __init__(self, document):
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(DOCUMENT_URI, resource)
        self.prefix = self._server_prefix()
        self.templates = []
        for template in document.get("paths", {}):
            names = re.findall(r"\{([^}/]+)\}", template)
            pattern = re.escape(template)
            for name in names:
                pattern = pattern.replace(re.escape("{" + name + "}"), "[^/]+")
            self.templates.append((len(names), template, re.compile("^" + pattern + "$")))
        # Literal paths first (/clients/export before /clients/{slug}).
        self.templates.sort(key=lambda entry: (entry[0], entry[1]))
        self.seen = set()  # (method, template, status) answered during the run

    def _server_prefix(self):
        servers = self.document.get("servers") or []
        url = servers[0].get("url", "") if servers else ""
        path = urllib.parse.urlparse(url).path if "://" in url else url
        return path.rstrip("/")

    # --- references -------------------------------------------------------------------------

    def resolve(self, node):
        """Follow a `$ref` to another part of the document (responses, parameters, headers)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ContractError(f"reference outside the document: {ref}")
            node = self.document
            for part in ref[2:].split("/"):
                part = urllib.parse.unquote(part).replace("~1", "/").replace("~0", "~")
                node = node[part]
            seen += 1
            if seen > 20:
                raise ContractError(f"reference loop at {ref}")
        return node

    def validator_at(self, pointer):
        """A validator for the schema at `pointer` in the document, its refs resolved in the document."""
        return Draft202012Validator({"$ref": DOCUMENT_URI + "#" + pointer}, registry=self.registry,
                                    format_checker=format_checker)

    def component_validator(self, name):
        return self.validator_at(_pointer("components", "schemas", name))

    def validate_component(self, name, instance, where=""):
        self._validate(self.component_validator(name), instance, f"components/schemas/{name} {where}")

    def _schema_location(self, pointer, schema_path):
        """The document pointer of the keyword that failed, following `$ref`s on the way."""
        node = self.document
        for part in pointer[1:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        location = pointer
        for part in schema_path:
            hops = 0
            while isinstance(node, dict) and part not in node and "$ref" in node and hops < 20:
                location = node["$ref"][1:]
                node = self.resolve({"$ref": node["$ref"]})
                hops += 1
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return location + " … " + "/".join(str(p) for p in schema_path)
            location += _pointer(part)
        return location

    def _validate(self, validator, instance, where):
        errors = sorted(validator.iter_errors(instance), key=lambda e: (list(e.absolute_path), e.message))
        if errors:
            lines = []
            for error in errors[:8]:
                lines.append(f"  at instance {error.json_path}: {error.message[:300]}\n"
                             f"    schema {self._schema_location(validator.schema['$ref'].split('#', 1)[1], list(error.absolute_schema_path))}")
            raise ContractError(f"{where}: body does not match the document's schema "
                                f"({len(errors)} error(s)):\n" + "\n".join(lines) +
                                f"\n  body: {json.dumps(instance, ensure_ascii=False)[:1500]}")

    # --- operations -------------------------------------------------------------------------

    def operation(self, method, path):
        """(template, operation object) for a concrete path like /api/v1/articles/x?limit=5."""
        path = urllib.parse.urlparse(path).path
        candidates = [path]
        if self.prefix and path.startswith(self.prefix):
            candidates.insert(0, path[len(self.prefix):] or "/")
        elif path.startswith(API_PREFIX):
            candidates.append(path[len(API_PREFIX):] or "/")
        for candidate in candidates:
            for _, template, pattern in self.templates:
                if pattern.match(candidate):
                    item = self.resolve(self.document["paths"][template])
                    operation = item.get(method.lower())
                    if operation is None:
                        return template, None
                    return template, operation
        return None, None

    def check(self, method, path, answer, request_json=None, authenticated=True):
        where = f"{method} {path} → {answer.status}"
        self._check_conventions(method, answer, where, authenticated)
        template, operation = self.operation(method, path)
        if template is None or operation is None:
            # Unknown routes and methods: only the error's shape can be checked.
            if answer.status >= 400 and answer.json is not None and "Problem" in self.document.get(
                    "components", {}).get("schemas", {}):
                self.validate_component("Problem", answer.json, where)
            return
        where = f"{method} {template} [{operation.get('operationId')}] → {answer.status}"
        self.seen.add((method.upper(), template, answer.status))
        self._check_query(operation, template, path, where)
        responses = operation.get("responses", {})
        key = str(answer.status)
        if key not in responses:
            key = f"{answer.status // 100}XX"
            if key not in responses:
                raise ContractError(f"{where}: status {answer.status} is not documented for this operation "
                                    f"(documented: {sorted(responses)}); body: {answer.body[:500]!r}")
        response_pointer = _pointer("paths", template, method.lower(), "responses", key)
        response = self.resolve(responses[key])
        if "$ref" in responses[key]:
            response_pointer = responses[key]["$ref"][1:]
        self._check_headers(response, answer, where)
        content = response.get("content") or {}
        if not answer.body:
            if answer.status in (204, 304) or not content or method.upper() == "HEAD":
                return
            raise ContractError(f"{where}: empty body, but the document gives content {sorted(content)}")
        if not content:
            raise ContractError(f"{where}: the document gives no content for this response, "
                                f"but the answer has a {answer.headers.get('Content-Type')} body")
        actual = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        documented = [media for media in content if _media_matches(media, actual)]
        if not documented:
            raise ContractError(f"{where}: content type {actual!r} is not documented (documented: {sorted(content)})")
        media = actual if actual in content else documented[0]
        media_object = self.resolve(content[media])
        if "schema" in media_object and _is_json(actual):
            if answer.json is None:
                raise ContractError(f"{where}: {actual} body is not JSON: {answer.body[:300]!r}")
            schema_pointer = response_pointer + _pointer("content", media, "schema")
            self._validate(self.validator_at(schema_pointer), answer.json, where + f" ({schema_pointer})")
        if request_json is not None and 200 <= answer.status < 300:
            self._check_request(operation, template, method, request_json, where)

    def _check_query(self, operation, template, path, where):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(path).query, keep_blank_values=True)
        if not query:
            return
        item = self.resolve(self.document["paths"][template])
        parameters = [self.resolve(p) for p in (item.get("parameters") or []) + (operation.get("parameters") or [])]
        names = {p.get("name") for p in parameters if p.get("in") == "query"}
        undocumented = sorted(set(query) - names)
        if undocumented:
            raise ContractError(f"{where}: query parameter(s) {undocumented} not documented (documented: {sorted(names)})")

    def _check_request(self, operation, template, method, request_json, where):
        body = operation.get("requestBody")
        if body is None:
            raise ContractError(f"{where}: the server accepted a JSON body the document does not describe")
        pointer = _pointer("paths", template, method.lower(), "requestBody")
        if "$ref" in body:
            pointer = body["$ref"][1:]
        content = (self.resolve(body).get("content") or {})
        if "application/json" not in content:
            raise ContractError(f"{where}: the request body has no application/json content in the document")
        if "schema" in self.resolve(content["application/json"]):
            schema_pointer = pointer + _pointer("content", "application/json", "schema")
            self._validate(self.validator_at(schema_pointer), request_json,
                           where + f" (REQUEST body the server accepted vs {schema_pointer})")

    def _check_headers(self, response, answer, where):
        for name, header in (response.get("headers") or {}).items():
            header = self.resolve(header)
            if header.get("required") and answer.headers.get(name) is None:
                raise ContractError(f"{where}: header {name} is documented as required but missing")

    def _check_conventions(self, method, answer, where, authenticated):
        actual = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if answer.status >= 400:
            if actual != "application/problem+json":
                raise ContractError(f"{where}: an error must be application/problem+json, got {actual!r}: {answer.body[:300]!r}")
            if not isinstance(answer.json, dict) or answer.json.get("status") != answer.status:
                raise ContractError(f"{where}: the problem's status does not match: {answer.body[:300]!r}")
            if not str(answer.json.get("type", "")).startswith("https://lore.invalid/problems/") or \
                    answer.json["type"] != "https://lore.invalid/problems/" + str(answer.json.get("code")):
                raise ContractError(f"{where}: the problem's type is not https://lore.invalid/problems/<code>: {answer.json}")
        if answer.status == 401 and not (answer.headers.get("WWW-Authenticate") or "").startswith("Bearer"):
            raise ContractError(f"{where}: 401 without WWW-Authenticate: Bearer …")
        if answer.status in (204, 304) and answer.body:
            raise ContractError(f"{where}: {answer.status} with a body: {answer.body[:200]!r}")


_contracts = {}


def load_document(server):
    with urllib.request.urlopen(server + API_PREFIX + "/openapi.json", timeout=30) as answer:
        assert answer.status == 200
        return json.loads(answer.read())


def contract_for(server):
    """The contract of the server's published document, loaded once per server."""
    if server not in _contracts:
        _contracts[server] = Contract(load_document(server))
    return _contracts[server]

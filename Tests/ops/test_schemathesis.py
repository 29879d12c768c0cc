"""The JSON API against its own OpenAPI document, by schemathesis: generated requests for every
operation must get no 5xx, only documented statuses, content types, headers and bodies; and the
lists and search must accept every query the document allows (a cursor, a `q`, a filter).

Short here (a few examples an operation, a fixed seed, about 20 s); more with LORE_SCHEMATHESIS_EXAMPLES.
"""

import os
import subprocess
import sys
from pathlib import Path

from conftest import admin_session

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
EXAMPLES = os.environ.get("LORE_SCHEMATHESIS_EXAMPLES", "10")
RESPONSE_CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
                   "response_headers_conformance,response_schema_conformance")


def run(server, token, *arguments, folder):
    command = [str(SCHEMATHESIS), "run", f"{server.base}/api/v1/openapi.json", "--url", f"{server.base}/api/v1",
               "-H", f"Authorization: Bearer {token}", "-n", EXAMPLES, "--seed", "20261202",
               # A debug build on a busy 2-core machine: a slow answer is not what this checks.
               "--request-timeout", "30", *arguments]
    # In the test's own folder: schemathesis keeps a cache of what it found where it runs.
    finished = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600, cwd=folder)
    assert finished.returncode == 0, f"{' '.join(command[:2])} … {' '.join(arguments)}:\n{finished.stdout[-6000:]}"


def test_every_answer_is_as_documented(start_server, tmp_path):
    server = start_server(log_level="error")
    run(server, admin_session(server.base).make_token("schemathesis"), "-c", RESPONSE_CHECKS,
        "--exclude-checks", "positive_data_acceptance", folder=tmp_path)


def test_queries_the_document_allows_are_accepted(start_server, tmp_path):
    server = start_server(log_level="error")
    # Only the reading lists: a valid body can still name a category that does not exist (422).
    run(server, admin_session(server.base).make_token("schemathesis"), "-c", "positive_data_acceptance",
        "--phases", "examples,coverage,fuzzing",
        "--exclude-method", "POST", "--exclude-method", "PUT", "--exclude-method", "DELETE", "--include-path-regex", r"^/(search|articles|clients|articles/\{slug\}/revisions)$",
        folder=tmp_path)

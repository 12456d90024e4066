"""A process killed in the middle of a multi-object write (SIGKILL: the OOM killer, a
worker's timeout, kill -9) leaves what was committed before it and nothing of the write it
was doing. A real subprocess is killed half way through import_applications, on a file
copy of the test database (SQLite, WAL mode as in production) or on the test database
itself (PostgreSQL)."""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import urllib.parse
from pathlib import Path

import pytest
from django.db import connection

from programme.models import Application, Round

PROJECT = Path(__file__).resolve().parents[2]
CSV = (
    "application_id,name,email,country,sector,role,career_stage,interests,match_preference,"
    "timezone,previous_partner_emails\n"
    "A-1,Ana Lima,ana@example.org,BR,public,Librarian,early,outreach,open,America/Sao_Paulo,\n"
    "A-2,Kofi Mensah,kofi@example.org,GH,academic,Cataloguer,mid,metadata,open,Africa/Accra,\n"
)
# Accounts, profiles and applications are written before the interests' new tags: the
# process kills itself when the first tag is saved, inside the import's transaction.
KILLED_MID_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    import django
    django.setup()
    from django.db.models.signals import post_save
    from taggit.models import Tag
    from django.core.management import call_command

    def die(**kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    post_save.connect(die, sender=Tag, weak=False)
    call_command("import_applications", "2026-spring", sys.argv[1], "--create")
    """
)

pytestmark = [
    pytest.mark.slow,  # a Django start-up in a subprocess
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(tmp_path):
    """A URL for the subprocess: a file copy of the SQLite test database (in memory), or
    the PostgreSQL test database."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}", copy
    credentials = urllib.parse.quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + urllib.parse.quote(db["PASSWORD"])
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}", None


def test_a_process_killed_mid_import_leaves_the_committed_data_and_nothing_half(tmp_path):
    opened = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    before = Round.objects.create(
        name="Committed before",
        slug="committed-before",
        applications_open=opened,
        applications_close=opened + datetime.timedelta(days=30),
        partnership_start=datetime.date(2026, 3, 1),
    )
    csv = tmp_path / "applications.csv"
    csv.write_text(CSV)
    url, copy = database_url(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=url)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_MID_IMPORT, str(csv)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr

    if copy is None:  # PostgreSQL: the test database itself
        assert Round.objects.filter(pk=before.pk).exists()
        assert not Round.objects.filter(slug="2026-spring").exists()
        assert not Application.objects.exists()
    else:  # SQLite: the file the killed process wrote (its WAL left beside it)
        db = sqlite3.connect(copy)
        slugs = {row[0] for row in db.execute("SELECT slug FROM programme_round")}
        assert "committed-before" in slugs and "2026-spring" not in slugs
        assert db.execute("SELECT count(*) FROM programme_application").fetchone() == (0,)
        assert db.execute(
            "SELECT count(*) FROM auth_user WHERE email LIKE '%@example.org'"
        ).fetchone() == (0,)
        db.close()

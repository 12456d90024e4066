"""`manage.py backup` / `restore` (core/backups.py): the demo site is backed up, wiped and
restored, and every page, member, revision and media file is found again. Runs on the
database DATABASE_URL names (SQLite's backup API, or pg_dump/pg_restore on PostgreSQL)."""

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from core import backups
from members.models import MemberProfile


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "title", "url_path", "live", "latest_revision_id")
        ),
        "members": sorted(get_user_model().objects.values_list("pk", "email", "password")),
        "profiles": sorted(MemberProfile.objects.values_list("pk", "user_id", "display_name")),
        "revisions": sorted(
            (pk, object_id, str(created))
            for pk, object_id, created in Revision.objects.values_list(
                "pk", "object_id", "created_at"
            )
        ),
    }


def refill_content_type_cache():
    """restore() empties ContentType's cache (the ids are the restored database's). Refill
    it from the restored database, which has the ids the test database was built with:
    the next transactional test's serialized rollback saves rows whose signal receivers
    look content types up, and an empty cache would make them create duplicates."""
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_of_the_demo_site_restores_every_page_member_and_revision(tmp_path, client):
    call_command("load_demo", stdout=io.StringIO())
    before, files = snapshot(), media_files()
    assert len(before["pages"]) > 100 and len(before["members"]) > 100
    assert len(before["revisions"]) > 40 and files

    out = io.StringIO()
    call_command("backup", directory=str(tmp_path), stdout=out)
    (made,) = tmp_path.iterdir()
    assert "Backup complete in" in out.getvalue() and str(made) in out.getvalue()
    manifest = json.loads((made / "manifest.json").read_text())
    assert manifest["engine"] == connection.vendor
    assert manifest["tables"]["wagtailcore_page"] == len(before["pages"])
    assert manifest["files"]["media"] == len(files)

    # Wipe: every row and every media file.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not Page.objects.exists() and not get_user_model().objects.exists()

    cache.set("page-of-the-wiped-site", "stale")
    out = io.StringIO()
    call_command("restore", str(made), no_input=True, stdout=out)
    assert cache.get("page-of-the-wiped-site") is None
    refill_content_type_cache()
    assert "each table as in the backup" in out.getvalue()
    assert snapshot() == before
    assert media_files() == files
    assert client.get("/").status_code == 200
    story = Page.objects.live().filter(url_path__contains="/stories/").last()
    assert client.get(story.url).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_what_is_not_a_whole_backup_of_this_database(tmp_path):
    unfinished = tmp_path / "20260101T000000Z.partial"
    unfinished.mkdir()
    with pytest.raises(CommandError, match="unfinished backup"):
        call_command("restore", str(unfinished), no_input=True)
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path / "missing"), no_input=True)
    with pytest.raises(CommandError, match="has no manifest.json"):
        call_command("restore", str(tmp_path), no_input=True)

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    foreign = tmp_path / "20260101T000001Z"
    foreign.mkdir()
    (foreign / "manifest.json").write_text(
        json.dumps({"format": 1, "engine": other, "database_file": "x", "files": {}})
    )
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(foreign), no_input=True)


@pytest.mark.django_db
def test_no_backup_inside_a_transaction(tmp_path):
    with pytest.raises(CommandError, match="cannot run inside a database transaction"):
        call_command("backup", directory=str(tmp_path), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_asks_first_and_a_no_changes_nothing(tmp_path, monkeypatch):
    made = backups.backup(tmp_path, media=False)
    get_user_model().objects.create(username="written-after-the-backup")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled: nothing was changed"):
        call_command("restore", str(made.path))
    assert get_user_model().objects.filter(username="written-after-the-backup").exists()

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    call_command("restore", str(made.path), stdout=io.StringIO())
    refill_content_type_cache()
    assert not get_user_model().objects.filter(username="written-after-the-backup").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_backup_leaves_no_folder_behind(tmp_path, monkeypatch):
    def broken(*args):
        raise backups.BackupError("disk full")

    monkeypatch.setattr(backups, "_copy_files", broken)
    with pytest.raises(CommandError, match="Backup failed: disk full"):
        call_command("backup", directory=str(tmp_path), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []

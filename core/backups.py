"""Backups of the database and the media files, and putting one back (`make backup`,
`make restore BACKUP=…`; the `backup` and `restore` management commands call these).

A backup is a folder `<BACKUP_DIR>/<UTC time>/` holding

- `database.sqlite3` (SQLite: a copy made with SQLite's online backup API, one read
  transaction, consistent while the site keeps writing) or `database.dump` (PostgreSQL:
  `pg_dump -Fc` in the snapshot the row counts were read in);
- `media/`: a copy of MEDIA_ROOT (original images, renditions, documents), unless the
  media live in a bucket (django-storages), which keeps its own versions; and
  `private-media/`, members' own photos (settings.MEMBER_PHOTOS_ROOT), if there is one;
- `manifest.json`: when, which database engine, versions, and the number of rows of every
  table in the copied database, which `restore` checks its work against.

It is written to `<time>.partial/` and renamed once complete: a folder without that
suffix is whole. The database is copied before the files, so a file uploaded during the
backup may be in the copy without its row (harmless), never the other way round, except
for a file deleted during the backup.

Restoring replaces the database (SQLite: the backup API again, page by page under an
exclusive lock; PostgreSQL: `pg_restore --clean --if-exists --single-transaction`, all or
nothing) and then each file folder (copied beside it, then swapped in by
renaming), empties the caches (Redis: pages, figures, searches of the replaced database),
and checks every table's row count against the manifest. Stop the app servers and cron
first.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, transaction

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
PARTIAL_SUFFIX = ".partial"

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Backup:
    path: Path
    manifest: dict

    @property
    def rows(self):
        return sum(self.manifest["tables"].values())


def _quiet(message):
    pass


def engine():
    if connection.in_atomic_block:
        # SQLite's backup would wait forever for the transaction's own lock; pg_dump and
        # pg_restore run in other sessions and would not see (or would wait for) it.
        raise BackupError("Backups and restores cannot run inside a database transaction.")
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def default_backup_dir():
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups")


def file_folders():
    """{name in the backup: folder on this disk} of the files a backup copies: MEDIA_ROOT
    unless the media are stored elsewhere (an S3 bucket), and the members' photos."""
    folders = {}
    if isinstance(default_storage, FileSystemStorage):
        folders["media"] = Path(settings.MEDIA_ROOT)
    if getattr(settings, "MEMBER_PHOTOS_ROOT", None):
        folders["private-media"] = Path(settings.MEMBER_PHOTOS_ROOT)
    return folders


# Backing up ------------------------------------------------------------------------------


def backup(directory=None, *, media=True, progress: Progress = _quiet):
    """Write a backup into a new timestamped folder under `directory`; returns it."""
    vendor = engine()
    directory = Path(directory or default_backup_dir())
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"Cannot create the backup folder {directory}: {error.strerror}."
        ) from None
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    final = directory / stamp
    n = 1
    while final.exists() or final.with_name(final.name + PARTIAL_SUFFIX).exists():
        n += 1
        final = directory / f"{stamp}-{n}"
    partial = final.with_name(final.name + PARTIAL_SUFFIX)
    partial.mkdir()
    started = time.monotonic()
    try:
        if vendor == "sqlite":
            tables = _backup_sqlite(partial / SQLITE_FILE, progress)
        else:
            tables = _backup_postgres(partial / POSTGRES_FILE, progress)
        folders = file_folders() if media else {}
        copied = {
            name: _copy_files(name, root, partial / name, progress)
            for name, root in folders.items()
        }
        if media and "media" not in folders:
            progress(
                f"Media: stored by {type(default_storage).__name__}, not on this disk: not "
                "copied (the bucket keeps its own versions; see docs/operations.md)."
            )
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": vendor,
            "database_file": SQLITE_FILE if vendor == "sqlite" else POSTGRES_FILE,
            "files": copied,
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "tables": tables,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    progress(
        f"Backup complete in {time.monotonic() - started:.1f} s: {final} "
        f"({len(tables)} tables, {sum(tables.values())} rows"
        + "".join(f", {n} files in {name}/" for name, n in copied.items())
        + ")."
    )
    return Backup(final, manifest)


def _backup_sqlite(target, progress):
    """Copy the database with SQLite's online backup API in one step (one read
    transaction, so the copy is one consistent state however much the site writes)."""
    connection.ensure_connection()
    source = connection.connection
    size = _sqlite_size(source)
    progress(f"Database: copying SQLite ({_megabytes(size)}) with the online backup API…")
    started = time.monotonic()
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        tables = _sqlite_counts(copy)
    finally:
        copy.close()
    progress(f"Database: copied in {time.monotonic() - started:.1f} s.")
    return tables


def _sqlite_size(raw):
    page_count = raw.execute("PRAGMA page_count").fetchone()[0]
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    return page_count * page_size


def _sqlite_counts(raw):
    names = [
        row[0]
        for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    # FTS5 shadow tables (search index internals) are counted through their main table.
    names = [name for name in names if not _is_fts_shadow(name, names)]
    return {name: raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _is_fts_shadow(name, names):
    base, _, suffix = name.rpartition("_")
    return suffix in {"data", "idx", "content", "docsize", "config"} and base in names


def _backup_postgres(target, progress):
    """`pg_dump -Fc` of the database in the very snapshot the row counts are read in: a
    repeatable-read transaction exports its snapshot and pg_dump uses it."""
    progress("Database: dumping PostgreSQL with pg_dump -Fc…")
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = _postgres_counts(cursor)
        _run_pg(
            "pg_dump",
            ["--format=custom", f"--snapshot={snapshot}", f"--file={target}", "--verbose"],
            progress,
            total=len(tables),
            marker="dumping contents of table",
        )
    progress(
        f"Database: dumped in {time.monotonic() - started:.1f} s "
        f"({_megabytes(target.stat().st_size)} compressed)."
    )
    return tables


def _postgres_counts(cursor):
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    names = [row[0] for row in cursor.fetchall()]
    counts = {}
    for name in names:
        cursor.execute(f'SELECT count(*) FROM "{name}"')
        counts[name] = cursor.fetchone()[0]
    return counts


def _pg_environment():
    """libpq's environment for the default database's settings (password never on the
    command line)."""
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db["NAME"]),
    ):
        if value:
            env[key] = str(value)
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _run_pg(program, arguments, progress, *, total, marker):
    """Run pg_dump or pg_restore, reporting each tenth of the tables it handles, and turn
    a failure into a BackupError holding its own words."""
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed: install the PostgreSQL client of the server's "
            "major version (Debian: apt-get install postgresql-client)."
        )
    process = subprocess.Popen(
        [program, *arguments],
        env=_pg_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors, done, step = [], 0, max(1, total // 10)
    for line in process.stderr:
        if marker in line:
            done += 1
            if done % step == 0:
                progress(f"Database: {done} of {total} tables")
        elif ": error:" in line or "FATAL:" in line or "ERROR:" in line:
            errors.append(line.strip())
    if process.wait() != 0:
        detail = "; ".join(errors[-5:]) or f"exit status {process.returncode}"
        raise BackupError(f"{program} failed: {detail}")


def _copy_files(name, root, target, progress):
    """Copy one file folder, reporting each tenth of the files; returns how many."""
    target.mkdir()
    if not root.exists():
        progress(f"Files ({name}): {root} does not exist: nothing to copy.")
        return 0
    files = [path for path in root.rglob("*") if path.is_file()]
    progress(f"Files ({name}): copying {len(files)} files from {root}…")
    step = max(1, len(files) // 10)
    for done, path in enumerate(files, start=1):
        destination = target / path.relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        if done % step == 0 and done != len(files):
            progress(f"Files ({name}): {done} of {len(files)}")
    progress(f"Files ({name}): {len(files)} copied.")
    return len(files)


def _megabytes(size):
    return f"{size / 1_000_000:.1f} MB"


# Restoring -------------------------------------------------------------------------------


def read_backup(path):
    """The backup in folder `path`, checked to be whole and of this database's engine."""
    path = Path(path)
    if path.name.endswith(PARTIAL_SUFFIX):
        raise BackupError(f"{path} is an unfinished backup (interrupted): it cannot be restored.")
    if not path.is_dir():
        raise BackupError(f"{path} is not a backup folder (expected BACKUP_DIR/<time>/).")
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(
            f"{path} has no {MANIFEST}: it is not a backup made by `make backup`."
        ) from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{path / MANIFEST} cannot be read: {error}.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is a backup of format {manifest.get('format')!r}, not {FORMAT}.")
    vendor = engine()
    if manifest["engine"] != vendor:
        raise BackupError(
            f"{path} holds a {manifest['engine']} database, but DATABASE_URL points to "
            f"{vendor}: set DATABASE_URL to a {manifest['engine']} database to restore it."
        )
    if not (path / manifest["database_file"]).is_file():
        raise BackupError(f"{path} lacks its database file {manifest['database_file']}.")
    for name in manifest["files"]:
        if not (path / name).is_dir():
            raise BackupError(f"{path} lacks its {name}/ folder.")
    return Backup(path, manifest)


def restore(found: Backup, *, media=True, progress: Progress = _quiet):
    """Put the backup's database (and, with `media`, its file folders) in place of the
    current ones, then check that every table holds the backup's number of rows."""
    started = time.monotonic()
    source = found.path / found.manifest["database_file"]
    if found.manifest["engine"] == "sqlite":
        _restore_sqlite(source, progress)
    else:
        _restore_postgres(source, len(found.manifest["tables"]), progress)
    connection.close()  # no cached state (SQLite schema, PostgreSQL types) from before
    ContentType.objects.clear_cache()  # ids as the restored database has them
    if media:
        folders = file_folders()
        for name, total in found.manifest["files"].items():
            if name in folders:
                _restore_files(name, found.path / name, folders[name], total, progress)
            else:
                progress(
                    f"Files ({name}): stored elsewhere now (a bucket), not on this disk: "
                    f"the backup's copy is left in {found.path / name}."
                )
    for alias in settings.CACHES:
        # Cached pages, figures and search results belong to the database that was replaced.
        caches[alias].clear()
    progress("Caches cleared (pages, figures and searches of the replaced database).")
    counts = current_counts()
    wrong = {
        table: (rows, counts.get(table))
        for table, rows in found.manifest["tables"].items()
        if counts.get(table) != rows
    }
    if wrong:
        listed = ", ".join(f"{t}: {got} rows, backup {want}" for t, (want, got) in wrong.items())
        raise BackupError(f"The restored database differs from the backup: {listed}.")
    progress(
        f"Restore complete in {time.monotonic() - started:.1f} s: {len(counts)} tables, "
        f"{found.rows} rows, each table as in the backup of {found.manifest['created_at']}."
    )


def current_counts():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return _sqlite_counts(connection.connection)
    with connection.cursor() as cursor:
        return _postgres_counts(cursor)


def _restore_sqlite(source, progress):
    progress(f"Database: restoring SQLite from {source} ({_megabytes(source.stat().st_size)})…")
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    except sqlite3.OperationalError as error:
        raise BackupError(
            f"SQLite refused the restore ({error}): the database is in use. Stop the app "
            "servers and cron jobs, then restore again."
        ) from error
    finally:
        copy.close()
    progress("Database: restored.")


def _restore_postgres(source, tables, progress):
    progress(f"Database: restoring PostgreSQL from {source} with pg_restore --clean…")
    connection.close()  # our own session must not hold locks on the tables dropped
    _run_pg(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--verbose",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ],
        progress,
        total=tables,
        marker="processing data for table",
    )
    progress("Database: restored.")


def _restore_files(name, source, root, total, progress):
    """Copy one of the backup's file folders beside its place, then swap the two folders
    by renaming, so the site never sees half of them."""
    root = root.resolve()
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S")
    incoming = root.with_name(f".{root.name}.restoring-{stamp}")
    outgoing = root.with_name(f".{root.name}.replaced-{stamp}")
    progress(f"Files ({name}): copying {total} files to {root}…")
    try:
        shutil.copytree(source, incoming)
        if root.exists():
            root.rename(outgoing)
        incoming.rename(root)
    except OSError as error:
        shutil.rmtree(incoming, ignore_errors=True)
        raise BackupError(
            f"The files could not be put back in {root}: {error}. The database is restored; "
            f"copy {source} to {root} by hand."
        ) from error
    shutil.rmtree(outgoing, ignore_errors=True)
    progress(f"Files ({name}): {total} restored.")

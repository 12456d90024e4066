"""Shared helpers for the bench/ scripts: a throwaway database, timing statistics, and
writing one section of docs/benchmarks.md without touching the others' sections."""

import os
import platform
import re
import statistics
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REPORT = PROJECT / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Numbers written by the `bench/` scripts (each owns one section; re-run a script to "
    "refresh its section). Latencies are wall-clock per request through the whole Django "
    "stack, measured on the project's 2-core CI machine.\n"
)


def setup_django(default_db_name):
    """Point Django at a throwaway database (unless DATABASE_URL is given) and set it up."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/{default_db_name}.sqlite3")
    import sys

    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    return os.environ["DATABASE_URL"]


def reset_database(url):
    """Start from an empty database: delete the SQLite file, or drop and re-create the
    PostgreSQL database (connecting to the server's `postgres` database to do so)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def time_requests(get, url, repeat, warmup=5):
    """Latencies in milliseconds of `repeat` GETs of url after `warmup` untimed ones."""
    for _ in range(warmup):
        get(url)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = get(url)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return samples


def load_fresh_demo(db_url, scale=1):
    """An empty database, migrated, with `load_demo --scale` content; returns seconds taken."""
    from django.core.management import call_command

    reset_database(db_url)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", scale=scale, verbosity=0, stdout=quiet)
    return time.perf_counter() - started


def measure_pages(client, pages, repeat):
    """Time each {name: url} and count its SQL queries; prints progress and returns the
    markdown table (header included)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = ["| page | URL | median | p95 | queries |", "|---|---|---:|---:|---:|"]
    for name, url in pages.items():
        stats = summarise(time_requests(client.get, url, repeat))
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            f"| {name} | `{url}` | {stats['median']:.1f} | {stats['p95']:.1f} | {len(queries)} |"
        )
        print(
            f"{name:32} median {stats['median']:6.1f} ms   p95 {stats['p95']:6.1f} ms"
            f"   {len(queries)} queries"
        )
    return rows


def summarise(samples):
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def database_label(url):
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def machine_line():
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def write_section(key, title, body):
    """Replace (or append) the section marked with `key` in docs/benchmarks.md."""
    REPORT.parent.mkdir(exist_ok=True)
    text = REPORT.read_text() if REPORT.exists() else HEADER
    start, end = f"<!-- bench:{key}:start -->", f"<!-- bench:{key}:end -->"
    section = f"{start}\n## {title}\n\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    REPORT.write_text(text)


def publish(key, title, db_url, command, details, table):
    """Write one benchmark's section for this database: how it was run, then its table."""
    label = database_label(db_url)
    body = "\n".join([f"`{command}` on {label} ({machine_line()}); {details}", "", *table])
    write_section(f"{key}-{label.lower()}", f"{title} ({label})", body)
    print("written to docs/benchmarks.md")

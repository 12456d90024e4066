"""Load benchmark: the production server (`make serve-prod`: gunicorn, production settings,
whitenoise, Redis) under a realistic mix of requests, with a static file as the ceiling.

    .venv/bin/python bench/load.py [--scale 10] [--step-seconds 8] [--reuse-db]

1. Builds a throwaway database (SQLite in /tmp unless DATABASE_URL is set) with
   `load_demo --scale N` (--reuse-db keeps one built before), starts a throwaway Redis on a
   loopback port (if redis-server is installed) and `make serve-prod` on 127.0.0.1.
2. Drives it with wrk (Debian's package; `make bench-load` installs it) and bench/load.lua,
   one connection per wrk thread so that every response is timed and paired with its URL:
   - cold: every anonymous URL of the mix once, on an empty cache;
   - the ceiling: a whitenoise static file from the same gunicorn, at each concurrency;
   - cached anonymous pages alone, at each concurrency (the page cache's share of the
     ceiling);
   - the mix at each concurrency (steps of increasing load): ~75% anonymous page views
     across the four locales, 15% searches, 10% members' directory, profile and own-page
     views with logged-in sessions; log-ins themselves are timed apart (allauth limits them
     to 30 a minute per address, and every request here comes from 127.0.0.1).
3. Writes requests/s, p50/p95/p99 per kind of page, errors, the cache's hits, each rate as a
   share of the static file's, and every worker's memory (RSS from /proc) to
   docs/benchmarks.md.

Bounded: every step lasts --step-seconds and at most --wrk-max-requests per connection;
loopback only. Everything it starts (Redis, the server) is stopped at the end.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import (  # noqa: E402
    PROJECT,
    database_label,
    load_fresh_demo,
    machine_line,
    setup_django,
    write_section,
)

LUA = Path(__file__).with_name("load.lua")
HOST = "127.0.0.1"
CONCURRENCY = [1, 2, 4, 8, 16]
SEARCH_WORDS = [
    "flood",
    "library",
    "reading",
    "digital",
    "children",
    "archive",
    "community",
    "school",
    "literacy",
    "partnership",
    "catalogue",
    "research",
    "museum",
    "outreach",
    "books",
]
# The mix, in requests out of 100.
ANONYMOUS = {  # 75
    "home": 14,
    "section index": 16,
    "topic": 12,
    "discussion": 11,
    "country": 8,
    "story": 8,
    "guidance": 6,
}
SEARCH = 15
MEMBERS = {"members directory": 4, "member profile": 4, "member's own page": 2}  # 10
MIX_SIZE = 2000  # entries in the mix file (each thread cycles through it)
COLD_MAX = 300  # anonymous URLs requested in the cold pass (the most visited of the mix)
MEMBER_PASSWORD = "correct horse battery staple"  # members.factories.MEMBER_PASSWORD


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--step-seconds", type=int, default=8)
    parser.add_argument("--wrk-max-requests", type=int, default=50000, help="per connection")
    parser.add_argument(
        "--gunicorn-max-requests",
        type=int,
        help="GUNICORN_MAX_REQUESTS for the server (default: gunicorn.conf.py's; 0: workers "
        "are never replaced); the results go to a section of their own",
    )
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print, do not write docs")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `make bench-load` installs it (apt-get install wrk).")

    other_load = cpu_busy_share(3.0)  # before anything of ours runs
    db_url = setup_django("iln_bench_load")
    if args.reuse_db and db_exists(db_url):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # the code may have moved on since
        print("reusing the database built before")
    else:
        seconds = load_fresh_demo(db_url, scale=args.scale)
        print(f"demo at scale {args.scale} loaded in {seconds:.0f} s")
    urls = collect_urls()
    port = args.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="iln-load-"))
    redis = start_redis(work)
    server = None
    try:
        server, started_in = start_server(db_url, port, redis, args.gunicorn_max_requests)
        base = f"http://{HOST}:{port}"
        print(f"server up in {started_in:.1f} s at {base}; workers {worker_pids(server)}")
        results = run(args, base, urls, work, server, redis)
        results["other_load_before"] = other_load
        results["load_during"] = os.getloadavg()
    finally:
        stop(server)
        stop(redis)
        shutil.rmtree(work, ignore_errors=True)
    report(args, db_url, urls, results)


# Preparing ------------------------------------------------------------------------------


def db_exists(url):
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).exists()
    from django.db import connection

    try:
        return "wagtailcore_page" in connection.introspection.table_names()
    except Exception:
        return False


def collect_urls():
    """Live public URLs by kind, across locales; members to log in; a static file."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from taggit.models import Tag
    from wagtail.models import Page

    from countries.models import CountryIndexPage, CountryProfilePage
    from home.models import GuidanceIndexPage, GuidancePage, HomePage
    from members.models import MemberProfile
    from stories.models import PartnerStoryPage, StoryIndexPage
    from topics.models import DiscussionArchivePage, DiscussionPage, TopicIndexPage, TopicPage

    kinds = {
        "home": [HomePage],
        "section index": [
            TopicIndexPage,
            DiscussionArchivePage,
            CountryIndexPage,
            StoryIndexPage,
            GuidanceIndexPage,
        ],
        "topic": [TopicPage],
        "discussion": [DiscussionPage],
        "country": [CountryProfilePage],
        "story": [PartnerStoryPage],
        "guidance": [GuidancePage],
    }
    pages = {}
    for kind, models in kinds.items():
        found = []
        for model in models:
            for page in model.objects.live().public().select_related("locale"):
                found.append(page.get_url(None))
        pages[kind] = sorted(url for url in found if url)
    tags = list(Tag.objects.values_list("slug", flat=True)[:20])
    pages["section index"] += [
        f"{url}?page=2" for url in pages["section index"] if "/discussions/" in url
    ] + [f"{url}?tag={tag}" for url in pages["section index"] if "/topics/" in url for tag in tags]
    locales = sorted({u.split("/")[1] for u in pages["home"] if u.count("/") > 1} | {""})
    profiles = list(
        MemberProfile.objects.filter(user__is_active=True).values_list("pk", flat=True)[:200]
    )
    # Demo members cannot log in (no usable password): give a few the factories' password,
    # hashed as production hashes it (these settings hash with MD5, which it refuses).
    hasher = PBKDF2PasswordHasher()
    members = list(
        get_user_model()
        .objects.filter(is_active=True, member_profile__isnull=False)
        .order_by("pk")[:6]
    )
    for user in members:
        user.password = hasher.encode(MEMBER_PASSWORD, hasher.salt())
        user.save(update_fields=["password"])
    emails = [user.email for user in members]
    counts = {
        "pages": Page.objects.live().count(),
        "discussions": DiscussionPage.objects.count(),
        "profiles": MemberProfile.objects.count(),
    }
    return {
        "pages": pages,
        "locales": locales,
        "profiles": profiles,
        "emails": emails,
        "counts": counts,
    }


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_redis(work):
    if shutil.which("redis-server") is None:
        print("redis-server not installed: each worker keeps its own local cache")
        return None
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            HOST,
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(work),
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    process.url = f"redis://{HOST}:{port}/0"
    process.port = port
    for _ in range(50):
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def redis_flush(redis):
    if redis is None:
        return
    with socket.create_connection((HOST, redis.port)) as conn:
        conn.sendall(b"FLUSHALL\r\n")
        conn.recv(64)


def start_server(db_url, port, redis, max_requests=None):
    """`make serve-prod` (or gunicorn with gunicorn.conf.py before that target existed) with
    production settings, in its own process group."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "WEB_CONCURRENCY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="bench-load-not-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=db_url,
        HOST=HOST,
        PORT=str(port),
        GUNICORN_ACCESS_LOG="",  # no access log: measure the application
    )
    if max_requests is not None:
        env["GUNICORN_MAX_REQUESTS"] = str(max_requests)
    if redis is not None:
        env["REDIS_URL"] = redis.url
    else:
        env.pop("REDIS_URL", None)
    makefile = (PROJECT / "Makefile").read_text()
    if re.search(r"^serve-prod:", makefile, re.M):
        command = ["make", "--no-print-directory", "serve-prod"]
    else:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=PROJECT,
            env=env,
            check=True,
        )
        command = [str(PROJECT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"]
    log = open(Path(tempfile.gettempdir()) / "iln-bench-load-server.log", "w")  # noqa: SIM115
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.command = " ".join(command)
    process.log = log.name
    deadline = started + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited; see {log.name}")
        try:
            status, _, _ = get(f"http://{HOST}:{port}/", timeout=5)
            if status == 200 and len(worker_pids(process)) >= 1:
                return process, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer within 180 s; see {log.name}")


def stop(process):
    """Stop a process group this script started (by its id), and wait for it."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _processes():
    """{pid: (parent pid, session id, command line)} of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), int(fields[3]), cmdline)
    return found


def worker_pids(server):
    """The gunicorn workers of the server's session: gunicorn processes whose parent is
    gunicorn too (the master's is make, or this script)."""
    procs = _processes()
    ours = {pid: p for pid, p in procs.items() if p[1] == server.pid and "gunicorn" in p[2]}
    return sorted(pid for pid, (parent, _, _) in ours.items() if parent in ours)


def master_pid(server):
    procs = _processes()
    ours = {pid: p for pid, p in procs.items() if p[1] == server.pid and "gunicorn" in p[2]}
    return next((pid for pid, (parent, _, _) in ours.items() if parent not in ours), None)


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_busy_share(seconds):
    """Share of the machine's CPU time busy over `seconds` (from /proc/stat)."""

    def sample():
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = values[3] + values[4]
        return sum(values), idle

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


# HTTP for log-ins --------------------------------------------------------------------------


def get(url, cookies=None, timeout=10):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Cookie": cookie_header(cookies)} if cookies else {}
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.getheaders(), body


def cookie_header(cookies):
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def read_cookies(headers, cookies):
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]


def log_in(base, email):
    """Log in through allauth's form like a browser; returns (seconds, cookies)."""
    cookies = {}
    started = time.perf_counter()
    status, headers, body = get(f"{base}/accounts/login/")
    read_cookies(headers, cookies)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"login": email, "password": MEMBER_PASSWORD, "csrfmiddlewaretoken": token}
    )
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            "Referer": f"{base}/accounts/login/",
        },
    )
    response = conn.getresponse()
    response.read()
    read_cookies(response.getheaders(), cookies)
    conn.close()
    elapsed = time.perf_counter() - started
    if response.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"log-in as {email} failed: {response.status}")
    return elapsed, cookies


# Running wrk ------------------------------------------------------------------------------


def write_entries(path, entries):
    path.write_text("".join(f"{kind}\t{url}\t{cookie}\n" for kind, url, cookie in entries))


def wrk(base, work, name, entries, connections, seconds, *, once=False, max_requests=0):
    """Run one wrk step; returns {rps, samples: [(kind, status, ms, cache)], errors}."""
    folder = work / name
    folder.mkdir()
    write_entries(folder / "entries.tsv", entries)
    env = dict(
        os.environ,
        LOAD_ENTRIES=str(folder / "entries.tsv"),
        LOAD_OUT=str(folder) + "/thread-",
        LOAD_THREADS=str(connections),
        LOAD_ONCE="1" if once else "0",
        LOAD_MAX=str(max_requests),
    )
    subprocess.run(
        [
            "wrk",
            "-t",
            str(connections),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            base,
        ],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    samples = []
    for part in folder.glob("thread-*.tsv"):
        for line in part.read_text().splitlines():
            kind, status, micros, cache = (line.split("\t") + [""])[:4]
            samples.append((kind, int(status), int(micros) / 1000, cache.lower()))
    duration, _requests, *errors = (
        int(v) for v in (folder / "thread-summary.txt").read_text().split()
    )
    step = {
        "name": name,
        "connections": connections,
        "rps": len(samples) / (duration / 1e6),
        "samples": samples,
        "socket_errors": sum(errors),
    }
    print(
        f"{name:28} c={connections:<3} {step['rps']:8.1f} req/s  "
        f"p95 {pct([s[2] for s in samples], 95):7.1f} ms  5xx {count_5xx(samples)}"
    )
    return step


def cold_pass(base, entries, connections=2):
    """Each entry once, shared out between `connections` clients (Python's http.client,
    one kept-alive connection each): the latency of pages rendered on an empty cache.
    (wrk would run for its whole -d whatever the number of requests.)"""
    parts = urllib.parse.urlsplit(base)
    samples = []

    def client(share):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        for kind, url, cookie in share:
            started = time.perf_counter()
            conn.request("GET", url, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            samples.append(
                (kind, response.status, elapsed, (response.getheader("X-Cache") or "").lower())
            )
        conn.close()

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(entries[n::connections],)) for n in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    step = {
        "name": "cold",
        "connections": connections,
        "rps": len(samples) / seconds,
        "samples": samples,
        "socket_errors": 0,
    }
    print(
        f"{'cold':28} c={connections:<3} {step['rps']:8.1f} req/s  "
        f"p95 {pct([s[2] for s in samples], 95):7.1f} ms  5xx {count_5xx(samples)}"
    )
    return step


def pct(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered))) - 1))]


def count_5xx(samples):
    return sum(1 for s in samples if s[1] >= 500)


def build_mix(urls, sessions, rng):
    """MIX_SIZE requests in the mix's proportions. Within a kind, pages are drawn by a
    power law (the n-th most visited page of a kind 1/n as often as the first), as real
    traffic is: a few pages take most visits, the long tail is seen once in a while."""
    pages, weights_of = {}, {}
    for kind, urls_of_kind in urls["pages"].items():
        ranked = sorted(urls_of_kind)
        rng.shuffle(ranked)
        pages[kind] = ranked
        weights_of[kind] = [1 / rank for rank in range(1, len(ranked) + 1)]
    entries = []
    weights = {**ANONYMOUS, "search": SEARCH, **MEMBERS}
    kinds = rng.choices(list(weights), weights=list(weights.values()), k=MIX_SIZE)
    for kind in kinds:
        cookie = ""
        if kind in ANONYMOUS:
            url = rng.choices(pages[kind], weights=weights_of[kind])[0]
        elif kind == "search":
            locale = rng.choice(urls["locales"])
            prefix = f"/{locale}" if locale else ""
            url = f"{prefix}/search/?q={rng.choice(SEARCH_WORDS)}"
        else:
            cookie = rng.choice(sessions)
            url = {
                "members directory": "/members/",
                "member's own page": "/members/me/",
                "member profile": f"/members/{rng.choice(urls['profiles'])}/",
            }[kind]
        entries.append((kind, url, cookie))
    return entries


def run(args, base, urls, work, server, redis):
    rng = random.Random(14)
    seconds, limit = args.step_seconds, args.wrk_max_requests
    results = {"steps": {}, "server": server.command}
    mix = None

    # Cold: every anonymous URL of the mix once, on an empty cache.
    redis_flush(redis)
    logins, sessions = [], []
    for email in urls["emails"][:6]:
        elapsed, cookies = log_in(base, email)
        logins.append(elapsed * 1000)
        sessions.append(cookie_header(cookies))
    results["logins"] = logins
    mix = build_mix(urls, sessions, rng)
    anonymous = [entry for entry in mix if entry[0] in ANONYMOUS]
    # The most visited first; at most COLD_MAX (a cold render costs a few hundred ms).
    distinct = [url for url, _n in Counter(anonymous).most_common(COLD_MAX)]
    results["distinct_anonymous"] = len(set(anonymous))
    results["cold_count"] = len(distinct)
    results["cold"] = cold_pass(base, distinct)
    in_cold = set(distinct)
    cached = [entry for entry in anonymous if entry in in_cold]

    # The ceiling: a static file served by whitenoise in the same gunicorn.
    manifest = json.loads((PROJECT / "staticfiles" / "staticfiles.json").read_text())
    static_url = "/static/" + manifest["paths"]["css/site.css"]
    results["static_url"] = static_url
    static = [("static file", static_url, "")]
    results["steps"]["static"] = [
        wrk(base, work, f"static-{c}", static, c, seconds, max_requests=limit) for c in CONCURRENCY
    ]
    # Cached anonymous pages alone (warm: the cold pass filled the cache).
    results["steps"]["anonymous"] = [
        wrk(base, work, f"anonymous-{c}", cached, c, seconds, max_requests=limit)
        for c in CONCURRENCY
    ]
    results["steps"]["mix"] = [
        wrk(base, work, f"mix-{c}", mix, c, seconds, max_requests=limit) for c in CONCURRENCY
    ]
    results["memory"] = {pid: rss_mb(pid) for pid in worker_pids(server)}
    results["restarts"] = Path(server.log).read_text().count("Autorestarting worker")
    results["master_memory"] = rss_mb(master_pid(server))
    return results


# Reporting -------------------------------------------------------------------------------


def stats_row(values):
    return (
        f"{pct(values, 50):.1f} | {pct(values, 95):.1f} | {pct(values, 99):.1f}"
        if values
        else "– | – | –"
    )


def hit_share(samples):
    cached = [s for s in samples if s[3]]
    if not cached:
        return "no X-Cache"
    return f"{100 * sum(1 for s in cached if s[3] == 'hit') / len(samples):.0f}%"


def uncached(samples):
    return [s[2] for s in samples if s[3] != "hit"]


def report(args, db_url, urls, results):
    static_steps = results["steps"]["static"]
    ceiling = max(step["rps"] for step in static_steps)
    lines = [
        f"`bench/load.py --scale {args.scale} --step-seconds {args.step_seconds}` on "
        f"{database_label(db_url)} ({machine_line()}), "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
        f"Server: `{results['server']}` (production settings, "
        f"{len(results['memory'])} sync workers, Redis cache: "
        f"{'yes' if shutil.which('redis-server') else 'no'}); client: wrk, one connection "
        "per thread, on the same machine. "
        f"{urls['counts']['pages']} live pages ({urls['counts']['discussions']} discussions), "
        f"{urls['counts']['profiles']} member profiles. Times in milliseconds.",
        "",
        f"**Machine load.** Before the run, other work kept "
        f"{100 * results['other_load_before']:.0f}% of the 2 cores busy; load average at "
        f"the end {results['load_during'][0]:.1f}. Other helpers' jobs (tests, servers) were "
        "running on the same cores: the numbers are lower bounds.",
        "",
        f"**Cold cache**: the {results['cold_count']} most visited anonymous URLs of the mix "
        "requested once each, 2 connections (Python's http.client), cache emptied before:",
        "",
        "| kind | requests | p50 | p95 | p99 | 5xx |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    by_kind = defaultdict(list)
    for sample in results["cold"]["samples"]:
        by_kind[sample[0]].append(sample)
    for kind, samples in sorted(by_kind.items()):
        lines.append(
            f"| {kind} | {len(samples)} | {stats_row([s[2] for s in samples])} | "
            f"{count_5xx(samples)} |"
        )
    lines += [
        "",
        f"**Cached anonymous pages** below: the {results['cold_count']} URLs of the cold "
        f"pass, requested in the mix's proportions (the mix has "
        f"{results['distinct_anonymous']} distinct anonymous URLs, drawn by a power law "
        "within each kind of page).",
        "",
        f"**Steps of increasing load** (each {args.step_seconds} s; connections = concurrent "
        f"clients). Ceiling: the static file `{results['static_url']}` at "
        f"{ceiling:.0f} requests/s (its best step).",
        "",
        "| traffic | connections | requests/s | share of static | p50 | p95 | p99 | "
        "p95 uncached | cache hits | 5xx | socket errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    labels = {"static": "static file", "anonymous": "anonymous pages", "mix": "the mix"}
    for key, steps in results["steps"].items():
        for step in steps:
            samples = step["samples"]
            miss = uncached(samples) if key != "static" else []
            lines.append(
                f"| {labels[key]} | {step['connections']} | {step['rps']:.0f} | "
                f"{100 * step['rps'] / ceiling:.0f}% | {stats_row([s[2] for s in samples])} | "
                f"{pct(miss, 95):.1f} | {hit_share(samples) if key != 'static' else '–'} | "
                f"{count_5xx(samples)} | {step['socket_errors']} |".replace("nan", "–")
            )
    mix_steps = results["steps"]["mix"]
    clean = [s for s in mix_steps if count_5xx(s["samples"]) == 0 and not s["socket_errors"]]
    best = max(clean or mix_steps, key=lambda s: s["rps"])
    lines += [
        "",
        f"**The mix per kind of page** at its highest sustained step ({best['connections']} "
        f"connections, {best['rps']:.0f} requests/s, no error"
        + ("" if clean else ": NONE was free of errors")
        + "):",
        "",
        "| kind | share | requests | p50 | p95 | p99 | p95 uncached | cache hits | 5xx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_kind = defaultdict(list)
    for sample in best["samples"]:
        by_kind[sample[0]].append(sample)
    total = len(best["samples"])
    for kind, samples in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        lines.append(
            f"| {kind} | {100 * len(samples) / total:.0f}% | {len(samples)} | "
            f"{stats_row([s[2] for s in samples])} | {pct(uncached(samples), 95):.1f} | "
            f"{hit_share(samples)} | {count_5xx(samples)} |".replace("nan", "–")
        )
    logins = results["logins"]
    statuses = Counter(
        s[1] for steps in results["steps"].values() for st in steps for s in st["samples"]
    )
    memory = ", ".join(f"{mb:.0f}" for mb in results["memory"].values() if mb)
    anonymous_best = max(results["steps"]["anonymous"], key=lambda s: s["rps"])
    cached_share = anonymous_best["rps"] / ceiling
    uncached_p95 = pct(uncached(best["samples"]), 95)
    fives = sum(count_5xx(st["samples"]) for steps in results["steps"].values() for st in steps)
    fives += count_5xx(results["cold"]["samples"])
    max_requests = args.gunicorn_max_requests
    if max_requests is None:
        max_requests = "as gunicorn.conf.py sets it"
    lines += [
        "",
        f"**Log-in** (allauth's form: GET for the CSRF token, then POST; PBKDF2), "
        f"{len(logins)} in a row before the steps: median {statistics.median(logins):.0f} ms, "
        f"slowest {max(logins):.0f} ms.",
        "",
        f"**Memory** (RSS from /proc after the run): workers {memory} MB; master "
        f"{results['master_memory'] or 0:.0f} MB.",
        "",
        f"**Worker restarts** during the run (gunicorn's max_requests: {max_requests}): "
        f"{results['restarts']}. While a worker boots (seconds on a busy machine) it serves "
        "nothing; workers started together reach max_requests together.",
        "",
        f"Statuses over all steps: {dict(sorted(statuses.items()))}.",
        "",
        "**Targets**:",
        f"- cached anonymous pages at 50% or more of the static-file rate: "
        f"{100 * cached_share:.0f}% ({anonymous_best['rps']:.0f} of {ceiling:.0f} requests/s) "
        f"— {'met' if cached_share >= 0.5 else 'MISSED'};",
        f"- uncached page p95 under 150 ms at the highest sustained rate: {uncached_p95:.0f} ms "
        f"— {'met' if uncached_p95 < 150 else 'MISSED'};",
        f"- no 5xx: {fives} — {'met' if fives == 0 else 'MISSED'}.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        key, title = f"load-{database_label(db_url).lower()}", database_label(db_url)
        if args.gunicorn_max_requests is not None:
            key += f"-max-requests-{args.gunicorn_max_requests}"
            title += f"; gunicorn max_requests {args.gunicorn_max_requests}"
        write_section(key, f"Load: the production server under a realistic mix ({title})", body)
        print("written to docs/benchmarks.md")


if __name__ == "__main__":
    main()

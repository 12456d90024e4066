"""gunicorn.conf.py: workers from the CPU count (or WEB_CONCURRENCY), timeouts, graceful
restarts, the access log's response time and cache verdict; and a real gunicorn started
with it serving production settings, reloading and stopping gracefully."""

import multiprocessing
import os
import re
import runpy
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CONF = PROJECT / "gunicorn.conf.py"


def load_conf(monkeypatch, **env):
    for name in (
        "WEB_CONCURRENCY",
        "HOST",
        "PORT",
        "GUNICORN_BIND",
        "GUNICORN_TIMEOUT",
        "DJANGO_SETTINGS_MODULE",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_defaults(monkeypatch):
    conf = load_conf(monkeypatch)
    assert conf["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert conf["worker_class"] == "sync"
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["timeout"] == 30 and conf["graceful_timeout"] == 30
    assert conf["max_requests"] > 0 and 0 < conf["max_requests_jitter"] < conf["max_requests"]
    assert "%(M)s" in conf["access_log_format"]  # response time in milliseconds
    assert "%({x-cache}o)s" in conf["access_log_format"]
    assert conf["raw_env"] == ["DJANGO_SETTINGS_MODULE=portal.settings.production"]
    assert conf["control_socket_disable"] is True


def test_the_environment_overrides(monkeypatch):
    conf = load_conf(
        monkeypatch, WEB_CONCURRENCY="3", HOST="0.0.0.0", PORT="9000", GUNICORN_TIMEOUT="12"
    )
    assert conf["workers"] == 3
    assert conf["bind"] == "0.0.0.0:9000"
    assert conf["timeout"] == 12


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


@pytest.mark.slow
def test_gunicorn_serves_production_settings_reloads_and_stops_gracefully(tmp_path):
    port = spare_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SECRET_KEY": "test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(CONF), "portal.wsgi"],
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/robots.txt"
        for _ in range(120):
            try:
                status, body = get(url)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail(log.read_text())
        assert status == 200 and b"Sitemap:" in body
        # The access log: response time in ms and the page cache's verdict.
        line = r'"GET /robots.txt HTTP/1.1" 200 \d+ .* \d+ms cache=(miss|hit|skip)'
        for _ in range(40):
            if re.search(line, log.read_text()):
                break
            time.sleep(0.25)
        else:
            pytest.fail(log.read_text())
        assert log.read_text().count("Booting worker") == 2

        server.send_signal(signal.SIGHUP)  # graceful reload: new workers, no refused request
        time.sleep(3)
        assert get(url)[0] == 200

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=40) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert "Shutting down: Master" in log.read_text()

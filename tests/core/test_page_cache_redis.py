"""The caches on a real Redis (production's backend, django-redis, with the options of
portal/settings/base.py): the page cache, the search results cache and the home figures;
and pages that still render while Redis is gone, the cache coming back with it.

Redis runs on this machine and in CI (127.0.0.1:6379; these tests use its database 14 and
empty it). The outage test starts its own redis-server on a spare port and stops it."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from core import page_cache
from portal.settings.base import redis_caches
from tests.factories_content import make_discussion, make_topic

pytestmark = pytest.mark.django_db

MACHINE_REDIS = "redis://127.0.0.1:6379/14"


@pytest.fixture
def machine_redis(settings):
    client = redis.Redis.from_url(MACHINE_REDIS)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(
            "Redis is not running at 127.0.0.1:6379 (it runs on this kind of machine and in "
            "CI): start it with `redis-server --daemonize yes --port 6379 --save ''`."
        )
    client.flushdb()
    settings.CACHES = redis_caches(MACHINE_REDIS)
    settings.PAGE_CACHE_SECONDS = 300
    yield client
    client.flushdb()


def test_pages_are_cached_in_redis_and_ended_by_a_change(client, site_tree, machine_redis):
    topic = make_topic(site_tree.topics)
    assert client.get(topic.url)["X-Cache"] == "miss"
    assert client.get(topic.url)["X-Cache"] == "hit"
    assert machine_redis.keys("*pagecache:page:*")  # stored in Redis, not in the process
    topic.title = "Makerspaces, revisited"
    topic.save_revision().publish()
    response = client.get(topic.url)
    assert response["X-Cache"] == "miss" and b"Makerspaces, revisited" in response.content


def test_search_results_and_home_figures_are_cached_in_redis(client, site_tree, machine_redis):
    make_discussion(site_tree.discussions)
    first = client.get("/search/?q=makerspace")
    assert first.status_code == 200
    assert machine_redis.keys("*search:results:*")
    assert client.get("/")["X-Cache"] == "miss"
    assert machine_redis.keys("*home:site-figures:*")


# Redis gone and back ------------------------------------------------------------------------


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(port):
    server = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return server
        except redis.ConnectionError:
            time.sleep(0.05)
    server.kill()
    pytest.fail(f"redis-server did not start on port {port}")


def stop_redis(server):
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def own_redis(settings):
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed (Debian's redis-server package)")
    port = spare_port()
    servers = {"current": start_redis(port)}
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")
    settings.PAGE_CACHE_SECONDS = 300

    class Control:
        def stop(self):
            stop_redis(servers["current"])

        def start(self):
            servers["current"] = start_redis(port)

    yield Control()
    if servers["current"].poll() is None:
        stop_redis(servers["current"])


def test_pages_render_while_redis_is_gone_and_the_cache_resumes_when_it_is_back(
    client, site_tree, own_redis, caplog
):
    topic = make_topic(site_tree.topics)
    make_discussion(site_tree.discussions)
    urls = ["/", topic.url, "/topics/", "/search/?q=makerspace"]
    for url in urls:
        assert client.get(url)["X-Cache"] == "miss", url
        assert client.get(url)["X-Cache"] == "hit", url

    own_redis.stop()
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        for url in urls:
            started = time.monotonic()
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] != "hit"
            assert time.monotonic() - started < 3, url  # no hang on the dead server
    assert topic.title.encode() in client.get(topic.url).content
    # Each failure was logged (django-redis, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS), not raised.
    assert any(r.name.startswith("django_redis") for r in caplog.records), caplog.text

    own_redis.start()  # an empty Redis, as after a restart
    for url in urls:
        assert client.get(url)["X-Cache"] == "miss", url
        assert client.get(url)["X-Cache"] == "hit", url
    # And it is used again for what the page cache depends on.
    assert cache.get(page_cache._VERSION_PREFIX + page_cache.CONTENT)

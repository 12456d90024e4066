"""The database unreachable: a clean 503 page within 5 seconds, no traceback, no hang, and
the site back by itself when the database returns (core/unavailable.py).

A small TCP relay on a spare loopback port stands between Django and PostgreSQL: it
forwards, or it accepts connections and never answers (a database host that is down
behind a firewall: the connection hangs until the connect timeout), dropping the open
ones. The end-to-end test runs when the suite runs on PostgreSQL (CI's second pass); the
one before it runs on any database, with a PostgreSQL connection of its own."""

import socket
import threading
import time

import pytest
from django.conf import settings as django_settings
from django.conf.urls.i18n import i18n_patterns
from django.db import close_old_connections, connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils import translation

from portal.urls import urlpatterns as portal_urlpatterns
from tests.factories_content import make_site_tree, make_topic


class Relay:
    """Forwards 127.0.0.1:<port> to `target` while `up`; otherwise holds connections
    without a byte in reply. `down()` also cuts the connections already open."""

    def __init__(self, target):
        self.target = target
        self.up = True
        self.open = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.open.append(client)
            if self.up:
                upstream = socket.create_connection(self.target)
                self.open.append(upstream)
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def down(self):
        self.up = False
        for s in self.open:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        self.open.clear()

    def close(self):
        self.stopped = True
        self.down()
        self.listener.close()


def unreachable_postgres(port):
    """A PostgreSQL connection as settings make them (connect timeout included), to a
    server that never answers."""
    settings_dict = connections.configure_settings(
        {
            "default": {},
            "unreachable": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": port,
                "NAME": "iln",
                "USER": "postgres",
                "OPTIONS": {"connect_timeout": django_settings.POSTGRES_CONNECT_TIMEOUT},
            },
        }
    )["unreachable"]
    return DatabaseWrapper(settings_dict, alias="unreachable")


def reads_the_unreachable_database(request):
    wrapper = unreachable_postgres(int(request.GET["port"]))
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        wrapper.close()
    return HttpResponse("read")


urlpatterns = [
    *i18n_patterns(path("t/db/", reads_the_unreachable_database), prefix_default_language=False),
    *portal_urlpatterns,
]


def test_the_connect_timeout_is_at_most_five_seconds():
    assert 0 < django_settings.POSTGRES_CONNECT_TIMEOUT <= 5
    assert django_settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_an_unreachable_database_gives_the_503_page_within_five_seconds(client, db, prefix):
    silent = Relay(("127.0.0.1", 9))  # never forwards: accepts and stays silent
    silent.down()
    try:
        started = time.monotonic()
        response = client.get(f"{prefix}/t/db/", {"port": silent.port})
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert response.status_code == 503
    assert elapsed < 5, elapsed
    html = response.content.decode()
    with translation.override(prefix.strip("/") or "en"):
        assert f"<h1>{translation.gettext('Back in a moment')}</h1>" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert f'lang="{prefix.strip("/") or "en"}"' in html
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.urls(__name__)
def test_a_closed_port_gives_the_503_page_at_once(client, db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]  # nothing listens once the socket is closed
    started = time.monotonic()
    response = client.get("/t/db/", {"port": closed})
    assert response.status_code == 503 and time.monotonic() - started < 5


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the default database is SQLite in this run"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_answers_503_while_postgresql_is_away_and_recovers_by_itself():
    """Real pages on the default database, through the relay. Between requests the test
    closes unusable connections as the server does at each request's start and end."""
    site = make_site_tree()
    topic = make_topic(site.topics)
    original = dict(connection.settings_dict)
    relay = Relay((original["HOST"] or "127.0.0.1", int(original["PORT"] or 5432)))
    client = Client(raise_request_exception=False)
    try:
        connection.close()
        connection.settings_dict["HOST"], connection.settings_dict["PORT"] = (
            "127.0.0.1",
            relay.port,
        )
        assert client.get(topic.url).status_code == 200

        relay.down()  # the database goes away: open connections cut, new ones unanswered
        for url in [topic.url, "/", "/topics/", "/fr/topics/"]:
            close_old_connections()
            started = time.monotonic()
            response = client.get(url)
            elapsed = time.monotonic() - started
            assert response.status_code == 503, url
            assert elapsed < 5, (url, elapsed)
            with translation.override("fr" if url.startswith("/fr/") else "en"):
                heading = f"<h1>{translation.gettext('Back in a moment')}</h1>"
            assert heading in response.content.decode(), url
            assert b"Traceback" not in response.content

        relay.up = True  # the database is back
        close_old_connections()
        response = client.get(topic.url)
        assert response.status_code == 200
        assert topic.title.encode() in response.content
    finally:
        relay.close()
        connection.close()
        connection.settings_dict.update(original)


def missing_table(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_here")
    return HttpResponse("read")


urlpatterns.insert(0, path("t/missing-table/", missing_table))


@pytest.mark.urls(__name__)
def test_a_missing_table_is_a_server_error_not_an_outage(db):
    """A migration not run is a fault to fix (500, traceback in the log), not a database
    that went away: SQLite reports both as OperationalError."""
    response = Client(raise_request_exception=False).get("/t/missing-table/")
    assert response.status_code == 500

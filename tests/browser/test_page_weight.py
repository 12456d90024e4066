"""The first visit to the home page stays light: every byte Chromium receives (headers and
bodies, compressed as WhiteNoise serves the collected static files in production) is under
150 KB, and no request leaves the site. The figure is recorded in docs/benchmarks.md.

The demo site is loaded, static files are collected with production's storage (hashed
names, pre-compressed copies), and the portal's own WSGI application (WhiteNoise in front,
DEBUG off) is served from a thread: the test server's static handler would serve
uncompressed files from the app folders instead."""

import threading
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

from tests.browser.site_tour import load_demo_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BUDGET_BYTES = 150 * 1024
# The admin's files are not needed by a visitor's page; collecting them takes long.
NOT_COLLECTED = ["wagtail*", "admin", "rest_framework", "modeladmin", "table_block"]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _ThreadedServer(WSGIServer):
    daemon_threads = True

    def process_request(self, request, client_address):
        thread = threading.Thread(target=self._handle, args=(request, client_address), daemon=True)
        thread.start()

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        finally:
            self.shutdown_request(request)


@pytest.fixture
def production_static(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=NOT_COLLECTED)
    return settings.STATIC_ROOT


@pytest.fixture
def portal_server(production_static):
    """The portal's WSGI application (built now, so WhiteNoise reads the settings above),
    with the uploaded images served as a web server in front of it would serve them."""
    application = get_wsgi_application()
    assert isinstance(application, WSGIHandler)
    application = WhiteNoise(application, autorefresh=True)
    application.add_files(str(django_settings.MEDIA_ROOT), prefix=django_settings.MEDIA_URL)
    server = make_server(
        "127.0.0.1", 0, application, server_class=_ThreadedServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def first_visit(browser, url):
    """(total bytes received, [(url, bytes)], [request urls]) of a first visit to `url`:
    a fresh browser context, so nothing is cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.setdefault(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    requested, failed = [], []
    tab.on("request", lambda request: requested.append(request.url))
    tab.on("response", lambda response: failed.append(response.url) if not response.ok else None)
    tab.goto(url, wait_until="networkidle")
    context.close()
    received = [(urls.get(request_id, "?"), int(size)) for request_id, size in sizes.items()]
    assert failed == [], failed
    return sum(size for _url, size in received), received, requested


def test_the_first_visit_to_the_home_page_is_under_150_kb(portal_server, browser):
    load_demo_site()
    total, received, requested = first_visit(browser, portal_server + "/")

    listing = "\n".join(f"{size:>8} {url}" for url, size in sorted(received))
    print(f"\nFirst visit to the home page: {total} bytes ({total / 1024:.1f} KB)\n{listing}")
    site = urlsplit(portal_server).netloc
    assert [url for url in requested if urlsplit(url).netloc != site] == []
    # The stylesheet came compressed, under its hashed name.
    css = [url for url, _size in received if "/static/css/site." in url]
    assert css and all(url.endswith(".css") and "site.css" not in url for url in css)
    assert total < BUDGET_BYTES, listing

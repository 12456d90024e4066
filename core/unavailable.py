"""The database unavailable: a clean 503 page instead of an error, until it is back.

When PostgreSQL cannot be reached (down, restarting, a network fault), connecting fails
after DATABASE_CONNECT_TIMEOUT seconds (portal/settings/base.py) with an OperationalError
or InterfaceError. `DatabaseUnavailableMiddleware` answers such a request with
templates/503.html (status 503, Retry-After), translated into the request's language and
rendered without the database (no menu, settings or texts: they live in it), and logs one
line. Nothing is kept: the next request connects afresh (CONN_HEALTH_CHECKS drops a dead
kept connection), so the site recovers by itself when the database returns. Pages in the
page cache are still served meanwhile (core.page_cache reads no database on a hit).

The middleware sees errors raised by views and by templates as they render; `server_error`
(portal.urls' handler500) answers the same way for an error raised anywhere else in the
request (a middleware reading the session, for instance).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# SQLite reports a schema that does not match the code (a migration not run) as an
# OperationalError too: that is a fault to fix, answered 500 with its traceback logged.
SQLITE_SCHEMA_ERRORS = ("no such table", "no such column", "has no column named", "near ")


def database_unavailable(error):
    if not isinstance(error, DATABASE_ERRORS):
        return False
    return not str(error).startswith(SQLITE_SCHEMA_ERRORS)


def unavailable_response(request, error):
    logger.error("Database unavailable (%s: %s): answered 503", type(error).__name__, error)
    content = loader.render_to_string("503.html", request=None)
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the 503 page when the error was the database's, Django's 500 otherwise."""
    error = sys.exc_info()[1]
    if database_unavailable(error):
        return unavailable_response(request, error)
    return django_server_error(request, template_name=template_name)

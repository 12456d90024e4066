"""gunicorn configuration for `make serve-prod` (and for a real deployment behind a proxy).

Every value can be overridden from the environment (the names below) or, as with any
gunicorn setting, on the command line. Read by gunicorn from the project root:
`gunicorn -c gunicorn.conf.py portal.wsgi`.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Where to listen: HOST/PORT as `make run` uses them; GUNICORN_BIND wins when set
# (e.g. "unix:/run/iln/gunicorn.sock").
bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)

# Sync workers: the portal's requests are short database-bound page renders, so one
# process per request in flight; (2 x cores) + 1 is gunicorn's rule of thumb for them.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# A request that takes longer than this is killed (and logged); 30 s is far above any
# page here (the slowest searches take well under a second).
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGHUP/SIGTERM workers get this long to finish the request in hand.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Keep-alive behind a load balancer that reuses connections.
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Graceful restarts: each worker is replaced after this many requests (+ up to the jitter),
# which bounds any slow memory growth. The jitter is half the count because workers share
# the load evenly and so reach the count together: with 2,000 + 200 all five restarted
# within seconds of each other under bench/load.py, and the site stalled while they booted.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2)

# Load the application in each worker (not in the master), so that a restarted worker
# opens its own database and cache connections and `kill -HUP` picks up new code.
preload_app = False

# Access log to stdout: the usual combined format plus the response time in
# milliseconds (%(M)s), the page cache's verdict (X-Cache: hit, miss or skip) and the
# process id of the worker that served it (%(p)s).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(B)s "%(f)s" "%(a)s" '
    "%(M)sms cache=%({x-cache}o)s pid=%(p)s"
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Behind a TLS-terminating proxy: trust its X-Forwarded-* headers only from these
# addresses (comma-separated; gunicorn's default is 127.0.0.1).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No control socket (gunicornc): its default path is one per user, so two servers on one
# machine (a test, a benchmark) would fight over it. Signals do the same: HUP reloads
# gracefully, TERM stops gracefully, TTIN/TTOU add or remove a worker.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "") == ""
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

# Production settings unless the environment says otherwise.
_settings = os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.production")
raw_env = [f"DJANGO_SETTINGS_MODULE={_settings}"]

"""Production: refuses to start without a secret key and allowed hosts; HTTPS-only cookies
and HSTS so that `manage.py check --deploy` is clean."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from portal.csp import with_media_origins

from .base import *  # noqa: F401,F403
from .base import env_list

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Reuse each worker's database connection for up to a minute instead of connecting for
# every request (checked before reuse: base.py's CONN_HEALTH_CHECKS).
if "DATABASE_CONN_MAX_AGE" not in os.environ:
    DATABASES = {**DATABASES, "default": {**DATABASES["default"], "CONN_MAX_AGE": 60}}  # noqa: F405

# Members must prove they own their e-mail address before they can log in.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media (images, documents) in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set,
# so that every app server behind the load balancer reads and writes the same files
# (django-storages; boto3 takes the keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
# Otherwise MEDIA_ROOT on this disk. See docs/operations.md.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,  # not AWS: MinIO…
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,  # a CDN's host
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,  # the bucket's policy decides who reads
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "").lower() == "true",
            "file_overwrite": False,
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
# HTTPS-only cookies. DJANGO_SECURE_COOKIES=false is for a local plain-HTTP try-out only
# (`make serve-prod` sets it when DJANGO_ALLOWED_HOSTS is unset, and says so).
SESSION_COOKIE_SECURE = os.environ.get("DJANGO_SECURE_COOKIES", "true").lower() == "true"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The client's address for the log-in rate limits (allauth, ACCOUNT_RATE_LIMITS). Behind the
# TLS-terminating proxy every request comes from the proxy's address, so counting per
# REMOTE_ADDR would lock everybody out at once (issue #13, finding 11). allauth takes the
# address the nearest trusted proxy saw: the Nth entry from the right of X-Forwarded-For,
# N = DJANGO_TRUSTED_PROXY_COUNT (1: one proxy of ours in front; 0: no proxy, REMOTE_ADDR
# is the client). Entries further left are the client's own claims and never trusted. A
# proxy that puts the client's address in a header of its own (nginx's X-Real-IP,
# Cloudflare's CF-Connecting-IP) is named by DJANGO_TRUSTED_CLIENT_IP_HEADER instead. The
# proxy must overwrite, not pass on, whatever the client sent in that header.
# See docs/security.md ("Client address behind a proxy").
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("DJANGO_TRUSTED_CLIENT_IP_HEADER") or None

# Cookies: HTTPS only (above), out of reach of scripts, and not sent with cross-site
# requests other than top-level links. The CSRF token reaches forms in the page and the
# Wagtail admin's scripts through wagtailConfig, never through document.cookie.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"


# Content-Security-Policy (portal/csp.py): media files in a bucket or on a CDN are images
# from another origin. DJANGO_CSP_MEDIA_ORIGINS names them (comma-separated, such as
# https://media.example.org); otherwise they follow from the storage settings above.
def _media_origins():
    named = env_list("DJANGO_CSP_MEDIA_ORIGINS")
    if named or not AWS_STORAGE_BUCKET_NAME:
        return named
    options = STORAGES["default"]["OPTIONS"]
    bucket = AWS_STORAGE_BUCKET_NAME
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        base = f"{endpoint.scheme}://{endpoint.netloc}"
        return [base, f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"]
    region = options["region_name"]
    regional = [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    return [f"https://{bucket}.s3.amazonaws.com", *regional]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": with_media_origins(CONTENT_SECURITY_POLICY["DIRECTIVES"], _media_origins())  # noqa: F405
}

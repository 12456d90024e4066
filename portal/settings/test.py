"""Test settings: fast hashing, in-memory e-mail (Django's locmem backend), a temporary
media root. The database still comes from DATABASE_URL (SQLite by default)."""

import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="iln-test-media-")
MEMBER_PHOTOS_ROOT = tempfile.mkdtemp(prefix="iln-test-private-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is off in tests, except in the tests of the page cache itself
# (tests/core/test_page_cache.py turns it on), so that other tests see every change at once.
PAGE_CACHE_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

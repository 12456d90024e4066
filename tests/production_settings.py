"""The values of portal.settings.production, for tests that check production behaviour in
the test process: the module is executed afresh (never imported into Django's settings)
with a secret key and allowed hosts in the environment."""

import os
import runpy
from unittest import mock

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
    "DJANGO_ALLOWED_HOSTS": "testserver,iln.example.org",
}

# What a test must keep from the test settings: its database, caches, files, e-mail,
# hashing and the static files storage (production's manifest needs collectstatic).
KEPT = {
    "DATABASES",
    "CACHES",
    "STORAGES",
    "MEDIA_ROOT",
    "EMAIL_BACKEND",
    "PASSWORD_HASHERS",
    "WHITENOISE_USE_FINDERS",
    "WHITENOISE_AUTOREFRESH",
    "WAGTAILLOCALIZE_MACHINE_TRANSLATOR",
    "LOGGING",
}


def production_values(**env):
    """{setting: value} of the production settings module, under `env` (added to
    PRODUCTION_ENV; DJANGO_* variables of the test process are left out)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environ.update(PRODUCTION_ENV, **env)
    with mock.patch.dict(os.environ, environ, clear=True):
        namespace = runpy.run_module("portal.settings.production")
    return {name: value for name, value in namespace.items() if name.isupper()}


def apply_production_settings(settings, **env):
    """Set the `settings` fixture to production's values, except KEPT; only what differs
    is set (setting INSTALLED_APPS again, say, would reload the apps)."""
    missing = object()
    for name, value in production_values(**env).items():
        if name not in KEPT and getattr(settings, name, missing) != value:
            setattr(settings, name, value)

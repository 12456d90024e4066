"""The WSGI entry point serves production settings when DJANGO_SETTINGS_MODULE is unset
(issue #13, finding 13); manage.py keeps the development default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow  # a Django start-up in a subprocess per test

SHOW_SETTINGS = (
    "import portal.wsgi; from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.SESSION_COOKIE_SECURE)"
)


def run_python(code, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wsgi_defaults_to_production_settings():
    result = run_python(
        SHOW_SETTINGS,
        DJANGO_SECRET_KEY="k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
        DJANGO_ALLOWED_HOSTS="iln.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["portal.settings.production", "False", "True"]


def test_wsgi_without_a_secret_key_refuses_to_start():
    result = run_python(SHOW_SETTINGS, DJANGO_ALLOWED_HOSTS="iln.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_manage_py_still_defaults_to_development():
    result = run_python(
        "import os, runpy, sys; sys.argv = ['manage.py', 'diffsettings', '--all'];"
        "runpy.run_path('manage.py', run_name='__main__')"
    )
    assert result.returncode == 0, result.stderr
    assert "portal.settings.dev" in result.stdout or "DEBUG = True" in result.stdout

"""Production keeps media in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set
(several app servers share it), on the disk otherwise."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SHOW = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__); print(s.url('original_images/a.jpg'))"
)

pytestmark = pytest.mark.slow  # a Django start-up in a subprocess per test


def storage_in_production(**env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
    environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3,
        DJANGO_ALLOWED_HOSTS="iln.example.org",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW],
        cwd=PROJECT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_media_go_to_the_bucket_the_environment_names():
    backend, url = storage_in_production(
        AWS_STORAGE_BUCKET_NAME="iln-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.iln.example.org",
    )
    assert backend == "S3Storage"
    assert url == "https://media.iln.example.org/media/original_images/a.jpg"


def test_media_stay_on_the_disk_without_a_bucket():
    assert storage_in_production() == ["FileSystemStorage", "/media/original_images/a.jpg"]

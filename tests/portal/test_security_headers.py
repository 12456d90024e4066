"""Security headers and cookie flags under production settings (tests/production_settings:
production's values, the test database): a public page, a member's page and the admin."""

import re

import pytest

from members.factories import MEMBER_PASSWORD
from tests.production_settings import apply_production_settings

pytestmark = pytest.mark.django_db

HOST = "iln.example.org"


@pytest.fixture
def production(settings):
    apply_production_settings(settings)
    return settings


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = set(values)
    return parsed


def assert_common_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = directives(response)
    assert csp["default-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["base-uri"] == {"'none'"}
    assert csp["form-action"] == {"'self'"}
    # Static: no nonce, whoever asks (pages are kept in a shared cache).
    assert "nonce-" not in response["Content-Security-Policy"]
    return csp


def assert_cookie_flags(cookie):
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def get(client, path, **extra):
    return client.get(path, secure=True, HTTP_HOST=HOST, **extra)


def post(client, path, data):
    return client.post(path, data, secure=True, HTTP_HOST=HOST)


def test_a_public_page(client, production, site_tree):
    response = get(client, "/")
    assert response.status_code == 200
    csp = assert_common_headers(response)
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert response["X-Frame-Options"] == "DENY"
    # Plain HTTP is sent to HTTPS.
    plain = client.get("/", HTTP_HOST=HOST)
    assert plain.status_code == 301 and plain["Location"] == f"https://{HOST}/"


def test_a_form_page_sets_a_flagged_csrf_cookie(client, production, site_tree):
    response = get(client, "/accounts/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert_cookie_flags(response.cookies["csrftoken"])


def test_a_member_page(client, production, member, site_tree):
    response = post(
        client, "/accounts/login/", {"login": member.user.email, "password": MEMBER_PASSWORD}
    )
    assert response.status_code == 302
    assert_cookie_flags(response.cookies["sessionid"])

    response = get(client, "/members/me/")
    assert response.status_code == 200
    csp = assert_common_headers(response)
    assert csp["script-src"] == {"'self'"}
    assert {"private", "no-store"} <= set(re.split(r",\s*", response["Cache-Control"]))


def test_the_admin(client, production, editor, site_tree):
    response = post(
        client, "/admin/login/", {"username": editor.username, "password": MEMBER_PASSWORD}
    )
    assert response.status_code == 302
    assert_cookie_flags(response.cookies["sessionid"])

    response = get(client, "/admin/")
    assert response.status_code == 200
    csp = assert_common_headers(response)
    # The admin's relaxations (portal/csp.py), and no more.
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["style-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["connect-src"] == {"'self'"}


def test_a_page_preview_may_be_framed_by_the_admin_only(rf, site_tree):
    """Wagtail renders a preview by sending a request for the page through the middleware
    (make_preview_request); the admin's preview panel frames that response."""
    from django.contrib.auth import get_user_model

    original = rf.get("/admin/", secure=True, HTTP_HOST=HOST)
    original.user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    response = site_tree.stories.make_preview_request(original_request=original)
    assert response.status_code == 200
    csp = directives(response)
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["script-src"] == {"'self'"}  # the page's own policy otherwise


def test_media_in_a_bucket_are_allowed_images():
    from tests.production_settings import production_values

    plain = production_values()["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert plain["img-src"] == ["'self'"]
    cdn = production_values(
        AWS_STORAGE_BUCKET_NAME="iln-media", AWS_S3_CUSTOM_DOMAIN="cdn.example.org"
    )
    assert cdn["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "https://cdn.example.org",
    ]
    named = production_values(DJANGO_CSP_MEDIA_ORIGINS="https://media.example.org")
    assert (
        "https://media.example.org" in named["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["media-src"]
    )

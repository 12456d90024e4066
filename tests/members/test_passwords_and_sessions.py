"""Passwords (length, not composition; common ones refused; long ones welcome) and sessions
(a new session key at log-in, the session deleted on the server at log-out)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from members.factories import MEMBER_PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client, password, email="new.member@example.org"):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": password, "password2": password}
    )


def created(email="new.member@example.org"):
    return get_user_model().objects.filter(email=email).exists()


@pytest.mark.parametrize(
    "password",
    [
        "short-phrase",  # exactly 12
        "x" * 3 + "plain lowercase words only",  # no digit, no capital: no composition rules
        "seven orange kites over the wide grey harbour at dawn, twice!",
        "a long pass phrase " * 8,  # 152 characters
    ],
)
def test_long_passwords_are_accepted_without_composition_rules(client, password):
    response = sign_up(client, password)
    assert response.status_code == 302, response.context["form"].errors
    assert created()


def test_a_64_character_password_logs_in(client, settings):
    password = "p" * 20 + " seven orange kites over the wide harbour " + "q" * 2
    assert len(password) == 64
    sign_up(client, password)
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.member@example.org", "password": password}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize(
    "password",
    [
        "eleven char",  # 11 characters
        "password1234",  # common
        "qwertyuiop123",  # common
        "new.member@example.org",  # the member's own address
    ],
)
def test_short_common_or_personal_passwords_are_refused(client, password):
    response = sign_up(client, password)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not created()


def test_the_minimum_is_twelve(settings):
    from django.contrib.auth.password_validation import password_validators_help_texts

    texts = " ".join(password_validators_help_texts())
    assert "at least 12 characters" in texts
    assert "entirely numeric" not in texts


def test_log_in_rotates_the_session_key(client, member):
    session = client.session  # an anonymous session, as a visitor who used the site has
    session["anonymous-note"] = "x"
    session.save()
    before = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=before).exists()
    response = client.post(
        "/accounts/login/", {"login": member.user.email, "password": MEMBER_PASSWORD}
    )
    assert response.status_code == 302
    after = client.cookies["sessionid"].value
    assert after and after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_log_out_ends_the_session_on_the_server(client, member):
    client.post("/accounts/login/", {"login": member.user.email, "password": MEMBER_PASSWORD})
    old_key = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=old_key).exists()
    assert client.get("/members/me/").status_code == 200

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()
    # The old cookie, replayed, opens nothing.
    client.cookies["sessionid"] = old_key
    assert client.get("/members/me/")["Location"].startswith("/accounts/login/")


def test_admin_log_out_ends_the_session_on_the_server(client, editor):
    client.post("/admin/login/", {"username": editor.username, "password": MEMBER_PASSWORD})
    old_key = client.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=old_key).exists()
    client.cookies["sessionid"] = old_key
    assert client.get("/admin/").status_code == 302

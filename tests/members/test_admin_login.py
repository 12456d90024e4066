"""The Wagtail admin's log-in (issue #13, finding 1): only accounts with admin access get a
session there, with the public log-in's rate limits on the same counters; /django-admin/
is gone."""

import pytest
from allauth.account.models import EmailAddress

from members.factories import MEMBER_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def admin_login(client, username, password=MEMBER_PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def public_login(client, email, password=MEMBER_PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_an_unverified_member_gets_no_session_through_the_admin_login(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    response = admin_login(client, user.email)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    # Same answer as a wrong password: nothing tells that the password was right.
    wrong = admin_login(client, user.email, "not-the-password")
    assert response.context["form"].errors == wrong.context["form"].errors
    # And the members-only pages still send them to log in.
    assert client.get("/members/")["Location"].startswith("/accounts/login/")


def test_a_verified_member_gets_no_session_through_the_admin_login(client, member):
    for login in (member.user.email, member.user.username):
        response = admin_login(client, login)
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session


def test_editors_log_in_to_the_admin_by_username_or_email(client, editor):
    response = admin_login(client, editor.username)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert int(client.session["_auth_user_id"]) == editor.pk
    client.logout()
    response = admin_login(client, editor.email)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == editor.pk


def test_failures_at_the_admin_login_lock_the_public_login_of_that_account(client, member):
    for _attempt in range(5):
        response = admin_login(client, member.user.username, "wrong")
        assert TOO_MANY not in response.content.decode()

    # The right password at the public log-in is refused while the limit holds.
    response = public_login(client, member.user.email)
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_at_the_public_login_lock_the_admin_login_of_that_account(client, editor):
    for _attempt in range(5):
        public_login(client, editor.email, "wrong")

    response = admin_login(client, editor.username)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_limited_per_address_too(client, editor):
    # Ten failures from one address, each for another account name.
    for attempt in range(10):
        response = admin_login(client, f"nobody{attempt}", "wrong")
        assert TOO_MANY not in response.content.decode()
    response = admin_login(client, editor.username)
    assert TOO_MANY in response.content.decode()
    # Another address is not affected.
    response = client.post(
        "/admin/login/",
        {"username": editor.username, "password": MEMBER_PASSWORD},
        REMOTE_ADDR="192.0.2.77",
    )
    assert response.status_code == 302


def test_successful_admin_logins_do_not_count_as_failures(client, editor):
    for _attempt in range(6):
        response = admin_login(client, editor.username)
        assert response.status_code == 302
        client.logout()


def test_the_django_admin_is_gone(client, editor):
    client.force_login(editor)
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_editors_reset_passwords_through_the_rate_limited_public_form(client, django_user_model):
    from django.core import mail

    # The admin's reset form (no rate limit, mails any account) is switched off...
    assert client.get("/admin/password_reset/").status_code == 404
    assert b"password_reset" not in client.get("/admin/login/").content
    # ...and an editor's account (an address on the account, none in allauth's table) gets
    # a link from the public one.
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x" * 16)
    response = client.post("/accounts/password/reset/", {"email": editor.email})
    assert response.status_code == 302
    assert any(
        "/accounts/password/reset/key/" in message.body and message.to == [editor.email]
        for message in mail.outbox
    )

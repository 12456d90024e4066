"""Accounts: sign-up with e-mail verification, log-in, password reset, admin access."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from members.factories import MEMBER_PASSWORD, MemberProfileFactory
from members.models import MemberProfile

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
)
def test_account_pages_answer(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b'<main id="main"' in response.content  # rendered inside the site layout


@pytest.mark.parametrize("url", ["/members/", "/members/me/", "/members/me/edit/"])
def test_members_area_sends_anonymous_visitors_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signup_verification_login_and_profile_completion(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.member@example.org",
            "password1": "a-l0ng-pass-phrase",
            "password2": "a-l0ng-pass-phrase",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new.member@example.org")
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: logging in is refused and sends the confirmation again.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.member@example.org", "password": "a-l0ng-pass-phrase"}
    )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    response = client.post(link.group(1))
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/",
        {"login": "new.member@example.org", "password": "a-l0ng-pass-phrase"},
    )
    # A new member is led to complete the profile.
    assert response.status_code == 302
    assert response["Location"] == "/members/me/edit/"
    response = client.post(
        "/members/me/edit/",
        {
            "display_name": "Ana Lima",
            "country": "BR",
            "sector": "public",
            "career_stage": "early",
            "institution": "Biblioteca Mário de Andrade",
            "new_interests": "outreach, reading clubs",
            "time_zone": "America/Sao_Paulo",
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=user)
    assert profile.is_complete and profile.country.code == "BR"
    assert sorted(profile.interests.names()) == ["outreach", "reading clubs"]
    # Complete now: the next log-in goes to the member's page.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.member@example.org", "password": "a-l0ng-pass-phrase"}
    )
    assert response["Location"] == "/members/me/"


def test_signup_with_a_taken_email_is_refused_clearly(client):
    MemberProfileFactory(user__email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "TAKEN@example.org",
            "password1": "a-l0ng-pass-phrase",
            "password2": "a-l0ng-pass-phrase",
        },
    )
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_signup_with_a_taken_email_under_mandatory_verification_reveals_nothing(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    MemberProfileFactory(user__email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "taken@example.org",
            "password1": "a-l0ng-pass-phrase",
            "password2": "a-l0ng-pass-phrase",
        },
    )
    # Same answer as a real sign-up; the owner of the address is told by e-mail instead.
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["taken@example.org"]


def test_password_reset_answers_the_same_for_unknown_addresses(client):
    MemberProfileFactory(user__email="known@example.org")
    known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert client.get(unknown["Location"]).content == client.get(known["Location"]).content
    # The known address gets a reset link; the unknown one at most a "no account" note.
    known_mail = [m for m in mail.outbox if m.to == ["known@example.org"]]
    assert len(known_mail) == 1 and "/accounts/password/reset/key/" in known_mail[0].body
    assert all(
        "/password/reset/key/" not in m.body for m in mail.outbox if m.to == ["nobody@example.org"]
    )


def test_login_is_rate_limited_after_repeated_failures(client, member):
    email = member.user.email
    for _attempt in range(5):
        response = client.post("/accounts/login/", {"login": email, "password": "wrong"})
        assert "Too many failed login attempts" not in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post("/accounts/login/", {"login": email, "password": MEMBER_PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_with_email_and_password(client, member):
    response = client.post(
        "/accounts/login/", {"login": member.user.email, "password": MEMBER_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/members/me/"
    assert int(client.session["_auth_user_id"]) == member.user.pk


def test_members_never_reach_the_wagtail_admin(member_client):
    response = member_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert member_client.get("/admin/pages/").status_code == 302


def test_coordinators_reach_the_wagtail_admin(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("url", ["/accounts/email/", "/accounts/password/change/"])
def test_account_management_pages_render_in_the_layout(member_client, site_tree, url):
    response = member_client.get(url)
    assert response.status_code == 200
    assert b'<main id="main"' in response.content


def test_members_area_exists_in_other_languages(member_client, member, site_tree):
    french = member_client.get("/fr/members/")
    assert french.status_code == 200
    assert [profile.display_name for profile in french.context["profiles"]] == ["Aroha Tane"]
    html = french.content.decode()
    assert '<html lang="fr" dir="ltr">' in html and "Annuaire des membres" in html
    arabic = member_client.get("/ar/members/me/")
    assert arabic.status_code == 200
    html = arabic.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "Aroha Tane" in html

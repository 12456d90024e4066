"""The account pages in the site's words (issue #12): 'Log in' and 'Sign up', who an account
is for, why a page needs a log-in; allauth's e-mails name the site and the member, never
the host or a username."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from members.factories import MEMBER_PASSWORD, MemberProfileFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.mark.parametrize(
    "url,heading",
    [
        ("/accounts/login/", "Log in"),
        ("/accounts/signup/", "Sign up"),
        ("/accounts/password/reset/", "Reset your password"),
    ],
)
def test_account_pages_use_one_vocabulary(client, url, heading):
    html = client.get(url).content.decode()
    assert f"<h1>{heading}</h1>" in html
    for allauth_word in ("Sign In", "Sign Up", "Sign in", "sign in", "Signup"):
        assert allauth_word not in html
    assert 'class="form form--account"' in html


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/"])
def test_entrance_pages_say_who_an_account_is_for_and_that_it_is_not_applying(client, url):
    html = client.get(url).content.decode()
    assert "Who an account is for" in html
    assert "Signing up is not applying to a round" in html
    assert 'href="/programme/"' in html


def test_required_fields_are_marked(client):
    html = client.get("/accounts/signup/").content.decode()
    assert html.count('class="field__required"') == 3  # e-mail and both passwords


@pytest.mark.parametrize(
    "next_url,reason",
    [
        ("/members/", "The members directory is for members of the network only"),
        ("/members/me/", "Please log in to see your profile"),
        ("/members/12/", "Member profiles are shown to members of the network only"),
        ("/programme/partnership/", "This page is for the members of a partnership only"),
        ("/programme/apply/", "Applying to a round needs an account"),
    ],
)
def test_login_page_says_why_a_page_needs_a_log_in(client, next_url, reason):
    html = client.get("/accounts/login/", {"next": next_url}).content.decode()
    assert reason in html
    assert 'class="message message--info account-reason"' in html


def test_a_members_only_page_leads_to_the_log_in_page_with_its_reason(client):
    response = client.get("/members/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert "The members directory is for members of the network only" in (response.content.decode())


@pytest.mark.parametrize(
    "query",
    [{}, {"next": "https://evil.example/members/"}, {"next": "/no/such/page/"}, {"next": "x"}],
)
def test_no_reason_without_a_next_page_of_this_site(client, query):
    response = client.get("/accounts/login/", query)
    assert response.status_code == 200
    assert "account-reason" not in response.content.decode()


def test_log_in_message_names_the_member_not_the_username(client, member):
    response = client.post(
        "/accounts/login/",
        {"login": member.user.email, "password": MEMBER_PASSWORD},
        follow=True,
    )
    messages = response.content.decode().split('class="container messages"')[1].split("</div>")[0]
    assert "Welcome, Aroha Tane: you are logged in." in messages
    assert member.user.username not in messages


def test_password_reset_email_names_the_site_and_the_member(client, member):
    client.post("/accounts/password/reset/", {"email": member.user.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("[ILN Portal] ")
    assert message.body.startswith("Hello Aroha Tane,")
    assert "The ILN Portal team" in message.body
    assert "testserver" not in message.body.replace("http://testserver/", "")
    assert member.user.username not in message.body
    assert re.search(r"http://testserver/accounts/password/reset/key/\S+", message.body)


def test_password_reset_email_without_a_profile_name_greets_plainly(client):
    user = UserFactory(username="member-4f2a9", email="nameless@example.org")
    client.post("/accounts/password/reset/", {"email": user.email})
    body = mail.outbox[0].body
    assert body.startswith("Hello,\n")
    assert "member-4f2a9" not in body


def test_confirmation_email_names_the_site_not_the_host(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client.post(
        "/accounts/signup/",
        {
            "email": "new.member@example.org",
            "password1": "a-l0ng-pass-phrase",
            "password2": "a-l0ng-pass-phrase",
        },
    )
    message = mail.outbox[0]
    user = User.objects.get(email="new.member@example.org")
    assert "an account on ILN Portal" in message.body
    body_without_links = re.sub(r"https?://\S+", "", message.body)
    assert "testserver" not in body_without_links
    assert user.username not in message.body
    assert "The ILN Portal team" in message.body


def test_wagtail_site_name_is_used_when_set(client, member, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.site_name = "International Librarians Network"
    site.save()
    client.post("/accounts/password/reset/", {"email": member.user.email})
    message = mail.outbox[0]
    assert message.subject.startswith("[International Librarians Network] ")
    assert "The International Librarians Network team" in message.body


def test_already_existing_account_email_greets_its_member(client, member, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client.post(
        "/accounts/signup/",
        {
            "email": member.user.email,
            "password1": "a-l0ng-pass-phrase",
            "password2": "a-l0ng-pass-phrase",
        },
    )
    bodies = [m.body for m in mail.outbox]
    assert any(body.startswith("Hello Aroha Tane,") for body in bodies), bodies


def test_other_members_names_are_not_used_for_strangers(client, member):
    MemberProfileFactory(display_name="Someone Else")
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    for message in mail.outbox:
        assert "Someone Else" not in message.body and "Aroha" not in message.body


def test_a_login_restricted_wagtail_page_gets_the_general_reason(client, site_tree):
    from wagtail.models import PageViewRestriction

    page = site_tree.guidance
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/accounts/login/", {"next": page.url})
    assert "The page you asked for is for members of the network" in response.content.decode()
    open_page = client.get("/accounts/login/", {"next": site_tree.topics.url})
    assert "account-reason" not in open_page.content.decode()


def test_a_login_restricted_wagtail_page_sends_visitors_to_the_members_log_in(client, site_tree):
    from wagtail.models import PageViewRestriction

    page = site_tree.guidance
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    reason = client.get(response["Location"])
    assert "The page you asked for is for members of the network" in reason.content.decode()


def test_a_wrong_password_is_explained_in_the_sites_style(client, member):
    response = client.post("/accounts/login/", {"login": member.user.email, "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="message message--error" role="alert">' in html
    assert "are not correct" in html

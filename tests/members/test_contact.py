"""Members writing to each other (issue #12): opt-in, logged-in members only, to profiles
the writer may see; relayed by e-mail without either address until the recipient answers;
rate-limited per writer; bad input re-displays, never a 500."""

import re

import pytest
from django.core import mail, signing

from members import contact
from members.choices import Visibility
from members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Kia ora Kwame, I read about your mobile library. Could we talk about it?"


@pytest.fixture
def recipient(other_member):
    other_member.accepts_messages = True
    other_member.save()
    return other_member


def contact_url(profile):
    return f"/members/{profile.pk}/contact/"


def reply_path(body):
    found = re.search(r"https?://[^/\s]+(/members/messages/answer/[^\s]+/)", body)
    assert found, body
    return found.group(1)


# Who may write to whom ---------------------------------------------------------------------


def test_the_profile_offers_to_write_only_when_the_member_opted_in(member_client, other_member):
    url = other_member.get_absolute_url()
    assert "/contact/" not in member_client.get(url).content.decode()
    assert member_client.get(contact_url(other_member)).status_code == 404
    other_member.accepts_messages = True
    other_member.save()
    html = member_client.get(url).content.decode()
    assert f'href="{contact_url(other_member)}"' in html
    assert member_client.get(contact_url(other_member)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, recipient):
    recipient.visibility = Visibility.PUBLIC
    recipient.save()
    assert "/contact/" not in client.get(recipient.get_absolute_url()).content.decode()
    response = client.post(contact_url(recipient), {"message": MESSAGE})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert mail.outbox == []


def test_nobody_writes_to_themselves(client, recipient):
    client.force_login(recipient.user)
    assert client.get(contact_url(recipient)).status_code == 404


@pytest.mark.parametrize("pk", ["999999"])
def test_an_unknown_member_is_a_404(member_client, pk):
    assert member_client.get(f"/members/{pk}/contact/").status_code == 404


def test_an_incomplete_or_inactive_recipient_is_a_404(member_client, recipient):
    recipient.user.is_active = False
    recipient.user.save()
    assert member_client.post(contact_url(recipient), {"message": MESSAGE}).status_code == 404
    recipient.user.is_active = True
    recipient.user.save()
    recipient.country = ""
    recipient.save()
    assert member_client.post(contact_url(recipient), {"message": MESSAGE}).status_code == 404
    assert mail.outbox == []


def test_a_writer_without_a_complete_profile_is_asked_to_complete_it(client, recipient):
    newcomer = MemberProfileFactory(display_name="", country="")
    client.force_login(newcomer.user)
    response = client.post(contact_url(recipient), {"message": MESSAGE})
    assert response.status_code == 200
    assert "please complete your profile" in response.content.decode()
    assert mail.outbox == []


# The relay -----------------------------------------------------------------------------


def test_the_message_reaches_the_recipient_without_the_writers_address(
    member_client, member, recipient
):
    response = member_client.post(contact_url(recipient), {"message": MESSAGE})
    assert response.status_code == 302
    assert response["Location"] == recipient.get_absolute_url()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [recipient.user.email]
    assert message.reply_to == []
    assert "Aroha Tane via ILN Portal" in message.from_email
    assert "A message from Aroha Tane" in message.subject
    assert MESSAGE in message.body
    assert "Hello Kwame Asante," in message.body
    everything = str(message.message())
    assert member.user.email not in everything
    assert member.user.username not in message.body
    # The writer's page says what happened, without the recipient's address.
    html = member_client.get(response["Location"]).content.decode()
    assert "Your message has been sent to Kwame Asante" in html
    assert recipient.user.email not in html


def test_answering_reveals_both_addresses_to_each_other(client, member, recipient):
    client.force_login(member.user)
    client.post(contact_url(recipient), {"message": MESSAGE})
    path = reply_path(mail.outbox[0].body)
    mail.outbox.clear()

    client.force_login(recipient.user)
    assert client.get(path).status_code == 200
    response = client.post(path, {"message": "Kia ora! Happy to talk on Tuesday."})
    assert response.status_code == 302
    answer, copy = mail.outbox
    assert answer.to == [member.user.email]
    assert answer.reply_to == [recipient.user.email]
    assert "Happy to talk on Tuesday" in answer.body
    assert copy.to == [recipient.user.email]
    assert copy.reply_to == [member.user.email]
    assert member.user.email in copy.body


def test_only_the_recipient_can_answer(client, member, recipient):
    client.force_login(member.user)
    client.post(contact_url(recipient), {"message": MESSAGE})
    path = reply_path(mail.outbox[0].body)
    mail.outbox.clear()
    stranger = MemberProfileFactory(display_name="Someone Else")
    client.force_login(stranger.user)
    assert client.get(path).status_code == 404
    assert client.post(path, {"message": "Hello there, answering."}).status_code == 404
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    ["nonsense", "a" * 300, "eyJmcm9tIjoxfQ:1abc:forged", "%00", "%C3%A9%20x"],
)
def test_a_bad_answer_link_is_a_404_page_not_an_error(member_client, token):
    response = member_client.get(f"/members/messages/answer/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_an_expired_answer_link_is_refused(member, recipient):
    token = contact.reply_token(member, recipient)
    with pytest.raises(contact.BadToken):
        contact.read_token(token, max_age=-1)


def test_a_token_signed_for_something_else_is_refused(member, recipient):
    token = signing.dumps({"from": member.pk, "to": recipient.pk}, salt="another.purpose")
    with pytest.raises(contact.BadToken):
        contact.read_token(token)


def test_the_answer_link_of_a_member_who_left(client, member, recipient):
    client.force_login(member.user)
    client.post(contact_url(recipient), {"message": MESSAGE})
    path = reply_path(mail.outbox[0].body)
    member.user.is_active = False
    member.user.save()
    client.force_login(recipient.user)
    response = client.get(path)
    assert response.status_code == 404
    assert "has left the network" in response.content.decode()


def test_members_only_profiles_and_visibility(client, recipient):
    """A members-only profile is written to by members; the page and form agree."""
    writer = MemberProfileFactory(display_name="Ana Lima", country="BR")
    client.force_login(writer.user)
    assert recipient.visibility == Visibility.MEMBERS
    assert client.get(contact_url(recipient)).status_code == 200


# Bad input and the rate limit ----------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "too short", "x" * 3001, "null \x00 byte here"])
def test_bad_messages_are_redisplayed_with_an_explanation(member_client, recipient, text):
    response = member_client.post(contact_url(recipient), {"message": text})
    assert response.status_code == 200
    assert "Please correct the errors below. Nothing has been sent yet." in (
        response.content.decode()
    )
    assert mail.outbox == []


def test_writers_are_rate_limited(member_client, recipient, settings):
    settings.MEMBER_CONTACT_LIMITS = [(3, 3600)]
    for _ in range(3):
        assert member_client.post(contact_url(recipient), {"message": MESSAGE}).status_code == 302
    response = member_client.post(contact_url(recipient), {"message": MESSAGE})
    assert response.status_code == 429
    assert "You have sent as many messages as the portal allows for now" in (
        response.content.decode()
    )
    assert len(mail.outbox) == 3
    # The form is not offered again until the window has passed.
    page = member_client.get(contact_url(recipient)).content.decode()
    assert 'name="message"' not in page


def test_the_limit_is_per_writer(client, recipient, settings):
    settings.MEMBER_CONTACT_LIMITS = [(1, 3600)]
    first, second = MemberProfileFactory(), MemberProfileFactory()
    for writer in (first, second):
        client.force_login(writer.user)
        assert client.post(contact_url(recipient), {"message": MESSAGE}).status_code == 302
    assert len(mail.outbox) == 2


def test_answers_count_towards_the_limit(client, member, recipient, settings):
    settings.MEMBER_CONTACT_LIMITS = [(1, 3600)]
    client.force_login(member.user)
    client.post(contact_url(recipient), {"message": MESSAGE})
    path = reply_path(mail.outbox[0].body)
    client.force_login(recipient.user)
    assert client.post(path, {"message": "Thank you, happy to talk."}).status_code == 302
    assert client.post(path, {"message": "And one more thing."}).status_code == 429

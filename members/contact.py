"""Members writing to each other through the portal, without either address being shown
until the recipient answers.

1. A member writes to another (who opted in, and whose profile the writer may see). The
   e-mail comes from the portal's own address, with no Reply-To: the recipient reads the
   writer's name and a link to answer on the portal, not the writer's address.
2. Answering through that link (logged in as the recipient) sends the answer to the first
   writer with Reply-To set to the recipient's address, and a copy to the recipient with
   Reply-To set to the writer's: from then on both can write directly. The recipient
   chose to answer, so both addresses are revealed only then.

Nothing is stored: the answer link carries a signed token (writer, recipient) that
expires. Each member may send at most CONTACT_LIMITS messages per window (first messages
and answers alike), counted in the cache."""

from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import MemberProfile

TOKEN_SALT = "members.contact.reply"
REPLY_MAX_AGE = 60 * 24 * 3600  # an answer link works for 60 days
# (messages, seconds): at most 5 an hour and 20 a day for each member, by default.
DEFAULT_LIMITS = ((5, 3600), (20, 24 * 3600))
MAX_MESSAGE_LENGTH = 3000
MIN_MESSAGE_LENGTH = 10


def limits():
    return tuple(getattr(settings, "MEMBER_CONTACT_LIMITS", DEFAULT_LIMITS))


def _keys(user, now=None):
    now = int((now or timezone.now()).timestamp())
    return [
        (f"members:contact:{user.pk}:{seconds}:{now // seconds}", count, seconds)
        for count, seconds in limits()
    ]


def is_rate_limited(user):
    """Whether `user` has sent as many messages as a window allows."""
    stored = cache.get_many([key for key, _count, _seconds in _keys(user)])
    return any(stored.get(key, 0) >= count for key, count, _seconds in _keys(user))


def count_message(user):
    for key, _count, seconds in _keys(user):
        cache.add(key, 0, timeout=seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds)


def reply_token(sender, recipient):
    return signing.dumps({"from": sender.pk, "to": recipient.pk}, salt=TOKEN_SALT, compress=True)


class BadToken(Exception):
    """The answer link is not one the portal made, or it has expired."""


@dataclass
class ReplyTarget:
    writer: MemberProfile  # who wrote first, and gets the answer
    recipient: MemberProfile  # who answers


def read_token(token, max_age=REPLY_MAX_AGE):
    """The (writer, recipient) profiles of an answer link. BadToken if the link is not
    valid or has expired; MemberProfile.DoesNotExist if either member has left."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=max_age)
        writer_id, recipient_id = int(data["from"]), int(data["to"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken from error
    profiles = {
        profile.pk: profile
        for profile in MemberProfile.objects.select_related("user").filter(
            pk__in=[writer_id, recipient_id], user__is_active=True
        )
    }
    if writer_id not in profiles or recipient_id not in profiles:
        raise MemberProfile.DoesNotExist
    return ReplyTarget(writer=profiles[writer_id], recipient=profiles[recipient_id])


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "ILN Portal")


def _from_address(name):
    """'Ana Lima via ILN Portal <noreply@…>': the portal's address, the writer's name."""
    _default_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((f"{name} via {site_name()}", address))


def one_line(text):
    """A member's name in an e-mail header: line breaks and other runs of white space become
    one space (a name with a line break would be a header injection, which Django refuses
    with an error)."""
    return " ".join(str(text).split())


def _message(template, context, subject, sender_name, to, reply_to=None):
    # In English, like the programme's e-mails: recipients' languages are unknown, and
    # partnerships are conducted in English.
    with translation.override("en"):
        body = render_to_string(template, {**context, "site_name": site_name()})
    return EmailMessage(
        subject=one_line(f"[{site_name()}] {subject}"),
        body=body,
        from_email=_from_address(one_line(sender_name)),
        to=[to],
        reply_to=reply_to or None,
        headers={"Auto-Submitted": "auto-generated"},
    )


def send_first_message(request, sender, recipient, text):
    """Relay `text` from `sender` to `recipient` (profiles), neither address shown."""
    reply_url = request.build_absolute_uri(
        reverse("members:reply", args=[reply_token(sender, recipient)])
    )
    context = {
        "sender": sender,
        "recipient": recipient,
        "text": text,
        "reply_url": reply_url,
        "sender_url": request.build_absolute_uri(sender.get_absolute_url()),
        "settings_url": request.build_absolute_uri(reverse("members:edit")),
    }
    message = _message(
        "members/email/contact_message.txt",
        context,
        f"A message from {sender.display_name}",
        sender.display_name,
        recipient.user.email,
    )
    message.send()
    count_message(sender.user)


def send_answer(request, target, text):
    """Send the recipient's answer to the first writer, with the recipient's address to
    answer to; and the recipient a copy with the writer's address: both may now write
    directly."""
    writer, recipient = target.writer, target.recipient
    context = {
        "writer": writer,
        "recipient": recipient,
        "text": text,
        "recipient_url": request.build_absolute_uri(recipient.get_absolute_url()),
    }
    answer = _message(
        "members/email/contact_answer.txt",
        context,
        f"{recipient.display_name} has answered your message",
        recipient.display_name,
        writer.user.email,
        reply_to=[recipient.user.email],
    )
    copy = _message(
        "members/email/contact_answer_copy.txt",
        context,
        f"Your answer to {writer.display_name}",
        writer.display_name,
        recipient.user.email,
        reply_to=[writer.user.email],
    )
    answer.send()
    copy.send()
    count_message(recipient.user)


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        min_length=MIN_MESSAGE_LENGTH,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, at most 3,000 characters."),
    )

    def clean_message(self):
        text = self.cleaned_data["message"].replace("\r\n", "\n").strip()
        if "\x00" in text:
            raise forms.ValidationError(_("The message contains characters we cannot send."))
        return text

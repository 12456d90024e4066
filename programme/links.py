"""Signed links in programme e-mail: a member answers a check-in or gives feedback without
logging in, by following a link only they received.

A link carries its payload (the membership's id, and for a check-in the moment and the
answer) signed with the project's SECRET_KEY by `django.core.signing` (a TimestampSigner
under the hood): nobody can change the payload (another membership, another answer)
without breaking the signature, and the signature's timestamp makes the link expire after
MAX_AGE. Each purpose has its own salt, so a feedback link is never accepted as a
check-in link or the other way round.

    token = links.check_in_token(membership, "two-weeks", "weekly")
    links.read_check_in(token)   # CheckInLink(membership_id, "two-weeks", "weekly")
    links.read_check_in("tampered")   # raises LinkInvalid; an old one raises LinkExpired

The views turn LinkInvalid into a 400 page and LinkExpired into a 410 page, never a 500.
Rotating SECRET_KEY invalidates every link sent before (SECRET_KEY_FALLBACKS keeps them).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from .models import CheckIn

CHECK_IN_SALT = "programme.links.check-in"
FEEDBACK_SALT = "programme.links.feedback"

# A check-in link works until the next check-in is long sent; a feedback link through the
# request, the reminder a week later and a little beyond.
CHECK_IN_MAX_AGE = datetime.timedelta(days=30)
FEEDBACK_MAX_AGE = datetime.timedelta(days=45)


class Answer:
    """The one-click answers of a check-in e-mail, in the order the e-mail lists them."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    NOT_YET = "not-yet"
    NO_REPLY = "no-reply"  # "My partner has not replied": also enters the rematch queue

    # answer -> (in_contact, frequency) as CheckIn stores it
    RECORDED = {
        WEEKLY: (True, CheckIn.Frequency.WEEKLY),
        FORTNIGHTLY: (True, CheckIn.Frequency.FORTNIGHTLY),
        MONTHLY: (True, CheckIn.Frequency.MONTHLY),
        NOT_YET: (False, CheckIn.Frequency.NOT_YET),
        NO_REPLY: (False, CheckIn.Frequency.NOT_YET),
    }
    ALL = list(RECORDED)
    # Translated on the site; programme e-mail renders them in English.
    LABELS = {
        WEEKLY: _("Yes, every week"),
        FORTNIGHTLY: _("Yes, every two weeks"),
        MONTHLY: _("Yes, about once a month"),
        NOT_YET: _("Not yet"),
        NO_REPLY: _("My partner has not replied"),
    }


class LinkError(Exception):
    """A link that cannot be used."""


class LinkInvalid(LinkError):
    """Not a link we made: mangled by a mail program, cut short, or tampered with."""


class LinkExpired(LinkError):
    """A genuine link, older than its purpose's MAX_AGE."""


@dataclass(frozen=True)
class CheckInLink:
    membership_id: int
    moment: str  # CheckIn.Moment
    answer: str  # Answer


@dataclass(frozen=True)
class FeedbackLink:
    membership_id: int


def _membership_id(membership):
    return membership if isinstance(membership, int) else membership.pk


def check_in_token(membership, moment, answer):
    if moment not in CheckIn.Moment.values or answer not in Answer.ALL:
        raise ValueError(f"Unknown check-in {moment!r} / answer {answer!r}")
    payload = {"m": _membership_id(membership), "t": moment, "a": answer}
    return signing.dumps(payload, salt=CHECK_IN_SALT)


def feedback_token(membership):
    return signing.dumps({"m": _membership_id(membership)}, salt=FEEDBACK_SALT)


def _load(token, salt, max_age):
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired(str(error)) from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise LinkInvalid(str(error)) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("m"), int):
        raise LinkInvalid("unexpected payload")
    return payload


def read_check_in(token):
    """The check-in link's CheckInLink; LinkInvalid or LinkExpired otherwise."""
    payload = _load(token, CHECK_IN_SALT, CHECK_IN_MAX_AGE)
    if payload.get("t") not in CheckIn.Moment.values or payload.get("a") not in Answer.ALL:
        raise LinkInvalid("unexpected payload")
    return CheckInLink(payload["m"], payload["t"], payload["a"])


def read_feedback(token):
    """The feedback link's FeedbackLink; LinkInvalid or LinkExpired otherwise."""
    return FeedbackLink(_load(token, FEEDBACK_SALT, FEEDBACK_MAX_AGE)["m"])


# Absolute URLs for e-mail ------------------------------------------------------------------


def absolute(path):
    """`path` on the site's public address (WAGTAILADMIN_BASE_URL), for e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def english_path(name, *args):
    """The path of URL `name` in English (at the root): programme e-mail is in English."""
    with override("en"):
        return reverse(name, args=args)


def check_in_url(membership, moment, answer):
    return absolute(english_path("programme:check-in", check_in_token(membership, moment, answer)))


def feedback_url(membership):
    return absolute(english_path("programme:feedback", feedback_token(membership)))


def partnership_url():
    return absolute(english_path("programme:partnership"))

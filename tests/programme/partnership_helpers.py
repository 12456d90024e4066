"""Helpers for the tests of the round under way (e-mail, the partnership page, check-ins,
rematches): a running round and partnerships made straight in the database, as publishing
a matching would leave them."""

import datetime

from django.utils import timezone

from members.factories import MemberProfileFactory
from programme.models import Partnership, PartnershipMember, Round, SentEmail


def days(n):
    return datetime.timedelta(days=n)


def running_round(make_round, started_days_ago=3, state=Round.State.RUNNING, **fields):
    """A round whose partnerships started `started_days_ago` days ago (four months long)."""
    today = timezone.localdate()
    now = timezone.now()
    return make_round(
        state,
        opens=now - days(started_days_ago + 60),
        closes=now - days(started_days_ago + 14),
        start=today - days(started_days_ago),
        **fields,
    )


def member(**fields):
    """A member with a complete profile (UTC unless told)."""
    fields.setdefault("time_zone", "UTC")
    fields.setdefault("interests", [])
    return MemberProfileFactory(**fields)


def partner(round_, make_application, *profiles, created_days_ago=None, interests=None):
    """A partnership of `profiles` in `round_`, each with an application (interests from
    `interests`, a list per profile, or the profile's own); created `created_days_ago` days
    ago when given. Returns the partnership."""
    partnership = Partnership.objects.create(round=round_, score=70, reasons=["test"])
    for n, profile in enumerate(profiles):
        answers = {}
        if interests is not None:
            answers["interests"] = interests[n]
        else:
            answers["interests"] = sorted(profile.interests.names())
        application = make_application(
            round_, member=profile, country=profile.country.code, time_zone=profile.time_zone,
            **answers,
        )  # fmt: skip
        PartnershipMember.objects.create(
            partnership=partnership,
            application=application,
            member=profile,
            country=profile.country,
        )
    if created_days_ago is not None:
        Partnership.objects.filter(pk=partnership.pk).update(
            created_at=timezone.now() - days(created_days_ago)
        )
        partnership.refresh_from_db()
    return partnership


def mark_sent(partnership, *kinds, days_ago=0):
    """Record `kinds` as sent to every member of `partnership`, `days_ago` days ago."""
    for membership in partnership.memberships.all():
        for kind in kinds:
            SentEmail.objects.create(
                membership=membership, kind=kind, sent_at=timezone.now() - days(days_ago)
            )

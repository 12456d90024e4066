"""What programme e-mail is due when: the round's calendar, and `due(today)`, the e-mail to
send today. Plain functions, no request; `programme.emails` sends what `due` lists.

The e-mail of a partnership member, by kind (SentEmail.Kind), is due:

- introduction: as soon as the round is running (its matching published) and until its
  last day; also for the members of a partnership made later by a rematch;
- check-in at two weeks (start + 14 days) and at mid-round (midway from start to end):
  from that day until the next moment (the mid-round check-in, the end), so a late run
  never sends a check-in that has gone stale; only to partnerships that existed a week
  before the day (not to people introduced yesterday), while the round is running, and
  not while the member waits in the rematch queue;
- feedback request: from the end date, for FEEDBACK_WINDOW_DAYS, running or finished;
- feedback reminder: a week after the end, a week or more after the request, while the
  feedback window is open, unless the member has given feedback.

Only members of partnerships that have not ended (a rematch ends the old one), with an
account that is active and has an address, receive anything; check-ins and feedback only
once their introduction went out. Whatever was recorded as sent (SentEmail) is never due
again.
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone

from .models import (
    CheckIn,
    Feedback,
    PartnershipMember,
    RematchRequest,
    Round,
    RoundTopic,
    SentEmail,
)

Kind = SentEmail.Kind

TWO_WEEKS = datetime.timedelta(days=14)
# A partnership gets a check-in only if it existed this long before the check-in's day.
CHECK_IN_NOTICE = datetime.timedelta(days=7)
FEEDBACK_WINDOW_DAYS = 14
FEEDBACK_REMINDER_AFTER = datetime.timedelta(days=7)

CHECK_IN_KINDS = {
    CheckIn.Moment.TWO_WEEKS: Kind.CHECK_IN_TWO_WEEKS,
    CheckIn.Moment.MID_ROUND: Kind.CHECK_IN_MID_ROUND,
}
MOMENT_OF_KIND = {kind: moment for moment, kind in CHECK_IN_KINDS.items()}
# The order in which one run sends them.
KIND_ORDER = [
    Kind.INTRODUCTION,
    Kind.CHECK_IN_TWO_WEEKS,
    Kind.CHECK_IN_MID_ROUND,
    Kind.FEEDBACK_REQUEST,
    Kind.FEEDBACK_REMINDER,
]


# The calendar ------------------------------------------------------------------------------


def check_in_dates(round_):
    """{CheckIn.Moment: date}: two weeks after the start, and midway from start to end."""
    start, end = round_.partnership_start, round_.partnership_end
    return {
        CheckIn.Moment.TWO_WEEKS: start + TWO_WEEKS,
        CheckIn.Moment.MID_ROUND: start + datetime.timedelta(days=(end - start).days // 2),
    }


def feedback_closes(round_):
    """The last day feedback e-mail is sent for the round."""
    return round_.partnership_end + datetime.timedelta(days=FEEDBACK_WINDOW_DAYS)


@dataclass(frozen=True)
class CalendarEntry:
    date: datetime.date
    kind: str  # start | topic | check-in | end (and "today" on the partnership page)
    number: int = 0  # a topic's place in the round, from 1
    topic: object = None  # the TopicPage of a topic entry
    released: bool = False  # a topic that is live and whose day has come: its title is shown


def round_calendar(round_, round_topics=None, today=None):
    """The round's dates in order: the start, each RoundTopic's release, the check-ins and
    the end. `round_topics` (with their topic selected) saves the query when the caller
    has them already."""
    today = today or timezone.localdate()
    if round_topics is None:
        round_topics = RoundTopic.objects.filter(round=round_).select_related("topic")
    topics = sorted(round_topics, key=lambda rt: (rt.release_date, rt.sort_order or 0, rt.pk))
    dates = check_in_dates(round_)
    entries = [
        CalendarEntry(round_.partnership_start, "start"),
        *(
            CalendarEntry(
                rt.release_date,
                "topic",
                number,
                rt.topic,
                rt.topic.live and rt.release_date <= today,
            )
            for number, rt in enumerate(topics, start=1)
        ),
        CalendarEntry(dates[CheckIn.Moment.TWO_WEEKS], "check-in", 1),
        CalendarEntry(dates[CheckIn.Moment.MID_ROUND], "check-in", 2),
        CalendarEntry(round_.partnership_end, "end"),
    ]
    order = {"start": 0, "topic": 1, "check-in": 2, "end": 3}
    return sorted(entries, key=lambda entry: (entry.date, order[entry.kind], entry.number))


# What is due -------------------------------------------------------------------------------


class Due(NamedTuple):
    """A (membership, kind) pair: `for membership, kind in due(today)` works too."""

    membership: PartnershipMember  # with partnership__round, member__user, application
    kind: str  # SentEmail.Kind


def rounds_with_email(today):
    """Rounds that may have e-mail due on `today`: running ones, and finished ones whose
    feedback window is still open."""
    oldest_end = today - datetime.timedelta(days=FEEDBACK_WINDOW_DAYS)
    return Round.objects.filter(
        state__in=[Round.State.RUNNING, Round.State.FINISHED], partnership_end__gte=oldest_end
    )


def recipients(rounds):
    """The memberships that may receive programme e-mail in `rounds`: of partnerships that
    have not ended, whose member has an active account with an address."""
    return (
        PartnershipMember.objects.filter(
            partnership__round__in=rounds,
            partnership__ended_at__isnull=True,
            member__isnull=False,
            member__user__is_active=True,
        )
        .exclude(member__user__email="")
        .select_related("partnership__round", "member__user", "application")
        .order_by("partnership__round_id", "partnership_id", "pk")
    )


def due(today):
    """Every (membership, kind) whose e-mail is due on `today` and not sent yet, as Due
    items: introductions first, then check-ins, then feedback. Five queries whatever the
    number of rounds and members."""
    rounds = list(rounds_with_email(today))
    if not rounds:
        return []
    in_rounds = Q(membership__partnership__round__in=rounds)
    memberships = list(recipients(rounds))
    sent = {
        (membership_id, kind): sent_at.date()
        for membership_id, kind, sent_at in SentEmail.objects.filter(in_rounds).values_list(
            "membership_id", "kind", "sent_at"
        )
    }
    with_feedback = set(Feedback.objects.filter(in_rounds).values_list("membership_id", flat=True))
    waiting = set(
        RematchRequest.objects.filter(in_rounds, resolved_at__isnull=True).values_list(
            "membership_id", flat=True
        )
    )
    found = []
    for membership in memberships:
        for kind in _kinds_due(membership, today, sent, with_feedback, waiting):
            found.append(Due(membership, kind))
    found.sort(key=lambda item: KIND_ORDER.index(item.kind))  # stable: keeps the round order
    return found


def _kinds_due(membership, today, sent, with_feedback, waiting):
    round_ = membership.partnership.round
    running = round_.state == Round.State.RUNNING
    end = round_.partnership_end

    def is_sent(kind):
        return (membership.pk, kind) in sent

    if not is_sent(Kind.INTRODUCTION):
        if running and today <= end:
            yield Kind.INTRODUCTION
        return  # nothing else before the introduction went out
    dates = check_in_dates(round_)
    windows = {
        CheckIn.Moment.TWO_WEEKS: (
            dates[CheckIn.Moment.TWO_WEEKS],
            dates[CheckIn.Moment.MID_ROUND],
        ),
        CheckIn.Moment.MID_ROUND: (dates[CheckIn.Moment.MID_ROUND], end),
    }
    created = membership.partnership.created_at.date()
    for moment, (first_day, next_moment) in windows.items():
        kind = CHECK_IN_KINDS[moment]
        if (
            running
            and first_day <= today < next_moment
            and created <= first_day - CHECK_IN_NOTICE
            and membership.pk not in waiting
            and not is_sent(kind)
        ):
            yield kind
    if membership.pk in with_feedback or not end <= today <= feedback_closes(round_):
        return
    if not is_sent(Kind.FEEDBACK_REQUEST):
        yield Kind.FEEDBACK_REQUEST
    elif (
        not is_sent(Kind.FEEDBACK_REMINDER)
        and today >= end + FEEDBACK_REMINDER_AFTER
        and today >= sent[(membership.pk, Kind.FEEDBACK_REQUEST)] + FEEDBACK_REMINDER_AFTER
    ):
        yield Kind.FEEDBACK_REMINDER

"""Partnerships as their members live them: a member's partnerships with their partners'
details (for the partnership page and the introduction e-mail), reporting a partner who
does not reply, and rematching the members who wait in a round's rematch queue.

Plain functions, no request. The coordinators' admin builds on three of them:

- `rematch_queue(round_)`: the open rematch requests of a round, oldest first;
- `rematch(round_, requests)`: partner the people behind `requests` with each other by the
  matching's rules; returns a RematchResult (new partnerships, resolved and unmatched
  requests);
- `close_request(request)`: resolve a request without a new partnership (the member found
  their partner after all, or left the programme).

A rematch ends the old partnership (`Partnership.ended_at`) for all its members: it stays
in everyone's history. A member left behind by it (the partner who did not reply, or the
other two of a trio) sees on their page that the partnership ended and may ask for a new
partner themselves (`report_no_reply` on their last membership of the round).
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.data_rights import FORMER_MEMBER_NAME

from . import links, matching, matchmaking, schedule
from .models import (
    Application,
    CheckIn,
    Feedback,
    Partnership,
    PartnershipMember,
    RematchRequest,
    Round,
    RoundTopic,
)

# A member's partnerships -------------------------------------------------------------------


def utc_offset_minutes(zone_name, at):
    """The zone's UTC offset at `at` in minutes; None for an unknown or empty zone."""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None
    return int(at.astimezone(zone).utcoffset().total_seconds()) // 60


def describe_time_difference(minutes):
    """'3 hours ahead of you', '5 hours 30 minutes behind you', 'the same time as you', in
    the active language (programme e-mail renders it in English)."""
    if minutes is None:
        return ""
    if minutes == 0:
        return _("the same time as you")
    hours, rest = divmod(abs(minutes), 60)
    if rest and hours:
        amount = _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
    elif rest:
        amount = ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest}
    else:
        amount = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    if minutes > 0:
        return _("%(amount)s ahead of you") % {"amount": amount}
    return _("%(amount)s behind you") % {"amount": amount}


def own_details(membership, profile_interests=()):
    """(time zone, interests) of a member as their partnership knows them: the interests of
    their application (what the matching compared), else `profile_interests`; the time
    zone of their profile, else of their application."""
    application = membership.application
    interests = (
        [n.lower() for n in application.interests] if application else profile_interests or ()
    )
    zone = membership.member.time_zone if membership.member is not None else ""
    return zone or (application.time_zone if application else ""), list(interests)


@dataclass
class Partner:
    """A partner as the other members of the partnership see them. `profile` is None once
    they deleted their account: a former member, with the country they took part from."""

    membership: PartnershipMember
    profile: object  # MemberProfile or None
    name: str
    country: object  # django_countries Country
    institution: str
    role: str
    interests: list
    shared_interests: list
    time_zone: str
    minutes_ahead: int | None  # their clock minus yours, now
    local_time: datetime.datetime | None
    email: str

    @property
    def is_former_member(self):
        return self.profile is None

    @property
    def time_difference(self):
        return describe_time_difference(self.minutes_ahead)


def describe_partner(membership, own_time_zone, own_interests, at):
    """The Partner `membership` is to a member whose time zone and interests are given
    (see own_details), at the moment `at`. Expects member__user and
    application selected, member__interests prefetched (see partner_memberships)."""
    profile = membership.member
    if profile is None:
        return Partner(
            membership, None, FORMER_MEMBER_NAME, membership.country, "", "", [], [], "", None,
            None, "",
        )  # fmt: skip
    zone, interests = own_details(
        membership, sorted(tag.name.lower() for tag in profile.interests.all())
    )
    theirs, mine = utc_offset_minutes(zone, at), utc_offset_minutes(own_time_zone, at)
    role = profile.role or (membership.application.role if membership.application else "")
    return Partner(
        membership=membership,
        profile=profile,
        name=str(profile),
        country=profile.country or membership.country,
        institution=profile.institution,
        role=role,
        interests=interests,
        shared_interests=[name for name in interests if name in set(own_interests)],
        time_zone=zone,
        minutes_ahead=theirs - mine if theirs is not None and mine is not None else None,
        # Naive: templates would turn an aware one back into the site's time zone.
        local_time=at.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
        if theirs is not None
        else None,
        email=profile.user.email if profile.user.is_active else "",
    )


@dataclass
class PartnershipView:
    """One of a member's partnerships, from their side."""

    membership: PartnershipMember  # the member's own
    partners: list  # [Partner]
    is_current: bool  # running round, not ended
    left_behind: bool = False  # ended by a rematch of the others, round still running
    calendar: list = field(default_factory=list)  # [schedule.CalendarEntry], current only
    released_topics: list = field(default_factory=list)  # [RoundTopic], current only
    open_request: RematchRequest | None = None

    @property
    def partnership(self):
        return self.membership.partnership

    @property
    def round(self):
        return self.membership.partnership.round

    @property
    def can_report_no_reply(self):
        return (self.is_current or self.left_behind) and self.open_request is None


@dataclass
class MemberPartnerships:
    current: list  # [PartnershipView], usually one
    past: list  # [PartnershipView]: ended, or of other rounds

    def __bool__(self):
        return bool(self.current or self.past)


def partner_memberships(partnership_ids, photos=False):
    """Every membership of the partnerships, with what describe_partner reads: one query,
    one for the interests. (`photos` is kept for callers: a member's photo is a file on the
    profile row, with nothing more to fetch.)"""
    return (
        PartnershipMember.objects.filter(partnership_id__in=partnership_ids)
        .select_related("member__user", "application")
        .prefetch_related("member__interests")
        .order_by("partnership_id", "pk")
    )


def _is_latest_in_round(membership, memberships):
    round_id = membership.partnership.round_id
    return all(
        other.partnership.created_at <= membership.partnership.created_at
        for other in memberships
        if other.partnership.round_id == round_id
    )


def _calendar_with_today(round_, round_topics, today):
    """The round's calendar with a "today" entry in its place while the round is on."""
    calendar = schedule.round_calendar(round_, round_topics, today)
    if round_.partnership_start <= today <= round_.partnership_end:
        position = sum(1 for entry in calendar if entry.date < today)
        calendar.insert(position, schedule.CalendarEntry(today, "today"))
    return calendar


def member_partnerships(profile, today=None, now=None):
    """`profile`'s partnerships, current (running round, not ended) and past, with their
    partners, and for the current ones the round's calendar, the topics released so far
    and any open rematch request. Six queries, whatever the number of partnerships."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    own = list(
        PartnershipMember.objects.filter(member=profile)
        .select_related("partnership__round", "application")
        .order_by("-partnership__round__partnership_start", "-partnership__created_at")
    )
    if not own:
        return MemberPartnerships([], [])
    own_ids = {m.pk for m in own}
    others = {}
    for membership in partner_memberships([m.partnership_id for m in own], photos=True):
        if membership.pk not in own_ids:
            others.setdefault(membership.partnership_id, []).append(membership)
    profile_interests = None
    for membership in own:
        membership.member = profile
        if membership.application is None and profile_interests is None:
            profile_interests = sorted(tag.name.lower() for tag in profile.interests.all())
    running = [m for m in own if m.partnership.round.state == Round.State.RUNNING]
    current = [m for m in running if m.partnership.ended_at is None]
    left_behind = [
        m for m in running if m.partnership.ended_at is not None and _is_latest_in_round(m, own)
    ]
    active = current + left_behind
    topics = {}
    for round_topic in (
        RoundTopic.objects.filter(round_id__in={m.partnership.round_id for m in current})
        .select_related("topic")
        .order_by("release_date", "sort_order")
    ):
        topics.setdefault(round_topic.round_id, []).append(round_topic)
    requests = {
        request.membership_id: request
        for request in RematchRequest.objects.filter(membership__in=active, resolved_at=None)
    }
    views = []
    for membership in own:
        round_topics = topics.get(membership.partnership.round_id, [])
        is_current = membership in current
        views.append(
            PartnershipView(
                membership=membership,
                partners=[
                    describe_partner(other, *own_details(membership, profile_interests), now)
                    for other in others.get(membership.partnership_id, [])
                ],
                is_current=is_current,
                left_behind=membership in left_behind,
                calendar=(
                    _calendar_with_today(membership.partnership.round, round_topics, today)
                    if is_current
                    else []
                ),
                released_topics=[
                    rt for rt in round_topics if rt.topic.live and rt.release_date <= today
                ],
                open_request=requests.get(membership.pk),
            )
        )
    return MemberPartnerships(
        current=[v for v in views if v.is_current or v.left_behind],
        past=[v for v in views if not (v.is_current or v.left_behind)],
    )


# "My partner has not replied" --------------------------------------------------------------


def can_report(membership):
    """Whether `membership` may enter the rematch queue: the round is running and the
    membership is the member's current one in it (or the one a rematch of their partners
    ended, leaving them without a partner)."""
    partnership = membership.partnership
    if membership.member_id is None or partnership.round.state != Round.State.RUNNING:
        return False
    if partnership.ended_at is None:
        return True
    return not PartnershipMember.objects.filter(
        member_id=membership.member_id,
        partnership__round_id=partnership.round_id,
        partnership__created_at__gt=partnership.created_at,
    ).exists()


def report_no_reply(membership, source, note=""):
    """Put `membership` in its round's rematch queue: (RematchRequest, created). A member
    already waiting is not queued twice: their open request comes back with created False
    (a new note is added to it). `source` is a RematchRequest.Source. Raises
    ValidationError when the partnership cannot be rematched any more (round not running,
    or the member already has a newer partnership in the round)."""
    note = (note or "").strip()[:1000]
    if not can_report(membership):
        raise ValidationError(_("This partnership can no longer be rematched."))
    with transaction.atomic():
        existing = (
            RematchRequest.objects.select_for_update()
            .filter(membership=membership, resolved_at=None)
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    return (
                        RematchRequest.objects.create(
                            membership=membership, source=source, note=note
                        ),
                        True,
                    )
            except IntegrityError:  # reported at the same moment from another tab
                existing = RematchRequest.objects.get(membership=membership, resolved_at=None)
        if note and note not in existing.note:
            existing.note = "\n\n".join(filter(None, [existing.note, note]))[:1000]
            existing.save(update_fields=["note"])
        return existing, False


# Check-ins and feedback --------------------------------------------------------------------


def record_check_in(membership, moment, answer, note=""):
    """Record `membership`'s answer (links.Answer) to the check-in at `moment`: one CheckIn
    per membership and moment, updated when they answer again. "My partner has not
    replied" also puts them in the rematch queue (source: check-in) while their partnership
    can still be rematched. Returns (CheckIn, RematchRequest or None)."""
    in_contact, frequency = links.Answer.RECORDED[answer]
    with transaction.atomic():
        check_in, _created = CheckIn.objects.update_or_create(
            membership=membership,
            moment=moment,
            defaults={
                "in_contact": in_contact,
                "frequency": frequency,
                "answered_at": timezone.now(),
            },
        )
        request = None
        if answer == links.Answer.NO_REPLY and can_report(membership):
            request, _created = report_no_reply(membership, RematchRequest.Source.CHECK_IN, note)
    return check_in, request


def save_feedback(membership, rating, would_take_part_again, what_worked="", comments=""):
    """Create or update `membership`'s end-of-round feedback (one per membership)."""
    feedback, _created = Feedback.objects.update_or_create(
        membership=membership,
        defaults={
            "rating": rating,
            "would_take_part_again": would_take_part_again,
            "what_worked": what_worked,
            "comments": comments,
            "submitted_at": timezone.now(),
        },
    )
    return feedback


# The rematch queue -------------------------------------------------------------------------


def rematch_queue(round_):
    """The round's open rematch requests, oldest first, with the member, their partnership
    and its round selected (for the coordinators' list)."""
    return (
        RematchRequest.objects.filter(membership__partnership__round=round_, resolved_at=None)
        .select_related("membership__member__user", "membership__partnership__round")
        .order_by("reported_at", "pk")
    )


def close_request(request):
    """Resolve `request` without a new partnership."""
    request.resolved_at = timezone.now()
    request.save(update_fields=["resolved_at"])


@dataclass
class RematchResult:
    partnerships: list  # new Partnerships
    resolved: list  # RematchRequests resolved by them
    unmatched: list  # [(RematchRequest, reason)]: still open, for a later rematch


@transaction.atomic
def rematch(round_, requests):
    """Partner the members behind `requests` (open RematchRequests of `round_`) with each
    other, by the matching's rules: the applicants are built from their applications by
    `matchmaking.load_pool`, as for the round's own matching, so partners come from
    different countries, nobody gets a previous partner back (their partner of this round
    included) and the round's forbidden pairs hold; the best pairs (a trio when numbers are
    odd) by the same score.

    Each new group becomes a Partnership of the round; the members' old partnerships end
    (ended_at, kept in everyone's history); each application moves to its member's new
    membership; the requests are resolved with their new partnership. Members who cannot
    be placed keep an open request, with the reason in `unmatched`. The new partners are
    introduced by the next `send_programme_emails` run (their memberships have no
    introduction yet). Requests already resolved, or of another round, are ignored."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.state != Round.State.RUNNING:
        raise ValidationError(_("Only members of a running round can be rematched."))
    ids = [request.pk for request in requests]
    # Lock the requests on their own (PostgreSQL refuses FOR UPDATE on outer joins).
    ids = list(
        RematchRequest.objects.select_for_update()
        .filter(pk__in=ids, resolved_at=None, membership__partnership__round=round_)
        .values_list("pk", flat=True)
    )
    requests = list(
        RematchRequest.objects.filter(pk__in=ids)
        .select_related("membership__partnership")
        .order_by("reported_at", "pk")
    )
    unmatched = []
    by_member = {}
    for request in requests:
        member_id = request.membership.member_id
        if member_id is None:
            unmatched.append((request, "the member deleted their account"))
        elif member_id in by_member:
            unmatched.append((request, "the member is in the queue twice"))
        else:
            by_member[member_id] = request
    applications = {
        app.member_id: app
        for app in Application.objects.filter(round=round_, member_id__in=by_member).select_related(
            "member__user"
        )
    }
    for member_id, request in list(by_member.items()):
        if member_id not in applications:
            unmatched.append((request, "no application to this round"))
            del by_member[member_id]
    pool = matchmaking.load_pool(round_, sorted(applications.values(), key=lambda a: a.pk))
    result = matching.propose_matching(
        pool.applicants.values(), (), pool.forbidden, reference=pool.reference
    )
    by_application = {applications[m].pk: request for m, request in by_member.items()}
    unmatched += [(by_application[app_id], reason) for app_id, reason in result.unmatched]
    if not result.groups:
        return RematchResult([], [], unmatched)

    now = timezone.now()
    placed = [app_id for group in result.groups for app_id in group.members]
    old_partnerships = {by_application[app_id].membership.partnership_id for app_id in placed}
    Partnership.objects.filter(pk__in=old_partnerships, ended_at=None).update(ended_at=now)
    # An application belongs to one membership: it moves to the new one.
    PartnershipMember.objects.filter(application_id__in=placed).update(application=None)
    partnerships = []
    resolved = []
    for group in result.groups:
        partnership = Partnership.objects.create(
            round=round_, score=group.score, reasons=list(group.reasons)
        )
        partnerships.append(partnership)
        for app_id in group.members:
            app = pool.applications[app_id]
            PartnershipMember.objects.create(
                partnership=partnership, application=app, member=app.member, country=app.country
            )
            request = by_application[app_id]
            request.resolved_at = now
            request.new_partnership = partnership
            request.save(update_fields=["resolved_at", "new_partnership"])
            resolved.append(request)
    return RematchResult(partnerships, resolved, unmatched)

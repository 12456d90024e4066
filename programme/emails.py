"""Programme e-mail: introductions, check-ins, feedback requests and reminders, in English
(partnerships are conducted in English), as plain text with an HTML alternative rendered
from templates/programme/email/.

`send_due(today)` sends whatever `schedule.due(today)` lists, one message at a time, and
records each in SentEmail only after the backend accepted it, in the same iteration: a send
that raises is logged (with the membership's id) and left unrecorded, so the next run tries
again; one that went out is never sent again (the unique constraint on membership and kind
is the backstop). Runs must not overlap (two runs would both send what neither has
recorded yet): the send_programme_emails command holds a lock for that.
"""

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import links, schedule
from .models import CheckIn, RoundTopic, SentEmail
from .partnerships import describe_partner, own_details, partner_memberships

logger = logging.getLogger(__name__)

Kind = SentEmail.Kind
SUBJECT_PREFIX = "[ILN Portal] "
TEMPLATES = {
    Kind.INTRODUCTION: "programme/email/introduction",
    Kind.CHECK_IN_TWO_WEEKS: "programme/email/check_in",
    Kind.CHECK_IN_MID_ROUND: "programme/email/check_in",
    Kind.FEEDBACK_REQUEST: "programme/email/feedback",
    Kind.FEEDBACK_REMINDER: "programme/email/feedback",
}


def subject(kind, round_, partners):
    partner_word = "partners" if len(partners) > 1 else "partner"
    subjects = {
        Kind.INTRODUCTION: f"Meet your {partner_word} for {round_.name}",
        Kind.CHECK_IN_TWO_WEEKS: f"{round_.name}: have you been in touch with your {partner_word}?",
        Kind.CHECK_IN_MID_ROUND: f"{round_.name}, halfway: how often are you in touch?",
        Kind.FEEDBACK_REQUEST: f"{round_.name} has ended: how did it go?",
        Kind.FEEDBACK_REMINDER: f"A reminder: how did {round_.name} go?",
    }
    return SUBJECT_PREFIX + subjects[kind]


def message_context(membership, kind, partners, round_topics, now):
    """What the templates of `kind` read. `partners`: the other memberships of the
    partnership (see partnerships.partner_memberships); `round_topics`: the round's
    RoundTopics with their topic."""
    round_ = membership.partnership.round
    own_zone, own_interests = own_details(
        membership, sorted(tag.name.lower() for tag in membership.member.interests.all())
    )
    context = {
        "kind": kind,
        "member": membership.member,
        "name": membership.member.display_name or "there",
        "round": round_,
        "partners": [describe_partner(p, own_zone, own_interests, now) for p in partners],
        "partnership_url": links.partnership_url(),
        "site_url": links.absolute("/"),
    }
    if kind == Kind.INTRODUCTION:
        context["calendar"] = schedule.round_calendar(round_, round_topics, timezone.localdate(now))
    elif kind in schedule.MOMENT_OF_KIND:
        moment = schedule.MOMENT_OF_KIND[kind]
        context.update(
            moment=moment,
            is_mid_round=moment == CheckIn.Moment.MID_ROUND,
            answers=[
                (links.Answer.LABELS[answer], links.check_in_url(membership, moment, answer))
                for answer in links.Answer.ALL
            ],
            links_expire=timezone.localdate(now + links.CHECK_IN_MAX_AGE),
        )
    else:
        context.update(
            is_reminder=kind == Kind.FEEDBACK_REMINDER,
            feedback_url=links.feedback_url(membership),
            links_expire=timezone.localdate(now + links.FEEDBACK_MAX_AGE),
        )
    return context


def build_message(membership, kind, partners, round_topics, connection=None, now=None):
    """The EmailMultiAlternatives of `kind` for `membership` (with partnership__round,
    member__user and application selected), in English."""
    now = now or timezone.now()
    with translation.override("en"):
        context = message_context(membership, kind, partners, round_topics, now)
        text = render_to_string(TEMPLATES[kind] + ".txt", context)
        html = render_to_string(TEMPLATES[kind] + ".html", context)
        title = subject(kind, membership.partnership.round, partners)
    message = EmailMultiAlternatives(
        title,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [membership.member.user.email],
        connection=connection,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


@dataclass
class Report:
    sent: Counter = field(default_factory=Counter)  # kind -> number sent
    failed: list = field(default_factory=list)  # [(membership id, kind, error)]

    @property
    def total(self):
        return sum(self.sent.values())


def send_due(today=None, connection=None):
    """Send every programme e-mail due on `today` (default: today) that has not gone out
    yet; a Report of what was sent and what failed (to be retried next run)."""
    now = timezone.now()
    today = today or timezone.localdate(now)
    report = Report()
    items = schedule.due(today)
    if not items:
        return report
    partnership_ids = {item.membership.partnership_id for item in items}
    by_partnership = defaultdict(list)
    for membership in partner_memberships(partnership_ids):
        by_partnership[membership.partnership_id].append(membership)
    round_ids = {item.membership.partnership.round_id for item in items}
    topics = defaultdict(list)
    for round_topic in RoundTopic.objects.filter(round_id__in=round_ids).select_related("topic"):
        topics[round_topic.round_id].append(round_topic)

    connection = connection or get_connection()
    try:
        connection.open()  # one connection for the run where the backend keeps one
    except Exception:
        logger.exception("Could not connect to the e-mail backend; each send will try again")
    try:
        for item in items:
            membership, kind = item.membership, item.kind
            # The member as the partners' query loaded them (interests prefetched).
            membership.member = next(
                m.member for m in by_partnership[membership.partnership_id] if m.pk == membership.pk
            )
            partners = [
                m for m in by_partnership[membership.partnership_id] if m.pk != membership.pk
            ]
            try:
                message = build_message(
                    membership,
                    kind,
                    partners,
                    topics[membership.partnership.round_id],
                    connection=connection,
                    now=now,
                )
                if message.send() != 1:
                    raise RuntimeError("the e-mail backend accepted no message")
            except Exception as error:
                logger.exception(
                    "Programme e-mail %s to membership %s failed; it is retried on the next run",
                    kind,
                    membership.pk,
                )
                report.failed.append((membership.pk, kind, f"{type(error).__name__}: {error}"))
                continue
            try:
                with transaction.atomic():
                    SentEmail.objects.create(membership=membership, kind=kind)
            except IntegrityError:
                logger.warning(
                    "Programme e-mail %s to membership %s was already recorded: another run "
                    "sent it at the same time",
                    kind,
                    membership.pk,
                )
            report.sent[kind] += 1
    finally:
        try:
            connection.close()
        except Exception:
            logger.exception("Could not close the e-mail connection")
    return report

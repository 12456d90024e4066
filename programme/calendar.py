"""A round's calendar: one topic a fortnight from the partnerships' start, two check-ins,
the end. Plain functions, no request.

- `round_calendar(round_, round_topics=None, today=None)`: the round's dates in order, as
  `schedule.CalendarEntry` items (date, kind, number, topic, released): the start
  ("start"), each RoundTopic's release ("topic", numbered from 1 in release order), the
  two check-ins ("check-in", number 1 at start + 14 days, number 2 midway from start to
  end) and the end ("end"). A topic entry is `released` once its page is live and its day
  has come: only then should its title be shown (the page may not exist for visitors
  before). Pass `round_topics` (RoundTopics with `topic` selected) to save the query. The
  function lives in `programme.schedule`, which the e-mail schedule shares; it is
  re-exported here so the calendar has one home.
- `propose_release_dates(round_, count=None)`: release dates every 14 days from the start,
  `count` of them or as many as fit before the end.
- `calendar_problems(round_, releases)`: what breaks the one-topic-a-fortnight rule in
  [(label, date)] (two topics in one fortnight, a release outside the partnerships);
  `fortnight_of(round_, day)` numbers the fortnights from 1.
- `schedule_release(round_topic, user=None)`: Wagtail's scheduled publishing for the topic
  page: its latest revision, dated the release date, is published with `go_live_at` = the
  release day's start (`release_at`), so `publish_scheduled` makes it live on the day (or
  now, when the day has come). `cancel_release(page)` undoes it for a page taken out of a round.
- `space_topics(round_)`: give the round's topics, in their order, the proposed dates.
- `ical_calendar(round_, entries, ...)`: the calendar as an iCalendar (RFC 5545) feed.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import RoundTopic
from .schedule import CalendarEntry, check_in_dates, round_calendar

__all__ = [
    "FORTNIGHT",
    "CalendarEntry",
    "cancel_release",
    "calendar_problems",
    "check_in_dates",
    "entry_summary",
    "fortnight_of",
    "ical_calendar",
    "propose_release_dates",
    "release_at",
    "round_calendar",
    "schedule_release",
    "space_topics",
]

FORTNIGHT = datetime.timedelta(days=14)
# A topic is released at the start of its day, in the site's time zone.
RELEASE_TIME = datetime.time(0, 0)


# Release dates -----------------------------------------------------------------------------


def propose_release_dates(round_, count=None):
    """Release dates a fortnight apart from the partnerships' start: `count` of them, or
    (count None) every one that falls before the partnerships' end."""
    start, end = round_.partnership_start, round_.partnership_end
    dates = []
    day = start
    while (count is None and day < end) or (count is not None and len(dates) < count):
        dates.append(day)
        day += FORTNIGHT
    return dates


def fortnight_of(round_, day):
    """The fortnight of the round `day` falls in: 1 from the start to 13 days later, 2 for
    the next 14 days, and so on (0 or less before the start)."""
    return (day - round_.partnership_start).days // 14 + 1


def calendar_problems(round_, releases):
    """What breaks the calendar's rules in `releases`, [(topic label, release date)]: a
    list of messages, empty when the calendar holds. One topic a fortnight, each released
    between the partnerships' start and their end."""
    problems = []
    start, end = round_.partnership_start, round_.partnership_end
    by_fortnight = {}
    for label, day in sorted(releases, key=lambda release: release[1]):
        if day < start or day > end:
            problems.append(
                _(
                    "“%(topic)s” is released on %(date)s, outside the partnerships "
                    "(%(start)s to %(end)s)."
                )
                % {
                    "topic": label,
                    "date": date_format(day, "DATE_FORMAT"),
                    "start": date_format(start, "DATE_FORMAT"),
                    "end": date_format(end, "DATE_FORMAT"),
                }
            )
            continue
        number = fortnight_of(round_, day)
        if number in by_fortnight:
            first = start + FORTNIGHT * (number - 1)
            problems.append(
                _(
                    "“%(first)s” and “%(second)s” fall in the same fortnight (%(from)s to "
                    "%(to)s): the round releases one topic a fortnight."
                )
                % {
                    "first": by_fortnight[number],
                    "second": label,
                    "from": date_format(first, "DATE_FORMAT"),
                    "to": date_format(
                        first + FORTNIGHT - datetime.timedelta(days=1), "DATE_FORMAT"
                    ),
                }
            )
        else:
            by_fortnight[number] = label
    return problems


# Scheduled publishing ----------------------------------------------------------------------


def release_at(day):
    """The moment a topic released on `day` goes live: the day's start in the site's time
    zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day, RELEASE_TIME), timezone.get_default_timezone()
    )


class Release:
    """What schedule_release did."""

    SCHEDULED = "scheduled"  # publishes on its day (publish_scheduled)
    PUBLISHED = "published"  # its day had come: live now
    UNCHANGED = "unchanged"  # already scheduled for that moment
    ALREADY_LIVE = "already-live"  # a live page stays live: nothing to schedule


def schedule_release(round_topic, user=None, now=None):
    """Schedule the publication of `round_topic`'s page on its release date with Wagtail's
    scheduled publishing: the page's latest revision is saved with `go_live_at` and
    published, which (go_live_at in the future) only approves it for
    `manage.py publish_scheduled`, or publishes it now when the day has come. A page that
    is live already stays as it is (Wagtail keeps a live page live). Returns a Release
    value."""
    now = now or timezone.now()
    page = round_topic.topic
    if page.live:
        return Release.ALREADY_LIVE
    go_live_at = release_at(round_topic.release_date)
    latest = page.get_latest_revision()
    if go_live_at > now and latest is not None and latest.approved_go_live_at == go_live_at:
        return Release.UNCHANGED
    draft = page.get_latest_revision_as_object()
    draft.go_live_at = go_live_at
    draft.date = round_topic.release_date  # the topic's date is its release date
    revision = draft.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return Release.SCHEDULED if go_live_at > now else Release.PUBLISHED


def cancel_release(page):
    """Cancel the scheduled publication of `page` (taken out of a round before its day): no
    revision of it is approved to go live any more. A live page is left as it is."""
    if page.live:
        return False
    page.revisions.update(approved_go_live_at=None)
    type(page).objects.filter(pk=page.pk).update(go_live_at=None)
    return True


def space_topics(round_, user=None):
    """Give the round's topics, in their order (sort order, then release date), the
    proposed release dates, a fortnight apart from the start, and schedule them. Returns
    [(RoundTopic, Release value)]."""
    round_topics = list(
        RoundTopic.objects.filter(round=round_)
        .select_related("topic")
        .order_by("sort_order", "release_date", "pk")
    )
    dates = propose_release_dates(round_, len(round_topics))
    done = []
    for round_topic, day in zip(round_topics, dates, strict=True):
        if round_topic.release_date != day:
            round_topic.release_date = day
            round_topic.save(update_fields=["release_date"])
        done.append((round_topic, schedule_release(round_topic, user)))
    return done


# iCalendar -----------------------------------------------------------------------------------


def entry_summary(entry):
    """An entry in words, in the active language (the same words as the partnership page).
    A topic's title only once it is released."""
    if entry.kind == "start":
        return _("Partnerships start")
    if entry.kind == "topic":
        if entry.released:
            return _("Topic %(number)s: %(title)s") % {
                "number": entry.number,
                "title": entry.topic.title,
            }
        return _("Topic %(number)s is released") % {"number": entry.number}
    if entry.kind == "check-in":
        if entry.number == 1:
            return _("Check-in: have you been in touch?")
        return _("Halfway check-in")
    return _("Partnerships end; we ask for your feedback")


def ical_escape(text):
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ical_fold(line):
    """A content line folded at 75 octets (RFC 5545, 3.1): continuation lines start with a
    space; a multi-byte character is never split."""
    lines, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > 75:
            lines.append(current)
            current, size = " ", 1
        current += character
        size += width
    lines.append(current)
    return "\r\n".join(lines)


def _ical_date(day):
    return day.strftime("%Y%m%d")


def _uid(round_, entry, domain):
    if entry.kind == "topic":
        key = f"topic-{entry.topic.pk}"
    elif entry.kind == "check-in":
        key = f"check-in-{entry.number}"
    else:
        key = entry.kind
    return f"round-{round_.pk}-{key}@{domain}"


def ical_calendar(round_, entries, *, domain, now=None, urls=None, calendar_url=""):
    """The round's calendar as an iCalendar feed (a str with CRLF line ends): one all-day
    VEVENT per entry (DTSTART;VALUE=DATE, DTEND the next day), with a UID stable across
    downloads (the round's id, and the topic page's for a topic) and DTSTAMP `now`. `urls`
    maps an entry to its URL (a released topic's page), `calendar_url` is the page that
    shows the calendar."""
    now = now or timezone.now()
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    urls = urls or {}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ILN Portal//Round calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_escape(round_.name)}",
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
    ]
    for entry in entries:
        if entry.kind not in ("start", "topic", "check-in", "end"):
            continue
        summary = f"{round_.name}: {entry_summary(entry)}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(round_, entry, domain)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_ical_date(entry.date)}",
            f"DTEND;VALUE=DATE:{_ical_date(entry.date + datetime.timedelta(days=1))}",
            f"SUMMARY:{ical_escape(summary)}",
            "TRANSP:TRANSPARENT",
        ]
        url = urls.get(entry) or calendar_url
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(ical_fold(line) + "\r\n" for line in lines)

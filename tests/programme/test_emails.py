"""Programme e-mail: introductions (once, whatever fails in between; nothing for deleted or
inactive members; a trio's; the calendar), check-ins and feedback on their days, what
`schedule.due` lists in a bounded number of queries, and the send_programme_emails
command."""

import datetime
import fcntl
import logging
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

from programme import emails, schedule
from programme.management.commands.send_programme_emails import lock_path
from programme.models import (
    CheckIn,
    Feedback,
    PartnershipMember,
    RematchRequest,
    Round,
    RoundTopic,
    SentEmail,
)
from topics.factories import TopicPageFactory

from .partnership_helpers import days, mark_sent, member, partner, running_round

pytestmark = pytest.mark.django_db
Kind = SentEmail.Kind


class FlakyBackend(EmailBackend):
    """Django's in-memory backend that raises, like an SMTP server that is down, while
    `failing` is set (for everyone, or for the addresses in it)."""

    failing = set()  # addresses, or {"*"}

    def send_messages(self, messages):
        for message in messages:
            if "*" in self.failing or set(message.to) & self.failing:
                raise ConnectionRefusedError("the mail server is down")
        return super().send_messages(messages)


@pytest.fixture
def flaky_backend(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.failing = set()
    yield FlakyBackend
    FlakyBackend.failing = set()


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("send_programme_emails", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message):
    (html, mimetype), *_rest = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def pair(make_round, make_application):
    round_ = running_round(make_round, name="Round Kowhai")
    aroha = member(
        display_name="Aroha Tane",
        country="NZ",
        institution="Te Puna",
        role="School librarian",
        time_zone="Pacific/Auckland",
    )
    kwame = member(
        display_name="Kwame Asante",
        country="GH",
        institution="Balme Library",
        role="Archivist",
        time_zone="Africa/Accra",
    )
    partnership = partner(
        round_,
        make_application,
        aroha,
        kwame,
        interests=[["outreach", "makerspaces", "te reo"], ["archives", "makerspaces", "outreach"]],
    )
    return round_, partnership, aroha, kwame


# Introductions -----------------------------------------------------------------------------


def test_introductions_go_out_once_even_with_a_failing_backend_in_between(
    pair, make_application, flaky_backend, caplog
):
    round_, partnership, aroha, kwame = pair
    other = partner(round_, make_application, member(country="BR"), member(country="FI"))

    flaky_backend.failing = {"*"}
    with caplog.at_level(logging.ERROR, logger="programme.emails"):
        out, err = run_command()
    assert mail.outbox == []
    assert not SentEmail.objects.exists()
    assert "4 failed, to be retried on the next run" in err
    assert "ConnectionRefusedError: the mail server is down" in err
    ids = PartnershipMember.objects.values_list("pk", flat=True)
    for membership_id in ids:
        assert f"membership {membership_id} failed" in caplog.text

    # The server is back for all but one: three go out, the fourth waits for the next run.
    flaky_backend.failing = {kwame.user.email}
    out, err = run_command()
    assert "Introduction: 3 sent" in out and "1 failed" in err
    assert len(mail.outbox) == 3 and not to(kwame.user.email)

    flaky_backend.failing = set()
    out, err = run_command()
    assert "Introduction: 1 sent" in out and err == ""
    assert len(to(kwame.user.email)) == 1

    out, err = run_command()
    assert "No programme e-mail due." in out and err == ""
    assert len(mail.outbox) == 4
    assert SentEmail.objects.filter(kind=Kind.INTRODUCTION).count() == 4
    for membership in [*partnership.memberships.all(), *other.memberships.all()]:
        assert len(to(membership.member.user.email)) == 1


def test_the_introduction_says_who_the_partner_is_and_how_to_reach_them(pair, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://iln.example.org"
    round_, partnership, aroha, kwame = pair
    with translation.override("fr"):  # programme e-mail is English whatever is active
        emails.send_due()
    (message,) = to(aroha.user.email)
    assert message.subject == "[ILN Portal] Meet your partner for Round Kowhai"
    text, html = message.body, html_of(message)
    for body in (text, html):
        assert "Dear Aroha Tane" in body
        assert "Kwame Asante" in body and "Ghana" in body
        assert "Balme Library" in body and "Archivist" in body
        assert "makerspaces, outreach" in body  # shared, in the application's order
        assert kwame.user.email in body  # partners see each other's address
        assert "Africa/Accra" in body
        assert "https://iln.example.org/programme/partnership/" in body
        assert "Aroha Tane" not in body.replace("Dear Aroha Tane", "")
    # Accra is 13 hours behind Auckland in (southern) summer, 11 in winter.
    assert re.search(r"1[13] hours behind you", text)
    assert f'href="mailto:{kwame.user.email}"' in html
    (theirs,) = to(kwame.user.email)
    assert "Aroha Tane" in theirs.body and aroha.user.email in theirs.body
    assert re.search(r"1[13] hours ahead of you", theirs.body)


def test_the_introduction_has_the_rounds_calendar(pair, site_tree):
    round_, partnership, aroha, kwame = pair
    released = TopicPageFactory(parent=site_tree.topics, title="Getting to know each other")
    upcoming = TopicPageFactory(parent=site_tree.topics, title="A secret topic", live=False)
    start = round_.partnership_start
    RoundTopic.objects.create(round=round_, topic=released, release_date=start)
    RoundTopic.objects.create(round=round_, topic=upcoming, release_date=start + days(14))
    emails.send_due()
    (message,) = to(aroha.user.email)
    two_weeks = start + days(14)
    mid = start + days((round_.partnership_end - start).days // 2)
    lines = [line for line in message.body.splitlines() if line.startswith("- ")]
    assert lines == [
        f"- {start:%a} {start.day} {start:%b %Y}: the partnerships start",
        f"- {start:%a} {start.day} {start:%b %Y}: topic 1 is released: Getting to know each other",
        f"- {two_weeks:%a} {two_weeks.day} {two_weeks:%b %Y}: topic 2 is released",
        f"- {two_weeks:%a} {two_weeks.day} {two_weeks:%b %Y}: "
        "first check-in: have you been in touch?",
        f"- {mid:%a} {mid.day} {mid:%b %Y}: halfway check-in",
        f"- {round_.partnership_end:%a} {round_.partnership_end.day} "
        f"{round_.partnership_end:%b %Y}: the partnerships end, and we ask for your feedback",
    ]
    assert "A secret topic" not in message.body  # not released yet: no title
    assert f"{mid.day} {mid:%b %Y}" in html_of(message)


def test_a_trios_members_each_meet_both_partners(make_round, make_application):
    round_ = running_round(make_round)
    trio = [
        member(display_name="Ana Lima", country="BR"),
        member(display_name="Mei Chen", country="PH"),
        member(display_name="Ingrid Lindqvist", country="FI"),
    ]
    partner(round_, make_application, *trio)
    emails.send_due()
    assert len(mail.outbox) == 3
    for person in trio:
        (message,) = to(person.user.email)
        assert message.subject.endswith("Meet your partners for " + round_.name)
        others = [p for p in trio if p != person]
        for other in others:
            assert other.display_name in message.body and other.user.email in message.body
        assert "group of three" in message.body


def test_deleted_and_inactive_members_get_nothing(pair, make_application, make_round):
    round_, partnership, aroha, kwame = pair
    PartnershipMember.objects.filter(member=kwame).update(member=None)  # account deleted
    inactive = member(country="FR")
    inactive.user.is_active = False
    inactive.user.save()
    partner(round_, make_application, inactive, member(country="KE", display_name="Zanele"))
    emails.send_due()
    assert kwame.user.email not in [a for m in mail.outbox for a in m.to]
    assert inactive.user.email not in [a for m in mail.outbox for a in m.to]
    (message,) = to(aroha.user.email)
    assert "Former member" in message.body and "Ghana" not in message.body.split("Former")[0]
    assert SentEmail.objects.count() == 2


def test_no_introductions_before_publishing_nor_after_the_round(make_round, make_application):
    matching = running_round(make_round, state=Round.State.MATCHING)
    partner(matching, make_application, member(country="NZ"), member(country="GH"))
    old = running_round(make_round, started_days_ago=200, state=Round.State.FINISHED)
    partner(old, make_application, member(country="NZ"), member(country="GH"))
    assert schedule.due(timezone.localdate()) == []


def test_an_ended_partnership_gets_nothing_its_replacement_an_introduction(pair, make_application):
    round_, partnership, aroha, kwame = pair
    partnership.ended_at = timezone.now()
    partnership.save()
    new = partner(round_, make_application, member(country="IN"), member(country="CA"))
    due = schedule.due(timezone.localdate())
    assert {(d.membership.partnership_id, d.kind) for d in due} == {(new.pk, Kind.INTRODUCTION)}


# Check-ins and feedback on their days ------------------------------------------------------


def kinds_due(today):
    return sorted((d.membership.member.display_name, d.kind) for d in schedule.due(today))


def test_check_ins_are_due_from_their_day_until_the_next(make_round, make_application):
    round_ = running_round(make_round, started_days_ago=0)
    partnership = partner(
        round_,
        make_application,
        member(display_name="A", country="NZ"),
        member(display_name="B", country="GH"),
        created_days_ago=10,
    )
    mark_sent(partnership, Kind.INTRODUCTION, days_ago=10)
    start, end = round_.partnership_start, round_.partnership_end
    mid = schedule.check_in_dates(round_)[CheckIn.Moment.MID_ROUND]
    assert mid == start + days((end - start).days // 2)

    assert kinds_due(start + days(13)) == []  # not before the day
    two = [("A", Kind.CHECK_IN_TWO_WEEKS), ("B", Kind.CHECK_IN_TWO_WEEKS)]
    assert kinds_due(start + days(14)) == two
    assert kinds_due(mid - days(1)) == two  # a late run still sends it
    # Once the mid-round check-in is due, the two-week one has gone stale.
    assert kinds_due(mid) == [("A", Kind.CHECK_IN_MID_ROUND), ("B", Kind.CHECK_IN_MID_ROUND)]
    mark_sent(partnership, Kind.CHECK_IN_MID_ROUND)
    assert kinds_due(mid) == []
    assert kinds_due(end - days(1)) == []


def test_check_ins_wait_for_the_introduction_and_skip_those_in_the_rematch_queue(
    make_round, make_application
):
    round_ = running_round(make_round, started_days_ago=14)
    partnership = partner(
        round_,
        make_application,
        member(display_name="A", country="NZ"),
        member(display_name="B", country="GH"),
        created_days_ago=20,
    )
    today = timezone.localdate()
    assert kinds_due(today) == [("A", Kind.INTRODUCTION), ("B", Kind.INTRODUCTION)]
    mark_sent(partnership, Kind.INTRODUCTION)
    RematchRequest.objects.create(membership=partnership.memberships.first(), source="page")
    assert kinds_due(today) == [("B", Kind.CHECK_IN_TWO_WEEKS)]


def test_no_check_in_for_a_partnership_made_days_before(make_round, make_application):
    round_ = running_round(make_round, started_days_ago=14)
    partnership = partner(
        round_, make_application, member(country="NZ"), member(country="GH"), created_days_ago=3
    )
    mark_sent(partnership, Kind.INTRODUCTION)
    assert schedule.due(timezone.localdate()) == []


def test_feedback_is_requested_at_the_end_and_reminded_a_week_later(make_round, make_application):
    round_ = running_round(make_round, started_days_ago=120, state=Round.State.FINISHED)
    end = round_.partnership_end
    partnership = partner(
        round_,
        make_application,
        member(display_name="A", country="NZ"),
        member(display_name="B", country="GH"),
        created_days_ago=130,
    )
    mark_sent(partnership, Kind.INTRODUCTION, Kind.CHECK_IN_TWO_WEEKS, Kind.CHECK_IN_MID_ROUND)
    assert kinds_due(end - days(1)) == []
    request = [("A", Kind.FEEDBACK_REQUEST), ("B", Kind.FEEDBACK_REQUEST)]
    assert kinds_due(end) == request
    assert kinds_due(end + days(14)) == request
    assert kinds_due(end + days(15)) == []  # the window has closed

    a, b = partnership.memberships.order_by("pk")
    for membership in (a, b):
        SentEmail.objects.create(
            membership=membership,
            kind=Kind.FEEDBACK_REQUEST,
            sent_at=timezone.make_aware(datetime.datetime.combine(end, datetime.time(9))),
        )
    Feedback.objects.create(membership=b, rating=5, would_take_part_again=True)
    assert kinds_due(end + days(6)) == []
    assert kinds_due(end + days(7)) == [("A", Kind.FEEDBACK_REMINDER)]
    SentEmail.objects.create(membership=a, kind=Kind.FEEDBACK_REMINDER)
    assert kinds_due(end + days(8)) == []


def test_check_in_and_feedback_mail_carry_working_links(
    make_round, make_application, client, settings, site_tree
):
    settings.WAGTAILADMIN_BASE_URL = "https://iln.example.org"
    round_ = running_round(make_round, started_days_ago=14)
    aroha, kwame = member(display_name="Aroha", country="NZ"), member(country="GH")
    partnership = partner(round_, make_application, aroha, kwame, created_days_ago=20)
    mark_sent(partnership, Kind.INTRODUCTION)
    report = emails.send_due()
    assert report.sent == {Kind.CHECK_IN_TWO_WEEKS: 2}
    (message,) = to(aroha.user.email)
    assert "have you been in touch with your partner?" in message.subject
    urls = re.findall(r"https://iln\.example\.org(/programme/check-in/[^/\s]+/)", message.body)
    assert len(urls) == 5
    labels = [
        "Yes, every week",
        "Yes, every two weeks",
        "Yes, about once a month",
        "Not yet",
        "My partner has not replied",
    ]
    for label in labels:
        assert label in message.body and label in html_of(message)
    response = client.get(urls[0])
    assert response.status_code == 200
    assert "Yes, every week" in response.content.decode()
    assert not CheckIn.objects.exists()  # opening the link records nothing

    # Feedback at the end of the round.
    report = emails.send_due(round_.partnership_end)
    assert report.sent == {Kind.FEEDBACK_REQUEST: 2}
    message = to(aroha.user.email)[-1]
    (url,) = re.findall(r"https://iln\.example\.org(/programme/feedback/[^/\s]+/)", message.body)
    assert client.get(url).status_code == 200


# Bounded queries, and the command ----------------------------------------------------------


def test_due_takes_a_fixed_number_of_queries(
    make_round, make_application, django_assert_max_num_queries
):
    round_ = running_round(make_round, started_days_ago=14)
    finished = running_round(make_round, started_days_ago=125, state=Round.State.FINISHED)
    for n in range(6):
        for this_round in (round_, finished):
            p = partner(
                this_round,
                make_application,
                member(country="NZ"),
                member(country="GH"),
                created_days_ago=130,
            )
            if n % 2:
                mark_sent(p, Kind.INTRODUCTION)
    with django_assert_max_num_queries(5):
        due = schedule.due(timezone.localdate())
        kinds = [
            (membership.member.user.email, membership.partnership.round.name, kind)
            for membership, kind in due
        ]
    assert len(kinds) == 6 + 6 + 6  # introductions; check-ins; feedback requests


def test_the_command_prints_counts_per_kind(make_round, make_application):
    round_ = running_round(make_round, started_days_ago=14)
    partner(round_, make_application, member(country="NZ"), member(country="GH"))
    old = partner(
        round_, make_application, member(country="BR"), member(country="FI"), created_days_ago=20
    )
    mark_sent(old, Kind.INTRODUCTION)
    out, err = run_command()
    assert "Introduction: 2 sent" in out
    assert "Check-in at two weeks: 2 sent" in out
    assert "4 e-mails sent." in out and err == ""
    out, err = run_command("--verbosity", "0")
    assert out == "" and err == ""


def test_the_command_does_nothing_while_another_run_holds_the_lock(pair):
    with open(lock_path(), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            out, err = run_command()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    assert "Another run is in progress" in out
    assert mail.outbox == []
    out, err = run_command()
    assert "Introduction: 2 sent" in out


def test_sending_takes_a_few_queries_and_one_write_per_message(
    make_round, make_application, site_tree, django_assert_max_num_queries
):
    round_ = running_round(make_round)
    for n in range(3):
        RoundTopic.objects.create(
            round=round_,
            topic=TopicPageFactory(parent=site_tree.topics),
            release_date=round_.partnership_start + days(14 * n),
        )
    for _n in range(5):
        partner(
            round_,
            make_application,
            member(country="NZ", interests=["outreach"]),
            member(country="GH", interests=["archives"]),
        )
    # due() 5, partners and their interests 2, topics 1; then an INSERT in a savepoint
    # (SAVEPOINT, INSERT, RELEASE) per message.
    with django_assert_max_num_queries(8 + 3 * 10):
        assert emails.send_due().total == 10


def test_an_smtp_server_that_is_down_fails_every_send_and_the_command_still_succeeds(
    pair, settings
):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    out, err = run_command()  # no exception: the exit status is 0
    assert "2 failed, to be retried on the next run" in err
    assert "ConnectionRefusedError" in err
    assert not SentEmail.objects.exists()

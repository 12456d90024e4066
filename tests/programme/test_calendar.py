"""The round calendar (programme.calendar): its dates in order, release dates a fortnight
apart and the rule behind them, scheduled publishing of topic pages through Wagtail
(go_live_at, publish_scheduled) and the iCalendar rendering."""

import datetime
import importlib
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone

from programme import calendar
from programme.models import Round, RoundTopic
from topics.factories import TopicPageFactory
from topics.models import TopicPage

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 3, 2)


@pytest.fixture
def round_(make_round):
    return make_round(
        Round.State.RUNNING,
        slug="spring",
        name="Round 9, spring",
        opens=timezone.now() - datetime.timedelta(days=400),
        closes=timezone.now() - datetime.timedelta(days=380),
        start=START,
    )


def topic_page(site_tree, title, live=True, **fields):
    fields.setdefault("date", START)
    return TopicPageFactory(parent=site_tree.topics, title=title, live=live, **fields)


# The dates ---------------------------------------------------------------------------------


def test_round_calendar_orders_start_topics_check_ins_and_end(site_tree, round_):
    assert round_.partnership_end == datetime.date(2026, 7, 2)
    late = topic_page(site_tree, "Late topic", live=False)
    first = topic_page(site_tree, "First topic")
    RoundTopic.objects.create(round=round_, topic=late, release_date=datetime.date(2026, 3, 30))
    RoundTopic.objects.create(round=round_, topic=first, release_date=START)

    entries = calendar.round_calendar(round_, today=datetime.date(2026, 4, 1))

    assert [(e.date, e.kind, e.number) for e in entries] == [
        (START, "start", 0),
        (START, "topic", 1),
        (datetime.date(2026, 3, 16), "check-in", 1),  # start + 14 days
        (datetime.date(2026, 3, 30), "topic", 2),
        (datetime.date(2026, 5, 2), "check-in", 2),  # midway: 122 days // 2 = 61
        (datetime.date(2026, 7, 2), "end", 0),
    ]
    assert entries[1].topic == first and entries[1].released
    # Its day has come, but the page is not live: its title stays hidden.
    assert entries[3].topic == late and not entries[3].released


def test_a_live_topic_is_not_released_before_its_day(site_tree, round_):
    page = topic_page(site_tree, "Published early")
    RoundTopic.objects.create(round=round_, topic=page, release_date=datetime.date(2026, 3, 16))
    before = calendar.round_calendar(round_, today=datetime.date(2026, 3, 15))
    on_the_day = calendar.round_calendar(round_, today=datetime.date(2026, 3, 16))
    assert [e.released for e in before if e.kind == "topic"] == [False]
    assert [e.released for e in on_the_day if e.kind == "topic"] == [True]


def test_proposed_release_dates_are_a_fortnight_apart_from_the_start(round_):
    assert calendar.propose_release_dates(round_, 3) == [
        START,
        datetime.date(2026, 3, 16),
        datetime.date(2026, 3, 30),
    ]
    until_the_end = calendar.propose_release_dates(round_)
    assert until_the_end[0] == START and until_the_end[-1] == datetime.date(2026, 6, 22)
    assert len(until_the_end) == 9  # 122 days: fortnights starting on days 0, 14, ..., 112
    assert all(b - a == datetime.timedelta(days=14) for a, b in itertools.pairwise(until_the_end))


def test_fortnights_are_numbered_from_the_start(round_):
    assert calendar.fortnight_of(round_, START) == 1
    assert calendar.fortnight_of(round_, START + datetime.timedelta(days=13)) == 1
    assert calendar.fortnight_of(round_, START + datetime.timedelta(days=14)) == 2
    assert calendar.fortnight_of(round_, START - datetime.timedelta(days=1)) == 0


def test_one_topic_a_fortnight_holds(english, round_):
    releases = [("A", START), ("B", START + datetime.timedelta(days=14))]
    assert calendar.calendar_problems(round_, releases) == []


def test_two_topics_in_one_fortnight_are_refused_by_name(english, round_):
    releases = [
        ("Reading clubs", datetime.date(2026, 3, 16)),
        ("Makerspaces", datetime.date(2026, 3, 20)),
        ("Advocacy", START),
    ]
    problems = calendar.calendar_problems(round_, releases)
    assert problems == [
        "“Reading clubs” and “Makerspaces” fall in the same fortnight (March 16, 2026 to "
        "March 29, 2026): the round releases one topic a fortnight."
    ]


def test_a_release_outside_the_partnerships_is_refused(english, round_):
    problems = calendar.calendar_problems(
        round_,
        [
            ("Too early", START - datetime.timedelta(days=1)),
            ("Too late", datetime.date(2026, 7, 3)),
        ],
    )
    assert len(problems) == 2
    assert "“Too early” is released on March 1, 2026, outside the partnerships" in problems[0]
    assert "“Too late”" in problems[1]


# Scheduled publishing ----------------------------------------------------------------------


def _publish_scheduled_at(moment, monkeypatch):
    """Run Wagtail's publish_scheduled command as if the clock said `moment`."""
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        call_command("publish_scheduled", verbosity=0)


def test_a_future_topic_is_scheduled_and_goes_live_on_its_day(site_tree, round_, monkeypatch):
    page = topic_page(site_tree, "Next fortnight", live=False)
    day = timezone.localdate() + datetime.timedelta(days=10)
    round_topic = RoundTopic.objects.create(round=round_, topic=page, release_date=day)

    assert calendar.schedule_release(round_topic) == calendar.Release.SCHEDULED

    page.refresh_from_db()
    moment = calendar.release_at(day)
    assert not page.live
    assert page.go_live_at == moment
    assert page.get_latest_revision().approved_go_live_at == moment
    assert not TopicPage.objects.live().filter(pk=page.pk).exists()
    # Saving again with the same date changes nothing (no new revision).
    revisions = page.revisions.count()
    assert calendar.schedule_release(round_topic) == calendar.Release.UNCHANGED
    assert page.revisions.count() == revisions

    # The scheduler runs before the day: the topic stays unpublished.
    call_command("publish_scheduled", verbosity=0)
    _publish_scheduled_at(moment - datetime.timedelta(minutes=1), monkeypatch)
    page.refresh_from_db()
    assert not page.live

    # Once the day has come, publish_scheduled publishes it.
    _publish_scheduled_at(moment + datetime.timedelta(minutes=1), monkeypatch)
    page.refresh_from_db()
    assert page.live
    assert page.get_latest_revision().approved_go_live_at is None


def test_a_topic_whose_day_has_come_is_published_at_once(site_tree, round_):
    page = topic_page(site_tree, "Today's topic", live=False)
    round_topic = RoundTopic.objects.create(
        round=round_, topic=page, release_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert calendar.schedule_release(round_topic) == calendar.Release.PUBLISHED
    page.refresh_from_db()
    assert page.live and page.live_revision is not None


def test_a_draft_is_scheduled_with_its_latest_changes(site_tree, round_, monkeypatch):
    page = topic_page(site_tree, "Working title", live=False)
    draft = page.get_latest_revision_as_object()
    draft.title = "Final title"
    draft.save_revision()
    day = timezone.localdate() + datetime.timedelta(days=3)
    calendar.schedule_release(RoundTopic.objects.create(round=round_, topic=page, release_date=day))
    _publish_scheduled_at(calendar.release_at(day) + datetime.timedelta(hours=1), monkeypatch)
    page.refresh_from_db()
    assert page.live and page.title == "Final title"


def test_a_live_topic_stays_live(site_tree, round_):
    page = topic_page(site_tree, "Already out")
    round_topic = RoundTopic.objects.create(
        round=round_, topic=page, release_date=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert calendar.schedule_release(round_topic) == calendar.Release.ALREADY_LIVE
    page.refresh_from_db()
    assert page.live and page.go_live_at is None


def test_a_changed_date_reschedules_and_cancelling_unschedules(site_tree, round_, monkeypatch):
    page = topic_page(site_tree, "Moved", live=False)
    first_day = timezone.localdate() + datetime.timedelta(days=5)
    round_topic = RoundTopic.objects.create(round=round_, topic=page, release_date=first_day)
    calendar.schedule_release(round_topic)
    round_topic.release_date = first_day + datetime.timedelta(days=14)
    assert calendar.schedule_release(round_topic) == calendar.Release.SCHEDULED
    approved = list(
        page.revisions.exclude(approved_go_live_at=None).values_list(
            "approved_go_live_at", flat=True
        )
    )
    assert approved == [calendar.release_at(round_topic.release_date)]

    assert calendar.cancel_release(page)
    page.refresh_from_db()
    assert page.go_live_at is None
    assert not page.revisions.exclude(approved_go_live_at=None).exists()
    _publish_scheduled_at(calendar.release_at(first_day) + datetime.timedelta(days=30), monkeypatch)
    page.refresh_from_db()
    assert not page.live


def test_space_topics_gives_the_proposed_dates_in_order(site_tree, make_round):
    start = timezone.localdate() + datetime.timedelta(days=20)
    round_ = make_round(
        Round.State.OPEN,
        opens=timezone.now() - datetime.timedelta(days=1),
        closes=timezone.now() + datetime.timedelta(days=5),
        start=start,
    )
    pages = [topic_page(site_tree, f"Topic {n}", live=False) for n in range(3)]
    for n, page in enumerate(pages):
        RoundTopic.objects.create(round=round_, topic=page, release_date=start, sort_order=n)
    done = calendar.space_topics(round_)
    assert [(rt.topic_id, rt.release_date) for rt, _result in done] == [
        (pages[0].pk, start),
        (pages[1].pk, start + datetime.timedelta(days=14)),
        (pages[2].pk, start + datetime.timedelta(days=28)),
    ]
    assert {result for _rt, result in done} == {calendar.Release.SCHEDULED}
    for page in pages:
        page.refresh_from_db()
        assert not page.live and page.go_live_at is not None


# iCalendar ---------------------------------------------------------------------------------


def test_ical_text_is_escaped_and_folded_at_75_octets():
    assert calendar.ical_escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    line = "SUMMARY:" + "é" * 100  # two octets each
    folded = calendar.ical_fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line
    assert calendar.ical_fold("short") == "short"


def test_ical_calendar_has_an_all_day_event_per_date(english, site_tree, round_):
    page = topic_page(site_tree, "Speaking up, for libraries; loudly")
    RoundTopic.objects.create(round=round_, topic=page, release_date=START)
    entries = calendar.round_calendar(round_, today=datetime.date(2026, 4, 1))
    now = datetime.datetime(2026, 4, 1, 8, 30, tzinfo=datetime.UTC)
    text = calendar.ical_calendar(
        round_,
        entries,
        domain="iln.example.org",
        now=now,
        urls={entries[1]: "https://iln.example.org/topics/speaking-up/"},
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 5 == unfolded.count("END:VEVENT")
    assert unfolded.count("DTSTAMP:20260401T083000Z") == 5
    assert f"UID:round-{round_.pk}-topic-{page.pk}@iln.example.org" in unfolded
    assert f"UID:round-{round_.pk}-start@iln.example.org" in unfolded
    assert "DTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260303" in unfolded
    assert "SUMMARY:Round 9\\, spring: Topic 1: Speaking up\\, for libraries\\; loudly" in unfolded
    assert "URL:https://iln.example.org/topics/speaking-up/" in unfolded
    assert "SUMMARY:Round 9\\, spring: Halfway check-in" in unfolded
    assert "DTSTART;VALUE=DATE:20260502" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


# The round_label migration -----------------------------------------------------------------

LABEL_MIGRATION = "programme.migrations.0004_topic_round_labels_to_rounds"


def test_round_labels_are_split_into_a_round_and_a_number():
    split_label = importlib.import_module(LABEL_MIGRATION).split_label
    assert split_label("Round 5, topic 3") == ("Round 5", 3)
    assert split_label("  Round 12 –  Topic 10 ") == ("Round 12", 10)
    assert split_label("Round 2 topic 1") == ("Round 2", 1)
    assert split_label("Round 1") == ("Round 1", None)
    assert split_label("Pilot, spring") == ("Pilot, spring", None)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_turns_round_labels_into_round_topics(site_tree, locales, make_round):
    """Run the data migration as `migrate` does, on pages labelled as before: topics'
    round_label comes back (topics to 0002), the labels are set through the historical
    model, and the migration's forwards function runs with the historical apps."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = importlib.import_module(LABEL_MIGRATION)
    existing = make_round(Round.State.FINISHED, slug="round-7", name="Round 7")
    labelled = {
        "Round 5, topic 3": topic_page(
            site_tree, "Indigenous knowledge", date=datetime.date(2016, 9, 19)
        ),
        "Round 5, topic 4": topic_page(site_tree, "Users' eyes", date=datetime.date(2016, 10, 3)),
        "Round 5, topic 6": topic_page(
            site_tree, "Keep learning", date=datetime.date(2016, 10, 31)
        ),
        "Round 1": topic_page(site_tree, "Getting to know you", date=datetime.date(2014, 9, 15)),
        "Round 7, topic 1": topic_page(site_tree, "Seventh", date=datetime.date(2018, 3, 5)),
    }
    unlabelled = topic_page(site_tree, "No round", date=datetime.date(2017, 1, 1))
    french = labelled["Round 5, topic 6"].copy_for_translation(locales["fr"], copy_parents=True)
    try:
        call_command("migrate", "topics", "0002_image_block", verbosity=0)
        executor = MigrationExecutor(connection)
        apps = executor.loader.project_state(
            [("topics", "0002_image_block"), ("programme", "0004_topic_round_labels_to_rounds")]
        ).apps
        HistoricalTopic = apps.get_model("topics", "TopicPage")
        for label, page in labelled.items():
            HistoricalTopic.objects.filter(pk=page.pk).update(round_label=label)
        HistoricalTopic.objects.filter(pk=french.pk).update(round_label="Manche 5, sujet 6")

        migration.labels_to_round_topics(apps, None)

        # Run twice (as a re-applied migration would): nothing is added.
        migration.labels_to_round_topics(apps, None)
        # Backwards: labels from the round topics.
        HistoricalTopic.objects.update(round_label="")
        migration.round_topics_to_labels(apps, None)
        labels = dict(HistoricalTopic.objects.values_list("pk", "round_label"))
    finally:
        call_command("migrate", "topics", verbosity=0)

    round_5 = Round.objects.get(slug="round-5")
    assert round_5.name == "Round 5" and round_5.state == Round.State.FINISHED
    # Topic 3 was released on 19 September 2016: the partnerships started four weeks before.
    assert round_5.partnership_start == datetime.date(2016, 8, 22)
    assert round_5.partnership_end == datetime.date(2016, 12, 22)
    assert round_5.applications_close.date() == datetime.date(2016, 8, 8)
    assert round_5.applications_open < round_5.applications_close
    assert list(
        round_5.calendar_topics.order_by("sort_order").values_list("topic_id", "release_date")
    ) == [
        (labelled["Round 5, topic 3"].pk, datetime.date(2016, 9, 19)),
        (labelled["Round 5, topic 4"].pk, datetime.date(2016, 10, 3)),
        (labelled["Round 5, topic 6"].pk, datetime.date(2016, 10, 31)),  # not its translation
    ]
    round_1 = Round.objects.get(slug="round-1")
    assert round_1.partnership_start == datetime.date(2014, 9, 15)
    assert [rt.topic_id for rt in round_1.calendar_topics.all()] == [labelled["Round 1"].pk]
    # A round that exists is found, not created again.
    assert Round.objects.filter(name="Round 7").count() == 1
    assert existing.calendar_topics.get().topic_id == labelled["Round 7, topic 1"].pk
    assert not RoundTopic.objects.filter(topic_id__in=[unlabelled.pk, french.pk]).exists()
    assert RoundTopic.objects.count() == 5
    # The page shows its round.
    assert labelled["Round 5, topic 4"].round_topic.round == round_5
    assert labels[labelled["Round 5, topic 4"].pk] == "Round 5, topic 2"
    assert labels[unlabelled.pk] == ""


# The calendar in the admin -----------------------------------------------------------------

ROUNDS = "/admin/programme/rounds/"


@pytest.fixture
def future_round(make_round):
    """An open round whose partnerships start in 20 days."""
    start = timezone.localdate() + datetime.timedelta(days=20)
    return make_round(
        Round.State.OPEN,
        slug="autumn",
        name="Autumn round",
        opens=timezone.now() - datetime.timedelta(days=1),
        closes=timezone.now() + datetime.timedelta(days=5),
        start=start,
    )


def round_form(round_, topics=(), initial=()):
    """The round edit form's POST: its fields and its calendar, `initial` ([RoundTopic,
    date or None to delete]) then new `topics` ([(page, date)])."""
    data = {
        "name": round_.name,
        "slug": round_.slug,
        "applications_open": timezone.localtime(round_.applications_open).strftime(
            "%Y-%m-%d %H:%M"
        ),
        "applications_close": timezone.localtime(round_.applications_close).strftime(
            "%Y-%m-%d %H:%M"
        ),
        "partnership_start": round_.partnership_start.isoformat(),
        "partnership_end": round_.partnership_end.isoformat(),
        "country_cap": str(round_.country_cap),
        "calendar_topics-TOTAL_FORMS": str(len(initial) + len(topics)),
        "calendar_topics-INITIAL_FORMS": str(len(initial)),
        "calendar_topics-MIN_NUM_FORMS": "0",
        "calendar_topics-MAX_NUM_FORMS": "1000",
    }
    rows = [(rt.pk, rt.topic_id, day) for rt, day in initial]
    rows += [("", page.pk, day) for page, day in topics]
    for n, (pk, topic_id, day) in enumerate(rows):
        prefix = f"calendar_topics-{n}-"
        data[prefix + "id"] = str(pk)
        data[prefix + "topic"] = str(topic_id)
        data[prefix + "release_date"] = day.isoformat() if day else "2000-01-01"
        data[prefix + "ORDER"] = str(n + 1)
        data[prefix + "DELETE"] = "" if day else "1"
    return data


def admin_messages(response):
    from django.contrib.messages import get_messages

    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def superuser_client(client):
    from members.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_saving_the_round_schedules_its_topics(english, site_tree, future_round, superuser_client):
    first = topic_page(site_tree, "First fortnight", live=False)
    second = topic_page(site_tree, "Second fortnight", live=False)
    start = future_round.partnership_start
    data = round_form(future_round, [(first, start), (second, start + datetime.timedelta(days=14))])
    response = superuser_client.post(f"{ROUNDS}edit/{future_round.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "2 topic pages are scheduled to be published on their release dates." in admin_messages(
        response
    )
    assert list(
        future_round.calendar_topics.order_by("release_date").values_list("topic_id", flat=True)
    ) == [first.pk, second.pk]
    for page, day in ((first, start), (second, start + datetime.timedelta(days=14))):
        page.refresh_from_db()
        assert not page.live
        assert page.go_live_at == calendar.release_at(day)
        assert page.date == day  # the topic's date is its release date

    # Taking a topic out cancels its publication; the other keeps its schedule.
    kept, removed = future_round.calendar_topics.order_by("release_date")
    response = superuser_client.post(
        f"{ROUNDS}edit/{future_round.pk}/",
        round_form(future_round, initial=[(kept, kept.release_date), (removed, None)]),
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.go_live_at is None
    assert not second.revisions.exclude(approved_go_live_at=None).exists()
    assert first.revisions.exclude(approved_go_live_at=None).count() == 1


def test_two_topics_in_one_fortnight_are_refused(
    english, site_tree, future_round, superuser_client
):
    first = topic_page(site_tree, "Reading clubs", live=False)
    second = topic_page(site_tree, "Makerspaces", live=False)
    start = future_round.partnership_start
    data = round_form(future_round, [(first, start), (second, start + datetime.timedelta(days=5))])
    response = superuser_client.post(f"{ROUNDS}edit/{future_round.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "“Reading clubs” and “Makerspaces” fall in the same fortnight" in html
    assert not RoundTopic.objects.exists()
    first.refresh_from_db()
    assert first.go_live_at is None


def test_a_coordinator_who_may_not_publish_cannot_schedule(
    english, site_tree, future_round, client, coordinator
):
    page = topic_page(site_tree, "Unpublished", live=False)
    client.force_login(coordinator)
    data = round_form(future_round, [(page, future_round.partnership_start)])
    response = client.post(f"{ROUNDS}edit/{future_round.pk}/", data)
    assert response.status_code == 200
    assert "You may not publish “Unpublished”" in response.content.decode()
    assert not RoundTopic.objects.exists()
    # A published topic needs no scheduling: the coordinator may add it.
    live = topic_page(site_tree, "Published")
    data = round_form(future_round, [(live, future_round.partnership_start)])
    assert client.post(f"{ROUNDS}edit/{future_round.pk}/", data).status_code == 302
    assert future_round.calendar_topics.get().topic_id == live.pk


def test_space_topics_a_fortnight_apart_from_the_admin(
    english, site_tree, future_round, superuser_client
):
    start = future_round.partnership_start
    pages = [topic_page(site_tree, f"Topic {n}", live=False) for n in range(3)]
    for n, page in enumerate(pages):
        RoundTopic.objects.create(
            round=future_round,
            topic=page,
            release_date=start + datetime.timedelta(days=n),
            sort_order=n,
        )
    url = f"{ROUNDS}calendar/{future_round.pk}/space/"
    edit = superuser_client.get(f"{ROUNDS}edit/{future_round.pk}/").content.decode()
    assert url in edit
    page = superuser_client.get(url).content.decode()
    assert "Set these dates" in page
    assert future_round.calendar_topics.filter(
        release_date=start + datetime.timedelta(days=1)
    ).exists()
    response = superuser_client.post(url)
    assert response.status_code == 302
    assert [rt.release_date for rt in future_round.calendar_topics.order_by("sort_order")] == [
        start,
        start + datetime.timedelta(days=14),
        start + datetime.timedelta(days=28),
    ]
    pages[2].refresh_from_db()
    assert pages[2].go_live_at == calendar.release_at(start + datetime.timedelta(days=28))
    assert "3 topics now released every fortnight" in " ".join(admin_messages(response))


def test_editors_cannot_change_a_rounds_calendar(client, editor, future_round):
    client.force_login(editor)
    response = client.get(f"{ROUNDS}calendar/{future_round.pk}/space/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(f"{ROUNDS}calendar/{future_round.pk}/space/").status_code == 302


# On the site: /programme/ and the iCalendar feed ---------------------------------------------


def test_the_programme_page_shows_the_current_rounds_calendar(
    english, site_tree, future_round, client
):
    released = topic_page(site_tree, "Released already")
    hidden = topic_page(site_tree, "Not yet released", live=False)
    start = future_round.partnership_start
    RoundTopic.objects.create(round=future_round, topic=released, release_date=start)
    RoundTopic.objects.create(
        round=future_round, topic=hidden, release_date=start + datetime.timedelta(days=14)
    )
    html = client.get("/programme/").content.decode()
    assert "The calendar of <bdi>Autumn round</bdi>" in html
    assert "Topic 2 is released" in html and "Not yet released" not in html
    assert "Partnerships start" in html and "Halfway check-in" in html
    assert 'href="/programme/rounds/autumn/calendar.ics"' in html


def test_the_ical_feed_lists_the_rounds_dates(english, site_tree, round_, client):
    released = topic_page(site_tree, "Speaking up")
    hidden = topic_page(site_tree, "A surprise", live=False)
    RoundTopic.objects.create(round=round_, topic=released, release_date=START)
    RoundTopic.objects.create(
        round=round_, topic=hidden, release_date=START + datetime.timedelta(days=14)
    )
    response = client.get("/programme/rounds/spring/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    unfolded = text.replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert unfolded.count("BEGIN:VEVENT") == 6  # start, 2 topics, 2 check-ins, end
    assert "SUMMARY:Round 9\\, spring: Topic 1: Speaking up" in unfolded
    assert f"URL:{released.full_url}" in unfolded
    assert "SUMMARY:Round 9\\, spring: Topic 2 is released" in unfolded
    assert "A surprise" not in unfolded
    assert "DTSTART;VALUE=DATE:20260316" in unfolded
    assert f"UID:round-{round_.pk}-topic-{hidden.pk}@testserver" in unfolded
    assert "URL:http://testserver/programme/" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_draft_or_unknown_round_has_no_feed(client, make_round):
    make_round(Round.State.DRAFT, slug="draft")
    assert client.get("/programme/rounds/draft/calendar.ics").status_code == 404
    assert client.get("/programme/rounds/nothing/calendar.ics").status_code == 404


def test_more_topics_than_fortnights_are_not_spaced(
    english, site_tree, future_round, superuser_client
):
    start = future_round.partnership_start
    for n in range(10):  # 4 months hold 9 fortnights
        RoundTopic.objects.create(
            round=future_round,
            topic=topic_page(site_tree, f"Topic {n}"),
            release_date=start,
            sort_order=n,
        )
    url = f"{ROUNDS}calendar/{future_round.pk}/space/"
    html = superuser_client.get(url).content.decode()
    assert "would be released after the partnerships end" in html and "Set these dates" not in html
    response = superuser_client.post(url)
    assert "Not changed: more topics than fortnights" in " ".join(admin_messages(response))
    assert set(future_round.calendar_topics.values_list("release_date", flat=True)) == {start}

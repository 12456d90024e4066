"""The programme in the Wagtail admin: coordinators manage rounds (checked state moves),
read applications and partnerships, and run, adjust and publish a round's matching without
a terminal. Editors and members reach none of it; every change is a POST."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client as DjangoClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.factories import MemberProfileFactory, UserFactory
from programme import matching, matchmaking
from programme.models import Application, PairRule, Partnership, Proposal, ProposedGroup, Round

pytestmark = pytest.mark.django_db

ROUNDS = "/admin/programme/rounds/"
APPLICATIONS = "/admin/programme/applications/"
PARTNERSHIPS = "/admin/programme/partnerships/"

# name, country, sector, career stage, interests, time zone
PEOPLE = [
    ("Ana Lima", "BR", "public", "early", ["outreach", "reading clubs"], "America/Sao_Paulo"),
    ("Kofi Mensah", "GH", "academic", "mid", ["metadata"], "Africa/Accra"),
    ("Mere Tau", "NZ", "school", "student", ["outreach"], "Pacific/Auckland"),
    ("Hemi Walker", "NZ", "public", "mid", ["metadata", "outreach"], "Pacific/Auckland"),
    ("Priya Nair", "IN", "academic", "senior", ["metadata", "reading clubs"], "Asia/Kolkata"),
    ("Chloé Martin", "FR", "public", "early", ["outreach"], "Europe/Paris"),
]
COUNTRIES = [
    ("NZ", "Pacific/Auckland"),
    ("GH", "Africa/Accra"),
    ("CA", "America/Toronto"),
    ("IN", "Asia/Kolkata"),
    ("BR", "America/Sao_Paulo"),
    ("FR", "Europe/Paris"),
    ("KE", "Africa/Nairobi"),
    ("PH", "Asia/Manila"),
]
INTERESTS = ["outreach", "metadata", "reading clubs", "digital preservation", "user experience"]


# Fixtures and helpers ----------------------------------------------------------------------


def staff_in(group_name):
    """A staff user in a group the migrations create, with only the permissions the
    migrations gave it."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def coordinator(db):
    return staff_in("Coordinators")


@pytest.fixture
def editor(db):
    return staff_in("Editors")


class Client(DjangoClient):
    """A test client whose every response carries only the messages it added itself
    (messages a redirect would have shown are not carried over to the next request)."""

    def request(self, **request):
        self.cookies.pop("messages", None)
        return super().request(**request)


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def make_round(name="Spring 2026", state=Round.State.CLOSED, **dates):
    now = timezone.now()
    round_ = Round(
        name=name,
        slug=name.lower().replace(" ", "-"),
        applications_open=dates.get("opens", now - datetime.timedelta(days=30)),
        applications_close=dates.get("closes", now - datetime.timedelta(days=1)),
        partnership_start=dates.get("starts", now.date() + datetime.timedelta(days=14)),
    )
    round_.state = state
    round_.save()
    return round_


def applicant(round_, name, country, sector, stage, interests, time_zone, **fields):
    profile = MemberProfileFactory(display_name=name, country=country, time_zone=time_zone)
    return Application.objects.create(
        round=round_,
        member=profile,
        country=country,
        sector=sector,
        career_stage=stage,
        interests=interests,
        time_zone=time_zone,
        english_confirmed=True,
        code_of_conduct_accepted=True,
        **fields,
    )


def people_in(round_):
    """The six applicants of PEOPLE, by first name."""
    return {person[0].split()[0]: applicant(round_, *person) for person in PEOPLE}


def many_applicants(round_, count):
    return [
        applicant(
            round_,
            f"Applicant {n:03d}",
            COUNTRIES[n % len(COUNTRIES)][0],
            ["academic", "public", "school", "special"][n % 4],
            ["student", "early", "mid", "senior"][(n // 3) % 4],
            [INTERESTS[n % 5], INTERESTS[(n * 7 + 2) % 5]],
            COUNTRIES[n % len(COUNTRIES)][1],
        )
        for n in range(count)
    ]


def review_url(round_):
    return f"{ROUNDS}matching/{round_.pk}/"


def post(client, round_, action, **data):
    return client.post(f"{review_url(round_)}{action}/", data)


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def groups_of(round_):
    """{frozenset of application ids: ProposedGroup} of the stored proposal."""
    proposal = Proposal.objects.get(round=round_)
    return {
        frozenset(app.pk for app in group.applications.all()): group
        for group in matchmaking.stored_groups(proposal)
    }


def group_with(round_, application):
    return next(group for ids, group in groups_of(round_).items() if application.pk in ids)


# Who gets in -------------------------------------------------------------------------------


def test_coordinators_see_the_programme_menu_and_listings(coordinator_client):
    spring = make_round()
    people = people_in(spring)
    people["Ana"].status = Application.Status.WITHDRAWN
    people["Ana"].save()
    make_round("Autumn 2026", state=Round.State.DRAFT)

    dashboard = coordinator_client.get("/admin/").content.decode()
    assert "Programme" in dashboard and ROUNDS in dashboard

    body = coordinator_client.get(ROUNDS).content.decode()
    assert "Spring 2026" in body and "Autumn 2026" in body
    assert "Applications closed" in body and "Draft" in body
    assert "5 (of 6, the others withdrawn or deferred)" in body
    body = coordinator_client.get(ROUNDS, {"state": "draft"}).content.decode()
    assert "Autumn 2026" in body and "Spring 2026" not in body

    response = coordinator_client.get(APPLICATIONS)
    body = response.content.decode()
    assert response.status_code == 200
    assert all(person[0] in body for person in PEOPLE)
    assert "Pacific/Auckland" not in body  # the listing shows what is asked, not everything
    for filters, shown in [
        ({"country": "NZ"}, {"Mere Tau", "Hemi Walker"}),
        ({"sector": "academic"}, {"Kofi Mensah", "Priya Nair"}),
        ({"status": "withdrawn"}, {"Ana Lima"}),
        ({"round": spring.pk, "q": "chlo"}, {"Chloé Martin"}),
    ]:
        body = coordinator_client.get(APPLICATIONS, filters).content.decode()
        assert {person[0] for person in PEOPLE if person[0] in body} == shown, filters

    # Read in full; only the status is changed here; nothing is added or deleted here.
    inspect = coordinator_client.get(f"{APPLICATIONS}inspect/{people['Mere'].pk}/")
    assert "Pacific/Auckland" in inspect.content.decode()
    edit = coordinator_client.get(f"{APPLICATIONS}edit/{people['Mere'].pk}/")
    assert list(edit.context["form"].fields) == ["status"]
    assert coordinator_client.get(f"{APPLICATIONS}new/").status_code == 302
    assert coordinator_client.get(f"{APPLICATIONS}delete/{people['Mere'].pk}/").status_code == 302
    assert Application.objects.count() == 6

    assert coordinator_client.get(PARTNERSHIPS).status_code == 200


def test_editors_and_members_cannot_reach_the_programme(client, editor, coordinator):
    round_ = make_round()
    people = people_in(round_)
    client.force_login(editor)
    assert ROUNDS not in client.get("/admin/").content.decode()
    for url in (
        ROUNDS,
        APPLICATIONS,
        PARTNERSHIPS,
        review_url(round_),
        f"{ROUNDS}edit/{round_.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    for action in ("run", "rules", "swap", "publish"):
        assert post(client, round_, action).status_code == 403
    assert client.post(f"{ROUNDS}move/{round_.pk}/matching/").status_code == 302
    assert not Proposal.objects.exists()

    client.force_login(people["Ana"].member.user)  # a member: no admin at all
    response = client.get(review_url(round_))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert post(client, round_, "run").status_code == 302
    assert not Proposal.objects.exists()

    # A coordinator without run_matching may manage rounds but not matchings.
    Group.objects.get(name="Coordinators").permissions.remove(
        *Group.objects.get(name="Coordinators").permissions.filter(codename="run_matching")
    )
    client.force_login(coordinator)
    assert client.get(ROUNDS).status_code == 200
    assert review_url(round_) not in client.get(ROUNDS).content.decode()
    assert post(client, round_, "run").status_code == 403


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Translators"])
def test_other_admin_groups_see_no_programme(client, group):
    round_ = make_round()
    client.force_login(staff_in(group))
    assert "Programme" not in client.get("/admin/").content.decode()
    for url in (ROUNDS, APPLICATIONS, PARTNERSHIPS, review_url(round_)):
        assert client.get(url)["Location"] == "/admin/", url


def test_every_change_needs_the_csrf_token(coordinator):
    round_ = make_round()
    people_in(round_)
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert post(client, round_, "run").status_code == 403
    assert client.post(f"{ROUNDS}move/{round_.pk}/finished/").status_code == 403
    assert not Proposal.objects.exists()


# Rounds ----------------------------------------------------------------------------------

# The round form's calendar (an inline of RoundTopics, tests/programme/test_calendar.py), empty.
NO_CALENDAR = {
    "calendar_topics-TOTAL_FORMS": "0",
    "calendar_topics-INITIAL_FORMS": "0",
    "calendar_topics-MIN_NUM_FORMS": "0",
    "calendar_topics-MAX_NUM_FORMS": "1000",
}


def test_coordinators_create_and_edit_a_round(coordinator_client):
    response = coordinator_client.post(
        f"{ROUNDS}new/",
        {
            "name": "Spring 2027",
            "slug": "spring-2027",
            "applications_open": "2027-01-10 09:00",
            "applications_close": "2027-02-10 17:00",
            "partnership_start": "2027-03-01",
            "partnership_end": "",
            "country_cap": "20",
            **NO_CALENDAR,
        },
    )
    assert response.status_code == 302
    round_ = Round.objects.get(slug="spring-2027")
    assert round_.state == Round.State.DRAFT
    assert round_.partnership_end == datetime.date(2027, 7, 1)

    response = coordinator_client.post(
        f"{ROUNDS}edit/{round_.pk}/",
        {
            "name": "Spring 2027",
            "slug": "spring-2027",
            "applications_open": "2027-01-10 09:00",
            "applications_close": "2027-01-01 17:00",  # before opening: refused by clean()
            "partnership_start": "2027-03-01",
            "partnership_end": "2027-07-01",
            "country_cap": "20",
            **NO_CALENDAR,
        },
    )
    assert response.status_code == 200
    assert "Applications must close after they open." in response.content.decode()


def test_state_buttons_move_a_round_one_checked_step_at_a_time(coordinator_client):
    round_ = make_round(state=Round.State.DRAFT)
    edit = coordinator_client.get(f"{ROUNDS}edit/{round_.pk}/").content.decode()
    move_url = f"{ROUNDS}move/{round_.pk}/open/"
    assert "Open applications" in edit and move_url in edit
    assert "Draft" in edit  # the state, read-only

    confirm = coordinator_client.get(move_url)
    assert confirm.status_code == 200 and "Open applications" in confirm.content.decode()
    round_.refresh_from_db()
    assert round_.state == Round.State.DRAFT  # a GET only asks

    response = coordinator_client.post(move_url)
    round_.refresh_from_db()
    assert round_.state == Round.State.OPEN
    assert "“Spring 2026” is now open for applications." in messages_of(response)

    # A stale button (open -> finished) is refused with move_to's reason, asked or not.
    for request in (coordinator_client.get, coordinator_client.post):
        response = request(f"{ROUNDS}move/{round_.pk}/finished/")
        assert response["Location"] == f"{ROUNDS}edit/{round_.pk}/"
        assert messages_of(response) == [
            "A round that is open for applications cannot become finished."
        ]
    round_.refresh_from_db()
    assert round_.state == Round.State.OPEN

    coordinator_client.post(f"{ROUNDS}move/{round_.pk}/closed/")
    round_.refresh_from_db()
    assert round_.state == Round.State.CLOSED
    edit = coordinator_client.get(f"{ROUNDS}edit/{round_.pk}/").content.decode()
    assert review_url(round_) in edit and "Run the matching" in edit

    # Matching and running are reached through the matching review only.
    for state, reason in [
        ("matching", "A round starts matching when its first matching is run."),
        ("running", "A round runs once its matching is published."),
    ]:
        response = coordinator_client.post(f"{ROUNDS}move/{round_.pk}/{state}/")
        assert messages_of(response) == [reason]
    round_.refresh_from_db()
    assert round_.state == Round.State.CLOSED


def test_a_round_with_applications_is_not_deleted(client, coordinator):
    round_ = make_round()
    empty = make_round("Empty", state=Round.State.DRAFT)
    applicant(round_, *PEOPLE[0])
    client.force_login(coordinator)  # coordinators delete no rounds at all
    assert f"{ROUNDS}delete/" not in client.get(ROUNDS).content.decode()
    client.post(f"{ROUNDS}delete/{empty.pk}/")
    assert Round.objects.filter(pk=empty.pk).exists()

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(ROUNDS).content.decode()
    assert f"{ROUNDS}delete/{empty.pk}/" in listing
    assert f"{ROUNDS}delete/{round_.pk}/" not in listing
    response = client.post(f"{ROUNDS}delete/{round_.pk}/")
    assert messages_of(response) == ["A round that has applications cannot be deleted."]
    assert Round.objects.filter(pk=round_.pk).exists()
    client.post(f"{ROUNDS}delete/{empty.pk}/")
    assert not Round.objects.filter(pk=empty.pk).exists()


# The matching ----------------------------------------------------------------------------


def test_run_stores_a_proposal_and_the_review_shows_it(coordinator_client, coordinator):
    round_ = make_round()
    people = people_in(round_)
    assert "No matching has been run" in coordinator_client.get(review_url(round_)).content.decode()

    response = post(coordinator_client, round_, "run")
    assert response.status_code == 302 and response["Location"] == review_url(round_)
    proposal = Proposal.objects.get(round=round_)
    assert proposal.created_by == coordinator
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING
    assert messages_of(response)[0].startswith("Matching stored: 3 pairs, 0 trios, 0 unmatched")

    response = coordinator_client.get(review_url(round_))
    body = response.content.decode()
    for application in people.values():
        assert str(application.member) in body and f"#{application.pk}" in body
    scores = [row["group"]["score"] for row in response.context["group_rows"]]
    assert scores == sorted(scores) and len(scores) == 3  # weakest first
    for row in response.context["group_rows"]:
        assert f"<strong>{row['group']['score']:.0f}</strong>" in body
        for reason in row["group"]["reasons"]:
            assert reason.replace("&", "&amp;") in body
    summary = response.context["summary"]
    assert (summary["pairs"], summary["trios"], summary["unmatched"], summary["broken"]) == (
        3,
        0,
        0,
        0,
    )
    assert "all kept" in body
    assert "<caption>" in body and 'scope="row"' in body

    # The round's history tells who ran the matching.
    history = coordinator_client.get(f"{ROUNDS}history/{round_.pk}/").content.decode()
    assert "Matching run" in history


def test_an_odd_pool_gets_a_trio_and_the_unmatched_say_why(coordinator_client):
    round_ = make_round()
    people_in(round_)
    applicant(round_, "Tama Rewi", "NZ", "public", "mid", ["outreach"], "Pacific/Auckland")
    no_english = applicant(round_, "Lea Roux", "FR", "public", "mid", ["outreach"], "Europe/Paris")
    no_english.english_confirmed = False
    no_english.save()
    post(coordinator_client, round_, "run")
    response = coordinator_client.get(review_url(round_))
    body = response.content.decode()
    assert response.context["summary"]["trios"] == 1
    assert "Trio" in body
    assert "Lea Roux" in body and "has not confirmed English" in body


def test_a_pin_that_breaks_a_hard_rule_is_refused_with_the_reason(coordinator_client):
    round_ = make_round()
    people = people_in(round_)
    post(coordinator_client, round_, "run")
    response = post(
        coordinator_client,
        round_,
        "rules",
        **{"rule-first": people["Mere"].pk, "rule-second": people["Hemi"].pk, "kind": "pin"},
    )
    assert not PairRule.objects.exists()
    [message] = messages_of(response)
    assert message.startswith("Not pinned: ") and "both from NZ" in message


def test_forbidding_a_proposed_pair_keeps_them_apart_on_the_next_run(coordinator_client):
    round_ = make_round()
    people_in(round_)
    post(coordinator_client, round_, "run")
    first, second = sorted(next(iter(groups_of(round_))))
    post(
        coordinator_client,
        round_,
        "rules",
        **{"rule-first": first, "rule-second": second, "kind": "forbid"},
    )
    rule = PairRule.objects.get()
    assert (rule.first_id, rule.second_id, rule.kind) == (first, second, "forbid")
    review = coordinator_client.get(review_url(round_))
    [row] = review.context["rules"]
    assert not row["kept"] and "broken: they are together" in review.content.decode()

    post(coordinator_client, round_, "run")
    assert frozenset((first, second)) not in groups_of(round_)
    [row] = coordinator_client.get(review_url(round_)).context["rules"]
    assert row["kept"]

    response = coordinator_client.post(f"{review_url(round_)}rules/{rule.pk}/remove/")
    assert not PairRule.objects.exists()
    assert messages_of(response)[0].startswith("Rule removed")


def test_a_swap_rescores_both_groups_at_once(coordinator_client):
    round_ = make_round()
    people_in(round_)
    post(coordinator_client, round_, "run")
    (a, b), (c, d), _rest = (sorted(ids) for ids in groups_of(round_))
    response = post(coordinator_client, round_, "swap", **{"swap-first": a, "swap-second": c})
    assert messages_of(response)[0].startswith(f"Swapped {a} and {c}: their groups now score")

    pool = matchmaking.load_pool(round_)
    groups = groups_of(round_)
    for members in ({b, c}, {a, d}):
        expected = matching.rescore_group(
            [pool.applicants[i] for i in members], pool.forbidden, pool.reference
        )
        stored = groups[frozenset(members)]
        assert stored.score == expected.score
        assert stored.reasons == list(expected.reasons)


def test_a_rerun_keeps_the_pins(coordinator_client):
    round_ = make_round()
    people = people_in(round_)
    post(coordinator_client, round_, "run")
    # Ana (BR) and Priya (IN) are compatible; pin them wherever the matching put them.
    ana, priya = people["Ana"], people["Priya"]
    response = post(
        coordinator_client,
        round_,
        "rules",
        **{"rule-first": ana.pk, "rule-second": priya.pk, "kind": "pin"},
    )
    assert "pinned together" in messages_of(response)[0]
    assert PairRule.objects.get().kind == PairRule.Kind.PIN

    post(coordinator_client, round_, "run")
    group = groups_of(round_)[frozenset((ana.pk, priya.pk))]
    assert group.pinned and "pinned by a coordinator" in group.reasons
    post(coordinator_client, round_, "run")
    assert frozenset((ana.pk, priya.pk)) in groups_of(round_)
    review = coordinator_client.get(review_url(round_))
    assert review.context["rules"][0]["kept"]
    assert "Pinned" in review.content.decode()


def test_publishing_creates_the_partnerships_and_the_round_runs(coordinator_client):
    round_ = make_round()
    people = people_in(round_)
    post(coordinator_client, round_, "run")
    confirm = coordinator_client.get(f"{review_url(round_)}publish/")
    assert "Publishing creates 3 partnerships of 6 people" in confirm.content.decode()
    assert not Partnership.objects.exists()

    response = post(coordinator_client, round_, "publish")
    assert response["Location"] == f"{PARTNERSHIPS}?round={round_.pk}"
    assert messages_of(response) == ["3 partnerships published; “Spring 2026” is now running."]
    round_.refresh_from_db()
    assert round_.state == Round.State.RUNNING
    assert Partnership.objects.filter(round=round_).count() == 3

    listing = coordinator_client.get(PARTNERSHIPS, {"round": round_.pk}).content.decode()
    assert all(str(app.member) in listing for app in people.values())
    partnership = Partnership.objects.first()
    inspect = coordinator_client.get(f"{PARTNERSHIPS}inspect/{partnership.pk}/")
    assert inspect.status_code == 200
    assert coordinator_client.get(f"{PARTNERSHIPS}edit/{partnership.pk}/").status_code == 302

    # Once running, the matching can no longer change.
    response = post(coordinator_client, round_, "run")
    assert messages_of(response)[0].startswith("The matching was not run: ")
    assert Partnership.objects.count() == 3


def test_publishing_is_refused_while_a_group_breaks_a_hard_rule(coordinator_client):
    round_ = make_round()
    people = people_in(round_)
    post(coordinator_client, round_, "run")
    mere, hemi = people["Mere"], people["Hemi"]
    hemi_partner = next(i for i in group_with(round_, hemi).applications.all() if i != hemi)
    response = post(
        coordinator_client,
        round_,
        "swap",
        **{"swap-first": mere.pk, "swap-second": hemi_partner.pk},
    )
    assert any("both from NZ" in message for message in messages_of(response))
    review = coordinator_client.get(review_url(round_))
    assert review.context["summary"]["broken"] == 1
    assert "broken in 1 group" in review.content.decode()
    broken = coordinator_client.get(review_url(round_), {"problems": "on"})
    assert [row["group"]["problems"] for row in broken.context["group_rows"]] == [["both from NZ"]]

    response = post(coordinator_client, round_, "publish")
    [message] = messages_of(response)
    assert message.startswith("Not published: ") and "both from NZ" in message
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING
    assert not Partnership.objects.exists()


def test_a_withdrawal_after_the_run_is_shown_and_blocks_swaps_and_publishing(
    coordinator_client,
):
    round_ = make_round()
    people_in(round_)
    post(coordinator_client, round_, "run")
    (a, b), (c, _d), _rest = (sorted(ids) for ids in groups_of(round_))
    # A coordinator records a withdrawal in the admin (only the status is editable).
    coordinator_client.post(f"{APPLICATIONS}edit/{b}/", {"status": "withdrawn"})
    assert Application.objects.get(pk=b).status == Application.Status.WITHDRAWN

    review = coordinator_client.get(review_url(round_))
    assert review.context["changed"] == {"gone": 1, "new": 0}
    assert "1 of its applicants withdrew or were deferred" in review.content.decode()
    expected = f"Withdrawn or deferred since the proposal was made: {b}. Run the matching again."
    response = post(coordinator_client, round_, "swap", **{"swap-first": a, "swap-second": c})
    assert messages_of(response) == [f"Not swapped: {expected}"]
    response = post(coordinator_client, round_, "publish")
    assert messages_of(response) == [f"Not published: {expected}"]
    assert not Partnership.objects.exists()

    post(coordinator_client, round_, "run")
    assert all(b not in ids for ids in groups_of(round_))
    assert coordinator_client.get(review_url(round_)).context["changed"] == {"gone": 0, "new": 0}


def test_the_review_filters_to_the_weakest_groups_and_finds_an_applicant(coordinator_client):
    round_ = make_round()
    applications = many_applicants(round_, 24)
    post(coordinator_client, round_, "run")
    scores = sorted(ProposedGroup.objects.values_list("score", flat=True))

    weakest = coordinator_client.get(review_url(round_), {"weakest": 3}).context["group_rows"]
    assert [row["group"]["score"] for row in weakest] == scores[:3]
    below = scores[5]
    rows = coordinator_client.get(review_url(round_), {"below": below}).context["group_rows"]
    assert all(row["group"]["score"] < below for row in rows)
    assert len(rows) == sum(score < below for score in scores)

    target = applications[7]
    for query in (str(target.pk), "Applicant 007"):
        [row] = coordinator_client.get(review_url(round_), {"q": query}).context["group_rows"]
        assert target.pk in [member["id"] for member in row["members"]]


def test_the_review_is_paginated(coordinator_client, monkeypatch):
    from programme import admin_views

    monkeypatch.setattr(admin_views, "GROUPS_PER_PAGE", 5)
    round_ = make_round()
    many_applicants(round_, 24)
    post(coordinator_client, round_, "run")
    first = coordinator_client.get(review_url(round_))
    assert len(first.context["group_rows"]) == 5
    assert "Groups 1–5 of 12, weakest first" in first.content.decode()
    last = coordinator_client.get(review_url(round_), {"p": 3})
    assert len(last.context["group_rows"]) == 2


REVIEW_QUERIES = 24  # whatever the number of applicants and groups


@pytest.mark.parametrize("size", [10, 60])
def test_the_review_needs_the_same_queries_for_10_or_60_applicants(
    coordinator_client, django_assert_max_num_queries, size
):
    round_ = make_round()
    applications = many_applicants(round_, size)
    post(coordinator_client, round_, "run")
    PairRule.objects.create(
        round=round_, first=applications[0], second=applications[1], kind=PairRule.Kind.FORBID
    )
    coordinator_client.get(review_url(round_))  # warm caches (content types, site)
    with django_assert_max_num_queries(REVIEW_QUERIES):
        response = coordinator_client.get(review_url(round_))
    assert len(response.context["group_rows"]) == size // 2


def test_the_review_query_count_does_not_grow_with_the_round(coordinator_client, coordinator):
    counts = []
    for size in (10, 60):
        round_ = make_round(f"Round {size}")
        applications = many_applicants(round_, size)
        post(coordinator_client, round_, "run")
        # Rules and unmatched applicants grow with the round too.
        for first, second in zip(
            applications[: size // 5], applications[size // 5 : 2 * size // 5], strict=True
        ):
            PairRule.objects.create(
                round=round_, first=first, second=second, kind="forbid", created_by=coordinator
            )
        Application.objects.filter(pk__in=[a.pk for a in applications[-size // 10 :]]).update(
            english_confirmed=False
        )
        post(coordinator_client, round_, "run")
        coordinator_client.get(review_url(round_))
        with CaptureQueriesContext(connection) as queries:
            coordinator_client.get(review_url(round_))
        counts.append(len(queries))
        assert len(queries) <= REVIEW_QUERIES
        review = coordinator_client.get(review_url(round_)).context
        assert len(review["rules"]) == size // 5 and len(review["unmatched"]) >= size // 10
    assert counts[0] == counts[1]


def test_review_markup_has_labelled_controls_and_no_inline_styles_or_scripts(
    coordinator_client,
):
    round_ = make_round()
    people_in(round_)
    post(coordinator_client, round_, "run")
    body = coordinator_client.get(review_url(round_)).content.decode()
    main = body[body.index("<main") :]
    assert 'style="' not in main
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", main)
    for field_id in re.findall(r'<input[^>]+type="number"[^>]+id="([^"]+)"', main):
        assert f'for="{field_id}"' in main, field_id

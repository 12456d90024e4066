"""The programme's commands, through call_command: match_round (dry run and --commit),
publish_matches and export_matches; a trio for odd numbers; previous partners across
rounds; and the demo rounds load_demo builds."""

import csv
import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from members.factories import MemberProfileFactory
from programme.models import (
    Application,
    Partnership,
    PartnershipMember,
    Proposal,
    ProposedGroup,
    Round,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HEADER = ["partnership_id", "application_id", "email", "country"]
# country, time zone: a different country each, so that anyone may partner anyone.
PLACES = [
    ("NZ", "Pacific/Auckland"),
    ("GH", "Africa/Accra"),
    ("CA", "America/Toronto"),
    ("IN", "Asia/Kolkata"),
    ("BR", "America/Sao_Paulo"),
    ("FR", "Europe/Paris"),
    ("KE", "Africa/Nairobi"),
    ("PH", "Asia/Manila"),
    ("JP", "Asia/Tokyo"),
]


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def refused(*args):
    with pytest.raises(CommandError) as raised:
        run(*args)
    return str(raised.value)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def closed_round(make_round, slug="spring", **fields):
    now = timezone.now()
    return make_round(
        Round.State.CLOSED,
        slug=slug,
        opens=now - datetime.timedelta(days=30),
        closes=now - datetime.timedelta(days=1),
        **fields,
    )


def apply(make_application, round_, place, member=None, **answers):
    country, zone = place
    return make_application(round_, member, country=country, time_zone=zone, **answers)


def groups_of(round_):
    """The stored proposal's groups as sets of application ids."""
    return sorted(
        (
            frozenset(group.applications.values_list("pk", flat=True))
            for group in ProposedGroup.objects.filter(proposal__round=round_)
        ),
        key=sorted,
    )


def named(groups, applications):
    """Groups of application ids as groups of the names in `applications` ({name: app})."""
    names = {app.pk: name for name, app in applications.items()}
    return {frozenset(names[pk] for pk in group) for group in groups}


@pytest.fixture
def six(make_round, make_application):
    """A closed round with six applicants from six countries, and one deferred and one
    withdrawn application that the matching must leave out."""
    round_ = closed_round(make_round, name="Round Six")
    applications = [apply(make_application, round_, place) for place in PLACES[:6]]
    apply(make_application, round_, PLACES[6], status=Application.Status.DEFERRED)
    apply(make_application, round_, PLACES[7], status=Application.Status.WITHDRAWN)
    return round_, applications


# match_round -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state, label",
    [
        (Round.State.DRAFT, "draft"),
        (Round.State.OPEN, "open for applications"),
        (Round.State.RUNNING, "running"),
        (Round.State.FINISHED, "finished"),
    ],
)
def test_match_round_refuses_a_round_that_is_not_closed(make_round, make_application, state, label):
    round_ = make_round(state, slug="spring")
    for place in PLACES[:4]:
        apply(make_application, round_, place)
    message = refused("match_round", "spring", "--commit")
    assert message == (
        f"Only a round whose applications have closed can be matched (this one is {label})."
    )
    assert not Proposal.objects.exists()
    round_.refresh_from_db()
    assert round_.state == state


def test_every_command_refuses_an_unknown_round(tmp_path):
    assert refused("match_round", "nope") == "No round with the slug 'nope'."
    assert refused("publish_matches", "nope") == "No round with the slug 'nope'."
    assert refused("export_matches", "nope", str(tmp_path / "x.csv")) == (
        "No round with the slug 'nope'."
    )
    assert not (tmp_path / "x.csv").exists()


def test_a_dry_run_prints_the_summary_and_stores_nothing(six):
    round_, applications = six
    out = run("match_round", "spring")
    lines = out.splitlines()
    assert lines[:4] == ["Applicants: 6", "Pairs: 3", "Trio: none", "Unmatched: 0"]
    assert re.fullmatch(r"Mean score: \d+\.\d / 100", lines[4])
    assert lines[5] == "Hard rules: all kept"
    assert re.fullmatch(r"Time taken: \d+\.\d\d s", lines[6])
    assert lines[7] == "Dry run: nothing stored (use --commit to store the proposal)."
    assert not Proposal.objects.exists() and not ProposedGroup.objects.exists()
    round_.refresh_from_db()
    assert round_.state == Round.State.CLOSED


def test_a_dry_run_names_the_unmatched_and_why(make_round, make_application):
    round_ = closed_round(make_round)
    for place in PLACES[:4]:
        apply(make_application, round_, place)
    unsure = apply(make_application, round_, PLACES[4], english_confirmed=False)
    out = run("match_round", "spring")
    assert "Unmatched: 1\n" in out
    assert re.search(rf"^  {unsure.pk}: .*English", out, re.MULTILINE), out
    assert "Pairs: 2\n" in out and "Hard rules: all kept" in out


def test_commit_stores_the_proposal_and_the_round_is_matching(six):
    round_, applications = six
    out = run("match_round", "spring", "--commit")
    assert "Proposal stored for Round Six." in out
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING
    proposal = Proposal.objects.get(round=round_)
    groups = groups_of(round_)
    assert len(groups) == 3 and all(len(group) == 2 for group in groups)
    assert set().union(*groups) == {app.pk for app in applications}
    assert proposal.unmatched == []
    assert all(group.reasons and group.problems == [] for group in proposal.groups.all())
    countries = {app.pk: app.country.code for app in applications}
    for group in groups:
        assert len({countries[pk] for pk in group}) == len(group)

    # Run again while matching: the proposal is replaced, not added to.
    run("match_round", "spring", "--commit")
    assert Proposal.objects.filter(round=round_).count() == 1
    assert ProposedGroup.objects.count() == 3
    assert groups_of(round_) == groups  # deterministic


def test_an_odd_number_of_applicants_gives_exactly_one_trio(make_round, make_application):
    round_ = closed_round(make_round)
    applications = [apply(make_application, round_, place) for place in PLACES[:7]]
    out = run("match_round", "spring")
    trio_line = next(line for line in out.splitlines() if line.startswith("Trio: "))
    trio_ids = {int(pk) for pk in trio_line.removeprefix("Trio: ").split(", ")}
    assert len(trio_ids) == 3 and trio_ids <= {app.pk for app in applications}
    assert "Pairs: 2\n" in out and "Unmatched: 0\n" in out

    run("match_round", "spring", "--commit")
    sizes = sorted(len(group) for group in groups_of(round_))
    assert sizes == [2, 2, 3]
    assert set().union(*groups_of(round_)) == {app.pk for app in applications}
    assert next(g for g in groups_of(round_) if len(g) == 3) == trio_ids


def test_an_even_number_gives_no_trio(make_round, make_application):
    round_ = closed_round(make_round)
    for place in PLACES[:8]:
        apply(make_application, round_, place)
    run("match_round", "spring", "--commit")
    assert sorted(len(group) for group in groups_of(round_)) == [2, 2, 2, 2]


def test_previous_partners_are_never_paired_again(make_round, make_application):
    """Ana and Ben match best in every way; so do Cy and Di with nobody. In the first round
    Ana and Ben become partners; in the second, the same four are matched across."""
    shared = ["metadata", "outreach", "archives", "copyright"]
    people = {
        "ana": (("NZ", "Pacific/Auckland"), {"interests": shared, "sector": "academic"}),
        "ben": (("AU", "Australia/Sydney"), {"interests": shared, "sector": "academic"}),
        "cy": (("NZ", "Pacific/Auckland"), {"interests": ["gardening"], "sector": "museum"}),
        "di": (("AU", "Australia/Sydney"), {"interests": ["knitting"], "sector": "school"}),
    }
    common = {"career_stage": "mid", "match_preference": "interest"}
    now = timezone.now()
    first = make_round(
        Round.State.CLOSED,
        slug="first",
        opens=now - datetime.timedelta(days=200),
        closes=now - datetime.timedelta(days=170),
    )
    second = closed_round(make_round, slug="second")
    members = {}
    first_apps = {}
    for name, (place, answers) in people.items():
        members[name] = MemberProfileFactory(country=place[0], time_zone=place[1])
        first_apps[name] = apply(make_application, first, place, members[name], **answers, **common)

    run("match_round", "first", "--commit")
    assert named(groups_of(first), first_apps) == {
        frozenset({"ana", "ben"}),
        frozenset({"cy", "di"}),
    }
    run("publish_matches", "first")
    first.refresh_from_db()
    first.move_to(Round.State.FINISHED)

    second_apps = {
        name: apply(make_application, second, place, members[name], **answers, **common)
        for name, (place, answers) in people.items()
    }
    out = run("match_round", "second", "--commit")
    assert "Hard rules: all kept" in out
    assert named(groups_of(second), second_apps) == {
        frozenset({"ana", "di"}),
        frozenset({"cy", "ben"}),
    }


def test_applicants_nobody_may_partner_are_left_unmatched(make_round, make_application):
    """Two applicants, both from New Zealand: nobody can be matched, and that is said."""
    round_ = closed_round(make_round)
    apply(make_application, round_, ("NZ", "Pacific/Auckland"))
    apply(make_application, round_, ("NZ", "Pacific/Auckland"))
    out = run("match_round", "spring", "--commit")
    assert "Pairs: 0\n" in out and "Unmatched: 2\n" in out
    round_.refresh_from_db()
    # Stored as it is (nobody placed): the coordinator sees who is left over.
    assert round_.proposal.groups.count() == 0
    assert len(round_.proposal.unmatched) == 2


# publish_matches -------------------------------------------------------------------------------


def test_publish_creates_the_partnerships_and_the_round_runs(six):
    round_, applications = six
    run("match_round", "spring", "--commit")
    proposed = groups_of(round_)
    out = run("publish_matches", "spring")
    assert out.strip().endswith("3 partnerships created; Round Six is running.")
    round_.refresh_from_db()
    assert round_.state == Round.State.RUNNING

    partnerships = Partnership.objects.filter(round=round_)
    assert partnerships.count() == 3
    made = sorted(
        (frozenset(p.memberships.values_list("application_id", flat=True)) for p in partnerships),
        key=sorted,
    )
    assert made == proposed
    by_pk = {app.pk: app for app in applications}
    for membership in PartnershipMember.objects.filter(partnership__round=round_):
        application = by_pk[membership.application_id]
        assert membership.member_id == application.member_id
        assert membership.country == application.country
    assert all(p.reasons for p in partnerships)

    # A second publish is refused and changes nothing.
    message = refused("publish_matches", "spring")
    assert message == (
        "Only a round with a stored matching proposal can be published (this one is running)."
    )
    assert Partnership.objects.count() == 3 and PartnershipMember.objects.count() == 6


def test_publish_refuses_a_round_without_a_proposal(six):
    round_, _applications = six
    message = refused("publish_matches", "spring")
    assert message == (
        "Only a round with a stored matching proposal can be published "
        "(this one is applications closed)."
    )
    assert not Partnership.objects.exists()


def test_publish_is_all_or_nothing(six, monkeypatch):
    round_, _applications = six
    run("match_round", "spring", "--commit")

    def fail(self, state):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Round, "move_to", fail)
    with pytest.raises(RuntimeError):
        run("publish_matches", "spring")
    assert not Partnership.objects.exists() and not PartnershipMember.objects.exists()
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING
    monkeypatch.undo()
    run("publish_matches", "spring")
    assert Partnership.objects.count() == 3


def test_publish_refuses_a_group_with_a_problem(six):
    round_, _applications = six
    run("match_round", "spring", "--commit")
    group = round_.proposal.groups.first()
    group.problems = ["both from NZ"]
    group.save()
    message = refused("publish_matches", "spring")
    assert message == "1 proposed groups break a hard rule: both from NZ"
    assert not Partnership.objects.exists()
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING


# export_matches --------------------------------------------------------------------------------


def test_export_writes_the_proposal_then_the_partnerships(six, tmp_path):
    round_, applications = six
    applications[0].external_id = "ILN-2016-0042"
    applications[0].save()
    by_label = {app.external_id or str(app.pk): app for app in applications}

    assert refused("export_matches", "spring", str(tmp_path / "none.csv")) == (
        "This round has neither partnerships nor a stored proposal."
    )
    assert not (tmp_path / "none.csv").exists()

    run("match_round", "spring", "--commit")
    out = run("export_matches", "spring", str(tmp_path / "proposal.csv"))
    assert "6 rows written to" in out
    header, rows = read_csv(tmp_path / "proposal.csv")
    assert header == HEADER
    assert sorted(by_label) == sorted(row["application_id"] for row in rows)
    for row in rows:
        app = by_label[row["application_id"]]
        assert (row["email"], row["country"]) == (app.member.user.email, app.country.code)
    proposed = {}
    for row in rows:
        proposed.setdefault(row["partnership_id"], set()).add(by_label[row["application_id"]].pk)
    assert sorted(proposed) == ["proposed-1", "proposed-2", "proposed-3"]
    assert sorted(map(frozenset, proposed.values()), key=sorted) == groups_of(round_)

    run("publish_matches", "spring")
    run("export_matches", "spring", str(tmp_path / "partnerships.csv"))
    header, rows = read_csv(tmp_path / "partnerships.csv")
    assert header == HEADER and len(rows) == 6
    partnership_ids = set(Partnership.objects.values_list("pk", flat=True))
    published = {}
    for row in rows:
        published.setdefault(int(row["partnership_id"]), set()).add(
            by_label[row["application_id"]].pk
        )
        app = by_label[row["application_id"]]
        assert (row["email"], row["country"]) == (app.member.user.email, app.country.code)
    assert set(published) == partnership_ids
    for partnership_id, members in published.items():
        assert members == set(
            PartnershipMember.objects.filter(partnership_id=partnership_id).values_list(
                "application_id", flat=True
            )
        )


def test_export_to_a_path_that_cannot_be_written_is_refused(six, tmp_path):
    run("match_round", "spring", "--commit")
    message = refused("export_matches", "spring", str(tmp_path / "missing" / "out.csv"))
    assert message.startswith(f"Cannot write {tmp_path / 'missing' / 'out.csv'}:")


# The demo rounds -------------------------------------------------------------------------------


def test_load_demo_builds_rounds_ready_to_match(capsys):
    call_command("load_demo")
    rounds = {round_.slug: round_ for round_ in Round.objects.all()}
    counts = {
        "rounds": Round.objects.count(),
        "applications": Application.objects.count(),
        "partnerships": Partnership.objects.count(),
        "memberships": PartnershipMember.objects.count(),
    }

    current = Round.objects.current()
    assert current.slug == "current" and current.accepts_applications()
    assert current.applications.count() >= 200
    assert current.applications.active().count() >= 200
    finished = [r for r in rounds.values() if r.state == Round.State.FINISHED]
    # The rounds of 2014-2016 hold the demo topics (their calendar), from before the portal.
    historical = [r for r in finished if r.slug in ("2014-autumn", "2015-autumn", "2016-autumn")]
    assert len(historical) == 3
    assert not any(r.applications.exists() for r in historical)
    assert all(r.calendar_topics.count() == 4 for r in historical)
    finished = [r for r in finished if r not in historical]
    assert len(finished) == 2
    for round_ in finished:
        assert round_.partnerships.count() >= 10
        for partnership in round_.partnerships.prefetch_related("memberships"):
            countries = [m.country for m in partnership.memberships.all()]
            assert len(countries) in (2, 3) and len(set(countries)) == len(countries)
    # Demo applicants partnered before apply again: the previous-partner rule has work to do.
    earlier = set(
        PartnershipMember.objects.filter(partnership__round__in=finished).values_list(
            "member_id", flat=True
        )
    )
    assert current.applications.filter(member_id__in=earlier).count() >= 50

    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert {
        "rounds": Round.objects.count(),
        "applications": Application.objects.count(),
        "partnerships": Partnership.objects.count(),
        "memberships": PartnershipMember.objects.count(),
    } == counts

    current.move_to(Round.State.CLOSED)
    out = run("match_round", "current", "--commit")
    active = current.applications.active().count()
    assert f"Applicants: {active}\n" in out and "Hard rules: all kept" in out
    current.refresh_from_db()
    assert current.state == Round.State.MATCHING
    placed = sum(group.applications.count() for group in current.proposal.groups.all())
    assert placed + len(current.proposal.unmatched) == active
    assert placed >= active - 1

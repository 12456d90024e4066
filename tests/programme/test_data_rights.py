"""The programme in a member's data rights: applications in the data export; deleting the
account removes them, keeps the partner's partnership (with a former member), and stops a
stored proposal that counted on the member from being published."""

import csv
import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from members.factories import MEMBER_PASSWORD, MemberProfileFactory
from members.models import MemberProfile
from programme.models import (
    Application,
    PairRule,
    Partnership,
    PartnershipMember,
    ProposedGroup,
    Round,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
User = get_user_model()


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def closed_round(make_round, slug="spring", name="Round Spring"):
    now = timezone.now()
    return make_round(
        Round.State.CLOSED,
        slug=slug,
        name=name,
        opens=now - datetime.timedelta(days=30),
        closes=now - datetime.timedelta(days=1),
    )


def delete_account(client, profile):
    client.force_login(profile.user)
    response = client.post("/members/me/delete/", {"password": MEMBER_PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=profile.user_id).exists()


# The export --------------------------------------------------------------------------------


def test_the_export_has_the_members_applications(
    member_client,
    member,
    other_member,
    make_round,
    make_application,
    open_round,
    application_data,
):
    now = timezone.now()
    past = make_round(
        Round.State.FINISHED,
        name="Round Past",
        opens=now - datetime.timedelta(days=300),
        closes=now - datetime.timedelta(days=270),
    )
    make_application(
        past,
        member,
        motivation="The first time.",
        status=Application.Status.WITHDRAWN,
        submitted_at=now - datetime.timedelta(days=290),
    )
    make_application(open_round, other_member, motivation="Kwame's own reasons.")
    member_client.post("/programme/apply/", application_data())

    response = member_client.get("/members/me/data.json")
    assert response.status_code == 200
    body = response.content.decode()
    data = json.loads(body)
    assert [(a["round"], a["status"]) for a in data["applications"]] == [
        ("Round Past", "withdrawn"),
        ("Round Open", "submitted"),
    ]
    latest = data["applications"][1]
    application = Application.objects.get(member=member, round=open_round)
    assert latest["submitted_at"] == application.submitted_at.isoformat()
    assert latest == {
        "round": "Round Open",
        "status": "submitted",
        "submitted_at": application.submitted_at.isoformat(),
        "country": "CA",
        "sector": "public",
        "role": "Outreach librarian",
        "career_stage": "early",
        "interests": ["outreach", "reading clubs"],
        "time_zone": "America/Toronto",
        "motivation": application_data()["motivation"],
        "match_preference": "interest",
        "hours_per_week": 3,
        "english_confirmed": True,
        "code_of_conduct_accepted": True,
    }
    assert "Kwame" not in body


# Deleting the account ----------------------------------------------------------------------


@pytest.fixture
def partnered(make_round, make_application, member, other_member):
    """A running round in which the member (NZ) and other_member (GH) are partners, and a
    second pair; and an open round the member has applied to."""
    round_ = closed_round(make_round)
    mine = make_application(round_, member, country="NZ", time_zone="Pacific/Auckland")
    theirs = make_application(round_, other_member, country="GH", time_zone="Africa/Accra")
    make_application(round_, country="NZ", time_zone="Pacific/Auckland")
    make_application(round_, country="GH", time_zone="Africa/Accra")
    PairRule.objects.create(round=round_, first=mine, second=theirs, kind=PairRule.Kind.PIN)
    run("match_round", "spring", "--commit")
    run("publish_matches", "spring")
    round_.refresh_from_db()
    assert round_.state == Round.State.RUNNING
    partnership = Partnership.objects.get(memberships__application=mine)
    assert set(partnership.memberships.values_list("member_id", flat=True)) == {
        member.pk,
        other_member.pk,
    }
    open_ = make_round(Round.State.OPEN, slug="open", name="Round Open")
    make_application(open_, member)
    return round_, partnership, mine, theirs


def test_deleting_the_account_removes_applications_and_keeps_the_partnership(
    client, member, other_member, partnered, tmp_path
):
    round_, partnership, mine, theirs = partnered
    memberships_before = PartnershipMember.objects.count()
    delete_account(client, member)

    assert not Application.objects.filter(pk=mine.pk).exists()
    assert not Application.objects.filter(member_id=member.pk).exists()
    assert not MemberProfile.objects.filter(pk=member.pk).exists()
    assert not PairRule.objects.filter(first=mine).exists()
    # The partner's partnership stays, with a former member in the member's place.
    partnership.refresh_from_db()
    assert PartnershipMember.objects.count() == memberships_before
    former, partner = sorted(partnership.memberships.all(), key=lambda m: m.member_id is not None)
    assert (former.member_id, former.application_id) == (None, None)
    assert former.country.code == "NZ"
    assert (partner.member, partner.application) == (other_member, theirs)
    label = str(partnership)
    assert label.startswith("Round Spring: ")
    assert sorted(label.removeprefix("Round Spring: ").split(", ")) == sorted(
        ["Former member", other_member.display_name]
    )
    assert str(former) == f"Former member in {partnership.pk}"
    assert Application.objects.filter(pk=theirs.pk, status="submitted").exists()
    assert Partnership.objects.filter(round=round_).count() == 2

    # The round's export still works: the former member's row has no e-mail.
    run("export_matches", "spring", str(tmp_path / "out.csv"))
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["partnership_id"] == str(partnership.pk)]
    assert sorted((row["application_id"], row["email"], row["country"]) for row in rows) == [
        ("", "", "NZ"),
        (str(theirs.pk), other_member.user.email, "GH"),
    ]


def test_the_partner_is_untouched(client, member, other_member, partnered):
    before = MemberProfile.objects.filter(pk=other_member.pk).values().get()
    _round, _partnership, _mine, theirs = partnered
    theirs_before = Application.objects.filter(pk=theirs.pk).values().get()
    delete_account(client, member)
    assert MemberProfile.objects.filter(pk=other_member.pk).values().get() == before
    assert Application.objects.filter(pk=theirs.pk).values().get() == theirs_before


def test_a_proposed_group_that_loses_a_member_cannot_be_published(
    client, make_round, make_application
):
    round_ = closed_round(make_round)
    leaving = MemberProfileFactory(country="NZ")
    applications = [
        make_application(round_, leaving, country="NZ", time_zone="Pacific/Auckland"),
        make_application(round_, country="GH", time_zone="Africa/Accra"),
        make_application(round_, country="CA", time_zone="America/Toronto"),
        make_application(round_, country="IN", time_zone="Asia/Kolkata"),
    ]
    run("match_round", "spring", "--commit")
    group = ProposedGroup.objects.get(applications=applications[0])
    other_group = ProposedGroup.objects.exclude(pk=group.pk).get()

    delete_account(client, leaving)

    group.refresh_from_db()
    assert group.problems == ["a member deleted their account"]
    assert group.applications.count() == 1
    other_group.refresh_from_db()
    assert other_group.problems == []
    with pytest.raises(CommandError) as raised:
        run("publish_matches", "spring")
    assert "a member deleted their account" in str(raised.value)
    assert not Partnership.objects.exists()
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING

    # Matching again without the member clears the way.
    out = run("match_round", "spring", "--commit")
    assert "Applicants: 3" in out
    run("publish_matches", "spring")
    assert Partnership.objects.filter(round=round_).count() == 1
    members = PartnershipMember.objects.filter(partnership__round=round_)
    assert members.count() == 3 and not members.filter(member=None).exists()

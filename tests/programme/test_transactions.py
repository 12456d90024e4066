"""Multi-object writes of the programme are transactions: when a write fails part way
(a real error raised from a signal receiver), nothing of it is left half saved."""

import io

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save
from taggit.models import Tag

from members.factories import MemberProfileFactory
from members.models import MemberProfile
from programme import applications
from programme.models import Application, Partnership, PartnershipMember, Round
from tests.faults import SimulatedFailure, failing

pytestmark = pytest.mark.django_db


def test_an_application_and_the_profile_it_updates_are_saved_together(open_round):
    member = MemberProfileFactory(country="NZ", sector="public", career_stage="mid")
    answers = {
        "country": "GH",
        "sector": "academic",
        "role": "Cataloguer",
        "career_stage": "senior",
        "interests": ["metadata"],
        "time_zone": "Africa/Accra",
        "motivation": "To learn.",
        "match_preference": "open",
        "hours_per_week": 2,
        "english_confirmed": True,
        "code_of_conduct_accepted": True,
    }
    # The application is written first, then the profile: the profile's save fails.
    with failing(post_save, MemberProfile), pytest.raises(SimulatedFailure):
        applications.submit(member, open_round, answers)
    assert not Application.objects.exists()
    member.refresh_from_db()
    assert (member.country.code, member.sector) == ("NZ", "public")

    applications.submit(member, open_round, answers)
    assert Application.objects.get().member == member


def test_an_import_that_fails_part_way_writes_nothing(tmp_path):
    path = tmp_path / "applications.csv"
    path.write_text(
        "application_id,name,email,country,sector,role,career_stage,interests,"
        "match_preference,timezone,previous_partner_emails\n"
        "A-1,Ana Lima,ana@example.org,BR,public,Librarian,early,outreach,open,"
        "America/Sao_Paulo,\n"
        "A-2,Kofi Mensah,kofi@example.org,GH,academic,Cataloguer,mid,metadata,open,"
        "Africa/Accra,\n"
    )
    before = (MemberProfile.objects.count(), Tag.objects.count())
    # Accounts, profiles and applications are written before the interests' new tags:
    # the second new tag fails, with all of them written but the transaction open.
    with failing(post_save, Tag, after=1), pytest.raises(SimulatedFailure):
        call_command(
            "import_applications", "2026-spring", str(path), "--create", stdout=io.StringIO()
        )
    assert not Round.objects.filter(slug="2026-spring").exists()
    assert not Application.objects.exists()
    assert (MemberProfile.objects.count(), Tag.objects.count()) == before

    call_command("import_applications", "2026-spring", str(path), "--create", stdout=io.StringIO())
    assert Application.objects.count() == 2


def test_publishing_a_matching_creates_every_partnership_or_none(make_round, make_application):
    round_ = make_round(Round.State.CLOSED, slug="spring")
    for country, zone in [
        ("NZ", "Pacific/Auckland"),
        ("GH", "Africa/Accra"),
        ("BR", "America/Sao_Paulo"),
        ("IN", "Asia/Kolkata"),
    ]:
        make_application(round_, country=country, time_zone=zone)
    call_command("match_round", "spring", "--commit", stdout=io.StringIO())
    # The partnerships and their members are written, then the round's move to running
    # fails.
    with failing(post_save, Round), pytest.raises(SimulatedFailure):
        call_command("publish_matches", "spring", stdout=io.StringIO())
    assert not Partnership.objects.exists() and not PartnershipMember.objects.exists()
    round_.refresh_from_db()
    assert round_.state == Round.State.MATCHING

    call_command("publish_matches", "spring", stdout=io.StringIO())
    assert Partnership.objects.count() == 2

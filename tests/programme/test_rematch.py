"""The rematch queue: members whose partner does not reply wait in it (once), and a rematch
partners them with each other by the matching's rules: new partnerships, the old ones
ended, the requests resolved, introductions due for the new partners only."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from programme import emails, partnerships, schedule
from programme.models import (
    PairRule,
    Partnership,
    PartnershipMember,
    RematchRequest,
    Round,
    SentEmail,
)

from .partnership_helpers import mark_sent, member, partner, running_round

pytestmark = pytest.mark.django_db
PAGE = RematchRequest.Source.PARTNERSHIP_PAGE
CHECK_IN = RematchRequest.Source.CHECK_IN


@pytest.fixture
def round_(make_round):
    return running_round(make_round, started_days_ago=10, name="Round Kowhai")  # no check-in yet


@pytest.fixture
def people(round_, make_application):
    """Three pairs, introduced: Aroha (NZ) & Kwame (GH), Chidi (NG) & Tane (NZ),
    Sofia (BR) & Ingrid (FI). Returns {first name: membership}."""
    pairs = [
        (("Aroha", "NZ"), ("Kwame", "GH")),
        (("Chidi", "NG"), ("Tane", "NZ")),
        (("Sofia", "BR"), ("Ingrid", "FI")),
    ]
    found = {}
    for pair in pairs:
        profiles = [member(display_name=name, country=code) for name, code in pair]
        partnership = partner(round_, make_application, *profiles, created_days_ago=25)
        mark_sent(partnership, SentEmail.Kind.INTRODUCTION, days_ago=25)
        for membership in partnership.memberships.select_related("member"):
            found[membership.member.display_name] = membership
    return found


def report(membership, source=PAGE, note=""):
    request, _created = partnerships.report_no_reply(membership, source, note)
    return request


def names(partnership):
    return sorted(m.member.display_name for m in partnership.memberships.all())


# The queue -------------------------------------------------------------------------------


def test_a_member_waits_in_the_queue_once(round_, people):
    first, created = partnerships.report_no_reply(people["Aroha"], PAGE, "Wrote twice.")
    assert created
    again, created = partnerships.report_no_reply(people["Aroha"], CHECK_IN, "And a third time.")
    assert not created and again == first
    again.refresh_from_db()
    assert again.note == "Wrote twice.\n\nAnd a third time."
    report(people["Chidi"], CHECK_IN)
    queue = list(partnerships.rematch_queue(round_))
    assert [r.membership.member.display_name for r in queue] == ["Aroha", "Chidi"]
    assert [r.source for r in queue] == [PAGE, CHECK_IN]


def test_only_running_rounds_have_a_queue(round_, people):
    Round.objects.filter(pk=round_.pk).update(state=Round.State.FINISHED)
    people["Aroha"].partnership.round.refresh_from_db()
    with pytest.raises(ValidationError):
        partnerships.report_no_reply(people["Aroha"], PAGE)


# Rematching ------------------------------------------------------------------------------


def test_a_rematch_partners_the_waiting_members_and_ends_their_old_partnerships(round_, people):
    requests = [report(people["Aroha"]), report(people["Chidi"], CHECK_IN)]
    old = {people["Aroha"].partnership, people["Chidi"].partnership}

    result = partnerships.rematch(round_, requests)

    (new,) = result.partnerships
    assert new.round == round_ and new.ended_at is None
    assert names(new) == ["Aroha", "Chidi"]
    countries = {m.country.code for m in new.memberships.all()}
    assert countries == {"NZ", "NG"}
    assert new.score > 0 and new.reasons
    for partnership in old:
        partnership.refresh_from_db()
        assert partnership.ended_at is not None  # kept in everyone's history
    assert Partnership.objects.get(pk=people["Sofia"].partnership_id).ended_at is None
    for request in requests:
        request.refresh_from_db()
        assert request.resolved_at is not None and request.new_partnership == new
    assert not partnerships.rematch_queue(round_).exists()
    assert result.unmatched == []
    # The application moved with its member to the new membership.
    aroha_now = PartnershipMember.objects.get(partnership=new, member=people["Aroha"].member)
    assert aroha_now.application.member == people["Aroha"].member
    people["Aroha"].refresh_from_db()
    assert people["Aroha"].application is None

    # The new partners are introduced on the next run; nobody else hears anything.
    due = schedule.due(timezone.localdate())
    assert sorted((d.membership.member.display_name, d.kind) for d in due) == [
        ("Aroha", SentEmail.Kind.INTRODUCTION),
        ("Chidi", SentEmail.Kind.INTRODUCTION),
    ]
    emails.send_due()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people["Aroha"].member.user.email, people["Chidi"].member.user.email]
    )
    (to_aroha,) = [m for m in mail.outbox if m.to == [people["Aroha"].member.user.email]]
    assert "Chidi" in to_aroha.body and "Nigeria" in to_aroha.body
    assert emails.send_due().total == 0


def test_nobody_is_rematched_with_someone_from_their_country(round_, people):
    requests = [report(people["Aroha"]), report(people["Tane"])]  # both NZ
    result = partnerships.rematch(round_, requests)
    assert result.partnerships == []
    assert {r.membership.member.display_name for r, _reason in result.unmatched} == {
        "Aroha",
        "Tane",
    }
    assert partnerships.rematch_queue(round_).count() == 2  # still waiting
    assert Partnership.objects.filter(ended_at__isnull=False).count() == 0


def test_previous_partners_are_not_rematched_together(round_, people):
    # Both of a pair say the other does not reply, and Sofia waits too.
    requests = [report(people["Aroha"]), report(people["Kwame"]), report(people["Sofia"])]
    result = partnerships.rematch(round_, requests)
    (new,) = result.partnerships
    assert "Sofia" in names(new) and names(new) != ["Aroha", "Kwame"]
    ((waiting, reason),) = result.unmatched
    assert waiting.membership.member.display_name in {"Aroha", "Kwame"}
    assert waiting.resolved_at is None and reason


def test_the_rounds_forbidden_pairs_hold(round_, people):
    aroha, chidi, sofia = people["Aroha"], people["Chidi"], people["Sofia"]
    PairRule.objects.create(
        round=round_,
        first=aroha.application,
        second=chidi.application,
        kind=PairRule.Kind.FORBID,
    )
    result = partnerships.rematch(round_, [report(aroha), report(chidi)])
    assert result.partnerships == []
    result = partnerships.rematch(round_, [*partnerships.rematch_queue(round_), report(sofia)])
    (new,) = result.partnerships
    assert "Sofia" in names(new)


def test_an_odd_queue_makes_a_trio(round_, people):
    requests = [report(people[name]) for name in ("Aroha", "Chidi", "Sofia")]
    result = partnerships.rematch(round_, requests)
    (trio,) = result.partnerships
    assert names(trio) == ["Aroha", "Chidi", "Sofia"]
    assert len(result.resolved) == 3


def test_resolved_requests_and_other_rounds_requests_are_ignored(
    round_, people, make_round, make_application
):
    done = report(people["Aroha"])
    partnerships.close_request(done)  # found their partner after all
    other_round = running_round(make_round)
    elsewhere = partner(other_round, make_application, member(country="KE"), member(country="FR"))
    stranger = report(elsewhere.memberships.first())
    result = partnerships.rematch(round_, [done, stranger, report(people["Chidi"])])
    assert result.partnerships == []
    assert [r.membership.member.display_name for r, _ in result.unmatched] == ["Chidi"]
    stranger.refresh_from_db()
    assert stranger.resolved_at is None


def test_only_a_running_round_is_rematched(round_, people):
    requests = [report(people["Aroha"]), report(people["Chidi"])]
    Round.objects.filter(pk=round_.pk).update(state=Round.State.FINISHED)
    with pytest.raises(ValidationError):
        partnerships.rematch(round_, requests)


def test_the_partner_left_behind_can_join_the_queue(round_, people):
    partnerships.rematch(round_, [report(people["Aroha"]), report(people["Chidi"])])
    kwame = PartnershipMember.objects.get(pk=people["Kwame"].pk)
    assert kwame.partnership.ended_at is not None
    assert partnerships.can_report(kwame)
    report(kwame)
    # Aroha's old membership is not her current one any more.
    assert not partnerships.can_report(PartnershipMember.objects.get(pk=people["Aroha"].pk))
    result = partnerships.rematch(
        round_, [*partnerships.rematch_queue(round_), report(people["Sofia"])]
    )
    (new,) = result.partnerships
    assert names(new) == ["Kwame", "Sofia"]

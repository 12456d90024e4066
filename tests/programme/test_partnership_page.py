"""/programme/partnership/: members only; the member's current partner(s) with profile and
contact, the round's calendar and released topics, past partnerships, "My partner has not
replied"; nobody else's partnerships; a bounded number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.factories import add_photo
from programme.models import PartnershipMember, RematchRequest, Round, RoundTopic
from topics.factories import TopicPageFactory

from .partnership_helpers import days, member, partner, running_round

pytestmark = pytest.mark.django_db
URL = "/programme/partnership/"


@pytest.fixture
def aroha(db):
    return member(
        display_name="Aroha Tane", country="NZ", time_zone="Pacific/Auckland", interests=["te reo"]
    )


@pytest.fixture
def aroha_client(client, aroha):
    client.force_login(aroha.user)
    return client


@pytest.fixture
def current(make_round, make_application, aroha):
    round_ = running_round(make_round, started_days_ago=20, name="Round Kowhai")
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
        interests=[["outreach", "makerspaces"], ["archives", "makerspaces"]],
    )
    return round_, partnership, kwame


def page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/programme/partnership/"


def test_a_member_without_a_partnership_finds_the_way_to_the_programme(aroha_client):
    html = page(aroha_client)
    assert "You have no partnership yet." in html
    assert 'href="/programme/"' in html
    assert "My partner has not replied" not in html


def test_the_member_sees_their_partner_with_profile_and_contact(aroha_client, current):
    round_, partnership, kwame = current
    html = page(aroha_client)
    assert "Round Kowhai" in html
    assert f'<a href="{kwame.get_absolute_url()}">Kwame Asante</a>' in html
    assert "Archivist, Balme Library" in html
    assert "Ghana" in html
    assert "<strong>makerspaces</strong>, archives" not in html  # their own order
    assert "archives, <strong>makerspaces</strong>" in html
    assert f'href="mailto:{kwame.user.email}"' in html
    assert "Africa/Accra" in html and "hours behind you" in html
    assert "Your partner</h3>" in html
    assert "My partner has not replied" in html


def test_a_partner_whose_profile_is_hidden_has_no_profile_link(aroha_client, current):
    round_, partnership, kwame = current
    kwame.user.is_active = False  # an account a coordinator switched off
    kwame.user.save()
    html = page(aroha_client)
    assert "Kwame Asante" in html
    assert kwame.get_absolute_url() not in html
    assert kwame.user.email not in html


def test_a_partners_photo_is_shown(aroha_client, current):
    round_, partnership, kwame = current
    add_photo(kwame)
    html = page(aroha_client)
    assert 'class="partner-card__photo"' in html and kwame.photo_urls["medium"] in html
    assert aroha_client.get(kwame.photo_urls["medium"]).status_code == 200


def test_the_calendar_and_the_topics_released_so_far(aroha_client, current, site_tree):
    round_, partnership, kwame = current
    start = round_.partnership_start
    first = TopicPageFactory(parent=site_tree.topics, title="Getting to know each other")
    second = TopicPageFactory(parent=site_tree.topics, title="Makerspaces on a shoestring")
    unpublished = TopicPageFactory(parent=site_tree.topics, title="Not live yet", live=False)
    future = TopicPageFactory(parent=site_tree.topics, title="Released next week")
    RoundTopic.objects.create(round=round_, topic=first, release_date=start)
    RoundTopic.objects.create(round=round_, topic=second, release_date=start + days(14))
    RoundTopic.objects.create(round=round_, topic=unpublished, release_date=start + days(14))
    RoundTopic.objects.create(round=round_, topic=future, release_date=start + days(28))
    html = page(aroha_client)
    topics = html.split("Topics released so far")[1]
    assert "Getting to know each other" in topics and "Makerspaces on a shoestring" in topics
    assert "Not live yet" not in html
    assert "Released next week" not in topics
    assert first.url in topics
    calendar = html.split('id="calendar-')[1].split("Topics released so far")[0]
    for day in (start, start + days(14), start + days(28), round_.partnership_end):
        assert f'datetime="{day:%Y-%m-%d}"' in calendar
    assert "Topic 4 is released" in calendar  # live, but its day has not come: no title
    assert "Halfway check-in" in calendar


def test_a_member_sees_only_their_own_partnerships(aroha_client, current, make_application):
    round_, partnership, kwame = current
    strangers = partner(
        round_,
        make_application,
        member(display_name="Someone Else", country="BR"),
        member(display_name="Another Person", country="FI"),
    )
    html = page(aroha_client)
    assert "Kwame Asante" in html
    assert "Someone Else" not in html and "Another Person" not in html
    for membership in strangers.memberships.select_related("member__user"):
        assert membership.member.user.email not in html


def test_a_trio_shows_both_partners(aroha_client, make_round, make_application, aroha):
    round_ = running_round(make_round)
    partner(
        round_,
        make_application,
        aroha,
        member(display_name="Mei Chen", country="PH"),
        member(display_name="Ana Lima", country="BR"),
    )
    html = page(aroha_client)
    assert "Mei Chen" in html and "Ana Lima" in html
    assert "Your partners</h3>" in html


def test_past_partnerships_with_a_former_member(
    aroha_client, aroha, current, make_round, make_application
):
    round_, partnership, kwame = current
    old_round = running_round(
        make_round, started_days_ago=400, state=Round.State.FINISHED, name="Round Rimu"
    )
    gone = member(display_name="Deleted Person", country="KE")
    old = partner(old_round, make_application, aroha, gone)
    PartnershipMember.objects.filter(partnership=old, member=gone).update(member=None)
    html = page(aroha_client)
    past = html.split("Past partnerships")[1]
    assert "Round Rimu" in past and "Former member" in past and "Kenya" in past
    assert "Deleted Person" not in html
    assert "Kwame Asante" not in past


def test_a_partnership_ended_by_a_rematch_is_past_and_the_new_one_current(
    aroha_client, aroha, current, make_application
):
    round_, partnership, kwame = current
    partnership.ended_at = timezone.now()
    partnership.save()
    new_partner = member(display_name="Mateo Reyes", country="PE")
    # The application moved to the new membership (as programme.partnerships.rematch does).
    PartnershipMember.objects.filter(partnership=partnership, member=aroha).update(application=None)
    aroha.applications.get(round=round_).delete()
    partner(round_, make_application, aroha, new_partner)
    html = page(aroha_client)
    current_part, past = html.split("Past partnerships")
    assert "Mateo Reyes" in current_part and "Kwame Asante" not in current_part
    assert "Kwame Asante" in past and "rematched on" in past


def test_the_partner_left_behind_may_ask_for_a_new_partner(
    client, current, aroha, make_application
):
    round_, partnership, kwame = current
    partnership.ended_at = timezone.now()
    partnership.save()
    client.force_login(kwame.user)
    html = page(client)
    assert "This partnership has ended" in html
    assert "Find me a new partner" in html
    membership = PartnershipMember.objects.get(member=kwame)
    client.post(URL + "no-reply/", {"membership": membership.pk, "note": ""})
    assert RematchRequest.objects.filter(membership=membership, resolved_at=None).count() == 1


# "My partner has not replied" --------------------------------------------------------------


def test_reporting_no_reply_enters_the_queue_once(aroha_client, aroha, current):
    membership = PartnershipMember.objects.get(member=aroha)
    response = aroha_client.post(
        URL + "no-reply/",
        {"membership": membership.pk, "note": "Wrote on the 3rd and the 10th."},
        follow=True,
    )
    assert response.redirect_chain == [(URL, 302)]
    html = response.content.decode()
    assert "You are now in the queue for a new partner" in html
    assert "You are in the queue for a new partner" in html  # the page says so from now on
    (request,) = RematchRequest.objects.all()
    assert request.membership == membership
    assert request.source == RematchRequest.Source.PARTNERSHIP_PAGE
    assert request.note == "Wrote on the 3rd and the 10th."

    response = aroha_client.post(
        URL + "no-reply/", {"membership": membership.pk, "note": ""}, follow=True
    )
    assert "You are already in the queue for a new partner" in response.content.decode()
    assert RematchRequest.objects.count() == 1


def test_reporting_needs_the_csrf_token_and_a_post(aroha, current):
    client = Client(enforce_csrf_checks=True)
    client.force_login(aroha.user)
    membership = PartnershipMember.objects.get(member=aroha)
    assert client.post(URL + "no-reply/", {"membership": membership.pk}).status_code == 403
    assert client.get(URL + "no-reply/").status_code == 405
    assert not RematchRequest.objects.exists()


def test_nobody_reports_for_someone_elses_partnership(aroha_client, current):
    round_, partnership, kwame = current
    theirs = PartnershipMember.objects.get(member=kwame)
    response = aroha_client.post(URL + "no-reply/", {"membership": theirs.pk}, follow=True)
    assert "That is not one of your partnerships." in response.content.decode()
    assert not RematchRequest.objects.exists()


def test_no_reply_cannot_be_reported_once_the_round_has_finished(aroha_client, aroha, current):
    round_, partnership, kwame = current
    Round.objects.filter(pk=round_.pk).update(state=Round.State.FINISHED)
    membership = PartnershipMember.objects.get(member=aroha)
    response = aroha_client.post(URL + "no-reply/", {"membership": membership.pk}, follow=True)
    assert "can no longer be rematched" in response.content.decode()
    assert not RematchRequest.objects.exists()


# Queries -----------------------------------------------------------------------------------


def test_the_page_takes_a_bounded_number_of_queries(
    aroha_client, aroha, current, make_round, make_application, site_tree,
    django_assert_max_num_queries,
):  # fmt: skip
    round_, partnership, kwame = current
    for n in range(3):
        RoundTopic.objects.create(
            round=round_,
            topic=TopicPageFactory(parent=site_tree.topics),
            release_date=round_.partnership_start + days(14 * n),
        )
    add_photo(kwame)
    page(aroha_client)  # warm up (per-site settings rows created on first use)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page(aroha_client)
        return len(captured)

    before = queries()
    for n in range(4):
        old_round = running_round(
            make_round, started_days_ago=200 * (n + 1), state=Round.State.FINISHED
        )
        partner(
            old_round,
            make_application,
            aroha,
            add_photo(member(country="BR")),
            member(country="FI"),
        )
    assert queries() == before  # past partnerships cost nothing per partnership
    # 8 of them the page's own (session, user, profile, memberships, partners, interests,
    # topics, rematch requests), the rest the base template and permissions.
    with django_assert_max_num_queries(20):
        page(aroha_client)


# The demo ----------------------------------------------------------------------------------


def test_the_demo_member_has_a_current_partner_and_a_history(client, django_user_model):
    from django.core.management import call_command

    from programme import emails
    from programme.models import CheckIn, Feedback

    call_command("load_demo", verbosity=0, stdout=None)
    demo = django_user_model.objects.get(email="member@iln.example.org")
    running = Round.objects.get(slug="running")
    assert running.state == Round.State.RUNNING
    assert running.partnership_start < timezone.localdate() < running.partnership_end
    client.force_login(demo)
    html = page(client)
    current, past = html.split("Past partnerships")
    assert running.name in current and 'class="partner-card"' in current
    assert "Round 2 · autumn 2025" in past
    for slug in ("2025-spring", "2025-autumn"):
        finished = Round.objects.get(slug=slug)
        assert CheckIn.objects.filter(membership__partnership__round=finished).count() > 40
        assert Feedback.objects.filter(membership__partnership__round=finished).count() > 20
        requests = RematchRequest.objects.filter(membership__partnership__round=finished)
        assert len(requests) == 2 and all(r.resolved_at for r in requests)
        (new,) = {r.new_partnership for r in requests}
        assert new.ended_at is None
        assert {r.membership.member for r in requests} == {m.member for m in new.memberships.all()}
        assert len({m.country for m in new.memberships.all()}) == 2
    assert (
        RematchRequest.objects.filter(
            membership__partnership__round=running, resolved_at=None
        ).count()
        == 3
    )
    # Everything due has gone out already: a cron run after load_demo sends nothing.
    assert emails.send_due().total == 0

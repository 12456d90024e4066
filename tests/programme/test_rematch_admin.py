"""The coordinators' rematch queue in the admin: who waits, since when, from where, with
their note, partnership and partner; rematching chosen members with each other
(programme.partnerships.rematch) or closing their requests. Only with
programme.run_matching; every change a POST."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client as DjangoClient
from django.test.utils import CaptureQueriesContext

from programme import partnerships
from programme.models import Partnership, RematchRequest, Round

from .partnership_helpers import member, partner, running_round

pytestmark = pytest.mark.django_db

ROUNDS = "/admin/programme/rounds/"
PAGE = RematchRequest.Source.PARTNERSHIP_PAGE
CHECK_IN = RematchRequest.Source.CHECK_IN


@pytest.fixture
def round_(make_round):
    return running_round(make_round, started_days_ago=20, name="Round Kowhai")


def make_pairs(round_, make_application, pairs):
    found = {}
    for pair in pairs:
        profiles = [member(display_name=name, country=code) for name, code in pair]
        partnership = partner(round_, make_application, *profiles, created_days_ago=25)
        for membership in partnership.memberships.select_related("member"):
            found[membership.member.display_name] = membership
    return found


@pytest.fixture
def people(round_, make_application):
    """Three pairs; Aroha (NZ), Chidi (NG) and Sofia (BR) reported their partner silent."""
    found = make_pairs(
        round_,
        make_application,
        [
            (("Aroha", "NZ"), ("Kwame", "GH")),
            (("Chidi", "NG"), ("Tane", "NZ")),
            (("Sofia", "BR"), ("Ingrid", "FI")),
        ],
    )
    partnerships.report_no_reply(found["Aroha"], PAGE, "Wrote three times; nothing.")
    partnerships.report_no_reply(found["Chidi"], CHECK_IN)
    partnerships.report_no_reply(found["Sofia"], PAGE, "No answer <since> May & June.")
    return found


def queue_url(round_):
    return f"{ROUNDS}rematch/{round_.pk}/"


def request_of(membership):
    return RematchRequest.objects.get(membership=membership, resolved_at=None)


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


class Client(DjangoClient):
    """A test client whose responses carry only the messages of their own request."""

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


def test_the_queue_lists_who_waits_with_their_partnership(
    english, round_, people, coordinator_client
):
    response = coordinator_client.get(queue_url(round_))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Aroha", "Chidi", "Sofia"):
        assert f'value="{request_of(people[name]).pk}"' in html
    assert html.index("Aroha") < html.index("Chidi") < html.index("Sofia")  # longest first
    assert "Wrote three times; nothing." in html
    assert "No answer &lt;since&gt; May &amp; June." in html  # escaped
    assert "Partnership page" in html and "Check-in" in html
    assert "with Kwame" in html and "(Ghana)" in html
    assert f"/admin/programme/partnerships/inspect/{people['Aroha'].partnership_id}/" in html
    assert "Rematch these people with each other" in html and "Close without rematch" in html
    # The round's buttons lead to the queue and its dashboard.
    edit = coordinator_client.get(f"{ROUNDS}edit/{round_.pk}/").content.decode()
    assert queue_url(round_) in edit and f"{ROUNDS}dashboard/{round_.pk}/" in edit


def test_a_partner_who_also_waits_is_marked(english, round_, people, coordinator_client):
    partnerships.report_no_reply(people["Kwame"], PAGE)
    html = coordinator_client.get(queue_url(round_)).content.decode()
    assert "also waiting" in html


def test_rematching_chosen_members_with_each_other(english, round_, people, coordinator_client):
    chosen = [request_of(people["Aroha"]), request_of(people["Sofia"])]
    response = coordinator_client.post(
        queue_url(round_), {"request": [r.pk for r in chosen], "action": "rematch"}
    )
    assert response.status_code == 302 and response["Location"] == queue_url(round_)
    assert messages_of(response) == [
        "1 new partnership: the partners are introduced by the next programme e-mail run."
    ]
    new = Partnership.objects.get(
        round=round_, ended_at=None, memberships__member=people["Aroha"].member
    )
    assert sorted(m.member.display_name for m in new.memberships.all()) == ["Aroha", "Sofia"]
    for request in chosen:
        request.refresh_from_db()
        assert request.resolved_at is not None and request.new_partnership == new
    people["Aroha"].partnership.refresh_from_db()
    assert people["Aroha"].partnership.ended_at is not None
    # Chidi still waits.
    assert list(partnerships.rematch_queue(round_)) == [request_of(people["Chidi"])]
    html = coordinator_client.get(queue_url(round_)).content.decode()
    assert "Aroha" not in html and "Chidi" in html


def test_members_who_cannot_be_partnered_stay_in_the_queue(
    english, round_, people, coordinator_client
):
    # Aroha and Tane share a country: the matching's rules refuse to pair them, and both
    # stay in the queue with the reason.
    partnerships.report_no_reply(people["Tane"], PAGE)
    chosen = [request_of(people[name]) for name in ("Aroha", "Tane")]
    response = coordinator_client.post(
        queue_url(round_), {"request": [r.pk for r in chosen], "action": "rematch"}
    )
    found = messages_of(response)
    assert len(found) == 2 and all("stays in the queue" in message for message in found)
    assert RematchRequest.objects.filter(resolved_at=None).count() == 4


def test_closing_requests_without_a_rematch(english, round_, people, coordinator_client):
    request = request_of(people["Chidi"])
    response = coordinator_client.post(
        queue_url(round_), {"request": [request.pk], "action": "close"}
    )
    assert messages_of(response) == ["1 request closed without a rematch."]
    request.refresh_from_db()
    assert request.resolved_at is not None and request.new_partnership is None
    assert Partnership.objects.filter(round=round_, ended_at=None).count() == 3


def test_bad_choices_are_refused_with_a_reason(english, round_, people, coordinator_client):
    one = request_of(people["Aroha"])
    response = coordinator_client.post(
        queue_url(round_), {"request": [one.pk], "action": "rematch"}
    )
    assert messages_of(response) == ["Choose at least two members to rematch with each other."]
    response = coordinator_client.post(queue_url(round_), {"action": "close"})
    assert messages_of(response) == ["Choose one or more members in the queue."]
    response = coordinator_client.post(queue_url(round_), {"request": [one.pk], "action": "drop"})
    assert messages_of(response) == ["Choose to rematch the members or to close their requests."]
    assert RematchRequest.objects.filter(resolved_at=None).count() == 3


def test_a_finished_round_cannot_be_rematched(english, round_, people, coordinator_client):
    Round.objects.filter(pk=round_.pk).update(state=Round.State.FINISHED)
    html = coordinator_client.get(queue_url(round_)).content.decode()
    assert "Rematch these people with each other" not in html
    chosen = [request_of(people["Aroha"]).pk, request_of(people["Sofia"]).pk]
    response = coordinator_client.post(queue_url(round_), {"request": chosen, "action": "rematch"})
    assert messages_of(response) == [
        "Not rematched: Only members of a running round can be rematched."
    ]
    assert RematchRequest.objects.filter(resolved_at=None).count() == 3


def test_requests_of_another_round_are_ignored(
    english, round_, people, make_round, make_application, coordinator_client
):
    other = running_round(make_round, started_days_ago=15, name="Other round")
    others = make_pairs(other, make_application, [(("Lena", "DE"), ("Omar", "JO"))])
    partnerships.report_no_reply(others["Lena"], PAGE)
    response = coordinator_client.post(
        queue_url(round_), {"request": [request_of(others["Lena"]).pk], "action": "close"}
    )
    assert messages_of(response) == ["Choose one or more members in the queue."]
    assert request_of(others["Lena"]).resolved_at is None


def test_only_those_who_run_matchings_reach_the_queue(round_, people, client, editor, coordinator):
    url = queue_url(round_)
    chosen = [request_of(people["Aroha"]).pk, request_of(people["Sofia"]).pk]
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(url, {"request": chosen, "action": "rematch"}).status_code == 403

    client.force_login(people["Aroha"].member.user)  # a member: no admin at all
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.post(url, {"request": chosen, "action": "close"}).status_code == 302

    Group.objects.get(name="Coordinators").permissions.remove(
        *Group.objects.get(name="Coordinators").permissions.filter(codename="run_matching")
    )
    client.force_login(coordinator)
    assert client.get(url)["Location"] == "/admin/"
    assert client.post(url, {"request": chosen, "action": "close"}).status_code == 403
    assert RematchRequest.objects.filter(resolved_at=None).count() == 3


def test_the_queue_takes_the_same_queries_however_long(
    round_, people, make_application, coordinator_client, django_assert_max_num_queries
):
    coordinator_client.get(queue_url(round_))  # warm per-process caches
    with CaptureQueriesContext(connection) as three:
        coordinator_client.get(queue_url(round_))
    more = make_pairs(
        round_,
        make_application,
        [((f"A{n}", "KE"), (f"B{n}", "PH")) for n in range(6)],
    )
    for name, membership in more.items():
        partnerships.report_no_reply(membership, PAGE, f"Note of {name}")
    with django_assert_max_num_queries(len(three)):
        response = coordinator_client.get(queue_url(round_))
    assert response.content.decode().count('name="request"') == 15

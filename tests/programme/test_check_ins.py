"""Check-ins and feedback through signed links (no log-in): the link shows the answer with
one button, the POST records it, answering again keeps one row; "My partner has not
replied" enters the rematch queue; expired, tampered and foreign links get a friendly page
(410/400), never a 500; the member's data export and account deletion."""

import json
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client

from programme import links
from programme.links import Answer
from programme.models import CheckIn, Feedback, PartnershipMember, RematchRequest, SentEmail

from .partnership_helpers import member, partner, running_round

pytestmark = pytest.mark.django_db
TWO_WEEKS = CheckIn.Moment.TWO_WEEKS
MID_ROUND = CheckIn.Moment.MID_ROUND


@pytest.fixture
def memberships(make_round, make_application):
    round_ = running_round(make_round, started_days_ago=15, name="Round Kowhai")
    partnership = partner(
        round_,
        make_application,
        member(display_name="Aroha Tane", country="NZ"),
        member(display_name="Kwame Asante", country="GH"),
    )
    return list(partnership.memberships.select_related("member__user").order_by("pk"))


def check_in_url(membership, answer, moment=TWO_WEEKS):
    return f"/programme/check-in/{links.check_in_token(membership, moment, answer)}/"


def feedback_url(membership):
    return f"/programme/feedback/{links.feedback_token(membership)}/"


def signed_days_ago(n, function, *args):
    """What `function` signs, as if it had been signed `n` days ago."""
    past = int(time.time()) - n * 86400
    with mock.patch.object(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(past)
    ):
        return function(*args)


# The links themselves ----------------------------------------------------------------------


def test_a_link_carries_the_membership_moment_and_answer(memberships):
    aroha, _kwame = memberships
    token = links.check_in_token(aroha, MID_ROUND, Answer.MONTHLY)
    assert links.read_check_in(token) == links.CheckInLink(aroha.pk, MID_ROUND, Answer.MONTHLY)
    assert links.read_feedback(links.feedback_token(aroha)) == links.FeedbackLink(aroha.pk)


def test_tampered_foreign_and_cross_purpose_links_are_refused(memberships):
    aroha, kwame = memberships
    token = links.check_in_token(aroha, TWO_WEEKS, Answer.WEEKLY)
    payload, timestamp, signature = token.split(":")
    # Someone else's membership (or another answer) with the same signature.
    forged = signing.b64_encode(
        json.dumps({"m": kwame.pk, "t": TWO_WEEKS, "a": "weekly"}, separators=(",", ":")).encode()
    ).decode()
    for bad in (
        f"{forged}:{timestamp}:{signature}",
        f"{payload}:{timestamp}:{signature[:-2]}xx",
        token[:-1],
        "nonsense",
        links.feedback_token(aroha),  # another purpose's salt
        signing.dumps({"m": aroha.pk, "t": TWO_WEEKS, "a": "weekly"}),  # no salt
    ):
        with pytest.raises(links.LinkInvalid):
            links.read_check_in(bad)
    with pytest.raises(links.LinkInvalid):
        links.read_feedback(token)


def test_links_expire(memberships):
    aroha, _kwame = memberships
    fresh = signed_days_ago(29, links.check_in_token, aroha, TWO_WEEKS, Answer.WEEKLY)
    assert links.read_check_in(fresh).answer == Answer.WEEKLY
    old = signed_days_ago(31, links.check_in_token, aroha, TWO_WEEKS, Answer.WEEKLY)
    with pytest.raises(links.LinkExpired):
        links.read_check_in(old)
    with pytest.raises(links.LinkExpired):
        links.read_feedback(signed_days_ago(46, links.feedback_token, aroha))


# Answering a check-in ----------------------------------------------------------------------


def test_the_link_shows_the_answer_and_records_nothing_until_confirmed(client, memberships):
    aroha, _kwame = memberships
    url = check_in_url(aroha, Answer.FORTNIGHTLY)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yes, every two weeks" in html and "Round Kowhai" in html
    assert '<button type="submit" autofocus>Confirm</button>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"]
    assert not CheckIn.objects.exists()  # a mail scanner fetching the link changes nothing

    response = client.post(url, follow=True)
    assert response.redirect_chain == [(url + "thanks/", 302)]
    assert "Your check-in for Round Kowhai is recorded." in response.content.decode()
    (check_in,) = CheckIn.objects.all()
    assert (check_in.membership, check_in.moment) == (aroha, TWO_WEEKS)
    assert check_in.in_contact and check_in.frequency == CheckIn.Frequency.FORTNIGHTLY


def test_answering_twice_keeps_one_answer_the_latest(memberships):
    aroha, _kwame = memberships
    client = Client(enforce_csrf_checks=True)
    for answer in (Answer.NOT_YET, Answer.WEEKLY, Answer.WEEKLY):
        url = check_in_url(aroha, answer)
        html = client.get(url).content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    (check_in,) = CheckIn.objects.all()
    assert check_in.in_contact and check_in.frequency == CheckIn.Frequency.WEEKLY
    # Another moment is another answer.
    client.post(check_in_url(aroha, Answer.MONTHLY, MID_ROUND))
    assert CheckIn.objects.count() == 1  # CSRF enforced: no token, nothing recorded
    Client().post(check_in_url(aroha, Answer.MONTHLY, MID_ROUND))
    assert CheckIn.objects.count() == 2


def test_not_yet_is_recorded_as_not_in_contact(client, memberships):
    aroha, _kwame = memberships
    client.post(check_in_url(aroha, Answer.NOT_YET))
    check_in = CheckIn.objects.get()
    assert not check_in.in_contact and check_in.frequency == CheckIn.Frequency.NOT_YET
    assert not RematchRequest.objects.exists()


def test_my_partner_has_not_replied_enters_the_rematch_queue_once(client, memberships):
    aroha, _kwame = memberships
    url = check_in_url(aroha, Answer.NO_REPLY)
    html = client.get(url).content.decode()
    assert "queue for a new partner" in html and 'name="note"' in html
    response = client.post(url, {"note": "Two e-mails, no answer."}, follow=True)
    assert "You are in the queue for a new partner." in response.content.decode()
    client.post(url, {"note": ""})
    (request,) = RematchRequest.objects.all()
    assert request.membership == aroha and request.resolved_at is None
    assert request.source == RematchRequest.Source.CHECK_IN
    assert request.note == "Two e-mails, no answer."
    check_in = CheckIn.objects.get()
    assert not check_in.in_contact


@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_links_get_a_friendly_page_never_a_500(client, memberships, method):
    aroha, _kwame = memberships
    call = getattr(client, method)
    token = links.check_in_token(aroha, TWO_WEEKS, Answer.WEEKLY)
    for path in ("/programme/check-in/{}/", "/programme/check-in/{}/thanks/"):
        response = call(path.format(token[:-3] + "abc"))
        if method == "post" and path.endswith("thanks/"):
            assert response.status_code == 405
            continue
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    expired = signed_days_ago(40, links.check_in_token, aroha, TWO_WEEKS, Answer.WEEKLY)
    response = call(f"/programme/check-in/{expired}/")
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    old_feedback = signed_days_ago(60, links.feedback_token, aroha)
    assert call(f"/programme/feedback/{old_feedback}/").status_code == 410
    assert call("/programme/feedback/not-a-token/").status_code == 400
    assert call("/programme/check-in/%E2%98%83:abc:def/").status_code == 400
    assert not CheckIn.objects.exists() and not Feedback.objects.exists()


def test_a_link_of_a_deleted_member_no_longer_works(client, memberships):
    aroha, _kwame = memberships
    url = check_in_url(aroha, Answer.WEEKLY)
    PartnershipMember.objects.filter(pk=aroha.pk).update(member=None)
    response = client.get(url)
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()
    assert client.post(url).status_code == 410
    assert not CheckIn.objects.exists()


def test_the_thanks_page_before_answering_leads_back_to_the_question(client, memberships):
    aroha, _kwame = memberships
    url = check_in_url(aroha, Answer.WEEKLY)
    response = client.get(url + "thanks/")
    assert response.status_code == 302 and response["Location"] == url


# Feedback ----------------------------------------------------------------------------------


def test_feedback_through_its_link_and_sending_it_again_updates_it(client, memberships):
    aroha, _kwame = memberships
    url = feedback_url(aroha)
    html = client.get(url).content.decode()
    assert "How did it go?" in html and "Round Kowhai" in html
    response = client.post(url, {"rating": "9", "would_take_part_again": "maybe"})
    assert response.status_code == 200
    assert "Please correct the errors below" in response.content.decode()
    assert not Feedback.objects.exists()

    answers = {
        "rating": "4",
        "would_take_part_again": "yes",
        "what_worked": "Weekly calls.",
        "comments": "",
    }
    response = client.post(url, answers, follow=True)
    assert response.redirect_chain == [(url + "thanks/", 302)]
    assert "Thank you for your feedback" in response.content.decode()
    html = client.get(url).content.decode()
    assert "You sent your feedback on" in html and "Weekly calls." in html
    client.post(url, {**answers, "rating": "5", "would_take_part_again": "no"})
    (feedback,) = Feedback.objects.all()
    assert feedback.membership == aroha
    assert (feedback.rating, feedback.would_take_part_again) == (5, False)
    assert feedback.what_worked == "Weekly calls."


# Data rights -------------------------------------------------------------------------------


def test_the_export_has_partnerships_check_ins_feedback_and_requests(client, memberships):
    aroha, kwame = memberships
    client.post(check_in_url(aroha, Answer.WEEKLY))
    client.post(check_in_url(aroha, Answer.NO_REPLY, MID_ROUND), {"note": "Silence."})
    client.post(feedback_url(aroha), {"rating": "3", "would_take_part_again": "yes"})
    SentEmail.objects.create(membership=aroha, kind=SentEmail.Kind.INTRODUCTION)
    client.post(check_in_url(kwame, Answer.MONTHLY))  # the partner's own: not in the export
    client.force_login(aroha.member.user)
    data = json.loads(client.get("/members/me/data.json").content)
    (partnership,) = data["partnerships"]
    assert partnership["round"] == "Round Kowhai"
    assert partnership["partners"] == [{"name": "Kwame Asante", "country": "GH"}]
    assert kwame.member.user.email not in json.dumps(data)
    assert [(c["moment"], c["frequency"]) for c in data["check_ins"]] == [
        ("two-weeks", "weekly"),
        ("mid-round", "not-yet"),
    ]
    assert data["feedback"][0]["rating"] == 3
    assert data["rematch_requests"][0]["note"] == "Silence."
    assert data["programme_emails"][0]["kind"] == "introduction"


def test_deleting_an_account_removes_the_answers_and_keeps_the_partners_history(
    client, memberships
):
    from members.factories import MEMBER_PASSWORD

    aroha, kwame = memberships
    for membership in (aroha, kwame):
        client.post(check_in_url(membership, Answer.WEEKLY))
        client.post(feedback_url(membership), {"rating": "5", "would_take_part_again": "yes"})
        SentEmail.objects.create(membership=membership, kind=SentEmail.Kind.INTRODUCTION)
    client.post(check_in_url(aroha, Answer.NO_REPLY, MID_ROUND))
    client.force_login(aroha.member.user)
    response = client.post("/members/me/delete/", {"password": MEMBER_PASSWORD})
    assert response.status_code == 302

    aroha.refresh_from_db()
    assert aroha.member is None  # the membership stays: Kwame's partner is a former member
    for model in (CheckIn, Feedback, SentEmail):
        assert list(model.objects.values_list("membership", flat=True)) == [kwame.pk]
    assert not RematchRequest.objects.exists()
    client.force_login(kwame.member.user)
    html = client.get("/programme/partnership/").content.decode()
    assert "Former member" in html and "Aroha Tane" not in html

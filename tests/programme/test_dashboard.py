"""The coordinators' round dashboard in the admin: the figures of programme.figures with
charts drawn on the server, the question of the round's stage first, for users who run
matchings only, in a number of queries that does not grow with the round."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.models import Round

from .test_figures import PEOPLE, answer_check_ins, finished_round, give_feedback

pytestmark = pytest.mark.django_db

ROUNDS = "/admin/programme/rounds/"


def dashboard_url(round_):
    return f"{ROUNDS}dashboard/{round_.pk}/"


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def finished(make_round, make_application):
    round_, memberships = finished_round(make_round, make_application)
    answer_check_ins(memberships, "two-weeks", [True] * 14 + [False] * 6)
    give_feedback(memberships, [5] * 8 + [4] * 6 + [3] * 3 + [2], again=15)
    return round_


def section_order(html):
    return re.findall(r'id="dashboard-(\w+)-section"', html) or re.findall(
        r'id="dashboard-(\w+)"', html
    )


def test_a_finished_rounds_dashboard_shows_its_figures(english, finished, coordinator_client):
    response = coordinator_client.get(dashboard_url(finished))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The round has finished: what did members make of it?" in html
    assert section_order(html)[0] == "feedback"
    # Figures, in words and numbers.
    assert "Mean rating" in html and "4.2 / 5" in html  # (40 + 24 + 9 + 2) / 18
    assert "Would take part again" in html and "83%" in html  # 15 of 18
    assert "Two weeks in" in html and "70%" in html  # 14 of 20 answers in contact
    assert "New Zealand" in html and "Finland" in html  # coordinators see every country
    # Charts drawn on the server: inline SVG with a title, no script, no style attribute.
    main = html.split('id="main"')[1] if 'id="main"' in html else html
    assert main.count('<svg class="chart"') == 6
    assert 'role="img"' in main and '<title id="chart-ratings-title">' in main
    assert "style=" not in "".join(re.findall(r"<svg.*?</svg>", main, re.S))
    assert "css/figures.css" in html
    assert "<script" not in "".join(re.findall(r"<svg.*?</svg>", main, re.S))


def test_an_open_rounds_dashboard_shows_who_applied_and_the_cap(
    english, open_round, make_application, coordinator_client
):
    for n in range(12):
        make_application(open_round, country="NZ" if n < 11 else "GH", sector="public")
    html = coordinator_client.get(dashboard_url(open_round)).content.decode()
    assert "Applications are open" in html
    assert section_order(html)[0] == "applications"
    assert 'class="chart__line"' in html and "cap 10" in html  # 20 % of 12 is 2: the minimum, 10
    assert "at the cap" in html  # New Zealand, 11
    assert "No matching has been run yet." not in html  # open: not matched until closed
    assert "The round is matched once its applications have closed." in html


def test_a_running_round_asks_about_contact_first(
    english, make_round, make_application, coordinator_client
):
    round_, memberships = finished_round(make_round, make_application, people=PEOPLE[:6])
    Round.objects.filter(pk=round_.pk).update(state=Round.State.RUNNING)
    html = coordinator_client.get(dashboard_url(round_)).content.decode()
    assert "Partnerships are under way" in html
    assert section_order(html)[0] == "contact"
    assert f"{ROUNDS}rematch/{round_.pk}/" in html


def test_the_dashboard_is_linked_from_the_rounds(finished, coordinator_client):
    assert dashboard_url(finished) in coordinator_client.get(ROUNDS).content.decode()
    assert (
        dashboard_url(finished)
        in coordinator_client.get(f"{ROUNDS}edit/{finished.pk}/").content.decode()
    )


def test_only_those_who_run_matchings_see_the_dashboard(finished, client, editor, coordinator):
    url = dashboard_url(finished)
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert url not in client.get("/admin/").content.decode()

    member = finished.partnerships.first().memberships.first().member
    client.force_login(member.user)
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    Group.objects.get(name="Coordinators").permissions.remove(
        *Group.objects.get(name="Coordinators").permissions.filter(codename="run_matching")
    )
    client.force_login(coordinator)
    assert client.get(url)["Location"] == "/admin/"
    assert url not in client.get(ROUNDS).content.decode()


def test_the_dashboard_takes_the_same_queries_however_big_the_round(
    make_round, make_application, coordinator_client, django_assert_max_num_queries
):
    small, memberships = finished_round(
        make_round, make_application, people=PEOPLE[:4], slug="small"
    )
    answer_check_ins(memberships, "two-weeks", [True, False])
    give_feedback(memberships, [5, 4], again=1)
    big, memberships = finished_round(make_round, make_application, people=PEOPLE, slug="big")
    answer_check_ins(memberships, "two-weeks", [True] * 20)
    answer_check_ins(memberships, "mid-round", [False] * 10)
    give_feedback(memberships, [5, 4, 3, 2, 1] * 4, again=12)

    coordinator_client.get(dashboard_url(small))  # warm per-process caches
    with CaptureQueriesContext(connection) as for_small:
        coordinator_client.get(dashboard_url(small))
    with django_assert_max_num_queries(len(for_small)):
        response = coordinator_client.get(dashboard_url(big))
    assert response.status_code == 200

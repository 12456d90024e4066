"""The programme in figures (programme.figures): the dashboard's figures equal the data;
the open figures of finished rounds (/programme/figures/, CSV, JSON) never show a count of
1 to 4 people nor let one be worked out by subtraction; the home figures."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from members.factories import MemberProfileFactory
from programme import figures
from programme.figures import GROUPED, Cell
from programme.models import (
    Application,
    CheckIn,
    Feedback,
    Partnership,
    PartnershipMember,
    RematchRequest,
    Round,
    SentEmail,
)

pytestmark = pytest.mark.django_db

FIGURES = "/programme/figures/"


# The suppression rules, on counts --------------------------------------------------------------


def test_small_countries_are_grouped_until_the_group_holds_five():
    rows = figures.grouped({"NZ": 10, "GH": 7, "KE": 4, "BR": 2, "FI": 1, "FJ": 0})
    assert rows == [
        ("NZ", Cell(10), ["NZ"]),
        ("GH", Cell(7), ["GH"]),
        (GROUPED, Cell(7), ["BR", "FI", "KE"]),
    ]


def test_a_group_under_five_takes_the_smallest_other_country():
    rows = figures.grouped({"NZ": 10, "GH": 7, "KE": 6, "FI": 1})
    # FI alone (1) would be recovered from the total: KE joins it.
    assert rows == [
        ("NZ", Cell(10), ["NZ"]),
        ("GH", Cell(7), ["GH"]),
        (GROUPED, Cell(7), ["FI", "KE"]),
    ]


def test_when_everyone_together_is_under_five_only_a_suppressed_group_is_left():
    assert figures.grouped({"NZ": 2, "GH": 1}) == [(GROUPED, Cell(None, True), ["GH", "NZ"])]
    assert figures.grouped({"NZ": 5}) == [("NZ", Cell(5), ["NZ"])]


def test_one_small_cell_in_a_partition_takes_a_second_one_with_it():
    cells = figures.suppressed_partition([("a", 10), ("b", 3), ("c", 7), ("d", 9)])
    # b (3) is small; without hiding another cell, 29 - 10 - 7 - 9 would give it away.
    assert cells == [
        ("a", Cell(10)),
        ("b", Cell(None, True)),
        ("c", Cell(None, False)),
        ("d", Cell(9)),
    ]
    assert str(cells[1][1]) == "<5" and str(cells[2][1]) == "suppressed"


def test_a_zero_is_the_second_cell_when_there_is_one():
    cells = figures.suppressed_partition([("a", 10), ("b", 0), ("c", 3)])
    assert cells == [("a", Cell(10)), ("b", Cell(None, True)), ("c", Cell(None, True))]


def test_two_small_cells_protect_each_other():
    cells = figures.suppressed_partition([("a", 10), ("b", 2), ("c", 4), ("d", 6)])
    assert [cell for _key, cell in cells] == [Cell(10), Cell(None, True), Cell(None, True), Cell(6)]


def test_shares_are_shown_only_when_neither_side_is_small():
    assert figures.share_cell(20, 24) is None  # 4 on the other side
    assert figures.share_cell(3, 24) is None
    assert figures.share_cell(24, 24) == 100
    assert figures.share_cell(18, 24) == 75
    assert figures.share_cell(0, 0) is None
    assert figures.share_of_cells([Cell(6)], [Cell(6), Cell(None, True)]) is None
    assert figures.share_of_cells([Cell(6)], [Cell(6), Cell(18)]) == 25


# A finished round, built person by person ------------------------------------------------------

# (country, sector) of 24 participants, in pairs.
PEOPLE = (
    [("NZ", "public")] * 10
    + [("GH", "academic")] * 7
    + [("KE", "school")] * 4
    + [("BR", "public")] * 2
    + [("FI", "national")]
)


def finished_round(make_round, make_application, people=PEOPLE, name="Round 2", slug="round-2"):
    """A finished round whose participants are `people`, paired in order; returns (round,
    memberships in order)."""
    now = timezone.now()
    round_ = make_round(
        Round.State.FINISHED,
        slug=slug,
        name=name,
        opens=now - datetime.timedelta(days=300),
        closes=now - datetime.timedelta(days=270),
        start=(now - datetime.timedelta(days=250)).date(),
    )
    memberships = []
    for n, (country, sector) in enumerate(people):
        if n % 2 == 0:
            partnership = Partnership.objects.create(round=round_, score=60)
        profile = MemberProfileFactory(country=country, sector=sector)
        application = make_application(round_, profile, country=country, sector=sector)
        memberships.append(
            PartnershipMember.objects.create(
                partnership=partnership, application=application, member=profile, country=country
            )
        )
    return round_, memberships


def answer_check_ins(memberships, moment, answers):
    """`answers`: in contact (True/False) of the first len(answers) memberships."""
    for membership, in_contact in zip(memberships, answers, strict=False):
        CheckIn.objects.create(
            membership=membership,
            moment=moment,
            in_contact=in_contact,
            frequency=CheckIn.Frequency.WEEKLY if in_contact else CheckIn.Frequency.NOT_YET,
        )


def give_feedback(memberships, ratings, again):
    for n, (membership, rating) in enumerate(zip(memberships, ratings, strict=False)):
        Feedback.objects.create(
            membership=membership, rating=rating, would_take_part_again=n < again
        )


@pytest.fixture
def round_2(make_round, make_application):
    round_, memberships = finished_round(make_round, make_application)
    # Two applicants left unmatched, one withdrew, one was deferred.
    for status in ["submitted", "submitted", "withdrawn", "deferred"]:
        make_application(round_, status=status, country="CA", sector="public")
    for membership in memberships:
        SentEmail.objects.create(membership=membership, kind=SentEmail.Kind.CHECK_IN_TWO_WEEKS)
        SentEmail.objects.create(membership=membership, kind=SentEmail.Kind.FEEDBACK_REQUEST)
    for membership in memberships[:22]:
        SentEmail.objects.create(membership=membership, kind=SentEmail.Kind.CHECK_IN_MID_ROUND)
    # Two weeks: 20 answers, 14 in contact; mid-round: 9 answers, all in contact.
    answer_check_ins(memberships, CheckIn.Moment.TWO_WEEKS, [True] * 14 + [False] * 6)
    answer_check_ins(memberships, CheckIn.Moment.MID_ROUND, [True] * 9)
    # 18 answers: 8 x 5, 6 x 4, 3 x 3, 1 x 2; 15 would take part again.
    give_feedback(memberships, [5] * 8 + [4] * 6 + [3] * 3 + [2], again=15)
    RematchRequest.objects.create(
        membership=memberships[23], source=RematchRequest.Source.CHECK_IN, note="Silence."
    )
    RematchRequest.objects.create(
        membership=memberships[21],
        source=RematchRequest.Source.PARTNERSHIP_PAGE,
        resolved_at=timezone.now(),
    )
    round_.memberships = memberships
    return round_


# The dashboard's figures -----------------------------------------------------------------------


def test_the_dashboard_figures_equal_the_data(round_2, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        dashboard = figures.round_dashboard(round_2)

    applications = dashboard.applications
    assert (
        applications["active"]
        == Application.objects.filter(round=round_2, status="submitted").count()
        == 26
    )
    assert applications["total"] == 28
    assert applications["status"] == {"submitted": 26, "withdrawn": 1, "deferred": 1}
    assert applications["country"]["NZ"] == 10 and applications["country"]["GH"] == 7
    assert sum(applications["country"].values()) == 26
    assert applications["sector"]["public"] == 12 + 2  # 12 participants, 2 unmatched (factory)
    assert dashboard.country_cap == 10  # 20 % of 26 is 5, under the minimum of 10
    matching = dashboard.matching
    assert matching["source"] == "partnerships"
    assert (matching["matched"], matching["unmatched"]) == (24, 2)
    assert matching["partnerships"] == matching["pairs"] == 12
    assert matching["participants"] == 24
    assert round(matching["matched_share"]) == 92

    two_weeks, mid = dashboard.check_ins
    assert (two_weeks["asked"], two_weeks["answered"], two_weeks["in_contact"]) == (24, 20, 14)
    assert two_weeks["response_rate"] == pytest.approx(100 * 20 / 24)
    assert two_weeks["in_contact_share"] == pytest.approx(70)
    assert dict((v, n) for v, _label, n in two_weeks["frequency"])["not-yet"] == 6
    assert (mid["asked"], mid["answered"], mid["in_contact_share"]) == (22, 9, 100)

    assert dashboard.rematch == {"open": 1, "resolved": 1, "rematched": 0}
    feedback = dashboard.feedback
    assert feedback["responses"] == Feedback.objects.count() == 18
    assert feedback["ratings"] == [(5, 8), (4, 6), (3, 3), (2, 1), (1, 0)]
    assert feedback["mean"] == pytest.approx((40 + 24 + 9 + 2) / 18)
    assert feedback["again"] == 15 and feedback["again_share"] == pytest.approx(100 * 15 / 18)
    assert feedback["response_rate"] == pytest.approx(75)
    assert dashboard.sections[0] == "feedback"  # a finished round: what members made of it


def test_a_round_being_matched_counts_its_proposal(make_round, make_application):
    from programme import matchmaking

    round_ = make_round(Round.State.CLOSED)
    for country in ["NZ", "GH", "KE", "BR", "FI"]:
        make_application(round_, country=country, time_zone="UTC")
    matchmaking.run_and_store(round_)
    round_.refresh_from_db()
    matching = figures.round_dashboard(round_).matching
    assert matching["source"] == "proposal"
    assert (matching["matched"], matching["unmatched"]) == (5, 0)
    assert (matching["pairs"], matching["trios"]) == (1, 1)
    assert figures.round_dashboard(round_).sections[0] == "matching"


def test_an_open_round_has_no_matching_yet(open_round, make_application):
    make_application(open_round, country="NZ")
    dashboard = figures.round_dashboard(open_round)
    assert dashboard.matching["matched"] is None
    assert dashboard.sections[0] == "applications"
    assert dashboard.check_ins[0]["response_rate"] is None


def test_a_rematched_member_is_one_participant(make_round, make_application):
    round_, memberships = finished_round(
        make_round, make_application, people=[("NZ", "public"), ("GH", "school")] * 3
    )
    # The first member was rematched: their old membership lost its application.
    old = memberships[0]
    new_partnership = Partnership.objects.create(round=round_)
    application = old.application
    PartnershipMember.objects.filter(pk=old.pk).update(application=None)
    PartnershipMember.objects.create(
        partnership=new_partnership, application=application, member=old.member, country="NZ"
    )
    people = figures.participants([round_])[round_.pk]
    assert len(people) == 6
    assert people[old.member_id] == ("NZ", "public")


# The open figures ------------------------------------------------------------------------------


def partitions(data):
    """Every partition of a round's participants in the JSON data: [(name, [values])]."""
    found = [
        ("country", [row["participants"] for row in data["participants_by_country"]]),
        ("sector", [row["participants"] for row in data["participants_by_sector"]]),
        ("ratings", [*data["feedback"]["ratings"].values(), data["feedback"]["no_feedback"]]),
    ]
    for moment in data["check_ins"]:
        found.append(
            (
                moment["moment"],
                [moment["in-contact"], moment["not-in-contact"], moment["no-answer"]],
            )
        )
    return found


def test_open_figures_suppress_small_cells_and_what_would_reveal_them(round_2, client):
    response = client.get(FIGURES + "?format=json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["suppression"]["threshold"] == 5
    (found,) = data["rounds"]
    assert found["slug"] == "round-2" and found["participants"] == 24
    assert found["countries"] == 5
    assert found["participants_by_country"] == [
        {"country": "NZ", "name": "New Zealand", "participants": 10},
        {"country": "GH", "name": "Ghana", "participants": 7},
        {"country": "grouped", "name": "Other countries (3)", "countries": 3, "participants": 7},
    ]
    assert [(row["sector"], row["participants"]) for row in found["participants_by_sector"]] == [
        ("public", 12),
        ("academic", 7),
        ("grouped", 5),  # school 4, national 1
    ]
    # 2 applicants unmatched: the applicants (26, against 24 participants) and the matched
    # share would give them away.
    assert found["applicants"] is None and found["matched_share"] is None
    two_weeks, mid = found["check_ins"]
    # 14 in contact, 6 not, 4 no answer: the 4 and, to protect them, the 6 are hidden.
    assert (two_weeks["in-contact"], two_weeks["not-in-contact"], two_weeks["no-answer"]) == (
        14,
        None,
        None,
    )
    assert two_weeks["answered_share"] is None and two_weeks["in_contact_share"] is None
    assert (mid["in-contact"], mid["not-in-contact"], mid["no-answer"]) == (9, 0, 15)
    assert (mid["answered_share"], mid["in_contact_share"]) == (38, 100)
    # Ratings 8, 6, 3, 1, 0 and 6 without feedback: the 3 and the 1 protect each other.
    assert found["feedback"]["ratings"] == {"5": 8, "4": 6, "3": None, "2": None, "1": 0}
    assert found["feedback"]["no_feedback"] == 6
    assert found["feedback"]["feedback_share"] is None
    assert found["feedback"]["would_take_part_again_share"] is None  # 3 would not

    # No partition leaves a single hidden cell to be worked out from the total.
    for name, values in partitions(found):
        assert sum(1 for value in values if value is None) != 1, name
        assert not any(value is not None and 0 < value < 5 for value in values), name
        if None not in values:
            assert sum(values) == found["participants"], name


def test_the_csv_download_has_the_same_figures(round_2, client):
    response = client.get("/programme/figures.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "round", "round_name", "partnerships_start", "partnerships_end", "figure", "category",
        "label", "unit", "value",
    ]  # fmt: skip
    values = {(row[4], row[5]): row[8] for row in rows[1:]}
    assert all(row[0] == "round-2" for row in rows[1:])
    assert values[("participants", "")] == "24"
    assert values[("participants_by_country", "grouped")] == "7"
    assert ("participants_by_country", "KE") not in values
    assert values[("check_in_two-weeks", "no-answer")] == "<5"
    assert values[("check_in_two-weeks", "not-in-contact")] == "suppressed"
    assert values[("feedback_rating", "3")] == "<5"
    assert values[("applicants", "")] == "suppressed"
    assert values[("would_take_part_again_share", "")] == "suppressed"
    assert values[("check_in_mid-round_answered_share", "")] == "38"
    # No plain count under 5 anywhere but zeros.
    for row in rows[1:]:
        if row[7] == "people" and row[8].isdigit():
            assert int(row[8]) == 0 or int(row[8]) >= 5, row
    assert client.get(FIGURES + "?format=csv").content == response.content


def test_the_json_download_has_its_own_url(round_2, client):
    assert (
        json.loads(client.get("/programme/figures.json").content)["rounds"][0]["participants"] == 24
    )
    assert client.get(FIGURES + "?format=xml").status_code == 404


def test_the_figures_page_shows_tables_and_charts(round_2, client, english):
    response = client.get(FIGURES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The programme in figures" in html and "Round 2" in html
    assert "Other countries (3)" in html and "Kenya" not in html and "Finland" not in html
    assert html.count('<svg class="chart"') == 4
    assert 'role="img"' in html and "<title id=" in html
    assert "&lt;5</abbr>" in html and "suppressed</abbr>" in html
    assert "style=" not in html.split('<main id="main"')[1]
    assert 'href="/programme/figures.csv"' in html and 'href="/programme/figures.json"' in html


def test_rounds_that_have_not_finished_are_not_shown(round_2, make_round, make_application, client):
    running, _memberships = finished_round(
        make_round, make_application, slug="running", name="Running"
    )
    Round.objects.filter(pk=running.pk).update(state=Round.State.RUNNING)
    data = json.loads(client.get(FIGURES + "?format=json").content)
    assert [found["slug"] for found in data["rounds"]] == ["round-2"]


def test_a_round_of_fewer_than_five_people_shows_nothing_else(make_round, make_application, client):
    finished_round(make_round, make_application, people=[("NZ", "public"), ("GH", "public")] * 2)
    (found,) = json.loads(client.get(FIGURES + "?format=json").content)["rounds"]
    assert found["participants"] is None
    assert set(found) == {"slug", "name", "partnerships_start", "partnerships_end", "participants"}
    assert "Fewer than 5 people took part" in client.get(FIGURES).content.decode()


def test_no_finished_round_is_an_empty_page(client, english):
    response = client.get(FIGURES)
    assert response.status_code == 200
    assert "No round has finished yet" in response.content.decode()
    assert json.loads(client.get("/programme/figures.json").content)["rounds"] == []
    assert client.get("/programme/figures.csv").content.decode().count("\n") == 1


def test_the_figures_page_takes_the_same_queries_for_more_rounds(
    make_round, make_application, client, django_assert_max_num_queries
):
    finished_round(make_round, make_application, people=PEOPLE[:10])
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(FIGURES)
    for n in range(3):
        finished_round(make_round, make_application, people=PEOPLE[:10], slug=f"r{n}", name=f"R{n}")
    cache.clear()
    with django_assert_max_num_queries(len(one)):
        response = client.get(FIGURES)
    assert response.content.decode().count('class="open-figures__round"') == 4


def test_the_figures_page_speaks_the_visitors_language(round_2, client):
    response = client.get("/fr/programme/figures/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    data = json.loads(client.get("/fr/programme/figures.json").content)
    assert data["rounds"][0]["participants_by_country"][0]["name"] == "Nouvelle-Zélande"


# Home figures ----------------------------------------------------------------------------------


def test_home_figures_come_from_programme_data(
    round_2, make_round, make_application, client, site_tree
):
    from home.stats import compute_site_figures

    # A running round: its participants count; the same member in two rounds counts once.
    running, memberships = finished_round(
        make_round,
        make_application,
        people=[("PE", "public"), ("JO", "school")] * 2,
        slug="running",
    )
    Round.objects.filter(pk=running.pk).update(state=Round.State.RUNNING)
    PartnershipMember.objects.filter(pk=memberships[0].pk).update(
        member=round_2.memberships[0].member
    )
    # Open rounds' applicants do not count.
    draft = make_round(Round.State.OPEN)
    make_application(draft, country="MX")

    computed = compute_site_figures()
    assert computed["participants"] == 24 + 4 - 1
    assert computed["take_part_again"] is None  # 3 of 18 would not: a small group
    assert computed["countries"] == len({"NZ", "GH", "KE", "BR", "FI", "PE", "JO"})

    give_feedback(memberships, [5, 5, 4, 4], again=4)  # 19 of 22 would; 3 would not
    assert compute_site_figures()["take_part_again"] is None
    Feedback.objects.filter(would_take_part_again=False).update(would_take_part_again=True)
    assert compute_site_figures()["take_part_again"] == 100

    html = client.get("/").content.decode()
    assert "librarians partnered" in html and "<dd>27</dd>" in html
    assert "would take part again" in html and "<dd>100%</dd>" in html


def test_home_figures_hide_fewer_than_five_participants(
    make_round, make_application, site_tree, client
):
    from home.stats import compute_site_figures

    finished_round(make_round, make_application, people=[("NZ", "public"), ("GH", "public")] * 2)
    assert compute_site_figures()["participants"] is None
    assert "librarians partnered" not in client.get("/").content.decode()

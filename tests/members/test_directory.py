"""The members directory: access, filters, bad filter values, pagination, query bounds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.directory import PAGE_SIZE
from members.factories import MemberProfileFactory, create_members_in_bulk
from members.models import MemberProfile

pytestmark = pytest.mark.django_db

# The directory itself needs 5 queries (interest choices, count, profiles, interests,
# renditions); the rest is the session, user and the site layout (site, menu, settings, user
# bar). What matters most: the number does not grow with the number of members.
DIRECTORY_QUERY_BOUND = 20


def names(response):
    return [profile.display_name for profile in response.context["profiles"]]


@pytest.fixture
def librarians(member):
    return [
        member,  # Aroha Tane, NZ, Te Puna
        MemberProfileFactory(
            display_name="Kwame Asante",
            country="GH",
            sector="public",
            career_stage="early",
            institution="Accra Community Library",
            interests=["outreach"],
        ),
        MemberProfileFactory(
            display_name="Marie Dubois",
            country="FR",
            sector="academic",
            career_stage="senior",
            institution="BU Lyon",
            interests=["cataloguing", "outreach"],
        ),
        MemberProfileFactory(
            display_name="Priya Nair",
            country="IN",
            sector="academic",
            career_stage="student",
            institution="Kerala University",
            interests=["cataloguing"],
        ),
    ]


def test_directory_lists_complete_profiles_linking_to_them(member_client, librarians):
    MemberProfileFactory(display_name="", country="")  # not completed: not listed
    response = member_client.get("/members/")
    assert response.status_code == 200
    assert names(response) == ["Aroha Tane", "Kwame Asante", "Marie Dubois", "Priya Nair"]
    body = response.content.decode()
    for profile in librarians:
        assert f'href="{profile.get_absolute_url()}"' in body
        assert profile.user.email not in body


@pytest.mark.parametrize(
    "query,expected",
    [
        ("country=FR", ["Marie Dubois"]),
        ("sector=academic", ["Marie Dubois", "Priya Nair"]),
        ("career_stage=early", ["Kwame Asante"]),
        ("interest=outreach", ["Kwame Asante", "Marie Dubois"]),
        ("interest=cataloguing&sector=academic&career_stage=senior", ["Marie Dubois"]),
        ("q=nair", ["Priya Nair"]),
        ("q=accra", ["Kwame Asante"]),  # institution
        ("q=nobody", []),
    ],
)
def test_filters(member_client, librarians, query, expected):
    response = member_client.get(f"/members/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "sector=bookshop",
        "career_stage=%00",
        "interest=no-such-tag",
        "q=" + "x" * 500,
        "page=abc",
        "page=-3",
        "country[]=FR",
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(member_client, librarians, query):
    response = member_client.get(f"/members/?{query}")
    assert response.status_code == 200
    assert len(names(response)) == 4  # the filter was ignored, everyone is listed
    if not query.startswith(("page", "country[]")):
        assert "Some filters were not recognised" in response.content.decode()


def test_html_in_the_query_is_escaped(member_client, librarians):
    response = member_client.get("/members/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_pagination_24_a_page(member_client, member):
    MemberProfileFactory.create_batch(30)
    first = member_client.get("/members/")
    second = member_client.get("/members/?page=2")
    assert len(names(first)) == PAGE_SIZE == 24
    assert len(names(second)) == 31 - 24
    assert not set(names(first)) & set(names(second))


@pytest.mark.slow
def test_directory_queries_are_bounded_at_50_and_5000_members(
    member_client, member, django_assert_max_num_queries
):
    # Members on the first page have photos (files on the profile row: no query each).
    for n in range(3):
        MemberProfileFactory(
            display_name=f"Aaron {n}", interests=["community outreach"], with_photo=True
        )
    create_members_in_bulk(46)
    member_client.get("/members/")  # first request creates per-site settings rows
    query_counts = []
    for total in (50, 5000):
        create_members_in_bulk(total - MemberProfile.objects.listed().count(), start=10_000 + total)
        assert MemberProfile.objects.listed().count() == total
        with CaptureQueriesContext(connection) as captured:
            with django_assert_max_num_queries(DIRECTORY_QUERY_BOUND):
                response = member_client.get("/members/?interest=community-outreach")
        assert response.status_code == 200
        assert len(names(response)) == 24
        query_counts.append(len(captured))
        assert response.content.decode().count('class="member-card__photo" src="/members/') == 3
    assert query_counts[0] == query_counts[1]

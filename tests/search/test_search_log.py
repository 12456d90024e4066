"""The record of searches (search.searchlog) and the report of unsuccessful ones: searches
that found nothing or whose results nobody opened, most frequent first, with links to add a
synonym or a promoted result; nothing personal is ever stored."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from members.factories import MemberProfileFactory
from search import searchlog
from search.models import SearchEvent, SynonymSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def flood(make_discussion):
    return make_discussion("Flood recovery", posts=["After the flood we dried books."])


def stored_queries():
    return set(SearchEvent.objects.values_list("query", flat=True)) | set(
        Query.objects.values_list("query_string", flat=True)
    )


def test_a_search_is_recorded_once_without_personal_data(client, flood):
    response = client.get("/search/", {"q": "Flood"})

    event = SearchEvent.objects.get()
    assert (event.query, event.language, event.results, event.opened) == ("flood", "en", 1, False)
    assert event.date == timezone.localdate()
    assert {field.name for field in SearchEvent._meta.fields} == {
        "id",
        "query",
        "language",
        "date",
        "results",
        "opened",
    }
    assert not response.cookies
    # Its pages, filters and sort carry its id instead of recording it again.
    assert response.context["search_event"] == event.pk
    body = response.content.decode()
    assert f"s={event.pk}" in body
    client.get("/search/", {"q": "flood", "sort": "date", "s": str(event.pk)})
    client.get("/search/", {"q": "flood", "page": "2"})  # not a first page
    client.get("/search/", {"q": "flood", "type": "discussion"})  # filtered
    assert SearchEvent.objects.count() == 1


def test_opening_a_result_marks_the_search_not_abandoned(client, flood):
    client.get("/search/", {"q": "flood"})
    event = SearchEvent.objects.get()

    response = client.get(reverse("search:open", args=[flood.pk]), {"s": str(event.pk)})

    assert response.status_code == 302
    assert response["Location"] == flood.url
    event.refresh_from_db()
    assert event.opened
    assert not response.cookies


@pytest.mark.parametrize(
    "params",
    [{}, {"s": "not-a-uuid"}, {"s": "00000000-0000-0000-0000-000000000000"}, {"s": "\x00"}],
)
def test_the_result_link_always_leads_to_the_page(client, flood, params):
    response = client.get(reverse("search:open", args=[flood.pk]), params)

    assert response.status_code == 302
    assert response["Location"] == flood.url


def test_the_result_link_only_leads_to_live_public_pages(client, flood, site_tree):
    flood.unpublish()
    assert client.get(reverse("search:open", args=[flood.pk])).status_code == 404
    assert client.get(reverse("search:open", args=[999999])).status_code == 404
    assert client.get("/search/open/abc/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "aroha.tane@example.org",
        "write to aroha at example dot org",
        "@arohatane",
        "Aroha Tane",
        "aroha tane",
        "tane",
        "TANE AROHA",
        "stories by Aroha Tane",
        "Kwame Asante",
        "+64 21 555 0199",
        "021-555-0199",
    ],
)
def test_personal_looking_queries_are_never_stored(client, flood, member, other_member, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert stored_queries() == set()
    assert searchlog.looks_personal(query)


@pytest.mark.parametrize(
    "query", ["flood", "floods 2015 2016", "reading tables", "library cards", "aroha library"]
)
def test_ordinary_queries_are_stored(client, flood, member, query):
    client.get("/search/", {"q": query})

    assert not searchlog.looks_personal(query)
    assert SearchEvent.objects.filter(query=query).count() == 1
    assert query in stored_queries()


def test_a_renamed_member_is_recognised_at_once(client, flood, member):
    member.display_name = "Mereana Wiremu"
    member.save()

    client.get("/search/", {"q": "mereana wiremu"})

    assert stored_queries() == set()


# The report --------------------------------------------------------------------------------


def event(query, results, opened=False, days_ago=0, language="en"):
    SearchEvent.objects.create(
        query=query,
        language=language,
        results=results,
        opened=opened,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def events(db):
    for _ in range(3):
        event("deselection", 0)
    for _ in range(2):
        event("fab lab", 4)  # abandoned
    event("fab lab", 4, opened=True)
    event("flood", 1, opened=True)  # successful: not listed
    event("hurricane", 0, days_ago=40)
    Query.get("fab lab")


def test_the_report_lists_unsuccessful_searches_most_frequent_first(editor, client, events):
    client.force_login(editor)

    response = client.get(reverse("search_unsuccessful"))

    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert [
        (row["query"], row["unsuccessful"], row["no_results"], row["abandoned"], row["searches"])
        for row in rows
    ] == [
        ("deselection", 3, 3, 0, 3),
        ("fab lab", 2, 0, 2, 3),
        ("hurricane", 1, 1, 0, 1),
    ]
    body = response.content.decode()
    add_synonym = reverse(SynonymSet.snippet_viewset.get_url_name("add"))
    assert f"{add_synonym}?terms=deselection" in body
    assert reverse("wagtailsearchpromotions:add") in body  # no Query for "deselection" yet
    fab_lab = Query.objects.get(query_string="fab lab")
    assert reverse("wagtailsearchpromotions:edit", args=[fab_lab.pk]) in body


def test_the_report_filters_by_date_and_exports(editor, client, events):
    client.force_login(editor)
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    response = client.get(reverse("search_unsuccessful"), {"date_from": since})
    assert [row["query"] for row in response.context["object_list"]] == ["deselection", "fab lab"]

    csv = client.get(reverse("search_unsuccessful"), {"export": "csv"})
    assert csv.status_code == 200
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0] == "Search,Searches,Found nothing,No result opened"
    assert lines[1] == "deselection,3,3,0"


def test_the_report_is_for_those_who_can_act_on_it(client, member, events):
    url = reverse("search_unsuccessful")
    assert client.get(url).status_code == 302  # anonymous: to the login
    client.force_login(member.user)
    assert client.get(url).status_code in (302, 403)


def test_old_events_are_pruned(client, flood):
    event("old", 0, days_ago=searchlog.KEEP_DAYS + 1)
    event("recent", 0, days_ago=1)

    client.get("/search/", {"q": "flood"})

    assert set(SearchEvent.objects.values_list("query", flat=True)) == {"recent", "flood"}


def test_member_factory_names_are_checked(client, flood):
    MemberProfileFactory(display_name="Ngozi")

    client.get("/search/", {"q": "ngozi"})

    assert stored_queries() == set()

"""Every listing reads its query string through a ListingFilterForm: valid values filter the
listing, anything else is dropped (the listing shows everything for that filter)."""

import datetime

import pytest
from django.http import QueryDict

from core.filters import ListingFilterForm, clean_tag, clean_year
from stories.models import StoryFilterForm
from tests.factories_content import make_discussion, make_story, make_topic
from topics.models import DiscussionFilterForm


def form(cls, query):
    return cls(QueryDict(query))


@pytest.mark.parametrize(
    "query, filters, ignored",
    [
        ("", {}, []),
        ("tag=makerspaces&year=2014", {"tag": "makerspaces", "year": 2014}, []),
        ("tag=lecture-publique&year=", {"tag": "lecture-publique"}, []),
        ("tag=caf%C3%A9", {"tag": "café"}, []),  # taggit keeps Unicode letters in slugs
        ("tag=a+b&year=2014", {"year": 2014}, ["tag"]),
        ("tag=%3Cscript%3E&year=abc", {}, ["tag", "year"]),
        ("tag=a%00b", {}, ["tag"]),
        ("tag=" + "x" * 101, {}, ["tag"]),
        ("year=1989", {}, ["year"]),
        ("year=2015.0", {}, ["year"]),
        ("year=%2B2015", {}, ["year"]),
        ("year=%D9%A2%D9%A0%D9%A1%D9%A5", {}, ["year"]),  # Arabic-Indic digits
        ("year=99999", {}, ["year"]),
        ("page=2&unknown=1", {}, []),
    ],
)
def test_listing_form_keeps_valid_values_and_drops_the_rest(query, filters, ignored):
    listing = form(ListingFilterForm, query)
    assert listing.filters == filters
    assert listing.ignored == ignored


def test_next_year_is_a_year_but_the_one_after_is_not():
    next_year = datetime.date.today().year + 1
    assert form(ListingFilterForm, f"year={next_year}").filters == {"year": next_year}
    assert form(ListingFilterForm, f"year={next_year + 1}").filters == {}


def test_discussion_form_adds_the_kind():
    assert form(DiscussionFilterForm, "kind=chat&tag=floods").filters == {
        "kind": "chat",
        "tag": "floods",
    }
    assert form(DiscussionFilterForm, "kind=party").ignored == ["kind"]


def test_story_form_has_no_year():
    assert form(StoryFilterForm, "tag=reading&year=2014").filters == {"tag": "reading"}


def test_clean_functions_give_the_form_fields_checks():
    assert clean_tag("makerspaces") == "makerspaces"
    assert clean_tag("") is None
    assert clean_tag(None) is None
    assert clean_tag("<b>") is None
    assert clean_year("2015") == 2015
    assert clean_year("٢٠١٥") is None
    assert clean_year(None) is None


@pytest.mark.django_db
def test_listings_filter_by_their_valid_values(client, site_tree):
    make_topic(site_tree.topics, 0, tags=("makerspaces",))
    make_topic(site_tree.topics, 30, tags=("advocacy",))  # released in 2015
    make_discussion(site_tree.discussions, 0)
    make_story(site_tree.stories, 0)

    def listing(url, **query):
        response = client.get(url, query)
        assert response.status_code == 200
        return response.context

    topics = listing(site_tree.topics.url, tag="makerspaces")
    assert [t.title for t in topics["topics"]] == ["Makerspaces on a shoestring 0"]
    assert topics["filters"] == {"tag": "makerspaces"}
    topics = listing(site_tree.topics.url, year="2015", tag="<b>")
    assert [t.title for t in topics["topics"]] == ["Makerspaces on a shoestring 30"]
    assert topics["filters"] == {"year": 2015}

    archive = listing(site_tree.discussions.url, kind="chat")
    assert list(archive["discussions"]) == []
    archive = listing(site_tree.discussions.url, kind="party", tag="disaster-response")
    assert len(archive["discussions"]) == 1
    assert archive["filters"] == {"tag": "disaster-response"}

    stories = listing(site_tree.stories.url, tag="no-such-tag")
    assert list(stories["stories"]) == []
    assert len(listing(site_tree.stories.url, tag="reading-promotion")["stories"]) == 1

"""Search documents follow their pages, and cached searches end with any content change."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.factories import CountryProfilePageFactory
from search.models import SearchDocument
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory

from .conftest import result_titles


def document(page):
    return SearchDocument.objects.get(page_id=page.pk)


@pytest.mark.django_db
def test_a_published_discussion_has_its_facet_values(make_discussion, make_topic):
    topic = make_topic("Disaster planning", date=datetime.date(2015, 3, 1))
    page = make_discussion(
        "Flood notes",
        posts=[{"text": "Water.", "country": "KE"}, {"text": "Mud.", "country": "NZ"}],
        tags=["floods", "Disaster recovery"],
        date=datetime.date(2016, 5, 1),
        topic=topic,
    )

    found = document(page)

    assert found.live is True
    assert (found.date, found.year, found.topic_id) == (datetime.date(2016, 5, 1), 2016, topic.pk)
    assert found.tags == ["disaster-recovery", "floods"]
    assert found.countries == ["KE", "NZ"]
    assert found.locale_id == page.locale_id
    assert found.translation_key == page.translation_key


@pytest.mark.django_db
def test_stories_and_country_profiles_have_their_countries(site_tree):
    story = PartnerStoryPageFactory(parent=site_tree.stories, title="Two rooms", year=2014)
    StoryPartnerFactory(page=story, country="BR")
    StoryPartnerFactory(page=story, country="PH")
    story.save_revision().publish()
    profile = CountryProfilePageFactory(parent=site_tree.countries, country="CO")

    assert (document(story).year, document(story).countries) == (2014, ["BR", "PH"])
    assert document(profile).countries == ["CO"]
    assert document(profile).year is None


@pytest.mark.django_db
def test_documents_follow_edit_unpublish_and_delete(make_discussion):
    page = make_discussion("Seed library", tags=["seeds"])

    page.tags.set(["gardens"])
    page.save_revision().publish()
    assert document(page).tags == ["gardens"]

    page.unpublish()
    assert document(page).live is False

    page.delete()
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_update_index_rebuilds_the_documents(make_discussion, make_topic):
    pages = [make_discussion("Flood notes"), make_topic("Mentoring")]
    SearchDocument.objects.all().delete()

    call_command("update_index", verbosity=0)

    assert set(SearchDocument.objects.values_list("page_id", flat=True)) >= {p.pk for p in pages}


@pytest.mark.django_db
def test_the_text_vector_is_kept_on_postgresql_only(make_discussion):
    page = make_discussion("Flood notes", posts=["The water rose."])

    vector = document(page).vector

    if connection.vendor == "postgresql":
        assert "flood" in vector and "water" in vector
    else:
        assert vector is None


def searches_run(client, params):
    """The SQL statements of one search that read the documents or the search index."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", params)
    statements = [
        q["sql"]
        for q in captured
        if "search_searchdocument" in q["sql"] or "indexentry" in q["sql"].lower()
    ]
    return response, statements


@pytest.mark.django_db
def test_a_repeated_search_is_answered_from_the_cache(client, make_discussion):
    make_discussion("Flood notes", posts=[{"text": "Water.", "country": "KE"}])

    first, first_statements = searches_run(client, {"q": "flood"})
    again, again_statements = searches_run(client, {"q": "flood"})

    assert first_statements and not again_statements
    assert again.context["outcome"].total == first.context["outcome"].total == 1
    assert [f.value for f in again.context["outcome"].facets.countries] == ["KE"]


@pytest.mark.django_db
def test_a_content_change_ends_cached_searches(client, make_discussion):
    make_discussion("Flood notes")
    assert result_titles(client.get("/search/", {"q": "flood"})) == ["Flood notes"]

    make_discussion("Flood recovery")

    assert sorted(result_titles(client.get("/search/", {"q": "flood"}))) == [
        "Flood notes",
        "Flood recovery",
    ]


@pytest.mark.django_db
def test_cached_searches_differ_by_filter_sort_and_page(client, make_discussion, make_topic):
    make_discussion("Flood notes")
    make_topic("Flood planning")

    everything = client.get("/search/", {"q": "flood"}).context["outcome"]
    topics_only = client.get("/search/", {"q": "flood", "type": "topic"}).context["outcome"]
    by_date = client.get("/search/", {"q": "flood", "sort": "date"}).context["outcome"]

    assert (everything.total, topics_only.total, by_date.total) == (2, 1, 2)
    assert [hit.page.title for hit in topics_only.hits] == ["Flood planning"]


@pytest.mark.django_db
def test_the_cache_can_be_turned_off(client, settings, make_discussion):
    settings.SEARCH_CACHE_SECONDS = 0
    make_discussion("Flood notes")

    searches_run(client, {"q": "flood"})
    _again, again_statements = searches_run(client, {"q": "flood"})

    assert again_statements


@pytest.mark.django_db
def test_migrate_fills_an_empty_documents_table(make_discussion, make_topic):
    pages = [make_discussion("Flood notes", tags=["floods"]), make_topic("Mentoring")]
    SearchDocument.objects.all().delete()
    output = io.StringIO()

    call_command("migrate", verbosity=0, stdout=output)

    assert {p.pk for p in pages} <= set(SearchDocument.objects.values_list("page_id", flat=True))
    assert document(pages[0]).tags == ["floods"]
    assert "search documents: " in output.getvalue()
    if connection.vendor == "postgresql":
        assert document(pages[0]).vector is not None

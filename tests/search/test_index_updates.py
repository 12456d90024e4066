"""The search index follows publish, unpublish, edits and delete."""

import pytest

from topics.factories import DiscussionPageFactory

from .conftest import result_titles


@pytest.mark.django_db
def test_index_follows_the_page_lifecycle(client, site_tree):
    page = DiscussionPageFactory(parent=site_tree.discussions, title="Seed library", live=False)
    page.save_revision()
    assert result_titles(client.get("/search/", {"q": "seed"})) == []

    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert result_titles(client.get("/search/", {"q": "seed"})) == ["Seed library"]

    page.title = "Tool library"
    page.save_revision().publish()
    assert result_titles(client.get("/search/", {"q": "seed"})) == []
    assert result_titles(client.get("/search/", {"q": "tool"})) == ["Tool library"]

    page.unpublish()
    assert result_titles(client.get("/search/", {"q": "tool"})) == []
    assert client.get("/search/autocomplete/", {"q": "tool"}).json()["results"] == []

    page.save_revision().publish()
    assert result_titles(client.get("/search/", {"q": "tool"})) == ["Tool library"]

    page.delete()
    assert result_titles(client.get("/search/", {"q": "tool"})) == []


@pytest.mark.django_db
def test_deleting_a_page_removes_its_index_entry(site_tree):
    from wagtail.search.models import IndexEntry

    page = DiscussionPageFactory(parent=site_tree.discussions, title="Temporary")
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()

    page.delete()

    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.django_db
def test_private_pages_are_not_found(client, site_tree):
    from wagtail.models import PageViewRestriction

    page = DiscussionPageFactory(parent=site_tree.discussions, title="Members only notes")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert result_titles(client.get("/search/", {"q": "notes"})) == []

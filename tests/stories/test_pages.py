"""Partner story pages and their index: partners linked to the profiles and country pages
a visitor may see, the empty index, the RSS feed, and the partner panel in the editor."""

import xml.etree.ElementTree as ET

import pytest

from members.choices import Visibility
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory
from tests.factories_content import make_country, make_story

pytestmark = pytest.mark.django_db


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_story_page_links_countries_to_their_profiles(client, site_tree):
    ghana = make_country(site_tree.countries, "GH")
    story = make_story(site_tree.stories)
    html = get_ok(client, story.url)
    assert "Aroha T." in html and "Kwame A." in html
    assert f'href="{ghana.url}"' in html
    assert "New Zealand" in html  # no profile: named, not linked


@pytest.fixture
def linked_story(site_tree, member, other_member):
    other_member.visibility = Visibility.PUBLIC
    other_member.save()
    story = PartnerStoryPageFactory(parent=site_tree.stories, title="Linked story")
    StoryPartnerFactory(page=story, name="Aroha Tane", country="NZ", member=member, sort_order=0)
    StoryPartnerFactory(
        page=story, name="Kwame Asante", country="GH", member=other_member, sort_order=1
    )
    StoryPartnerFactory(page=story, name="No Account", country="FR", sort_order=2)
    return story


def test_story_links_partners_to_profiles_members_may_see(
    client, linked_story, member, other_member
):
    anonymous = client.get(linked_story.url).content.decode()
    # Anonymous visitors: only the public profile is linked.
    assert f'href="{other_member.get_absolute_url()}"' in anonymous
    assert f'href="{member.get_absolute_url()}"' not in anonymous
    client.force_login(other_member.user)
    logged_in = client.get(linked_story.url).content.decode()
    assert f'href="{member.get_absolute_url()}"' in logged_in
    assert f'href="{other_member.get_absolute_url()}"' in logged_in
    assert "No Account" in logged_in


def test_empty_story_index_says_so(client, site_tree):
    assert "No partner stories have been published yet." in get_ok(client, site_tree.stories.url)


def test_rss_feed_lists_published_stories(client, site_tree):
    story = make_story(site_tree.stories)
    draft = make_story(site_tree.stories, 1)
    draft.unpublish()
    response = client.get("/stories/feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert [node.text for node in channel.findall("item/title")] == [story.title]


def test_editors_see_the_linked_profile_in_the_story_editor(client, editor, member, site_tree):
    story = PartnerStoryPageFactory(parent=site_tree.stories)
    StoryPartnerFactory(page=story, name="Aroha Tane", member=member)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/admin/snippets/choose/members/memberprofile/" in body and "Aroha Tane" in body

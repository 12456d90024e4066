"""Tags are case-insensitive (taggit's TAGGIT_CASE_INSENSITIVE): a new spelling of a known
tag reuses it, for member interests and page tags alike."""

import pytest
from taggit.models import Tag

from members.factories import MemberProfileFactory
from tests.factories_content import make_topic

pytestmark = pytest.mark.django_db


def test_interests_in_another_case_reuse_the_known_tag():
    Tag.objects.create(name="community outreach")
    profile = MemberProfileFactory()
    profile.interests.set(["Community Outreach", "Zines", "zines"])
    assert sorted(profile.interests.names()) == ["Zines", "community outreach"]
    assert Tag.objects.filter(name__iexact="zines").count() == 1


def test_page_tags_share_the_spelling_too(site_tree):
    make_topic(site_tree.topics, 0, tags=("makerspaces",))
    topic = make_topic(site_tree.topics, 1, tags=("Makerspaces", "ADVOCACY"))
    assert sorted(topic.tags.names()) == ["ADVOCACY", "makerspaces"]
    assert Tag.objects.filter(name__iexact="makerspaces").count() == 1

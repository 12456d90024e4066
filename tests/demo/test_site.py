"""The demo builders' helpers."""

import pytest

from demo.site import save_with_relations
from tests.factories_content import make_discussion
from topics.models import DiscussionPage

pytestmark = pytest.mark.django_db


def test_demo_pages_are_indexed_with_their_tags(site_tree):
    discussion = make_discussion(site_tree.discussions)
    discussion.tags.add("zyzzyva")
    discussion.save()  # what the demo builders used to do: indexed before the tag is written
    assert not DiscussionPage.objects.live().search("zyzzyva")
    save_with_relations(discussion)
    assert list(DiscussionPage.objects.live().search("zyzzyva")) == [discussion]

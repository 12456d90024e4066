"""load_demo builds the promised content and is idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import Page, Revision

from countries.models import CountryProfilePage
from home.models import GuidancePage
from stories.models import PartnerStoryPage
from topics.models import DiscussionPage, DiscussionPost, TopicPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "locale__language_code")),
        "posts": DiscussionPost.objects.count(),
        "users": get_user_model().objects.count(),
        "tags": Tag.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_load_demo_builds_the_demo_site_and_a_second_run_changes_nothing(
    client, capsys, monkeypatch
):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo")
    first = snapshot()
    assert "password 'demo-pass-123'" in capsys.readouterr().out

    en = {"locale__language_code": "en"}
    assert TopicPage.objects.filter(**en).count() >= 12
    assert len({d.year for d in TopicPage.objects.filter(**en).dates("date", "year")}) >= 3
    assert DiscussionPage.objects.count() >= 30
    assert DiscussionPost.objects.values("country").distinct().count() >= 10
    assert CountryProfilePage.objects.filter(**en).count() >= 20
    assert PartnerStoryPage.objects.count() >= 8
    assert GuidancePage.objects.filter(**en).count() >= 5
    assert client.login(username="admin", password="demo-pass-123")

    call_command("load_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out


def test_scale_multiplies_topics_discussions_and_stories():
    call_command("load_demo")
    base = (
        TopicPage.objects.count(),
        DiscussionPage.objects.count(),
        PartnerStoryPage.objects.count(),
    )
    call_command("load_demo", scale=3)
    scaled = (
        TopicPage.objects.count(),
        DiscussionPage.objects.count(),
        PartnerStoryPage.objects.count(),
    )
    en_topics = TopicPage.objects.filter(locale__language_code="en").count()
    assert en_topics >= 36
    assert scaled[1] == base[1] * 3
    assert scaled[2] == base[2] * 3


def test_demo_pages_are_indexed_with_their_tags(site_tree):
    from demo.site import save_with_relations
    from tests.factories_content import make_discussion

    discussion = make_discussion(site_tree.discussions)
    discussion.tags.add("zyzzyva")
    discussion.save()  # what the demo builders used to do: indexed before the tag is written
    assert not DiscussionPage.objects.live().search("zyzzyva")
    save_with_relations(discussion)
    assert list(DiscussionPage.objects.live().search("zyzzyva")) == [discussion]

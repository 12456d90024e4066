"""Issue #13, finding 7: view-restricted pages do not leak through the pages that link to
them (home page picks, related topics, a discussion's topic, the search topic facet).
core.restrictions is the one helper each place asks."""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from core.restrictions import is_viewable, viewable, viewable_pages
from home.models import HomePageFeatured
from tests.factories_content import make_discussion, make_topic
from topics.models import TopicPage, TopicRelatedTopic

pytestmark = pytest.mark.django_db

SECRET = "Secret makerspace plans"
PASSWORD = "open sesame"


def restrict(page, kind):
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
        )
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def linked(site_tree):
    """A public topic and a public discussion, both linking to a live topic that may be
    restricted; the home page picks both topics."""
    public = make_topic(site_tree.topics, 1)
    secret = make_topic(site_tree.topics, 2)
    secret.title = SECRET
    secret.save_revision().publish()
    TopicRelatedTopic.objects.create(page=public, related_topic=secret)
    discussion = make_discussion(site_tree.discussions, 1, topic=secret)
    for order, page in enumerate((secret, public)):
        HomePageFeatured.objects.create(home=site_tree.home, page=page, sort_order=order)
    return public, secret, discussion


def pages_linking(client, site_tree, public, discussion):
    return {
        "home": client.get("/").content.decode(),
        "topic": client.get(public.url).content.decode(),
        "discussion": client.get(discussion.url).content.decode(),
        "archive": client.get(site_tree.discussions.url).content.decode(),
    }


def test_unrestricted_topics_are_linked_everywhere(client, site_tree, linked):
    public, secret, discussion = linked
    bodies = pages_linking(client, site_tree, public, discussion)
    assert all(SECRET in body for body in bodies.values()), bodies.keys()


@pytest.mark.parametrize("kind", ["password", "login"])
def test_restricted_topics_are_not_named_to_anonymous_visitors(client, site_tree, linked, kind):
    public, secret, discussion = linked
    restrict(secret, kind)
    bodies = pages_linking(client, site_tree, public, discussion)
    leaks = [name for name, body in bodies.items() if SECRET in body or secret.url in body]
    assert leaks == []
    # The public pick stays on the home page (picks are not all dropped for one).
    assert public.title in bodies["home"]


def test_members_see_login_restricted_links_and_password_ones_once_passed(
    member_client, site_tree, linked
):
    public, secret, discussion = linked
    restrict(secret, "login")
    bodies = pages_linking(member_client, site_tree, public, discussion)
    assert all(SECRET in body for body in bodies.values())
    # A password restriction counts once this session has passed it.
    PageViewRestriction.objects.all().delete()
    restriction = restrict(secret, "password")
    assert SECRET not in member_client.get(discussion.url).content.decode()
    session = member_client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert SECRET in member_client.get(discussion.url).content.decode()


def test_the_search_topic_facet_names_no_restricted_topic(client, site_tree, linked):
    public, secret, discussion = linked
    restrict(secret, "login")
    # The discussion is public and matches; its topic is restricted.
    response = client.get("/search/", {"q": "floods"})
    body = response.content.decode()
    assert discussion.title in body
    assert SECRET not in body


def test_the_helpers_follow_the_request(site_tree, linked, member):
    public, secret, discussion = linked
    restrict(secret, "login")
    anonymous = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    anonymous.user = AnonymousUser()
    anonymous.session = {}
    logged_in = RequestFactory().get("/")
    logged_in.user = member.user
    logged_in.session = {}
    topics = TopicPage.objects.filter(pk__in=[public.pk, secret.pk])
    assert list(viewable(topics, anonymous)) == [public]
    assert list(viewable(topics, None)) == [public]
    assert set(viewable(topics, logged_in)) == {public, secret}
    assert viewable_pages([secret, None, public], anonymous) == [public]
    assert is_viewable(secret, logged_in) and not is_viewable(secret, anonymous)

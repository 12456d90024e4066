"""Shared fixtures: a site tree built with the apps' factories, and a clean cache."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from countries.factories import CountryIndexPageFactory
from home.factories import GuidanceIndexPageFactory, HomePageFactory
from stories.factories import StoryIndexPageFactory
from topics.factories import DiscussionArchivePageFactory, TopicIndexPageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """The portal's home page as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for welcome in root.get_children():
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
    home = HomePageFactory(parent=root)
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="ILN Portal"
    )
    return home


@pytest.fixture
def site_tree(home):
    """The home page and one of each section index, as load_demo lays them out."""
    return SimpleNamespace(
        home=home,
        topics=TopicIndexPageFactory(parent=home),
        discussions=DiscussionArchivePageFactory(parent=home),
        countries=CountryIndexPageFactory(parent=home),
        stories=StoryIndexPageFactory(parent=home),
        guidance=GuidanceIndexPageFactory(parent=home),
    )

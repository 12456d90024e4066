"""The scope and the filters as search documents and as pages select the same pages."""

import pytest
from wagtail.models import PageViewRestriction

from countries.factories import CountryProfilePageFactory
from home.factories import GuidancePageFactory
from search import scope
from search.query import Filters
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory


@pytest.fixture
def everything(site_tree, corpus):
    story = PartnerStoryPageFactory(parent=site_tree.stories, title="Two rooms", year=2016)
    StoryPartnerFactory(page=story, country="KE")
    story.tags.add("floods")
    story.save_revision().publish()
    CountryProfilePageFactory(parent=site_tree.countries, title="Kenya", country="KE")
    GuidancePageFactory(parent=site_tree.guidance, title="Mentoring")
    private = GuidancePageFactory(parent=site_tree.guidance, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    GuidancePageFactory(parent=site_tree.guidance, title="Draft notes", live=False)
    return corpus


def filter_cases(corpus):
    topic = corpus["topic"].pk
    return {
        "none": (Filters(), 7),
        "type": (Filters(types=("discussion", "story")), 4),
        "year": (Filters(year=2016), 3),
        "topic": (Filters(topic=topic), 2),
        "tag": (Filters(tag="floods"), 3),
        "country": (Filters(country="KE"), 4),
        "combined": (Filters(types=("discussion",), country="KE", year=2018), 2),
        "nothing": (Filters(year=1999), 0),
    }


@pytest.mark.django_db
def test_documents_and_pages_agree_on_every_filter(everything):
    for name, (filters, expected) in filter_cases(everything).items():
        as_documents = set(scope.documents("en", filters).values_list("page_id", flat=True))
        as_pages = set(scope.pages("en", filters).values_list("pk", flat=True))

        assert as_documents == as_pages, name
        assert len(as_pages) == expected, name


@pytest.mark.django_db
def test_private_and_draft_pages_are_out_of_scope(everything):
    titles = set(scope.pages("en").values_list("title", flat=True))

    assert not {"Members only", "Draft notes"} & titles
    assert {"Kenya", "Mentoring", "Two rooms"} <= titles
    assert len(scope.documents("en", Filters())) == len(titles) == 7

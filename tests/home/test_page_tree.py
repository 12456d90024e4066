"""Every page type can be created where the content model allows and nowhere else."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from countries.models import CountryIndexPage, CountryProfilePage
from home.models import GuidanceIndexPage, GuidancePage, HomePage
from stories.models import PartnerStoryPage, StoryIndexPage
from topics.models import DiscussionArchivePage, DiscussionPage, TopicIndexPage, TopicPage

SECTIONS = {
    TopicIndexPage: {TopicPage},
    DiscussionArchivePage: {DiscussionPage},
    CountryIndexPage: {CountryProfilePage},
    StoryIndexPage: {PartnerStoryPage},
    GuidanceIndexPage: {GuidancePage},
}
ALL_TYPES = {HomePage, *SECTIONS, *(child for children in SECTIONS.values() for child in children)}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, set(SECTIONS))

    def test_each_section_holds_only_its_own_pages(self):
        for index, children in SECTIONS.items():
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, children)

    def test_leaf_pages_live_only_under_their_index_and_have_no_children(self):
        for index, children in SECTIONS.items():
            for child in children:
                with self.subTest(page=child.__name__):
                    self.assertAllowedParentPageTypes(child, {index})
                    self.assertAllowedSubpageTypes(child, set())

    def test_can_not_create_anywhere_else(self):
        for parent in ALL_TYPES:
            for child in ALL_TYPES:
                allowed = (parent is HomePage and child in SECTIONS) or child in SECTIONS.get(
                    parent, set()
                )
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if allowed:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

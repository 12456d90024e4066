from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import registries
from core.blocks import BodyStreamBlock
from core.localization import localized_children
from core.models import BasePage, SectionIndexPage
from core.restrictions import viewable


class HomePage(BasePage):
    hero_title = models.CharField(max_length=200, default="Librarians learning from librarians")
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("featured_pages", label=_("Featured topics and stories"), max_num=6),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "topics.TopicIndexPage",
        "topics.DiscussionArchivePage",
        "countries.CountryIndexPage",
        "stories.StoryIndexPage",
        "home.GuidanceIndexPage",
    ]
    max_count_per_parent = 1

    def route(self, request, path_components):
        """A translated home routes paths it lacks through the English home, so that
        /fr/topics/ finds the English page when there is no French one: it is served there,
        in the French frame (core.localization)."""
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE)
            source = source.first()
            if source is None or not path_components:
                raise
            return source.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from . import stats

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = stats.site_figures()
        context["featured"] = self.get_featured_pages(request)
        return context

    def get_featured_pages(self, request=None):
        """Editors' picks in their order, those the request may view (core.restrictions;
        without a request, public pages only); without picks, the newest public pages each
        feature app offers (topics and stories: see core.registries.featured_sources)."""
        chosen = [item.page_id for item in self.featured_pages.all()]
        visible = viewable(Page.objects.live().filter(pk__in=chosen), request)
        visible = visible.specific().in_bulk()
        picks = [visible[pk] for pk in chosen if pk in visible]
        if picks:
            return picks
        featured = []
        for newest in registries.featured_sources:
            featured.extend(newest(self.locale, limit=3))
        return featured


class HomePageFeatured(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["topics.TopicPage", "stories.PartnerStoryPage"])]


class GuidanceIndexPage(SectionIndexPage):
    section_label = _("Guidance")
    subpage_types = ["home.GuidancePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # English guidance not yet translated is listed (in English) in translated sections.
        context["guidance_pages"] = localized_children(self, GuidancePage)
        return context


class GuidancePage(BasePage):
    """How the programme works, being a good partner, code of conduct, FAQ."""

    summary = models.CharField(max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    about_partnerships = models.BooleanField(
        default=True,
        verbose_name=_("about partnerships"),
        help_text=_(
            "Show the note that partnerships themselves are conducted in English on "
            "translations of this page."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("about_partnerships")]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.GuidanceIndexPage"]
    subpage_types = []

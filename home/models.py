from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from .blocks import BodyStreamBlock
from .localization import localized_children

PAGE_SIZE = 12


def paginate(request, queryset, per_page=PAGE_SIZE):
    """Return the requested page of `queryset`; any bad ?page= value falls back to the
    first or last page instead of raising (no query string may produce a 500)."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = 1
        return paginator.page(1 if number < 1 else paginator.num_pages)


class BasePage(Page):
    """Shared SEO/Open Graph fields for every page type of the portal."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image for social media previews (Open Graph)."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("og_image")]
    # URLs stay the same in every language: only the /fr/, /es/, /ar/ prefix differs.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True


class SectionIndexPage(BasePage):
    """A top-level section (topics, discussions, countries, stories, guidance): one per home
    page, with an introduction above the listing of its child pages."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


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
        "members.CountryIndexPage",
        "members.StoryIndexPage",
        "home.GuidanceIndexPage",
    ]
    max_count_per_parent = 1

    def route(self, request, path_components):
        """A translated home routes paths it lacks through the English home, so that
        /fr/topics/ finds the English page when there is no French one (it is then
        redirected to its own URL by a before_serve_page hook)."""
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
        context["featured"] = self.get_featured_pages()
        return context

    def get_featured_pages(self):
        """Editors' picks in their order; without picks, the newest topics and stories."""
        from members.models import PartnerStoryPage
        from topics.models import TopicPage

        picks = [
            item.page
            for item in self.featured_pages.select_related("page").all()
            if item.page and item.page.live
        ]
        if picks:
            return [page.specific for page in picks]
        topics = list(
            TopicPage.objects.live().public().filter(locale=self.locale).order_by("-date")[:3]
        )
        stories = list(PartnerStoryPage.objects.live().public().order_by("-first_published_at")[:3])
        return topics + stories


class HomePageFeatured(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["topics.TopicPage", "members.PartnerStoryPage"])]


class GuidanceIndexPage(SectionIndexPage):
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


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(blank=True, default="coordinators@iln.example.org")
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    # The call to action on the home page until rounds are modelled in the portal; its
    # texts are translated, so they live in the SiteTexts snippet.
    application_url = models.URLField(blank=True)
    application_opens = models.DateField(null=True, blank=True)
    application_closes = models.DateField(null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("application_url"),
                FieldPanel("application_opens"),
                FieldPanel("application_closes"),
            ],
            heading=_("Application window"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Mastodon", self.mastodon_url),
                ("Bluesky", self.bluesky_url),
                ("LinkedIn", self.linkedin_url),
            )
            if url
        ]


# Stored in English (the source); shown translated when there is no SiteTexts yet.
DEFAULT_APPLICATION_TITLE = gettext_noop("Applications for the next round open soon")


@register_snippet
class SiteTexts(TranslatableMixin, models.Model):
    """The texts editors write that every page or the home page shows, translated per
    locale with wagtail-localize (synced mode) like pages. One per locale: the English one
    is the source. Its URL and dates stay in SiteSettings (synchronised, not translated).
    Templates read the active locale's version with {% site_texts %} (one query a request),
    falling back to English."""

    application_title = models.CharField(
        _("application call title"),
        max_length=200,
        blank=True,
        default=DEFAULT_APPLICATION_TITLE,
        help_text=_("Heading of the call to apply on the home page; empty hides the call."),
    )
    application_text = models.TextField(_("application call text"), blank=True)
    footer_text = models.CharField(
        _("footer text"),
        max_length=300,
        blank=True,
        help_text=_("Shown at the foot of every page; empty shows the default description."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("application_title"), FieldPanel("application_text")],
            heading=_("Application window"),
        ),
        FieldPanel("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return str(self._meta.verbose_name)

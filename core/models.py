"""The shared base of every app: page base classes and the site-wide settings and texts
editors keep. Imports no other app of the project."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField


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
    page, with an introduction above the listing of its child pages.

    `section_label` (a translatable string) names the section in menus, breadcrumbs and
    headings when the page has no translation in the visitor's language."""

    section_label = None

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(blank=True, default="coordinators@iln.example.org")
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)

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
        help_text=_(
            "Heading of the call to apply on the home page; its dates and button follow "
            "the current round."
        ),
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

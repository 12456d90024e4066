from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage, SectionIndexPage
from core.registries import represented_country_codes

from . import registry
from .regions import REGION_CHOICES


class CountryIndexPage(SectionIndexPage):
    section_label = _("Country profiles")
    subpage_types = ["countries.CountryProfilePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        countries = list(
            CountryProfilePage.objects.child_of(self).live().public().order_by("title")
        )
        counts = registry.country_figures([page.country.code for page in countries])
        regions = []
        for code, label in REGION_CHOICES:
            in_region = [page for page in countries if page.region == code]
            for page in in_region:
                page.figures = counts.get(page.country.code, {})
            if in_region:
                regions.append({"code": code, "label": label, "countries": in_region})
        context["regions"] = regions
        context["profile_count"] = len({page.country.code for page in countries})
        context["represented_count"] = len(represented_country_codes())
        return context


class CountryProfilePage(BasePage):
    country = CountryField()
    region = models.CharField(max_length=20, choices=REGION_CHOICES)
    summary = models.CharField(max_length=300, blank=True)
    landscape = StreamField(
        BodyStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("library landscape"),
    )
    library_associations = models.TextField(blank=True, help_text=_("One per line."))
    lis_schools = models.TextField(
        blank=True, verbose_name=_("LIS schools"), help_text=_("One per line.")
    )
    languages = models.CharField(max_length=200, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("country"), FieldPanel("region")], heading=_("Country")),
        FieldPanel("summary"),
        FieldPanel("landscape"),
        MultiFieldPanel(
            [
                FieldPanel("library_associations"),
                FieldPanel("lis_schools"),
                FieldPanel("languages"),
            ],
            heading=_("Key facts"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("landscape"),
        index.SearchField("library_associations"),
        index.SearchField("languages"),
        index.FilterField("country"),
    ]
    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        # One profile per country and locale; not unique=True because translations of
        # the same profile share the country.
        duplicate = (
            CountryProfilePage.objects.filter(country=self.country, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if duplicate:
            raise ValidationError({"country": _("There is already a profile for this country.")})

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def association_list(self):
        return self._lines(self.library_associations)

    @property
    def lis_school_list(self):
        return self._lines(self.lis_schools)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = self.country.code
        context["figures"] = registry.country_figures([code]).get(code, {})
        context.update(registry.country_listings(code, request.user))
        return context

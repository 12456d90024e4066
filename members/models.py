from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models import BasePage, SectionIndexPage, paginate
from topics.filters import clean_tag

from .profiles import MemberInterest, MemberProfile  # noqa: F401  (models of this app)
from .regions import REGION_CHOICES


class CountryIndexPage(SectionIndexPage):
    subpage_types = ["members.CountryProfilePage"]

    def get_context(self, request, *args, **kwargs):
        from . import stats

        context = super().get_context(request, *args, **kwargs)
        countries = list(
            CountryProfilePage.objects.child_of(self).live().public().order_by("title")
        )
        counts = stats.country_counts([page.country.code for page in countries])
        regions = []
        for code, label in REGION_CHOICES:
            in_region = [page for page in countries if page.region == code]
            for page in in_region:
                page.figures = counts.get(page.country.code, {})
            if in_region:
                regions.append({"code": code, "label": label, "countries": in_region})
        context["regions"] = regions
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
    parent_page_types = ["members.CountryIndexPage"]
    subpage_types = []

    MEMBERS_SHOWN = 48

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
        from . import stats

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = stats.country_counts([self.country.code]).get(self.country.code, {})
        context["stories"] = stats.stories_for_country(self.country.code)[:6]
        context["discussions"] = stats.discussions_for_country(self.country.code)[:6]
        # Who the members are is for logged-in members only; everyone sees the count.
        if request.user.is_authenticated:
            context["country_members"] = list(
                stats.members_for_country(self.country.code)[: self.MEMBERS_SHOWN]
            )
        return context


class PartnerStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "members.PartnerStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryIndexPage(SectionIndexPage):
    subpage_types = ["members.PartnerStoryPage"]

    def stories(self):
        return (
            PartnerStoryPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-year", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        tag = clean_tag(request.GET.get("tag"))
        if tag:
            stories = stories.filter(tags__slug=tag)
        context["stories"] = paginate(
            request, stories.select_related("photo").prefetch_related("partners", "tags")
        )
        context["current_tag"] = tag
        return context


class PartnerStoryPage(BasePage):
    card_template = "includes/story_card.html"
    round_label = models.CharField(max_length=100, blank=True)
    year = models.PositiveSmallIntegerField()
    pull_quote = models.CharField(max_length=300, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt_text = models.CharField(max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    tags = ClusterTaggableManager(through=PartnerStoryPageTag, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("round_label"), FieldPanel("year")], heading=_("Round")),
        InlinePanel("partners", label=_("Partners"), min_num=1),
        FieldPanel("summary"),
        FieldPanel("pull_quote"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading=_("Photo")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.RelatedFields("partners", [index.SearchField("name")]),
        index.FilterField("year"),
    ]
    parent_page_types = ["members.StoryIndexPage"]
    subpage_types = []

    @property
    def countries(self):
        """Countries involved, derived from the partners (not stored twice)."""
        seen = {}
        for partner in self.partners.all():
            if partner.country:
                seen[partner.country.code] = partner.country
        return list(seen.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        codes = [country.code for country in self.countries]
        profiles = {
            page.country.code: page
            for page in CountryProfilePage.objects.live()
            .public()
            .filter(country__in=codes, locale=self.locale)
        }
        context["country_links"] = [
            (country, profiles.get(country.code)) for country in self.countries
        ]
        context["partners"] = self.partners_for(request.user)
        # Unsaved in a preview of a new page: no submission to look up.
        context["submission"] = (
            StorySubmission.objects.filter(page_id=self.pk)
            .select_related("submitter__member_profile")
            .first()
            if self.pk
            else None
        )
        return context

    def partners_for(self, user):
        """The partners, each with `profile_url` set when `user` may see their profile."""
        partners = list(self.partners.select_related("member__user"))
        for partner in partners:
            member = partner.member
            visible = member is not None and member.is_visible_to(user)
            partner.profile_url = member.get_absolute_url() if visible else None
        return partners


class StoryPartner(Orderable):
    page = ParentalKey(PartnerStoryPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200)
    country = CountryField()
    institution = models.CharField(max_length=200, blank=True)
    member = models.ForeignKey(
        "members.MemberProfile",
        verbose_name=_("member profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="story_partnerships",
        help_text=_("Link the partner's profile when they have an account."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("institution"),
        FieldPanel("member"),
    ]

    def __str__(self):
        return f"{self.name} ({self.country.name})"


class StorySubmission(models.Model):
    """A partner story a member submitted from the front end. The page itself is an
    ordinary draft in the moderation workflow; this records who submitted it. When the
    member deletes their account `submitter` becomes NULL and the story shows
    "former member"."""

    page = models.OneToOneField(
        PartnerStoryPage, on_delete=models.CASCADE, related_name="submission"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="story_submissions",
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.page.title

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.filters import ListingFilterForm
from core.models import BasePage, SectionIndexPage
from core.pagination import paginate
from countries.models import CountryProfilePage

from .naming import may_name, naming_of, partner_label


class PartnerStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.PartnerStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryFilterForm(ListingFilterForm):
    """The story index's query string: a tag."""

    year = None


class StoryIndexPage(SectionIndexPage):
    section_label = _("Partner stories")
    subpage_types = ["stories.PartnerStoryPage"]

    def stories(self):
        return (
            PartnerStoryPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-year", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilterForm(request.GET).filters
        stories = self.stories()
        if "tag" in filters:
            stories = stories.filter(tags__slug=filters["tag"])
        context["stories"] = paginate(
            request, stories.select_related("photo").prefetch_related(partners_prefetch(), "tags")
        )
        context["filters"] = filters
        return context


class PartnerStoryPage(BasePage):
    card_template = "includes/story_card.html"
    # Partnerships are conducted in English, and so are their stories.
    english_only = True
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
        # Partners' names only while they may be named publicly (stories.naming): the
        # search index, its snippets and the API's ?search= serve anonymous visitors.
        index.SearchField("public_partner_names"),
        index.FilterField("year"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    def public_partner_names(self):
        """The names of the partners anyone may read (stories.naming), for the search index."""
        return " ".join(
            partner.name for partner in self.partners.all() if partner.shows_name_to(None)
        )

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
        submission = (
            StorySubmission.objects.filter(page_id=self.pk)
            .select_related("submitter__member_profile__story_naming")
            .first()
            if self.pk
            else None
        )
        context["submission"] = submission
        # The submitter's name by the same rule as the partners' (stories.naming).
        profile = getattr(submission.submitter, "member_profile", None) if submission else None
        context["submitter_name"] = (
            profile.display_name if profile and may_name(profile, request.user) else ""
        )
        # The page's side column: the newest other stories.
        context["more_stories"] = (
            list(
                PartnerStoryPage.objects.live()
                .public()
                .sibling_of(self, inclusive=False)
                .order_by("-year", "-first_published_at")[:4]
            )
            if self.pk
            else []
        )
        return context

    def partners_for(self, user):
        """The partners, each with `label` (the name, or "a librarian in Kenya" for a
        reader who may not read it: stories.naming), `label_institution`, and
        `profile_url` set when `user` may read the name and see their profile."""
        partners = list(self.partners.select_related("member__user", "member__story_naming"))
        for partner in partners:
            member = partner.member
            named = partner.shows_name_to(user)
            partner.named = named
            partner.label = partner.shown_name(user)
            partner.label_institution = partner.institution if named else ""
            visible = named and member is not None and member.is_visible_to(user)
            partner.profile_url = member.get_absolute_url() if visible else None
        return partners


def partners_prefetch():
    """Prefetch of stories' partners with what naming them needs (stories.naming)."""
    return Prefetch(
        "partners",
        queryset=StoryPartner.objects.select_related("member__user", "member__story_naming"),
    )


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

    @property
    def naming(self):
        """How the partner may be named (stories.naming): "public", "members" or "hidden"."""
        return naming_of(self.member)

    def shown_name(self, user):
        """The name `user` reads: the partner's, or "a librarian in Kenya" (issue #13,
        finding 9). Expects member__user and member__story_naming selected."""
        return partner_label(self, user)

    def shows_name_to(self, user):
        return may_name(self.member, user)


class PartnerNaming(models.Model):
    """A member's answer to being named in public stories (issue #13, finding 9). Without an
    answer, a member whose profile is members-only is shown to anonymous visitors as "a
    librarian in <country>"; `agreed` names them publicly in every story that links their
    profile; not `agreed` (withdrawn) keeps their name out of stories for everyone but
    themselves and coordinators. Kept apart from StoryPartner, whose rows are rewritten from
    revisions on every publish."""

    profile = models.OneToOneField(
        "members.MemberProfile", on_delete=models.CASCADE, related_name="story_naming"
    )
    agreed = models.BooleanField()
    decided_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.profile}: {'agreed' if self.agreed else 'withdrawn'}"


class PartnerNotice(models.Model):
    """That a member was told by e-mail that a published story names them (once per story)."""

    page = models.ForeignKey(
        PartnerStoryPage, on_delete=models.CASCADE, related_name="partner_notices"
    )
    profile = models.ForeignKey(
        "members.MemberProfile", on_delete=models.CASCADE, related_name="story_notices"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "profile"], name="one_notice_per_story")
        ]

    def __str__(self):
        return f"{self.profile} in {self.page}"


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

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock, LinkBlock
from core.filters import ListingFilterForm
from core.models import BasePage, SectionIndexPage
from core.pagination import paginate
from core.restrictions import is_viewable, viewable_pages

DISCUSSION_KINDS = [
    ("group-discussion", _("Facilitated group discussion")),
    ("chat", _("Chat")),
    ("forum-thread", _("Forum thread")),
]


class DiscussionFilterForm(ListingFilterForm):
    """The discussion archive's query string: kind, topic (its slug), tag and year."""

    kind = forms.ChoiceField(required=False, choices=DISCUSSION_KINDS)
    topic = forms.SlugField(required=False, max_length=255)


class TopicPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "topics.TopicPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DiscussionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "topics.DiscussionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TopicIndexPage(SectionIndexPage):
    section_label = _("Discussion topics")
    subpage_types = ["topics.TopicPage"]

    def topics(self):
        return TopicPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def route(self, request, path_components):
        """A topic is fetched as its specific page with its round (programme.RoundTopic,
        which the page shows) in one query, where Wagtail takes one for the page and one
        for its specific fields."""
        if path_components:
            topic = (
                TopicPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("round_topic__round")
                .first()
            )
            if topic is not None:
                topic._cached_parent_obj = self
                return topic.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ListingFilterForm(request.GET).filters
        topics = self.topics()
        if "tag" in filters:
            topics = topics.filter(tags__slug=filters["tag"])
        if "year" in filters:
            topics = topics.filter(date__year=filters["year"])
        context.update(
            # The card shows the topic's round (programme.RoundTopic, reverse one-to-one).
            topics=paginate(
                request, topics.select_related("round_topic__round").prefetch_related("tags")
            ),
            filters=filters,
            years=[d.year for d in self.topics().dates("date", "year", order="DESC")],
            tags=TopicPageTag.tags_for(TopicPage).order_by("name"),
        )
        return context


class TopicPage(BasePage):
    card_template = "includes/topic_card.html"
    # A topic of a round has a programme.RoundTopic (the reverse accessor `round_topic`:
    # its round and release date, set on the round's calendar in the admin).
    date = models.DateField(
        help_text=_(
            "Release date of the topic. For a topic of a round, the round's calendar sets it "
            "(Programme → Rounds)."
        )
    )
    introduction = models.TextField(blank=True)
    prompts = StreamField(
        [("prompt", blocks.TextBlock(label=_("Prompt")))],
        blank=True,
        use_json_field=True,
        help_text=_("Questions partners discuss."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    resources = StreamField(
        [
            ("link", LinkBlock()),
            ("document", DocumentChooserBlock()),
        ],
        blank=True,
        use_json_field=True,
    )
    tags = ClusterTaggableManager(through=TopicPageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("prompts"),
        FieldPanel("body"),
        FieldPanel("resources"),
        FieldPanel("tags"),
        InlinePanel("related_topics", label=_("Related topics")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("prompts"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.FilterField("date"),
    ]
    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []

    class Meta:
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only topics the request may view: a restricted topic's title is not shown.
        context["related"] = viewable_pages(
            (
                rel.related_topic
                for rel in self.related_topics.select_related("related_topic")
                if rel.related_topic and rel.related_topic.live
            ),
            request,
        )
        context["discussions"] = (
            DiscussionPage.objects.live().public().filter(topic=self).order_by("-date")[:10]
        )
        return context


class TopicRelatedTopic(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="related_topics")
    related_topic = models.ForeignKey(TopicPage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related_topic")]


class DiscussionArchivePage(SectionIndexPage):
    # The archive holds discussions as they happened, in English.
    english_only = True
    section_label = _("Discussions")
    subpage_types = ["topics.DiscussionPage"]

    def discussions(self):
        return DiscussionPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = DiscussionFilterForm(request.GET).filters
        discussions = self.discussions()
        if "kind" in filters:
            discussions = discussions.filter(kind=filters["kind"])
        if "topic" in filters:
            discussions = discussions.filter(topic__slug=filters["topic"])
        if "tag" in filters:
            discussions = discussions.filter(tags__slug=filters["tag"])
        if "year" in filters:
            discussions = discussions.filter(date__year=filters["year"])
        page_of_discussions = paginate(
            request, discussions.select_related("topic").prefetch_related("tags")
        )
        for discussion in page_of_discussions:
            discussion.shown_topic = discussion.topic_for(request)
        context.update(
            discussions=page_of_discussions,
            kinds=DISCUSSION_KINDS,
            filters=filters,
            years=[d.year for d in self.discussions().dates("date", "year", order="DESC")],
            topics=self.filter_topics(),
            tags=self.filter_tags(),
        )
        return context

    def filter_topics(self):
        """The topics the archive's discussions belong to, for its topic filter (public
        ones only: a restricted topic's title is not shown)."""
        topic_ids = self.discussions().exclude(topic=None).values("topic_id")
        return TopicPage.objects.live().public().filter(pk__in=topic_ids).order_by("title")

    def filter_tags(self):
        """The tags of the archive's discussions, for its tag filter."""
        return (
            Tag.objects.filter(
                topics_discussionpagetag_items__content_object__in=self.discussions()
            )
            .distinct()
            .order_by("name")
        )


class DiscussionPage(BasePage):
    english_only = True
    KIND_CHOICES = DISCUSSION_KINDS

    archive_id = models.CharField(
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Identifier in the imported archive (import_discussions)."),
    )
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="group-discussion")
    date = models.DateField()
    topic = models.ForeignKey(
        TopicPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="discussions"
    )
    summary = models.TextField(blank=True)
    tags = ClusterTaggableManager(through=DiscussionPageTag, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("topic")],
            heading=_("Discussion"),
        ),
        FieldPanel("summary"),
        FieldPanel("tags"),
        InlinePanel("posts", label=_("Posts")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("archive_id")]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.RelatedFields("posts", [index.SearchField("text"), index.SearchField("author_name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["topics.DiscussionArchivePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = list(self.posts.all())
        context["topic"] = self.topic_for(request)
        return context

    def topic_for(self, request):
        """The discussion's topic when it is live and `request` may view it (a restricted
        topic's title is not shown: core.restrictions), else None."""
        topic = self.topic
        return topic if topic is not None and topic.live and is_viewable(topic, request) else None

    @property
    def countries(self):
        return sorted({post.country for post in self.posts.all() if post.country}, key=str)


class DiscussionPost(Orderable):
    page = ParentalKey(DiscussionPage, on_delete=models.CASCADE, related_name="posts")
    author_name = models.CharField(max_length=200)
    country = CountryField(blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()

    panels = [
        FieldPanel("author_name"),
        FieldPanel("country"),
        FieldPanel("posted_at"),
        FieldPanel("text"),
    ]

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"

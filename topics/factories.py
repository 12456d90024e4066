"""Factories for topics and archived discussions. Used by the tests and by load_demo."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from core.factories import paragraphs

from .models import (
    DiscussionArchivePage,
    DiscussionPage,
    DiscussionPost,
    TopicIndexPage,
    TopicPage,
)


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Topics"
    slug = "topics"
    show_in_menus = True

    class Meta:
        model = TopicIndexPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    date = factory.Sequence(lambda n: datetime.date(2015, 1, 1) + datetime.timedelta(days=14 * n))
    introduction = factory.Faker("paragraph")
    prompts = factory.LazyFunction(lambda: [("prompt", "What did you learn from your partner?")])
    body = factory.LazyFunction(lambda: paragraphs(["Read this before you write to your partner."]))

    class Meta:
        model = TopicPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()


class DiscussionArchivePageFactory(wagtail_factories.PageFactory):
    title = "Discussion archive"
    slug = "discussions"
    show_in_menus = True

    class Meta:
        model = DiscussionArchivePage


class DiscussionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Discussion {n}")
    archive_id = factory.Sequence(lambda n: f"test-discussion-{n}")
    kind = "group-discussion"
    date = datetime.date(2015, 3, 18)
    summary = factory.Faker("paragraph")

    class Meta:
        model = DiscussionPage


class DiscussionPostFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(DiscussionPageFactory)
    author_name = factory.Faker("name")
    country = "NZ"
    posted_at = factory.LazyFunction(timezone.now)
    text = factory.Faker("paragraph")

    class Meta:
        model = DiscussionPost

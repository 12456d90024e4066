"""Factories for partner stories. Used by the tests and by load_demo."""

import factory
import wagtail_factories

from core.factories import paragraphs

from .models import PartnerStoryPage, StoryIndexPage, StoryPartner


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partner stories"
    slug = "stories"
    show_in_menus = True

    class Meta:
        model = StoryIndexPage


class PartnerStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner story {n}")
    year = 2016
    summary = factory.Faker("sentence")
    pull_quote = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: paragraphs(["We met every fortnight."]))

    class Meta:
        model = PartnerStoryPage


class StoryPartnerFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PartnerStoryPageFactory)
    name = factory.Faker("name")
    country = "NZ"

    class Meta:
        model = StoryPartner

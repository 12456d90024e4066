"""Factories for country profiles and partner stories. Used by the tests and by load_demo."""

import factory
import wagtail_factories
from django_countries import countries

from home.factories import paragraphs

from .models import (
    CountryIndexPage,
    CountryProfilePage,
    PartnerStoryPage,
    StoryIndexPage,
    StoryPartner,
)


class CountryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Countries"
    slug = "countries"
    show_in_menus = True

    class Meta:
        model = CountryIndexPage


class CountryProfilePageFactory(wagtail_factories.PageFactory):
    country = "NZ"
    title = factory.LazyAttribute(lambda o: countries.name(o.country))
    region = "asia-pacific"
    summary = factory.Faker("sentence")
    landscape = factory.LazyFunction(lambda: paragraphs(["Public and academic libraries."]))

    class Meta:
        model = CountryProfilePage


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

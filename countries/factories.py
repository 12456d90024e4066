"""Factories for country profiles. Used by the tests and by load_demo."""

import factory
import wagtail_factories
from django_countries import countries

from core.factories import paragraphs

from .models import CountryIndexPage, CountryProfilePage


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

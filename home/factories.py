"""Factories for the home app's pages. Used by the tests and by load_demo."""

import factory
import wagtail_factories

from core.factories import paragraphs

from .models import GuidanceIndexPage, GuidancePage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "ILN Portal"
    slug = "home"
    hero_title = "Librarians learning from librarians, across borders"
    hero_text = factory.Faker("paragraph")

    class Meta:
        model = HomePage


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guidance"
    slug = "guidance"
    show_in_menus = True

    class Meta:
        model = GuidanceIndexPage


class GuidancePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = factory.Faker("sentence")
    body = factory.LazyAttribute(lambda o: paragraphs(["How the programme works."]))

    class Meta:
        model = GuidancePage

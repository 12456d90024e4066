"""What stories contribute to the pages above them: the home page's figures and featured
pages, the country pages, a member's own page and data rights. Wagtail imports every
app's wagtail_hooks at start-up, so registering here needs no import from those apps."""

from django.db.models import Count

from core.registries import featured_sources, home_figures
from countries import registry as countries
from members.dashboard import register_panel

from . import (
    data_rights,  # noqa: F401 (registers the export section and the erasure)
    submissions,
)
from .models import PartnerStoryPage, StoryPartner


@home_figures.register("stories")
def count_stories():
    return PartnerStoryPage.objects.live().public().count()


@featured_sources.register("stories")
def newest_stories(locale, limit):
    stories = PartnerStoryPage.objects.live().public().prefetch_related("partners")
    return list(stories.order_by("-first_published_at")[:limit])


@countries.register_figure("stories")
def stories_by_country(codes):
    rows = (
        StoryPartner.objects.filter(
            country__in=codes, page__in=PartnerStoryPage.objects.live().public()
        )
        .values("country")
        .annotate(n=Count("page_id", distinct=True))
    )
    return {row["country"]: row["n"] for row in rows}


@countries.register_listing("stories")
def stories_of_country(code, user):
    return list(
        PartnerStoryPage.objects.live()
        .public()
        .filter(partners__country=code)
        .distinct()
        .order_by("-year")[:6]
    )


@register_panel("stories/_my_stories.html", order=20)
def my_stories(request):
    return {"submissions": submissions.submissions_of(request.user)}

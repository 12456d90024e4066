"""What stories contribute to the pages above them: the home page's figures and featured
pages, the country pages, a member's own page and data rights. Wagtail imports every
app's wagtail_hooks at start-up, so registering here needs no import from those apps."""

from django.db.models import Count
from django.db.models.signals import post_save
from wagtail.signals import page_published

from core.registries import featured_sources, home_figures
from countries import registry as countries
from members.dashboard import register_panel
from members.models import MemberProfile

from . import (
    data_rights,  # noqa: F401 (registers the export section and the erasure)
    naming,
    submissions,
)
from .models import PartnerStoryPage, StoryPartner, partners_prefetch


@home_figures.register("stories")
def count_stories():
    return PartnerStoryPage.objects.live().public().count()


@featured_sources.register("stories")
def newest_stories(locale, limit):
    stories = PartnerStoryPage.objects.live().public().prefetch_related(partners_prefetch())
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


@register_panel("stories/_naming.html", order=25)
def named_in_stories(request):
    """The published stories that name the member, and whether the public reads their name
    (issue #13, finding 9); the form to agree or withdraw is in the template."""
    profile = MemberProfile.objects.filter(user=request.user).first()
    stories = naming.stories_naming(profile) if profile else []
    return {
        "stories": stories,
        "naming": naming.naming_of(profile) if profile else None,
        "decided": profile is not None and naming._decision(profile) is not None,
    }


def notify_named_partners(sender, instance, **kwargs):
    """A published story tells the members it names whose names are not yet public."""
    naming.notify_partners(instance)


page_published.connect(notify_named_partners, sender=PartnerStoryPage)


def reindex_when_visibility_changes(sender, instance, created, **kwargs):
    """A profile made public (or members-only) changes whether stories may name it: their
    search entries follow."""
    if not created and instance.__dict__.get("_loaded_visibility") not in (
        None,
        instance.visibility,
    ):
        naming.reindex_stories_of(instance)


post_save.connect(reindex_when_visibility_changes, sender=MemberProfile)

"""Live figures shown on the home page, computed from the data (no request needed)."""

from django.core.cache import cache

FIGURES_CACHE_KEY = "home:site-figures"
FIGURES_TTL = 300


def compute_site_figures():
    from members.models import CountryProfilePage, MemberProfile, PartnerStoryPage
    from topics.models import DiscussionPost, TopicPage

    post_countries = set(
        DiscussionPost.objects.exclude(country="").values_list("country", flat=True).distinct()
    )
    profile_countries = set(
        CountryProfilePage.objects.live().values_list("country", flat=True).distinct()
    )
    return {
        "countries": len(post_countries | profile_countries),
        "topics": TopicPage.objects.live().filter(locale__language_code="en").count(),
        "stories": PartnerStoryPage.objects.live().count(),
        "discussions": DiscussionPost.objects.values("page_id").distinct().count(),
        "members": MemberProfile.objects.listed().count(),
    }


def site_figures():
    """Cached for a few minutes: the figures change slowly and cost several COUNTs."""
    figures = cache.get(FIGURES_CACHE_KEY)
    if figures is None:
        figures = compute_site_figures()
        cache.set(FIGURES_CACHE_KEY, figures, FIGURES_TTL)
    return figures

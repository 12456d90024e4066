"""Live figures shown on the home page, computed from the data (no request needed). Each
figure comes from the app that owns its data, through core.registries.home_figures."""

from django.core.cache import cache

from core import page_cache, registries

FIGURES_CACHE_KEY = "home:site-figures"
FIGURES_TTL = 300


def compute_site_figures():
    figures = {name: figure() for name, figure in registries.home_figures.items()}
    countries = set()
    for codes in registries.represented_countries:
        countries |= set(codes())
    figures["countries"] = len(countries)
    return figures


def site_figures():
    """Cached for a few minutes: the figures change slowly and cost several COUNTs. The key
    holds the page cache's generations of content and figures, so a change to what they
    count (a page published, a member joining) is shown at once, and a cached page that
    shows them depends on those generations (core.page_cache)."""
    key = ":".join(
        (
            FIGURES_CACHE_KEY,
            page_cache.generation(page_cache.CONTENT),
            page_cache.generation(page_cache.FIGURES),
        )
    )
    figures = cache.get(key)
    if figures is None:
        figures = compute_site_figures()
        cache.set(key, figures, FIGURES_TTL)
    return figures

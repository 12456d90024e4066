"""Live figures shown on the home page, computed from the data (no request needed). Each
figure comes from the app that owns its data, through core.registries.home_figures."""

from django.core.cache import cache

from core import registries

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
    """Cached for a few minutes: the figures change slowly and cost several COUNTs."""
    figures = cache.get(FIGURES_CACHE_KEY)
    if figures is None:
        figures = compute_site_figures()
        cache.set(FIGURES_CACHE_KEY, figures, FIGURES_TTL)
    return figures

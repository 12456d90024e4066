"""What other apps show on a country's pages. Members, stories and the discussion archive
sit above this app, so they contribute here (from their own wagtail_hooks.py) instead of
being imported by it.

- `register_figure(name)`: a function(codes) -> {code: count}, one query for all codes;
  shown as a figure on the country index and on each country's page.
- `register_listing(name)`: a function(code, user) -> list of items for the country's page
  (the context variable `name`); it decides what `user` may see.
"""

from core import page_cache
from core.registries import Registry

_figures = Registry()
_listings = Registry()
register_figure = _figures.register
register_listing = _listings.register


def country_figures(codes):
    """{code: {figure name: count}} for the given country codes, one query per figure."""
    # Counted from members' and programme data: a cached page showing them depends on it.
    page_cache.generation(page_cache.FIGURES)
    counts = {code: {} for code in codes}
    if not codes:
        return counts
    for name, figure in _figures.items():
        for code, value in figure(codes).items():
            counts[code][name] = value
    for code in codes:
        for name, _figure in _figures.items():
            counts[code].setdefault(name, 0)
    return counts


def country_listings(code, user):
    return {name: listing(code, user) for name, listing in _listings.items()}

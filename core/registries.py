"""Registries through which the feature apps contribute to pages above them, so that a
higher app (the home page) never imports a feature app. Each feature app registers in its
own Wagtail hooks module (imported at start-up by Wagtail) or `apps.py`.

- `home_figures`: name -> function() returning a number, shown on the home page and
  computed from live, public content only.
- `represented_countries`: functions() returning the set of country codes an app's live,
  public content involves; the home page counts their union.
- `featured_sources`: functions(locale, limit) returning the newest pages worth featuring
  on the home page when editors picked none.
"""


class Registry:
    """An ordered collection of named contributions."""

    def __init__(self):
        self._items = {}

    def register(self, name):
        def decorator(function):
            self._items[name] = function
            return function

        return decorator

    def items(self):
        return list(self._items.items())

    def __iter__(self):
        return iter(list(self._items.values()))

    def __len__(self):
        return len(self._items)


home_figures = Registry()
represented_countries = Registry()
featured_sources = Registry()


def represented_country_codes():
    """The union of the country codes the apps' live, public content involves."""
    codes = set()
    for function in represented_countries:
        codes |= {code for code in function() if code}
    return codes

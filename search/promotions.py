"""Editors' promoted results and the popular searches (wagtail.contrib.search_promotions)."""

import datetime

from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

POPULAR_DAYS = 90
POPULAR_CACHE_SECONDS = 600
POPULAR_CACHE_KEY = "search:popular"


def promotions_for(query_text):
    """Editors' picks for the query: live pages or external links, in the editors' order."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query_text)
    ).select_related("page")
    return [pick for pick in picks if pick.page is None or pick.page.live]


def log_query(query_text):
    """Count one search for the popular searches."""
    Query.get(query_text).add_hit()


def popular_searches(limit=8):
    """The most searched queries of the last POPULAR_DAYS days (cached)."""
    popular = cache.get(POPULAR_CACHE_KEY)
    if popular is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        popular = [query.query_string for query in Query.get_most_popular(date_since=since)[:limit]]
        cache.set(POPULAR_CACHE_KEY, popular, POPULAR_CACHE_SECONDS)
    return popular

"""Editors' promoted results and the popular searches (wagtail.contrib.search_promotions).

The popular searches are searches editors approved: the queries they promoted results for
(Search → Promoted search results), the most searched of them first. What visitors type is
counted for those and for Wagtail's "Search terms" report, and never shown on the site:
anyone could otherwise plant text there, or publish a name they searched for."""

import datetime

from django.core.cache import cache
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
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


def approved_searches(limit):
    """The queries editors promoted results for, the most searched in the last POPULAR_DAYS
    days first. One query."""
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    recent = Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since))
    return list(
        Query.objects.filter(pk__in=SearchPromotion.objects.values("query_id"))
        .annotate(recent_hits=Coalesce(recent, 0))
        .order_by("-recent_hits", "query_string")
        .values_list("query_string", flat=True)[:limit]
    )


def changed(**kwargs):
    """Editors changed a promoted result: the popular searches are read again."""
    cache.delete(POPULAR_CACHE_KEY)


def popular_searches(limit=8, besides=""):
    """Up to `limit` searches editors approved (approved_searches, cached), without the
    search `besides` (the visitor's own: never offered back to them)."""
    popular = cache.get(POPULAR_CACHE_KEY)
    if popular is None:
        popular = approved_searches(limit + 1)
        cache.set(POPULAR_CACHE_KEY, popular, POPULAR_CACHE_SECONDS)
    own = normalise_query_string(besides or "")
    return [query for query in popular if query != own][:limit]

"""Pages under a view restriction (password, log-in, groups) stay out of every link, card,
title and summary that a request which has not passed the restriction sees (issue #13,
finding 7): the home page's picks, related topics, a discussion's topic, search facets.

Wagtail checks a restriction only when the restricted page itself is served; a page that
links to it must ask here. One helper for querysets, one for pages already in hand; both
take the request (None: an anonymous visitor who passed nothing) and look the restrictions
up once per request.

    from core.restrictions import viewable, viewable_pages

    topics = viewable(TopicPage.objects.live(), request)
    related = viewable_pages([rel.related_topic for rel in ...], request)
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

_CACHE_ATTRIBUTE = "_core_refused_restriction_paths"


def refused_paths(request):
    """Tree paths of the restricted pages `request` may not view (each restriction's page;
    its descendants share the path's prefix). One query, remembered on the request."""
    if request is not None and hasattr(request, _CACHE_ATTRIBUTE):
        return getattr(request, _CACHE_ATTRIBUTE)
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    paths = sorted(
        {
            restriction.page.path
            for restriction in restrictions
            if request is None or not restriction.accept_request(request)
        }
    )
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, paths)
    return paths


def refused_condition(request, prefix=""):
    """A Q matching pages (through `prefix`, e.g. "page__" for a relation) that `request`
    may not view; None when there are none."""
    paths = refused_paths(request)
    if not paths:
        return None
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def viewable(queryset, request, prefix=""):
    """`queryset` (of pages, or of objects related to a page through `prefix`) without the
    pages under a restriction `request` has not passed."""
    condition = refused_condition(request, prefix)
    return queryset if condition is None else queryset.exclude(condition)


def is_viewable(page, request):
    return page is not None and not any(
        page.path.startswith(path) for path in refused_paths(request)
    )


def viewable_pages(pages, request):
    """The pages of `pages` (any iterable; None entries dropped) that `request` may view,
    in their order."""
    paths = refused_paths(request)
    return [
        page
        for page in pages
        if page is not None and not any(page.path.startswith(path) for path in paths)
    ]

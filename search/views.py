"""Thin views: the query string through the search form, then search.results."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Page

from . import registry, searchlog
from .forms import SearchForm
from .promotions import popular_searches
from .results import autocomplete_titles, run_search


def search(request):
    params = SearchForm(request.GET).params(get_language())
    outcome = run_search(params)
    event = searchlog.event_id(request.GET.get(searchlog.EVENT_PARAM))
    if event is None:
        event = searchlog.record_search(params, outcome.total)
        if event:
            # The search's own links (pages, filters, sort) carry its id, so that a
            # result opened from them counts for it (search.searchlog).
            request.GET = request.GET.copy()
            request.GET[searchlog.EVENT_PARAM] = str(event)
    show_popular = not params.query or not outcome.total
    # Nothing in the visitor's language (and no English page matched either): most of the
    # archive is in English, so offer the same search there, to change into English words.
    in_english = None
    if params.query and not outcome.total and get_language() != settings.LANGUAGE_CODE:
        query = urlencode({"q": params.query.text})
        in_english = f"{translate_url(request.path, settings.LANGUAGE_CODE)}?{query}"
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": params.query.text,
            "params": params,
            "outcome": outcome,
            "results": outcome.page_obj,
            "search_event": event,
            "type_choices": registry.TYPES,
            "popular_searches": popular_searches(besides=params.query.text) if show_popular else [],
            "search_in_english_url": in_english,
        },
    )


def open_result(request, page_id):
    """A result link: note that the search (`s`) was not abandoned, then go to the page.
    Only live, public pages; nothing about the visitor is stored."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404
    searchlog.record_open(request.GET.get(searchlog.EVENT_PARAM))
    response = HttpResponseRedirect(url)
    response["X-Robots-Tag"] = "noindex"
    return response


def autocomplete(request):
    query = SearchForm(request.GET).params(get_language()).query
    titles = autocomplete_titles(query, get_language())
    return JsonResponse(
        {
            "query": query.text,
            "results": [{"title": title, "url": url} for title, url in titles],
        }
    )

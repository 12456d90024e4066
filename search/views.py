"""Thin views: the query string through the search form, then search.results."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from . import registry
from .forms import SearchForm
from .promotions import log_query, popular_searches
from .results import autocomplete_titles, run_search


def search(request):
    params = SearchForm(request.GET).params(get_language())
    outcome = run_search(params)
    if params.query and params.page == 1 and not params.filters:
        log_query(params.query.text)
    show_popular = not params.query or not outcome.total
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": params.query.text,
            "params": params,
            "outcome": outcome,
            "results": outcome.page_obj,
            "type_choices": registry.TYPES,
            "popular_searches": popular_searches() if show_popular else [],
        },
    )


def autocomplete(request):
    query = SearchForm(request.GET).params(get_language()).query
    titles = autocomplete_titles(query, get_language())
    return JsonResponse(
        {
            "query": query.text,
            "results": [{"title": title, "url": url} for title, url in titles],
        }
    )

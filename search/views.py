"""Thin views over search.engine: read the query string, run, render."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from . import engine


def search(request):
    params = engine.params_from_querydict(request.GET, get_language())
    outcome = engine.run_search(params)
    if params.query and params.page == 1 and not params.filters:
        engine.log_query(params.query.text)
    show_popular = not params.query or not outcome.total
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": params.query.text,
            "params": params,
            "outcome": outcome,
            "results": outcome.page_obj,
            "type_choices": engine.RESULT_TYPES,
            "popular_searches": engine.popular_searches() if show_popular else [],
        },
    )


def autocomplete(request):
    titles = engine.autocomplete_titles(request.GET.get("q"), get_language())
    return JsonResponse(
        {
            "query": engine.parse_query(request.GET.get("q")).text,
            "results": [{"title": title, "url": url} for title, url in titles],
        }
    )

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Strip NUL bytes and clip very long input; the search backend gets plain text."""
    return (raw or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q"))
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, 10)
    page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"query": query, "results": page})


def autocomplete(request):
    query = clean_query(request.GET.get("q"))
    titles = []
    if query:
        titles = [page.title for page in Page.objects.live().public().autocomplete(query)[:8]]
    return JsonResponse({"query": query, "results": titles})

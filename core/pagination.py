"""Pagination for every listing: Django's Paginator.get_page, which turns any bad ?page=
value into the first or last page instead of raising (no query string may produce a 500).
A page number below 1 means the first page (get_page alone would give the last)."""

from django.core.paginator import Paginator

PAGE_SIZE = 12


def paginate(request, queryset, per_page=PAGE_SIZE):
    number = request.GET.get("page")
    try:
        if int(number) < 1:
            number = 1
    except (TypeError, ValueError):
        pass  # not a whole number: get_page gives the first page
    return Paginator(queryset, per_page).get_page(number)

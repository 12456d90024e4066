"""Pagination for every listing: Django's Paginator.get_page, which turns any bad ?page=
value into the first or last page instead of raising (no query string may produce a 500).
A page number below 1 means the first page (get_page alone would give the last)."""

from django.core.paginator import Paginator

PAGE_SIZE = 12


def paginate(request, queryset, per_page=PAGE_SIZE):
    number = request.GET.get("page")
    if number and (number.lstrip().startswith("-") or number.strip() == "0"):
        number = 1
    return Paginator(queryset, per_page).get_page(number)

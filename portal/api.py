"""Read-only Wagtail API v2 at /api/v2/: live, public pages only, with ?search= support.

Wagtail's PagesAPIViewSet hides pages whose view restriction the *request* fails, so a
logged-in member or editor would see login-restricted pages; the API promises public
content only, whoever asks.

No query string may produce a 500 (issue #13, finding 5): an unknown `site`, an integer
beyond what a database column holds, a non-numeric `find/?id=` or a NUL byte (PostgreSQL
refuses it in any string) answer 400; `search` is cleaned as the search page cleans `q`
(search.query.parse_query), so quotes left open, operators and control characters are
words or nothing, and a search with nothing left to search finds nothing."""

from django.db import DataError
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from search.query import parse_query

# Beyond any listing, and within a 32-bit integer column on every database.
MAX_INTEGER = 2**31 - 1
INTEGER_PARAMETERS = (
    "offset",
    "limit",
    "id",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
)
SEARCH_OPERATORS = ("and", "or")


def check_parameters(request):
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value and name != "search":
                raise BadRequestError(f"{name} is not understood")
            if name in INTEGER_PARAMETERS:
                try:
                    number = int(value)
                except ValueError:
                    continue  # Wagtail's own check answers 400 where it matters
                if abs(number) > MAX_INTEGER:
                    raise BadRequestError(f"{name} is too large")


class CleanedSearchFilter(SearchFilter):
    """?search= with the search page's cleaning (search.query.parse_query)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or "and"
        if operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        parsed = parse_query(request.GET["search"])
        if not parsed:
            return queryset.none()
        try:
            return get_search_backend().search(
                parsed.search_query(operator),
                queryset,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CleanedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request)

    def get_base_queryset(self):
        site = self.request.GET.get("site")
        if site is not None:
            hostname, _colon, port = site.partition(":")
            lookup = {"hostname": hostname}
            if port:
                if not port.isdigit() or int(port) > 65535:
                    raise BadRequestError("site is not understood")
                lookup["port"] = int(port)
            if not Site.objects.filter(**lookup).exists():
                raise BadRequestError("site: no such site")
        return super().get_base_queryset().public()

    def find_object(self, queryset, request):
        if "id" in request.GET and "html_path" not in request.GET:
            try:
                int(request.GET["id"])
            except ValueError as error:
                raise BadRequestError("id must be an integer") from error
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        # A value the database cannot hold that no check above foresaw: the request is
        # bad, not the server.
        if isinstance(exc, (DataError, OverflowError)):
            exc = BadRequestError("a parameter is out of range")
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)

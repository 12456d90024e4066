"""Admin: the editors' synonym sets (a snippet), and the report of searches that found
nothing or that visitors abandoned (Reports -> Unsuccessful searches), each row with a
link to add a synonym set or promoted results for its query."""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import SearchEvent, SynonymSet
from .searchlog import KEEP_DAYS

REPORT_PERMISSIONS = ("search.add_synonymset", "wagtailsearchpromotions.add_searchpromotion")


def user_can_see_search_report(user):
    """Those who can act on it: add synonym sets or promoted results."""
    return user.is_active and (
        user.is_superuser or any(user.has_perm(permission) for permission in REPORT_PERMISSIONS)
    )


# Synonym sets ------------------------------------------------------------------------------


class SynonymSetCreateView(CreateView):
    """Prefilled from the report: ?terms=the query."""

    def get_initial(self):
        initial = super().get_initial()
        terms = self.request.GET.get("terms", "")[:255]
        if terms:
            initial["terms"] = terms + ", "
        return initial


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "list-ul"
    add_view_class = SynonymSetCreateView
    list_display = ["__str__", "language"]
    list_filter = ["language"]
    search_backend_name = None  # not in the search index: a database lookup on the terms
    search_fields = ["terms"]
    ordering = ["terms"]


# The report --------------------------------------------------------------------------------


class UnsuccessfulSearchFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = SearchEvent
        fields = ["language"]


class ActionsColumn(Column):
    cell_template_name = "search/admin/report_actions_cell.html"


class UnsuccessfulSearchesView(ReportView):
    page_title = _("Unsuccessful searches")
    header_icon = "search"
    index_url_name = "search_unsuccessful"
    index_results_url_name = "search_unsuccessful_results"
    results_template_name = "search/admin/unsuccessful_searches_results.html"
    filterset_class = UnsuccessfulSearchFilterSet
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-unsuccessful"
    export_filename = "unsuccessful-searches"
    columns = [
        Column("query", label=_("Search"), sort_key="query"),
        NumberColumn("unsuccessful", label=_("Unsuccessful"), sort_key="unsuccessful"),
        NumberColumn("no_results", label=_("Found nothing"), sort_key="no_results"),
        NumberColumn("abandoned", label=_("No result opened"), sort_key="abandoned"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        ActionsColumn("actions", label=_("Improve")),
    ]
    list_export = ["query", "searches", "no_results", "abandoned"]
    export_headings = {
        "query": _("Search"),
        "searches": _("Searches"),
        "no_results": _("Found nothing"),
        "abandoned": _("No result opened"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_search_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": SearchEvent.objects.all()}

    def get_queryset(self):
        """One row per query: its searches, those that found nothing and those with results
        of which none was opened; only queries with some of either."""
        events = self.search_queryset(self.filter_queryset(SearchEvent.objects.all()))
        rows = (
            events.values("query")
            .annotate(
                searches=Count("pk"),
                no_results=Count("pk", filter=Q(results=0)),
                abandoned=Count("pk", filter=Q(results__gt=0, opened=False)),
            )
            .annotate(unsuccessful=F("no_results") + F("abandoned"))
            .filter(unsuccessful__gt=0)
        )
        ordering = self.ordering if isinstance(self.ordering, str) else "-unsuccessful"
        return rows.order_by(ordering, "-searches", "query")

    def get_filtered_queryset(self):
        return self.get_queryset()  # filtered before counting (get_queryset)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        queries = dict(
            Query.objects.filter(query_string__in=[row["query"] for row in rows]).values_list(
                "query_string", "pk"
            )
        )
        add_synonym = reverse(SynonymSet.snippet_viewset.get_url_name("add"))
        for row in rows:
            row["synonym_url"] = f"{add_synonym}?{urlencode({'terms': row['query']})}"
            if row["query"] in queries:
                row["promote_url"] = reverse(
                    "wagtailsearchpromotions:edit", args=[queries[row["query"]]]
                )
            else:
                row["promote_url"] = reverse("wagtailsearchpromotions:add")
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keep_days"] = KEEP_DAYS
        return context

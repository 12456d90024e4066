"""Admin: synonym sets (Snippets) and the report of unsuccessful searches (Reports)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views

register_snippet(admin_views.SynonymSetViewSet)


@hooks.register("register_admin_urls")
def register_unsuccessful_searches_url():
    view = admin_views.UnsuccessfulSearchesView
    return [
        path("reports/unsuccessful-searches/", view.as_view(), name="search_unsuccessful"),
        path(
            "reports/unsuccessful-searches/results/",
            view.as_view(results_only=True),
            name="search_unsuccessful_results",
        ),
    ]


class UnsuccessfulSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.user_can_see_search_report(request.user)


@hooks.register("register_reports_menu_item")
def register_unsuccessful_searches_menu_item():
    return UnsuccessfulSearchesMenuItem(
        _("Unsuccessful searches"),
        reverse("search_unsuccessful"),
        name="unsuccessful-searches",
        icon_name="search",
        order=1310,
    )

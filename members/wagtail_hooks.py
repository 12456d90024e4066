"""Member profiles in the Wagtail admin, for coordinators (the Coordinators group holds the
view/change permissions; see migrations/0002). Registering them as a snippet also gives
StoryPartner.member a chooser, so editors can link partners to profiles.

Wagtail opens a snippet chooser to every admin user, whatever their model permissions, so
the chooser offers only what any logged-in member may see in the directory: listed
profiles, found by name or institution (never by e-mail)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from core.registries import home_figures
from countries import registry as countries

from .models import MemberProfile


class MemberChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or institution"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or institution")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(
                Q(display_name__icontains=query) | Q(institution__icontains=query)
            )
            self.is_searching = True
            self.search_query = query
        return objects


def choosable_profiles(user):
    """The profiles `user` may see named in the admin: every one for those who may view
    profiles (coordinators), else the listed ones, as in the members' directory (issue #13,
    finding 8: hidden profiles' names reached any admin user through the chooser)."""
    if user.has_perm("members.view_memberprofile"):
        return MemberProfile.objects.all()
    return MemberProfile.objects.listed()


def _field_label(name):
    return MemberProfile._meta.get_field(name).verbose_name


class MemberChooseViewMixin:
    filter_form_class = MemberChooserFilterForm

    def get_object_list(self):
        return MemberProfile.objects.listed().order_by("display_name", "pk")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("institution", label=capfirst(_field_label("institution"))),
            Column("country", label=capfirst(_field_label("country")), accessor="country.name"),
        ]


class MemberChooseView(MemberChooseViewMixin, ChooseView):
    pass


class MemberChooseResultsView(MemberChooseViewMixin, ChooseResultsView):
    pass


class MemberChosenView(SnippetChosenView):
    """The chosen profile's name, for an id the user could have chosen (else 404)."""

    def get_object(self, pk):
        return choosable_profiles(self.request.user).get(pk=pk)


class MemberChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_profiles(self.request.user).filter(pk__in=pks)


class MemberProfileChooserViewSet(SnippetChooserViewSet):
    choose_view_class = MemberChooseView
    choose_results_view_class = MemberChooseResultsView
    chosen_view_class = MemberChosenView
    chosen_multiple_view_class = MemberChosenMultipleView


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "group"
    menu_label = _("Members")
    menu_order = 300
    add_to_admin_menu = True
    chooser_viewset_class = MemberProfileChooserViewSet
    list_display = ["display_name", "institution", "country", "sector", "visibility", "updated_at"]
    list_filter = ["country", "sector", "career_stage", "visibility"]
    # Profiles are not in the search index: plain database lookups on these fields.
    search_backend_name = None
    search_fields = ["display_name", "institution", "city", "user__email"]
    ordering = ["display_name"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("display_name"), FieldPanel("visibility"), FieldPanel("accepts_messages")],
            heading=_("Member"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("city"),
                FieldPanel("institution"),
                FieldPanel("sector"),
                FieldPanel("role"),
                FieldPanel("career_stage"),
            ],
            heading=_("Work"),
        ),
        FieldPanel("interests"),
        FieldPanel("languages"),
        FieldPanel("time_zone"),
        FieldPanel("bio"),
        FieldPanel("website"),
        FieldPanel("social_handle"),
    ]

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user")


register_snippet(MemberProfileViewSet)


class MemberProfileDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete names every profile whose id is in the query string, those the
    user may not delete included ("you don't have permission to delete…"): any admin user
    could read hidden profiles' names by id. Only users who may see every profile get the
    confirmation page, and it names no profile the user may not delete."""

    models = [MemberProfile]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("members.view_memberprofile"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items_with_no_access"] = []
        return context


# After Wagtail's own delete action for every snippet (order 0), so this one is kept.
hooks.register("register_bulk_action", MemberProfileDeleteBulkAction, order=100)


# What members contribute to the pages above them (see core.registries and
# countries.registry): counts for everyone, names for logged-in members only.
MEMBERS_SHOWN_PER_COUNTRY = 48


@home_figures.register("members")
def count_members():
    return MemberProfile.objects.listed().count()


@countries.register_figure("members")
def members_by_country(codes):
    rows = (
        MemberProfile.objects.listed()
        .filter(country__in=codes)
        .values("country")
        .annotate(n=Count("pk"))
    )
    return {row["country"]: row["n"] for row in rows}


@countries.register_listing("country_members")
def members_of_country(code, user):
    if not user.is_authenticated:
        return []
    listed = MemberProfile.objects.listed().filter(country=code)
    return list(listed.order_by("display_name", "pk")[:MEMBERS_SHOWN_PER_COUNTRY])

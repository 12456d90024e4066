"""The programme in the Wagtail admin: a "Programme" menu group with rounds (their state
moves, calendar, matching review, dashboard and rematch queue), applications and
partnerships; and the programme's figures on the home page. Coordinators hold the
permissions (migrations/0002); other admin users see none of it. The views are in
admin_views.py."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.registries import home_figures, represented_countries

from . import admin_views, figures
from .models import Application, Partnership, Round


class RoundViewSet(ModelViewSet):
    model = Round
    name = admin_views.ROUNDS
    url_prefix = "programme/rounds"
    icon = "date"
    menu_label = _("Rounds")
    permission_policy = admin_views.round_permission_policy
    index_view_class = admin_views.RoundIndexView
    add_view_class = admin_views.RoundCreateView
    edit_view_class = admin_views.RoundEditView
    delete_view_class = admin_views.RoundDeleteView
    copy_view_enabled = False
    filterset_class = admin_views.RoundFilterSet
    ordering = ["-applications_open"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("state", read_only=True),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("applications_open"), FieldPanel("applications_close")]
                    ),
                    FieldRowPanel([FieldPanel("partnership_start"), FieldPanel("partnership_end")]),
                ],
                heading=_("Dates"),
            ),
            FieldPanel("country_cap"),
            # The calendar: saving schedules each topic page's publication on its date.
            InlinePanel(
                "calendar_topics",
                heading=_("Calendar"),
                label=_("Topic"),
                help_text=_(
                    "One topic a fortnight, from the partnerships' start. Saving schedules each "
                    "topic page to be published on its release date (a page already published "
                    "stays published). “Release a topic every fortnight” above sets the dates "
                    "for you, in this order."
                ),
                panels=[
                    PageChooserPanel("topic", ["topics.TopicPage"]),
                    FieldPanel("release_date"),
                ],
            ),
        ],
        base_form_class=admin_views.RoundForm,
    )

    def get_urlpatterns(self):
        views = admin_views
        return [
            *super().get_urlpatterns(),
            path(
                "move/<int:pk>/<str:state>/", self.construct_view(views.RoundMoveView), name="move"
            ),
            path("matching/<int:pk>/", views.MatchingReviewView.as_view(), name="matching"),
            path("matching/<int:pk>/run/", views.RunMatchingView.as_view(), name="run_matching"),
            path("matching/<int:pk>/rules/", views.AddRuleView.as_view(), name="add_rule"),
            path(
                "matching/<int:pk>/rules/<int:rule_id>/remove/",
                views.RemoveRuleView.as_view(),
                name="remove_rule",
            ),
            path("matching/<int:pk>/swap/", views.SwapView.as_view(), name="swap"),
            path("matching/<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
            path("calendar/<int:pk>/space/", views.SpaceTopicsView.as_view(), name="space_topics"),
            path("dashboard/<int:pk>/", views.RoundDashboardView.as_view(), name="dashboard"),
            path("rematch/<int:pk>/", views.RematchQueueView.as_view(), name="rematch_queue"),
        ]


class ApplicationViewSet(ModelViewSet):
    """Applications are read here, and only their status changes (withdrawn, deferred):
    members apply on the site, and imports come through import_applications."""

    model = Application
    name = admin_views.APPLICATIONS
    url_prefix = "programme/applications"
    icon = "form"
    menu_label = _("Applications")
    permission_policy = admin_views.ApplicationPermissionPolicy(Application)
    index_view_class = admin_views.ApplicationIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "member",
        "round",
        "country",
        "sector",
        "career_stage",
        "status",
        "submitted_at",
    ]
    filterset_class = admin_views.ApplicationFilterSet
    search_fields = ["member__display_name", "external_id"]
    search_backend_name = None  # plain database lookups
    ordering = ["-submitted_at", "-pk"]
    list_per_page = 50
    inspect_view_fields = [
        "member",
        "round",
        "external_id",
        "status",
        "country",
        "sector",
        "role",
        "career_stage",
        "interests",
        "match_preference",
        "time_zone",
        "hours_per_week",
        "english_confirmed",
        "code_of_conduct_accepted",
        "motivation",
        "previous_partner_emails",
        "submitted_at",
    ]
    panels = [
        FieldPanel("member", read_only=True),
        FieldPanel("round", read_only=True),
        FieldPanel("status"),
    ]


class PartnershipViewSet(ModelViewSet):
    """Partnerships are made by publishing a round's matching: read-only here."""

    model = Partnership
    name = admin_views.PARTNERSHIPS
    url_prefix = "programme/partnerships"
    icon = "link"
    menu_label = _("Partnerships")
    permission_policy = admin_views.PartnershipPermissionPolicy(Partnership)
    index_view_class = admin_views.PartnershipIndexView
    inspect_view_class = admin_views.PartnershipInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["round", "partners", "score", "reasons", "created_at"]
    filterset_class = admin_views.PartnershipFilterSet
    ordering = ["-created_at", "pk"]
    list_per_page = 50
    form_fields = []


class ProgrammeViewSetGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 310
    items = (RoundViewSet, ApplicationViewSet, PartnershipViewSet)


@hooks.register("register_admin_viewset")
def register_programme_admin():
    return ProgrammeViewSetGroup()


@hooks.register("register_log_actions")
def register_programme_log_actions(actions):
    actions.register_action(
        "programme.round.state", _("Change state"), _("Round moved to its next state")
    )
    actions.register_action("programme.matching.run", _("Run matching"), _("Matching run"))
    actions.register_action(
        "programme.matching.rule", _("Pin or forbid a pair"), _("Pair pinned or forbidden")
    )
    actions.register_action(
        "programme.matching.rule_removed", _("Remove a pair rule"), _("Pair rule removed")
    )
    actions.register_action("programme.matching.swap", _("Swap members"), _("Members swapped"))
    actions.register_action(
        "programme.matching.publish", _("Publish matching"), _("Matching published")
    )
    actions.register_action(
        "programme.calendar.space",
        _("Release a topic every fortnight"),
        _("Topics released every fortnight"),
    )
    actions.register_action("programme.rematch", _("Rematch"), _("Members rematched"))
    actions.register_action(
        "programme.rematch.close", _("Close rematch requests"), _("Rematch requests closed")
    )


# What the programme contributes to the home page (core.registries): its figures come
# from programme.figures, counts of people and never fewer than five.


@home_figures.register("participants")
def count_participants():
    return figures.participants_count()


@home_figures.register("take_part_again")
def share_taking_part_again():
    return figures.take_part_again_share()


@represented_countries.register("programme participants")
def participant_countries():
    return figures.participant_countries()

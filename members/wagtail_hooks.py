"""Member profiles in the Wagtail admin, for coordinators (the Coordinators group holds the
view/change permissions; see migrations/0003). Registering them as a snippet also gives
StoryPartner.member a chooser, so editors can link partners to profiles."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .profiles import MemberProfile


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "group"
    menu_label = _("Members")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["display_name", "institution", "country", "sector", "visibility", "updated_at"]
    list_filter = ["country", "sector", "career_stage", "visibility"]
    # Profiles are not in the search index: plain database lookups on these fields.
    search_backend_name = None
    search_fields = ["display_name", "institution", "city", "user__email"]
    ordering = ["display_name"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("display_name"), FieldPanel("visibility")], heading=_("Member")
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
        FieldPanel("photo"),
        FieldPanel("website"),
        FieldPanel("social_handle"),
    ]

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user")


register_snippet(MemberProfileViewSet)

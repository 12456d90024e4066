"""The programme in a member's data rights: their applications in the data export; on
account deletion their applications go (withdrawn from any round still to be matched)
while their partners' partnerships stay, showing a former member."""

from members.data_rights import register_erasure, register_export_section

from .models import Application

ANSWERS = [
    "country",
    "sector",
    "role",
    "career_stage",
    "interests",
    "time_zone",
    "motivation",
    "match_preference",
    "hours_per_week",
    "english_confirmed",
    "code_of_conduct_accepted",
]


@register_export_section("applications")
def export_applications(user):
    applications = Application.objects.filter(member__user=user).select_related("round")
    return [
        {
            "round": application.round.name,
            "status": application.status,
            "submitted_at": application.submitted_at.isoformat(),
            **{
                field: str(value) if field == "country" else value
                for field in ANSWERS
                for value in [getattr(application, field)]
            },
        }
        for application in applications.order_by("submitted_at")
    ]


@register_erasure
def erase_applications(user, profile):
    """A proposed group that loses a member says so, so that no coordinator publishes it
    as it stands; the applications themselves go with the profile."""
    if profile is None:
        return
    applications = Application.objects.filter(member=profile)
    for application in applications.prefetch_related("proposed_groups"):
        for group in application.proposed_groups.all():
            group.problems = [*group.problems, "a member deleted their account"]
            group.save(update_fields=["problems"])
    applications.delete()

"""The member's own page (/members/me/) shows their applications."""

from members.dashboard import register_panel

from .models import Application, Round


@register_panel("programme/_my_applications.html", order=10)
def my_applications(request):
    applications = (
        Application.objects.filter(member__user=request.user)
        .select_related("round")
        .order_by("-submitted_at")
    )
    return {
        "applications": list(applications),
        "open_round": Round.objects.open_now().order_by("applications_close").first(),
    }

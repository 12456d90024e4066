from django.urls import path

from . import figure_views, views

app_name = "programme"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("apply/", views.apply, name="apply"),
    path("apply/withdraw/", views.withdraw, name="withdraw"),
    path("partnership/", views.partnership, name="partnership"),
    path("partnership/no-reply/", views.report_no_reply, name="report-no-reply"),
    # Signed links from programme e-mail: no log-in (see programme.links).
    path("check-in/<str:token>/", views.check_in, name="check-in"),
    path("check-in/<str:token>/thanks/", views.check_in_done, name="check-in-done"),
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("feedback/<str:token>/thanks/", views.feedback_done, name="feedback-done"),
    # Open figures and round calendars (programme.figure_views).
    path("figures/", figure_views.figures_page, name="figures"),
    path("figures.csv", figure_views.figures_page, {"format": "csv"}, name="figures-csv"),
    path("figures.json", figure_views.figures_page, {"format": "json"}, name="figures-json"),
    path(
        "rounds/<slug:slug>/calendar.ics",
        figure_views.round_calendar_ics,
        name="round-calendar",
    ),
]

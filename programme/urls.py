from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("apply/", views.apply, name="apply"),
    path("apply/withdraw/", views.withdraw, name="withdraw"),
]

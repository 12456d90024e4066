from django.urls import path

from . import views

app_name = "stories"

# Included under /members/ (portal/urls.py): a member submits a story from their own pages.
urlpatterns = [
    path("me/stories/new/", views.submit_story, name="submit"),
    path("me/stories/naming/", views.story_naming, name="naming"),
]

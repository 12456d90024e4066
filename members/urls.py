from django.urls import path

from . import contact_views, views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.me, name="me"),
    path("me/edit/", views.edit_profile, name="edit"),
    path("me/data.json", views.export_data, name="export"),
    path("me/delete/", views.delete_account, name="delete"),
    path("<int:pk>/", views.profile_detail, name="profile"),
    path("<int:pk>/edit/", views.edit_other_profile, name="edit-other"),
    path("<int:pk>/contact/", contact_views.contact_member, name="contact"),
    path("messages/answer/<str:token>/", contact_views.answer_message, name="reply"),
    path("<int:pk>/photo/<str:key>/<int:size>/", views.photo, name="photo"),
]

from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("staff/", views.staff_list, name="staff"),
    path("staff/new/", views.staff_edit, name="staff_add"),
    path("staff/<int:pk>/", views.staff_edit, name="staff_change"),
    path("me/digest/", views.digest_frequency, name="digest_frequency"),
    path("teams/", views.team_list, name="teams"),
    path("teams/new/", views.team_edit, name="team_add"),
    path("teams/<int:pk>/", views.team_edit, name="team_change"),
]

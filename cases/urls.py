from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("children/<int:pk>/", views.child_detail, name="child"),
    path("staff/<int:pk>/", views.staff_detail, name="staff"),
    path("teams/<int:pk>/", views.team_detail, name="team"),
]

from django.urls import path

from . import report_views, views

app_name = "dashboards"

urlpatterns = [
    path("", views.home, name="home"),
    path("teams/", views.teams, name="teams"),
    path("services/", views.services, name="services"),
    path("breaches/<str:code>/", views.breaches, name="breaches"),
    path("trends/", views.trends, name="trends"),
    path("team/", views.team, name="team"),
    path("team/sign-offs/", views.sign_off_quality, name="sign_off_quality"),
    path("reports/", report_views.report_list, name="reports"),
    path("reports/<int:service>/<int:year>/<int:month>/", report_views.report_detail, name="report"),
]

from django.urls import path

from . import action_views, views, worker_status

app_name = "compliance"

urlpatterns = [
    path("flags/", views.flag_list, name="flags"),
    path("flags/<int:pk>/plan/", views.flag_plan, name="flag_plan"),
    path("standards/", views.standard_list, name="standards"),
    path("standards/<str:code>/", views.standard_edit, name="standard_edit"),
    path("worker/", worker_status.worker_status, name="worker_status"),
    path("actions/", action_views.my_actions, name="my_actions"),
    path("actions/team/", action_views.team_actions, name="team_actions"),
    path("actions/<str:kind>/<int:pk>/done/", action_views.action_done, name="action_done"),
]

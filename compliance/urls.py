from django.urls import path

from . import views, worker_status

app_name = "compliance"

urlpatterns = [
    path("flags/", views.flag_list, name="flags"),
    path("flags/<int:pk>/plan/", views.flag_plan, name="flag_plan"),
    path("standards/", views.standard_list, name="standards"),
    path("standards/<str:code>/", views.standard_edit, name="standard_edit"),
    path("worker/", worker_status.worker_status, name="worker_status"),
]

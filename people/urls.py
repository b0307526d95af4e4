from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("staff/<int:pk>/leaver/", views.leaver, name="leaver"),
]

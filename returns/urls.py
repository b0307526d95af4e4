from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("", views.imports, name="imports"),
    path("<int:pk>/", views.batch, name="batch"),
    path("<int:pk>/import/", views.confirm, name="confirm"),
    path("export/", views.export, name="export"),
]

from django.urls import path

from . import views
from .registry import DRAFTABLE

app_name = "drafts"

urlpatterns = [path("keep-alive/", views.keep_alive, name="keep_alive")]
for form in DRAFTABLE:
    slug = form.replace("_", "-")
    urlpatterns += [
        path(f"{slug}/<int:pk>/", views.draft, {"form": form}, name=form),
        path(f"{slug}/<int:pk>/discard/", views.discard, {"form": form}, name=f"{form}_discard"),
    ]

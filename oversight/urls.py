from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from organisation import views as organisation_views
from organisation.forms import LoginForm

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("people/", include("organisation.urls")),
    path("people/", include("people.urls")),
    path("notifications/", organisation_views.notification_list, name="notifications"),
    path("notifications/<int:pk>/", organisation_views.notification_open, name="notification"),
    path("notifications/read/", organisation_views.notifications_read_all, name="notifications_read_all"),
    path("supervision/", include("supervision.urls")),
    path("audits/", include("audits.urls")),
    path("compliance/", include("compliance.urls")),
    path("dashboards/", include("compliance.dashboards.urls")),
    path("returns/", include("returns.urls")),
    path("traceability/", include("traceability.urls")),
    path("drafts/", include("drafts.urls")),
    path("", include("cases.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("traceability.oidc_urls")))

admin.site.site_header = "Oversight administration"
admin.site.site_title = "Oversight"

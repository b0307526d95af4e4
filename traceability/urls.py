from django.urls import path

from .views import access, history, retention, set_password

app_name = "traceability"

urlpatterns = [
    path("access-log/", access.access_log, name="access_log"),
    path("children/<int:pk>/history/", history.child_history, name="record_history"),
    path("retention/", retention.retention_page, name="retention"),
    path("retention/dispose/", retention.dispose, name="dispose"),
    path("retention/holds/<int:pk>/lift/", retention.lift_hold, name="lift_hold"),
    path("set-password-links/", set_password.set_password_link, name="set_password_link"),
    path("set-password/<uidb64>/<token>/", set_password.SetPasswordView.as_view(), name="set_password"),
]

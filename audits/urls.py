from django.urls import path

from .views import actions, files, programme, reviews

app_name = "audits"

urlpatterns = [
    path("", files.audit_list, name="list"),
    path("children/<int:child_pk>/new/", files.start, name="start"),
    path("children/<int:child_pk>/self-check/", files.self_check_start, name="self_check_start"),
    path("self-checks/", files.self_check_list, name="self_checks"),
    path("<int:pk>/", files.detail, name="detail"),
    path("<int:pk>/edit/", files.edit, name="edit"),
    path("<int:pk>/response/", files.respond, name="respond"),
    path("<int:pk>/reviewing-officer/", files.reviewing_officer_told, name="told"),
    path("<int:pk>/actions/new/", actions.add_action, name="add_action"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("sample/", programme.sample, name="sample"),
    path("findings/", programme.findings_page, name="findings"),
    path("programme/", programme.programme_settings, name="programme"),
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/staff/<int:staff_pk>/new/", reviews.review_start, name="review_start"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review"),
    path("reviews/<int:pk>/edit/", reviews.review_edit, name="review_edit"),
]

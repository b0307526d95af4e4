from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("children/", views.search_children, name="search"),
    path("children/<int:pk>/", views.child_detail, name="child"),
    path("children/<int:pk>/print/", views.child_print, name="child_print"),
    path("children/<int:pk>/add/<slug:kind>/", views.add_record_entry, name="add_record_entry"),
    path("children/<int:pk>/meetings/<int:meeting_pk>/attendance/", views.meeting_attendance,
         name="meeting_attendance"),
    path("children/<int:pk>/pre-proceedings/<int:pre_pk>/", views.pre_proceedings_fgdm, name="pre_proceedings_fgdm"),
    path("children/<int:pk>/allocate/", views.allocate_child, name="allocate"),
    path("children/<int:pk>/allocation/acknowledge/", views.acknowledge_child_allocation,
         name="acknowledge_allocation"),
    path("children/<int:pk>/assessments/new/", views.start_assessment, name="start_assessment"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/edit/", views.edit_version, name="edit_version"),
    path("assessments/<int:pk>/new-version/", views.new_version, name="new_version"),
    path("assessments/<int:pk>/review/", views.review, name="review"),
    path("sign-off/", views.awaiting_sign_off, name="awaiting_sign_off"),
    path("sign-off/settings/", views.sign_off_settings, name="sign_off_settings"),
    path("sign-off/settings/<slug:kind>/", views.sign_off_setting_edit, name="sign_off_setting_edit"),
    path("staff/<int:pk>/", views.staff_detail, name="staff"),
    path("teams/<int:pk>/", views.team_detail, name="team"),
]

from django.urls import path

from .views import development, discussions, files, meetings, objectives, sessions

app_name = "supervision"

urlpatterns = [
    path("", files.my_supervision, name="mine"),
    path("team/", files.team_supervision, name="team"),
    path("staff/<int:pk>/", files.staff_file, name="staff"),
    path("staff/<int:staff_pk>/sessions/new/", sessions.start, name="session_start"),
    path("staff/<int:staff_pk>/contracts/new/", development.contract_new, name="contract_new"),
    path("staff/<int:staff_pk>/changed-role/", development.changed_role, name="changed_role"),
    path("staff/<int:staff_pk>/observations/new/", development.observation_new, name="observation_new"),
    path("staff/<int:staff_pk>/appraisals/new/", development.appraisal_new, name="appraisal_new"),
    path("staff/<int:staff_pk>/objectives/new/", objectives.objective_new, name="objective_new"),
    path("staff/<int:staff_pk>/support/", objectives.support_records, name="support"),
    path("staff/<int:staff_pk>/support/new/", objectives.support_new, name="support_new"),
    path("teams/<int:team_pk>/objectives/new/", objectives.team_objective_new, name="team_objective_new"),
    path("sessions/<int:pk>/objectives/<int:objective_pk>/", objectives.objective_review, name="objective_review"),
    path("contracts/<int:pk>/sign/", development.contract_sign, name="contract_sign"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/agenda/", sessions.add_agenda_item, name="agenda_add"),
    path("sessions/<int:pk>/notes/", sessions.save_notes, name="notes"),
    path("sessions/<int:pk>/acknowledge/", sessions.acknowledge, name="acknowledge"),
    path("sessions/<int:pk>/record/", sessions.write_record, name="record"),
    path("sessions/<int:pk>/personal/", sessions.personal_section, name="personal"),
    path("sessions/<int:pk>/cancel/", sessions.cancel, name="cancel"),
    path("sessions/<int:pk>/complete/", sessions.complete, name="complete"),
    path("sessions/<int:pk>/discussions/", sessions.add_discussion, name="discussion_add"),
    path("case-discussions/<int:pk>/", discussions.discussion_detail, name="discussion"),
    path("case-discussions/<int:pk>/edit/", discussions.discussion_edit, name="discussion_edit"),
    path("case-discussions/<int:pk>/actions/", discussions.add_action, name="discussion_action_add"),
    path("case-discussions/<int:pk>/file/", discussions.file_discussion, name="discussion_file"),
    path("case-discussions/<int:pk>/remove/", discussions.remove_discussion, name="discussion_remove"),
    path("team-meetings/", meetings.meeting_list, name="meetings"),
    path("team-meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("team-meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("team-meetings/<int:pk>/actions/", meetings.add_meeting_action, name="meeting_action_add"),
    path("teams/<int:team_pk>/meetings/new/", meetings.meeting_new, name="meeting_new"),
]

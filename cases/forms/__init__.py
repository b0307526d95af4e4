from .allocation import AllocationForm
from .assessments import PlanActionFormSet, SignOffForm, SignOffSettingForm, StartAssessmentForm, VersionForm
from .records import (
    AttendanceForm,
    CaseNoteForm,
    ChronologyEntryForm,
    DocumentForm,
    FgdmForm,
    ManagementDecisionForm,
    ManagerMeetingForm,
    PreProceedingsForm,
)

__all__ = [
    "AllocationForm",
    "AttendanceForm",
    "CaseNoteForm",
    "ChronologyEntryForm",
    "DocumentForm",
    "FgdmForm",
    "ManagementDecisionForm",
    "ManagerMeetingForm",
    "PlanActionFormSet",
    "PreProceedingsForm",
    "SignOffForm",
    "SignOffSettingForm",
    "StartAssessmentForm",
    "VersionForm",
]

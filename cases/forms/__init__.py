from .allocation import AllocationForm
from .assessments import PlanActionFormSet, SignOffForm, SignOffSettingForm, StartAssessmentForm, VersionForm
from .records import CaseNoteForm, ChronologyEntryForm, DocumentForm, ManagementDecisionForm, ManagerMeetingForm

__all__ = [
    "AllocationForm",
    "CaseNoteForm",
    "ChronologyEntryForm",
    "DocumentForm",
    "ManagementDecisionForm",
    "ManagerMeetingForm",
    "PlanActionFormSet",
    "SignOffForm",
    "SignOffSettingForm",
    "StartAssessmentForm",
    "VersionForm",
]

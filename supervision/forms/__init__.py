from .development import AppraisalForm, ChangedRoleForm, ContractForm, ObservationForm
from .discussions import AddChildForm, CaseDiscussionForm, DiscussionActionForm
from .meetings import MeetingActionForm, TeamMeetingForm
from .sessions import (
    AcknowledgeForm,
    AgendaItemForm,
    CancelForm,
    NotesForm,
    PersonalSectionForm,
    RecordForm,
    StartSessionForm,
)

__all__ = [
    "AcknowledgeForm",
    "AddChildForm",
    "AgendaItemForm",
    "AppraisalForm",
    "CancelForm",
    "CaseDiscussionForm",
    "ChangedRoleForm",
    "ContractForm",
    "DiscussionActionForm",
    "MeetingActionForm",
    "NotesForm",
    "ObservationForm",
    "PersonalSectionForm",
    "RecordForm",
    "StartSessionForm",
    "TeamMeetingForm",
]

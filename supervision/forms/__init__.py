from .development import AppraisalForm, ChangedRoleForm, ContractForm, ObservationForm
from .discussions import AddChildForm, CaseDiscussionForm, DiscussionActionForm, SessionActionForm
from .leadership import LeadershipVisitForm
from .learning import CpdEntryForm, InductionTickForm, TrainingForm
from .meetings import MeetingActionForm, TeamMeetingForm
from .objectives import ObjectiveForm, ObjectiveReviewForm, SupportRecordForm
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
    "CpdEntryForm",
    "DiscussionActionForm",
    "InductionTickForm",
    "LeadershipVisitForm",
    "MeetingActionForm",
    "NotesForm",
    "ObjectiveForm",
    "ObjectiveReviewForm",
    "ObservationForm",
    "PersonalSectionForm",
    "RecordForm",
    "SessionActionForm",
    "StartSessionForm",
    "SupportRecordForm",
    "TeamMeetingForm",
    "TrainingForm",
]

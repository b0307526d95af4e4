from .contracts import SupervisionContract
from .development import Appraisal, Observation
from .discussions import CaseDiscussion, DiscussionAction
from .meetings import TeamMeeting, TeamMeetingAction
from .objectives import Objective, ObjectiveReview, Progress
from .sessions import AgendaItem, PersonalSection, SupervisionSession
from .support import SupportRecord

__all__ = [
    "AgendaItem",
    "Appraisal",
    "CaseDiscussion",
    "DiscussionAction",
    "Objective",
    "ObjectiveReview",
    "Observation",
    "PersonalSection",
    "Progress",
    "SupervisionContract",
    "SupervisionSession",
    "SupportRecord",
    "TeamMeeting",
    "TeamMeetingAction",
]

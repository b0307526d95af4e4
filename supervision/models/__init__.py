from .contracts import SupervisionContract
from .development import Appraisal, Observation
from .discussions import CaseDiscussion, DiscussionAction
from .meetings import TeamMeeting, TeamMeetingAction
from .sessions import AgendaItem, PersonalSection, SupervisionSession

__all__ = [
    "AgendaItem",
    "Appraisal",
    "CaseDiscussion",
    "DiscussionAction",
    "Observation",
    "PersonalSection",
    "SupervisionContract",
    "SupervisionSession",
    "TeamMeeting",
    "TeamMeetingAction",
]

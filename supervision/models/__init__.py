from .contracts import SupervisionContract
from .development import Appraisal, Observation
from .discussions import CaseDiscussion, DiscussionAction
from .leadership import LeadershipVisit
from .learning import CpdEntry, InductionTick, TrainingRecord
from .meetings import TeamMeeting, TeamMeetingAction
from .objectives import Objective, ObjectiveReview, Progress
from .sessions import AgendaItem, PersonalSection, SessionAction, SupervisionSession
from .support import SupportRecord

__all__ = [
    "AgendaItem",
    "Appraisal",
    "CaseDiscussion",
    "CpdEntry",
    "DiscussionAction",
    "InductionTick",
    "LeadershipVisit",
    "Objective",
    "ObjectiveReview",
    "Observation",
    "PersonalSection",
    "Progress",
    "SessionAction",
    "SupervisionContract",
    "SupervisionSession",
    "SupportRecord",
    "TeamMeeting",
    "TeamMeetingAction",
    "TrainingRecord",
]

from .assessments import Assessment, AssessmentVersion, Grade, PlanAction, SignOffSetting
from .care import CareEpisode
from .children import Allocation, Category, Child, Ethnicity, Gender
from .record import CaseNote, ChronologyEntry, Document, ManagementDecision, ManagerMeeting, PreProceedings

__all__ = [
    "Allocation",
    "Assessment",
    "AssessmentVersion",
    "CareEpisode",
    "CaseNote",
    "Category",
    "Child",
    "ChronologyEntry",
    "Document",
    "Ethnicity",
    "Gender",
    "Grade",
    "ManagementDecision",
    "ManagerMeeting",
    "PlanAction",
    "PreProceedings",
    "SignOffSetting",
]

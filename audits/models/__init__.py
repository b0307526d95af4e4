from .file_audits import Answer, AuditAnswer, AuditStatus, CaseFileAudit, CorrectiveAction
from .programme import AuditProgramme
from .reviews import Judgement, ManagerPracticeReview, ReviewAnswer

__all__ = [
    "Answer",
    "AuditAnswer",
    "AuditProgramme",
    "AuditStatus",
    "CaseFileAudit",
    "CorrectiveAction",
    "Judgement",
    "ManagerPracticeReview",
    "ReviewAnswer",
]

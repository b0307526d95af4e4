from .file_audits import Answer, AuditAnswer, AuditKind, AuditStatus, CaseFileAudit, CorrectiveAction
from .programme import AuditProgramme
from .reviews import Judgement, ManagerPracticeReview, ReviewAnswer

__all__ = [
    "Answer",
    "AuditAnswer",
    "AuditKind",
    "AuditProgramme",
    "AuditStatus",
    "CaseFileAudit",
    "CorrectiveAction",
    "Judgement",
    "ManagerPracticeReview",
    "ReviewAnswer",
]

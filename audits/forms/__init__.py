from .actions import CorrectiveActionForm, DoneForm, ResponseForm, ReviewingOfficerForm, VerifyForm
from .audit import AuditForm
from .filters import AuditFilter
from .programme import ProgrammeForm
from .review import ReviewForm

__all__ = [
    "AuditFilter",
    "AuditForm",
    "CorrectiveActionForm",
    "DoneForm",
    "ProgrammeForm",
    "ResponseForm",
    "ReviewForm",
    "ReviewingOfficerForm",
    "VerifyForm",
]

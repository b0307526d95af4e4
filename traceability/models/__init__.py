from .access import AccessLogEntry, Action, UserSession
from .immutable import ImmutableRowError
from .retention import Basis, DisposalRecord, LegalHold, RetentionCategory, RetentionRule

__all__ = [
    "AccessLogEntry",
    "Action",
    "Basis",
    "DisposalRecord",
    "ImmutableRowError",
    "LegalHold",
    "RetentionCategory",
    "RetentionRule",
    "UserSession",
]

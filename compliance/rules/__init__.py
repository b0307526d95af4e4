"""The registry of rules, one per SPEC section 4 and 4a standard (and issue 20's), in the SPEC's order."""
from organisation import standards

from .development import SupervisorTraining
from .management import Actions, AuditActions, Caseload, ManagerAttendance, TeamMeetings
from .meetings import AuditTarget, FamilyGroupDecisionMaking, ReviewMinutes
from .oversight import AssessmentDue, ChildViews, ContractReview, ManagementOversight, Unallocated
from .plans import PlanMissing, PlanUnsigned, ReportCountersigned
from .records import ChronologyMissing, ChronologyStale, LookedAfterDocuments, QuarterlySummary
from .supervision import (
    Appraisal,
    CaseDiscussionsFiled,
    ObservationOfPractice,
    SupervisionContract,
    SupervisionFrequency,
)
from .visits import SeenAlone, StatutoryVisits

RULES = [
    rule()
    for rule in (
        SupervisionFrequency, SupervisionContract, CaseDiscussionsFiled, Appraisal, ObservationOfPractice,
        ChronologyMissing, ChronologyStale, PlanUnsigned, PlanMissing, QuarterlySummary, StatutoryVisits,
        SeenAlone, LookedAfterDocuments, AuditActions, Caseload, ManagerAttendance, TeamMeetings,
        ManagementOversight, Unallocated, AssessmentDue, Actions, ChildViews, ReviewMinutes, ContractReview,
        AuditTarget, FamilyGroupDecisionMaking, ReportCountersigned, SupervisorTraining,
    )
]
BY_CODE = {rule.code: rule for rule in RULES}

if list(BY_CODE) != [d.code for d in standards.DEFINITIONS]:
    raise ImportError("compliance needs one rule per standard, in the SPEC's order")

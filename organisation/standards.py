"""The configured practice standards (SPEC section 4): definitions and defaults.

Figures are kept in PracticeStandard rows (an administrator changes them;
every change is kept); this module names each rule's figures, their SPEC
defaults, and whether the default is a local-practice figure a council
should set for itself. Read a figure with `figure(code, name)`.
"""
from contextlib import contextmanager
from dataclasses import dataclass

from asgiref.local import Local


@dataclass(frozen=True)
class Figure:
    name: str
    label: str
    default: int
    unit: str
    local: bool = False  # the seeds name a duty but no figure (SPEC: "(local)")
    most: int = 0  # the largest value an administrator may set, when the unit's usual one does not fit


# CASELOAD's weight figure for each category of involvement (cases.models.Category's codes: organisation
# imports no other app); a category missing here counts as one case.
CASE_WEIGHTS = {"CP": "cp_weight", "CLA": "cla_weight", "CIN": "cin_weight", "CL": "care_leaver_weight",
                "EH": "early_help_weight"}
WEIGHT_MOST = 500  # a case counts as at most five


@dataclass(frozen=True)
class Definition:
    code: str
    title: str
    breach: str
    source: str
    figures: tuple = ()


DEFINITIONS = [
    Definition(
        "SUP-FREQ", "Supervision frequency",
        "A member of staff's last supervision (or their start in post) is older than their frequency allows.", "W 5.2",
        (
            Figure("newly_qualified_days", "Newly qualified (the period below)", 14, "days"),
            Figure("newly_qualified_months", "Newly qualified period (24 under the early career programme)", 12,
                   "months from qualifying"),
            Figure("returning_days", "Returning or changed role, until the agreed date", 14, "days"),
            Figure("changed_role_months", "Changed-role period after a move of team or role", 3, "months",
                   local=True),
            Figure("complex_days", "In a team doing complex work (for example assessment)", 14, "days", local=True),
            Figure("standard_months", "Everyone else (unless their contract agrees fortnightly)", 1, "months"),
        ),
    ),
    Definition(
        "SUP-CONTRACT", "Supervision contract",
        "A staff member has no supervision contract signed by both them and their supervisor.", "W 5, W 5.2",
    ),
    Definition(
        "SUP-FILED", "Case discussions filed",
        "A case discussion is not on the child's record within the period after the session.", "W 4",
        (Figure("working_days", "Filed within", 2, "working days"),),
    ),
    Definition(
        "APPRAISAL", "Annual appraisal", "No appraisal within the period.", "W 5.2",
        (Figure("months", "Appraisal at least every", 12, "months"),),
    ),
    Definition(
        "OBSERVATION", "Observation of practice",
        "No direct observation of practice within the period (and before the appraisal).", "K 6, W 3, W 5.2",
        (Figure("months", "Observation at least every", 12, "months"),),
    ),
    Definition(
        "CHRON-MISSING", "Chronology started", "An open case has no chronology entry after the period open.", "W 4",
        (Figure("working_days", "First entry within", 10, "working days", local=True),),
    ),
    Definition(
        "CHRON-STALE", "Chronology up to date",
        "An open case's chronology was last updated too long ago, or before its latest significant event.", "W 4",
        (Figure("days", "Updated at least every", 90, "days", local=True),),
    ),
    Definition(
        "PLAN-UNSIGNED", "Sign-off in time",
        "Work submitted for sign-off (an assessment, plan, court statement, report or summary) waits too long.",
        "K 4, K 5",
        (Figure("working_days", "Decided within", 5, "working days", local=True),),
    ),
    Definition(
        "PLAN-MISSING", "Current signed-off plan", "An open CIN, CP or CLA case has no current signed-off plan.",
        "K 5, W 4",
        (Figure("working_days", "Plan signed off within", 20, "working days of the case opening", local=True),),
    ),
    Definition(
        "SUMMARY", "Quarterly summary", "No quarterly summary in the period.", "W 4",
        (Figure("months", "A summary at least every", 3, "months"),),
    ),
    Definition(
        "VISITS", "Statutory visits",
        "No statutory visit at which the child was seen within the interval for the category.",
        "W 4 (statutory visits)",
        (
            Figure("cp_working_days", "Child protection", 10, "working days"),
            Figure("cla_weeks", "Child looked after", 6, "weeks"),
            Figure("cla_new_placement_weeks", "Child looked after, after a new placement", 1, "weeks"),
            Figure("cin_working_days", "Child in need", 20, "working days", local=True),
        ),
    ),
    Definition(
        "SEEN-ALONE", "Seen alone",
        "A CP or CLA child not seen alone at any of the last visits (or any visit, if fewer).", "W 4",
        (Figure("visits", "Seen alone at least once in the last", 3, "visits", local=True),),
    ),
    Definition(
        "CLA-DOCS", "Looked-after children's documents",
        "A looked-after child has no recent photo or no birth certificate on file.", "W 4",
        (Figure("photo_months", "Photo taken within", 12, "months", local=True),),
    ),
    Definition(
        "AUDIT-ACTIONS", "Audit actions", "A corrective action from an audit is past its due date and not done.",
        "W 4, W Appendix 1",
    ),
    Definition(
        "CASELOAD", "Caseload", "A worker's weighted caseload exceeds capacity for their FTE and experience.",
        "K 2, W 6.2",
        (
            Figure("cases_per_fte", "Cases per full-time worker", 18, "cases", local=True),
            Figure("newly_qualified_percent", "Newly qualified capacity", 80, "% of full", local=True),
            # Weights in hundredths of a case (integers, never floats): 100 counts a case as one (SPEC 4a).
            *(Figure(name, label, 100, "% of one case", local=True, most=WEIGHT_MOST)
              for name, label in (
                  ("cp_weight", "A child protection case counts as"),
                  ("cla_weight", "A looked-after child's case counts as"),
                  ("cin_weight", "A child in need case counts as"),
                  ("care_leaver_weight", "A care leaver's case counts as"),
                  ("early_help_weight", "An Early Help case counts as"),
              )),
        ),
    ),
    Definition(
        "MGR-ATTEND", "Manager attendance",
        "A manager did not attend an initial CP conference or initial PLO hearing in the period.", "K 6",
        (Figure("months", "Reported over the last", 12, "months"),),
    ),
    Definition(
        "TEAM-MEETING", "Team meetings", "A team has no minuted team meeting within the period.",
        "W 6, W Appendix 1",
        (Figure("weeks", "A minuted meeting at least every", 5, "weeks", local=True),),
    ),
    # The second wave (SPEC 4a).
    Definition(
        "OVERSIGHT", "Management oversight",
        "An open child's record shows no management oversight (a management decision, a sign-off or a filed case "
        "discussion) within the period.", "K 6, W 3",
        (
            Figure("first_working_days", "First within", 10, "working days of allocation", local=True),
            Figure("months", "Then at least every", 3, "months", local=True),
        ),
    ),
    Definition(
        "UNALLOCATED", "Allocated worker", "An open child has had no allocated worker for longer than the period.",
        "K 2, W 3",
        (Figure("working_days", "Allocated within", 5, "working days", local=True),),
    ),
    Definition(
        "ASSESSMENT-DUE", "Assessment in time",
        "An open child has no completed assessment within the period after the referral, or the latest is older "
        "than the review interval.", "W 3",
        (
            Figure("working_days", "First assessment signed off within", 45, "working days of the referral"),
            Figure("review_months", "Reassessed at least every", 12, "months", local=True),
        ),
    ),
    Definition(
        "ACTIONS", "Actions done in time",
        "An action agreed in supervision, a case discussion or a team meeting is past its date and not marked done "
        "(an audit's corrective actions are AUDIT-ACTIONS).", "W 5, W 4, W Appendix 1",
    ),
    Definition(
        "CHILD-VIEWS", "Child's views", "An open child's record has no recorded views of the child within the period.",
        "K 1, K 5, W 4",
        (Figure("months", "Views recorded at least every", 3, "months", local=True),),
    ),
    Definition(
        "REVIEW-MINUTES", "Review minutes",
        "A CP conference or looked-after child's review has no minutes on the record within the period after it "
        "met.", "W 4",
        (Figure("working_days", "Minutes on the record within", 20, "working days of the meeting", local=True),),
    ),
    Definition(
        "CONTRACT-REVIEW", "Supervision contract review",
        "A supervision contract is past its review date, or was agreed longer ago than the period.", "W 5",
        (Figure("months", "Reviewed at least every", 12, "months", local=True),),
    ),
    Definition(
        "AUDIT-TARGET", "Case file audits by team managers",
        "A team manager completed fewer case file audits in the last calendar month than the audit programme asks "
        "of each manager (a local figure, 2 unless changed: set it on the audit programme page).",
        "W 4, W Appendix 1",
    ),
    Definition(
        "FGDM-OFFER", "Family group decision-making offered",
        "Pre-proceedings began with no family group decision-making meeting offered, and no reason recorded.",
        "Children's Wellbeing and Schools Act 2026, s 1",
    ),
    # Issue 19: reports to conferences and reviews owned and dated by the manager before the meeting.
    Definition(
        "REPORT-COUNTERSIGN", "Reports countersigned before the meeting",
        "A report to a child protection conference or looked-after review is not countersigned (signed off) by a "
        "manager the period before its meeting.", "W 4, K 4",
        (Figure("working_days", "Countersigned at least", 3, "working days before the meeting", local=True),),
    ),
    # Issue 20: development.
    Definition(
        "SUPERVISOR-TRAINING", "Supervision-skills training",
        "Someone who line-manages staff has no current (unexpired) supervision-skills training.", "W 5",
        (Figure("months", "A new supervisor trained within", 6, "months of first supervising", local=True),),
    ),
]
BY_CODE = {d.code: d for d in DEFINITIONS}


def defaults(code):
    return {f.name: f.default for f in BY_CODE[code].figures}


# Within a request, the configured standards are read once: a page asks per member of staff (capacity, the
# newly-qualified period). Set by organisation.middleware.ReadStandardsOnce; the worker and tests read afresh.
_request = Local()


@contextmanager
def read_once():
    _request.config = None
    try:
        yield
    finally:
        del _request.config


def forget():
    """A standard was changed in this request: read it again."""
    if hasattr(_request, "config"):
        _request.config = None


def configured(codes=None):
    """{code: (enabled, figures)} for every standard (or those in `codes`), in one query; a standard with no
    row yet is checked, with the SPEC's defaults. The one place the configured figures are read."""
    if getattr(_request, "config", False) is None:
        _request.config = _read(list(BY_CODE))
    config = getattr(_request, "config", None) or _read(codes or list(BY_CODE))
    return config if codes is None else {code: config[code] for code in codes}


def _read(codes):
    from .models import PracticeStandard

    rows = {row.code: (row.enabled, row.values) for row in PracticeStandard.objects.filter(code__in=codes)}
    config = {}
    for code in codes:
        enabled, values = rows.get(code, (True, {}))
        config[code] = (enabled, {**defaults(code), **values})
    return config


def figures(code):
    """All configured figures of a standard, as a dict."""
    return figures_of([code])[code]


def figures_of(codes):
    """The configured figures of several standards in one query: {code: {figure: value}}."""
    return {code: values for code, (_, values) in configured(codes).items()}


def figure(code, name):
    """One configured figure (the SPEC default if no row exists yet)."""
    return figures(code)[name]


def is_enabled(code):
    return configured([code])[code][0]

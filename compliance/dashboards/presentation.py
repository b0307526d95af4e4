"""The matrix as the standards read: standards by name as rows, grouped, teams (or services) as columns."""
from dataclasses import dataclass

# The standards' own grouping (SPEC section 4): supervision, children's records, management.
GROUPS = (
    ("Supervision", ("SUP-FREQ", "SUP-CONTRACT", "SUP-FILED", "APPRAISAL", "OBSERVATION", "CONTRACT-REVIEW",
                     "SUPERVISOR-TRAINING")),
    ("Children's records", (
        "CHRON-MISSING", "CHRON-STALE", "PLAN-UNSIGNED", "PLAN-MISSING", "SUMMARY", "VISITS", "SEEN-ALONE", "CLA-DOCS",
        "ASSESSMENT-DUE", "CHILD-VIEWS", "REVIEW-MINUTES", "FGDM-OFFER", "REPORT-COUNTERSIGN",
    )),
    ("Management", (
        "AUDIT-ACTIONS", "ACTIONS", "CASELOAD", "MGR-ATTEND", "TEAM-MEETING", "OVERSIGHT", "UNALLOCATED",
        "AUDIT-TARGET",
    )),
)
GROUP_OF = {code: name for name, codes in GROUPS for code in codes}


@dataclass
class Line:
    rule: object
    cells: list  # (cell, column label) pairs, in the columns' order


def columns(matrix):
    """The matrix's rows (teams or services), then each service's total, then everything in scope."""
    return [*matrix.rows, *matrix.totals, matrix.overall]


def by_standard(matrix):
    """[(group name, [Line, ...]), ...]: the matrix turned so each standard is a row, in the SPEC's order."""
    cols = columns(matrix)
    groups = {name: [] for name, _ in GROUPS}
    for index, rule in enumerate(matrix.rules):
        line = Line(rule, [(col.cells[index], col.label) for col in cols])
        groups.setdefault(GROUP_OF.get(rule.code, "Other"), []).append(line)
    return [(name, lines) for name, lines in groups.items() if lines]

"""The compliance sweep's time, and its SQL floor: hand-written SQL for every rule's breaches.

The floor is what the database needs at least to find the same breaches as
each rule in `FLOORED` (every rule in compliance/rules/), with each cut-off
date computed in Python exactly as the rule does (working days, bank holidays,
month ends) and each figure read from the configured standards. `honest()`
checks that it finds the same subjects as the rules, so the ratio compares
like with like; tests/bench/test_sweep_floors.py holds each floor to its rule
either side of every boundary. `CORE` are the three rules the earlier figures
measured alone, still reported apart.
"""
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection

from audits.models import AuditProgramme, AuditStatus
from cases.models import Assessment, AssessmentVersion, CaseNote, Category, ChronologyEntry, Document, ManagerMeeting
from compliance.rules import BY_CODE
from compliance.rules.base import cutoff, first_day, working_days_after, working_days_cutoff
from compliance.rules.plans import PLAN_FOR
from compliance.sweep import full_sweep, sweep_rule
from organisation.models import newly_qualified_for
from organisation.policy import practitioners_q, team_managers_q
from organisation.standards import configured
from supervision.models import SupervisionContract, SupervisionSession, TrainingRecord

# The rules the README's earlier figures measured; `FLOORED` (at the end of the floors) is every rule with one.
CORE = ("SUP-FREQ", "CHRON-MISSING", "PLAN-UNSIGNED")
BLANK = r"^\s*$"  # the rules' "only spaces" (SPEC 4b), as PostgreSQL's regular expression
Status = AssessmentVersion.Status

# Last held supervision per supervised member, the contract in force and the team; the frequency that applies
# picks the cut-off.
SUP_FREQ_SQL = """
SELECT s.id
FROM organisation_staffmember s
LEFT JOIN (
    SELECT supervisee_id, max(date) AS last_held
    FROM supervision_supervisionsession WHERE status = %(held)s GROUP BY supervisee_id
) held ON held.supervisee_id = s.id
LEFT JOIN (
    SELECT DISTINCT ON (staff_id) staff_id, frequency FROM supervision_supervisioncontract
    WHERE agreed_on <= %(today)s ORDER BY staff_id, agreed_on DESC, id DESC
) contract ON contract.staff_id = s.id
LEFT JOIN organisation_team t ON t.id = s.team_id
WHERE s.is_active AND s.line_manager_id IS NOT NULL
  AND coalesce(held.last_held, s.started_in_post, DATE '0001-01-01') < CASE
        WHEN s.date_qualified BETWEEN %(qualified_from)s AND %(today)s THEN %(newly_qualified_cut)s
        WHEN s.returning_until >= %(today)s THEN %(returning_cut)s
        WHEN contract.frequency = %(fortnightly)s THEN %(fortnight_cut)s
        WHEN t.complex_work THEN %(complex_cut)s
        ELSE %(standard_cut)s END
"""

CHRON_MISSING_SQL = """
SELECT c.id FROM cases_child c
WHERE c.closed_on IS NULL AND c.opened_on < %(cut)s
  AND NOT EXISTS (SELECT 1 FROM cases_chronologyentry e WHERE e.child_id = c.id)
"""

# The oldest submitted version is older than the cut-off exactly when any submitted version is.
PLAN_UNSIGNED_SQL = """
SELECT DISTINCT a.child_id
FROM cases_assessmentversion v
JOIN cases_assessment a ON a.id = v.assessment_id
JOIN cases_child c ON c.id = a.child_id
WHERE v.status = %(submitted)s AND v.submitted_at < %(cut_start)s AND c.closed_on IS NULL
"""


# --- The second wave (SPEC 4a) and issue 20's rules ---

# The later of a decision and a filed case discussion (on its session's date) per child: none since the cut-off
# once there has been one, or none since the current allocation began (the opening, with none) once it is due.
OVERSIGHT_SQL = """
SELECT c.id
FROM cases_child c
LEFT JOIN cases_allocation a ON a.child_id = c.id AND a.ended_on IS NULL
LEFT JOIN (
    SELECT child_id, max(day) AS last FROM (
        SELECT child_id, decided_on AS day FROM cases_managementdecision WHERE decided_on <= %(today)s
        UNION ALL
        SELECT d.child_id, s.date FROM supervision_casediscussion d
        JOIN supervision_supervisionsession s ON s.id = d.session_id
        WHERE d.filed_at IS NOT NULL AND s.date <= %(today)s
    ) o GROUP BY child_id
) o ON o.child_id = c.id
WHERE c.closed_on IS NULL
  AND (o.last < %(months_cut)s
       OR coalesce(a.started_on, c.opened_on) < %(first_cut)s
          AND (o.last IS NULL OR o.last < coalesce(a.started_on, c.opened_on)))
"""

# No worker since the later of the opening and the last end of an allocation that had one.
UNALLOCATED_SQL = """
SELECT c.id FROM cases_child c
WHERE c.closed_on IS NULL AND c.worker_id IS NULL AND c.opened_on < %(cut)s
  AND NOT EXISTS (
    SELECT 1 FROM cases_allocation a
    WHERE a.child_id = c.id AND a.worker_id IS NOT NULL AND a.ended_on BETWEEN %(cut)s AND %(today)s
  )
"""

# The latest signed-off assessment (by the end of today) before the review cut-off, or none and opened too long ago.
ASSESSMENT_DUE_SQL = """
SELECT c.id FROM cases_child c
LEFT JOIN (
    SELECT a.child_id, max(v.decided_at) AS last
    FROM cases_assessmentversion v JOIN cases_assessment a ON a.id = v.assessment_id
    WHERE a.kind = ANY(%(kinds)s) AND v.status = %(signed_off)s AND v.decided_at < %(tomorrow_start)s
    GROUP BY a.child_id
) s ON s.child_id = c.id
WHERE c.closed_on IS NULL
  AND (s.last < %(review_start)s OR s.last IS NULL AND c.opened_on < %(first_cut)s)
"""

CHILD_VIEWS_SQL = """
SELECT c.id FROM cases_child c
LEFT JOIN (
    SELECT child_id, max(occurred_on) AS last FROM cases_casenote
    WHERE views_recorded AND occurred_on <= %(today)s AND child_said !~ %(blank)s
    GROUP BY child_id
) n ON n.child_id = c.id
WHERE c.closed_on IS NULL AND coalesce(n.last, c.opened_on) < %(cut)s
"""

# The latest contract (by date agreed, then the later row) of each supervised member of staff.
CONTRACT_REVIEW_SQL = """
SELECT s.id FROM organisation_staffmember s
JOIN (
    SELECT DISTINCT ON (staff_id) staff_id, agreed_on, review_on FROM supervision_supervisioncontract
    ORDER BY staff_id, agreed_on DESC, id DESC
) k ON k.staff_id = s.id
WHERE s.is_active AND s.line_manager_id IS NOT NULL AND (k.review_on < %(today)s OR k.agreed_on < %(cut)s)
"""

REVIEW_MINUTES_SQL = """
SELECT DISTINCT m.child_id
FROM cases_managermeeting m JOIN cases_child c ON c.id = m.child_id
WHERE c.closed_on IS NULL AND m.kind = ANY(%(kinds)s) AND m.held_on <= %(today)s AND m.held_on < %(cut)s
  AND NOT EXISTS (
    SELECT 1 FROM cases_document d
    WHERE d.child_id = m.child_id AND d.kind = %(minutes)s AND d.dated >= m.held_on AND d.dated <= %(today)s
  )
"""

AUDIT_TARGET_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.role = ANY(%(roles)s) AND s.is_active AND (s.started_in_post IS NULL OR s.started_in_post <= %(first)s)
  AND (SELECT count(*) FROM audits_casefileaudit a
       WHERE a.auditor_id = s.id AND a.status = %(completed)s AND a.audited_on BETWEEN %(first)s AND %(last)s)
    < coalesce((SELECT monthly_audits_per_manager FROM audits_auditprogramme WHERE id = 1), %(default)s)
"""

FGDM_OFFER_SQL = """
SELECT DISTINCT p.child_id
FROM cases_preproceedings p JOIN cases_child c ON c.id = p.child_id
WHERE c.closed_on IS NULL AND p.started_on < %(today)s
  AND (p.fgdm_offered_on IS NULL OR p.fgdm_offered_on > %(today)s) AND p.fgdm_not_offered_reason ~ %(blank)s
"""

REPORT_COUNTERSIGN_SQL = """
SELECT DISTINCT r.child_id
FROM cases_assessment r JOIN cases_child c ON c.id = r.child_id
WHERE c.closed_on IS NULL AND r.kind = ANY(%(kinds)s) AND r.meeting_date < %(cut)s
  AND NOT EXISTS (SELECT 1 FROM cases_assessmentversion v WHERE v.assessment_id = r.id AND v.status = ANY(%(done)s))
"""

# Supervising since the first session held as supervisor (else the start in post; neither sorts first: due now).
SUPERVISOR_TRAINING_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.is_active
  AND EXISTS (SELECT 1 FROM organisation_staffmember r WHERE r.line_manager_id = s.id AND r.is_active)
  AND NOT EXISTS (
    SELECT 1 FROM supervision_trainingrecord t
    WHERE t.staff_id = s.id AND t.kind = %(skills)s AND t.completed_on <= %(today)s
      AND (t.expires_on IS NULL OR t.expires_on >= %(today)s)
  )
  AND coalesce(
    (SELECT min(h.date) FROM supervision_supervisionsession h
     WHERE h.supervisor_id = s.id AND h.status = %(held)s AND h.date <= %(today)s),
    s.started_in_post, DATE '0001-01-01') < %(cut)s
"""

# Open and past its date: a case discussion's only while its child's case is open; a team meeting's always.
ACTIONS_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.is_active AND (
  EXISTS (SELECT 1 FROM supervision_discussionaction x
          JOIN supervision_casediscussion d ON d.id = x.discussion_id JOIN cases_child c ON c.id = d.child_id
          WHERE x.owner_id = s.id AND x.done_on IS NULL AND x.due_on < %(today)s AND c.closed_on IS NULL)
  OR EXISTS (SELECT 1 FROM supervision_teammeetingaction x
             WHERE x.owner_id = s.id AND x.done_on IS NULL AND x.due_on < %(today)s)
)
"""


# --- The rest of the first wave ---

SUP_CONTRACT_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.is_active AND s.line_manager_id IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM supervision_supervisioncontract k
    WHERE k.staff_id = s.id AND k.supervisor_signed_on IS NOT NULL AND k.staff_signed_on IS NOT NULL
  )
"""

SUP_FILED_SQL = """
SELECT DISTINCT d.child_id
FROM supervision_casediscussion d
JOIN cases_child c ON c.id = d.child_id JOIN supervision_supervisionsession s ON s.id = d.session_id
WHERE c.closed_on IS NULL AND d.filed_at IS NULL AND d.filing_due_on < %(today)s AND s.status <> %(cancelled)s
"""

# The latest record by today, else the start in post; neither sorts before every cut-off: due now.
APPRAISAL_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.is_active AND s.line_manager_id IS NOT NULL
  AND coalesce((SELECT max(a.held_on) FROM supervision_appraisal a WHERE a.staff_id = s.id AND a.held_on <= %(today)s),
               s.started_in_post, DATE '0001-01-01') < %(cut)s
"""

# Lapsed as APPRAISAL, or the latest appraisal with no observation in the N months up to it (months added in the
# database, clamped at month ends as the rule's are).
OBSERVATION_SQL = """
SELECT s.id FROM organisation_staffmember s
LEFT JOIN (
    SELECT staff_id, max(held_on) AS last FROM supervision_appraisal WHERE held_on <= %(today)s GROUP BY staff_id
) a ON a.staff_id = s.id
WHERE s.is_active AND s.line_manager_id IS NOT NULL AND (
  coalesce((SELECT max(o.observed_on) FROM supervision_observation o
            WHERE o.practitioner_id = s.id AND o.observed_on <= %(today)s),
           s.started_in_post, DATE '0001-01-01') < %(cut)s
  OR a.last IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM supervision_observation o
    WHERE o.practitioner_id = s.id AND o.observed_on <= a.last
      AND CAST(o.observed_on + make_interval(0, %(months)s) AS date) >= a.last
  )
)
"""

# The latest entry too old, or older than a significant meeting or court order before today.
CHRON_STALE_SQL = """
SELECT c.id FROM cases_child c
JOIN (SELECT child_id, max(occurred_on) AS last FROM cases_chronologyentry GROUP BY child_id) e ON e.child_id = c.id
WHERE c.closed_on IS NULL AND (
  e.last < %(cut)s
  OR EXISTS (SELECT 1 FROM cases_managermeeting m WHERE m.child_id = c.id AND m.kind = ANY(%(meetings)s)
             AND m.held_on < %(today)s AND m.held_on > e.last)
  OR EXISTS (SELECT 1 FROM cases_document d WHERE d.child_id = c.id AND d.kind = ANY(%(documents)s)
             AND d.dated < %(today)s AND d.dated > e.last)
)
"""

# The plan each category needs, as a table of (category, kind) pairs.
PLAN_MISSING_SQL = """
SELECT c.id FROM cases_child c
JOIN unnest(%(categories)s::text[], %(kinds)s::text[]) AS p(category, kind) ON p.category = c.category
WHERE c.closed_on IS NULL AND c.opened_on < %(cut)s
  AND NOT EXISTS (
    SELECT 1 FROM cases_assessment a JOIN cases_assessmentversion v ON v.assessment_id = a.id
    WHERE a.child_id = c.id AND a.kind = p.kind AND v.status = %(signed_off)s
  )
"""

SUMMARY_SQL = """
SELECT c.id FROM cases_child c
WHERE c.closed_on IS NULL
  AND coalesce((SELECT max(d.dated) FROM cases_document d WHERE d.child_id = c.id AND d.kind = %(summary)s),
               c.opened_on) < %(cut)s
"""

VISITS_SQL = """
SELECT c.id FROM cases_child c
LEFT JOIN (
    SELECT child_id, max(occurred_on) AS last FROM cases_casenote
    WHERE kind = %(visit)s AND child_seen AND occurred_on <= %(today)s GROUP BY child_id
) v ON v.child_id = c.id
LEFT JOIN (
    SELECT child_id, max(occurred_on) AS last FROM cases_chronologyentry
    WHERE event_type = %(placement)s AND occurred_on <= %(today)s GROUP BY child_id
) p ON p.child_id = c.id
WHERE c.closed_on IS NULL AND c.category = ANY(%(categories)s) AND (
  coalesce(v.last, c.opened_on) < CASE c.category WHEN %(cp)s THEN %(cp_cut)s WHEN %(cin)s THEN %(cin_cut)s
                                                   ELSE %(cla_cut)s END
  OR c.category = %(cla)s AND p.last < %(placement_cut)s AND (v.last IS NULL OR v.last < p.last)
)
"""

# Each child's last N visits (newest first: date, then when recorded, then id), none of them seen alone.
SEEN_ALONE_SQL = """
SELECT c.id FROM cases_child c
JOIN (
    SELECT child_id, bool_or(seen_alone) AS alone FROM (
        SELECT child_id, seen_alone,
               row_number() OVER (PARTITION BY child_id ORDER BY occurred_on DESC, recorded_at DESC, id DESC) AS place
        FROM cases_casenote WHERE occurred_on <= %(today)s AND kind <> %(note)s
    ) r WHERE place <= %(visits)s GROUP BY child_id
) v ON v.child_id = c.id
WHERE c.closed_on IS NULL AND c.category = ANY(%(categories)s) AND NOT v.alone
"""

CLA_DOCS_SQL = """
SELECT c.id FROM cases_child c
WHERE c.closed_on IS NULL AND c.category = %(looked_after)s AND (
  NOT EXISTS (SELECT 1 FROM cases_document d WHERE d.child_id = c.id AND d.kind = %(photo)s AND d.dated >= %(cut)s)
  OR NOT EXISTS (SELECT 1 FROM cases_document d WHERE d.child_id = c.id AND d.kind = %(certificate)s)
)
"""

AUDIT_ACTIONS_SQL = """
SELECT DISTINCT a.child_id
FROM audits_correctiveaction x
JOIN audits_casefileaudit a ON a.id = x.audit_id JOIN cases_child c ON c.id = a.child_id
WHERE c.closed_on IS NULL AND x.done_on IS NULL AND x.due_on < %(today)s
"""

# Open cases x 10000 against FTE in hundredths x cases per FTE x the percentage (lower while newly qualified).
CASELOAD_SQL = """
SELECT s.id FROM organisation_staffmember s
WHERE s.role = ANY(%(roles)s) AND s.is_active
  AND (SELECT count(*) FROM cases_child c WHERE c.worker_id = s.id AND c.closed_on IS NULL) * 10000
    > round(s.fte * 100) * %(per_fte)s
      * CASE WHEN s.date_qualified BETWEEN %(qualified_from)s AND %(today)s THEN %(percent)s ELSE 100 END
"""

MGR_ATTEND_SQL = """
SELECT DISTINCT m.child_id
FROM cases_managermeeting m JOIN cases_child c ON c.id = m.child_id
WHERE c.closed_on IS NULL AND m.kind = ANY(%(kinds)s) AND m.held_on <= %(today)s AND m.held_on > %(since)s
  AND NOT m.manager_attended AND (m.attendance_confirmed_at IS NOT NULL OR m.held_on < %(today)s)
"""

TEAM_MEETING_SQL = """
SELECT t.id FROM organisation_team t
WHERE NOT EXISTS (
  SELECT 1 FROM supervision_teammeeting m
  WHERE m.team_id = t.id AND m.held_on BETWEEN %(cut)s AND %(today)s AND m.minutes !~ %(blank)s
)
"""


def _months_or_days(figures, name, unit):
    return relativedelta(**{unit: figures[name]})


def _interval_cut(today, interval):
    return cutoff(today, lambda start: start + interval, today - interval)


def _months_cut(today, months):
    return _interval_cut(today, relativedelta(months=months))


def _local_midnight(day):
    """The start of `day` in local time: a moment before it is on an earlier local day."""
    return datetime.combine(day, clock.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _roles(q):
    """The role values one of policy.py's staff predicates names: the floor compares roles only as it does."""
    ((lookup, value),) = q.children
    return [value] if lookup == "role" else list(value)


def _ids(cursor, sql, params):
    cursor.execute(sql, params)
    return {row[0] for row in cursor.fetchall()}


def sup_freq(cursor, today, figures):
    qualifying = newly_qualified_for(figures.get("newly_qualified_months"))
    cursor.execute(SUP_FREQ_SQL, {
        "held": SupervisionSession.Status.HELD.value,
        "today": today,
        "qualified_from": first_day(lambda d: today < d + qualifying, today - qualifying),
        "newly_qualified_cut": _interval_cut(today, _months_or_days(figures, "newly_qualified_days", "days")),
        "returning_cut": _interval_cut(today, _months_or_days(figures, "returning_days", "days")),
        "fortnightly": SupervisionContract.Frequency.FORTNIGHTLY.value,
        "fortnight_cut": _interval_cut(today, relativedelta(days=14)),
        "complex_cut": _interval_cut(today, _months_or_days(figures, "complex_days", "days")),
        "standard_cut": _interval_cut(today, _months_or_days(figures, "standard_months", "months")),
    })
    return {row[0] for row in cursor.fetchall()}


def chron_missing(cursor, today, figures):
    cursor.execute(CHRON_MISSING_SQL, {"cut": working_days_cutoff(today, figures["working_days"])})
    return {row[0] for row in cursor.fetchall()}


def plan_unsigned(cursor, today, figures):
    # Submitted before the cut-off day in local time: before that day's local midnight.
    cut = working_days_cutoff(today, figures["working_days"])
    cut_start = datetime.combine(cut, clock.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
    cursor.execute(PLAN_UNSIGNED_SQL, {"submitted": AssessmentVersion.Status.SUBMITTED.value, "cut_start": cut_start})
    return {row[0] for row in cursor.fetchall()}


def oversight(cursor, today, figures):
    return _ids(cursor, OVERSIGHT_SQL, {
        "today": today, "months_cut": _months_cut(today, figures["months"]),
        "first_cut": working_days_cutoff(today, figures["first_working_days"]),
    })


def unallocated(cursor, today, figures):
    return _ids(cursor, UNALLOCATED_SQL, {"today": today, "cut": working_days_cutoff(today, figures["working_days"])})


def assessment_due(cursor, today, figures):
    return _ids(cursor, ASSESSMENT_DUE_SQL, {
        "kinds": [kind.value for kind in Assessment.ASSESSMENT_KINDS], "signed_off": Status.SIGNED_OFF.value,
        "tomorrow_start": _local_midnight(today + relativedelta(days=1)),
        "review_start": _local_midnight(_months_cut(today, figures["review_months"])),
        "first_cut": working_days_cutoff(today, figures["working_days"]),
    })


def child_views(cursor, today, figures):
    return _ids(cursor, CHILD_VIEWS_SQL, {"today": today, "blank": BLANK, "cut": _months_cut(today, figures["months"])})


def contract_review(cursor, today, figures):
    return _ids(cursor, CONTRACT_REVIEW_SQL, {"today": today, "cut": _months_cut(today, figures["months"])})


def review_minutes(cursor, today, figures):
    return _ids(cursor, REVIEW_MINUTES_SQL, {
        "kinds": [kind.value for kind in ManagerMeeting.MINUTED_KINDS], "today": today,
        "cut": working_days_cutoff(today, figures["working_days"]), "minutes": Document.Kind.REVIEW_MINUTES.value,
    })


def audit_target(cursor, today, figures):
    last = today.replace(day=1) - relativedelta(days=1)
    return _ids(cursor, AUDIT_TARGET_SQL, {
        "roles": _roles(team_managers_q()), "first": last.replace(day=1), "last": last,
        "completed": AuditStatus.COMPLETED.value,
        "default": AuditProgramme._meta.get_field("monthly_audits_per_manager").default,
    })


def fgdm_offer(cursor, today, figures):
    return _ids(cursor, FGDM_OFFER_SQL, {"today": today, "blank": BLANK})


def report_countersign(cursor, today, figures):
    days = figures["working_days"]
    # The first meeting whose last day to countersign (N working days before it) is today or later.
    cut = cutoff(today, lambda meeting: working_days_after(meeting, -days), working_days_after(today, days))
    return _ids(cursor, REPORT_COUNTERSIGN_SQL, {
        "kinds": [kind.value for kind in Assessment.MEETING_KINDS], "cut": cut,
        "done": [Status.SIGNED_OFF.value, Status.FILED.value],
    })


def supervisor_training(cursor, today, figures):
    return _ids(cursor, SUPERVISOR_TRAINING_SQL, {
        "today": today, "skills": TrainingRecord.Kind.SUPERVISION_SKILLS.value,
        "held": SupervisionSession.Status.HELD.value, "cut": _months_cut(today, figures["months"]),
    })


def actions(cursor, today, figures):
    return _ids(cursor, ACTIONS_SQL, {"today": today})


def sup_contract(cursor, today, figures):
    return _ids(cursor, SUP_CONTRACT_SQL, {})


def sup_filed(cursor, today, figures):
    return _ids(cursor, SUP_FILED_SQL, {"today": today, "cancelled": SupervisionSession.Status.CANCELLED.value})


def appraisal(cursor, today, figures):
    return _ids(cursor, APPRAISAL_SQL, {"today": today, "cut": _months_cut(today, figures["months"])})


def observation(cursor, today, figures):
    return _ids(cursor, OBSERVATION_SQL, {
        "today": today, "cut": _months_cut(today, figures["months"]), "months": int(figures["months"]),
    })


def chron_stale(cursor, today, figures):
    rule = BY_CODE["CHRON-STALE"]
    return _ids(cursor, CHRON_STALE_SQL, {
        "today": today, "cut": today - timedelta(days=figures["days"]),
        "meetings": [kind.value for kind in rule.SIGNIFICANT_MEETINGS],
        "documents": [kind.value for kind in rule.SIGNIFICANT_DOCUMENTS],
    })


def plan_missing(cursor, today, figures):
    return _ids(cursor, PLAN_MISSING_SQL, {
        "categories": [category.value for category in PLAN_FOR], "kinds": [kind.value for kind in PLAN_FOR.values()],
        "cut": working_days_cutoff(today, figures["working_days"]), "signed_off": Status.SIGNED_OFF.value,
    })


def summary(cursor, today, figures):
    return _ids(cursor, SUMMARY_SQL, {
        "summary": Document.Kind.QUARTERLY_SUMMARY.value, "cut": _months_cut(today, figures["months"]),
    })


def visits(cursor, today, figures):
    return _ids(cursor, VISITS_SQL, {
        "today": today, "visit": CaseNote.Kind.STATUTORY_VISIT.value,
        "placement": ChronologyEntry.EventType.PLACEMENT.value,
        "categories": [category.value for category in BY_CODE["VISITS"].CATEGORIES],
        "cp": Category.CHILD_PROTECTION.value, "cin": Category.CHILD_IN_NEED.value, "cla": Category.LOOKED_AFTER.value,
        "cp_cut": working_days_cutoff(today, figures["cp_working_days"]),
        "cin_cut": working_days_cutoff(today, figures["cin_working_days"]),
        "cla_cut": today - timedelta(weeks=figures["cla_weeks"]),
        "placement_cut": today - timedelta(weeks=figures["cla_new_placement_weeks"]),
    })


def seen_alone(cursor, today, figures):
    return _ids(cursor, SEEN_ALONE_SQL, {
        "today": today, "note": CaseNote.Kind.NOTE.value, "visits": figures["visits"],
        "categories": [Category.CHILD_PROTECTION.value, Category.LOOKED_AFTER.value],
    })


def cla_docs(cursor, today, figures):
    return _ids(cursor, CLA_DOCS_SQL, {
        "looked_after": Category.LOOKED_AFTER.value, "photo": Document.Kind.PHOTO.value,
        "certificate": Document.Kind.BIRTH_CERTIFICATE.value, "cut": _months_cut(today, figures["photo_months"]),
    })


def audit_actions(cursor, today, figures):
    return _ids(cursor, AUDIT_ACTIONS_SQL, {"today": today})


def caseload(cursor, today, figures):
    # Newly qualified for the period SUP-FREQ configures, as the rule reads it.
    qualifying = newly_qualified_for()
    return _ids(cursor, CASELOAD_SQL, {
        "roles": _roles(practitioners_q()), "today": today, "per_fte": figures["cases_per_fte"],
        "percent": figures["newly_qualified_percent"],
        "qualified_from": first_day(lambda d: today < d + qualifying, today - qualifying),
    })


def mgr_attend(cursor, today, figures):
    return _ids(cursor, MGR_ATTEND_SQL, {
        "kinds": [kind.value for kind in ManagerMeeting.ATTENDED_KINDS], "today": today,
        "since": today - relativedelta(months=figures["months"]),
    })


def team_meeting(cursor, today, figures):
    return _ids(cursor, TEAM_MEETING_SQL, {
        "today": today, "cut": today - timedelta(weeks=figures["weeks"]), "blank": BLANK,
    })


FLOOR = {
    "SUP-FREQ": sup_freq, "SUP-CONTRACT": sup_contract, "SUP-FILED": sup_filed, "APPRAISAL": appraisal,
    "OBSERVATION": observation, "CHRON-MISSING": chron_missing, "CHRON-STALE": chron_stale,
    "PLAN-UNSIGNED": plan_unsigned, "PLAN-MISSING": plan_missing, "SUMMARY": summary, "VISITS": visits,
    "SEEN-ALONE": seen_alone, "CLA-DOCS": cla_docs, "AUDIT-ACTIONS": audit_actions, "CASELOAD": caseload,
    "MGR-ATTEND": mgr_attend, "TEAM-MEETING": team_meeting,
    "OVERSIGHT": oversight, "UNALLOCATED": unallocated, "ASSESSMENT-DUE": assessment_due, "ACTIONS": actions,
    "CHILD-VIEWS": child_views, "REVIEW-MINUTES": review_minutes, "CONTRACT-REVIEW": contract_review,
    "AUDIT-TARGET": audit_target, "FGDM-OFFER": fgdm_offer, "REPORT-COUNTERSIGN": report_countersign,
    "SUPERVISOR-TRAINING": supervisor_training,
}
# Every rule with a floor, in the SPEC's order (the sweep's).
FLOORED = tuple(code for code in BY_CODE if code in FLOOR)


def floor_breaches(today, config=None):
    """{code: set of subject ids} by the hand-written SQL."""
    config = config or configured()
    return {code: _floor_ids(code, today, config[code][1]) for code in FLOORED}


def rule_breaches(today, config=None):
    """{code: set of subject ids} by the rules' own querysets."""
    config = config or configured()
    return {code: _breach_ids(code, today, config[code][1]) for code in FLOORED}


def honest(today, config=None):
    """{code: {"rule": n, "floor": n, "same": bool}}: does the floor find exactly the rules' breaches?"""
    config = config or configured()
    rules, floor = rule_breaches(today, config), floor_breaches(today, config)
    return {code: {"rule": len(rules[code]), "floor": len(floor[code]), "same": rules[code] == floor[code]}
            for code in FLOORED}


def _timed(work, *args, **kwargs):
    started = time.perf_counter()
    result = work(*args, **kwargs)
    return time.perf_counter() - started, result


def _breach_ids(code, today, figures):
    return set(BY_CODE[code].breaches(today, figures).values_list("pk", flat=True))


def _floor_ids(code, today, figures):
    with connection.cursor() as cursor:
        return FLOOR[code](cursor, today, figures)


def _median_ms(values):
    return round(statistics.median(values) * 1000, 1)


def _totals(samples, codes, repeats):
    return [sum(samples[code][i] for code in codes) for i in range(repeats)]


def _ratio(part, whole):
    return round(statistics.median(part) / statistics.median(whole), 2)


def measure(today, now, repeats=3):
    """Full sweep, the floored rules' sweep, their breach queries alone and the SQL floor, in seconds/ms.

    `ratio_to_sql_floor` is all floored rules' sweep over all their floors (the target's figure); `core`
    the three rules the earlier figures measured alone; `per_rule` each rule's own.
    The first full sweep raises whatever the data holds; the timed ones after it are the steady state
    the worker runs every SWEEP_MINUTES.
    """
    config = configured()
    full = []
    for _ in range(repeats + 1):
        seconds, run = _timed(full_sweep, today=today, now=now)
        if run is None:
            raise RuntimeError("another full sweep holds the advisory lock; stop the worker and retry")
        full.append(seconds)
    per_rule = {code: [] for code in FLOORED}
    queries = {code: [] for code in FLOORED}
    floor = {code: [] for code in FLOORED}
    for _ in range(repeats):
        for code in FLOORED:
            enabled, figures = config[code]
            per_rule[code].append(_timed(sweep_rule, BY_CODE[code], enabled, figures, today=today, now=now)[0])
            queries[code].append(_timed(_breach_ids, code, today, figures)[0])
            floor[code].append(_timed(_floor_ids, code, today, figures)[0])
    swept, queried, floored = (_totals(samples, FLOORED, repeats) for samples in (per_rule, queries, floor))
    core_swept, core_floored = _totals(per_rule, CORE, repeats), _totals(floor, CORE, repeats)
    return {
        "full_sweep_first_s": round(full[0], 2),
        "full_sweep_median_s": round(statistics.median(full[1:]), 2),
        "full_sweep_slowest_s": round(max(full), 2),
        "floored": list(FLOORED),
        # The "core_" names are kept from when only the three were floored: they now cover every floored rule.
        "core_sweep_ms": _median_ms(swept),
        "core_breach_queries_ms": _median_ms(queried),
        "sql_floor_ms": _median_ms(floored),
        "ratio_to_sql_floor": _ratio(swept, floored),
        "queries_ratio_to_sql_floor": _ratio(queried, floored),
        "core": {"codes": list(CORE), "sweep_ms": _median_ms(core_swept), "sql_floor_ms": _median_ms(core_floored),
                 "ratio_to_sql_floor": _ratio(core_swept, core_floored)},
        "per_rule": {
            code: {"sweep_ms": _median_ms(per_rule[code]), "breach_query_ms": _median_ms(queries[code]),
                   "sql_floor_ms": _median_ms(floor[code]), "ratio_to_sql_floor": _ratio(per_rule[code], floor[code])}
            for code in FLOORED
        },
        "honest": honest(today, config),
        "repeats": repeats,
    }

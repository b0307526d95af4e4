"""The compliance sweep's time, and its SQL floor: hand-written SQL for the three core rules' breaches.

The floor is what the database needs at least to find the same breaches
(SUP-FREQ, CHRON-MISSING, PLAN-UNSIGNED), with each cut-off date computed in
Python exactly as the rule does (working days, bank holidays, month ends).
`honest()` checks that it finds the same subjects as the rules, so the ratio
compares like with like.
"""
import statistics
import time
from datetime import datetime
from datetime import time as clock
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection

from cases.models import AssessmentVersion
from compliance.rules import BY_CODE
from compliance.rules.base import cutoff, first_day, working_days_cutoff
from compliance.sweep import full_sweep, sweep_rule
from organisation.models import NEWLY_QUALIFIED_FOR
from organisation.standards import configured
from supervision.models import SupervisionContract, SupervisionSession

CORE = ("SUP-FREQ", "CHRON-MISSING", "PLAN-UNSIGNED")

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


def _months_or_days(figures, name, unit):
    return relativedelta(**{unit: figures[name]})


def _interval_cut(today, interval):
    return cutoff(today, lambda start: start + interval, today - interval)


def sup_freq(cursor, today, figures):
    cursor.execute(SUP_FREQ_SQL, {
        "held": SupervisionSession.Status.HELD.value,
        "today": today,
        "qualified_from": first_day(lambda d: today < d + NEWLY_QUALIFIED_FOR, today - NEWLY_QUALIFIED_FOR),
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


FLOOR = {"SUP-FREQ": sup_freq, "CHRON-MISSING": chron_missing, "PLAN-UNSIGNED": plan_unsigned}


def floor_breaches(today, config=None):
    """{code: set of subject ids} by the hand-written SQL."""
    config = config or configured()
    return {code: _floor_ids(code, today, config[code][1]) for code in CORE}


def rule_breaches(today, config=None):
    """{code: set of subject ids} by the rules' own querysets."""
    config = config or configured()
    return {code: _breach_ids(code, today, config[code][1]) for code in CORE}


def honest(today, config=None):
    """{code: {"rule": n, "floor": n, "same": bool}}: does the floor find exactly the rules' breaches?"""
    config = config or configured()
    rules, floor = rule_breaches(today, config), floor_breaches(today, config)
    return {code: {"rule": len(rules[code]), "floor": len(floor[code]), "same": rules[code] == floor[code]}
            for code in CORE}


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


def measure(today, now, repeats=3):
    """Full sweep, the core rules' sweep, their breach queries alone and the SQL floor, in seconds/ms.

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
    per_rule = {code: [] for code in CORE}
    queries = {code: [] for code in CORE}
    floor = {code: [] for code in CORE}
    for _ in range(repeats):
        for code in CORE:
            enabled, figures = config[code]
            per_rule[code].append(_timed(sweep_rule, BY_CODE[code], enabled, figures, today=today, now=now)[0])
            queries[code].append(_timed(_breach_ids, code, today, figures)[0])
            floor[code].append(_timed(_floor_ids, code, today, figures)[0])
    core = [sum(per_rule[code][i] for code in CORE) for i in range(repeats)]
    floor_total = [sum(floor[code][i] for code in CORE) for i in range(repeats)]
    query_total = [sum(queries[code][i] for code in CORE) for i in range(repeats)]
    return {
        "full_sweep_first_s": round(full[0], 2),
        "full_sweep_median_s": round(statistics.median(full[1:]), 2),
        "full_sweep_slowest_s": round(max(full), 2),
        "core_sweep_ms": _median_ms(core),
        "core_breach_queries_ms": _median_ms(query_total),
        "sql_floor_ms": _median_ms(floor_total),
        "ratio_to_sql_floor": round(statistics.median(core) / statistics.median(floor_total), 2),
        "queries_ratio_to_sql_floor": round(statistics.median(query_total) / statistics.median(floor_total), 2),
        "per_rule": {
            code: {"sweep_ms": _median_ms(per_rule[code]), "breach_query_ms": _median_ms(queries[code]),
                   "sql_floor_ms": _median_ms(floor[code])}
            for code in CORE
        },
        "honest": honest(today, config),
        "repeats": repeats,
    }

"""The dry run: what an import would create, update or reject, child by child and row by row.

Nothing here writes; apply.py carries a plan out in one transaction.
"""
from collections import Counter
from dataclasses import dataclass, field, replace

from cases.models import CaseNote, Category, Child, Ethnicity, Gender
from organisation.models import StaffMember, Team

from .annex_a import DISABLED, NO_DISABILITY
from .codes import text
from .models import SourceRecord
from .queries import queries

# When a child is in several lists at once, the most intensive open involvement is their category.
PRECEDENCE = [Category.LOOKED_AFTER, Category.CHILD_PROTECTION, Category.CARE_LEAVER, Category.CHILD_IN_NEED,
              Category.EARLY_HELP]
CHUNK = 500
# What a return says of the child; a value no row gives (None) leaves Oversight's as it is.
CHILD_DETAILS = ("date_of_birth", "gender", "ethnicity", "died_on", "disabilities", "primary_need", "uasc",
                 "uasc_ceased_on")


class Outcome:
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"
    # Held back until the administrator accepts the child's queries (see queries.py).
    QUERY = "query"
    SKIP = "skip"


@dataclass
class ChildPlan:
    child_id: str
    rows: list
    existing: Child | None = None
    fields: dict = field(default_factory=dict)
    team: Team | None = None
    worker: StaffMember | None = None
    changed_fields: list = field(default_factory=list)
    reallocate: bool = False
    allocated_since: object = None
    # The return covers part of the child's involvement (SSDA903: care only); see _compare.
    partial: bool = False
    # (item, row) pairs not yet in Oversight.
    new_visits: list = field(default_factory=list)
    new_events: list = field(default_factory=list)
    new_assessments: list = field(default_factory=list)
    new_care_spells: list = field(default_factory=list)
    new_pre_proceedings: list = field(default_factory=list)
    # (WorkerPeriod, row, worker, team) for past allocations not yet in Oversight.
    new_allocations: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    accepted: bool = False

    @property
    def outcome(self):
        if self.errors or any(row.errors for row in self.rows):
            return Outcome.REJECT
        if self.queries and not self.accepted:
            return Outcome.QUERY
        if self.existing is None:
            return Outcome.CREATE
        if (self.changed_fields or self.reallocate or self.new_visits or self.new_events or self.new_assessments
                or self.new_allocations or self.new_care_spells or self.new_pre_proceedings):
            return Outcome.UPDATE
        return Outcome.UNCHANGED

    def changes(self):
        said = []
        if self.existing is None:
            said.append(f"new child, {self.fields['category']}, allocated to {self.team}"
                        + (f" ({self.worker.username})" if self.worker else " (no worker)"))
        else:
            said += [f"{name.replace('_', ' ')} changes" for name in self.changed_fields]
            if self.reallocate:
                said.append(f"reallocated to {self.team}" + (f" ({self.worker.username})" if self.worker else ""))
        for one, many, items in (("visit", "visits", self.new_visits),
                                 ("chronology entry", "chronology entries", self.new_events),
                                 ("assessment or plan", "assessments or plans", self.new_assessments),
                                 ("past allocation", "past allocations", self.new_allocations),
                                 ("care episode", "care episodes", self.new_care_spells),
                                 ("pre-proceedings record", "pre-proceedings records", self.new_pre_proceedings)):
            if items:
                verb = "added or updated" if items in (self.new_care_spells, self.new_pre_proceedings) else "added"
                said.append(f"{len(items)} {one if len(items) == 1 else many} {verb}")
        return said


class Directory:
    """Teams and staff by the names a return uses for them (case and spacing ignored), staff also by SWE number."""

    def __init__(self):
        self.teams = {_key(t.name): t for t in Team.objects.all()}
        self.staff = {}
        for member in StaffMember.objects.filter(is_active=True).select_related("team"):
            for name in {_key(member.get_full_name()), _key(member.username), _key(member.swe_number)} - {""}:
                self.staff.setdefault(name, []).append(member)

    def team(self, name):
        return self.teams.get(_key(name))

    def worker(self, name):
        """The one staff member of that name, or None (unknown or ambiguous) and why."""
        found = self.staff.get(_key(name), [])
        if len(found) == 1:
            return found[0], ""
        if found:
            return None, f"worker '{name}' matches {len(found)} staff members"
        return None, f"worker '{name}' is not a staff member in Oversight"


def _key(name):
    return text(name).lower()


def plan_children(rows, *, fallback_team=None, unique_ids=False, partial=False, today=None, accepted=()):
    """Group rows by child and plan each child; `unique_ids` rejects an id given by two rows.

    `partial`: the return tells only part of the child's story (SSDA903: time in care), see _compare.
    `today` turns on the queries (queries.py); `accepted`: the children whose queries the administrator accepted.
    """
    accepted = set(accepted)
    by_child = {}
    for row in rows:
        if row.child_id and not row.skipped:
            by_child.setdefault(row.child_id, []).append(row)
    directory = Directory()
    ids = list(by_child)
    plans = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        existing = {c.local_id: c for c in Child.objects.filter(local_id__in=chunk).select_related("team", "worker")}
        known = set(SourceRecord.objects.filter(child_local_id__in=chunk).values_list("child_local_id", "natural_key"))
        visited = set(
            CaseNote.objects.filter(child__local_id__in=chunk, kind=CaseNote.Kind.STATUTORY_VISIT)
            .values_list("child__local_id", "occurred_on")
        )
        for child_id in chunk:
            plan = ChildPlan(child_id, by_child[child_id], existing.get(child_id), partial=partial)
            if unique_ids and len(plan.rows) > 1:
                plan.errors.append("the child's identifier appears more than once: "
                                   + ", ".join(row.location for row in plan.rows))
            _plan(plan, directory, fallback_team, known, visited)
            if today is not None and not plan.errors and plan.fields:
                plan.queries, plan.accepted = queries(plan, today), child_id in accepted
            plans.append(plan)
    return plans


def _plan(plan, directory, fallback_team, known, visited):
    longest = Child._meta.get_field("local_id").max_length
    if len(plan.child_id) > longest:
        plan.errors.append(f"the child's identifier is longer than {longest} characters")
    open_periods = [row.location for row in plan.rows if row.allocated_since is not None]
    if len(open_periods) > 1:
        plan.errors.append("more than one social worker episode is open: " + ", ".join(open_periods))
    if plan.errors or any(row.errors for row in plan.rows):
        return
    _merge_details(plan)
    if plan.errors:
        return
    _allocate(plan, directory, fallback_team)
    if plan.errors:
        return
    _compare(plan)
    _new_records(plan, known, visited)
    _past_allocations(plan, directory, known)


def _merge_details(plan):
    rows = plan.rows
    for name in CHILD_DETAILS:
        given = {}
        for row in rows:
            if getattr(row, name) is not None:
                given.setdefault(getattr(row, name), []).append(row.location)
        if len(given) > 1:
            plan.errors.append(f"conflicting {name.replace('_', ' ')}: "
                               + "; ".join(f"{value} ({', '.join(where)})" for value, where in given.items()))
        plan.fields[name] = next(iter(given), None)
    involvements = [row.involvement for row in rows if row.involvement]
    if not involvements:
        if plan.existing is None:
            plan.errors.append("no row gives a start date for the child's involvement, and the child is not yet in "
                               "Oversight" + (": import the SSDA903 tables together (the XML file or the CSV files "
                                              "zipped together)" if plan.partial else ""))
        else:
            # A return that adds reviews or worker history to a child Oversight holds leaves their involvement be.
            plan.fields = {name: value for name, value in plan.fields.items() if value is not None}
        return
    open_now = [i for i in involvements if i.end is None]
    pool = open_now or involvements
    plan.fields["category"] = min(pool, key=lambda i: PRECEDENCE.index(i.category)).category
    plan.fields["opened_on"] = min(i.start for i in involvements)
    plan.fields["closed_on"] = None if open_now else max(i.end for i in involvements)
    _close_at_death(plan)
    if plan.existing is None:
        if plan.fields["date_of_birth"] is None:
            plan.errors.append("Date of Birth is blank and the child is not yet in Oversight"
                               + (" (the SSDA903 Header table gives it)" if plan.partial else ""))
        plan.fields["gender"] = plan.fields["gender"] or Gender.NOT_RECORDED
        plan.fields["ethnicity"] = plan.fields["ethnicity"] or Ethnicity.NOBT
        plan.fields["disabilities"] = plan.fields["disabilities"] or ""
        plan.fields["primary_need"] = plan.fields["primary_need"] or ""
        plan.fields["uasc"] = bool(plan.fields["uasc"])


def _close_at_death(plan):
    """A child who has died has no open case: it closes on the date of death."""
    died = plan.fields["died_on"]
    if died is None:
        return
    if died < plan.fields["opened_on"]:
        plan.errors.append(f"the date of death {died} is before the involvement began ({plan.fields['opened_on']})")
    elif plan.fields["closed_on"] is None or plan.fields["closed_on"] > died:
        plan.fields["closed_on"] = died
        plan.warnings.append(f"the case is closed on the date of death, {died}")


def _allocate(plan, directory, fallback_team):
    """The team and worker the return names, as Oversight's own; see README "Importing a council's data"."""
    named = [row for row in plan.rows if row.team_name is not None]
    in_category = [row for row in named
                   if row.involvement and row.involvement.category == plan.fields.get("category")]
    source = (in_category or named or [None])[-1]
    current = plan.existing
    if source is None and current is not None:
        # The return says nothing about allocation (CIN census, 903 without a social worker table): it stands.
        plan.team, plan.worker = current.team, current.worker
        return
    plan.allocated_since = source.allocated_since if source else None
    team_name = source.team_name if source else ""
    worker_name = source.worker_name if source else ""
    team = directory.team(team_name) if team_name else None
    worker = None
    if worker_name:
        worker, why = directory.worker(worker_name)
        if worker is None:
            plan.warnings.append(f"{why}: no worker allocated from the return")
    if team is None and worker is not None and worker.team is not None:
        team = worker.team
    if team is None:
        if team_name:
            plan.warnings.append(f"allocated team '{team_name}' is not a team in Oversight")
        if current is not None:
            team = current.team
            worker = worker or (current.worker if worker_name else None)
        elif fallback_team is not None:
            team = fallback_team
            plan.warnings.append(f"placed in {fallback_team}, the team chosen for unrecognised teams")
        else:
            plan.errors.append("no team in Oversight for this child: choose a team for unrecognised teams to import it")
            return
    elif current is not None and worker is None and worker_name and team == current.team:
        worker = current.worker  # an unrecognised name does not take the child from their worker
    plan.team, plan.worker = team, worker


def _compare(plan):
    current = plan.existing
    if current is None:
        return
    if plan.partial and "opened_on" in plan.fields:
        # Care is part of the child's involvement: an earlier opening stands, and leaving care
        # does not close or recategorise a case Oversight holds under another category.
        plan.fields["opened_on"] = min(plan.fields["opened_on"], current.opened_on)
        if plan.fields["closed_on"] is not None and current.category != plan.fields["category"]:
            plan.fields["category"], plan.fields["closed_on"] = current.category, current.closed_on
    if plan.fields.get("disabilities") == DISABLED and current.disabilities not in ("", NO_DISABILITY):
        plan.fields["disabilities"] = current.disabilities  # "has a disability" does not erase which
    for name, value in plan.fields.items():
        if value is None and name != "closed_on":
            plan.fields[name] = getattr(current, name)
        elif getattr(current, name) != value:
            plan.changed_fields.append(name)
    plan.reallocate = (plan.team.pk, getattr(plan.worker, "pk", None)) != (current.team_id, current.worker_id)


def _new_records(plan, known, visited):
    def fresh(items, already=lambda item: False):
        seen, out = set(), []
        for row in plan.rows:
            # Two same-kind records on one date in one row are two records; in two rows (two lists), one.
            in_row = Counter()
            for item in getattr(row, items):
                in_row[item.key] += 1
                if in_row[item.key] > 1 and hasattr(item, "occurrence"):
                    item = replace(item, occurrence=in_row[item.key])
                if item.key in seen or (plan.child_id, item.key) in known or already(item):
                    continue
                seen.add(item.key)
                out.append((item, row))
        return out

    plan.new_visits = fresh("visits", lambda visit: (plan.child_id, visit.occurred_on) in visited)
    plan.new_events = fresh("events")
    plan.new_assessments = fresh("assessments")
    plan.new_care_spells = fresh("care_spells")
    plan.new_pre_proceedings = fresh("pre_proceedings")
    # "Seen alone" on a visit already imported is not re-read: records are added, not rewritten.


def _past_allocations(plan, directory, known):
    """Closed periods of the social worker table not yet in Oversight, with the worker they name."""
    seen = set()
    for row in plan.rows:
        for period in row.worker_history:
            if period.key in seen or (plan.child_id, period.key) in known:
                continue
            seen.add(period.key)
            worker, why = directory.worker(period.worker_id)
            if worker is None:
                plan.warnings.append(f"{why}: the allocation from {period.start} to {period.end} is not recorded")
                continue
            plan.new_allocations.append((period, row, worker, worker.team or plan.team))

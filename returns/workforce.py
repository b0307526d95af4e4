"""The children's social work workforce census: staff, FTE, role and agency status, validated against DfE's schema.

Staff are matched on their Social Work England number. Imported staff cannot sign in until an administrator
gives them a password, and a return never grants more than a practitioner's or manager's ordinary access.
"""
import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from lxml import etree

from organisation.models import Role, StaffMember

from . import codes
from .annex_a import FileError
from .apply import bulk_create
from .cin_census import parse_return
from .models import SourceRecord
from .planning import Outcome
from .rows import RowError

SCHEMA = Path(__file__).parent / "schemas" / "social_work_workforce_2022.xsd"
WORKER_PATH = re.compile(r"^/Message/CSWWWorker(?:\[(\d+)\])?")
# The census's OrgRole, as Oversight's role. Senior and middle managers are heads of service, never directors:
# a director sees every child, and that is for an administrator to grant, not a return.
ROLES = {"1": Role.HEAD_OF_SERVICE, "2": Role.HEAD_OF_SERVICE, "3": Role.TEAM_MANAGER,
         "4": Role.SENIOR_PRACTITIONER, "5": Role.SOCIAL_WORKER, "6": Role.SOCIAL_WORKER}
NATURAL_KEY = "staff member"
HUNDREDTH = Decimal("0.01")


@cache
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@dataclass
class WorkerRow:
    """One <CSWWWorker> element, read and checked on its own."""

    location: str
    raw: str
    swe_number: str = ""
    agency_worker: bool | None = None
    fte: Decimal | None = None
    role: str | None = None
    started_on: object = None  # RoleStartDate: the staff standards' clocks run from it (SPEC 4b)
    left_on: object = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    skipped: str = ""

    @property
    def child_id(self):
        # The report's identifier column: for staff, their SWE number.
        return self.swe_number

    @property
    def content_hash(self):
        return hashlib.sha256(json.dumps(self.raw).encode()).hexdigest()


class WorkforceReader:
    format_label = "Workforce census"

    def __init__(self, stream):
        self.document = parse_return(stream, "a workforce census")
        root = self.document.getroot()
        if root.tag != "Message" or root.find("CSWWWorker") is None:
            raise FileError("The file is not a social work workforce census (no <Message><CSWWWorker>).")
        schema().validate(self.document)
        self.worker_errors, file_errors = {}, []
        for error in schema().error_log:
            found = WORKER_PATH.match(error.path or "")
            message = f"line {error.line}, {error.path}: {error.message}"
            # A worker element out of place (e.g. LALevelVacancies missing before it) is the file's fault.
            misplaced = found and found.end() == len(error.path) and "not expected" in error.message
            if found and not misplaced:
                self.worker_errors.setdefault(int(found.group(1) or 1), []).append(message)
            else:
                file_errors.append(message)
        if file_errors:
            raise FileError("The file breaks the workforce census schema outside any worker: "
                            + "; ".join(file_errors[:5]))
        self.workers = root.findall("CSWWWorker")

    def total(self):
        return len(self.workers)

    def __iter__(self):
        for index, element in enumerate(self.workers, start=1):
            yield self._row(index, element)

    def _row(self, index, element):
        row = WorkerRow(location=f"CSWWWorker[{index}] (line {element.sourceline})",
                        raw=etree.tostring(element, encoding="unicode"),
                        swe_number=codes.text(element.findtext("SWENo")).upper())
        row.errors.extend(f"schema: {message}" for message in self.worker_errors.get(index, []))
        if row.errors:
            return row
        try:
            row.agency_worker = element.findtext("AgencyWorker") == "1"
            if fte := codes.text(element.findtext("FTE")):
                row.fte = Decimal(fte).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
            role = codes.text(element.findtext("OrgRole"))
            row.role = ROLES[role] if role else None
            row.started_on = codes.date(element.findtext("RoleStartDate"))
            row.left_on = codes.date(element.findtext("RoleEndDate"))
            if row.started_on and row.left_on and row.left_on < row.started_on:
                raise RowError(f"RoleEndDate {row.left_on} is before RoleStartDate {row.started_on}")
        except RowError as error:
            row.errors.append(str(error))
        return row


@dataclass
class StaffPlan:
    child_id: str  # the SWE number; named as the child plans are so the report reads both
    rows: list
    existing: StaffMember | None = None
    fields: dict = field(default_factory=dict)
    changed_fields: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    not_added: str = ""

    @property
    def outcome(self):
        if self.errors or any(row.errors for row in self.rows):
            return Outcome.REJECT
        if self.not_added:
            return Outcome.SKIP
        if self.existing is None:
            return Outcome.CREATE
        return Outcome.UPDATE if self.changed_fields else Outcome.UNCHANGED

    def changes(self):
        if self.not_added:
            return [self.not_added]
        if self.existing is None:
            fields = self.fields
            return [f"new staff member {fields['username']}, {fields['role'].label}, FTE {fields['fte']}"
                    + (", agency worker" if fields["agency_worker"] else "")
                    + (f", in {fields['team']}" if fields["team"] else ", no team")
                    + ": cannot sign in until an administrator sets a password"]
        return [f"{StaffMember._meta.get_field(name).verbose_name} changes" for name in self.changed_fields]


def plan_staff(rows, *, fallback_team=None):
    """Match each worker on their SWE number (or a username equal to it) and say what would change."""
    by_number = {}
    for row in rows:
        if row.swe_number:
            by_number.setdefault(row.swe_number, []).append(row)
    numbers = list(by_number)
    existing = {m.swe_number.upper(): m for m in StaffMember.objects.filter(swe_number__in=numbers)}
    by_username = {m.username.upper(): m for m in StaffMember.objects.filter(
        username__in=[n.lower() for n in numbers] + numbers)}
    plans = []
    for number in numbers:
        plan = StaffPlan(number, by_number[number], existing.get(number))
        if len(plan.rows) > 1:
            plan.errors.append("the worker's SWE number appears more than once: "
                               + ", ".join(row.location for row in plan.rows))
        if plan.errors or any(row.errors for row in plan.rows):
            plans.append(plan)
            continue
        if plan.existing is None and (namesake := by_username.get(number)) is not None:
            if namesake.swe_number:
                plan.errors.append(f"the username {namesake.username} belongs to a staff member with another "
                                   "SWE number")
            else:
                plan.existing = namesake
        if not plan.errors:
            _plan_worker(plan, plan.rows[0], fallback_team)
        plans.append(plan)
    return plans


def _plan_worker(plan, row, fallback_team):
    current = plan.existing
    if current is None:
        if row.left_on:
            plan.not_added = f"left on {row.left_on:%d/%m/%Y} and not in Oversight: not added"
            return
        if row.fte is None:
            row.warnings.append("no FTE in the census: 1.00 assumed")
        plan.fields = {"username": plan.child_id.lower(), "swe_number": plan.child_id,
                       "role": row.role or Role.SOCIAL_WORKER, "fte": row.fte if row.fte is not None else Decimal(1),
                       "agency_worker": row.agency_worker, "team": fallback_team, "started_in_post": row.started_on}
        return
    wanted = {"swe_number": plan.child_id, "agency_worker": row.agency_worker}
    if row.fte is not None:
        wanted["fte"] = row.fte
    if row.started_on is not None:
        wanted["started_in_post"] = row.started_on
    for name, value in wanted.items():
        if getattr(current, name) != value:
            plan.fields[name] = value
            plan.changed_fields.append(name)
    if row.role and row.role != current.role:
        # Access follows the role: a return may not change what someone can see.
        plan.warnings.append(f"the census gives the role {Role(row.role).label}; Oversight keeps "
                             f"{current.get_role_display()} (an administrator changes roles)")
    if row.left_on and current.is_active:
        plan.warnings.append(f"left on {row.left_on:%d/%m/%Y}: the account stays active until an administrator "
                             "reallocates their children and deactivates it")


@transaction.atomic
def apply_staff(*, plans, batch, by, today):
    """Create and update the staff the plans say, each tied to its census element."""
    sources = []

    def source(member, plan, action):
        row = plan.rows[0]
        sources.append(SourceRecord(
            batch=batch, location=row.location, content_hash=row.content_hash, child_local_id=plan.child_id,
            natural_key=NATURAL_KEY, action=action, content_type=ContentType.objects.get_for_model(StaffMember),
            object_id=member.pk,
        ))

    new = [plan for plan in plans if plan.outcome == Outcome.CREATE]
    members = []
    for plan in new:
        member = StaffMember(is_active=True, is_staff=False, is_superuser=False, **plan.fields)
        # No usable password: the account exists for allocations and caseloads until someone is given access.
        member.set_unusable_password()
        member.full_clean(exclude=["password", "team", "line_manager"], validate_unique=False)
        members.append(member)
    for plan, member in zip(new, bulk_create(StaffMember, members, by=by), strict=True):
        source(member, plan, "created")
    for plan in plans:
        if plan.outcome == Outcome.UPDATE:
            member = plan.existing
            for name in plan.changed_fields:
                setattr(member, name, plan.fields[name])
            member.save(update_fields=plan.changed_fields)
            source(member, plan, "updated")
    SourceRecord.objects.bulk_create(sources)

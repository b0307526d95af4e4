"""A fictional local authority for the demo and the benchmarks.

Deterministic: the same seed and sizes give the same authority, and a rerun
adds only what is missing (everything is keyed on names, usernames and
local identifiers). Bulk inserts keep large sizes fast.
"""
import datetime
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from organisation.models import Role, Service, StaffMember, Team

from . import demo_meetings, demo_records, demo_texts
from .demo_names import StaffNames, child_name
from .models import Allocation, Category, Child, Ethnicity, Gender

DEMO_PASSWORD = "demo-password"  # nosec B105: the documented demo login, set only by seed_demo

# The benchmarks' generator (bench/) draws from these flat lists; the demo itself uses demo_names and demo_texts.
FIRST_NAMES = (
    "Amelia Oliver Isla Noah Ava Leo Mia Arthur Ivy Muhammad Freya Harry Aisha Oscar Zara George Lily "
    "Theo Maya Jack Poppy Ethan Sofia Alfie Grace Yusuf Evie Archie Hana Jacob Ruby Kai Layla Finley "
    "Priya Reuben Chloe Ibrahim Erin Tomasz Niamh Kofi Elsie Dylan Amara Callum Leah Rory Fatima"
).split()
LAST_NAMES = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright Thompson Evans Walker "
    "White Roberts Green Hall Wood Jackson Clarke Khan Hughes Edwards Hussain Lewis Murphy Begum Ahmed "
    "Kowalski Okafor Mensah Byrne Reid Campbell Kelly Doyle Nowak Ali Shah Price Bennett Chapman Ellis"
).split()

# (service, team, categories of the children it holds)
TEAM_TEMPLATES = [
    ("Children's Social Care", "Assessment and Intervention", [Category.CHILD_IN_NEED, Category.CHILD_PROTECTION]),
    ("Children's Social Care", "Child Protection", [Category.CHILD_PROTECTION, Category.CHILD_IN_NEED]),
    ("Children's Social Care", "Children in Care", [Category.LOOKED_AFTER]),
    ("Children's Social Care", "Care Leavers", [Category.CARE_LEAVER, Category.LOOKED_AFTER]),
    ("Family First", "Early Help North", [Category.EARLY_HELP]),
    ("Family First", "Early Help South", [Category.EARLY_HELP, Category.CHILD_IN_NEED]),
]
ETHNICITY_WEIGHTS = {
    Ethnicity.WBRI: 70, Ethnicity.WOTH: 5, Ethnicity.WIRI: 1, Ethnicity.WIRT: 1, Ethnicity.WROM: 1, Ethnicity.MWBC: 4,
    Ethnicity.MWBA: 2, Ethnicity.MWAS: 2, Ethnicity.MOTH: 2, Ethnicity.AIND: 1, Ethnicity.APKN: 2,
    Ethnicity.ABAN: 1, Ethnicity.AOTH: 1, Ethnicity.BCRB: 1, Ethnicity.BAFR: 3, Ethnicity.BOTH: 1,
    Ethnicity.CHNE: 1, Ethnicity.OOTH: 1, Ethnicity.NOBT: 1,
}
# Ages (min, max) in years by category.
AGES = {
    Category.EARLY_HELP: (0, 15),
    Category.CHILD_IN_NEED: (0, 17),
    Category.CHILD_PROTECTION: (0, 15),
    Category.LOOKED_AFTER: (1, 17),
    Category.CARE_LEAVER: (18, 24),
}
# For the benchmarks; the demo writes each child's own (demo_texts.allocation).
PURPOSES = [
    "Complete a child and family assessment and agree a plan with the family.",
    "Keep the child safe under the child protection plan; reduce neglect at home.",
    "Secure a stable placement and promote contact with birth family.",
    "Support the young person into independence, education and work.",
    "Work with the family on routines, school attendance and parenting support.",
]
EXPECTATIONS = [
    "Visit at home within the statutory timescale; see the child alone and record their views.",
    "Visit the child at school and at home; purpose of home visits: observe care and the home conditions.",
    "Direct work with the child on their understanding of why they have a social worker.",
]
CONTINGENCY = "If there is no access, return within 24 hours, inform the team manager and contact school."


@dataclass
class Sizes:
    teams: int = 6
    practitioners_per_team: int = 9
    children: int = 640
    seed: int = 2026


class DemoAuthority:
    def __init__(self, sizes, today, log=print):
        self.sizes = sizes
        self.today = today
        self.rng = random.Random(sizes.seed)  # nosec B311: reproducible fictional demo data
        self.log = log
        self.unusable = make_password(None)
        self.demo_password = make_password(DEMO_PASSWORD)
        self.staff_names = None  # made when the organisation is built, knowing the names already taken
        self.stories = {}

    def story(self, child):
        """The child's story, the same in every app's demo records (see demo_texts); made once per child."""
        if child.local_id not in self.stories:
            self.stories[child.local_id] = demo_texts.story(child, self.today, self.sizes.seed)
        return self.stories[child.local_id]

    @transaction.atomic
    def build(self):
        self.build_organisation()
        children = self.build_children()
        demo_records.seed(self, children)
        demo_meetings.seed(self, children)

    # --- people -----------------------------------------------------------

    def person(self, username, role, **fields):
        """Create a staff member once; a rerun finds them by username. No two share a full name."""
        first, last = self.staff_names.next()
        defaults = {"first_name": first, "last_name": last, "role": role, "password": self.unusable,
                    "started_in_post": self.started_in_post(username, fields.get("date_qualified")), **fields}
        defaults.setdefault("email", f"{username}@oversight.example")
        member, _ = StaffMember.objects.get_or_create(username=username, defaults=defaults)
        return member

    def started_in_post(self, username, qualified):
        """A plausible start in the post: a week after qualifying for the newly qualified, else 1 to 12 years ago.

        The staff standards' clocks run from it (SPEC 4b), so the demo's accounts, all made today, exempt nobody.
        """
        rng = random.Random(f"{self.sizes.seed}:started:{username}")  # nosec B311: fictional demo data
        started = self.today - timedelta(days=rng.randint(400, 365 * 12))
        if qualified and started < qualified:
            return qualified + timedelta(days=7)  # a post as a social worker starts after qualifying
        return started

    def build_organisation(self):
        self.staff_names = StaffNames(self.sizes.seed, StaffMember.objects.values_list("first_name", "last_name"))
        director = self.person("director", Role.DIRECTOR, password=self.demo_password)
        self.person(
            "admin", Role.ADMINISTRATOR, password=self.demo_password, is_staff=True, is_superuser=True
        )
        self.iros = [self.person(f"iro{n}", Role.IRO, line_manager=director) for n in range(1, 4)]
        services = {}
        for service_name in dict.fromkeys(t[0] for t in TEAM_TEMPLATES):
            service, _ = Service.objects.get_or_create(name=service_name)
            username = "headofservice" if not services else f"hos{len(services) + 1}"
            extra = {"password": self.demo_password} if username == "headofservice" else {}
            head = self.person(username, Role.HEAD_OF_SERVICE, line_manager=director, **extra)
            if service.head is None:
                service.head = head
                service.save(update_fields=["head"])
            services[service_name] = service

        self.teams = []  # (team, categories, practitioners)
        for n in range(self.sizes.teams):
            service_name, base, categories = TEAM_TEMPLATES[n % len(TEAM_TEMPLATES)]
            round_ = n // len(TEAM_TEMPLATES)
            name = base if self.sizes.teams <= len(TEAM_TEMPLATES) else f"{base} {round_ + 1}"
            service = services[service_name]
            team, _ = Team.objects.get_or_create(name=name, defaults={"service": service})
            username = "teammanager" if n == 0 else f"tm{n + 1}"
            extra = {"password": self.demo_password} if n == 0 else {}
            manager = self.person(
                username, Role.TEAM_MANAGER, team=team, line_manager=service.head,
                date_qualified=self.today - timedelta(days=365 * self.rng.randint(6, 20)), **extra,
            )
            if team.manager is None:
                team.manager = manager
                team.save(update_fields=["manager"])
            practitioners = [
                self.practitioner(team, n, i) for i in range(self.sizes.practitioners_per_team)
            ]
            self.teams.append((team, categories, practitioners))
        self.log(f"organisation: {Service.objects.count()} services, {Team.objects.count()} teams, "
                 f"{StaffMember.objects.count()} staff")

    def practitioner(self, team, team_index, i):
        rng = self.rng
        demo = team_index == 0 and i == 0
        username = "socialworker" if demo else f"sw{team_index + 1}-{i + 1}"
        roll = rng.random()
        if demo or roll < 0.15:  # newly qualified (under 12 months)
            qualified = self.today - timedelta(days=rng.randint(30, 330))
        else:
            qualified = self.today - timedelta(days=rng.randint(400, 365 * 20))
        returning = self.today + timedelta(days=rng.randint(20, 120)) if 0.15 <= roll < 0.2 else None
        role = Role.SENIOR_PRACTITIONER if rng.random() < 0.2 and not demo else Role.SOCIAL_WORKER
        fte = rng.choice([Decimal("1.00")] * 6 + [Decimal("0.80"), Decimal("0.60")])
        extra = {"password": self.demo_password} if demo else {}
        return self.person(
            username, role, team=team, line_manager=team.manager, date_qualified=qualified,
            returning_until=returning, fte=fte, **extra,
        )

    # --- children ---------------------------------------------------------

    def build_children(self):
        rng, today = self.rng, self.today
        specs = []
        for n in range(self.sizes.children):
            team, categories, practitioners = self.teams[n % len(self.teams)]
            category = rng.choice(categories)
            low, high = AGES[category]
            born = today - timedelta(days=rng.randint(low * 365 + 30, high * 365 + 300))
            opened = max(born, today - timedelta(days=rng.randint(3, 3 * 365)))
            closed = today - timedelta(days=rng.randint(1, 60)) if rng.random() < 0.05 else None
            if closed and closed < opened:
                closed = None
            worker = rng.choice(practitioners) if rng.random() > 0.04 else None
            previous = rng.choice(practitioners) if rng.random() < 0.3 else None
            # Every child is born, so each has a recorded gender ("not recorded or unborn" is for the unborn).
            gender = rng.choice([Gender.MALE, Gender.FEMALE])
            ethnicity = rng.choices(list(ETHNICITY_WEIGHTS), weights=list(ETHNICITY_WEIGHTS.values()))[0]
            first_name, last_name = child_name(rng, gender, ethnicity)
            specs.append(
                dict(
                    local_id=f"DEMO{n + 1:06d}",
                    first_name=first_name,
                    last_name=last_name,
                    date_of_birth=born,
                    gender=gender,
                    ethnicity=ethnicity,
                    category=category,
                    opened_on=opened,
                    closed_on=closed,
                    team=team,
                    worker=worker,
                    reviewing_officer=rng.choice(self.iros)
                    if category in (Category.CHILD_PROTECTION, Category.LOOKED_AFTER)
                    else None,
                    _previous=previous,
                )
            )
        existing = set(
            Child.objects.filter(local_id__in=[s["local_id"] for s in specs]).values_list("local_id", flat=True)
        )
        new = [s for s in specs if s["local_id"] not in existing]
        children = Child.objects.bulk_create(
            [Child(**{k: v for k, v in s.items() if not k.startswith("_")}) for s in new], batch_size=2000
        )
        allocations, demo_worker_asked = [], False
        for child, spec in zip(children, new, strict=True):
            start = child.opened_on
            previous = spec["_previous"]
            purpose, expectations, contingency = demo_texts.allocation(self.story(child))
            if previous and previous != child.worker and (today - start).days > 60:
                handover = start + timedelta(days=(today - start).days // 2)
                allocations.append(Allocation(
                    child=child, team=child.team, worker=previous, started_on=start, ended_on=handover,
                    allocated_by=child.team.manager, purpose=purpose, expectations=expectations,
                    contingency=contingency, **_allocation_terms(previous, start, acknowledged=True),
                ))
                start = handover
            # Recent allocations, and a few older ones, not yet acknowledged by the worker; the demo social
            # worker always has one to acknowledge.
            acknowledged = (today - start).days > 21 and bool(len(allocations) % 25)
            if child.worker and child.worker.username == "socialworker" and not demo_worker_asked:
                acknowledged, demo_worker_asked = False, True
            allocations.append(Allocation(
                child=child, team=child.team, worker=child.worker, started_on=start,
                ended_on=child.closed_on, allocated_by=child.team.manager, purpose=purpose,
                expectations=expectations, contingency=contingency,
                **_allocation_terms(child.worker, start, acknowledged=acknowledged),
            ))
        Allocation.objects.bulk_create(allocations, batch_size=5000)
        self.log(f"children: {len(children)} added ({len(existing)} already there), {len(allocations)} allocations")
        return children


def _allocation_terms(worker, start, *, acknowledged):
    """K 2's date to complete by, why the worker fits, and when they acknowledged it (the next working morning)."""
    if worker is None:
        return {}
    fits = (f"{worker.first_name} has worked with families like this one and has room on their caseload; "
            "the team manager will supervise closely in the first weeks.")
    acknowledged_at = None
    if acknowledged:
        acknowledged_at = datetime.datetime.combine(start + timedelta(days=1), datetime.time(9, 30),
                                                    tzinfo=timezone.get_current_timezone())
    return {"complete_by": start + timedelta(weeks=13), "suited_because": fits, "acknowledged_at": acknowledged_at}

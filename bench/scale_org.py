"""Services, teams and staff at scale, with the deterministic bench logins (`bench-director`, `bench-tm-1`...)."""
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password

from cases.demo import FIRST_NAMES, LAST_NAMES, TEAM_TEMPLATES
from organisation.models import Role, Service, StaffMember, Team

from .scale import NULL, PASSWORD, F, Pool, T

# The logins the harness and the lead may use; everyone else has an unusable password.
NAMED = ("bench-director", "bench-admin", "bench-hos-1", "bench-tm-1", "bench-sw-1")
FTES = ((Decimal("1.00"), 6), (Decimal("0.80"), 1), (Decimal("0.60"), 1))
STAFF_COLUMNS = [
    "id", "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active",
    "date_joined", "role", "team_id", "line_manager_id", "fte", "swe_number", "agency_worker", "date_qualified",
    "returning_until",
]


@dataclass
class Member:
    """A supervised member of staff, as the supervision generator needs them."""

    id: int
    role: str
    team: int  # index into World.teams
    supervisor: int
    joined: int  # ordinals
    qualified: int | None
    returning: int | None


@dataclass
class TeamInfo:
    id: int
    service: int  # index
    categories: list
    manager: int = 0
    practitioners: list = field(default_factory=list)
    pool: Pool = None  # workers weighted by FTE


@dataclass
class World:
    """What later passes need to know about the organisation, in compact form."""

    director: int = 0
    services: list = field(default_factory=list)  # ids
    heads: list = field(default_factory=list)  # head of each service
    teams: list = field(default_factory=list)  # TeamInfo
    iros: list = field(default_factory=list)  # per service index: [ids]
    supervised: list = field(default_factory=list)  # Member: practitioners and team managers
    fte: dict = field(default_factory=dict)  # staff id -> Decimal


def build(gen):
    """Generate and COPY the organisation; returns the World."""
    size, cal, rng = gen.size, gen.cal, gen.rng("organisation")
    r = rng.random
    loader = gen.loader
    usable, unusable = make_password(PASSWORD), make_password(None)
    world = World()
    practitioners = size.staff - (2 + size.services + size.teams + size.iros)
    if practitioners < size.teams:
        raise ValueError(f"{size.name}: too few staff for {size.teams} teams")
    next_staff = loader.take_ids(StaffMember, size.staff)
    service_ids = loader.take_ids(Service, size.services)
    team_ids = loader.take_ids(Team, size.teams)
    world.services = list(range(service_ids, service_ids + size.services))
    world.iros = [[] for _ in world.services]
    for i in range(size.teams):
        _, _, categories = TEAM_TEMPLATES[i % len(TEAM_TEMPLATES)]
        world.teams.append(TeamInfo(team_ids + i, i * size.services // size.teams, list(categories)))

    staff = []
    ids = iter(range(next_staff, next_staff + size.staff))
    fte_pool = Pool(FTES)

    def person(username, role, *, team=None, manager=None, joined=None, qualified=None, returning=None,
               fte=Decimal("1.00"), admin=False):
        pk = next(ids)
        joined = joined if joined is not None else cal.T - 400 - int(r() * 3650)
        swe = f"BSW{pk:08d}" if role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER) else NULL
        staff.append((
            str(pk), usable if username in NAMED else unusable, T if admin else F, username,
            FIRST_NAMES[int(r() * len(FIRST_NAMES))], LAST_NAMES[int(r() * len(LAST_NAMES))],
            f"{username}@bench.example", T if admin else F, T, cal.at(joined, 9), role,
            str(world.teams[team].id) if team is not None else NULL, str(manager) if manager else NULL, str(fte),
            swe, T if r() < 0.05 and role == Role.SOCIAL_WORKER else F,
            cal.d(qualified) if qualified else NULL, cal.d(returning) if returning else NULL,
        ))
        world.fte[pk] = fte
        return pk

    world.director = person("bench-director", Role.DIRECTOR)
    person("bench-admin", Role.ADMINISTRATOR, admin=True)
    world.heads = [person(f"bench-hos-{n + 1}", Role.HEAD_OF_SERVICE, manager=world.director)
                   for n in range(size.services)]
    for n in range(size.iros):
        world.iros[n % size.services].append(person(f"bench-iro-{n + 1}", Role.IRO, manager=world.director))
    for n, team in enumerate(world.teams):
        qualified = cal.T - 365 * (6 + int(r() * 15))
        joined = cal.T - 30 - int(r() * 3000)
        team.manager = person(f"bench-tm-{n + 1}", Role.TEAM_MANAGER, team=n, manager=world.heads[team.service],
                              joined=joined, qualified=qualified)
        world.supervised.append(Member(team.manager, Role.TEAM_MANAGER, n, world.heads[team.service], joined,
                                       qualified, None))
    for k in range(practitioners):
        n = k % size.teams
        team = world.teams[n]
        roll = r()
        if roll < 0.12:  # newly qualified (under 12 months), joined soon after qualifying
            qualified = cal.T - 20 - int(r() * 330)
            joined = qualified + int(r() * 20)
        else:
            qualified = cal.T - 400 - int(r() * 365 * 20)
            joined = cal.T - 20 - int(r() * 3650) if r() > 0.05 else cal.T - 20 - int(r() * 300)
        returning = cal.T + 20 + int(r() * 100) if 0.12 <= roll < 0.15 else None
        role = Role.SENIOR_PRACTITIONER if r() < 0.2 and k else Role.SOCIAL_WORKER
        fte = fte_pool.pick(r()) if k else Decimal("1.00")
        pk = person(f"bench-sw-{k + 1}", role, team=n, manager=team.manager, joined=joined, qualified=qualified,
                    returning=returning, fte=fte)
        team.practitioners.append(pk)
        world.supervised.append(Member(pk, role, n, team.manager, joined, qualified, returning))
    for team in world.teams:
        team.pool = Pool([(pk, int(world.fte[pk] * 5)) for pk in team.practitioners])

    loader.copy(StaffMember, STAFF_COLUMNS, staff)
    loader.copy(Service, ["id", "name", "head_id"], (
        (str(pk), f"Children's Services {n + 1}", str(world.heads[n])) for n, pk in enumerate(world.services)
    ))
    loader.copy(Team, ["id", "service_id", "name", "manager_id"], (
        (str(t.id), str(world.services[t.service]), f"{TEAM_TEMPLATES[n % len(TEAM_TEMPLATES)][1]} {n + 1}",
         str(t.manager))
        for n, t in enumerate(world.teams)
    ))
    return world

"""The key pages: who looks at them (picked by query, so any data works), and their latency against the floor.

Requests go through django.test.Client, which runs every middleware (sessions,
CSRF, CSP, the access log, Axes) and the project's templates; only the socket
is missing, which the load test (load.py) adds back.
"""
import re
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode

from cases.models import Child
from compliance.dashboards import report
from compliance.models import MonthlyReport
from compliance.snapshots import previous_month
from organisation.models import Role, Service, StaffMember, Team

FLOOR = "floor"
LAYOUT = "layout"  # measured for comparison, judged against no target


class PageError(Exception):
    """A key page did not answer 200: the figures would measure an error page."""


@dataclass
class Page:
    key: str
    label: str
    user: StaffMember
    url: str
    in_load: bool = True  # in wrk's mix; pages added later stay out, so the load figure compares across runs
    timings: list = field(default_factory=list)  # seconds, after warm-up


def _open_cases():
    return Count("caseload", filter=Q(caseload__closed_on__isnull=True))


def typical_social_worker():
    """The active social worker with the median open caseload (of those with any), ties by id."""
    workers = list(
        StaffMember.objects.filter(is_active=True, role=Role.SOCIAL_WORKER)
        .annotate(cases=_open_cases())
        .filter(cases__gt=0)
        .order_by("cases", "pk")
    )
    if not workers:
        raise PageError("no active social worker with an open case: seed the database first")
    return workers[len(workers) // 2]


def largest_team():
    """The team with the most open children (that has a manager)."""
    team = (
        Team.objects.filter(manager__is_active=True)
        .annotate(open_children=Count("children", filter=Q(children__closed_on__isnull=True)))
        .order_by("-open_children", "pk")
        .select_related("manager")
        .first()
    )
    if team is None:
        raise PageError("no team with an active manager")
    return team


def largest_service():
    """The service with the most open children (that has a head)."""
    service = (
        Service.objects.filter(head__is_active=True)
        .annotate(open_children=Count("teams__children", filter=Q(teams__children__closed_on__isnull=True)))
        .order_by("-open_children", "pk")
        .select_related("head")
        .first()
    )
    if service is None:
        raise PageError("no service with an active head")
    return service


def fullest_child(worker):
    """The worker's open child with the longest chronology: the heaviest record they open."""
    child = (
        Child.objects.open()
        .filter(worker=worker)
        .annotate(entries=Count("chronology"))
        .order_by("-entries", "pk")
        .first()
    )
    if child is None:
        raise PageError("the chosen social worker has no open child")
    return child


def surname_fragment(team):
    """Four letters from inside the surname of one of the team's children: a manager's partial search."""
    child = Child.objects.open().filter(team=team).order_by("pk").first()
    if child is None:
        raise PageError("the largest team has no open child")
    name = child.last_name
    return name[1:5] if len(name) > 4 else name


def monthly_report(service, today, now):
    """The service's latest kept report, generated for last month if it has none (as the worker would)."""
    kept = MonthlyReport.objects.filter(service=service).order_by("-month").first()
    if kept is None:
        kept, _ = report.generate(service=service, month=previous_month(today), now=now)
    return kept


def key_pages(today, now):
    """The floor and the key pages, each with the user who typically opens it."""
    worker = typical_social_worker()
    team = largest_team()
    manager = team.manager
    service = largest_service()
    head = service.head
    kept = monthly_report(service, today, now)
    child = fullest_child(worker)
    return [
        Page(FLOOR, "Framework floor (signed-in, no work)", worker, reverse("bench_floor")),
        Page(LAYOUT, "Layout alone (base.html, for comparison)", worker, reverse("bench_layout")),
        Page("caseload", "Social worker's caseload (home)", worker, reverse("home")),
        Page("child", "Child's record", worker, reverse("child", args=[child.pk])),
        Page(
            "search", "Find a child by part of a surname (team manager)", manager,
            f"{reverse('search')}?{urlencode({'q': surname_fragment(team)})}",
        ),
        Page("manager_home", "Team manager's home (needs you)", manager, reverse("home"), in_load=False),
        Page("sign_off", "Awaiting my sign-off (team manager)", manager, reverse("awaiting_sign_off")),
        Page("team_supervision", "Team supervision (team manager)", manager, reverse("supervision:team")),
        Page("dashboard", "Compliance by team (head of service)", head, reverse("dashboards:teams")),
        Page("flags", "Flags list (head of service)", head, reverse("compliance:flags")),
        Page(
            "report", "Monthly report (head of service)", head,
            reverse("dashboards:report", args=[service.pk, kept.month.year, kept.month.month]),
        ),
        Page(
            "report_pdf", "Monthly report as PDF (head of service)", head,
            reverse("dashboards:report", args=[service.pk, kept.month.year, kept.month.month]) + "?export=pdf",
            in_load=False,
        ),
        Page("trends", "Trends over 12 months (head of service)", head, reverse("dashboards:trends"), in_load=False),
    ]


def clients_for(pages):
    """One signed-in client per user (a real session row, as a browser would have)."""
    clients = {}
    for page in pages:
        if page.user.pk not in clients:
            client = Client()
            client.force_login(page.user)
            clients[page.user.pk] = client
    return clients


def fetch(client, page):
    response = client.get(page.url)
    if response.status_code != 200:
        where = response.get("Location", "")
        raise PageError(f"{page.key} ({page.url}) answered {response.status_code} {where}".strip())
    return response


_NUMBERS = re.compile(r"\b\d+\b|'[^']*'")


def count_queries(client, page):
    """The page's queries in one request: total, distinct shapes (fewer means repeats: N+1), the slowest."""
    with CaptureQueriesContext(connection) as captured:
        fetch(client, page)
    queries = captured.captured_queries
    shapes = {_NUMBERS.sub("?", q["sql"]) for q in queries}
    slowest = sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:3]
    return {
        "queries": len(queries),
        "distinct_queries": len(shapes),
        # Literals blanked: the JSON keeps the query's shape, never a session's data or a value.
        "slowest_queries": [{"ms": round(float(q["time"]) * 1000, 1), "sql": _NUMBERS.sub("?", q["sql"])[:400]}
                            for q in slowest],
    }


def percentile(values, share):
    """The value at `share` (0-1) of the sorted values, interpolated (statistics' inclusive method)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def measure(pages, requests=30, warmup=3):
    """Every page's p50/p95 (ms), query count and p95 / floor p95, the floor measured in the same rounds.

    Rounds interleave the pages, so drift on a shared machine touches the floor and the pages alike.
    """
    clients = clients_for(pages)
    for round_number in range(warmup + requests):
        for page in pages:
            client = clients[page.user.pk]
            started = time.perf_counter()
            fetch(client, page)
            if round_number >= warmup:
                page.timings.append(time.perf_counter() - started)
    floor = next(page for page in pages if page.key == FLOOR)
    floor_p95 = percentile(floor.timings, 0.95)
    results = {}
    for page in pages:
        p95 = percentile(page.timings, 0.95)
        results[page.key] = {
            "label": page.label,
            "url": page.url,
            "user_id": page.user.pk,
            "role": page.user.role,
            "requests": len(page.timings),
            "p50_ms": round(statistics.median(page.timings) * 1000, 2),
            "p95_ms": round(p95 * 1000, 2),
            "ratio_to_floor": round(p95 / floor_p95, 2),
            **count_queries(clients[page.user.pk], page),
        }
    return results

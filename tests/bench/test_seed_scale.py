"""seed_scale --size tiny: the benchmark data generator, on PostgreSQL (it writes with COPY)."""
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from bench.management.commands.seed_scale import Command as SeedScale  # bench is installed only by bench.settings
from bench.scale import SIZES
from cases.models import Child
from compliance.models import Flag, SweepRun
from compliance.rules import BY_CODE
from organisation.models import Service, StaffMember, Team
from organisation.standards import configured

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="seed_scale writes with PostgreSQL's COPY"),
]
TINY = SIZES["tiny"]
LOADED_APPS = ("organisation", "cases", "supervision", "audits", "compliance")


def seed(**options):
    out = StringIO()
    call_command(SeedScale(), size="tiny", stdout=out, **options)
    return out.getvalue()


def test_tiny_has_the_specified_children_staff_teams_and_services():
    seed()

    closed = int(TINY.open_children * TINY.closed_share)
    assert Child.objects.open().count() == TINY.open_children
    assert Child.objects.filter(closed_on__isnull=False).count() == closed
    assert StaffMember.objects.count() == TINY.staff
    assert Team.objects.count() == TINY.teams
    assert Service.objects.count() == TINY.services


def test_only_the_named_bench_users_can_sign_in():
    seed()

    usable = {m.username for m in StaffMember.objects.all() if m.check_password("bench-password")}
    assert usable == {"bench-director", "bench-admin", "bench-hos-1", "bench-tm-1", "bench-sw-1"}
    assert not StaffMember.objects.get(username="bench-sw-2").has_usable_password()


def test_each_team_has_a_manager_and_each_open_child_one_current_allocation():
    seed()

    assert not Team.objects.filter(manager__isnull=True).exists()
    for child in Child.objects.open().prefetch_related("allocations"):
        current = [a for a in child.allocations.all() if a.ended_on is None]
        assert len(current) == 1
        assert (current[0].team_id, current[0].worker_id) == (child.team_id, child.worker_id)


@pytest.mark.parametrize("code", ["SUP-FREQ", "CHRON-MISSING", "PLAN-UNSIGNED"])
def test_the_sweep_finds_breaches_and_compliance_for_each_core_rule(code):
    output = seed()
    today = timezone.localdate()
    rule = BY_CODE[code]
    _, figures = configured()[code]

    population = rule.population(today).count()
    breaches = rule.breaches(today, figures).count()
    assert "Compliance sweep:" in output
    assert 0 < breaches < population
    assert Flag.objects.open().filter(rule=code).count() == breaches


def test_every_generated_model_passes_full_clean_on_a_sample():
    models = [
        model for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in LOADED_APPS and not model.__name__.startswith("Historical")
    ]
    made_by_migrations = {model for model in models if model.objects.exists()}
    seed()

    checked = []
    for model in models:
        if model in made_by_migrations:
            continue
        rows = list(model.objects.order_by("pk")[:3]) + list(model.objects.order_by("-pk")[:3])
        for row in rows:
            row.full_clean()
        if rows:
            checked.append(model.__name__)
    assert {"Child", "AssessmentVersion", "CaseDiscussion", "SupervisionSession", "CaseFileAudit", "Flag"} <= set(
        checked
    )


def test_a_rerun_says_so_and_duplicates_nothing():
    seed()
    counts = {model: model.objects.count() for model in (Child, StaffMember, Flag, SweepRun)}

    output = seed()

    assert "Already seeded" in output
    assert {model: model.objects.count() for model in counts} == counts


def test_a_database_holding_other_children_is_refused():
    seed(seed=1)

    with pytest.raises(Exception, match="not seed_scale's tiny data"):
        seed(seed=2)


def test_records_made_after_seeding_get_fresh_ids():
    seed()
    child = Child.objects.order_by("pk").last()

    made = Child.objects.create(
        local_id="NEW1", first_name="A", last_name="B", date_of_birth=child.date_of_birth, category="CIN",
        opened_on=child.opened_on, team=child.team,
    )

    assert made.pk > child.pk

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from audits import demo as audits_demo
from cases.demo import DEMO_PASSWORD, DemoAuthority, Sizes
from compliance import demo as compliance_demo
from compliance.dashboards import demo as dashboards_demo
from supervision import demo as supervision_demo


class Command(BaseCommand):
    help = "Seed a fictional local authority with the demo logins (deterministic; safe to rerun)."

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument("--teams", type=int, default=defaults.teams)
        parser.add_argument("--practitioners-per-team", type=int, default=defaults.practitioners_per_team)
        parser.add_argument("--children", type=int, default=defaults.children)
        parser.add_argument("--seed", type=int, default=defaults.seed)

    def handle(self, *args, **options):
        started = time.monotonic()
        sizes = Sizes(
            teams=options["teams"],
            practitioners_per_team=options["practitioners_per_team"],
            children=options["children"],
            seed=options["seed"],
        )
        authority = DemoAuthority(sizes, timezone.localdate(), log=self.stdout.write)
        authority.build()
        supervision_demo.seed(authority)
        audits_demo.seed(authority)
        compliance_demo.seed(authority)
        dashboards_demo.seed(authority)
        self.stdout.write(f"seeded in {time.monotonic() - started:.1f}s")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {DEMO_PASSWORD}):"))
        for username in ("socialworker", "teammanager", "headofservice", "director", "admin"):
            self.stdout.write(f"  {username}")

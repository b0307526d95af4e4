import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from compliance.dashboards import report
from compliance.models import MonthlyReport
from compliance.snapshots import previous_month
from organisation.models import Service


def month(value):
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise CommandError(f"{value!r} is not a month like 2026-10") from None


class Command(BaseCommand):
    help = "Make the monthly performance report for a month (default: last month), for every service or one."

    def add_arguments(self, parser):
        parser.add_argument("--month", type=month, help="YYYY-MM; default: last month")
        parser.add_argument("--service", help="a service's name; default: every service")
        parser.add_argument("--replace", action="store_true", help="make it again even if one is kept")

    def handle(self, *args, month=None, service=None, replace=False, **options):
        month = month or previous_month(timezone.localdate())
        services = Service.objects.all()
        if service:
            services = services.filter(name=service)
            if not services:
                raise CommandError(f"No service is called {service!r}.")
        measured = {}
        for each in services:
            if replace:
                MonthlyReport.objects.filter(service=each, month=month).delete()
            kept, made = report.generate(service=each, month=month, now=timezone.now(), measured=measured)
            outcome = "made" if made else "already kept"
            self.stdout.write(f"{each.name}, {month:%B %Y}: {outcome} ({kept.get_absolute_url()})")

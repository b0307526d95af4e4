"""Monthly reports for the demo authority: the 12 months before this one, as the worker would have kept them.

seed_demo calls `seed(authority)` after compliance's own seed, whose snapshots they read.
"""
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from organisation.models import Service

from . import report


def seed(authority):
    this_month = authority.today.replace(day=1)
    now, measured, made = timezone.now(), {}, 0
    for back in range(report.MONTHS, 0, -1):
        month = this_month - relativedelta(months=back)
        for service in Service.objects.all():
            made += report.generate(service=service, month=month, now=now, measured=measured)[1]
    authority.log(f"dashboards: {made} monthly reports added")

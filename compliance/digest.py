"""The daily digest: each manager's new and long-open flags in their scope, by email."""
from datetime import timedelta

from django.core.mail import send_mail
from django.db.models import Count
from django.template.loader import render_to_string

from organisation.models import StaffMember

from .models import Digest, Flag

# A flag still open this long after the standard was last met is listed again, as long-open.
LONG_OPEN = timedelta(days=14)
LISTED = 50  # new flags listed one by one; beyond this the email gives the count


def send_all(*, today, now):
    """Email every manager with something to report who has not had today's digest; returns how many."""
    already = Digest.objects.filter(day=today).values("manager")
    managers = (
        StaffMember.objects.managers().filter(is_active=True).exclude(email="").exclude(pk__in=already)
    )
    return sum(send_one(manager, today=today, now=now) for manager in managers)


def send_one(manager, *, today, now):
    previous = Digest.objects.filter(manager=manager).values_list("sent_at", flat=True).first()
    flags = Flag.objects.open().visible_to(manager)
    new = flags.filter(raised_at__gt=previous or now - timedelta(days=1))
    long_open = (
        flags.filter(due_since__lte=today - LONG_OPEN).values_list("rule").annotate(n=Count("pk")).order_by("rule")
    )
    new_count, long_open = new.count(), list(long_open)
    if not new_count and not long_open:
        return False
    long_open_count = sum(n for _, n in long_open)
    context = {
        "manager": manager,
        "new": new.select_related("child", "staff", "team")[:LISTED],
        "new_count": new_count,
        "long_open": long_open,
        "long_open_days": LONG_OPEN.days,
    }
    send_mail(
        f"Oversight: {new_count} new flags, {long_open_count} open for {LONG_OPEN.days} days or more",
        render_to_string("compliance/email/digest.txt", context),
        None,
        [manager.email],
    )
    Digest.objects.create(
        manager=manager, day=today, sent_at=now, new_flags=new_count, long_open_flags=long_open_count
    )
    return True

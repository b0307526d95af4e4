"""A manager's "needs you": audits that found a late or missing plan or review minutes, the IRO or CP chair not
yet told (W 4). Registered with cases.worklist, so `cases` never imports this app."""
from django.db.models import Q
from django.urls import reverse

from cases.models import Child
from cases.worklist import Due
from organisation import policy

from .models import CaseFileAudit


def reviewing_officer_to_tell(*, manager, today):
    """One item per completed audit or self-check the manager may record telling about (the child's team manager,
    and the auditor), due the day it was completed."""
    audits = (
        CaseFileAudit.objects.visible_to(manager).reviewing_officer_not_told()
        .filter(Q(auditor=manager) | Q(child__team__manager=manager), child__in=Child.objects.open())
        .select_related("child__team")
    )
    return [
        Due(on=audit.audited_on, what="Tell the IRO or CP chair", url=reverse("audits:told", args=[audit.pk]),
            about=f"{audit.child.full_name} ({audit.child.local_id})")
        for audit in audits if policy.may_record_reviewing_officer_told(manager, audit)
    ]

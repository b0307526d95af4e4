"""The home page's due dates, from the rules themselves (cases.worklist).

A rule answers "who is in breach on `day`", with the last day the standard is
met. Asked about a day a fortnight ahead, for the worker's own children, it
lists everything falling due by then with its date: the same query and the
same due date the sweep uses, not a second copy of the standard.
"""
from datetime import timedelta

from django.urls import reverse

from cases.worklist import Due, register

from .models import SubjectKind
from .rules import BY_CODE, RULES
from .sweep import configured

AHEAD = timedelta(days=14)
# Not the worker's to act on: PLAN-UNSIGNED and MGR-ATTEND are the manager's; SEEN-ALONE has no date to work to.
NOT_THE_WORKERS = {"PLAN-UNSIGNED", "SEEN-ALONE", "MGR-ATTEND"}
# One click from being done: where each item is acted on.
ENTRY_FOR = {"VISITS": "note", "CHRON-MISSING": "chronology", "CHRON-STALE": "chronology", "CLA-DOCS": "document"}


def _url(code, child_id):
    if code in ENTRY_FOR:
        return reverse("add_record_entry", args=[child_id, ENTRY_FOR[code]])
    if code == "PLAN-MISSING":
        return reverse("start_assessment", args=[child_id])
    return reverse("child", args=[child_id])


@register
def due_for_worker(*, children, worker, today):
    config = configured()
    horizon = today + AHEAD
    items = []
    for rule in RULES:
        enabled, figures = config[rule.code]
        if not enabled or rule.code in NOT_THE_WORKERS:
            continue
        if rule.subject == SubjectKind.CHILD and children:
            for child in rule.breaches(horizon, figures).filter(pk__in=children).order_by():
                items.append(Due(
                    on=rule.due_on(child, horizon, figures), what=rule.definition.title, code=rule.code,
                    child_id=child.pk, url=_url(rule.code, child.pk),
                ))
    enabled, figures = config["SUP-FREQ"]
    if enabled:
        rule = BY_CODE["SUP-FREQ"]
        for member in rule.breaches(horizon, figures).filter(pk=worker.pk):
            items.append(Due(
                on=rule.due_on(member, horizon, figures), what="My supervision", code=rule.code,
                url=reverse("supervision:mine"),
            ))
    return items

"""Demo reviews, coming conferences and pre-proceedings (K 6, W 4, Children's Wellbeing and Schools Act 2026 s 1).

Seeded after the other records, from a random stream of its own, so adding these changes none of the records
seeded before them. For the children a build has just added:
- each CP child's latest review conference and each looked-after child's latest review, with their minutes on
  the record a few days later, except a few whose minutes are late (REVIEW-MINUTES);
- for the demo team manager, an initial CP conference and an initial court hearing coming in the next weeks,
  and one held last week whose attendance they have not yet confirmed (MGR-ATTEND);
- pre-proceedings for a few CP and looked-after children, most with a family group decision-making meeting
  offered, one in the demo social worker's caseload with none offered and no reason (FGDM-OFFER).
"""
import random
from datetime import timedelta

from .models import Category, Child, Document, ManagerMeeting, PreProceedings

DEMO_MANAGER, DEMO_WORKER = "teammanager", "socialworker"
LATE_MINUTES = 0.08
REVIEWED = {
    Category.CHILD_PROTECTION: ManagerMeeting.Kind.CP_REVIEW, Category.LOOKED_AFTER: ManagerMeeting.Kind.CLA_REVIEW,
}
REVIEW_NOTES = {
    ManagerMeeting.Kind.CP_REVIEW: "Review conference: plan to continue; next review in six months.",
    ManagerMeeting.Kind.CLA_REVIEW: "Looked-after review chaired by the IRO; care plan endorsed.",
}
NOT_OFFERED = "Father's bail conditions prevent any contact with the family; legal advice is not to convene one."


def seed(authority, added):
    rng = random.Random(f"meetings:{authority.sizes.seed}")  # nosec B311: reproducible fictional demo data
    today = authority.today
    children = list(
        Child.objects.open().filter(pk__in=[c.pk for c in added], worker__isnull=False)
        .select_related("team__manager", "worker").order_by("local_id")
    )
    meetings, documents, pre_proceedings = [], [], []
    for child in children:
        kind = REVIEWED.get(child.category)
        if kind and (today - child.opened_on).days > 60:
            held_on = today - timedelta(days=rng.randint(7, 150))
            meetings.append(ManagerMeeting(
                child=child, kind=kind, held_on=max(held_on, child.opened_on + timedelta(days=30)),
                notes=REVIEW_NOTES[kind], recorded_by=child.worker,
            ))
            minuted = meetings[-1].held_on + timedelta(days=rng.randint(2, 12))
            if rng.random() > LATE_MINUTES and minuted <= today:
                documents.append(Document(
                    child=child, kind=Document.Kind.REVIEW_MINUTES, title=f"{meetings[-1].get_kind_display()} minutes",
                    dated=minuted, owner=child.worker, added_by=child.worker,
                ))
        if kind and rng.random() < 0.06:
            started = max(child.opened_on, today - timedelta(days=rng.randint(10, 90)))
            pre_proceedings.append(PreProceedings(
                child=child, started_on=started, fgdm_offered_on=started - timedelta(days=rng.randint(0, 5)),
                fgdm_facilitated=rng.random() < 0.7, recorded_by=child.worker,
            ))
    meetings += _coming(children, today)
    pre_proceedings += _without_offer(children, today, {p.child_id for p in pre_proceedings})
    ManagerMeeting.objects.bulk_create(meetings)
    Document.objects.bulk_create(documents)
    PreProceedings.objects.bulk_create(pre_proceedings)
    authority.log(f"meetings: {len(meetings)} reviews and conferences, {len(documents)} minutes, "
                  f"{len(pre_proceedings)} pre-proceedings")


def _coming(children, today):
    """The demo team manager's conferences and hearing: two coming, one held and not yet confirmed."""
    theirs = [c for c in children if c.team.manager and c.team.manager.username == DEMO_MANAGER]
    if len(theirs) < 3:
        return []
    manager = theirs[0].team.manager
    plan = [
        (ManagerMeeting.Kind.INITIAL_CONFERENCE, 6, "Conference booked; the chair has the social worker's report."),
        (ManagerMeeting.Kind.PLO_HEARING, 17, "First hearing at the family court; legal gateway agreed issue."),
        (ManagerMeeting.Kind.INITIAL_CONFERENCE, -6, "Conference held; the chair's minutes are awaited."),
    ]
    return [
        ManagerMeeting(child=child, kind=kind, held_on=today + timedelta(days=days), manager=manager,
                       notes=notes, recorded_by=child.worker)
        for child, (kind, days, notes) in zip(theirs[-3:], plan, strict=True)
    ]


def _without_offer(children, today, already):
    """One child of the demo social worker in pre-proceedings with no meeting offered, and one with a reason."""
    theirs = [c for c in children if c.worker.username == DEMO_WORKER and c.pk not in already]
    rows = []
    for child, reason in zip(theirs[:2], ("", NOT_OFFERED), strict=False):
        rows.append(PreProceedings(
            child=child, started_on=max(child.opened_on, today - timedelta(days=12)), fgdm_not_offered_reason=reason,
            recorded_by=child.worker,
        ))
    return rows


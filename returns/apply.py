"""Carrying out a plan: every accepted child in one transaction, each record tied to its source row."""
import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cases.models import (
    Allocation,
    Assessment,
    AssessmentVersion,
    CareEpisode,
    CaseNote,
    Child,
    ChronologyEntry,
    PreProceedings,
)
from cases.services import allocate
from organisation import writes

from .models import SourceRecord
from .planning import Outcome

BATCH_SIZE = 1000
CHANGE_REASON = "Imported from a return"


def bulk_create(model, objs, *, by):
    """bulk_create that still writes the change history for models that keep one (SPEC 7, Traceable)."""
    if not objs:
        return []
    if hasattr(model, "history"):
        from simple_history.utils import bulk_create_with_history

        return bulk_create_with_history(objs, model, batch_size=BATCH_SIZE, default_user=by,
                                        default_change_reason=CHANGE_REASON)
    return model.objects.bulk_create(objs, batch_size=BATCH_SIZE)


@transaction.atomic
def apply_plans(*, plans, batch, by, today):
    """Create and update what the plans say; the caller's failure rolls all of it back."""
    writer = _Writer(batch, by, today)
    new = [p for p in plans if p.outcome == Outcome.CREATE]
    updated = [p for p in plans if p.outcome == Outcome.UPDATE]
    writer.create_children(new)
    for plan in updated:
        writer.update_child(plan)
    for plan in new + updated:
        writer.add_records(plan)
    writer.flush()


class _Writer:
    def __init__(self, batch, by, today):
        self.batch, self.by, self.today = batch, by, today
        self.sources = []
        self.notes, self.entries, self.assessments, self.allocations = [], [], [], []

    def source(self, obj, row, plan, key, action):
        self.sources.append(SourceRecord(
            batch=self.batch, location=row.location, content_hash=row.content_hash, child_local_id=plan.child_id,
            natural_key=key, action=action, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        ))

    def create_children(self, plans):
        children = []
        for plan in plans:
            fields = plan.fields
            child = Child(
                local_id=plan.child_id,
                # Returns carry no names: the identifier stands in until someone records the name.
                first_name="Child",
                last_name=plan.child_id,
                team=plan.team,
                worker=plan.worker,
                **fields,
            )
            child.full_clean(exclude=["team", "worker", "reviewing_officer"], validate_unique=False,
                             validate_constraints=False)
            children.append(child)
        children = bulk_create(Child, children, by=self.by)
        allocations = [
            Allocation(child=child, team=plan.team, worker=plan.worker,
                       started_on=plan.allocated_since or child.opened_on, allocated_by=self.by,
                       purpose=f"Allocation as recorded in {self.batch.file_name}")
            for plan, child in zip(plans, children, strict=True)
        ]
        allocations = bulk_create(Allocation, allocations, by=self.by)
        for plan, child, allocation in zip(plans, children, allocations, strict=True):
            plan.existing = child
            for row in plan.rows:
                self.source(child, row, plan, "child", "created")
            self.source(allocation, plan.rows[0], plan, f"allocation {self.today.isoformat()}", "created")

    def update_child(self, plan):
        child = plan.existing
        if plan.changed_fields:
            for name in plan.changed_fields:
                setattr(child, name, plan.fields[name])
            child.full_clean(exclude=["team", "worker", "reviewing_officer"], validate_unique=False)
            child.save(update_fields=plan.changed_fields)
            for row in plan.rows:
                self.source(child, row, plan, "child", "updated")
        if plan.reallocate:
            allocation = allocate(child=child, team=plan.team, worker=plan.worker, by=self.by, on=self.today,
                                  purpose=f"Allocation as recorded in {self.batch.file_name}")
            self.source(allocation, plan.rows[0], plan, f"allocation {self.today.isoformat()}", "created")

    def add_records(self, plan):
        child, author = plan.existing, plan.worker or self.by
        for visit, row in plan.new_visits:
            note = CaseNote(
                child=child, occurred_on=visit.occurred_on, kind=CaseNote.Kind.STATUTORY_VISIT, child_seen=True,
                seen_alone=visit.seen_alone, author=author,
                note=f"Visit as recorded in {self.batch.file_name}, {row.location}.",
            )
            self.notes.append((note, row, plan, visit.key))
        for event, row in plan.new_events:
            entry = ChronologyEntry(
                child=child, occurred_on=event.occurred_on, event_type=event.event_type, significant=True,
                source=f"{self.batch.get_format_display()}: {self.batch.file_name}, {row.location}"[:200],
                summary=event.summary, recorded_by=self.by,
            )
            self.entries.append((entry, row, plan, event.key))
        for period, row, worker, team in plan.new_allocations:
            allocation = Allocation(child=child, team=team, worker=worker, started_on=period.start,
                                    ended_on=period.end, allocated_by=self.by,
                                    purpose=f"Allocation as recorded in {self.batch.file_name}, {row.location}")
            self.allocations.append((allocation, row, plan, period.key))
        for spell, row in plan.new_care_spells:
            # An episode is one per start date: a later return's end date or corrected code updates it.
            episode, created = CareEpisode.objects.update_or_create(
                child=child, started_on=spell.started_on, defaults={"ended_on": spell.ended_on, **dict(spell.values)})
            self.source(episode, row, plan, spell.key, "created" if created else "updated")
        for spell, row in plan.new_pre_proceedings:
            self._pre_proceedings(child, spell, row, plan)
        for assessed, row, in plan.new_assessments:
            assessment = Assessment(child=child, kind=assessed.kind, created_by=author)
            self.assessments.append((assessment, assessed, row, plan))

    def _pre_proceedings(self, child, spell, row, plan):
        """One record per start date. The census says only yes or no to an offer: a "yes" counts as made by the
        day pre-proceedings began (FGDM-OFFER), unless someone recorded its date; a "no" leaves the worker to
        record why. What people recorded is added to, never rewritten."""
        record = PreProceedings.objects.filter(child=child, started_on=spell.started_on).first()
        created = record is None
        if created:
            record = PreProceedings(child=child, started_on=spell.started_on, recorded_by=self.by)
        if spell.fgdm_offered and record.fgdm_offered_on is None:
            record.fgdm_offered_on = spell.started_on
        if spell.fgdm_facilitated:
            record.fgdm_facilitated = True
        writes.save(record, by=self.by)
        self.source(record, row, plan, spell.key, "created" if created else "updated")

    def flush(self):
        for model, items in ((CaseNote, self.notes), (ChronologyEntry, self.entries), (Allocation, self.allocations)):
            created = bulk_create(model, [item[0] for item in items], by=self.by)
            for obj, (_, row, plan, key) in zip(created, items, strict=True):
                self.source(obj, row, plan, key, "created")
        created = bulk_create(Assessment, [item[0] for item in self.assessments], by=self.by)
        self.assessments = [(obj, *item[1:]) for obj, item in zip(created, self.assessments, strict=True)]
        bulk_create(AssessmentVersion, [self._version(*item) for item in self.assessments], by=self.by)
        for assessment, assessed, row, plan in self.assessments:
            self.source(assessment, row, plan, assessed.key, "created")
        SourceRecord.objects.bulk_create(self.sources, batch_size=BATCH_SIZE)

    def _version(self, assessment, assessed, row, plan):
        """The version the council's system holds: signed off on its authorisation date, else a draft."""
        authorised = assessed.authorised_on
        moment = (timezone.make_aware(datetime.datetime.combine(authorised, datetime.time(12)))
                  if authorised else None)
        return AssessmentVersion(
            assessment=assessment, number=1, author=assessment.created_by,
            status=AssessmentVersion.Status.SIGNED_OFF if authorised else AssessmentVersion.Status.DRAFT,
            submitted_at=moment, decided_at=moment,
            analysis=f"Started {assessed.started_on:%d/%m/%Y}; recorded in {self.batch.file_name}, {row.location}.",
            feedback=(f"Authorised on {authorised:%d/%m/%Y} in the council's case management system."
                      if authorised else ""),
        )

"""Saving a record that a rule reads queues a sweep of just the children, staff or teams it is about.

Each save also writes a PendingRecheck row in its own transaction (a transactional outbox), so the
re-check is owed exactly when the save stands. The receivers collect subject ids per transaction and
send one task after it commits (transaction.on_commit), so a page that saves five records queues one
sweep, and a rolled-back save queues none (its outbox rows roll back with it). With the broker down
the save still succeeds: the failure is logged (counts only) and the worker's drain of the outbox,
every minute once the broker is back, does the re-check.
"""
import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from kombu.exceptions import OperationalError

# Redis refusing connections, or the demo's filesystem broker without its folders.
BROKER_ERRORS = (OperationalError, OSError)

logger = logging.getLogger(__name__)
_local = threading.local()


class Batch:
    def __init__(self):
        self.children, self.staff, self.teams = set(), set(), set()
        self.rechecks = []
        self.sent = False

    def add(self, children=(), staff=(), teams=()):
        from .models import PendingRecheck

        subjects = {name: sorted({i for i in ids if i}) for name, ids in
                    (("children", children), ("staff", staff), ("teams", teams))}
        if not any(subjects.values()):
            return
        self.children.update(subjects["children"])
        self.staff.update(subjects["staff"])
        self.teams.update(subjects["teams"])
        self.rechecks.append(PendingRecheck.objects.create(**subjects).pk)

    def send(self):
        from .tasks import sweep_subjects

        self.sent = True
        if not (self.children or self.staff or self.teams):
            return
        kwargs = {"children": sorted(self.children), "staff": sorted(self.staff), "teams": sorted(self.teams),
                  "rechecks": self.rechecks}
        try:
            # No publish retries: a request must not wait on a broker that is down.
            sweep_subjects.apply_async(kwargs=kwargs, retry=False)
        except BROKER_ERRORS:
            logger.warning(
                "compliance: sweep of %d children, %d staff, %d teams not queued (broker unavailable)",
                len(self.children), len(self.staff), len(self.teams),
            )


def _pending_batch():
    """This transaction's batch, if its on_commit callback is still waiting (not run, not rolled back)."""
    batch = getattr(_local, "batch", None)
    if batch is None or batch.sent:
        return None
    waiting = transaction.get_connection().run_on_commit
    return batch if any(callback == batch.send for _, callback, *_ in waiting) else None


def queue(*, children=(), staff=(), teams=()):
    batch = _pending_batch()
    if batch is not None:
        batch.add(children, staff, teams)
        return
    batch = _local.batch = Batch()
    batch.add(children, staff, teams)
    # Outside a transaction this sends at once; `robust` logs rather than breaks the save if the task fails.
    transaction.on_commit(batch.send, robust=True)


def _subjects():
    """Model -> function(instance) -> the subjects whose rules read it."""
    from audits.models import CaseFileAudit, CorrectiveAction
    from cases.models import (
        Allocation,
        Assessment,
        AssessmentVersion,
        CaseNote,
        Child,
        ChronologyEntry,
        Document,
        ManagementDecision,
        ManagerMeeting,
        PreProceedings,
    )
    from organisation.models import StaffMember
    from supervision.models import (
        Appraisal,
        CaseDiscussion,
        Observation,
        SupervisionContract,
        SupervisionSession,
        TeamMeeting,
    )

    def on_child(instance):
        return {"children": [instance.child_id]}

    def related(model, pk, field):
        # A query, not the cached relation: on a cascade delete the related row may already be gone.
        return model.objects.filter(pk=pk).values_list(field, flat=True)

    return {
        # A child's worker carries the case in their caseload (CASELOAD).
        Child: lambda child: {"children": [child.pk], "staff": [child.worker_id]},
        Allocation: lambda allocation: {"children": [allocation.child_id], "staff": [allocation.worker_id]},
        ChronologyEntry: on_child,
        CaseNote: on_child,
        Document: on_child,
        ManagerMeeting: on_child,
        PreProceedings: on_child,
        ManagementDecision: on_child,
        Assessment: on_child,
        AssessmentVersion: lambda version: {"children": related(Assessment, version.assessment_id, "child_id")},
        CaseDiscussion: lambda discussion: {
            "children": [discussion.child_id],
            "staff": related(SupervisionSession, discussion.session_id, "supervisee_id"),
        },
        CaseFileAudit: on_child,
        CorrectiveAction: lambda action: {"children": related(CaseFileAudit, action.audit_id, "child_id")},
        SupervisionSession: lambda session: {"staff": [session.supervisee_id]},
        SupervisionContract: lambda contract: {"staff": [contract.staff_id]},
        Observation: lambda observation: {"staff": [observation.practitioner_id]},
        Appraisal: lambda appraisal: {"staff": [appraisal.staff_id]},
        StaffMember: lambda member: {"staff": [member.pk]},
        TeamMeeting: lambda meeting: {"teams": [meeting.team_id]},
    }


def connect():
    for model, subjects in _subjects().items():

        def receiver(sender, instance, subjects=subjects, update_fields=None, **kwargs):
            # Signing in saves last_login; no rule reads it.
            if update_fields is not None and set(update_fields) <= {"last_login"}:
                return
            queue(**subjects(instance))

        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"compliance:save:{model._meta.label}")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"compliance:delete:{model._meta.label}")


def queue_full_sweep():
    from .tasks import full_sweep

    try:
        full_sweep.apply_async(retry=False)
    except BROKER_ERRORS:
        logger.warning("compliance: full sweep not queued (broker unavailable)")

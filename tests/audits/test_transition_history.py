"""Corrective actions done and verified, audits completed: history keeps who, a re-check is queued."""
import datetime

from django.urls import reverse

from audits import services
from tests.conftest import rechecked
from tests.factories import CaseFileAuditFactory, CorrectiveActionFactory

TODAY = datetime.date(2026, 3, 20)


def test_marking_an_action_done_is_a_history_row_by_who_did_it(social_worker, child, rechecks):
    action = CorrectiveActionFactory(audit__child=child)
    assert action.mark_done(TODAY, by=social_worker)
    row = action.history.first()
    assert (row.done_on, row.history_user) == (TODAY, social_worker)
    assert rechecked(rechecks, "children", child.pk)


def test_verifying_is_a_history_row_by_the_auditor(team_manager, child, rechecks):
    action = CorrectiveActionFactory(audit__child=child)
    assert action.verify(by=team_manager, on=TODAY, done_on=TODAY)
    row = action.history.first()
    assert (row.verified_on, row.verified_by_id, row.history_user) == (TODAY, team_manager.pk, team_manager)


def test_completing_an_audit_is_a_history_row_by_the_auditor(team_manager, child, rechecks):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, grade="good")
    services.save_audit(audit=audit, answers={}, complete=True, today=TODAY)
    row = audit.history.first()
    assert (row.status, row.audited_on, row.history_user) == ("completed", TODAY, team_manager)
    assert rechecked(rechecks, "children", child.pk)


def test_lifting_a_legal_hold_is_a_history_row_by_the_administrator(client, administrator, child):
    from traceability.models import LegalHold

    hold = LegalHold.objects.create(child=child, reason="Litigation", placed_by=administrator)
    client.force_login(administrator)
    client.post(reverse("traceability:lift_hold", args=[hold.pk]))
    row = hold.history.first()
    assert row.lifted_at is not None and row.history_user == administrator

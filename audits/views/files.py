"""Case file audits: the list, the audit form with its evidence, the audit, and its follow-up."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from drafts.clearing import clears_draft
from organisation import policy
from organisation.models import Team

from .. import checklist, services
from ..evidence.files import file_evidence
from ..forms import AuditFilter, AuditForm, ResponseForm, ReviewingOfficerForm
from ..models import Answer, AuditAnswer, AuditKind, AuditStatus, CaseFileAudit, CorrectiveAction
from ..selectors import auditable_children, reviewing_officers, self_checkable_children

CHILD = ("child__team", "child__worker", "child__reviewing_officer")


@login_required
def audit_list(request):
    user, today = request.user, timezone.localdate()
    filterset = AuditFilter(
        request.GET, CaseFileAudit.objects.visible_to(user).audits(), teams=Team.objects.visible_to(user), today=today
    )
    overdue = Q(actions__done_on__isnull=True, actions__due_on__lt=today)
    audits = (
        filterset.qs
        .select_related("child", "auditor", "team")
        .annotate(
            open_actions=Count("actions", filter=Q(actions__done_on__isnull=True), distinct=True),
            overdue_actions=Count("actions", filter=overdue, distinct=True),
            not_met=Count("answers", filter=Q(answers__answer=Answer.NOT_MET), distinct=True),
        )
        .order_by("-audited_on", "-pk")
    )
    actions = CorrectiveAction.objects.visible_to(user).select_related("audit__child", "owner")
    return render(request, "audits/audit_list.html", {
        "form": filterset.form,
        "description": filterset.description(),
        "page": Paginator(audits, 50).get_page(request.GET.get("page")),
        "my_actions": actions.filter(owner=user, done_on__isnull=True),
        "to_verify": actions.awaiting_verification().filter(audit__auditor=user),
        "can_audit": policy.may_audit(user),
        "today": today,
    })


@login_required
def start(request, child_pk):
    """Audit a child's file; an auditor's unfinished draft for the child is resumed, not duplicated."""
    child = get_object_or_404(
        auditable_children(request.user).select_related("team", "worker", "reviewing_officer"), pk=child_pk
    )
    return _start(request, child, AuditKind.AUDIT)


@login_required
def self_check_start(request, child_pk):
    """A practitioner's check of the file of a child allocated to them (W 4), on the audit's checklist."""
    child = get_object_or_404(
        self_checkable_children(request.user).select_related("team", "worker", "reviewing_officer"), pk=child_pk
    )
    return _start(request, child, AuditKind.SELF_CHECK)


def _start(request, child, kind):
    draft = CaseFileAudit.objects.filter(
        child=child, auditor=request.user, kind=kind, status=AuditStatus.DRAFT
    ).first()
    if draft:
        return redirect("audits:edit", draft.pk)
    today = timezone.localdate()
    audit = CaseFileAudit(
        child=child, auditor=request.user, kind=kind, team=child.team, practitioner=child.worker, audited_on=today
    )
    return _audit_form(request, audit, today, answers={})


@login_required
@clears_draft("audit")
def edit(request, pk):
    audit = own_draft_audit(request, pk)
    return _audit_form(request, audit, timezone.localdate(), answers={a.item: a for a in audit.answers.all()})


def own_draft_audit(request, pk):
    """A draft audit, for its auditor only (the edit form and its drafts); a self-check while the child is
    still theirs."""
    audit = get_object_or_404(
        CaseFileAudit.objects.visible_to(request.user)
        .filter(auditor=request.user, status=AuditStatus.DRAFT)
        .select_related(*CHILD),
        pk=pk,
    )
    if audit.is_self_check and not policy.may_self_check(request.user, audit.child):
        raise Http404
    return audit


def _audit_form(request, audit, today, answers):
    completing = "complete" in request.POST
    form = AuditForm(request.POST or None, instance=audit, completing=completing, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save_if_current(lambda: services.save_audit(
                audit=form.instance, answers=form.answers(), complete=completing, today=today,
                reasons=form.reasons(),
            ))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if saved:
                what = "Self-check" if audit.is_self_check else "Audit"
                messages.success(request, f"{what} completed." if completing else f"{what} saved as a draft.")
                return redirect(audit)
    previous = (
        CaseFileAudit.objects.completed().filter(child=audit.child, kind=audit.kind).exclude(pk=audit.pk)
        .select_related("auditor")
    )
    return render(request, "audits/audit_form.html", {
        "form": form,
        "audit": audit,
        "child": audit.child,
        "evidence": file_evidence(audit.child, request.user, today),
        "previous": previous[:3],
        "today": today,
    })


@login_required
def detail(request, pk):
    user = request.user
    audit = get_object_or_404(
        CaseFileAudit.objects.visible_to(user)
        .select_related(
            "child__reviewing_officer", "child__team", "auditor", "team", "practitioner", "reviewing_officer_told"
        )
        .prefetch_related("answers"),
        pk=pk,
    )
    answers = {answer.item: answer for answer in audit.answers.all()}
    return render(request, "audits/audit_detail.html", {
        "audit": audit,
        "rows": [(item, answers.get(item.code)) for item in checklist.ITEMS],
        "actions": audit.actions.select_related("owner", "verified_by"),
        "is_auditor": audit.auditor_id == user.pk,
        "can_edit": audit.can_edit(user),
        "can_respond": audit.can_respond(user),
        "can_record_told": policy.may_record_reviewing_officer_told(user, audit),
        "today": timezone.localdate(),
    })


@login_required
def respond(request, pk):
    """The practitioner's response to a completed audit of their work."""
    audit = get_object_or_404(
        CaseFileAudit.objects.visible_to(request.user).filter(practitioner=request.user, status=AuditStatus.COMPLETED)
        .select_related("child"),
        pk=pk,
    )
    form = ResponseForm(request.POST or None, instance=audit)
    if request.method == "POST" and form.is_valid():
        form.instance.responded_at = timezone.now()
        if form.save_if_current():
            messages.success(request, "Your response has been saved.")
            return redirect(audit)
    return render(request, "audits/audit_subform.html", {
        "form": form, "audit": audit, "title": "Respond to the audit",
    })


@login_required
def reviewing_officer_told(request, pk):
    """Record that the child's IRO or CP chair was told of late or missing plans or review minutes (W 4)."""
    audit = get_object_or_404(CaseFileAudit.objects.visible_to(request.user).select_related("child__team"), pk=pk)
    if not policy.may_record_reviewing_officer_told(request.user, audit):
        raise Http404
    form = ReviewingOfficerForm(
        request.POST or None, instance=audit, officers=reviewing_officers(), today=timezone.localdate(),
        initial={"reviewing_officer_told": audit.reviewing_officer_told_id or audit.child.reviewing_officer_id},
    )
    if request.method == "POST" and form.is_valid() and form.save_if_current():
        messages.success(request, "Recorded that the IRO or CP chair was told.")
        return redirect(audit)
    return render(request, "audits/audit_subform.html", {
        "form": form, "audit": audit, "title": "Tell the IRO or CP chair",
        "lead": "W 4: managers speak to the Independent Reviewing Officer or child protection chair about late or "
                "missing planning and review documentation. Record who you told and when.",
    })


@login_required
def self_check_list(request):
    """Completed self-checks the user may see (a team manager: their teams'), each with its items not met; and a
    practitioner's children to self-check."""
    user = request.user
    checks = (
        CaseFileAudit.objects.visible_to(user).self_checks().completed()
        .select_related("child", "auditor", "team")
        .prefetch_related(Prefetch("answers", queryset=AuditAnswer.objects.only("audit_id", "item", "answer")))
        .annotate(open_actions=Count("actions", filter=Q(actions__done_on__isnull=True)))
        .order_by("-audited_on", "-pk")
    )
    return render(request, "audits/self_check_list.html", {
        "page": Paginator(checks, 50).get_page(request.GET.get("page")),
        "mine": self_checkable_children(user).order_by("last_name", "first_name"),
        "drafts": CaseFileAudit.objects.visible_to(user).self_checks()
        .filter(auditor=user, status=AuditStatus.DRAFT).select_related("child"),
    })

"""Drafting, submitting and signing off assessments and plans (SPEC section 3)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from drafts.clearing import clears_draft
from organisation import policy, standards
from organisation.scoping import can_write_record

from .. import sign_off
from ..forms import PlanActionFormSet, SignOffForm, StartAssessmentForm, VersionForm
from ..forms.queue import SignOffQueueFilter, queue_query
from ..models import Assessment, AssessmentVersion
from .children import get_child


def get_assessment(user, pk):
    return get_object_or_404(
        Assessment.objects.visible_to(user).select_related("child__team", "child__worker"), pk=pk
    )


@login_required
def start_assessment(request, pk):
    child = get_child(request.user, pk)
    if not can_write_record(request.user, child):
        raise Http404
    form = StartAssessmentForm(request.POST or None, child=child)
    if request.method == "POST" and form.is_valid():
        try:
            version = sign_off.start(child=child, kind=form.cleaned_data["kind"], author=request.user,
                                     meeting_date=form.cleaned_data["meeting_date"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("edit_version", pk=version.assessment_id)
    return render(request, "cases/assessment_start.html", {"child": child, "form": form})


@login_required
def assessment_detail(request, pk):
    assessment = get_assessment(request.user, pk)
    versions = list(assessment.versions.select_related("author", "decided_by").prefetch_related("actions"))
    latest = versions[0] if versions else None
    return render(
        request,
        "cases/assessment_detail.html",
        {
            "assessment": assessment,
            "child": assessment.child,
            "versions": versions,
            "latest": latest,
            "can_edit": latest and latest.is_editable and latest.author_id == request.user.pk,
            "can_review": latest
            and latest.status == latest.Status.SUBMITTED
            and policy.may_sign_off(request.user, latest),
            "can_revise": latest
            and latest.status not in AssessmentVersion.OPEN_STATUSES
            and can_write_record(request.user, assessment.child)
            and (assessment.child.is_open or assessment.kind not in Assessment.CLOSURE_KINDS),
            "countersigned": next((v for v in versions if v.is_current), None),
        },
    )


@login_required
@clears_draft("assessment")
def edit_version(request, pk):
    assessment = get_assessment(request.user, pk)
    version = assessment.latest_version()
    if not version.is_editable or version.author_id != request.user.pk:
        messages.error(
            request, "Only the author can change a draft. A submitted or signed-off version cannot be edited."
        )
        return redirect(assessment)
    form = VersionForm(request.POST or None, instance=version)
    # A court statement, summary or report is one document, with no SMART actions.
    actions = None if assessment.is_document else PlanActionFormSet(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid() and (actions is None or actions.is_valid()):
        def save():
            form.save()
            if actions is not None:
                actions.save()
            if "submit" in request.POST:
                sign_off.submit(version=version, author=request.user)

        try:
            saved = form.save_if_current(save)
        except ValidationError as error:
            _add_errors(form, error)
            saved = False
        except sign_off.AlreadyDecided as error:
            messages.error(request, str(error))
            return redirect(assessment)
        if saved:
            version.refresh_from_db(fields=["status"])
            messages.success(request, {
                version.Status.SUBMITTED: "Submitted for sign-off. Your manager has been asked to review it.",
                version.Status.FILED: "Filed. This kind of work needs no sign-off.",
            }.get(version.status, "Draft saved."))
            return redirect(assessment)
    return render(
        request,
        "cases/assessment_edit.html",
        {"assessment": assessment, "child": assessment.child, "version": version, "form": form, "actions": actions,
         "needs_sign_off": sign_off.needs_sign_off(assessment.kind)},
    )


def _add_errors(form, error):
    for field, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(None if field == "__all__" else field, message)


@login_required
@require_POST
def new_version(request, pk):
    assessment = get_assessment(request.user, pk)
    if not can_write_record(request.user, assessment.child):
        raise Http404
    try:
        sign_off.new_version(assessment=assessment, author=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(assessment)
    return redirect("edit_version", pk=assessment.pk)


@login_required
def review(request, pk):
    assessment = get_assessment(request.user, pk)
    version = assessment.latest_version()
    if not policy.is_manager(request.user):
        raise Http404
    query = queue_query(request.GET)
    queue_url = reverse("awaiting_sign_off") + (f"?{query}" if query else "")
    if version.status != version.Status.SUBMITTED:
        messages.error(request, _already_decided_message(version))
        return redirect(assessment)
    form = SignOffForm(request.POST or None, kind=assessment.kind)
    if request.method == "POST" and form.is_valid():
        try:
            decided = sign_off.decide(
                version=version, manager=request.user, grade=form.cleaned_data["grade"],
                affirmations=form.affirmations(),
                life_story_not_relevant_reason=form.cleaned_data["life_story_not_relevant_reason"],
                feedback=form.cleaned_data["feedback"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        except sign_off.AlreadyDecided:
            version.refresh_from_db()
            messages.error(request, _already_decided_message(version))
            return redirect(assessment)
        else:
            what = f"{assessment.get_kind_display()} for {assessment.child.full_name}"
            if decided.status == decided.Status.SIGNED_OFF and assessment.kind in Assessment.CLOSURE_KINDS:
                messages.success(request, f"Signed off: {what}. The case is closed; the decision is on the "
                                          "child's record.")
            elif decided.status == decided.Status.SIGNED_OFF:
                messages.success(request, f"Signed off: {what}. The decision is on the child's record.")
            else:
                messages.success(request, f"Returned to {version.author}: {what}, with your feedback. Grade kept.")
            # Back to the queue (with its filters), where the next item is offered.
            return redirect(queue_url)
    return render(
        request,
        "cases/assessment_review.html",
        {"assessment": assessment, "child": assessment.child, "version": version, "form": form,
         "actions": version.actions.all(), "may_decide": policy.may_sign_off(request.user, version),
         "queue_url": queue_url, "closes_case": assessment.kind in Assessment.CLOSURE_KINDS},
    )


def _already_decided_message(version):
    if version.decided_by:
        return (
            f"{version.decided_by} has already {version.get_status_display().lower()} this version "
            f"on {timezone.localtime(version.decided_at):%-d %B %Y at %H:%M}. Your decision was not recorded."
        )
    return "This version is not waiting for sign-off."


@login_required
def awaiting_sign_off(request):
    if not policy.is_manager(request.user):
        raise Http404
    today = timezone.localdate()
    # One manager's queue is short: read it whole, so the worker filter lists every author in it.
    queue = list(
        AssessmentVersion.objects.awaiting_sign_off_by(request.user).select_related("assessment__child", "author")
    )
    authors = sorted({v.author for v in queue}, key=lambda a: (a.last_name, a.first_name, a.pk))
    filters = SignOffQueueFilter(request.GET or None, authors=authors)
    versions = filters.keep(queue)
    limit = standards.figure("PLAN-UNSIGNED", "working_days")
    rows = [(v, v.waiting_working_days(today)) for v in versions]
    return render(
        request,
        "cases/awaiting_sign_off.html",
        {"rows": rows, "filters": filters, "limit": limit, "query": queue_query(request.GET)},
    )



"""Objectives set by a line manager for a person or a team (W 5), reviewed in supervision; the restricted support
record (K 4, W 5.2)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from organisation import writes
from organisation.models import StaffMember, Team
from organisation.scoping import may_write_support_record, support_record_filter

from ..forms import ObjectiveForm, ObjectiveReviewForm, SupportRecordForm
from ..models import Objective, Progress, SupervisionSession, SupportRecord


def _form_page(request, form, *, title, caption, back_url, intro=""):
    return render(request, "supervision/objective_form.html", {
        "form": form, "title": title, "caption": caption, "back_url": back_url, "intro": intro,
    })


def _set(request, form, **target):
    objective = form.save(commit=False)
    for name, value in target.items():
        setattr(objective, name, value)
    objective.set_by, objective.set_on = request.user, timezone.localdate()
    writes.save(objective, by=request.user)
    messages.success(request, "The objective is set. Review it in supervision.")


@login_required
def objective_new(request, staff_pk):
    member = get_object_or_404(StaffMember.objects.managed_by(request.user).filter(is_active=True), pk=staff_pk)
    form = ObjectiveForm(request.POST or None, today=timezone.localdate())
    if form.is_valid():
        _set(request, form, staff=member)
        return redirect("supervision:staff", member.pk)
    return _form_page(
        request, form, title=f"Set an objective for {member}", caption=str(member),
        back_url=reverse("supervision:staff", args=[member.pk]),
    )


@login_required
def team_objective_new(request, team_pk):
    team = get_object_or_404(Team.objects.visible_to(request.user), pk=team_pk)
    form = ObjectiveForm(request.POST or None, today=timezone.localdate())
    if form.is_valid():
        _set(request, form, team=team)
        return redirect("supervision:team")
    return _form_page(
        request, form, title=f"Set an objective for {team}", caption=f"{team} team",
        back_url=reverse("supervision:team"),
        intro="A team objective is reviewed with each member of the team in their supervision (W 5).",
    )


@login_required
def objective_review(request, pk, objective_pk):
    """Progress against one of the supervisee's objectives (or their team's), recorded in this session."""
    session = get_object_or_404(
        SupervisionSession.objects.visible_to(request.user).filter(supervisor=request.user)
        .exclude(status=SupervisionSession.Status.CANCELLED).select_related("supervisee"),
        pk=pk,
    )
    objective = get_object_or_404(Objective.objects.for_person(session.supervisee).open(), pk=objective_pk)
    form = ObjectiveReviewForm(request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            review = form.save(commit=False)
            review.objective, review.staff, review.session = objective, session.supervisee, session
            review.reviewed_by, review.reviewed_on = request.user, session.date
            writes.save(review, by=request.user)
            if review.progress == Progress.ACHIEVED and not objective.is_team_objective:
                writes.transition(objective, {"achieved_on": None}, by=request.user, achieved_on=session.date)
        messages.success(request, "Progress is recorded.")
        return redirect(session)
    return _form_page(
        request, form, title="Record progress on an objective", caption=f"{session.supervisee}, supervision on "
        f"{session.date:%-d %B %Y}", back_url=session.get_absolute_url(), intro=objective.title,
    )


def _support_member(request, staff_pk):
    """The person whose support record it is, if the user may read it: themselves, their line of management, or
    HR-designated staff. 404 for anyone else, so its existence is not revealed."""
    return get_object_or_404(StaffMember.objects.filter(support_record_filter(request.user, prefix="")), pk=staff_pk)


@login_required
def support_records(request, staff_pk):
    member = _support_member(request, staff_pk)
    records = SupportRecord.objects.visible_to(request.user).filter(staff=member).select_related("recorded_by")
    return render(request, "supervision/support_records.html", {
        "member": member, "records": records, "mine": member.pk == request.user.pk,
        "can_write": may_write_support_record(request.user, member),
    })


@login_required
def support_new(request, staff_pk):
    member = get_object_or_404(StaffMember.objects.filter(is_active=True), pk=staff_pk)
    if not may_write_support_record(request.user, member):
        raise Http404
    form = SupportRecordForm(request.POST or None, initial={"recorded_on": timezone.localdate()})
    if form.is_valid():
        record = form.save(commit=False)
        record.staff, record.recorded_by = member, request.user
        writes.save(record, by=request.user)
        messages.success(request, f"Saved in {member}'s support record.")
        return redirect("supervision:support", member.pk)
    return _form_page(
        request, form, title=f"Add to {member}'s support record", caption=str(member),
        back_url=reverse("supervision:support", args=[member.pk]),
        intro="Restricted: seen only by them, their line of management and HR-designated staff. Never on a "
              "child's record.",
    )

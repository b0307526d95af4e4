"""Contracts, observations of practice and appraisals, recorded by a manager in the staff member's line."""
from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisation import standards, writes
from organisation.models import StaffMember

from .. import services
from ..forms import AppraisalForm, ChangedRoleForm, ContractForm, ObservationForm
from ..frequency import frequency
from ..models import SupervisionContract
from ..selectors import objectives_of


def _managed(request, pk):
    return get_object_or_404(StaffMember.objects.managed_by(request.user).filter(is_active=True), pk=pk)


def _page(request, template, member, form, **extra):
    return render(request, template, {"member": member, "form": form, **extra})


@login_required
def contract_new(request, staff_pk):
    member, today = _managed(request, staff_pk), timezone.localdate()
    initial = {
        "agreed_on": today,
        "review_on": today + relativedelta(months=standards.figure("CONTRACT-REVIEW", "months")),
        "frequency": SupervisionContract.frequency_for(frequency(member, today, agreed=False)),
    }
    form = ContractForm(request.POST or None, staff=member, today=today, initial=initial)
    if form.is_valid():
        contract = form.save(commit=False)
        # The manager recording it is the supervisor, and signs it now; the staff member signs next.
        contract.staff, contract.supervisor, contract.supervisor_signed_on = member, request.user, today
        contract.save()
        messages.success(request, f"The contract is recorded. {member} can now sign it in My supervision.")
        return redirect("supervision:staff", member.pk)
    return _page(request, "supervision/contract_form.html", member, form)


@login_required
def changed_role(request, staff_pk):
    """The manager agrees when a returner's or changed role's fortnightly supervision ends (W 5.2)."""
    member, today = _managed(request, staff_pk), timezone.localdate()
    form = ChangedRoleForm(request.POST or None, instance=member, today=today)
    if request.method == "POST" and form.is_valid():
        writes.save(form.instance, by=request.user, update_fields=["returning_until"])
        until = form.instance.returning_until
        messages.success(request, f"{member} is supervised every 14 days until {until:%-d %B %Y}." if until
                         else f"{member} is supervised at their usual frequency from today.")
        return redirect("supervision:staff", member.pk)
    return _page(request, "supervision/changed_role_form.html", member, form)


@login_required
@require_POST
def contract_sign(request, pk):
    contract = get_object_or_404(SupervisionContract.objects.filter(staff=request.user), pk=pk)
    if writes.transition(contract, {"staff_signed_on": None}, by=request.user, staff_signed_on=timezone.localdate()):
        messages.success(request, "You have signed your supervision contract.")
    return redirect("supervision:mine")


@login_required
def observation_new(request, staff_pk):
    member, today = _managed(request, staff_pk), timezone.localdate()
    form = ObservationForm(request.POST or None, today=today, initial={"observed_on": today})
    if form.is_valid():
        observation = form.save(commit=False)
        observation.practitioner, observation.observer = member, request.user
        observation.save()
        messages.success(request, "The observation of practice is recorded.")
        return redirect("supervision:staff", member.pk)
    return _page(request, "supervision/observation_form.html", member, form)


@login_required
def appraisal_new(request, staff_pk):
    member, today = _managed(request, staff_pk), timezone.localdate()
    latest = member.observations.select_related("observer").first()
    form = AppraisalForm(request.POST or None, staff=member, initial={"held_on": today})
    if form.is_valid():
        appraisal = form.save(commit=False)
        appraisal.staff, appraisal.appraiser, appraisal.observation = member, request.user, form.observation
        services.record_appraisal(appraisal)
        set_count = appraisal.objectives_set.count()
        messages.success(request, "The appraisal is recorded" + (
            f", with {set_count} objective{'s' if set_count != 1 else ''} for the year ahead." if set_count else "."
        ))
        return redirect("supervision:staff", member.pk)
    return _page(
        request, "supervision/appraisal_form.html", member, form,
        latest=latest, objectives=objectives_of(member, include_achieved=True),
        observation_current=latest is not None and latest.is_current(today),
    )

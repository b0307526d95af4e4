"""Training with its expiry (added by the person or their line management), the induction checklist (ticked by
the line management) and CPD entries with their yearly export (the person's own)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from organisation import writes
from organisation.models import StaffMember
from organisation.scoping import personal_file_filter
from organisation.spreadsheets import csv_response

from ..forms import CpdEntryForm, InductionTickForm, TrainingForm
from ..models import CpdEntry
from ..models.learning import induction_checklist, registration_year, registration_year_of
from .objectives import _form_page


def _file_url(member, user):
    return reverse("supervision:mine") if member.pk == user.pk else reverse("supervision:staff", args=[member.pk])


@login_required
def training_new(request, staff_pk):
    member = get_object_or_404(
        StaffMember.objects.filter(personal_file_filter(request.user), is_active=True), pk=staff_pk
    )
    form = TrainingForm(request.POST or None)
    if form.is_valid():
        record = form.save(commit=False)
        record.staff, record.recorded_by = member, request.user
        writes.save(record, by=request.user)
        messages.success(request, f"{record.course} is in the training record.")
        return redirect(_file_url(member, request.user))
    mine = member.pk == request.user.pk
    return _form_page(
        request, form, title="Add my training" if mine else f"Add training for {member}", caption=str(member),
        back_url=_file_url(member, request.user),
    )


@login_required
def induction(request, staff_pk):
    member = get_object_or_404(StaffMember.objects.managed_by(request.user).filter(is_active=True), pk=staff_pk)
    checklist = induction_checklist(member)
    open_items = {key for key, _label, tick in checklist if tick is None}
    form = InductionTickForm(
        request.POST or None, open_items=open_items, started_on=member.started_in_post,
        initial={"done_on": timezone.localdate()},
    )
    if open_items and form.is_valid():
        try:
            with transaction.atomic():
                tick = member.induction.model(
                    staff=member, item=form.cleaned_data["item"], done_on=form.cleaned_data["done_on"],
                    ticked_by=request.user,
                )
                writes.save(tick, by=request.user)
        except IntegrityError:
            messages.info(request, "That item was already ticked off.")
        else:
            messages.success(request, f"Ticked off: {tick.get_item_display()}.")
        return redirect("supervision:induction", member.pk)
    return render(request, "supervision/induction.html", {
        "member": member, "checklist": checklist, "form": form if open_items else None,
    })


@login_required
def cpd(request):
    today = timezone.localdate()
    entries = CpdEntry.objects.filter(staff=request.user)
    years = sorted({registration_year_of(day) for day in entries.values_list("done_on", flat=True)}
                   | {registration_year_of(today)}, reverse=True)
    return render(request, "supervision/cpd.html", {
        "years": [(year, *registration_year(year), _year_entries(request.user, year)) for year in years],
    })


def _year_entries(member, year):
    entries = CpdEntry.objects.filter(staff=member).in_registration_year(year)
    return list(entries), entries.aggregate(total=Sum("hours"))["total"] or 0


@login_required
def cpd_new(request):
    form = CpdEntryForm(request.POST or None, initial={"done_on": timezone.localdate()})
    if form.is_valid():
        entry = form.save(commit=False)
        entry.staff = request.user
        writes.save(entry, by=request.user)
        messages.success(request, "Your CPD entry is saved.")
        return redirect("supervision:cpd")
    return _form_page(request, form, title="Add a CPD entry", caption="My CPD", back_url=reverse("supervision:cpd"))


@login_required
def cpd_export(request, year):
    """The person's CPD in the registration year closing on 30 November `year`, for their renewal."""
    if not 2000 <= year <= 2100:
        raise Http404
    entries, _total = _year_entries(request.user, year)
    first, last = registration_year(year)
    return csv_response(
        f"cpd-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}",
        ["Date", "What I did", "Reflection", "Hours"],
        ([entry.done_on.isoformat(), entry.activity, entry.reflection, entry.hours]
         for entry in sorted(entries, key=lambda e: (e.done_on, e.pk))),
    )

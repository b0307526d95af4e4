"""The child's record: the page, entries added to it, and allocation."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode

from organisation import policy, writes
from organisation.models import StaffMember
from organisation.scoping import can_manage_child, can_write_record

from .. import timeline
from ..forms import (
    AllocationForm,
    AttendanceForm,
    CaseNoteForm,
    ChronologyEntryForm,
    DocumentForm,
    FgdmForm,
    ManagementDecisionForm,
    ManagerMeetingForm,
    PreProceedingsForm,
)
from ..models import Child, ManagerMeeting, PreProceedings
from ..selectors import assessments_of, oversight_at_a_glance, with_glance
from ..services import acknowledge_allocation, allocate, confirm_attendance


def get_child(user, pk, glance=False):
    """The child if the user may see them; otherwise 404, so existence is not revealed.

    `glance` reads oversight at a glance in the same query (for the record's pages).
    """
    children = Child.objects.visible_to(user).select_related("team__service", "worker", "reviewing_officer")
    return get_object_or_404(with_glance(children, user) if glance else children, pk=pk)


@login_required
def child_detail(request, pk):
    child = get_child(request.user, pk, glance=True)
    selected = request.GET.getlist("kind")
    page = _page_number(request.GET.get("page"))
    entries, has_older = timeline.page_of(child, request.user, only=selected, page=page)
    assessments = assessments_of(child)
    return render(
        request,
        "cases/child_detail.html",
        {
            "child": child,
            "assessments": assessments,
            "current_plan": _current_plan(assessments),
            "glance": oversight_at_a_glance(child),
            "entries": entries,
            "kinds": timeline.kinds(),
            "selected": selected,
            "page": page,
            "newer_url": _timeline_url(child, selected, page - 1) if page > 1 else "",
            "older_url": _timeline_url(child, selected, page + 1) if has_older else "",
            "can_write": can_write_record(request.user, child),
            "can_manage": can_manage_child(request.user, child),
            "can_audit": policy.may_audit(request.user),
            "can_self_check": policy.may_self_check(request.user, child),
            "today": timezone.localdate(),
        },
    )


@login_required
def child_print(request, pk):
    """The whole record on one page, laid out for paper: every entry, not a page of the newest."""
    child = get_child(request.user, pk, glance=True)
    assessments = assessments_of(child)
    return render(request, "cases/child_print.html", {
        "child": child,
        "assessments": assessments,
        "current_plan": _current_plan(assessments),
        "glance": oversight_at_a_glance(child),
        "entries": timeline.for_child(child, request.user),
        "printed_at": timezone.localtime(),
        "today": timezone.localdate(),
    })


def _page_number(value):
    """The timeline page asked for: 1 unless a positive whole number (of sane size) is given."""
    if value and value.isascii() and value.isdigit() and len(value) <= 6 and int(value) > 0:
        return int(value)
    return 1


def _timeline_url(child, selected, page):
    """A page of the child's timeline, keeping the kinds filter."""
    query = [("kind", kind) for kind in selected] + ([("page", page)] if page > 1 else [])
    return f"{child.get_absolute_url()}{'?' + urlencode(query) if query else ''}#timeline"


def _current_plan(assessments):
    """The latest plan and its latest version, from the assessments' version lists (newest first)."""
    for assessment in assessments:
        if assessment.is_plan:
            versions = assessment.version_list
            signed = next((v for v in versions if v.is_current), None)
            return {"assessment": assessment, "latest": versions[0] if versions else None, "signed": signed}
    return None


def _owners(child):
    return StaffMember.objects.filter(
        Q(team=child.team) | Q(pk=child.worker_id), is_active=True
    ).order_by("last_name")


def _managers(child):
    return StaffMember.objects.managers().filter(
        Q(team__service=child.team.service) | Q(services_headed=child.team.service), is_active=True,
    ).distinct()


# kind -> (form, title, who may add it, the field that records the author)
ENTRY_KINDS = {
    "chronology": (ChronologyEntryForm, "Add a chronology entry", can_write_record, "recorded_by"),
    "note": (CaseNoteForm, "Record a visit or case note", can_write_record, "author"),
    "document": (DocumentForm, "Add a document to the register", can_write_record, "added_by"),
    "decision": (ManagementDecisionForm, "Record a management decision", can_manage_child, "manager"),
    "meeting": (ManagerMeetingForm, "Add a conference, hearing or review", can_write_record, "recorded_by"),
    "pre_proceedings": (PreProceedingsForm, "Record pre-proceedings", can_write_record, "recorded_by"),
}


@login_required
def add_record_entry(request, pk, kind):
    if kind not in ENTRY_KINDS:
        raise Http404
    form_class, title, may_add, author_field = ENTRY_KINDS[kind]
    child = get_child(request.user, pk)
    if not may_add(request.user, child):
        raise Http404
    extra = {}
    if form_class is DocumentForm:
        extra["owners"] = _owners(child)
        extra["initial"] = {"owner": request.user}
    elif form_class is ManagerMeetingForm:
        extra["managers"] = _managers(child)
        extra["initial"] = {"manager": child.team.manager}
    form = form_class(request.POST or None, instance=form_class._meta.model(child=child), **extra)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.child = child
        setattr(entry, author_field, request.user)
        entry.save()
        messages.success(request, f"{title.split(' ', 1)[1].capitalize()}: saved on the record.")
        return redirect(child)
    return render(request, "cases/record_entry_form.html", {"child": child, "form": form, "title": title})


@login_required
def meeting_attendance(request, pk, meeting_pk):
    """The manager named for an initial CP conference or PLO hearing says whether they attended (K 6); the
    page is theirs alone (404 for anyone else), and the confirmation opens on the meeting's day."""
    child = get_child(request.user, pk)
    meeting = get_object_or_404(
        ManagerMeeting.objects.needing_attendance().filter(child=child, manager=request.user), pk=meeting_pk
    )
    today = timezone.localdate()
    refusal = policy.attendance_refusal(request.user, meeting, today)
    form = None if refusal else AttendanceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form is not None and form.is_valid():
        attended = form.cleaned_data["attended"]
        if confirm_attendance(meeting=meeting, by=request.user, attended=attended, now=timezone.now()):
            messages.success(request, f"Recorded that you {'attended' if attended else 'did not attend'} the "
                                      f"{meeting.get_kind_display().lower()} on {meeting.held_on:%-d %B %Y}.")
        else:
            messages.error(request, "Your attendance had already been recorded: nothing was changed.")
        return redirect(child)
    return render(request, "cases/meeting_attendance.html", {
        "child": child, "meeting": meeting, "form": form, "refusal": refusal, "title": "Confirm your attendance",
    })


@login_required
def pre_proceedings_fgdm(request, pk, pre_pk):
    """The family group decision-making meeting offered after pre-proceedings began, or why none was."""
    child = get_child(request.user, pk)
    if not can_write_record(request.user, child):
        raise Http404
    pre = get_object_or_404(PreProceedings.objects.filter(child=child), pk=pre_pk)
    form = FgdmForm(request.POST or None, instance=pre)
    if request.method == "POST" and form.is_valid() and form.save_if_current(lambda: writes.save(
        form.save(commit=False), by=request.user
    )):
        messages.success(request, "Family group decision-making: saved on the record.")
        return redirect(child)
    return render(request, "cases/record_entry_form.html", {
        "child": child, "form": form, "title": "Family group decision-making meeting",
        "intro": format_html(
            '<p class="govuk-body">Pre-proceedings began on {}. Record the date a family group decision-making '
            "meeting was offered, or why none was.</p>", f"{pre.started_on:%-d %B %Y}",
        ),
    })


@login_required
def allocate_child(request, pk):
    child = get_child(request.user, pk)
    if not can_manage_child(request.user, child):
        raise Http404
    today = timezone.localdate()
    workers = (
        StaffMember.objects.practitioners().filter(team=child.team, is_active=True).with_caseload(today)
        .order_by("last_name", "first_name")
    )
    form = AllocationForm(request.POST or None, workers=workers, child=child, initial={"worker": child.worker_id})
    if request.method == "POST" and form.is_valid() and form.save_if_current(lambda: allocate(
        child=child, team=child.team, by=request.user, on=today, **form.cleaned_data
    )):
        messages.success(request, f"{child.full_name} is allocated to {form.cleaned_data['worker']}.")
        return redirect(child)
    return render(request, "cases/allocate.html", {"child": child, "form": form, "today": today})


@login_required
def acknowledge_child_allocation(request, pk):
    """The allocated worker confirms they understand what is required and by when (K 2); POST only."""
    child = get_child(request.user, pk)
    allocation = child.allocations.current().first()
    if request.method != "POST" or allocation is None or allocation.worker_id != request.user.pk:
        raise Http404
    if acknowledge_allocation(allocation=allocation, by=request.user, now=timezone.now()):
        messages.success(request, f"Thank you: your manager can see you have read what {child.full_name}'s "
                                  f"allocation asks of you and by when.")
    return redirect(child)

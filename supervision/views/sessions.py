"""A supervision session: agenda, notes, the record, the personal section, completing and acknowledging."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from drafts.carry import carried
from drafts.clearing import clears_draft
from organisation.models import StaffMember

from .. import services
from ..forms import (
    AcknowledgeForm,
    AddChildForm,
    AgendaItemForm,
    CancelForm,
    NotesForm,
    PersonalSectionForm,
    RecordForm,
    SessionActionForm,
    StartSessionForm,
)
from ..models import PersonalSection, SupervisionSession
from ..selectors import objectives_of


def _session(request, pk, *, only=None):
    """A session in the user's scope (the supervisee's file), optionally only where they play a part."""
    sessions = SupervisionSession.objects.visible_to(request.user).select_related("supervisor", "supervisee")
    if only is not None:
        sessions = sessions.filter(only)
    return get_object_or_404(sessions, pk=pk)


def _as_supervisor(request, pk):
    return _session(request, pk, only=Q(supervisor=request.user))


def _as_supervisee(request, pk):
    return _session(request, pk, only=Q(supervisee=request.user))


def _action_owners(session):
    """An action agreed in the session is the supervisee's or the supervisor's, as in a case discussion."""
    return StaffMember.objects.filter(pk__in=[session.supervisor_id, session.supervisee_id])


def _no_longer_open(request, session):
    messages.error(request, "This session is no longer open: its record has been completed or it was cancelled.")
    return redirect(session)


@login_required
def start(request, staff_pk):
    supervisee = get_object_or_404(StaffMember.objects.managed_by(request.user).filter(is_active=True), pk=staff_pk)
    children = supervisee.caseload.open().visible_to(request.user).order_by("last_name", "first_name")
    form = StartSessionForm(request.POST or None, children=children, initial={"date": timezone.localdate()})
    if form.is_valid():
        session = services.start_session(
            supervisor=request.user, supervisee=supervisee, on=form.cleaned_data["date"],
            children=form.cleaned_data["children"],
        )
        return redirect(session)
    planned = SupervisionSession.objects.planned().filter(supervisee=supervisee, supervisor=request.user)
    return render(
        request, "supervision/session_start.html", {"form": form, "supervisee": supervisee, "planned": planned}
    )


def _render(request, session, status=200, completion_errors=(), **forms):
    user, today = request.user, timezone.localdate()
    is_supervisor, is_supervisee = user == session.supervisor, user == session.supervisee
    context = {
        "session": session,
        "today": today,
        "is_supervisor": is_supervisor,
        "is_supervisee": is_supervisee,
        "agenda": session.agenda_items.select_related("added_by"),
        "discussions": session.case_discussions.select_related("child"),
        "personal": getattr(session, "personal_section", None),
        "objectives": objectives_of(session.supervisee),
        "actions": session.actions.select_related("owner", "done_by"),
        "review_session": session if is_supervisor and session.status != SupervisionSession.Status.CANCELLED else None,
    }
    if session.is_open and (is_supervisor or is_supervisee):
        context["agenda_form"] = AgendaItemForm()
    if is_supervisee and session.status != SupervisionSession.Status.CANCELLED:
        context["notes_form"] = NotesForm(instance=session)
    if is_supervisee and session.awaits_acknowledgement:
        context["acknowledge_form"] = AcknowledgeForm()
    if is_supervisor and session.is_open:
        context["add_child_form"] = AddChildForm(children=services.discussable_children(session))
        context["problems"] = session.completion_problems(today)
        context["action_form"] = SessionActionForm(owners=_action_owners(session))
    context.update(forms, bound_forms=list(forms.values()), completion_errors=completion_errors)
    return render(request, "supervision/session.html", context, status=status)


@login_required
def session_detail(request, pk):
    return _render(request, _session(request, pk))


@login_required
@require_POST
def add_agenda_item(request, pk):
    session = _session(request, pk, only=Q(supervisor=request.user) | Q(supervisee=request.user))
    if not session.is_open:
        return _no_longer_open(request, session)
    # The supervisee's page posts their notes too: shown again as typed, saved only by "Save my notes".
    carry, changed = {}, False
    if request.user == session.supervisee:
        carry["notes_form"], changed = carried(NotesForm, request.POST, instance=session)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        return _render(request, session, status=400, agenda_form=form, **carry)
    form.instance.session, form.instance.added_by = session, request.user
    form.save()
    if changed:
        messages.success(request, "Added to the agenda. Your notes are not saved yet.")
        return _render(request, session, **carry)
    messages.success(request, "Added to the agenda.")
    return redirect(session)


@login_required
@require_POST
@clears_draft("session_notes")
def save_notes(request, pk):
    session = _as_supervisee(request, pk)
    if session.status == SupervisionSession.Status.CANCELLED:
        return _no_longer_open(request, session)
    form = NotesForm(request.POST, instance=session)
    if not form.is_valid():
        return _render(request, session, status=400, notes_form=form)
    # Only the supervisee's fields: the supervisor may be completing the record at the same moment.
    if not form.save_if_current(lambda: form.instance.save(update_fields=NotesForm.Meta.fields)):
        return _render(request, session, status=409, notes_form=form)
    messages.success(request, "Your notes are saved.")
    return redirect(session)


@login_required
@require_POST
def acknowledge(request, pk):
    session = _as_supervisee(request, pk)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return _render(request, session, status=400, acknowledge_form=form)
    now, comment = timezone.now(), form.cleaned_data["comment"]
    done = session.add_comment(now, comment) if form.comment_only else session.acknowledge(now, comment)
    if done:
        done_message = "Your comment is added." if form.comment_only else "You have acknowledged the record."
        messages.success(request, done_message)
    else:
        messages.error(request, "This record is not waiting for your acknowledgement.")
    return redirect(session)


@login_required
@clears_draft("session_record")
def write_record(request, pk):
    session = _as_supervisor(request, pk)
    if not session.is_open:
        return _no_longer_open(request, session)
    form = RecordForm(request.POST or None, instance=session)
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = form.save_if_current(
                lambda: services.save_record(session=session, on=data["date"], record=data["record"])
            )
        except services.AlreadyDone:
            return _no_longer_open(request, session)
        if saved:
            messages.success(request, "The record is saved.")
            return redirect(session)
    return render(request, "supervision/session_record.html", {"form": form, "session": session})


@login_required
def personal_section(request, pk):
    """Read by anyone whose scope holds the personal file; written by the supervisor while the session is open."""
    session = _session(request, pk)
    personal = PersonalSection.objects.filter(session=session).first() or PersonalSection(session=session)
    writable = request.user == session.supervisor and session.is_open
    if request.method == "POST" and not writable:
        raise PermissionDenied
    form = PersonalSectionForm(request.POST or None, instance=personal) if writable else None
    if form is not None and form.is_valid() and form.save_if_current():
        messages.success(request, "The personal section is saved in the personal supervision file.")
        return redirect(session)
    return render(
        request, "supervision/session_personal.html", {"form": form, "session": session, "personal": personal}
    )


@login_required
def cancel(request, pk):
    session = _as_supervisor(request, pk)
    if not session.is_open:
        return _no_longer_open(request, session)
    form = CancelForm(request.POST or None)
    if form.is_valid():
        if session.cancel(form.cleaned_data["reason"]):
            messages.success(request, "The session is cancelled.")
            return redirect(session)
        return _no_longer_open(request, session)
    return render(request, "supervision/session_cancel.html", {"form": form, "session": session})


@login_required
@require_POST
def complete(request, pk):
    session = _as_supervisor(request, pk)
    if not session.is_open:
        return _no_longer_open(request, session)
    try:
        services.complete_session(session=session, today=timezone.localdate(), now=timezone.now())
    except services.Incomplete as error:
        # Nothing saved: the page again, its error summary linking to each thing still to do.
        return _render(request, session, status=400, completion_errors=error.problems)
    except services.AlreadyDone:
        return _no_longer_open(request, session)
    messages.success(request, "The record is complete and each case discussion is on the child's record.")
    return redirect(session)


@login_required
@require_POST
def add_discussion(request, pk):
    session = _as_supervisor(request, pk)
    if not session.is_open:
        return _no_longer_open(request, session)
    form = AddChildForm(request.POST, children=services.discussable_children(session))
    if not form.is_valid():
        return _render(request, session, status=400, add_child_form=form)
    discussion = services.add_case_discussion(session=session, child=form.cleaned_data["child"])
    return redirect("supervision:discussion_edit", discussion.pk)


@login_required
@require_POST
def add_action(request, pk):
    """The supervisor records an action agreed in the session, outside any case discussion."""
    session = _as_supervisor(request, pk)
    if not session.is_open:
        return _no_longer_open(request, session)
    form = SessionActionForm(request.POST, owners=_action_owners(session))
    if not form.is_valid():
        return _render(request, session, status=400, action_form=form)
    try:
        services.add_session_action(form, session=session)
    except services.AlreadyDone:
        return _no_longer_open(request, session)
    messages.success(request, "The action is added.")
    return redirect(f"{session.get_absolute_url()}#actions")

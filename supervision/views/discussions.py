"""A case discussion: read on the child's record; written and filed by the supervisor (W 3, W 4)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from drafts.carry import carried
from drafts.clearing import clears_draft
from organisation.models import StaffMember

from .. import services
from ..forms import CaseDiscussionForm, DiscussionActionForm
from ..models import CaseDiscussion, SupervisionSession


@login_required
def discussion_detail(request, pk):
    discussion = get_object_or_404(
        CaseDiscussion.objects.visible_to(request.user).select_related(
            "child", "session__supervisor", "session__supervisee", "management_decision"
        ),
        pk=pk,
    )
    session = discussion.session
    return render(
        request,
        "supervision/discussion.html",
        {
            "discussion": discussion,
            "session": session,
            "actions": discussion.actions.select_related("owner", "done_by"),
            "today": timezone.localdate(),
            # Readers of the child's record do not necessarily see the supervision file.
            "session_visible": SupervisionSession.objects.visible_to(request.user).filter(pk=session.pk).exists(),
            "can_edit": request.user == session.supervisor and not discussion.is_filed and session.is_open,
        },
    )


def _open_discussion(request, pk):
    """An unfiled discussion of an open session, for its supervisor only."""
    return get_object_or_404(
        CaseDiscussion.objects.visible_to(request.user)
        .filter(session__supervisor=request.user, session__status=SupervisionSession.Status.PLANNED, filed_at=None)
        .select_related("child", "session__supervisor", "session__supervisee"),
        pk=pk,
    )


def _owners(discussion):
    return StaffMember.objects.filter(pk__in=[discussion.session.supervisor_id, discussion.session.supervisee_id])


def _render_edit(request, discussion, status=200, **forms):
    context = {
        "discussion": discussion,
        "session": discussion.session,
        "actions": discussion.actions.select_related("owner", "done_by"),
        "form": CaseDiscussionForm(instance=discussion),
        "action_form": DiscussionActionForm(owners=_owners(discussion)),
        "today": timezone.localdate(),
        **forms,
    }
    return render(request, "supervision/discussion_edit.html", context, status=status)


@login_required
@clears_draft("case_discussion")
def discussion_edit(request, pk):
    discussion = _open_discussion(request, pk)
    if request.method != "POST":
        return _render_edit(request, discussion)
    form = CaseDiscussionForm(request.POST, instance=discussion)
    if not form.is_valid():
        return _render_edit(request, discussion, status=400, form=form)
    try:
        saved = form.save_if_current(lambda: services.revise_case_discussion(discussion, **form.cleaned_data))
    except services.AlreadyDone as error:
        messages.error(request, str(error))
        return redirect(discussion)
    if not saved:
        return _render_edit(request, discussion, status=409, form=form)
    messages.success(request, f"The case discussion about {discussion.child.full_name} is saved.")
    return redirect(discussion.session)


@login_required
@require_POST
def add_action(request, pk):
    discussion = _open_discussion(request, pk)
    # The page posts the discussion's fields too: shown again as typed, saved only by "Save the case discussion".
    typed, changed = carried(CaseDiscussionForm, request.POST, instance=discussion)
    form = DiscussionActionForm(request.POST, owners=_owners(discussion))
    if not form.is_valid():
        return _render_edit(request, discussion, status=400, form=typed, action_form=form)
    form.instance.discussion = discussion
    form.save()
    if changed:
        messages.success(request, "The action is added. Your changes to the discussion are not saved yet.")
        return _render_edit(request, discussion, form=typed)
    messages.success(request, "The action is added.")
    return redirect("supervision:discussion_edit", discussion.pk)


@login_required
@require_POST
def file_discussion(request, pk):
    discussion = _open_discussion(request, pk)
    try:
        services.file_case_discussion(discussion=discussion, today=timezone.localdate(), now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("supervision:discussion_edit", discussion.pk)
    except services.AlreadyDone as error:
        messages.error(request, str(error))
        return redirect(discussion)
    messages.success(request, f"The case discussion is on {discussion.child.full_name}'s record.")
    return redirect(discussion)


@login_required
@require_POST
def remove_discussion(request, pk):
    discussion = _open_discussion(request, pk)
    discussion.delete()
    messages.success(request, f"The case discussion about {discussion.child.full_name} is removed.")
    return redirect(discussion.session)

"""The drafts endpoint (autosave, restore, discard) and the session keep-alive, all for drafts.mjs and
timeout-warning.mjs. A draft is personal data: reached only through its form's own scope check (404
outside it), only ever its author's, its content never logged."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST

from .models import Draft
from .registry import DRAFTABLE

MAX_CHARACTERS = 200_000  # far beyond any form we have; a draft is typed text, not a file
NOT_KEPT = {"csrfmiddlewaretoken"}


def typed_values(post):
    """What was typed, field by field, as the JSON kept: one value, or a list where a field has several."""
    return {name: values[0] if len(values) == 1 else values for name, values in post.lists() if name not in NOT_KEPT}


def _saved_at_text(draft):
    saved = timezone.localtime(draft.saved_at)
    return f"{date_format(saved, 'H:i')} on {date_format(saved, 'l j F Y')}"


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk, form):
    """GET: this person's live draft of the form, if any. POST: keep what is typed (the form's own fields)."""
    DRAFTABLE[form].writable(request, pk)
    now = timezone.now()
    if request.method == "POST":
        data = typed_values(request.POST)
        if sum(len(str(value)) for value in data.values()) > MAX_CHARACTERS:
            return JsonResponse({"error": "This draft is too long to keep."}, status=400)
        Draft.keep(user=request.user, form=form, object_id=pk, data=data, now=now)
        return JsonResponse({"saved_at": now.isoformat()})
    found = Draft.objects.of(request.user, form, pk).live(now).first()
    if found is None:
        return JsonResponse({"draft": None})
    return JsonResponse({"draft": {"data": found.data, "saved_at": found.saved_at.isoformat(),
                                   "saved_at_text": _saved_at_text(found)}})


@login_required
@require_POST
def discard(request, pk, form):
    DRAFTABLE[form].writable(request, pk)
    Draft.objects.of(request.user, form, pk).delete()
    return HttpResponse(status=204)


@login_required
@require_POST
def keep_alive(request):
    # The request itself renews the session (SESSION_SAVE_EVERY_REQUEST): nothing else to do.
    return HttpResponse(status=204)

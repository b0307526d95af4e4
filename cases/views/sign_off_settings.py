"""Which kinds of work need a manager's sign-off and which K 5 items are affirmed of each (administrators)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from organisation import policy, writes

from .. import sign_off
from ..forms import SignOffSettingForm
from ..models import Assessment, SignOffSetting

ITEM_LABELS = dict(sign_off.K5_ITEMS)


def _administrator(user):
    # Settings are for administrators; anyone else is told the page does not exist.
    if not policy.may_administer(user):
        raise Http404


def _described(kind, needs, items):
    return {
        "kind": kind, "label": Assessment.Kind(kind).label, "needs_sign_off": needs,
        "fixed": kind in sign_off.ALWAYS_SIGNED_OFF,
        "items": [label for field, label in sign_off.items_offered(kind) if field in items],
    }


@login_required
def sign_off_settings(request):
    _administrator(request.user)
    rows = [_described(kind, *sign_off.configuration(kind)) for kind in Assessment.Kind.values]
    changes = [
        {**_described(change.kind, change.needs_sign_off, change.items), "when": change.history_date,
         "who": change.history_user}
        for change in SignOffSetting.history.select_related("history_user").filter(history_user__isnull=False)[:20]
    ]
    return render(request, "cases/sign_off_settings.html", {"rows": rows, "changes": changes})


@login_required
def sign_off_setting_edit(request, kind):
    _administrator(request.user)
    if kind not in Assessment.Kind.values:
        raise Http404
    setting = SignOffSetting.objects.filter(kind=kind).first() or SignOffSetting(
        kind=kind, items=list(sign_off.DEFAULT_ITEMS[kind])
    )
    form = SignOffSettingForm(request.POST or None, instance=setting)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            writes.save(form.save(commit=False), by=request.user)
        messages.success(request, f"{setting.get_kind_display()}: saved. Work submitted from now on follows it.")
        return redirect("sign_off_settings")
    return render(request, "cases/sign_off_setting_form.html",
                  {"form": form, "setting": setting, "fixed": kind in sign_off.ALWAYS_SIGNED_OFF})

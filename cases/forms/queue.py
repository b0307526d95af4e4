"""The sign-off queue's filters: by author and by type of assessment or plan."""
from django import forms
from django.utils.http import urlencode

from ..models import Assessment

ALL_WORKERS = ("", "All workers")
ALL_TYPES = ("", "All types")


def queue_query(params):
    """The queue's filters from `params`, as a query string safe to carry through a review and back."""
    kept = {}
    if params.get("kind") in Assessment.Kind.values:
        kept["kind"] = params["kind"]
    worker = params.get("worker", "")
    if worker.isascii() and worker.isdigit() and len(worker) < 12:
        kept["worker"] = worker
    return urlencode(kept)


class SignOffQueueFilter(forms.Form):
    worker = forms.TypedChoiceField(label="Worker", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Type", required=False, choices=[ALL_TYPES, *Assessment.Kind.choices])

    def __init__(self, data, *, authors):
        super().__init__(data)
        self.fields["worker"].choices = [ALL_WORKERS, *((a.pk, a.get_full_name()) for a in authors)]

    def keep(self, versions):
        """The versions (a manager's queue, already read) the filters ask for; invalid filters are ignored."""
        if not self.is_valid():
            return versions
        worker, kind = self.cleaned_data["worker"], self.cleaned_data["kind"]
        return [
            v for v in versions
            if (not worker or v.author_id == worker) and (not kind or v.assessment.kind == kind)
        ]

    @property
    def active(self):
        return self.is_valid() and any(self.cleaned_data.values())

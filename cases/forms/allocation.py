"""Allocating a child to a worker, with the purpose and expectations (K 2, W 3)."""
from django import forms
from django.utils import timezone

from .base import EditConflictMixin, GdsForm
from .dates import DateInputField


class WorkerChoiceField(forms.ModelChoiceField):
    """Each worker with their caseload against capacity and their experience, so the manager can judge both (K 2)."""

    def label_from_instance(self, worker):
        # `worker.load` is read by StaffMember.objects.with_caseload(), as CASELOAD reads it.
        return f"{worker}: {worker.load}; {worker.experience(timezone.localdate())}"


class AllocationForm(EditConflictMixin, GdsForm, forms.Form):
    submit_label = "Allocate"
    any_change_conflicts = True  # another allocation of the child meanwhile, whoever it went to
    worker = WorkerChoiceField(queryset=None, widget=forms.RadioSelect, label="Allocate to", empty_label=None)
    purpose = forms.CharField(label="Purpose of allocation", widget=forms.Textarea(attrs={"rows": 3}))
    expectations = forms.CharField(
        label="Expectations of the intervention",
        help_text="Including the purpose of home visits.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contingency = forms.CharField(
        label="Contingency if expectations cannot be met",
        help_text="Including what to do after a no-access visit.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    complete_by = DateInputField(
        label="By when should the work be completed?", help_text="For example, 27 3 2027",
    )
    suited_because = forms.CharField(
        label="Why does this worker have the skills and knowledge for this work?",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    over_capacity_justification = forms.CharField(
        label="If the worker is at or over capacity, why allocate to them?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, workers, child, **kwargs):
        # The child is the record this form changes: another allocation meanwhile is a conflict.
        self.instance = child
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers

    def clean_complete_by(self):
        day = self.cleaned_data["complete_by"]
        if day < timezone.localdate():
            raise forms.ValidationError("The date the work should be completed by must be today or in the future")
        return day

    def clean(self):
        cleaned = super().clean()
        worker = cleaned.get("worker")
        if worker and worker.load.is_full:
            if not cleaned.get("over_capacity_justification", "").strip():
                self.add_error(
                    "over_capacity_justification",
                    f"{worker} is at or over capacity: write why this allocation is justified",
                )
        return cleaned

from django import forms
from django.utils import timezone

from cases.forms.base import GdsForm
from organisation.models import Team

# An Annex A workbook of 10,000 children is a few megabytes; this leaves room for a large census.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024


class UploadForm(GdsForm, forms.Form):
    submit_label = "Check the file"

    file = forms.FileField(
        label="Return file",
        help_text="An Ofsted Annex A workbook (.xlsx or .xls), a Children in Need census (.xml), an SSDA903 return "
        "(one table as .csv, the tables zipped together as .zip, or .xml) or a social work workforce census (.xml). "
        "Nothing is saved until you have seen the check and confirmed.",
    )
    fallback_team = forms.ModelChoiceField(
        label="Team for children whose team Oversight does not know (optional)",
        queryset=Team.objects.all(),
        required=False,
        help_text="New children whose allocated team is blank or not a team in Oversight are placed here, and "
        "new staff from a workforce census. Leave empty to reject such children instead. The CIN census and the "
        "SSDA903 name no teams.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 100 MB")
        return upload


class ExportForm(GdsForm, forms.Form):
    submit_label = "Download Annex A"

    as_of = forms.DateField(label="Lists as at", help_text="For example, today's date.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as_of"].initial = timezone.localdate()
        # A date input shows only an ISO value; the English default format would leave it empty.
        self.fields["as_of"].widget.format = "%Y-%m-%d"

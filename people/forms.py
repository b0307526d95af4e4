"""The leaver's one screen: for each open child, supervisee, team and action, a select of eligible colleagues
with their caseload against capacity."""
from crispy_forms_gds.layout import HTML, Fieldset, Layout
from django import forms

from cases.forms.base import GdsForm

from .leavers import action_label, colleagues, key, may_take


def _choices(people, describe):
    return [("", "Choose a colleague")] + [(str(p.pk), f"{p}: {describe(p)}") for p in people]


class LeaverForm(GdsForm, forms.Form):
    submit_label = "Reallocate and deactivate the account"

    def __init__(self, *args, member, work, today, **kwargs):
        self.member, self.work = member, work
        workers, managers, team_managers, owners = colleagues(member, today)
        self._people = {p.pk: p for group in [*workers.values(), managers, owners] for p in group}

        def caseload(person):
            return str(person.load)

        def reports(person):
            return f"{person.supervisees} supervisee{'s' if person.supervisees != 1 else ''}"

        self._fields = []
        for child in work.children:
            self._add(child, f"Child {child} ({child.team})", _choices(workers.get(child.team_id, []), caseload),
                      f"Nobody else in {child.team} can take child {child}: add or move a worker to the team first")
        for supervisee in work.supervisees:
            self._add(supervisee, f"{supervisee} ({supervisee.get_role_display()})", _choices(managers, reports),
                      "No other manager can supervise them: add a manager first")
        for team in work.teams:
            self._add(team, f"{team} team", _choices(team_managers, reports),
                      "No other team manager can manage the team: add one first")
        for action in work.actions:
            self._add(action, action_label(action), _choices([o for o in owners if may_take(action, o)], caseload),
                      "Nobody else who may see this action can own it: its supervisee's line manager can take it "
                      "once they are in post")
        super().__init__(*args, **kwargs)
        for name, label, choices, none in self._fields:
            self.fields[name] = forms.ChoiceField(
                label=label, choices=choices,
                error_messages={"required": f"Choose who takes over {label[0].lower()}{label[1:]}" if len(
                    choices) > 1 else none, "invalid_choice": "Choose a colleague from the list"},
            )
        sections = [
            ("Children", work.children), ("Supervisees", work.supervisees), ("Teams they manage", work.teams),
            ("Actions", work.actions),
        ]
        self.helper.layout = Layout(*[
            Fieldset(*[key(item) for item in items], legend=legend, legend_size="m")
            for legend, items in sections if items
        ] or [HTML('<p class="govuk-body">Nothing to reallocate.</p>')])

    def clean(self):
        cleaned = super().clean()
        for supervisee in self.work.supervisees:
            if cleaned.get(key(supervisee)) == str(supervisee.pk):
                self.add_error(
                    key(supervisee), f"Choose someone else to manage {supervisee}: nobody manages themselves"
                )
        return cleaned

    def _add(self, item, label, choices, none):
        self._fields.append((key(item), label, choices, none))

    def choices(self):
        """Field key -> the colleague chosen, once valid."""
        return {name: self._people[int(value)] for name, value in self.cleaned_data.items()}

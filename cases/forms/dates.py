"""Plausible dates: one range per meaning, checked on every date field of every form.

A date a person types is refused, with a GOV.UK message, when it cannot be real for what it means:
before 1900, before the child was born (for an entry on a child's record), or years ahead.
"""
import datetime
from dataclasses import dataclass

from crispy_forms_gds import fields as gds_fields
from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST = datetime.date(1900, 1, 1)


def _long(day):
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class PlausibleDate:
    """A validator: `earliest` (or 1 January 1900) to `years_ahead` years from today, or today if `past_only`."""

    label: str = "The date"
    years_ahead: int = 2
    past_only: bool = False
    earliest: datetime.date = EARLIEST
    earliest_reason: str = ""

    def latest(self, today):
        return today if self.past_only else today + relativedelta(years=self.years_ahead)

    def __call__(self, value):
        if value is None:
            return
        latest = self.latest(timezone.localdate())
        if value < self.earliest and self.earliest_reason:
            raise ValidationError(f"{self.label} must be on or after {self.earliest_reason}, {_long(self.earliest)}",
                                  code="too_early")
        if self.past_only and value > latest:
            raise ValidationError(f"{self.label} must be today or in the past", code="future")
        if not self.earliest <= value <= latest:
            raise ValidationError(
                f"{self.label} must be between {_long(self.earliest)} and {_long(latest)}", code="out_of_range")


DATE_OF_BIRTH = PlausibleDate(label="Date of birth", past_only=True)


class DateInputField(gds_fields.DateInputField):
    """GOV.UK day, month and year boxes; a date that cannot exist (31 February, year 99999999999) is refused."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (ValidationError, OverflowError) as error:
            raise ValidationError(f"{self.label or 'The date'} must be a real date", code="invalid") from error


def is_date_field(field):
    return isinstance(field, (forms.DateField, gds_fields.DateInputField))


def limit_dates(form, *, earliest=EARLIEST, earliest_reason="", past_only=(), years_ahead=None):
    """Give every date field of `form` its plausible range (once; a later call narrows the earliest date).

    Fields named in `past_only` are of things that happened: not after today. `years_ahead` ({name: years})
    reaches further than two years for a date that lies far ahead (a training's expiry).
    """
    years_ahead = years_ahead or {}
    for name, field in form.fields.items():
        if not is_date_field(field):
            continue
        current = getattr(field, "plausible", None)
        if current is not None:
            field.validators.remove(current)
        label = field.label or "The date"
        field.plausible = PlausibleDate(
            label=label[0].upper() + label[1:], earliest=max(earliest, EARLIEST), earliest_reason=earliest_reason,
            past_only=name in past_only or bool(current and current.past_only),
            years_ahead=years_ahead.get(name, current.years_ahead if current else PlausibleDate.years_ahead),
        )
        field.validators.append(field.plausible)

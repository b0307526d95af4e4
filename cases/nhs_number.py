"""NHS numbers: ten digits, the last a modulus 11 check digit (NHS Data Dictionary)."""
from django.core.exceptions import ValidationError

INVALID = "Enter a real NHS number: 10 digits, like 485 777 3456. Check the digits: the last one does not match."


def normalise(value):
    """The digits of a number typed with spaces or hyphens ('485 777 3456' -> '4857773456')."""
    return "".join(ch for ch in value if ch not in " -")


def looks_like(value):
    """Ten digits once spaces and hyphens are removed: meant as an NHS number, valid or not."""
    digits = normalise(value)
    return len(digits) == 10 and digits.isascii() and digits.isdigit()


def is_valid(value):
    """Ten digits whose check digit is right: 11 minus the weighted sum (weights 10..2) modulo 11."""
    if not looks_like(value):
        return False
    digits = [int(d) for d in normalise(value)]
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def validate(value):
    if not is_valid(value) or normalise(value) != value:
        raise ValidationError(INVALID, code="invalid_nhs_number")

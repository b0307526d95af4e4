"""Reading the values councils put in returns: prefixed codes, Excel serial dates, yes/no."""
import datetime
import re

from openpyxl.utils.datetime import from_excel

from cases.models import Ethnicity, Gender

from .rows import RowError

# "a) Male", "k) APKN", "aa) Other": a list letter a spreadsheet's drop-down adds.
PREFIX = re.compile(r"^\s*[a-z]{1,2}\)\s*", re.IGNORECASE)
# Spreadsheet error values and placeholders that mean "no value".
BLANKS = {"", "#n/a", "n/a", "#ref!", "#value!", "null", "none"}

GENDER_WORDS = {
    "male": Gender.MALE, "m": Gender.MALE, "1": Gender.MALE,
    "female": Gender.FEMALE, "f": Gender.FEMALE, "2": Gender.FEMALE,
    "not stated/recorded": Gender.NOT_RECORDED, "not stated": Gender.NOT_RECORDED, "not recorded": Gender.NOT_RECORDED,
    "not known": Gender.NOT_RECORDED, "unknown": Gender.NOT_RECORDED, "unborn": Gender.NOT_RECORDED,
    "u": Gender.NOT_RECORDED, "0": Gender.NOT_RECORDED,
    "indeterminate": Gender.INDETERMINATE, "neither": Gender.INDETERMINATE, "9": Gender.INDETERMINATE,
}
ETHNICITY_LABELS = {label.lower(): code for code, label in Ethnicity.choices}
# A record identifier: letters and digits, with the separators councils use; never a formula (=, +, -, @ first).
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _\-/.]*$")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


def text(value):
    """The cell as clean text: non-breaking spaces and runs of spaces collapsed, blanks as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    cleaned = " ".join(str(value).replace("\xa0", " ").split())
    return "" if cleaned.lower() in BLANKS else cleaned


def identifier(value, name):
    """A child's (or worker's) identifier as the return gives it; RowError for one that cannot be an identifier."""
    cleaned = text(value)
    if cleaned and not IDENTIFIER.match(cleaned):
        shown = cleaned if len(cleaned) <= 30 else cleaned[:30] + "..."
        raise RowError(f"{name} '{shown}' is not an identifier (letters and digits; a formula or symbol cannot be one)")
    return cleaned


def code(value):
    """The code in a drop-down value: "k) APKN" -> "APKN", "q) 6: Police" -> "6"."""
    cleaned = PREFIX.sub("", text(value))
    return re.split(r"\s*[:]\s*|\s+-\s+", cleaned, maxsplit=1)[0].strip() if cleaned else ""


def gender(value):
    cleaned = PREFIX.sub("", text(value)).lower()
    if not cleaned:
        return None
    if cleaned not in GENDER_WORDS:
        raise RowError(f"gender '{text(value)}' is not a recognised code")
    return GENDER_WORDS[cleaned]


def ethnicity(value):
    cleaned = PREFIX.sub("", text(value))
    if not cleaned:
        return None
    candidate = code(cleaned).upper()
    if candidate in Ethnicity.values:
        return candidate
    if cleaned.lower() in ETHNICITY_LABELS:
        return ETHNICITY_LABELS[cleaned.lower()]
    raise RowError(f"ethnicity '{cleaned}' is not a DfE ethnicity code")


def yes_no(value):
    cleaned = PREFIX.sub("", text(value)).lower()
    if not cleaned:
        return None
    if cleaned in YES:
        return True
    if cleaned in NO:
        return False
    raise RowError(f"'{text(value)}' is not yes or no")


def date(value, *, day_first=True):
    """A date from a datetime, an Excel serial number, DD/MM/YYYY or YYYY-MM-DD text."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Excel serial day numbers; 1 is 1900-01-01 and anything under 1 is not a date.
        if value < 1 or value > 2958465:
            raise RowError(f"{value} is not an Excel date")
        return from_excel(value).date()
    cleaned = text(value)
    if not cleaned:
        return None
    if cleaned.startswith("="):
        raise RowError(f"'{cleaned}' is a formula whose value was not saved in the workbook")
    formats = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y") if day_first else ("%Y-%m-%d",)
    for fmt in formats:
        try:
            return datetime.datetime.strptime(cleaned.split(" ")[0], fmt).date()
        except ValueError:
            continue
    if cleaned.isdigit():
        return date(int(cleaned))
    raise RowError(f"'{cleaned}' is not a date")

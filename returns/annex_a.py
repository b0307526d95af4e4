"""Reading an Ofsted Annex A workbook (ILACS lists 1-11) with headers matched as the merge specification does."""
import re

from cases.models import Assessment, Category, ChronologyEntry

from . import codes
from .annex_a_headers import CHILD_ID, LIST_NUMBER, find_header, spec
from .rows import (
    CP_REVIEW,
    ICPC,
    STRATEGY,
    Assessed,
    CareSpell,
    Event,
    Involvement,
    RowError,
    SourceRow,
    Visit,
    closure_summary,
    referral_summary,
)
from .workbooks import FileError, open_workbook

# Lists Oversight reads children from; list 1 (contacts) and 11 (adopters) are not open cases.
NOT_CASES = {1: "contacts are not open cases in Oversight", 11: "adopters are not children"}
# The involvement each list evidences, and its start and end columns.
INVOLVEMENT = {
    2: (Category.EARLY_HELP, "Assessment start date", None),
    3: (Category.CHILD_IN_NEED, "Date of referral", None),
    4: (Category.CHILD_IN_NEED, "Continuous Assessment Start Date", None),
    5: (Category.CHILD_IN_NEED, "Strategy discussion initiating Section 47 Enquiry Start Date", None),
    6: (Category.CHILD_IN_NEED, "CIN Start Date", "CIN Closure Date"),
    7: (Category.CHILD_PROTECTION, "Child Protection Plan Start Date", "Child Protection Plan End Date"),
    8: (Category.LOOKED_AFTER, "Date Started to be Looked After", "Date Ceased to be Looked After"),
    10: (Category.LOOKED_AFTER, "Date the Child Entered Care", None),
}
PRIMARY_NEED = re.compile(r"^N\d$")
# Child.disabilities when a list says only yes or no.
DISABLED, NO_DISABILITY = "YES", "NONE"
# Columns Oversight reads that the specification marks as never blank.
MANDATORY = {CHILD_ID, "Gender", "Ethnicity"}


# The columns Oversight reads, per list; every other column is reported in the dry run as not read.
READ_COMMON = [CHILD_ID, "Gender", "Ethnicity", "Date of Birth", "Allocated Team", "Allocated Worker"]
READ_COLUMNS = {
    2: ["Assessment start date", "Organisation completing assessment"],
    3: ["Date of referral", "Referral Source", "Referral NFA?"],
    4: ["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
    5: ["Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"],
    6: ["CIN Start Date", "CIN Closure Date", "Date Child Was Last Seen", "Does the Child have a Disability",
        "Primary Need Code", "Reason for Closure"],
    7: ["Child Protection Plan Start Date", "Child Protection Plan End Date", "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?", "Date of latest review conference", "Does the Child have a Disability"],
    8: ["Date Started to be Looked After", "Date Ceased to be Looked After", "Date of Last Social Work Visit",
        "Date of Latest Statutory Review", "Does the Child have a Disability", "Start Date of Most Recent Placement",
        "Start date of current legal status",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Child's Legal Status",
        "Child's Category of Need", "Placement Type", "Placement Provider", "Reason Ceased to be Looked After",
        "Placement postcode", "URN of Placement"],
    9: [],
    10: ["Date the Child Entered Care"],
}


# List 8 columns held on the child's care episode: (CareEpisode field, longest value, how the cell is read).
PLACEMENT_COLUMNS = {
    "Child's Legal Status": ("legal_status", 2, codes.code),
    "Child's Category of Need": ("category_of_need", 2, codes.code),
    "Placement Type": ("placement_type", 3, codes.code),
    "Placement Provider": ("provider", 3, codes.code),
    "Reason Ceased to be Looked After": ("reason_ended", 3, codes.code),
    "Placement postcode": ("placement_postcode", 20, codes.text),
    "URN of Placement": ("urn", 20, codes.text),
}
# SSDA903's reason for a new episode: L, the legal status changed and the placement did not.
LEGAL_STATUS_ONLY = "L"
UASC_COLUMN = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"


class AnnexAReader:
    """Streams the rows of an Annex A workbook as SourceRows."""

    format_label = "Annex A"

    def __init__(self, stream):
        self.sheets = []
        for sheet in open_workbook(stream):
            found = LIST_NUMBER.search(sheet.title)
            if found and int(found.group(1)) in spec():
                self.sheets.append((int(found.group(1)), sheet))
        if not self.sheets:
            raise FileError("No sheet is named after an Annex A list (List 1 to List 11, as 'List 1', 'List_1' "
                            "or 'List 1 - Contacts').")
        # Per sheet: the header row's number, the columns matched and the headers no column matched.
        self.read_columns = {}

    def total(self):
        return sum(max(sheet.max_row - 1, 0) for _, sheet in self.sheets)

    def __iter__(self):
        for number, sheet in self.sheets:
            header_number, headers, columns, rows = find_header(number, iter(sheet.rows()))
            self.read_columns[sheet.title] = (header_number, columns, headers)
            for row_number, values in enumerate(rows, start=header_number + 1):
                if all(codes.text(v) == "" for v in values):
                    continue
                yield self._row(number, columns, row_number, values)

    def coverage(self):
        """Per sheet, the columns read and the columns present but not read (for the dry run)."""
        parts = []
        for number, sheet in self.sheets:
            if sheet.title not in self.read_columns:
                continue
            header_number, columns, headers = self.read_columns[sheet.title]
            wanted = set(READ_COMMON + READ_COLUMNS[number]) if number in READ_COLUMNS else set()
            read = [name for name in columns if name in wanted]
            used = {columns[name] for name in read}
            not_read = [codes.text(h) for i, h in enumerate(headers) if i not in used and codes.text(h)]
            note = f"; {NOT_CASES[number]}" if number in NOT_CASES else ""
            parts.append({"part": f"List {number}: sheet '{sheet.title}', headers on row {header_number}{note}",
                          "read": read, "not_read": not_read})
        return parts

    def _row(self, number, columns, row_number, values):
        cells = {name: (values[i] if i < len(values) else None) for name, i in columns.items()}
        row = SourceRow(location=f"List {number} row {row_number}", raw=[str(v) for v in values])
        if CHILD_ID not in columns and number != 11:
            row.errors.append(f"no column matches '{CHILD_ID}'")
            return row
        if number in NOT_CASES:
            row.child_id = codes.text(cells.get(CHILD_ID))
            row.skipped = f"List {number}: {NOT_CASES[number]}"
            return row
        try:
            row.child_id = codes.identifier(cells.get(CHILD_ID), CHILD_ID)
        except RowError as error:
            row.errors.append(str(error))
            return row
        for name in MANDATORY:
            if name in columns and not codes.text(cells.get(name)):
                row.errors.append(f"{name} is blank (mandatory in List {number})")
        if row.errors:
            return row
        try:
            self._read(number, cells, row)
        except RowError as error:
            row.errors.append(str(error))
        return row

    def _read(self, number, cells, row):
        def date(name):
            try:
                return codes.date(cells.get(name))
            except RowError as error:
                raise RowError(f"{name}: {error}") from error

        row.date_of_birth = date("Date of Birth")
        row.gender = codes.gender(cells.get("Gender"))
        row.ethnicity = codes.ethnicity(cells.get("Ethnicity"))
        if "Allocated Team" in cells:
            row.team_name = codes.text(cells["Allocated Team"])
            row.worker_name = codes.text(cells.get("Allocated Worker"))
        elif number == 2:
            # List 2 has no allocated team; the organisation completing the assessment is the team.
            row.team_name = codes.text(cells.get("Organisation completing assessment"))
        if number in INVOLVEMENT:
            category, start_column, end_column = INVOLVEMENT[number]
            start = date(start_column)
            end = date(end_column) if end_column else None
            if number == 3 and codes.yes_no(cells.get("Referral NFA?")):
                end = start  # no further action: the referral closed the day it came
            if start is None:
                raise RowError(f"{start_column} is blank")
            if end and end < start:
                raise RowError(f"{end_column} {end} is before {start_column} {start}")
            row.involvement = Involvement(category, start, end)
        elif number == 9:
            if row.date_of_birth is None:
                raise RowError("Date of Birth is blank: a care leaver's involvement starts at 18")
            # Care leaver support starts at 18: the list gives no other start date.
            row.involvement = Involvement(Category.CARE_LEAVER, _eighteenth(row.date_of_birth))
        if row.involvement and row.date_of_birth and row.involvement.category in (
            Category.LOOKED_AFTER, Category.CARE_LEAVER
        ) and row.involvement.start < row.date_of_birth:
            raise RowError(f"looked after from {row.involvement.start}, before the date of birth {row.date_of_birth}")
        self._records(number, cells, row, date)

    def _records(self, number, cells, row, date):
        if number in (6, 7, 8) and (disabled := codes.yes_no(cells.get("Does the Child have a Disability"))) \
                is not None:
            # Annex A says only whether the child has a disability, not which (the CIN census's codes).
            row.disabilities = DISABLED if disabled else NO_DISABILITY
        if number == 3 and row.involvement:
            nfa = codes.yes_no(cells.get("Referral NFA?"))
            row.events.append(Event(ChronologyEntry.EventType.REFERRAL, row.involvement.start,
                                    referral_summary(codes.code(cells.get("Referral Source")), nfa)))
        if number == 6:
            row.primary_need = codes.code(cells.get("Primary Need Code")).upper() or None
            if row.primary_need and not PRIMARY_NEED.match(row.primary_need):
                row.warnings.append(f"Primary Need Code '{row.primary_need[:30]}' is not a DfE code (N0 to N9) "
                                    "and is not kept")
                row.primary_need = None
            if row.involvement.end:
                row.events.append(Event(ChronologyEntry.EventType.OTHER, row.involvement.end,
                                        closure_summary(codes.code(cells.get("Reason for Closure")))))
        if number == 4 and row.involvement:
            row.assessments.append(Assessed(
                Assessment.Kind.CHILD_AND_FAMILY, row.involvement.start,
                date("Continuous Assessment Date of Authorisation"),
            ))
        if number == 5:
            row.events.append(Event(ChronologyEntry.EventType.STRATEGY, row.involvement.start, STRATEGY))
            if conference := date("Date of Initial Child Protection Conference"):
                row.events.append(Event(ChronologyEntry.EventType.CONFERENCE, conference, ICPC))
        if number == 6 and (seen := date("Date Child Was Last Seen")):
            row.visits.append(Visit(seen))
        if number == 7:
            row.assessments.append(Assessed(Assessment.Kind.CP_PLAN, row.involvement.start, row.involvement.start))
            if visited := date("Date of the Last Statutory Visit"):
                row.visits.append(Visit(visited, bool(codes.yes_no(cells.get("Was the Child Seen Alone?")))))
            if review := date("Date of latest review conference"):
                row.events.append(Event(ChronologyEntry.EventType.CONFERENCE, review, CP_REVIEW))
        if number == 8:
            if visited := date("Date of Last Social Work Visit"):
                row.visits.append(Visit(visited))
            if review := date("Date of Latest Statutory Review"):
                row.events.append(Event(ChronologyEntry.EventType.CONFERENCE, review, "Looked-after review"))
            self._placement(cells, row, date)

    @staticmethod
    def _placement(cells, row, date):
        """List 8's current placement and legal status, held as a care episode (as SSDA903's Episodes are)."""
        values = {}
        for column, (name, longest, read) in PLACEMENT_COLUMNS.items():
            value = read(cells.get(column)).upper() if read is codes.code else read(cells.get(column))
            if len(value) > longest:
                row.warnings.append(f"{column} '{value[:30]}' is not a DfE code and is not kept")
                value = ""
            values[name] = value
        if codes.yes_no(cells.get(UASC_COLUMN)):
            row.uasc = True
        if not any(values.values()):
            return
        placed = date("Start Date of Most Recent Placement") or row.involvement.start
        legal = date("Start date of current legal status") or placed
        end = row.involvement.end
        if legal == placed:
            spells = [(placed, values)]
        elif legal < placed:
            # The legal status began before this placement: an earlier episode (placement unknown) holds it.
            status = {name: values[name] for name in ("legal_status", "category_of_need")}
            spells = [(legal, status | {"reason_new": LEGAL_STATUS_ONLY}), (placed, values | {"reason_new": "P"})]
        else:
            # The legal status changed during the placement: the placement began an episode without it.
            earlier = values | {"legal_status": "", "reason_ended": ""}
            spells = [(placed, earlier | {"reason_new": "P"}), (legal, values | {"reason_new": LEGAL_STATUS_ONLY})]
        for (start, kept), following in zip(spells, [*spells[1:], (end, None)], strict=True):
            until = following[0] if following[0] and following[0] >= start else None
            row.care_spells.append(CareSpell(start, until, tuple(sorted(kept.items()))))


def _eighteenth(born):
    try:
        return born.replace(year=born.year + 18)
    except ValueError:  # born on 29 February
        return born.replace(year=born.year + 18, day=28)

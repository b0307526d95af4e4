"""Reading a Children in Need census file, validated against DfE's XML schema."""
import re
from functools import cache
from pathlib import Path

from lxml import etree

from cases.models import Assessment, Category, ChronologyEntry

from . import codes
from .annex_a import FileError
from .rows import (
    COURT_APPLICATION,
    CP_REVIEW,
    ICPC,
    PP_BEGAN,
    STRATEGY,
    Assessed,
    Event,
    Involvement,
    PreProceedingsSpell,
    RowError,
    SourceRow,
    closure_summary,
    referral_summary,
)

SCHEMAS = Path(__file__).parent / "schemas"
# libxml2 leaves out the [1] when the file holds one child.
CHILD_PATH = re.compile(r"^/Message/Children/Child(?:\[(\d+)\])?(?:/|$)")
PRE_PROCEEDINGS = "PreProceedingsandFGDM"
# Census years by the schema that reads them: DfE's 2023-24 schema also reads 2021-22 and 2022-23 files (the
# layout did not change); 2024-25 puts Sex for GenderCurrent; 2025-26 adds the pre-proceedings block.
SCHEMA_YEARS = {2024: "2021-22 to 2023-24", 2025: "2024-25", 2026: "2025-26"}


# The elements Oversight reads; every other element in the file is reported in the dry run as not read.
READ_ELEMENTS = [
    "LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex", "PersonDeathDate",
    "Ethnicity", "Disability", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
    "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "AssessmentActualStartDate",
    "AssessmentAuthorisationDate", "CINPlanStartDate", "CINPlanEndDate", "S47ActualStartDate", "CPPstartDate",
    "CPPendDate", "CPPreviewDate", "PPStartDate", "LBPSentDate", "InitialPPMeetingDate", "PPOutcome", "CourtAppDate",
    "FGDMMeetingOffer", "FGDMMeetingFac",
]


@cache
def schema(year=2024):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / f"CIN_schema_{year}.xsd")))


def schema_year(root):
    """The census year's schema, picked by what the file holds rather than the year its header claims."""
    if root.find(f"Children/Child/CINdetails/{PRE_PROCEEDINGS}") is not None:
        return 2026
    if root.find("Children/Child/ChildIdentifiers/Sex") is not None:
        return 2025
    return 2024


def parse_return(stream, what):
    """An XML return, parsed as untrusted input: no entities, no network, and no DOCTYPE at all (a return
    never declares one; one that does may be trying to pull in other files)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        document = etree.parse(stream, parser)
    except etree.XMLSyntaxError as error:
        raise FileError(f"The file is not well-formed XML: {error}") from error
    if document.docinfo.doctype or document.docinfo.internalDTD is not None:
        raise FileError(f"The file declares a DOCTYPE, which {what} never does.")
    return document


class CinCensusReader:
    """The census's <Child> elements as SourceRows; a child breaking the schema is rejected with each error's place."""

    format_label = "CIN census"

    def __init__(self, stream):
        self.document = parse_return(stream, "a CIN census")
        root = self.document.getroot()
        if root.tag != "Message" or root.find("Children") is None:
            raise FileError("The file is not a Children in Need census (no <Message><Children>).")
        self.year = schema_year(root)
        for block in list(root.iterfind(f"Children/Child/CINdetails/{PRE_PROCEEDINGS}")):
            # The reconstructed 2025-26 schema places the block last; see the note in CIN_schema_2026.xsd.
            details = block.getparent()
            details.remove(block)
            details.append(block)
        schema(self.year).validate(self.document)
        self.child_errors = {}
        file_errors = []
        for error in schema(self.year).error_log:
            found = CHILD_PATH.match(error.path or "")
            message = f"line {error.line}, {error.path}: {error.message}"
            if found:
                self.child_errors.setdefault(int(found.group(1) or 1), []).append(message)
            else:
                file_errors.append(message)
        if file_errors:
            raise FileError("The file breaks the CIN census schema outside any child: " + "; ".join(file_errors[:5]))
        self.children = self.document.getroot().find("Children").findall("Child")

    def total(self):
        return len(self.children)

    def coverage(self):
        present = list(dict.fromkeys(e.tag for e in self.document.getroot().find("Children").iter() if not len(e)))
        return [{"part": f"CIN census, read as {SCHEMA_YEARS[self.year]}",
                 "read": [tag for tag in present if tag in READ_ELEMENTS],
                 "not_read": [tag for tag in present if tag not in READ_ELEMENTS]}]

    def __iter__(self):
        for index, element in enumerate(self.children, start=1):
            yield self._row(index, element)

    def _row(self, index, element):
        row = SourceRow(
            location=f"Child[{index}] (line {element.sourceline})",
            raw=etree.tostring(element, encoding="unicode"),
        )
        row.errors.extend(f"schema: {message}" for message in self.child_errors.get(index, []))
        try:
            row.child_id = codes.identifier(element.findtext("ChildIdentifiers/LAchildID"), "LAchildID")
        except RowError as error:
            row.errors.append(str(error))
        if row.errors:
            return row
        try:
            self._read(element, row)
        except RowError as error:
            row.errors.append(str(error))
        return row

    def _read(self, element, row):
        identifiers = element.find("ChildIdentifiers")
        row.date_of_birth = codes.date(identifiers.findtext("PersonBirthDate"))
        if row.date_of_birth is None:
            # An unborn child: the expected date stands in until the birth is recorded.
            row.date_of_birth = codes.date(identifiers.findtext("ExpectedPersonBirthDate"))
            row.warnings.append("no date of birth: the expected date of birth is used")
        if row.date_of_birth is None:
            raise RowError("neither PersonBirthDate nor ExpectedPersonBirthDate is given")
        # From 2024-25 the census gives Sex (M, F, U) where it gave GenderCurrent.
        row.gender = codes.gender(identifiers.findtext("Sex") or identifiers.findtext("GenderCurrent"))
        row.died_on = codes.date(identifiers.findtext("PersonDeathDate"))
        row.ethnicity = codes.ethnicity(element.findtext("ChildCharacteristics/Ethnicity"))
        disabilities = [codes.text(d.text).upper()
                        for d in element.iterfind("ChildCharacteristics/Disabilities/Disability")]
        if disabilities:
            row.disabilities = " ".join(sorted(set(disabilities)))
        episodes = []
        for details in element.findall("CINdetails"):
            episodes.append(self._episode(details, row))
        open_episodes = [e for e in episodes if e.end is None]
        if open_episodes:
            # The open episode's category stands; a child on a plan is CP.
            row.involvement = max(open_episodes, key=lambda e: e.category == Category.CHILD_PROTECTION)
        else:
            row.involvement = max(episodes, key=lambda e: e.end)
        row.involvement = Involvement(row.involvement.category, min(e.start for e in episodes), row.involvement.end)

    def _episode(self, details, row):
        referral = codes.date(details.findtext("CINreferralDate"))
        closure = codes.date(details.findtext("CINclosureDate"))
        if closure and closure < referral:
            raise RowError(f"CINclosureDate {closure} is before CINreferralDate {referral}")
        nfa = codes.yes_no(details.findtext("ReferralNFA"))
        if nfa and closure is None:
            closure = referral  # no further action: the referral closed the day it came
        row.events.append(Event(ChronologyEntry.EventType.REFERRAL, referral, referral_summary(
            codes.text(details.findtext("ReferralSource")), nfa)))
        if need := codes.text(details.findtext("PrimaryNeedCode")).upper():
            # The latest referral's primary need stands (episodes are read in the file's order).
            row.primary_need = need
        if closure and not nfa:
            reason = codes.text(details.findtext("ReasonForClosure"))
            row.events.append(Event(ChronologyEntry.EventType.OTHER, closure, closure_summary(reason)))
        conferences = set()
        # An ICPC is recorded under CINdetails in some systems and within Section47 in others: both are read.
        if conference := codes.date(details.findtext("DateOfInitialCPC")):
            conferences.add(conference)
        for assessment in details.findall("Assessments"):
            start = codes.date(assessment.findtext("AssessmentActualStartDate"))
            authorised = codes.date(assessment.findtext("AssessmentAuthorisationDate"))
            if authorised and authorised < start:
                raise RowError(f"AssessmentAuthorisationDate {authorised} is before AssessmentActualStartDate {start}")
            row.assessments.append(Assessed(Assessment.Kind.CHILD_AND_FAMILY, start, authorised))
        for plan in details.findall("CINPlanDates"):
            start = codes.date(plan.findtext("CINPlanStartDate"))
            self._check_order(start, codes.date(plan.findtext("CINPlanEndDate")), "CINPlanStartDate", "CINPlanEndDate")
            row.assessments.append(Assessed(Assessment.Kind.CIN_PLAN, start, start))
        for enquiry in details.findall("Section47"):
            start = codes.date(enquiry.findtext("S47ActualStartDate"))
            row.events.append(Event(ChronologyEntry.EventType.STRATEGY, start, STRATEGY))
            if conference := codes.date(enquiry.findtext("DateOfInitialCPC")):
                conferences.add(conference)
        # The same conference given in both places is one conference.
        row.events.extend(Event(ChronologyEntry.EventType.CONFERENCE, day, ICPC) for day in sorted(conferences))
        for block in details.findall(PRE_PROCEEDINGS):
            self._pre_proceedings(block, row)
        category, plan_open = Category.CHILD_IN_NEED, False
        for plan in details.findall("ChildProtectionPlans"):
            start = codes.date(plan.findtext("CPPstartDate"))
            end = codes.date(plan.findtext("CPPendDate"))
            self._check_order(start, end, "CPPstartDate", "CPPendDate")
            plan_open = plan_open or end is None
            row.assessments.append(Assessed(Assessment.Kind.CP_PLAN, start, start))
            for review in plan.findall("Reviews/CPPreviewDate"):
                row.events.append(Event(
                    ChronologyEntry.EventType.CONFERENCE, codes.date(review.text), CP_REVIEW
                ))
        if plan_open:
            category = Category.CHILD_PROTECTION
        return Involvement(category, referral, closure)

    @staticmethod
    def _pre_proceedings(block, row):
        start = codes.date(block.findtext("PPStartDate"))
        outcome = codes.text(block.findtext("PPOutcome"))
        row.events.append(Event(ChronologyEntry.EventType.COURT, start,
                                PP_BEGAN + (f" (outcome {outcome})" if outcome else "")))
        row.pre_proceedings.append(PreProceedingsSpell(
            start, codes.yes_no(block.findtext("FGDMMeetingOffer")), codes.yes_no(block.findtext("FGDMMeetingFac")),
        ))
        for name, summary in (("LBPSentDate", "Letter before proceedings sent"),
                              ("InitialPPMeetingDate", "Initial pre-proceedings meeting"),
                              ("CourtAppDate", COURT_APPLICATION)):
            if day := codes.date(block.findtext(name)):
                row.events.append(Event(ChronologyEntry.EventType.COURT, day, summary))

    @staticmethod
    def _check_order(start, end, start_name, end_name):
        if end and end < start:
            raise RowError(f"{end_name} {end} is before {start_name} {start}")


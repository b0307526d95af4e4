"""Reading a Children in Need census file, validated against DfE's XML schema."""
import re
from functools import cache
from pathlib import Path

from lxml import etree

from cases.models import Assessment, Category, ChronologyEntry

from . import codes
from .annex_a import FileError
from .rows import CP_REVIEW, ICPC, STRATEGY, Assessed, Event, Involvement, RowError, SourceRow

SCHEMA = Path(__file__).parent / "schemas" / "CIN_schema_2024.xsd"
CHILD_PATH = re.compile(r"^/Message/Children/Child\[(\d+)\]")


@cache
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


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
        schema().validate(self.document)
        self.child_errors = {}
        file_errors = []
        for error in schema().error_log:
            found = CHILD_PATH.match(error.path or "")
            message = f"line {error.line}, {error.path}: {error.message}"
            if found:
                self.child_errors.setdefault(int(found.group(1)), []).append(message)
            else:
                file_errors.append(message)
        if file_errors:
            raise FileError("The file breaks the CIN census schema outside any child: " + "; ".join(file_errors[:5]))
        self.children = self.document.getroot().find("Children").findall("Child")

    def total(self):
        return len(self.children)

    def __iter__(self):
        for index, element in enumerate(self.children, start=1):
            yield self._row(index, element)

    def _row(self, index, element):
        row = SourceRow(
            location=f"Child[{index}] (line {element.sourceline})",
            child_id=codes.text(element.findtext("ChildIdentifiers/LAchildID")),
            raw=etree.tostring(element, encoding="unicode"),
        )
        row.errors.extend(f"schema: {message}" for message in self.child_errors.get(index, []))
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
        row.gender = codes.gender(identifiers.findtext("GenderCurrent"))
        row.ethnicity = codes.ethnicity(element.findtext("ChildCharacteristics/Ethnicity"))
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
        row.events.append(Event(ChronologyEntry.EventType.REFERRAL, referral, "Referral"))
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
                row.events.append(Event(ChronologyEntry.EventType.CONFERENCE, conference, ICPC))
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
    def _check_order(start, end, start_name, end_name):
        if end and end < start:
            raise RowError(f"{end_name} {end} is before {start_name} {start}")

"""The case file audit checklist (W 4): one row per item, defined once.

Codes are stable: they are stored on every answer, so reword a label freely
but never rename a code. `wording` is W 4's own sentence, shown to the auditor.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    wording: str
    looked_after_only: bool = False  # W 4 asks for it "for children looked after"
    tells_reviewing_officer: bool = False  # not met: tell the IRO or CP chair (W 4)


ITEMS = (
    Item(
        "contact_summary", "Contact summary accurate",
        "The details held on the child and family on the contact summary screen, and the paper file, "
        "are accurate and up to date",
    ),
    Item("chronology", "Chronology up to date", "The chronology is up to date"),
    Item(
        "records_owned", "Records up to date and owned by the practitioner",
        "Records are up to date and well written, with entries owned by the practitioner",
    ),
    Item(
        "visits", "Statutory visits, seen alone and child's views recorded",
        "Records must meet agreed standards of practice, e.g. in regard to statutory visits, seeing the child "
        "alone, recording the child's views",
    ),
    Item(
        "management_oversight", "Management oversight logged",
        "The record is maintained electronically and management oversight must be logged",
    ),
    Item(
        "photo", "Recent photo (looked-after children)",
        "There is a recent photograph of the child, with name and date on the back, correctly located on file "
        "for children looked after",
        looked_after_only=True,
    ),
    Item(
        "birth_certificate", "Birth certificate (looked-after children)",
        "There is a birth certificate correctly located on file for Children Looked After",
        looked_after_only=True,
    ),
    Item(
        "quarterly_summary", "Quarterly summary",
        "There is a quarterly summary based on case records, case discussion, agreed actions and recent reports",
    ),
    Item(
        "plan_and_review", "Most recent plan and review minutes",
        "The child's most recent plan and review minutes are on record",
        tells_reviewing_officer=True,
    ),
    Item(
        "court_order", "Most recent court order where relevant",
        "The most recent court order, where appropriate, is on record",
    ),
    Item(
        "reports_owned", "Reports and summaries owned and dated",
        "Reports and quarterly summaries are owned and dated by the practitioner and, where appropriate, "
        "by the team manager",
    ),
    Item(
        "documents_located", "Documents in the right sections",
        "All documents are located in the correct sections and in the correct order",
    ),
    Item(
        "documents_retained", "Only relevant documents, kept no longer than necessary",
        "In accordance with the Data Protection Act, only documents that are relevant to the child in question "
        "are retained, and they are not kept longer than is necessary",
    ),
    Item(
        "supervision_filed", "Supervision records filed",
        "Managers' supervision records for the child are filed with the case recording under the appropriate "
        "section",
    ),
    Item(
        "confidential_section", "Confidential section used only for third-party documents",
        "The confidential section of ICS is used only for essential third party; documents that it would not "
        "be appropriate to share with the child.",
    ),
)
BY_CODE = {item.code: item for item in ITEMS}
CHOICES = [(item.code, item.label) for item in ITEMS]

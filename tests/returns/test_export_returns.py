"""The Annex A export filled from imported returns: list 8 from SSDA903, lists 3 and 6 from the CIN census."""
import datetime

from returns.export import annex_a_workbook
from tests.returns.cin_files import census, child, cin_details
from tests.returns.helpers import imported
from tests.returns.test_export import _rows
from tests.returns.test_ssda903 import EPISODES, HEADER, REVIEWS, table, zipped
from tests.returns.test_ssda903_tables import MISSING, UASC

D = datetime.date
AS_OF = D(2024, 3, 31)
# Columns no return Oversight reads carries (the permanence plan, IRO visits, health and dental checks from OC2's
# yes/no flags, the placement's local authority and location, return interviews): they stay blank.
NOT_IN_ANY_RETURN = {
    "What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child",
    "Date of Last Health Assessment", "Date of Last Dental Check", "Placement Location", "LA of Placement",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    "Date Ceased to be Looked After", "Reason Ceased to be Looked After",  # the child is still in care
}


def test_list_8_is_filled_from_the_903_tables(administrator, team):
    imported(zipped(
        header=table(HEADER, "CLA1,2,03/04/2012,WBRI,A123456789012,,"),
        episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,05/06/2023,X1,CARPL,AB1 2,CD3 4,SC123456",
                       "CLA1,05/06/2023,P,C2,N1,K2,PR2,01/09/2023,X1,,AB1 2,EF5 6,SC654321",
                       "CLA1,01/09/2023,L,C1,N1,K2,PR2,,,,AB1 2,EF5 6,SC654321"),
        reviews=table(REVIEWS, "CLA1,03/04/2012,15/01/2024,PN1", "CLA1,03/04/2012,15/07/2023,PN1"),
        missing=table(MISSING, "CLA1,03/04/2012,M,01/10/2023,03/10/2023", "CLA1,03/04/2012,M,01/11/2023,",
                      "CLA1,03/04/2012,A,10/12/2023,10/12/2023", "CLA1,03/04/2012,M,01/01/2022,02/01/2022"),
        uasc=table(UASC, "CLA1,03/04/2012,2,"),
    ), administrator, fallback_team=team, name="903.zip")

    row = _rows(annex_a_workbook(AS_OF), "List 8")[0]

    assert row["Child Unique ID"] == "CLA1"
    assert {name: row[name] for name in (
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Child's Category of Need",
        "Child's Legal Status", "Start date of current legal status", "Date of Latest Statutory Review",
        "Number of Placements in the Last 12 months", "Start Date of Most Recent Placement", "Placement Type",
        "Placement Provider", "Placement postcode", "URN of Placement",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    )} == {
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "a) Yes",
        "Child's Category of Need": "N1", "Child's Legal Status": "C1",
        "Start date of current legal status": D(2023, 9, 1),
        "Date of Latest Statutory Review": D(2024, 1, 15),
        "Number of Placements in the Last 12 months": 2,
        "Start Date of Most Recent Placement": D(2023, 6, 5), "Placement Type": "K2",
        "Placement Provider": "PR2", "Placement postcode": "EF5 6", "URN of Placement": "SC654321",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)":
            "b) No",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": 2,
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": 1,
    }
    empty = {name for name, value in row.items() if value is None}
    # 903 says nothing of disability or visits, and these tables name no social worker.
    assert empty == NOT_IN_ANY_RETURN | {"Does the Child have a Disability", "Date of Last Social Work Visit",
                                        "Allocated Worker"}


def test_lists_3_and_6_give_source_nfa_disability_primary_need_and_reason_for_closure(administrator, team):
    imported(census([
        child("NFA1", cin_details("2024-01-10", source="5B", nfa=True)),
        child("CIN1", cin_details("2023-11-01", source="1A", need="N3", closure="2024-02-01", reason="RC4"),
              disabilities=["HAND"]),
    ]), administrator, fallback_team=team)

    book = annex_a_workbook(AS_OF)

    referrals = {r["Child Unique ID"]: (r["Referral Source"], r["Referral NFA?"]) for r in _rows(book, "List 3")}
    assert referrals == {"NFA1": ("5B", "a) Yes"), "CIN1": ("1A", "b) No")}
    cin = {r["Child Unique ID"]: r for r in _rows(book, "List 6")}
    assert (cin["CIN1"]["Does the Child have a Disability"], cin["CIN1"]["Primary Need Code"],
            cin["CIN1"]["Reason for Closure"]) == ("a) Yes", "N3", "RC4")


def _list_8_row(**given):
    from returns.annex_a import spec

    columns = list(spec()[8]) + ["Allocated Team", "Allocated Worker"]
    base = {"Child Unique ID": "L8", "Gender": "b) Female", "Ethnicity": "a) WBRI",
            "Date of Birth": datetime.datetime(2012, 4, 3), "Date Started to be Looked After":
            datetime.datetime(2022, 12, 2), "Allocated Team": "Team A"}
    values = base | given
    return columns, [values.get(name) for name in columns]


def test_an_annex_a_list_8_row_exports_as_it_came_in(administrator, team):
    from tests.returns.helpers import workbook

    columns, row = _list_8_row(**{
        "Child's Legal Status": "C2 - Full care order", "Child's Category of Need": "N1",
        "Start date of current legal status": datetime.datetime(2023, 1, 10),
        "Start Date of Most Recent Placement": datetime.datetime(2023, 6, 5), "Placement Type": "U1",
        "Placement Provider": "PR1", "Placement postcode": "AB1 2CD", "URN of Placement": "SC123456",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "a) Yes",
    })
    imported(workbook({"List_8": [["Annex A list 8"], columns, row]}), administrator)

    exported = _rows(annex_a_workbook(AS_OF), "List 8")[0]

    assert {name: exported[name] for name in (
        "Child's Legal Status", "Child's Category of Need", "Start date of current legal status",
        "Start Date of Most Recent Placement", "Placement Type", "Placement Provider", "Placement postcode",
        "URN of Placement", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    )} == {
        "Child's Legal Status": "C2", "Child's Category of Need": "N1",
        "Start date of current legal status": D(2023, 1, 10), "Start Date of Most Recent Placement": D(2023, 6, 5),
        "Placement Type": "U1", "Placement Provider": "PR1", "Placement postcode": "AB1 2CD",
        "URN of Placement": "SC123456",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "a) Yes",
    }


def test_a_legal_status_that_changed_during_the_placement_exports_both_dates(administrator, team):
    from tests.returns.helpers import workbook

    columns, row = _list_8_row(**{
        "Child's Legal Status": "C2", "Start date of current legal status": datetime.datetime(2023, 9, 1),
        "Start Date of Most Recent Placement": datetime.datetime(2023, 6, 5), "Placement Type": "U1",
    })
    imported(workbook({"List 8": [columns, row]}), administrator)

    exported = _rows(annex_a_workbook(AS_OF), "List 8")[0]

    assert (exported["Start date of current legal status"], exported["Start Date of Most Recent Placement"],
            exported["Placement Type"], exported["Child's Legal Status"]) == (
        D(2023, 9, 1), D(2023, 6, 5), "U1", "C2")

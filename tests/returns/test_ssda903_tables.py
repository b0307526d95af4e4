"""SSDA903 as councils send it: every table known by its header, tables as separate files, codes saved by Excel."""
import datetime

import pytest
from django.core.management import call_command

from cases.models import CareEpisode, Child, ChronologyEntry
from returns.ssda903 import table_for
from tests.returns.helpers import imported, outcomes, reasons
from tests.returns.test_ssda903 import EPISODES, HEADER, table, zipped

D = datetime.date
MISSING = "CHILD,DOB,MISSING,MIS_START,MIS_END"
UASC = "CHILD,DOB,SEX,DUC"
DOLO = "CHILD,DOB,DOLO_START,DOLO_END"


@pytest.mark.parametrize(("header", "expected"), [
    (DOLO, "DoLo"), (UASC, "UASC"), (MISSING, "Missing"), (HEADER, "Header"), (EPISODES, "Episodes"),
    ("CHILD,DOB,REVIEW,REVIEW_CODE", "Reviews"), ("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "SocialWorker"),
    ("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", "PlacedAdoption"),
    ("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "OC3"), ("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "PrevPerm"),
])
def test_each_table_is_known_by_its_header(header, expected):
    assert table_for(header.split(",")) == expected


def test_a_header_of_shared_columns_only_is_no_table():
    assert table_for(["CHILD", "DOB", "SOMETHING"]) is None


def child_tables(**extra):
    return {
        "header": table(HEADER, "CLA1,2,03/04/2012,WBRI,A123456789012,,"),
        "episodes": table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,05/03/2023,X1,CARPL,AB1 2,CD3 4,SC123456",
                          "CLA1,05/03/2023,P,C2,N1,K2,PR2,,,,AB1 2,EF5 6,SC654321"),
        **extra,
    }


def test_a_zip_with_dolo_missing_and_uasc_tables_imports_them_all(administrator, team):
    payload = zipped(**child_tables(
        dolo=table(DOLO, "CLA1,03/04/2012,10/03/2023,"),
        missing=table(MISSING, "CLA1,03/04/2012,M,01/04/2023,03/04/2023", "CLA1,03/04/2012,A,10/04/2023,"),
        uasc=table(UASC, "CLA1,03/04/2012,2,"),
    ))

    batch = imported(payload, administrator, fallback_team=team, name="903.zip")

    assert set(outcomes(batch).values()) == {"create"}
    child = Child.objects.get(local_id="CLA1")
    assert (child.uasc, child.uasc_ceased_on) == (True, None)
    summaries = sorted(child.chronology.exclude(event_type=ChronologyEntry.EventType.PLACEMENT)
                       .values_list("occurred_on", "summary"))
    assert summaries == [
        (D(2023, 3, 10), "Deprivation of liberty order"),
        (D(2023, 4, 1), "Missing from placement until 03/04/2023"),
        (D(2023, 4, 10), "Away from placement without authorisation"),
    ]


def test_episodes_are_held_with_their_codes_and_a_later_end_date_updates_them(administrator, team):
    first = child_tables()
    imported(zipped(**first), administrator, fallback_team=team)

    latest = CareEpisode.objects.get(child__local_id="CLA1", ended_on=None)
    assert (latest.legal_status, latest.placement_type, latest.provider, latest.urn, latest.placement_postcode) == (
        "C2", "K2", "PR2", "SC654321", "EF5 6")

    later = child_tables(episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,05/03/2023,X1,CARPL,AB1 2,CD3 4,"
                                                  "SC123456", "CLA1,05/03/2023,P,C2,N1,K2,PR2,01/06/2023,E11,,AB1 2,"
                                                  "EF5 6,SC654321"))
    batch = imported(zipped(**later), administrator, fallback_team=team)

    assert "1 care episode added or updated" in reasons(batch, "episodes.csv: Episodes row 3")
    assert CareEpisode.objects.filter(child__local_id="CLA1").count() == 2
    ended = CareEpisode.objects.get(child__local_id="CLA1", started_on=D(2023, 3, 5))
    assert (ended.ended_on, ended.reason_ended) == (D(2023, 6, 1), "E11")
    again = imported(zipped(**later), administrator, fallback_team=team)
    assert again.counts["children_unchanged"] == 1


def test_codes_excel_saved_as_numbers_are_read(administrator, team):
    tables = child_tables(header=table(HEADER, "CLA1,2.0,03/04/2012,WBRI,A123456789012,,"))

    batch = imported(zipped(**tables), administrator, fallback_team=team)

    assert set(outcomes(batch).values()) == {"create"}
    assert Child.objects.get(local_id="CLA1").gender == "2"


def test_a_postcode_longer_than_oversight_holds_rejects_the_child(administrator, team):
    tables = child_tables(episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,,,,AB1 2,"
                                                   "A POSTCODE FAR TOO LONG TO BE ONE,SC123456"))

    batch = imported(zipped(**tables), administrator, fallback_team=team)

    assert "PL_POST" in reasons(batch, "episodes.csv: Episodes row 2")
    assert not Child.objects.exists()


def test_a_child_identifier_like_a_formula_is_rejected(administrator, team):
    tables = child_tables(header=table(HEADER, "=1+2,2,03/04/2012,WBRI,A123456789012,,"))

    batch = imported(zipped(**tables), administrator, fallback_team=team)

    assert "CHILD '=1+2' is not an identifier" in reasons(batch, "header.csv: Header row 2")


def test_csv_tables_named_one_by_one_on_the_command_line_are_one_return(administrator, team, tmp_path, capsys):
    paths = []
    for name, text in child_tables(reviews=table("CHILD,DOB,REVIEW,REVIEW_CODE", "CLA1,03/04/2012,15/01/2023,PN1"),
                                   ).items():
        path = tmp_path / f"{name}.csv"
        path.write_text(text)
        paths.append(str(path))

    call_command("import_returns", *paths, "--as", administrator.username, "--fallback-team", team.name, "--apply")

    out = capsys.readouterr().out
    assert "header.csv + episodes.csv + reviews.csv: importing" in out
    assert "imported: 1 new, 0 updated, 0 unchanged, 0 children rejected" in out
    assert Child.objects.get(local_id="CLA1").care_episodes.count() == 2

import datetime
import io
import zipfile

import pytest

from cases.models import Allocation, Category, Child, ChronologyEntry
from returns.models import Format, ImportBatch, SourceRecord
from tests.factories import ChildFactory
from tests.returns.helpers import DATA, checked, imported, outcomes, reasons

SHARED_SAMPLE = DATA / "liia_SSDA903_2020_episodes.csv"
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE"
SOCIAL_WORKER = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"
NOW = "SW0000000001"
BEFORE = "SW0000000002"


def table(header, *rows):
    return "\r\n".join([header, *rows]) + "\r\n"


def zipped(**tables):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in tables.items():
            archive.writestr(f"{name}.csv", text)
    return out.getvalue()


def tables(*, header=(), episodes=(), reviews=(), social_worker=()):
    return zipped(
        header=table(HEADER, "CLA1,2,03/04/2012,WBRI,A123456789012,,", "CLA2,1,05/06/2010,APKN,UN1,,", *header),
        episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,,,,,,",
                       "CLA2,01/02/2021,S,V2,N2,K2,PR0,10/03/2022,E11,,,,", *episodes),
        reviews=table(REVIEWS, "CLA1,03/04/2012,15/01/2023,PN1", *reviews),
        social_worker=table(SOCIAL_WORKER, f"CLA1,03/04/2012,{BEFORE},02/12/2022,01/03/2023,LEFTRL",
                            f"CLA1,03/04/2012,{NOW},01/03/2023,,", *social_worker),
    )


@pytest.fixture
def workers(social_worker, colleague):
    social_worker.swe_number, colleague.swe_number = NOW, BEFORE
    social_worker.save()
    colleague.save()
    return social_worker, colleague


def test_the_dry_run_shows_what_would_be_created_and_rejected_and_saves_nothing(administrator, team, workers):
    payload = tables(header=["BAD1,2,01/01/2015,WBRI,UN1,,", "BAD2,2,01/01/2015,WBRI,UN1,,"],
                     episodes=["BAD1,01/01/2022,S,Q9,N1,U1,PR1,,,,,,",
                               "BAD2,01/05/2022,S,C2,N1,U1,PR1,01/04/2022,E11,,,,"])

    batch = checked(payload, administrator, fallback_team=team, name="903.zip")

    assert batch.format == Format.SSDA903 and batch.status == ImportBatch.Status.CHECKED
    assert batch.counts["children_create"] == 2 and batch.counts["children_reject"] == 2
    result = outcomes(batch)
    assert result["header.csv: Header row 2"] == "create"
    assert result["episodes.csv: Episodes row 4"] == "reject"
    assert "LS 'Q9' is not an SSDA903 code" in reasons(batch, "episodes.csv: Episodes row 4")
    assert "DEC 2022-04-01 is before DECOM 2022-05-01" in reasons(batch, "episodes.csv: Episodes row 5")
    assert "is rejected" in reasons(batch, "header.csv: Header row 4")
    assert "1 past allocation added" in reasons(batch, "header.csv: Header row 2")
    assert not Child.objects.exists() and not SourceRecord.objects.exists()


def test_importing_the_tables_creates_looked_after_children_with_reviews_and_worker_history(
    administrator, team, workers
):
    social_worker, colleague = workers

    batch = imported(tables(), administrator, fallback_team=team, name="903.zip")

    assert batch.status == ImportBatch.Status.IMPORTED
    child = Child.objects.get(local_id="CLA1")
    assert (child.category, child.opened_on, child.closed_on) == (
        Category.LOOKED_AFTER, datetime.date(2022, 12, 2), None)
    assert (child.date_of_birth, child.gender, child.ethnicity) == (datetime.date(2012, 4, 3), "2", "WBRI")
    assert (child.team, child.worker) == (social_worker.team, social_worker)
    history = [(a.worker, a.started_on, a.ended_on) for a in child.allocations.order_by("started_on")]
    assert history == [(colleague, datetime.date(2022, 12, 2), datetime.date(2023, 3, 1)),
                       (social_worker, datetime.date(2023, 3, 1), None)]
    review = child.chronology.get(event_type=ChronologyEntry.EventType.CONFERENCE)
    assert review.occurred_on == datetime.date(2023, 1, 15)
    left = Child.objects.get(local_id="CLA2")
    assert (left.category, left.closed_on, left.team, left.worker) == (
        Category.LOOKED_AFTER, datetime.date(2022, 3, 10), team, None)
    record = SourceRecord.objects.get(child_local_id="CLA1", natural_key=f"allocation {BEFORE} 2022-12-02")
    assert (record.batch, record.location, record.record) == (
        batch, "social_worker.csv: SocialWorker row 2", child.allocations.get(worker=colleague))
    assert SourceRecord.objects.filter(child_local_id="CLA1", natural_key="child",
                                       location="header.csv: Header row 2").exists()


def test_reimporting_the_same_tables_changes_nothing(administrator, team, workers):
    imported(tables(), administrator, fallback_team=team)
    counts = [Model.objects.count() for Model in (Child, Allocation, ChronologyEntry)]

    again = imported(tables(), administrator, fallback_team=team)

    assert again.counts["children_unchanged"] == 2
    assert again.counts["children_create"] == again.counts["children_update"] == 0
    assert [Model.objects.count() for Model in (Child, Allocation, ChronologyEntry)] == counts
    assert not again.records.exists()


def test_the_xml_file_reads_as_the_csv_tables_do(administrator, team, workers):
    social_worker, colleague = workers
    payload = f"""\ufeff<?xml version="1.0" encoding="utf-8"?>
<Message><Header><Collection>SSDA903</Collection></Header>
<CHILD>
  <HEADER>
    <CHILDID>CLAX</CHILDID><SEX>1</SEX><DOB>07/08/2011</DOB><ETHNIC>BAFR</ETHNIC><UPN>UN2</UPN>
    <AREVIEW><REVIEW>20/02/2023</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
    <SW_EPISODE><SW_ID>{BEFORE}</SW_ID><SW_DECOM>01/01/2023</SW_DECOM><SW_DEC>01/02/2023</SW_DEC>
      <SW_REASON>ORGRST</SW_REASON></SW_EPISODE>
    <SW_EPISODE><SW_ID>{NOW}</SW_ID><SW_DECOM>01/02/2023</SW_DECOM></SW_EPISODE>
  </HEADER>
  <EPISODE><DECOM>01/01/2023</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE>
</CHILD>
</Message>""".encode()

    batch = imported(payload, administrator, name="903.xml")

    assert batch.format == Format.SSDA903
    assert batch.counts["children_create"] == 1, batch.report
    child = Child.objects.get(local_id="CLAX")
    assert (child.category, child.opened_on, child.worker) == (
        Category.LOOKED_AFTER, datetime.date(2023, 1, 1), social_worker)
    assert child.allocations.count() == 2
    assert child.chronology.filter(event_type=ChronologyEntry.EventType.CONFERENCE,
                                   occurred_on=datetime.date(2023, 2, 20)).exists()
    assert "CHILD[1]/SW_EPISODE[1] (line 7)" in outcomes(batch)


def test_a_byte_order_mark_a_missing_final_newline_and_day_first_dates_read(administrator, team):
    ChildFactory(local_id="689661", category=Category.CHILD_IN_NEED, opened_on=datetime.date(2019, 1, 1), team=team,
                 worker=None)
    payload = ("\ufeff" + EPISODES + "\n" + "689661,02/12/2018,S,J2,N5,U5,PR4,,,,,,").encode()

    batch = imported(payload, administrator, name="episodes.csv")

    assert batch.format == Format.SSDA903
    assert outcomes(batch) == {"Episodes row 2": "update"}
    child = Child.objects.get(local_id="689661")
    assert (child.category, child.opened_on, child.closed_on) == (
        Category.LOOKED_AFTER, datetime.date(2018, 12, 2), None)


def test_leaving_care_does_not_close_or_recategorise_a_case_held_under_another_category(administrator, team):
    ChildFactory(local_id="CPX", category=Category.CHILD_PROTECTION, opened_on=datetime.date(2020, 1, 1),
                 team=team, worker=None)
    payload = table(EPISODES, "CPX,01/03/2021,S,V2,N1,U1,PR1,01/04/2021,E13,,,,").encode()

    batch = imported(payload, administrator)

    child = Child.objects.get(local_id="CPX")
    assert (child.category, child.opened_on, child.closed_on) == (
        Category.CHILD_PROTECTION, datetime.date(2020, 1, 1), None)
    assert outcomes(batch) == {"Episodes row 2": "update"}
    assert child.chronology.filter(summary="Ceased to be looked after (reason E13)").exists()


def test_a_single_table_cannot_create_a_child_and_says_why(administrator, team):
    batch = imported(table(EPISODES, "NEW1,01/03/2021,S,C2,N1,U1,PR1,,,,,,").encode(), administrator,
                     fallback_team=team)

    assert outcomes(batch) == {"Episodes row 2": "reject"}
    assert "the SSDA903 Header table gives it" in reasons(batch, "Episodes row 2")
    assert not Child.objects.exists()


def test_bad_rows_are_rejected_with_their_place_and_the_child_is_never_half_imported(administrator, team):
    payload = tables(
        header=["GOOD,1,01/01/2015,WBRI,UN1,,", "HALF,1,01/01/2015,WBRI,UN1,,", "BLANK,1,01/01/2015,,UN1,,"],
        episodes=["GOOD,01/06/2022,S,C2,N1,U1,PR1,,,,,,", "HALF,01/06/2022,S,C2,N1,U1,PR1,,,,,,",
                  "BLANK,01/06/2022,S,C2,N1,U1,PR1,,,,,,"],
        reviews=["HALF,01/01/2015,31/02/2023,PN1"],
    )

    batch = imported(payload, administrator, fallback_team=team)

    assert "REVIEW: '31/02/2023' is not a date" in reasons(batch, "reviews.csv: Reviews row 3")
    assert "ETHNIC is blank (mandatory in Header)" in reasons(batch, "header.csv: Header row 6")
    assert outcomes(batch)["episodes.csv: Episodes row 5"] == "reject"
    assert set(Child.objects.values_list("local_id", flat=True)) == {"CLA1", "CLA2", "GOOD"}
    assert not SourceRecord.objects.filter(child_local_id__in=["HALF", "BLANK"]).exists()


def test_an_unknown_social_worker_leaves_history_out_with_a_warning(administrator, team):
    batch = checked(tables(), administrator, fallback_team=team)

    assert f"worker '{BEFORE}' is not a staff member in Oversight" in reasons(batch, "header.csv: Header row 2")


def test_a_csv_that_is_no_903_table_is_reported(administrator):
    batch = imported(b"CHILD,COLOUR\n1,blue\n", administrator, name="x.csv")

    assert batch.status == ImportBatch.Status.FAILED
    assert "not a return Oversight reads" in batch.error


def test_the_shared_episodes_sample_reads_and_updates_the_children_oversight_holds(administrator, team):
    for local_id in ("689661", "249901"):
        ChildFactory(local_id=local_id, category=Category.LOOKED_AFTER, opened_on=datetime.date(2018, 1, 1),
                     team=team, worker=None)

    batch = imported(SHARED_SAMPLE.read_bytes(), administrator, name=SHARED_SAMPLE.name)

    assert batch.status == ImportBatch.Status.IMPORTED
    assert batch.counts["rows"] == 5 and batch.counts["rows_rejected"] == 0
    # The sample's other child has overlapping episodes: a query, held back until an administrator accepts it.
    assert (batch.counts["children_update"], batch.counts["children_query"]) == (1, 1)
    child = Child.objects.get(local_id="249901")
    assert child.closed_on == datetime.date(2019, 6, 24)
    assert child.chronology.filter(event_type=ChronologyEntry.EventType.PLACEMENT).count() == 2

"""Queries: values that may be right but look wrong hold the child back until the administrator accepts them."""
import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from cases.models import Child
from returns.models import ImportBatch
from tests.returns.cin_files import census, child, cin_details
from tests.returns.helpers import checked, imported, outcomes, reasons
from tests.returns.test_ssda903 import EPISODES, HEADER, table, zipped
from tests.returns.test_views import eager, upload  # noqa: F401 (eager is a fixture)

TODAY = datetime.date(2024, 6, 30)
WHERE = "Child[1] (line 1)"


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel(datetime.datetime(2024, 6, 30, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.mark.parametrize(("referral", "outcome"), [("2024-06-29", "create"), ("2024-06-30", "create"),
                                                   ("2024-07-01", "query")])
def test_a_date_after_today_is_a_query(administrator, team, referral, outcome):
    batch = checked(census([child("F1", cin_details(referral))]), administrator, fallback_team=team)

    assert outcomes(batch) == {WHERE: outcome}
    if outcome == "query":
        assert f"Query: case opened {referral} is in the future" in reasons(batch, WHERE)
        assert batch.counts["children_query"] == 1


def test_a_case_opened_in_2028_is_held_back_not_imported(administrator, team):
    batch = imported(census([child("F1", cin_details("2028-01-10")), child("OK1")]), administrator,
                     fallback_team=team)

    assert outcomes(batch) == {WHERE: "query", "Child[2] (line 1)": "create"}
    assert list(Child.objects.values_list("local_id", flat=True)) == ["OK1"]


@pytest.mark.parametrize(("died", "outcome"), [("2024-03-01", "query"), ("2024-03-02", "create")])
def test_an_event_after_the_date_of_death_is_a_query(administrator, team, died, outcome):
    details = cin_details("2024-01-10", s47=[("2024-03-02", None)])

    batch = checked(census([child("D1", details, died=died)]), administrator, fallback_team=team)

    assert outcomes(batch) == {WHERE: outcome}
    if outcome == "query":
        assert f"section 47 enquiry started 2024-03-02 is after the date of death {died}" in reasons(batch, WHERE)


def test_overlapping_looked_after_episodes_are_a_query(administrator, team):
    payload = zipped(header=table(HEADER, "CLA1,2,03/04/2012,WBRI,A123456789012,,",
                                  "CLA2,2,03/04/2012,WBRI,A123456789012,,"),
                     episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,05/03/2023,X1,,,,",
                                    "CLA1,01/03/2023,P,C2,N1,K2,PR2,,,,,,",
                                    "CLA2,02/12/2022,S,C2,N1,U1,PR1,05/03/2023,X1,,,,",
                                    "CLA2,05/03/2023,P,C2,N1,K2,PR2,,,,,,"))

    batch = checked(payload, administrator, fallback_team=team, name="903.zip")

    assert outcomes(batch)["episodes.csv: Episodes row 2"] == "query"
    assert "episodes overlap: the episode from 2022-12-02 to 2023-03-05 and the one from 2023-03-01" in reasons(
        batch, "episodes.csv: Episodes row 2")
    assert outcomes(batch)["episodes.csv: Episodes row 4"] == "create"


@pytest.mark.parametrize(("born", "outcome"), [("2006-01-11", "query"), ("2006-01-12", "create")])
def test_a_child_in_need_of_18_or_more_is_a_query(administrator, team, born, outcome):
    batch = checked(census([child("OLD", cin_details("2024-01-11"), born=born)]), administrator,
                    fallback_team=team)

    assert outcomes(batch) == {WHERE: outcome}


def test_the_administrator_accepts_a_query_on_the_page_and_only_that_child_is_imported(
    client, administrator, team, eager, django_capture_on_commit_callbacks  # noqa: F811
):
    client.force_login(administrator)
    payload = census([child("F1", cin_details("2028-01-10")), child("F2", cin_details("2029-01-10")),
                      child("OK1")])
    upload(client, django_capture_on_commit_callbacks, payload, "cin.xml", fallback_team=team.pk)
    batch = ImportBatch.objects.get()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Queries to accept" in page and 'value="F1"' in page and 'value="F2"' in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("returns:confirm", args=[batch.pk]), {"accept": ["F1", "OK1", "NOT-QUERIED"]})

    batch.refresh_from_db()
    assert batch.accepted_queries == ["F1"]
    assert sorted(Child.objects.values_list("local_id", flat=True)) == ["F1", "OK1"]
    assert "Query accepted: case opened 2028-01-10 is in the future" in reasons(batch, WHERE)


def test_the_command_accepts_queries_only_when_told(administrator, team, tmp_path, capsys):
    path = tmp_path / "cin.xml"
    path.write_bytes(census([child("F1", cin_details("2028-01-10"))]))
    arguments = [str(path), "--as", administrator.username, "--fallback-team", team.name, "--apply"]

    call_command("import_returns", *arguments)
    assert "1 held back by a query" in capsys.readouterr().out
    assert not Child.objects.exists()

    call_command("import_returns", *arguments, "--accept-queries")
    assert Child.objects.filter(local_id="F1").exists()

"""The CIN census of every year from 2021-22, and what it says that Oversight keeps."""
import datetime

import pytest

from cases.models import Category, Child, ChronologyEntry, PreProceedings
from returns.cin_census import CinCensusReader
from tests.returns.cin_files import census, child, cin_details, pre_proceedings
from tests.returns.helpers import imported, outcomes, reasons

D = datetime.date


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_a_census_of_each_year_imports_with_its_sex_or_gender_element(administrator, team, year):
    payload = census([child("C1", year=year)], year=year)

    batch = imported(payload, administrator, fallback_team=team, name="cin.xml")

    assert outcomes(batch) == {"Child[1] (line 1)": "create"}
    assert Child.objects.get(local_id="C1").gender == "2"


@pytest.mark.parametrize(("content", "year"), [
    (child("C1", year=2024), 2024),
    (child("C1", year=2025), 2025),
    (child("C1", cin_details(pre_proceedings=pre_proceedings()), year=2026), 2026),
])
def test_the_schema_is_picked_by_what_the_file_holds(content, year):
    import io

    assert CinCensusReader(io.BytesIO(census([content], year=2020))).year == year


def test_the_2024_25_sex_codes_are_read(administrator, team):
    payload = census([child("M1", year=2025, sex="M"), child("U1", year=2025, sex="U")])

    imported(payload, administrator, fallback_team=team)

    assert dict(Child.objects.values_list("local_id", "gender")) == {"M1": "1", "U1": "0"}


def test_a_2024_25_sex_code_outside_the_schema_rejects_the_child(administrator, team):
    batch = imported(census([child("X1", year=2025, sex="Q")]), administrator, fallback_team=team)

    assert "Element 'Sex'" in reasons(batch, "Child[1] (line 1)")
    assert not Child.objects.exists()


def test_pre_proceedings_are_read_into_the_chronology_wherever_the_block_stands(administrator, team):
    block = pre_proceedings("2024-02-01", letter="2024-02-03", court="2024-05-01", outcome="B")
    details = cin_details("2024-01-10", before_nfa=block)  # placed before ReferralNFA, not last

    batch = imported(census([child("PP1", details, year=2026)]), administrator, fallback_team=team)

    assert outcomes(batch) == {"Child[1] (line 1)": "create"}
    court = ChronologyEntry.objects.filter(child__local_id="PP1", event_type=ChronologyEntry.EventType.COURT)
    assert sorted(court.values_list("occurred_on", "summary")) == [
        (D(2024, 2, 1), "Pre-proceedings (PLO) began (outcome B)"),
        (D(2024, 2, 3), "Letter before proceedings sent"),
        (D(2024, 5, 1), "Application to court for care proceedings"),
    ]


def test_an_icpc_directly_under_cindetails_is_kept_and_one_given_twice_is_one(administrator, team):
    one = cin_details("2024-01-10", icpc="2024-02-05")
    twice = cin_details("2024-01-10", icpc="2024-02-05", s47=[("2024-01-20", "2024-02-05")])

    imported(census([child("ICPC1", one), child("ICPC2", twice)]), administrator, fallback_team=team)

    conferences = ChronologyEntry.objects.filter(event_type=ChronologyEntry.EventType.CONFERENCE)
    assert sorted(conferences.values_list("child__local_id", "occurred_on", "summary")) == [
        ("ICPC1", D(2024, 2, 5), "Initial child protection conference"),
        ("ICPC2", D(2024, 2, 5), "Initial child protection conference"),
    ]


def test_an_nfa_referral_closes_the_day_it_came_and_says_its_source(administrator, team):
    imported(census([child("NFA1", cin_details("2024-01-10", source="5B", nfa=True))]), administrator,
             fallback_team=team)

    nfa = Child.objects.get(local_id="NFA1")
    assert (nfa.opened_on, nfa.closed_on) == (D(2024, 1, 10), D(2024, 1, 10))
    referral = nfa.chronology.get(event_type=ChronologyEntry.EventType.REFERRAL)
    assert referral.summary == "Referral (source 5B); no further action"


def test_disability_primary_need_and_reason_for_closure_are_kept(administrator, team):
    details = cin_details("2023-05-01", need="N3", closure="2024-01-31", reason="RC4")
    imported(census([child("D1", details, disabilities=["HEAR", "HAND"])]), administrator, fallback_team=team)

    kept = Child.objects.get(local_id="D1")
    assert (kept.disabilities, kept.primary_need, kept.category) == ("HAND HEAR", "N3", Category.CHILD_IN_NEED)
    assert kept.chronology.get(event_type=ChronologyEntry.EventType.OTHER).summary == (
        "Child in need episode closed (reason RC4)")


def test_a_child_with_a_death_date_has_no_open_case(administrator, team):
    payload = census([child("DIED", cin_details("2023-05-01"), died="2024-02-10")])

    batch = imported(payload, administrator, fallback_team=team)

    died = Child.objects.get(local_id="DIED")
    assert (died.died_on, died.closed_on) == (D(2024, 2, 10), D(2024, 2, 10))
    assert "closed on the date of death" in reasons(batch, "Child[1] (line 1)")


def test_two_referrals_on_one_date_are_two_chronology_entries_and_stay_two_on_reimport(administrator, team):
    payload = census([child("TWO", cin_details("2024-01-10", closure="2024-01-12"), cin_details("2024-01-10"))])

    imported(payload, administrator, fallback_team=team)
    again = imported(payload, administrator, fallback_team=team)

    referrals = ChronologyEntry.objects.filter(child__local_id="TWO", event_type=ChronologyEntry.EventType.REFERRAL)
    assert referrals.count() == 2
    assert again.counts["children_unchanged"] == 1


def test_pre_proceedings_and_the_family_group_meeting_offer_are_kept_for_fgdm_offer(administrator, team):
    offered = pre_proceedings("2024-02-01")  # offered, not facilitated
    not_offered = offered.replace("2024-02-01", "2024-03-01").replace(
        "<FGDMMeetingOffer>true</FGDMMeetingOffer>", "<FGDMMeetingOffer>false</FGDMMeetingOffer>"
    )
    imported(census([child("PP1", cin_details("2024-01-10", pre_proceedings=offered + not_offered), year=2026)]),
             administrator, fallback_team=team)

    kept = PreProceedings.objects.filter(child__local_id="PP1").order_by("started_on")
    assert [(p.started_on, p.fgdm_offered_on, p.fgdm_facilitated, p.fgdm_answered) for p in kept] == [
        (D(2024, 2, 1), D(2024, 2, 1), False, True),
        (D(2024, 3, 1), None, False, False),  # FGDM-OFFER asks the worker why
    ]
    assert kept[0].history.first().history_user == administrator

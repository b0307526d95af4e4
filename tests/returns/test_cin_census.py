import datetime

from cases.models import Assessment, Category, Child, ChronologyEntry
from returns.models import Format, ImportBatch
from tests.returns.helpers import DATA, checked, imported, outcomes, reasons


def test_it_imports_a_valid_census_with_plans_assessments_and_reviews(administrator, team):
    batch = imported((DATA / "cin_valid.xml").read_bytes(), administrator, fallback_team=team, name="cin.xml")

    assert batch.format == Format.CIN_CENSUS
    assert batch.counts["children_create"] == 2
    on_plan = Child.objects.get(local_id="CIN0001")
    assert (on_plan.category, on_plan.gender, on_plan.ethnicity) == (Category.CHILD_PROTECTION, "2", "MWBC")
    assert on_plan.opened_on == datetime.date(2023, 11, 6) and on_plan.closed_on is None
    assessment = Assessment.objects.get(child=on_plan, kind=Assessment.Kind.CHILD_AND_FAMILY)
    assert assessment.current_version().decided_at.date() == datetime.date(2023, 12, 15)
    assert on_plan.chronology.filter(event_type=ChronologyEntry.EventType.CONFERENCE).count() == 2
    closed = Child.objects.get(local_id="CIN0002")
    assert (closed.category, closed.closed_on) == (Category.CHILD_IN_NEED, datetime.date(2024, 1, 31))


def test_reimporting_the_census_changes_nothing(administrator, team):
    payload = (DATA / "cin_valid.xml").read_bytes()
    imported(payload, administrator, fallback_team=team, name="cin.xml")

    again = imported(payload, administrator, fallback_team=team, name="cin.xml")

    assert again.counts["children_unchanged"] == 2
    assert not again.records.exists()


def test_schema_errors_reject_the_child_with_the_elements_location(administrator, team):
    batch = checked((DATA / "d2i_CIN_Census_2024.xml").read_bytes(), administrator, fallback_team=team)

    assert batch.status == ImportBatch.Status.CHECKED
    assert outcomes(batch) == {"Child[1] (line 18)": "reject", "Child[2] (line 73)": "reject"}
    # The 2024-25 Sex element is read; the sample's deliberate mistakes are what reject its children.
    assert "/Message/Children/Child[1]/ChildIdentifiers: Element 'ChildIdentifiers': Character content" in reasons(
        batch, "Child[1] (line 18)")
    assert "The value 'RB' is not an element" in reasons(batch, "Child[1] (line 18)")
    assert "Sex" not in reasons(batch, "Child[1] (line 18)")


def test_the_shared_single_child_sample_is_valid(administrator, team):
    batch = imported((DATA / "liia_cin-2022.xml").read_bytes(), administrator, fallback_team=team)

    assert batch.counts["children_create"] == 1
    assert Child.objects.get(local_id="DfEX0000001").date_of_birth == datetime.date(1966, 3, 24)


def test_edge_cases_are_rejected_and_the_rest_imported(administrator, team):
    batch = imported((DATA / "cin_edge_cases.xml").read_bytes(), administrator, fallback_team=team)

    result = {line["child_id"]: line["outcome"] for line in batch.report}
    assert result == {"GOOD1": "create", "TWICE": "reject", "BACKWARDS": "reject", "BADCODE": "reject",
                      "NOREFERRAL": "reject"}
    text = " ".join(" ".join(line["reasons"]) for line in batch.report)
    assert "appears more than once" in text
    assert "CINclosureDate 2024-01-10 is before CINreferralDate 2024-03-10" in text
    assert "/Message/Children/Child[5]/ChildCharacteristics/Ethnicity" in text
    assert "Expected is ( CINreferralDate )" in text
    assert list(Child.objects.values_list("local_id", flat=True)) == ["GOOD1"]


def test_a_census_child_needs_a_chosen_team_because_the_census_names_none(administrator):
    batch = checked((DATA / "cin_valid.xml").read_bytes(), administrator)

    assert batch.counts["children_reject"] == 2


def test_xml_that_is_not_well_formed_is_reported(administrator):
    batch = imported(b"<Message><Children><Child></Message>", administrator, name="broken.xml")

    assert batch.status == ImportBatch.Status.FAILED
    assert "not well-formed" in batch.error


def test_a_file_declaring_entities_is_refused(administrator, team, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("WBRI")
    payload = (DATA / "cin_valid.xml").read_text().replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY x SYSTEM "file://{secret}">]>',
    ).replace("<Ethnicity>MWBC</Ethnicity>", "<Ethnicity>&x;</Ethnicity>")

    batch = checked(payload.encode(), administrator, fallback_team=team)

    assert batch.status == ImportBatch.Status.FAILED
    assert "DOCTYPE" in batch.error

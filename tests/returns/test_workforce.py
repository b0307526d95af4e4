import datetime
from decimal import Decimal

from cases.models import Child
from organisation.models import Role, StaffMember
from returns.models import Format, ImportBatch, SourceRecord
from tests.returns.helpers import checked, imported, outcomes, reasons
from tests.returns.test_ssda903 import EPISODES, HEADER, SOCIAL_WORKER, table, zipped


def worker(swe, *, agency="0", fte="1.000000", role="5", end=None, extra=""):
    return f"""  <CSWWWorker>
    <AgencyWorker>{agency}</AgencyWorker>
    <SWENo>{swe}</SWENo>
    {f"<FTE>{fte}</FTE>" if fte else ""}
    <QualInst>University of Example</QualInst>
    <OrgRole>{role}</OrgRole>
    <RoleStartDate>2020-09-01</RoleStartDate>
    {f"<RoleEndDate>{end}</RoleEndDate>" if end else ""}{extra}
  </CSWWWorker>"""


def census(*workers, vacancies=True):
    """A census written from DfE's schema: there is no shared sample."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<Message>",
             "  <Header><CollectionDetails><Collection>CSWW</Collection><Year>2022</Year>"
             "<ReferenceDate>2022-09-30</ReferenceDate></CollectionDetails>"
             "<Source><SourceLevel>L</SourceLevel><LEA>999</LEA></Source></Header>"]
    if vacancies:
        lines.append("  <LALevelVacancies><NumberOfVacancies>2.00</NumberOfVacancies><NoAgencyFTE>1.50</NoAgencyFTE>"
                     "<NoAgencyHeadcount>2</NoAgencyHeadcount></LALevelVacancies>")
    return "\n".join([*lines, *workers, "</Message>"]).encode()


def test_the_dry_run_shows_new_changed_and_rejected_staff_and_saves_nothing(administrator, social_worker):
    social_worker.swe_number = "SW0000000001"
    social_worker.save()
    payload = census(worker("SW0000000001", fte="0.500000"), worker("SW0000000002", agency="1"),
                     worker("SW0000000003", fte="1.500000"))

    batch = checked(payload, administrator, name="csww.xml")

    assert batch.format == Format.WORKFORCE and batch.status == ImportBatch.Status.CHECKED
    assert outcomes(batch) == {"CSWWWorker[1] (line 5)": "update", "CSWWWorker[2] (line 14)": "create",
                               "CSWWWorker[3] (line 23)": "reject"}
    assert "FTE changes" in reasons(batch, "CSWWWorker[1] (line 5)")
    assert "agency worker" in reasons(batch, "CSWWWorker[2] (line 14)")
    assert "line 26, /Message/CSWWWorker[3]/FTE" in reasons(batch, "CSWWWorker[3] (line 23)")
    assert StaffMember.objects.filter(swe_number="SW0000000002").count() == 0
    social_worker.refresh_from_db()
    assert social_worker.fte == Decimal("1.00")


def test_imported_staff_cannot_sign_in_and_get_no_more_than_their_roles_access(administrator, team):
    payload = census(worker("SW0000000010", role="1", fte="0.750000", agency="1"), worker("SW0000000011", role="3"))

    batch = imported(payload, administrator, fallback_team=team)

    assert batch.counts["children_create"] == 2
    senior = StaffMember.objects.get(swe_number="SW0000000010")
    assert senior.role == Role.HEAD_OF_SERVICE
    assert (senior.fte, senior.agency_worker, senior.team) == (Decimal("0.75"), True, team)
    assert not senior.has_usable_password()
    assert not (senior.is_staff or senior.is_superuser)
    assert not Child.objects.visible_to(senior).exists() and not senior.services_headed.exists()
    assert StaffMember.objects.get(swe_number="SW0000000011").role == Role.TEAM_MANAGER
    record = SourceRecord.objects.get(child_local_id="SW0000000010")
    assert (record.batch, record.location, record.record, record.action) == (
        batch, "CSWWWorker[1] (line 5)", senior, "created")


def test_reimporting_the_census_changes_nothing(administrator):
    payload = census(worker("SW0000000020"), worker("SW0000000021", fte="0.400000"))
    imported(payload, administrator)

    again = imported(payload, administrator)

    assert again.counts["children_unchanged"] == 2
    assert not again.records.exists()
    assert StaffMember.objects.filter(swe_number__startswith="SW00000000").count() == 2


def test_a_census_never_changes_a_role_or_deactivates_an_account_but_says_so(administrator, social_worker):
    social_worker.swe_number = "SW0000000030"
    social_worker.save()

    batch = imported(census(worker("SW0000000030", role="1", end="2022-08-31")), administrator)

    social_worker.refresh_from_db()
    assert (social_worker.role, social_worker.is_active) == (Role.SOCIAL_WORKER, True)
    said = reasons(batch, "CSWWWorker[1] (line 5)")
    assert "Oversight keeps Social worker" in said and "left on 31/08/2022" in said


def test_a_leaver_not_in_oversight_is_not_added(administrator):
    batch = imported(census(worker("SW0000000040", end="2022-08-31", fte="")), administrator)

    assert outcomes(batch) == {"CSWWWorker[1] (line 5)": "skip"}
    assert not StaffMember.objects.filter(swe_number="SW0000000040").exists()


def test_a_worker_given_twice_is_rejected(administrator):
    batch = imported(census(worker("SW0000000050"), worker("SW0000000050")), administrator)

    assert "appears more than once" in reasons(batch, "CSWWWorker[1] (line 5)")
    assert not StaffMember.objects.filter(swe_number="SW0000000050").exists()


def test_a_file_breaking_the_schema_outside_any_worker_is_reported_with_its_line(administrator):
    batch = imported(census(worker("SW0000000060"), vacancies=False), administrator)

    assert batch.status == ImportBatch.Status.FAILED
    assert "line 4, /Message/CSWWWorker" in batch.error and "LALevelVacancies" in batch.error


def test_the_903_social_worker_table_finds_staff_the_census_brought_in(administrator, team):
    imported(census(worker("SW0000000070")), administrator, fallback_team=team)
    payload = zipped(
        header=table(HEADER, "CLA9,2,03/04/2012,WBRI,UN1,,"),
        episodes=table(EPISODES, "CLA9,02/12/2022,S,C2,N1,U1,PR1,,,,,,"),
        social_worker=table(SOCIAL_WORKER, "CLA9,03/04/2012,SW0000000070,02/12/2022,,"),
    )

    imported(payload, administrator)

    child = Child.objects.get(local_id="CLA9")
    assert child.worker.swe_number == "SW0000000070" and child.team == team
    assert child.allocations.get().started_on == datetime.date(2022, 12, 2)

"""Training with its expiry, the induction checklist and CPD with its yearly export (W 5, issue 20)."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases import worklist
from supervision.models import CpdEntry, InductionTick, TrainingRecord
from supervision.models.learning import INDUCTION_ITEMS, registration_year, registration_year_of
from tests.factories import CpdEntryFactory, InductionTickFactory, StaffFactory, TrainingRecordFactory

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10), tick=False):
        yield


def dated(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# Training


@pytest.mark.parametrize("who", ["social_worker", "team_manager", "head_of_service"])
def test_the_person_and_their_line_management_add_training(client, request, who, social_worker):
    user = request.getfixturevalue(who)
    client.force_login(user)
    answer = client.post(reverse("supervision:training_new", args=[social_worker.pk]), {
        "kind": "safeguarding", "course": "Contextual safeguarding", **dated("completed_on", TODAY),
        **dated("expires_on", datetime.date(2029, 11, 23)), "evidence": "Certificate CS-114",
    })
    assert answer.status_code == 302
    record = TrainingRecord.objects.get(staff=social_worker)
    assert (record.recorded_by, record.expires_on) == (user, datetime.date(2029, 11, 23))
    page = client.get(answer.url).content.decode()
    assert "Contextual safeguarding" in page


@pytest.mark.parametrize("who", ["colleague", "outsider", "iro", "administrator"])
def test_nobody_else_adds_or_sees_someones_training(client, request, who, social_worker):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("supervision:training_new", args=[social_worker.pk])).status_code == 404


def test_training_cannot_expire_before_it_was_completed(client, social_worker):
    client.force_login(social_worker)
    page = client.post(reverse("supervision:training_new", args=[social_worker.pk]), {
        "kind": "other", "course": "Court skills", **dated("completed_on", TODAY), **dated("expires_on", TODAY),
    }).content.decode()
    assert "The expiry date must be after the date completed" in page
    assert "govuk-error-summary" in page


def test_a_supervisor_without_current_supervision_skills_training_is_warned_on_their_file(
    client, team_manager, head_of_service, social_worker
):
    TrainingRecordFactory(staff=team_manager, completed_on=datetime.date(2023, 1, 5),
                          expires_on=datetime.date(2026, 11, 22))
    client.force_login(head_of_service)
    page = client.get(reverse("supervision:staff", args=[team_manager.pk])).content.decode()
    assert "no current supervision-skills training" in page
    assert "Expired" in page
    TrainingRecordFactory(staff=team_manager, completed_on=datetime.date(2026, 11, 20))
    page = client.get(reverse("supervision:staff", args=[team_manager.pk])).content.decode()
    assert "no current supervision-skills training" not in page


def test_a_practitioner_is_not_asked_for_supervision_skills_training(client, social_worker):
    client.force_login(social_worker)
    assert "supervision-skills training" not in client.get(reverse("supervision:mine")).content.decode()


# Induction


def test_a_joiners_induction_is_on_their_file_and_their_managers_list_until_complete(
    client, team_manager, social_worker
):
    social_worker.started_in_post = datetime.date(2026, 11, 2)
    social_worker.save()
    [item] = [i for i in worklist.needs_manager(manager=team_manager, today=TODAY) if i.what == "Induction"]
    assert item.on == datetime.date(2027, 1, 25)
    assert item.url == reverse("supervision:induction", args=[social_worker.pk])
    client.force_login(team_manager)
    answer = client.post(item.url, {"item": "welcome", **dated("done_on", datetime.date(2026, 11, 2))})
    assert answer.status_code == 302
    tick = InductionTick.objects.get(staff=social_worker)
    assert (tick.item, tick.ticked_by) == ("welcome", team_manager)
    assert "Induction checklist" in client.get(reverse("supervision:staff", args=[social_worker.pk])).content.decode()
    for key, _label in INDUCTION_ITEMS[1:]:
        InductionTickFactory(staff=social_worker, item=key)
    assert not [i for i in worklist.needs_manager(manager=team_manager, today=TODAY) if i.what == "Induction"]
    assert "Induction checklist" not in client.get(
        reverse("supervision:staff", args=[social_worker.pk])).content.decode()
    assert "Induction complete" in client.get(item.url).content.decode()


def test_a_joiner_past_their_first_weeks_is_off_the_managers_list(team_manager, social_worker):
    social_worker.started_in_post = datetime.date(2026, 8, 30)  # 12 weeks and one day before
    social_worker.save()
    assert not [i for i in worklist.needs_manager(manager=team_manager, today=TODAY) if i.what == "Induction"]
    social_worker.started_in_post = datetime.date(2026, 8, 31)
    social_worker.save()
    assert [i for i in worklist.needs_manager(manager=team_manager, today=TODAY) if i.what == "Induction"]


def test_induction_is_ticked_only_by_the_line_management_not_before_the_start(client, team_manager, social_worker):
    social_worker.started_in_post = datetime.date(2026, 11, 2)
    social_worker.save()
    url = reverse("supervision:induction", args=[social_worker.pk])
    client.force_login(social_worker)
    assert client.get(url).status_code == 404
    client.force_login(team_manager)
    page = client.post(url, {"item": "welcome", **dated("done_on", datetime.date(2026, 10, 30))}).content.decode()
    assert "on or after they started" in page
    assert not InductionTick.objects.exists()


# CPD


@pytest.mark.parametrize("day, year", [
    (datetime.date(2026, 11, 30), 2026), (datetime.date(2026, 12, 1), 2027), (datetime.date(2026, 1, 1), 2026),
])
def test_the_registration_year_closes_on_30_november(day, year):
    assert registration_year_of(day) == year
    first, last = registration_year(year)
    assert first <= day <= last


def test_a_person_records_cpd_and_exports_the_registration_year_formula_safe(client, social_worker):
    client.force_login(social_worker)
    answer = client.post(reverse("supervision:cpd_new"), {
        **dated("done_on", datetime.date(2026, 11, 20)), "activity": "=HYPERLINK(\"x\")", "reflection": "Learned.",
        "hours": "1.5",
    })
    assert answer.status_code == 302
    assert CpdEntry.objects.get().staff == social_worker
    CpdEntryFactory(staff=social_worker, done_on=datetime.date(2025, 12, 1), activity="First day of the year")
    CpdEntryFactory(staff=social_worker, done_on=datetime.date(2025, 11, 30), activity="Previous year")
    CpdEntryFactory(staff=StaffFactory(), done_on=datetime.date(2026, 1, 5), activity="Someone else's")
    export = client.get(reverse("supervision:cpd_export", args=[2026]))
    assert export["Content-Disposition"] == 'attachment; filename="cpd-2025-12-01-to-2026-11-30.csv"'
    lines = export.content.decode().splitlines()
    assert lines[0] == "Date,What I did,Reflection,Hours"
    assert lines[1].startswith("2025-12-01,First day of the year")
    assert lines[2].startswith("2026-11-20,\"'=HYPERLINK")
    assert len(lines) == 3
    page = client.get(reverse("supervision:cpd")).content.decode()
    assert "1 December 2025 to 30 November 2026" in page and "4.5 hours" in page


def test_cpd_hours_must_be_a_plausible_number(client, social_worker):
    client.force_login(social_worker)
    page = client.post(reverse("supervision:cpd_new"), {
        **dated("done_on", TODAY), "activity": "Reading", "reflection": "Useful.", "hours": "0",
    }).content.decode()
    assert "Enter hours between 0.1 and 100" in page


# The early career readiness view


def test_the_readiness_view_gathers_an_early_career_workers_evidence(client, team_manager, social_worker):
    from cases.models import AssessmentVersion, Grade
    from supervision.models import SupervisionSession
    from tests.factories import AssessmentVersionFactory, ObservationFactory, SupervisionSessionFactory

    social_worker.date_qualified = datetime.date(2026, 3, 2)
    social_worker.save()
    SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 10, 5),
                              status=SupervisionSession.Status.HELD, record="Held.",
                              completed_at=datetime.datetime(2026, 10, 5, 16, tzinfo=datetime.UTC))
    ObservationFactory(practitioner=social_worker, observed_on=datetime.date(2026, 9, 14))
    AssessmentVersionFactory(author=social_worker, status=AssessmentVersion.Status.SIGNED_OFF, grade=Grade.GOOD,
                             decided_by=team_manager, decided_at=datetime.datetime(2026, 10, 1, 12))
    TrainingRecordFactory(staff=social_worker, kind=TrainingRecord.Kind.SAFEGUARDING, course="Neglect toolkit")
    client.force_login(team_manager)
    page = client.get(reverse("supervision:readiness", args=[social_worker.pk])).content.decode()
    assert "the newly-qualified period ends 2 March 2027" in page
    assert "14 Sep 2026" in page and "Good" in page and "Neglect toolkit" in page
    assert "Supervision sessions held</dt><dd class=\"govuk-summary-list__value\">1, the latest 5 October 2026" in page

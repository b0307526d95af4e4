"""Contracts (W 5.2), observations of practice (K 6) and annual appraisals (W 5.2)."""
import datetime

import pytest
from django.urls import reverse

from organisation.models import PracticeStandard
from supervision.models import Appraisal, Observation, SupervisionContract
from tests.factories import ObservationFactory, SupervisionContractFactory

D = datetime.date


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


AGREED, REVIEW = D(2026, 11, 23), D(2027, 11, 23)


def contract_data(frequency="monthly", agreed=AGREED, review=REVIEW):
    return {**date_fields("agreed_on", agreed), **date_fields("review_on", review), "frequency": frequency,
            "arrangements": "Monthly, 90 minutes, private room."}


def test_the_manager_records_and_signs_a_contract_then_the_practitioner_signs(
    client, monday, team_manager, social_worker
):
    client.force_login(team_manager)
    client.post(reverse("supervision:contract_new", args=[social_worker.pk]), contract_data())
    contract = SupervisionContract.objects.get()
    assert (contract.staff, contract.supervisor, contract.supervisor_signed_on) == (
        social_worker, team_manager, D(2026, 11, 23)
    )
    assert not contract.is_signed
    client.force_login(social_worker)
    assert "Sign my supervision contract" in client.get(reverse("supervision:mine")).content.decode()
    client.post(reverse("supervision:contract_sign", args=[contract.pk]))
    contract.refresh_from_db()
    assert contract.staff_signed_on == D(2026, 11, 23) and contract.is_signed


def test_a_newly_qualified_workers_contract_cannot_agree_monthly(client, monday, team_manager, social_worker):
    social_worker.date_qualified = D(2026, 6, 1)
    social_worker.save()
    client.force_login(team_manager)
    response = client.post(reverse("supervision:contract_new", args=[social_worker.pk]), contract_data())
    assert "every 14 days (newly qualified)" in response.content.decode()
    response = client.post(
        reverse("supervision:contract_new", args=[social_worker.pk]), contract_data(frequency="fortnightly")
    )
    assert response.status_code == 302


def test_the_review_date_comes_after_the_agreement(client, monday, team_manager, social_worker):
    client.force_login(team_manager)
    response = client.post(
        reverse("supervision:contract_new", args=[social_worker.pk]), contract_data(review=D(2026, 11, 23))
    )
    assert "The review date must be after the date agreed" in response.content.decode()
    assert not SupervisionContract.objects.exists()


@pytest.mark.parametrize("review_on, due", [(D(2026, 11, 24), False), (D(2026, 11, 23), True)])
def test_a_contract_review_falls_due_on_its_date(social_worker, review_on, due):
    contract = SupervisionContractFactory(staff=social_worker, review_on=review_on)
    assert contract.is_review_due(D(2026, 11, 23)) is due


def test_the_manager_records_an_observation(client, monday, team_manager, social_worker):
    client.force_login(team_manager)
    client.post(reverse("supervision:observation_new", args=[social_worker.pk]), {
        **date_fields("observed_on", D(2026, 11, 20)), "setting": "home_visit",
        "feedback": "Warm with the family; record the child's words.",
    })
    observation = Observation.objects.get()
    assert (observation.practitioner, observation.observer, observation.setting) == (
        social_worker, team_manager, Observation.Setting.HOME_VISIT
    )


def test_an_observation_cannot_be_in_the_future(client, monday, team_manager, social_worker):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:observation_new", args=[social_worker.pk]), {
        **date_fields("observed_on", D(2026, 11, 24)), "setting": "home_visit", "feedback": "Not yet.",
    })
    assert "today or in the past" in response.content.decode()
    assert not Observation.objects.exists()


@pytest.mark.parametrize("observed_on, warned", [(D(2025, 11, 23), False), (D(2025, 11, 22), True)])
def test_the_appraisal_form_warns_without_an_observation_in_the_last_12_months(
    client, monday, team_manager, social_worker, observed_on, warned
):
    ObservationFactory(practitioner=social_worker, observed_on=observed_on)
    client.force_login(team_manager)
    content = client.get(reverse("supervision:appraisal_new", args=[social_worker.pk])).content.decode()
    assert ("has not been observed in practice in the last 12 months" in content) is warned
    assert observed_on.strftime("%-d %B %Y") in content  # the latest observation is shown either way


def test_the_appraisal_form_warns_when_never_observed(client, monday, team_manager, social_worker):
    client.force_login(team_manager)
    content = client.get(reverse("supervision:appraisal_new", args=[social_worker.pk])).content.decode()
    assert "has not been observed in practice in the last 12 months" in content
    assert "No observation of practice is recorded." in content


def test_an_appraisal_keeps_the_observation_it_drew_on(client, monday, team_manager, social_worker):
    ObservationFactory(practitioner=social_worker, observed_on=D(2025, 12, 1))
    latest = ObservationFactory(practitioner=social_worker, observed_on=D(2026, 10, 1))
    client.force_login(team_manager)
    client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]), {
        **date_fields("held_on", D(2026, 11, 23)), "achievements": "Strong year.", "goals": "Lead a core group.",
        "development_needs": "Court skills.",
    })
    appraisal = Appraisal.objects.get()
    assert (appraisal.staff, appraisal.appraiser, appraisal.observation) == (social_worker, team_manager, latest)
    assert appraisal.is_current(D(2027, 11, 23)) and not appraisal.is_current(D(2027, 11, 24))
    client.force_login(social_worker)
    assert "Lead a core group." in client.get(reverse("supervision:mine")).content.decode()


def appraisal_data(held_on):
    return {**date_fields("held_on", held_on), "achievements": "Strong year.", "goals": "Lead a core group.",
            "development_needs": "Court skills."}


@pytest.mark.parametrize("observed_on, recorded", [
    (D(2025, 11, 22), False),  # the day before the 12 months
    (D(2025, 11, 23), True),  # exactly 12 months before the appraisal
    (D(2025, 11, 24), True),
    (D(2026, 11, 23), True),  # the appraisal's own day
])
def test_an_appraisal_cannot_be_recorded_without_an_observation_in_the_12_months_before_it(
    client, monday, team_manager, social_worker, observed_on, recorded
):
    ObservationFactory(practitioner=social_worker, observed_on=observed_on)
    client.force_login(team_manager)
    response = client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]),
                           appraisal_data(D(2026, 11, 23)))
    assert Appraisal.objects.exists() is recorded
    if not recorded:
        content = response.content.decode()
        assert "<title>Error: " in content and "govuk-error-summary" in content
        assert "Record an observation of practice first: none in the 12 months before 23 November 2026" in content


def test_an_observation_after_a_back_dated_appraisal_does_not_count(client, monday, team_manager, social_worker):
    ObservationFactory(practitioner=social_worker, observed_on=D(2026, 11, 2))
    client.force_login(team_manager)
    response = client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]),
                           appraisal_data(D(2026, 11, 1)))
    assert "none in the 12 months before 1 November 2026" in response.content.decode()
    assert not Appraisal.objects.exists()
    client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]), appraisal_data(D(2026, 11, 2)))
    assert Appraisal.objects.get().observation.observed_on == D(2026, 11, 2)  # the same day counts


def test_an_appraisal_is_refused_when_never_observed(client, monday, team_manager, social_worker):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]),
                           appraisal_data(D(2026, 11, 23)))
    assert "Record an observation of practice first" in response.content.decode()
    assert not Appraisal.objects.exists()


@pytest.mark.parametrize("observed_on, recorded", [(D(2026, 5, 22), False), (D(2026, 5, 23), True)])
def test_the_gate_uses_the_configured_observation_months(
    client, monday, team_manager, social_worker, observed_on, recorded
):
    PracticeStandard.objects.update_or_create(code="OBSERVATION", defaults={"values": {"months": 6}})
    ObservationFactory(practitioner=social_worker, observed_on=observed_on)
    client.force_login(team_manager)
    response = client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]),
                           appraisal_data(D(2026, 11, 23)))
    assert Appraisal.objects.exists() is recorded
    assert ("none in the 6 months before 23 November 2026" in response.content.decode()) is not recorded


def test_the_gate_reckons_month_ends_as_the_observation_rule_does(client, monday, team_manager, social_worker):
    # 28 February 2023 plus 12 months is 28 February 2024: the rule would flag an appraisal on the 29th.
    ObservationFactory(practitioner=social_worker, observed_on=D(2023, 2, 28))
    client.force_login(team_manager)
    client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]), appraisal_data(D(2024, 2, 29)))
    assert not Appraisal.objects.exists()
    client.post(reverse("supervision:appraisal_new", args=[social_worker.pk]), appraisal_data(D(2024, 2, 28)))
    assert Appraisal.objects.exists()

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from cases.models import Child
from returns import tasks
from returns.models import ImportBatch
from tests.returns.helpers import DATA

SAMPLE = (DATA / "liia_Annex_A.xlsx").read_bytes()


@pytest.fixture
def eager():
    # Celery reads its configuration once, so the running app's setting is changed, not Django's;
    # monkeypatch cannot undo it (Celery's settings refuse delattr), so it is put back by hand.
    conf = tasks.check_batch.app.conf
    before = conf.task_always_eager
    conf.task_always_eager = True
    yield
    conf.task_always_eager = before


def upload(client, django_capture_on_commit_callbacks, payload=SAMPLE, name="annex-a.xlsx", **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("returns:imports"), {"file": SimpleUploadedFile(name, payload), **data})


def test_an_administrator_checks_then_imports_a_workbook(
    client, administrator, team, eager, django_capture_on_commit_callbacks
):
    client.force_login(administrator)

    response = upload(client, django_capture_on_commit_callbacks, fallback_team=team.pk)

    batch = ImportBatch.objects.get()
    assert response.url == batch.get_absolute_url()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Checked: ready to import" in page
    assert "List 8 row 5" in page and "before the date of birth" in page
    assert not Child.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("returns:confirm", args=[batch.pk]))

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED
    assert batch.payload is None
    assert Child.objects.count() == 35
    rejected = client.get(batch.get_absolute_url() + "?show=reject").content.decode()
    assert "List 9 row 2" in rejected and "List 7 row 2" not in rejected


def test_confirming_twice_imports_once(client, administrator, team, eager, django_capture_on_commit_callbacks):
    client.force_login(administrator)
    upload(client, django_capture_on_commit_callbacks, fallback_team=team.pk)
    batch = ImportBatch.objects.get()

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("returns:confirm", args=[batch.pk]))

    assert Child.objects.count() == 35
    assert batch.records.filter(natural_key="child").values("object_id").distinct().count() == 35


def test_the_report_shows_identifiers_not_names(client, administrator, team, social_worker, eager,
                                                django_capture_on_commit_callbacks):
    client.force_login(administrator)
    Child.objects.create(local_id="9396243", first_name="Secretname", last_name="Hidden", team=team,
                         date_of_birth="2017-10-23", category="CP", opened_on="2020-04-27")
    upload(client, django_capture_on_commit_callbacks, fallback_team=team.pk)

    page = client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()

    assert "9396243" in page and "Secretname" not in page


def test_a_file_of_the_wrong_type_shows_why_nothing_was_imported(
    client, administrator, eager, django_capture_on_commit_callbacks
):
    client.force_login(administrator)

    upload(client, django_capture_on_commit_callbacks, payload=b"not, a, return\n", name="x.csv")

    page = client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()
    assert "Nothing was imported" in page and "not a return Oversight reads" in page


def test_a_running_check_shows_its_progress_and_refreshes(client, administrator):
    client.force_login(administrator)
    batch = ImportBatch.objects.create(file_name="big.xlsx", file_sha256="0", uploaded_by=administrator,
                                       status=ImportBatch.Status.CHECKING, rows_total=10000, rows_done=2500)

    page = client.get(batch.get_absolute_url()).content.decode()

    assert "2500 of 10000 rows read (25%)" in page
    assert 'http-equiv="refresh"' in page


def test_an_administrator_downloads_annex_a_for_a_date(client, administrator, child):
    client.force_login(administrator)

    response = client.get(reverse("returns:export"), {"as_of": "2026-03-31"})

    assert response["Content-Disposition"] == 'attachment; filename="annex-a-2026-03-31.xlsx"'
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert [row[0] for row in book["List 6"].iter_rows(min_row=2, values_only=True)] == [child.local_id]


def test_the_administrators_navigation_has_imports(client, administrator):
    client.force_login(administrator)

    assert reverse("returns:imports") in client.get(reverse("home")).content.decode()


def test_an_administrator_checks_a_workforce_census_on_the_page(
    client, administrator, team, eager, django_capture_on_commit_callbacks
):
    from organisation.models import StaffMember
    from tests.returns.test_workforce import census, worker

    client.force_login(administrator)

    upload(client, django_capture_on_commit_callbacks, payload=census(worker("SW0000000001")), name="csww.xml",
           fallback_team=team.pk)

    batch = ImportBatch.objects.get()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Social work workforce census" in page and "Staff members to create" in page
    assert "SWE number" in page and "SW0000000001" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("returns:confirm", args=[batch.pk]))
    assert StaffMember.objects.get(swe_number="SW0000000001").team == team


def test_an_administrator_checks_an_ssda903_table_on_the_page(
    client, administrator, eager, django_capture_on_commit_callbacks
):
    from tests.returns.test_ssda903 import EPISODES, table

    client.force_login(administrator)

    upload(client, django_capture_on_commit_callbacks, payload=table(EPISODES, "X1,01/01/2022,S,C2,N1,U1,PR1,,,,,,")
           .encode(), name="episodes.csv")

    page = client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()
    assert "SSDA903 (looked-after children)" in page and "Episodes row 2" in page
    assert "the SSDA903 Header table gives it" in page

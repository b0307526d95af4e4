"""The dry run says, per file, what was read and what was not; stopped runs fail and old files are deleted."""
import datetime

import time_machine
from django.utils import timezone

from returns.imports import tidy
from returns.models import ImportBatch
from tests.returns.cin_files import census, child, cin_details
from tests.returns.helpers import checked, workbook
from tests.returns.test_annex_a import LIST_7, cp_row
from tests.returns.test_ssda903 import EPISODES, HEADER, table, zipped

NOW = datetime.datetime(2024, 6, 30, 12, tzinfo=datetime.UTC)


def part(batch, starts):
    return next(p for p in batch.coverage if p["part"].startswith(starts))


def test_an_annex_a_dry_run_lists_the_columns_read_and_not_read_per_sheet(administrator, team):
    payload = workbook({"List_7": [["Annex A list 7"], LIST_7 + ["Council's own notes"], cp_row("CP1")],
                        "List 1 - Contacts": [["Child Unique ID", "Date of Contact"]]})

    batch = checked(payload, administrator)

    seven = part(batch, "List 7: sheet 'List_7', headers on row 2")
    assert "Child Protection Plan Start Date" in seven["read"] and "Was the Child Seen Alone?" in seven["read"]
    assert {"Initial Category of Abuse", "Number of Previous Child Protection Plans",
            "Council's own notes"} <= set(seven["not_read"])
    assert not set(seven["read"]) & set(seven["not_read"])
    contacts = part(batch, "List 1")
    assert contacts["read"] == [] and contacts["not_read"] == ["Child Unique ID", "Date of Contact"]


def test_a_cin_dry_run_lists_the_elements_read_and_not_read(administrator, team):
    details = cin_details(s47=[("2024-01-12", None)])
    batch = checked(census([child("C1", details, year=2025)]), administrator, fallback_team=team)

    (only,) = batch.coverage
    assert only["part"] == "CIN census, read as 2024-25"
    assert {"Sex", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "ReferralNFA"} <= set(only["read"])
    assert only["not_read"] == ["ICPCnotRequired"]


def test_a_903_dry_run_lists_each_table_and_the_tables_not_kept(administrator, team):
    payload = zipped(header=table(HEADER, "CLA1,2,03/04/2012,WBRI,A123456789012,,"),
                     episodes=table(EPISODES, "CLA1,02/12/2022,S,C2,N1,U1,PR1,,,,,,"),
                     oc3=table("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "CLA1,03/04/2012,YES,F1,S"))

    batch = checked(payload, administrator, fallback_team=team, name="903.zip")

    header = part(batch, "header.csv: Header table")
    assert header["read"] == ["CHILD", "SEX", "DOB", "ETHNIC"]
    assert header["not_read"] == ["UPN", "MOTHER", "MC_DOB"]
    assert part(batch, "oc3.csv: OC3 table: not kept in Oversight")["not_read"] == [
        "CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]


def _batch(administrator, status, *, uploaded, progress=None):
    batch = ImportBatch.objects.create(file_name="x.xml", payload=b"<x/>", file_sha256="0" * 64,
                                       uploaded_by=administrator, status=status)
    ImportBatch.objects.filter(pk=batch.pk).update(uploaded_at=uploaded, progress_at=progress)
    return batch


def test_a_run_with_no_progress_for_the_stale_time_is_marked_failed(administrator):
    minute = datetime.timedelta(minutes=1)
    stale = _batch(administrator, ImportBatch.Status.IMPORTING, uploaded=NOW - 90 * minute,
                   progress=NOW - 61 * minute)
    edge = _batch(administrator, ImportBatch.Status.CHECKING, uploaded=NOW - 90 * minute, progress=NOW - 60 * minute)
    queued = _batch(administrator, ImportBatch.Status.QUEUED, uploaded=NOW - 61 * minute)

    assert tidy(NOW, stale_minutes=60, keep_days=7)[0] == 2

    statuses = dict(ImportBatch.objects.values_list("pk", "status"))
    assert statuses == {stale.pk: "failed", edge.pk: "checking", queued.pk: "failed"}
    assert "no progress for 60 minutes" in ImportBatch.objects.get(pk=stale.pk).error


def test_files_are_deleted_after_the_days_kept_and_a_checked_batch_says_so(administrator):
    day = datetime.timedelta(days=1)
    checked_old = _batch(administrator, ImportBatch.Status.CHECKED, uploaded=NOW - 7 * day - datetime.timedelta(
        seconds=1), progress=NOW - 7 * day)
    failed_old = _batch(administrator, ImportBatch.Status.FAILED, uploaded=NOW - 8 * day, progress=NOW - 8 * day)
    recent = _batch(administrator, ImportBatch.Status.CHECKED, uploaded=NOW - 7 * day + datetime.timedelta(
        seconds=1), progress=NOW - day)

    assert tidy(NOW, stale_minutes=60, keep_days=7)[1] == 2

    kept = {b.pk: (b.status, b.payload is not None) for b in ImportBatch.objects.all()}
    assert kept == {checked_old.pk: ("failed", False), failed_old.pk: ("failed", False), recent.pk: ("checked", True)}
    assert "deleted 7 days after it was uploaded" in ImportBatch.objects.get(pk=checked_old.pk).error


def test_the_tidy_task_uses_the_configured_days(administrator, settings):
    from returns.tasks import tidy_imports

    settings.RETURNS_KEEP_FILES_DAYS = 2
    with time_machine.travel(NOW, tick=False):
        old = _batch(administrator, ImportBatch.Status.IMPORTED, uploaded=timezone.now() - datetime.timedelta(days=3))
        tidy_imports()

    assert ImportBatch.objects.get(pk=old.pk).payload is None

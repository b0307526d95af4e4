"""Access-log and disposal rows cannot be changed or deleted by the application (SPEC section 7)."""
import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from traceability.models import AccessLogEntry, Action, DisposalRecord, ImmutableRowError

# The rows are fixtures fetched inside the tests: marked, so this file alone still sets up the database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(social_worker):
    return AccessLogEntry.objects.create(user=social_worker, action=Action.VIEWED, kind="child", object_id=1)


@pytest.fixture
def disposal(db):
    return DisposalRecord.objects.create(
        child_pk=1, local_id="C1", category="CP", rule="CP: 35 years", due_on=datetime.date(2020, 1, 1), removed={}
    )


@pytest.mark.parametrize("row", ["entry", "disposal"])
def test_the_models_refuse_changes_and_deletion(request, row):
    obj = request.getfixturevalue(row)
    with pytest.raises(ImmutableRowError):
        obj.save()
    with pytest.raises(ImmutableRowError):
        obj.delete()
    with pytest.raises(ImmutableRowError):
        type(obj).objects.filter(pk=obj.pk).update(pk=obj.pk)
    with pytest.raises(ImmutableRowError):
        type(obj).objects.filter(pk=obj.pk).delete()


@pytest.mark.db_owner  # the trigger, behind the application role's grants, holds even for the owner
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize(
    ("row", "sql"),
    [
        ("entry", "UPDATE traceability_accesslogentry SET object_id = 2"),
        ("entry", "DELETE FROM traceability_accesslogentry"),
        ("disposal", "UPDATE traceability_disposalrecord SET local_id = 'x'"),
        ("disposal", "DELETE FROM traceability_disposalrecord"),
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(request, row, sql):
    request.getfixturevalue(row)
    with pytest.raises(DatabaseError, match="cannot be changed or deleted"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)

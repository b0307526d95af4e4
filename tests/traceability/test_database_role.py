"""The application's database role cannot rewrite the trail: no UPDATE, DELETE or TRUNCATE on history,
access-log and disposal rows, no superuser rights; the suite itself runs connected as this role."""
import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from cases.models import Child
from tests.conftest import APP_ROLE
from tests.factories import ChildFactory
from traceability.db_roles import trail_tables
from traceability.models import AccessLogEntry, Action, DisposalRecord

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or not APP_ROLE, reason="database roles are PostgreSQL's"
)


def refused(sql, params=()):
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as error:
        return str(error)
    return None


@pytest.fixture
def trail(social_worker, child):
    AccessLogEntry.objects.create(user=social_worker, action=Action.VIEWED, kind="child", object_id=child.pk)
    DisposalRecord.objects.create(
        child_pk=0, local_id="C0", category="CP", rule="CP: 35 years", due_on=datetime.date(2020, 1, 1), removed={}
    )
    assert Child.history.filter(id=child.pk).exists()


def test_the_suite_is_connected_as_the_applications_role(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (APP_ROLE, False, False)


@pytest.mark.parametrize("table", ["cases_historicalchild", "organisation_historicalstaffmember",
                                   "traceability_accesslogentry", "traceability_disposalrecord"])
@pytest.mark.parametrize("statement", ["UPDATE {} SET id = id", "DELETE FROM {}", "TRUNCATE {}"])
def test_the_trail_cannot_be_rewritten(trail, table, statement):
    assert "permission denied" in refused(statement.format(table))


def test_every_history_table_is_insert_only(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = current_user AND table_name = ANY(%s)", [trail_tables()],
        )
        granted = cursor.fetchall()
    assert {privilege for _, privilege in granted} == {"SELECT", "INSERT"}
    assert len({table for table, _ in granted}) == len(trail_tables()) > 20


def test_the_access_log_trigger_cannot_be_bypassed(trail):
    assert "permission denied" in refused("SET session_replication_role = replica")
    assert "must be owner" in refused("ALTER TABLE traceability_accesslogentry DISABLE TRIGGER ALL")


def test_the_role_cannot_delete_the_history_of_a_living_child(child):
    error = refused("SELECT traceability_dispose_history('cases_historicalchild', %s, ARRAY[]::bigint[], true)",
                    [child.pk])
    assert "has not been disposed of" in error
    assert refused("SELECT traceability_dispose_history('traceability_accesslogentry', 1, ARRAY[1], false)")
    assert Child.history.filter(id=child.pk).exists()


def test_the_application_still_writes_records_under_the_role(social_worker):
    child = ChildFactory(worker=social_worker)
    child.first_name = "Changed"
    child.save()
    assert child.history.count() == 2

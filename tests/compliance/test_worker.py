"""A real worker against the real Redis and PostgreSQL raises a flag after a save, and resolves it when mended."""
import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from compliance.models import Flag
from organisation.models import Role
from oversight.celery import app
from tests.factories import StaffFactory, SupervisionContractFactory

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (make test sets it)")


def eventually(check, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def worker():
    # A queue of our own, so another test run sharing this Redis cannot take our tasks.
    queue, previous = f"compliance-test-{uuid.uuid4().hex}", app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        with start_worker(app, queues=[queue], perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_default_queue = previous
        with app.connection_for_write() as connection:
            # Our queue's binding tables in Redis; nothing else uses them.
            connection.default_channel.client.delete(f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")


@pytest.mark.django_db(transaction=True)
def test_a_worker_raises_a_flag_after_a_save_and_resolves_it_when_mended(worker):
    member = StaffFactory(line_manager=StaffFactory(role=Role.TEAM_MANAGER))
    no_contract = Flag.objects.filter(rule="SUP-CONTRACT", staff=member)
    assert eventually(lambda: no_contract.open().exists()), "the worker did not raise SUP-CONTRACT"
    SupervisionContractFactory(staff=member)
    assert eventually(lambda: not no_contract.open().exists()), "the worker did not resolve SUP-CONTRACT"
    assert no_contract.count() == 1

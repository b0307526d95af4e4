import datetime

from cases.models import Child
from returns.models import ImportBatch
from tests.returns.helpers import imported, workbook
from tests.returns.test_annex_a import LIST_7, cp_row

CHILDREN = 10_000


def test_a_ten_thousand_child_annex_a_imports_in_bounded_queries(administrator, team, social_worker,
                                                                django_assert_max_num_queries):
    social_worker.first_name, social_worker.last_name = "Ezra", "Leigh"
    social_worker.save()
    rows = [cp_row(f"S{n:06d}", worker="Ezra Leigh", start=44000 + n % 900, visit=45000 + n % 300,
                   born=datetime.datetime(2010, 1, 1) + datetime.timedelta(days=n % 3000))
            for n in range(CHILDREN)]
    payload = workbook({"List 7": [LIST_7, *rows]})

    # Speed belongs to the benchmark; here the work must not grow a query per child.
    with django_assert_max_num_queries(CHILDREN // 10):
        batch = imported(payload, administrator)

    assert batch.status == ImportBatch.Status.IMPORTED
    assert Child.objects.count() == CHILDREN
